package engine

import (
	"sort"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// aboutTopic is one conceptual help topic (Get-Help about_Name).
type aboutTopic struct {
	name, short string
	long        []string // paragraphs; lines starting with "  " are kept as examples
}

// aboutTopics are exosim's conceptual help topics, in our own words.
func aboutTopics() []aboutTopic {
	return []aboutTopic{
		{
			name:  "about_Exosim",
			short: "What exosim is, what it simulates and how a session works.",
			long: []string{
				"exosim is an offline simulator of Exchange Online PowerShell: PowerShell 7 with the ExchangeOnlineManagement module, working against a simulated Microsoft 365 tenant that lives in one local file. Nothing is sent to Microsoft; every command reads and changes that file.",
				"The tenant starts from a seed (contoso by default: people, mailboxes, messages). Reset-SimTenant puts it back to a seed's starting state. exosim --tenant FILE (or $EXOSIM_TENANT) chooses the file.",
				"A session starts connected as the tenant's administrator, to both Exchange Online and Security & Compliance PowerShell. Started with exosim --require-connect it begins disconnected: Exchange cmdlets are then unknown until Connect-ExchangeOnline runs, and compliance cmdlets until Connect-IPPSSession runs, as on a fresh PowerShell window. Disconnect-ExchangeOnline closes both.",
				"Ways to run commands:",
				"  exosim                      the interactive prompt (Tab completion, history, Ctrl+R)",
				"  exosim -c 'Get-SimClock'    one command line",
				"  exosim run runbook.ps1      a script, with $args",
				"  exosim lint runbook.ps1     checks a runbook without running it",
				"Discovery works as in PowerShell: Get-Command (with -Module, -Verb, -Noun and wildcards), Get-Help NAME with -Examples, -Detailed, -Full or -Parameter, and Get-Member on any output. The simulator's own cmdlets are in the Exosim module and use the noun prefix Sim.",
				"See also: about_SimClock, about_SimLabs.",
			},
		},
		{
			name:  "about_SimClock",
			short: "The simulated clock that every exosim command runs at.",
			long: []string{
				"Time in exosim is simulated and stored in the tenant file. Get-Date, the WhenChanged and WhenCreated values of objects, message trace times and transcript times all read the simulated clock, so the same commands give the same output on every run.",
				"The clock never moves by itself. Set-SimClock -Advance '30.00:00:00' or -Date '2024-04-01' moves it forward (never back), and Start-Sleep advances it by the time asked for instead of waiting.",
				"Work that Exchange Online does later is kept as timers: soft-deleted mailboxes being purged, delay holds running out, restore requests completing, retention periods ending. As the clock passes a timer's due time the timer fires, in time order. Get-SimClock shows the current time, how many timers are waiting and when the next one is due.",
				"Example:",
				"  Get-SimClock",
				"  Set-SimClock -Advance '31.00:00:00'",
				"Reset-SimTenant sets the clock back to the seed's starting time.",
			},
		},
		{
			name:  "about_SimLabs",
			short: "Self-checking training labs built on the simulated tenant.",
			long: []string{
				"A lab is a task to solve in the simulated tenant, with a starting state and a goal. Labs are data files (a seed, a setup script and a list of objectives checked against the tenant), so trainers can add their own.",
				"From the command line:",
				"  exosim lab list            lists the labs and whether this exosim can run each",
				"  exosim lab start NAME      resets the tenant to the lab's starting state and prints the task",
				"  exosim lab check           shows each objective as done or missing; exits 0 only when all are done",
				"  exosim lab hint            prints the next hint for the current lab",
				"  exosim lab --dir DIR ...   adds the *.lab files in DIR (also $EXOSIM_LABS)",
				"Inside a session, Get-SimLab shows the current lab and its task (Get-SimLab -ListAvailable lists the labs), and Test-SimLab checks the objectives, as exosim lab check does; Test-SimLab -Quiet returns just $true or $false. Get-SimLabHint shows the next hint, as exosim lab hint does. The prompt holds the tenant only while a command runs, so exosim lab check and exosim lab hint also work from another terminal while a prompt is open.",
				"A lab file, NAME.lab, is a txtar archive. Its header has title: and seed: (contoso or empty) lines, and optionally clock:, requires: (commands the lab needs) and source:. Then come the sections -- task -- (the text the trainee reads), -- setup -- (a script run on the fresh tenant), one -- hint -- per hint, and one -- objective: DESCRIPTION -- per goal. An objective's body is a PowerShell check run against the tenant, not against what the trainee typed: the objective is done when the check's output is true, as in an if statement.",
				"Example objective:",
				"  -- objective: Pilar's mailbox is inactive --",
				"  (Get-Mailbox -InactiveMailboxOnly -Identity pilarp).IsInactiveMailbox",
				"To make connecting part of the exercise, work on a lab with exosim --require-connect: Exchange cmdlets then need Connect-ExchangeOnline first (and compliance cmdlets Connect-IPPSSession). Checks always run in a connected session.",
			},
		},
	}
}

// AboutTopic returns the text of a conceptual help topic (about_Exosim,
// about_SimClock, about_SimLabs), matched case-insensitively.
func AboutTopic(name string) (string, bool) {
	for _, t := range aboutTopics() {
		if strings.EqualFold(t.name, name) {
			return renderTopic(t), true
		}
	}
	return "", false
}

func renderTopic(t aboutTopic) string {
	var b strings.Builder
	b.WriteString("TOPIC\n    " + t.name + "\n\nSHORT DESCRIPTION\n    " + t.short + "\n\nLONG DESCRIPTION\n")
	for i, p := range t.long {
		if strings.HasPrefix(p, "  ") {
			b.WriteString("    " + p + "\n")
			if i+1 < len(t.long) && !strings.HasPrefix(t.long[i+1], "  ") {
				b.WriteString("\n")
			}
			continue
		}
		for _, l := range wrapWords(p, 76) {
			b.WriteString("    " + l + "\n")
		}
		if i+1 < len(t.long) && !strings.HasPrefix(t.long[i+1], "  ") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// wrapWords breaks text into lines of at most width characters.
func wrapWords(text string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) > width:
			out = append(out, line)
			line = w
		default:
			line += " " + w
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// writeHelpList answers Get-Help with a wildcard: one row per matching
// command or about topic (Name, Category, Module, Synopsis).
func writeHelpList(ctx *command.Context, pattern string) error {
	type row struct{ name, category, module, synopsis string }
	var rows []row
	for _, c := range runtime.Of(ctx).Commands() {
		if wildcard.Match(pattern, c.Name) {
			cat := "Cmdlet"
			if c.Type == command.FunctionCommand {
				cat = "Function"
			}
			rows = append(rows, row{c.Name, cat, c.Module, c.Synopsis})
		}
	}
	for alias, target := range runtime.Of(ctx).Aliases() {
		if wildcard.Match(pattern, alias) {
			rows = append(rows, row{alias, "Alias", "", target})
		}
	}
	for _, t := range aboutTopics() {
		if wildcard.Match(pattern, t.name) {
			rows = append(rows, row{t.name, "HelpFile", "", t.short})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool { return strings.ToLower(rows[i].name) < strings.ToLower(rows[j].name) })
	for _, r := range rows {
		o := object.NewObject("HelpInfoShort", "System.Object")
		o.AddTyped("Name", "string", r.name)
		o.AddTyped("Category", "string", r.category)
		o.AddTyped("Module", "string", r.module)
		o.AddTyped("Synopsis", "string", r.synopsis)
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// AboutTopicNames lists the conceptual help topics (about_...) for
// completion after Get-Help.
func AboutTopicNames() []string {
	var out []string
	for _, t := range aboutTopics() {
		out = append(out, t.name)
	}
	return out
}
