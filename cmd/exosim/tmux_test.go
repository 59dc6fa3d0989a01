package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// The terminal tests drive the real REPL in a detached tmux pane: keys go
// in with send-keys, the screen and the cursor come back with capture-pane
// and display-message. Each test has its own tmux server, work directory
// and copy of a seeded tenant, so they run in parallel. Waits poll the
// screen; their deadline only guards against a hang and is never a
// measurement.

// termDeadline bounds every wait; it is generous for a loaded machine.
const termDeadline = 60 * time.Second

var (
	termBinOnce sync.Once
	termBin     string
	termTenant  string
	termBinErr  error
)

// requireTmux skips the test without tmux, except in CI (CI or
// EXOSIM_REQUIRE_TMUX set), where tmux is required.
func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" || os.Getenv("EXOSIM_REQUIRE_TMUX") != "" {
			t.Fatal("tmux is required in CI")
		}
		t.Skip("tmux not installed")
	}
	if testing.Short() {
		t.Skip("short")
	}
}

// termSetup takes the test's exosim (or EXOSIM_TMUX_BIN, to compare
// builds) and seeds one tenant that every test copies.
func termSetup(t *testing.T) (bin, tenant string) {
	t.Helper()
	termBinOnce.Do(func() {
		dir, err := buildDir("exosim-term-")
		if err != nil {
			termBinErr = err
			return
		}
		termBin = os.Getenv("EXOSIM_TMUX_BIN")
		if termBin == "" {
			termBin = exosimBinary(t)
		}
		termTenant = filepath.Join(dir, "seed.db")
		cmd := exec.Command(termBin, "--tenant", termTenant, "-c", "$null")
		cmd.Env = append(os.Environ(), "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			termBinErr = fmt.Errorf("seed tenant: %v\n%s", err, out)
		}
	})
	if termBinErr != nil {
		t.Fatal(termBinErr)
	}
	return termBin, termTenant
}

// pane is one REPL in a tmux pane.
type pane struct {
	t      *testing.T
	socket string
	dir    string
	tenant string
	bin    string
	cols   int
	rows   int
	// color starts exosim without NO_COLOR (colours on the terminal).
	color bool
	// flags are more of exosim's flags, put before --tenant.
	flags string
}

var socketSeq struct {
	sync.Mutex
	n int
}

// newTerm starts exosim in a cols×rows pane on a fresh copy of the seeded
// tenant and waits for the first prompt.
func newTerm(t *testing.T, cols, rows int) *pane {
	t.Helper()
	return newTermColor(t, cols, rows, false)
}

// newTermColor is newTerm with colours on or off.
func newTermColor(t *testing.T, cols, rows int, color bool) *pane {
	t.Helper()
	requireTmux(t)
	bin, seed := termSetup(t)
	dir := t.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	tenant := filepath.Join(dir, "tenant.db")
	if err := os.WriteFile(tenant, data, 0o600); err != nil {
		t.Fatal(err)
	}
	socketSeq.Lock()
	socketSeq.n++
	socket := fmt.Sprintf("exosim-%d-%d", os.Getpid(), socketSeq.n)
	socketSeq.Unlock()
	s := &pane{t: t, socket: socket, dir: dir, tenant: tenant, bin: bin, cols: cols, rows: rows, color: color}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	s.start()
	return s
}

// start runs exosim in a new tmux session (again after exit: history and
// tenant carry over).
func (s *pane) start() {
	s.t.Helper()
	s.tmux("kill-server")
	noColor := "NO_COLOR=1"
	if s.color {
		noColor = "-u NO_COLOR"
	}
	cmd := fmt.Sprintf("cd %q && exec env %s LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen HOME=%q %q %s --tenant %q", s.dir, noColor, s.dir, s.bin, s.flags, s.tenant)
	// A server that is still shutting down after kill-server can refuse
	// the new session for a moment: try again.
	for try := 0; ; try++ {
		out, err := exec.Command("tmux", "-u", "-L", s.socket, "-f", "/dev/null", "new-session", "-d", "-s", "x",
			"-x", strconv.Itoa(s.cols), "-y", strconv.Itoa(s.rows), cmd).CombinedOutput()
		if err == nil {
			break
		}
		if try == 20 {
			s.t.Fatalf("tmux new-session: %v\n%s", err, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.tmux("set-option", "-t", "x", "remain-on-exit", "on")
	s.waitPrompt()
}

// tmux runs a tmux command on this test's server; errors are ignored for
// kill-server (there may be none yet).
func (s *pane) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-u", "-L", s.socket}, args...)...).CombinedOutput()
	if err != nil && args[0] != "kill-server" {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// typ types text literally.
func (s *pane) typ(text string) { s.t.Helper(); s.tmux("send-keys", "-t", "x", "-l", text) }

// key presses tmux key names (Tab, Enter, C-r, BSpace, Left, BTab ...).
func (s *pane) key(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "x"}, keys...)...)
}

// raw sends bytes as they are (escape sequences the way a terminal sends
// them).
func (s *pane) raw(b string) {
	s.t.Helper()
	args := []string{"send-keys", "-t", "x", "-H"}
	for i := 0; i < len(b); i++ {
		args = append(args, fmt.Sprintf("%02x", b[i]))
	}
	s.tmux(args...)
}

// paste pastes text as a terminal does (line feeds become carriage
// returns).
func (s *pane) paste(text string) {
	s.t.Helper()
	s.tmux("set-buffer", "-b", "p", text)
	s.tmux("paste-buffer", "-b", "p", "-t", "x")
}

func (s *pane) resize(cols, rows int) {
	s.t.Helper()
	s.cols, s.rows = cols, rows
	s.tmux("resize-window", "-t", "x", "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows))
}

// lines returns the visible rows, trailing blanks removed.
func (s *pane) lines() []string {
	s.t.Helper()
	return splitScreen(s.tmux("capture-pane", "-p", "-t", "x"))
}

// joined returns the rows with terminal-wrapped rows joined, as the
// program wrote them.
func (s *pane) joined() []string {
	s.t.Helper()
	return splitScreen(s.tmux("capture-pane", "-p", "-J", "-t", "x"))
}

func splitScreen(sc string) []string {
	ls := strings.Split(strings.TrimRight(sc, "\n"), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// selected returns, for each visible row, the text drawn in reverse
// video (the selection), "" where there is none.
func (s *pane) selected() []string {
	s.t.Helper()
	ls := strings.Split(strings.TrimRight(s.tmux("capture-pane", "-p", "-e", "-t", "x"), "\n"), "\n")
	out := make([]string, len(ls))
	on := false // the attribute carries over to the next row
	for i, l := range ls {
		var b strings.Builder
		for j := 0; j < len(l); j++ {
			if l[j] == 0x1b && j+1 < len(l) && l[j+1] == '[' {
				k := j + 2
				for k < len(l) && (l[k] < 0x40 || l[k] > 0x7e) {
					k++
				}
				if k < len(l) && l[k] == 'm' {
					for _, p := range strings.Split(l[j+2:k], ";") {
						switch p {
						case "", "0", "27":
							on = false
						case "7":
							on = true
						}
					}
				}
				j = k
				continue
			}
			if on {
				b.WriteByte(l[j])
			}
		}
		out[i] = b.String()
	}
	return out
}

// cursor returns the cursor's column and row in the pane.
func (s *pane) cursor() (x, y int) {
	s.t.Helper()
	out := strings.Fields(s.tmux("display-message", "-p", "-t", "x", "#{cursor_x} #{cursor_y}"))
	if len(out) != 2 {
		s.t.Fatalf("cursor: %q", out)
	}
	x, _ = strconv.Atoi(out[0])
	y, _ = strconv.Atoi(out[1])
	return x, y
}

func (s *pane) dead() bool {
	return strings.TrimSpace(s.tmux("list-panes", "-t", "x", "-F", "#{pane_dead}")) == "1"
}

// until polls until cond holds for the screen and cursor.
func (s *pane) until(what string, cond func(ls []string, x, y int) bool) ([]string, int, int) {
	s.t.Helper()
	deadline := time.Now().Add(termDeadline)
	for {
		ls := s.lines()
		x, y := s.cursor()
		for len(ls) <= y {
			ls = append(ls, "") // the cursor may sit on an empty row
		}
		if cond(ls, x, y) {
			return ls, x, y
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s: cursor %d,%d; screen:\n%s", what, x, y, strings.Join(ls, "\n"))
		}
		time.Sleep(25 * time.Millisecond)
	}
}

const psPrompt = "PS exosim> "

// lastRow is the index of the last non-empty row.
func lastRow(ls []string) int {
	i := len(ls) - 1
	for i > 0 && ls[i] == "" {
		i--
	}
	return i
}

// waitPrompt waits for an empty prompt on the last row, with the cursor
// after it; it returns that row.
func (s *pane) waitPrompt() int {
	s.t.Helper()
	_, _, y := s.until("an empty prompt", func(ls []string, x, y int) bool {
		return len(ls) > 0 && ls[lastRow(ls)] == strings.TrimRight(psPrompt, " ") && y == lastRow(ls) && x == len(psPrompt)
	})
	return y
}

// waitEdit waits until the line being edited (the prompt's row) reads
// line and the cursor is at column x of it (x < 0: anywhere).
func (s *pane) waitEdit(line string, x int) {
	s.t.Helper()
	s.until(fmt.Sprintf("line %q, cursor column %d", line, x), func(ls []string, cx, cy int) bool {
		if cy >= len(ls) || !strings.HasPrefix(ls[cy], psPrompt[:len(psPrompt)-1]) {
			return false
		}
		return ls[cy] == strings.TrimRight(psPrompt+line, " ") && (x < 0 || cx == x)
	})
}

// waitRows waits until want appears as consecutive rows of the screen; it
// returns the index of the first.
func (s *pane) waitRows(want ...string) int {
	s.t.Helper()
	at := -1
	s.until(fmt.Sprintf("rows %q", want), func(ls []string, _, _ int) bool {
		at = findRows(ls, want)
		return at >= 0
	})
	return at
}

func findRows(ls, want []string) int {
	for i := len(ls) - len(want); i >= 0; i-- {
		ok := true
		for j, w := range want {
			if ls[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func (s *pane) waitText(want string) {
	s.t.Helper()
	s.until(fmt.Sprintf("%q on screen", want), func(ls []string, _, _ int) bool {
		return strings.Contains(strings.Join(ls, "\n"), want)
	})
}

// run types a command line, presses Enter and waits for the next empty
// prompt.
func (s *pane) run(line string) {
	s.t.Helper()
	s.typ(line)
	s.until(fmt.Sprintf("%q typed", line), func([]string, int, int) bool {
		ls := s.joined()
		return len(ls) > 0 && ls[len(ls)-1] == psPrompt+line
	})
	s.key("Enter")
	s.waitPrompt()
}

func (s *pane) exit() {
	s.t.Helper()
	s.typ("exit")
	s.key("Enter")
	s.until("exit", func([]string, int, int) bool { return s.dead() })
}

// width counts terminal cells (East Asian wide characters take two).
func width(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// ---------------------------------------------------------------------------
// Confirmation prompts (ShouldProcess, PromptForChoice)

const (
	remoteChoices = `[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"): `
	localChoices  = `[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `
)

// TestTermConfirm prints Remove-Mailbox's confirmation as PowerShell's
// console host does at 80 and 140 columns: a blank line, the caption, the
// message wrapped at one cell less than the width (PowerShell's wrap keeps
// the blank that did not fit at the start of the next row), and the
// choices row with the cursor after it. "?" lists the choices' help and
// asks again; N leaves the mailbox alone. Exchange Online's cmdlets run in
// a remote session, so they offer no [S] Suspend.
func TestTermConfirm(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cols    int
		message []string
	}{
		{80, []string{
			`Removing mailbox "carolo" will remove the Active Directory user object and mark`,
			` the mailbox in the database for removal.`}},
		{140, []string{`Removing mailbox "carolo" will remove the Active Directory user object and mark the mailbox in the database for removal.`}},
	} {
		t.Run(fmt.Sprint(tc.cols), func(t *testing.T) {
			t.Parallel()
			s := newTerm(t, tc.cols, 40)
			s.typ("Remove-Mailbox carolo")
			s.key("Enter")
			want := append([]string{psPrompt + "Remove-Mailbox carolo", "", "Confirm", "Are you sure you want to perform this action?"}, tc.message...)
			want = append(want, strings.TrimRight(remoteChoices, " "))
			at := s.waitRows(want...)
			s.until("cursor after the choices", func(ls []string, x, y int) bool {
				return y == at+len(want)-1 && x == len(remoteChoices)
			})
			s.typ("?")
			s.key("Enter")
			at = s.waitRows(remoteChoices+"?",
				"Y - Continue with only the next step of the operation.",
				"A - Continue with all the steps of the operation.",
				"N - Skip this operation and proceed with the next operation.",
				"L - Skip this operation and all subsequent operations.",
				strings.TrimRight(remoteChoices, " "))
			s.until("cursor after the repeated choices", func(ls []string, x, y int) bool {
				return y == at+5 && x == len(remoteChoices)
			})
			s.typ("n")
			s.key("Enter")
			s.waitPrompt()
			s.run("(Get-Mailbox carolo).Name")
			s.waitRows("carolo", strings.TrimRight(psPrompt, " "))
		})
	}
}

// TestTermConfirmLock: the irreversible Preservation Lock asks even
// without -Confirm; Ctrl+C at the question stops the command (nothing is
// locked) and the next prompt starts on a new row.
func TestTermConfirmLock(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 80, 40)
	s.run("New-RetentionCompliancePolicy -Name Lock1 -ExchangeLocation annb@contoso.com | Out-Null")
	s.typ("Set-RetentionCompliancePolicy -Identity Lock1 -RestrictiveRetention $true")
	s.key("Enter")
	at := s.waitRows("",
		"Confirm",
		"Are you sure you want to perform this action?",
		`Turning on Preservation Lock (RestrictiveRetention) for the retention policy`,
		`"Lock1". Once locked, nobody can turn the policy off, delete it, remove`,
		`locations from it or shorten its retention period. This can't be undone.`,
		strings.TrimRight(remoteChoices, " "))
	s.until("cursor after the choices", func(ls []string, x, y int) bool { return y == at+6 && x == len(remoteChoices) })
	s.key("C-c")
	y := s.waitPrompt()
	if y != at+7 {
		t.Errorf("prompt on row %d, want %d (the row after the choices)", y, at+7)
	}
	s.run("(Get-RetentionCompliancePolicy Lock1).RestrictiveRetention")
	s.waitRows("False", strings.TrimRight(psPrompt, " "))
}

// TestTermSuspend: a local command's prompt offers [S] Suspend; at 80
// columns the choices take two rows (PowerShell breaks before the part
// that does not fit and trims its trailing blank). S opens a nested
// prompt; exit returns to the question, asked again in full.
func TestTermSuspend(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 80, 50)
	s.run(`function Remove-Thing { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }`)
	s.typ("Remove-Thing alpha")
	s.key("Enter")
	prompt := []string{"", "Confirm", "Are you sure you want to perform this action?",
		`Performing the operation "Remove-Thing" on target "alpha".`,
		`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help`,
		`(default is "Y"):`}
	at := s.waitRows(prompt...)
	s.until("cursor after the choices", func(ls []string, x, y int) bool { return y == at+5 && x == len(`(default is "Y"):`) })
	s.typ("s")
	s.key("Enter")
	s.until("nested prompt", func(ls []string, x, y int) bool { return ls[lastRow(ls)] == "PS exosim>>" && x == len("PS exosim>> ") })
	s.typ("$NestedPromptLevel")
	s.key("Enter")
	s.waitRows("1", "PS exosim>>")
	s.typ("exit")
	s.key("Enter")
	at = s.waitRows(append([]string{"PS exosim>> exit"}, prompt...)...)
	s.typ("y")
	s.key("Enter")
	s.waitRows("removed alpha", strings.TrimRight(psPrompt, " "))
}

// TestTermNonInteractive: exosim --non-interactive at a terminal is pwsh
// -NonInteractive there: command lines are edited and run as always, but
// Read-Host and a confirmation fail at once with the NonInteractive error
// instead of asking, and the line goes on.
func TestTermNonInteractive(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 120, 40)
	s.flags = "--non-interactive"
	s.start()
	s.run(`Read-Host 'Name'; 'after read'`)
	s.waitRows("Read-Host: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", "after read", strings.TrimRight(psPrompt, " "))
	s.run(`Remove-Mailbox carolo; (Get-Mailbox carolo).Name`)
	s.waitRows("Remove-Mailbox: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", "carolo", strings.TrimRight(psPrompt, " "))
}

// TestTermHostPrompts: $Host.UI.PromptForChoice prints a caption, message
// and the choices; Read-Host -AsSecureString and Get-Credential echo one
// * per character typed.
func TestTermHostPrompts(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 120, 40)
	s.typ(`$Host.UI.PromptForChoice('Deploy', 'Continue with the change?', @('&Yes', '&No'), 1)`)
	s.key("Enter")
	at := s.waitRows("", "Deploy", "Continue with the change?", `[Y] Yes  [N] No  [?] Help (default is "N"):`)
	s.until("cursor after the choices", func(ls []string, x, y int) bool {
		return y == at+3 && x == len(`[Y] Yes  [N] No  [?] Help (default is "N"): `)
	})
	s.typ("y")
	s.key("Enter")
	s.waitRows("0", strings.TrimRight(psPrompt, " "))

	s.typ(`$s = Read-Host -AsSecureString -Prompt 'Secret'`)
	s.key("Enter")
	s.waitText("Secret:")
	s.typ("abc")
	s.until("three stars", func(ls []string, x, y int) bool { return ls[y] == "Secret: ***" && x == len("Secret: ***") })
	s.key("Enter")
	s.waitPrompt()
	s.run(`ConvertFrom-SecureString $s -AsPlainText`)
	s.waitRows("abc", strings.TrimRight(psPrompt, " "))

	// Ctrl+C at Read-Host stops the line without an error.
	s.typ(`Read-Host 'Name'; 'not reached'`)
	s.key("Enter")
	s.until("the Read-Host prompt", func(ls []string, x, y int) bool { return ls[y] == "Name:" && x == len("Name: ") })
	s.key("C-c")
	y := s.waitPrompt()
	if ls := s.lines(); ls[y-1] != "Name:" {
		t.Fatalf("after Ctrl+C at Read-Host: %q", ls[y-1])
	}

	s.typ(`$c = Get-Credential -UserName admin@contoso.com`)
	s.key("Enter")
	s.waitText("Password for user admin@contoso.com:")
	s.typ("pw")
	s.until("two stars", func(ls []string, x, y int) bool { return ls[y] == "Password for user admin@contoso.com: **" })
	s.key("Enter")
	s.waitPrompt()
	s.run(`$Host.Name; $Host.UI.RawUI.WindowSize.Width; $Host.UI.RawUI.BufferSize.Width`)
	s.waitRows("ConsoleHost", "120", "120", strings.TrimRight(psPrompt, " "))
	// The cursor position comes from the terminal: after Clear-Host the
	// line is on the top row and "abc" on the next.
	s.run("Clear-Host")
	s.run(`Write-Host -NoNewline abc; $p = $Host.UI.RawUI.CursorPosition; ''; "$($p.X),$($p.Y)"`)
	if at := s.waitRows("abc", "3,1", strings.TrimRight(psPrompt, " ")); at != 1 {
		t.Fatalf("Clear-Host left the prompt on row %d", at-1)
	}
	s.typ(`$r = $Host.UI.ReadLine(); $Host.UI.WriteLine("got $r")`)
	s.key("Enter")
	s.typ("東京")
	s.key("Enter")
	s.waitRows("got 東京", strings.TrimRight(psPrompt, " "))
}

// ---------------------------------------------------------------------------
// Editing

// TestTermJapanese edits a line with wide characters: the cursor moves two
// cells over each, Backspace removes one character, a line wider than the
// pane wraps (a wide character that does not fit in the last column moves
// whole to the next row) and shrinks back without stale rows, and Ctrl+R
// finds a Japanese line.
func TestTermJapanese(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 80, 30)
	p := len(psPrompt)
	s.typ(`Write-Host "東京"`)
	s.waitEdit(`Write-Host "東京"`, p+17)
	s.key("Left", "Left", "Left")
	s.waitEdit(`Write-Host "東京"`, p+12)
	s.key("Right")
	s.waitEdit(`Write-Host "東京"`, p+14)
	s.key("C-a")
	s.waitEdit(`Write-Host "東京"`, p)
	s.key("C-e")
	s.waitEdit(`Write-Host "東京"`, p+17)
	s.key("Left", "BSpace")
	s.waitEdit(`Write-Host "東"`, p+14)
	s.typ("京")
	s.waitEdit(`Write-Host "東京"`, p+16)
	s.key("Enter")
	s.waitRows("東京", strings.TrimRight(psPrompt, " "))

	// 34 kana after "PS exosim> '" fill the 80 columns exactly.
	kana := []rune("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろ")
	y0 := s.waitPrompt()
	s.typ("'" + string(kana[:40]))
	s.until("a wrapped line", func(ls []string, x, y int) bool {
		return len(ls) > y0+1 && ls[y0] == psPrompt+"'"+string(kana[:34]) && ls[y0+1] == string(kana[34:40]) && x == 12 && y == y0+1
	})
	s.key("C-a")
	s.until("cursor at the start", func(ls []string, x, y int) bool { return x == p && y == y0 })
	s.key("C-e")
	s.until("cursor at the end", func(ls []string, x, y int) bool { return x == 12 && y == y0+1 })
	s.key("BSpace", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
	// Exactly full: the cursor waits at the start of the next row.
	s.until("a full row", func(ls []string, x, y int) bool {
		return lastRow(ls) == y0 && ls[y0] == psPrompt+"'"+string(kana[:34]) && x == 0 && y == y0+1
	})
	s.key("BSpace")
	s.until("an unwrapped line", func(ls []string, x, y int) bool {
		return lastRow(ls) == y0 && ls[y0] == psPrompt+"'"+string(kana[:33]) && x == 78 && y == y0
	})
	s.key("C-u")
	s.waitEdit("", p)

	// An odd start: the 29th kana does not fit in column 79 and moves to
	// the next row, leaving the last column empty.
	s.typ(`Write-Host "` + string(kana[:30]))
	s.until("a wide character moved to the next row", func(ls []string, x, y int) bool {
		return lastRow(ls) == y0+1 && ls[y0] == psPrompt+`Write-Host "`+string(kana[:28]) && ls[y0+1] == string(kana[28:30]) && x == 4 && y == y0+1
	})
	s.key("Left", "Left")
	s.until("cursor at the start of the second row", func(ls []string, x, y int) bool { return x == 0 && y == y0+1 })
	s.key("Left")
	s.until("cursor on the last kana of the first row", func(ls []string, x, y int) bool { return x == 77 && y == y0 })
	s.key("C-e")
	s.typ(`"`)
	s.key("Enter")
	s.waitRows(string(kana[:30]), strings.TrimRight(psPrompt, " "))

	// Ctrl+R over Japanese: the match is shown once, the cursor on it.
	y0 = s.waitPrompt()
	s.key("C-r")
	s.typ("東京")
	s.until("the search", func(ls []string, x, y int) bool {
		return lastRow(ls) == y0+1 && ls[y0] == psPrompt+`Write-Host "東京"` && ls[y0+1] == "bck-i-search: 東京_" && x == p+12 && y == y0
	})
	s.key("Enter")
	s.waitRows(psPrompt+`Write-Host "東京"`, "東京", strings.TrimRight(psPrompt, " "))
	for _, l := range s.lines() {
		if strings.Contains(l, "東東") {
			t.Fatalf("stale character on screen: %q", l)
		}
	}
}

// TestTermKeys: Home/End in the forms tmux, screen, xterm and PuTTY send,
// Ctrl+Left/Right by word, Escape reverts the line, Ctrl+W deletes back
// to whitespace, Ctrl+C keeps the line on screen with ^C, Ctrl+Space
// (NUL) and Ctrl+Z neither end nor stop the REPL, Ctrl+D on an empty line
// ends it.
func TestTermKeys(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 100, 30)
	p := len(psPrompt)
	for _, hk := range []struct{ home, end string }{
		{"\x1b[1~", "\x1b[4~"}, {"\x1b[H", "\x1b[F"}, {"\x1bOH", "\x1bOF"}, {"\x1b[7~", "\x1b[8~"},
	} {
		s.typ("bcd")
		s.waitEdit("bcd", p+3)
		s.raw(hk.home)
		s.waitEdit("bcd", p)
		s.typ("a")
		s.waitEdit("abcd", p+1)
		s.raw(hk.end)
		s.waitEdit("abcd", p+4)
		s.key("C-u")
		s.waitEdit("", p)
	}
	s.typ("Get-Mailbox -Identity foo-bar")
	// PSReadLine's word delimiters include "-": words are "foo" and "bar".
	s.key("C-Left")
	s.waitEdit("Get-Mailbox -Identity foo-bar", p+26)
	s.key("C-Left")
	s.waitEdit("Get-Mailbox -Identity foo-bar", p+22)
	s.key("C-Right")
	s.waitEdit("Get-Mailbox -Identity foo-bar", p+26)
	s.key("C-e", "C-w")
	s.waitEdit("Get-Mailbox -Identity ", p+22)
	s.key("Escape")
	s.waitEdit("", p)

	s.typ("Get-Help Get-SimClock -Parameter")
	s.waitEdit("Get-Help Get-SimClock -Parameter", -1)
	s.key("C-c")
	y := s.waitPrompt()
	if ls := s.lines(); ls[y-1] != psPrompt+"Get-Help Get-SimClock -Parameter^C" {
		t.Fatalf("Ctrl+C: row above the prompt is %q", ls[y-1])
	}

	// Ctrl+Space on an empty line is MenuComplete: every command, after
	// asking (the question shows below the line).
	s.key("C-Space")
	s.until("the completion question", func(ls []string, x, y int) bool {
		l := ls[lastRow(ls)]
		return strings.HasPrefix(l, "Display all ") && strings.HasSuffix(l, " possibilities? (y or n) _")
	})
	s.typ("n")
	s.waitPrompt()
	s.key("C-z")
	s.run("'still here'")
	s.waitRows("still here", strings.TrimRight(psPrompt, " "))
	// Output that does not end its row: the prompt starts a new one.
	s.run("Write-Host -NoNewline 'no newline'")
	s.waitRows(psPrompt+"Write-Host -NoNewline 'no newline'", "no newline", strings.TrimRight(psPrompt, " "))
	s.key("C-d")
	s.until("exit", func([]string, int, int) bool { return s.dead() })
}

// TestTermPaste pastes a function whose body has a blank line: the blank
// line continues the entry while the parser says it is incomplete, the
// entry runs once as a whole, is one history entry recalled with its
// continuation rows, and stays whole across a restart.
func TestTermPaste(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 100, 40)
	s.paste("function Test-Paste {\n    $a = 1\n\n    \"inside $a\"\n}\nTest-Paste\n")
	block := []string{
		psPrompt + "function Test-Paste {",
		">>     $a = 1",
		">>",
		`>>     "inside $a"`,
		">> }",
	}
	s.waitRows(append(append([]string{}, block...), psPrompt+"Test-Paste", "inside 1", strings.TrimRight(psPrompt, " "))...)
	s.waitPrompt() // the cursor after the prompt too
	// The pasted text and one output:
	if n := strings.Count(strings.Join(s.lines(), "\n"), "inside"); n != 2 {
		t.Fatalf("the body ran %d times:\n%s", n-1, strings.Join(s.lines(), "\n"))
	}
	s.key("Up")
	s.waitEdit("Test-Paste", len(psPrompt)+10)
	s.key("Up")
	s.until("the recalled function", func(ls []string, x, y int) bool {
		at := findRows(ls, block)
		return at >= 0 && at+len(block) == lastRow(ls)+1 && y == at+4 && x == 4
	})
	s.key("Enter")
	s.waitPrompt()
	s.exit()

	s.start()
	s.key("Up", "Up")
	s.until("the function recalled after a restart", func(ls []string, x, y int) bool {
		at := findRows(ls, block)
		return at >= 0 && at+len(block) == lastRow(ls)+1 && y == at+4 && x == 4
	})
	s.key("C-c")
	s.waitPrompt()
}

// TestTermInterrupt: Ctrl+C stops a running endless loop and the prompt
// comes back.
func TestTermInterrupt(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 100, 30)
	s.typ("while ($true) {}")
	s.key("Enter")
	s.until("the loop running", func(ls []string, x, y int) bool { return ls[lastRow(ls)] == psPrompt+"while ($true) {}" })
	// The editor has given the terminal back (Ctrl+C is a signal again).
	tty := strings.TrimSpace(s.tmux("display-message", "-p", "-t", "x", "#{pane_tty}"))
	s.until("the terminal in cooked mode", func([]string, int, int) bool {
		out, err := exec.Command("stty", "-a", "-F", tty).CombinedOutput()
		flags := strings.Fields(string(out))
		return err == nil && slices.Contains(flags, "isig") && slices.Contains(flags, "icanon")
	})
	s.key("C-c")
	s.waitPrompt()
	s.run("'after'")
	s.waitRows("after", strings.TrimRight(psPrompt, " "))
}

// ---------------------------------------------------------------------------
// Completion

// TestTermCompletion: names, parameters and identities; after an opening
// quote the quote is kept; members after "." on a variable and an index
// expression; inside a ">>" continuation row; Shift+Tab cycles backwards;
// long lists ask first.
func TestTermCompletion(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 120, 40)
	p := len(psPrompt)
	s.typ("Get-SimCl")
	s.key("Tab")
	s.waitEdit("Get-SimClock", p+12)
	s.key("C-u")
	s.typ("Get-Help Get-SimClock -Param")
	s.key("Tab")
	s.waitEdit("Get-Help Get-SimClock -Parameter", -1)
	s.key("C-u")

	s.typ(`Get-Mailbox -Identity "an`)
	s.key("Tab")
	s.waitEdit(`Get-Mailbox -Identity "annb`, p+27)
	s.key("Tab")
	// The list shows the values without their quotes, as PSReadLine
	// lists a candidate's list text.
	s.waitText("annb@contoso.com")
	s.waitEdit(`Get-Mailbox -Identity "annb`, p+27)
	s.key("C-u")
	s.typ(`Get-Mailbox -Identity "car`)
	s.key("Tab")
	s.waitEdit(`Get-Mailbox -Identity "carolo`, p+29)
	s.key("C-u")

	s.run("$m = @(Get-Mailbox annb)")
	s.typ("$m.PrimarySm")
	s.key("Tab")
	s.waitEdit("$m.PrimarySmtpAddress", p+21)
	s.key("C-u")
	s.typ("$m[0].Displ")
	s.key("Tab")
	s.waitEdit("$m[0].DisplayName", p+17)
	s.key("C-u")
	s.typ("$m | Select-Object Litigation")
	s.key("Tab")
	s.waitEdit("$m | Select-Object LitigationHold", -1)
	s.key("C-u")

	s.typ("if ($true) {")
	s.key("Enter")
	s.until("continuation row", func(ls []string, x, y int) bool { return y < len(ls) && ls[y] == ">>" && x == 3 })
	s.typ("Get-SimCl")
	s.key("Tab")
	s.until("completion on the continuation row", func(ls []string, x, y int) bool { return y < len(ls) && ls[y] == ">> Get-SimClock" && x == 15 })
	s.key("C-c")
	s.waitPrompt()

	s.typ("Get-Sim")
	s.key("BTab")
	last := ""
	s.until("the last candidate", func(ls []string, x, y int) bool {
		if y < len(ls) && strings.HasPrefix(ls[y], psPrompt+"Get-Sim") && ls[y] != psPrompt+"Get-Sim" {
			last = ls[y]
			return true
		}
		return false
	})
	s.key("BTab")
	s.until("the candidate before it", func(ls []string, x, y int) bool {
		return y < len(ls) && strings.HasPrefix(ls[y], psPrompt+"Get-Sim") && ls[y] != last && ls[y] < last
	})
	s.key("C-u")

	s.typ("Get-Help about_SimCl")
	s.key("Tab")
	s.waitEdit("Get-Help about_SimClock", -1)
	s.key("C-u")
	if err := os.WriteFile(filepath.Join(s.dir, "hello.ps1"), []byte("'hello from a script'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.typ("Get-Content ./hel")
	s.key("Tab")
	s.waitEdit("Get-Content ./hello.ps1", -1)
	s.key("C-u")

	// A second Tab lists the candidates and draws the line again below.
	s.typ("Get-Sim")
	s.key("Tab", "Tab")
	s.waitText("Get-SimClock")
	s.waitEdit("Get-Sim", p+7)
	s.key("C-u")
	// More than 100 candidates and no common prefix: PSReadLine asks
	// at once.
	s.key("Tab")
	s.until("the question", func(ls []string, x, y int) bool {
		return regexp.MustCompile(`^Display all \d+ possibilities\? \(y or n\) _$`).MatchString(ls[lastRow(ls)])
	})
	s.typ("n")
	s.waitEdit("", p)
}

// ---------------------------------------------------------------------------
// History, host and output

// TestTermHistory: a line naming a secret stays out of the history file
// (created 0600); Get-History prints PowerShell's table; r records the
// command it ran again.
func TestTermHistory(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 100, 40)
	s.run("Get-SimClock | Out-Null")
	s.run("$password = 'hunter2'")
	s.run("r 1")
	s.run("Get-History")
	s.waitRows(
		"  Id     Duration CommandLine",
		"  --     -------- -----------")
	ls := s.lines()
	var rows []string
	for _, l := range ls {
		if m := regexp.MustCompile(`^ +(\d+) +\d+\.\d{3} (.*)$`).FindStringSubmatch(l); m != nil {
			rows = append(rows, m[1]+" "+m[2])
		}
	}
	want := []string{"1 Get-SimClock | Out-Null", "2 $password = 'hunter2'", "3 Get-SimClock | Out-Null"}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("Get-History rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	s.exit()
	hist := s.tenant + ".history"
	fi, err := os.Stat(hist)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("history file mode %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(hist)
	if strings.Contains(string(data), "hunter2") {
		t.Errorf("the secret reached the history file:\n%s", data)
	}
	if !strings.Contains(string(data), "Get-SimClock | Out-Null") {
		t.Errorf("history file:\n%s", data)
	}
}

// TestTermResize: after the pane grows, tables use the new width and
// $Host reports it; Get-Help wraps its text to the width itself.
func TestTermResize(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 80, 40)
	s.run("Get-Mailbox annb")
	if strings.Contains(strings.Join(s.joined(), "\n"), "ExternalDirectoryObjectId") {
		t.Fatalf("80 columns should not fit the last column:\n%s", strings.Join(s.joined(), "\n"))
	}
	s.run("Clear-Host")
	s.run("Get-Help Remove-Mailbox")
	for _, l := range s.joined() {
		if width(l) > 80 {
			t.Fatalf("Get-Help row wider than 80 columns (wrapped by the terminal): %q", l)
		}
	}
	s.run("Clear-Host")
	s.resize(140, 40)
	s.run("Get-Mailbox annb; $Host.UI.RawUI.WindowSize.Width")
	s.waitText("ExternalDirectoryObjectId")
	s.waitRows("140")

	// A resize while a line is edited draws it again at the new width,
	// the cursor on the character it was on (tmux, like most terminals,
	// reflows the rows it wrapped).
	s.run("Clear-Host")
	line := `Write-Output "aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg"`
	full := psPrompt + line // 102 cells
	s.typ(line)
	s.key("Left", "Left", "Left", "Left", "Left")
	at := len(full) - 5
	for _, cols := range []int{140, 50, 30, 120} {
		if cols != s.cols {
			s.resize(cols, 40)
		}
		var rows []string
		for i := 0; i < len(full); i += cols {
			rows = append(rows, strings.TrimRight(full[i:min(i+cols, len(full))], " "))
		}
		s.until(fmt.Sprintf("the line drawn at %d columns", cols), func(ls []string, x, y int) bool {
			top := findRows(ls, rows)
			return top >= 0 && lastRow(ls) == top+len(rows)-1 && y == top+at/cols && x == at%cols
		})
	}
	s.key("Enter")
	s.waitRows("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee ffffffffff gggggggggg", strings.TrimRight(psPrompt, " "))
}

// TestTermMenuComplete: Ctrl+Space is PSReadLine's MenuComplete. The
// candidates show in columns under the line (down each column first),
// the first one selected and put in the line with the cursor after the
// part all candidates share; arrows, Tab and Shift+Tab move the
// selection, typing narrows the menu and Backspace widens it again,
// Escape puts the line back, Enter accepts without running. At the
// bottom of the screen the menu scrolls the line up.
func TestTermMenuComplete(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 40, 12)
	p := len(psPrompt)
	var defs []string
	for _, n := range []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf"} {
		defs = append(defs, "function Test-Zz"+n+" {}")
	}
	s.run(strings.Join(defs, "; "))
	s.run("1..12")
	s.typ("Test-Zz")
	s.waitEdit("Test-Zz", p+7)
	menu := []string{
		"Test-ZzAlpha    Test-ZzEcho",
		"Test-ZzBravo    Test-ZzFoxtrot",
		"Test-ZzCharlie  Test-ZzGolf",
		"Test-ZzDelta",
	}
	// shows waits for the line, the menu under it with item (row, col)
	// selected, and the cursor at column x of the line.
	shows := func(line string, menu []string, row, col int, x int) {
		t.Helper()
		want := append([]string{psPrompt + line}, menu...)
		s.until(fmt.Sprintf("%q with its menu", line), func(ls []string, cx, cy int) bool {
			top := findRows(ls, want)
			if top < 0 || lastRow(ls) != top+len(want)-1 || cy != top || cx != x {
				return false
			}
			// (capture-pane leaves out the selection's blanks at the end of
			// a row.)
			sel := s.selected()
			item := strings.Fields(menu[row])[col]
			return len(sel) > top+1+row && sel[top] == line[x-p:] && strings.TrimRight(sel[top+1+row], " ") == item && strings.Join(sel[top+2+row:], "") == ""
		})
	}
	s.key("C-Space")
	shows("Test-ZzAlpha", menu, 0, 0, p+7)
	if y := findRows(s.lines(), []string{psPrompt + "Test-ZzAlpha"}); y != 12-1-len(menu) {
		t.Fatalf("the line is on row %d, want %d (scrolled up for the menu)", y, 12-1-len(menu))
	}
	s.key("Right")
	shows("Test-ZzEcho", menu, 0, 1, p+7)
	s.key("Down")
	shows("Test-ZzFoxtrot", menu, 1, 1, p+7)
	s.key("Tab")
	shows("Test-ZzGolf", menu, 2, 1, p+7)
	s.key("BTab")
	shows("Test-ZzFoxtrot", menu, 1, 1, p+7)
	s.typ("c")
	shows("Test-ZzCharlie", []string{"Test-ZzCharlie"}, 0, 0, p+8)
	s.key("BSpace")
	shows("Test-ZzFoxtrot", menu, 1, 1, p+7)
	s.key("Escape")
	s.until("the line put back, the menu gone", func(ls []string, x, y int) bool {
		return ls[y] == psPrompt+"Test-Zz" && lastRow(ls) == y && x == p+7 && strings.Join(s.selected(), "") == ""
	})
	s.key("C-Space")
	shows("Test-ZzAlpha", menu, 0, 0, p+7)
	s.key("Down", "Down")
	shows("Test-ZzCharlie", menu, 2, 0, p+7)
	s.key("Enter")
	s.until("the candidate accepted, not run", func(ls []string, x, y int) bool {
		return ls[y] == psPrompt+"Test-ZzCharlie" && lastRow(ls) == y && x == p+14 && strings.Join(s.selected(), "") == ""
	})
	s.key("Enter")
	s.waitPrompt()
}

// TestTermColor: with colours allowed, Write-Host -ForegroundColor and
// -BackgroundColor paint their text, and Ctrl+C's ^C is red; the same
// commands print plain text with NO_COLOR (every other terminal test).
func TestTermColor(t *testing.T) {
	t.Parallel()
	s := newTermColor(t, 100, 30, true)
	s.run("Write-Host -ForegroundColor Red 'in red'; Write-Host -BackgroundColor DarkBlue 'on blue'")
	s.waitRows("in red", "on blue", strings.TrimRight(psPrompt, " "))
	s.typ("abc")
	s.waitEdit("abc", len(psPrompt)+3)
	s.key("C-c")
	y := s.waitPrompt()
	styled := strings.Split(s.tmux("capture-pane", "-p", "-e", "-t", "x"), "\n")
	has := func(row int, seq, text string) {
		t.Helper()
		if !strings.Contains(styled[row], seq+text) {
			t.Errorf("row %d %q: want %q before %q", row, styled[row], seq, text)
		}
	}
	has(y-3, "\x1b[91m", "in red")
	has(y-2, "\x1b[44m", "on blue")
	has(y-1, "\x1b[91m", "^C")

	// -Debug and -Verbose messages are yellow, -InformationAction
	// Continue shows the message plain.
	s.run("Clear-Host")
	s.run(`function f { [CmdletBinding()] param() Write-Debug 'dbg'; Write-Information 'info'; Write-Verbose 'verb' }; f -Debug -InformationAction Continue -Verbose`)
	y = s.waitRows("DEBUG: dbg", "info", "VERBOSE: verb", strings.TrimRight(psPrompt, " "))
	styled = strings.Split(s.tmux("capture-pane", "-p", "-e", "-t", "x"), "\n")
	has(y, "\x1b[33m", "DEBUG: dbg")
	has(y+1, "\x1b[0m", "")
	has(y+2, "\x1b[33m", "VERBOSE: verb")
}

// TestTermPaging: Out-Host -Paging and more stop after a screenful and
// ask; space shows the next page, q stops.
func TestTermPaging(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 100, 20)
	const ask = "<SPACE> next page; <CR> next line; Q quit"
	for _, cmd := range []string{"1..100 | Out-Host -Paging", "1..100 | more"} {
		s.run("Clear-Host")
		s.typ(cmd)
		s.key("Enter")
		s.until("the paging question", func(ls []string, x, y int) bool {
			return ls[y] == ask && x == len(ask) && y == 19
		})
		// 19 lines fit above the question (the command line scrolled off).
		if ls := s.lines(); ls[18] != "19" {
			t.Fatalf("%s: first page ends with %q", cmd, ls[18])
		}
		s.typ(" ")
		s.until("the second page", func(ls []string, x, y int) bool { return ls[y] == ask && ls[y-1] == "38" })
		s.typ("q")
		s.waitPrompt()
	}
}

// TestTermScriptInCurrentDirectory: a script named without .\ is not run;
// PowerShell's suggestion follows the error.
func TestTermScriptInCurrentDirectory(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 140, 40)
	if err := os.WriteFile(filepath.Join(s.dir, "hello.ps1"), []byte("'hello from a script'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.run("hello.ps1")
	s.waitRows(
		"hello.ps1: The term 'hello.ps1' is not recognized as a name of a cmdlet, function, script file, or executable program.",
		"Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
		"",
		`Suggestion [3,General]: The command "hello.ps1" was not found, but does exist in the current location.`,
		"PowerShell does not load commands from the current location by default (see 'Get-Help about_Command_Precedence').",
		"",
		"If you trust this command, run the following command instead:",
		strings.TrimRight(psPrompt, " "))
	s.run("./hello.ps1")
	s.waitRows("hello from a script", strings.TrimRight(psPrompt, " "))
}

// TestTermSession covers a whole short session end to end: history
// recall and Ctrl+R, and history kept for the tenant across a restart.
func TestTermSession(t *testing.T) {
	t.Parallel()
	s := newTerm(t, 120, 40)
	s.run("Get-SimClock")
	s.waitText("PendingTimers")
	s.run("'日本語'")
	s.key("Up")
	s.waitEdit("'日本語'", len(psPrompt)+8)
	s.key("BSpace", "BSpace")
	s.typ("'")
	s.waitEdit("'日本'", len(psPrompt)+6)
	s.key("Enter")
	s.waitRows("日本", strings.TrimRight(psPrompt, " "))
	s.key("C-r")
	s.typ("SimCl")
	s.waitText("bck-i-search: SimCl_")
	s.key("Enter")
	s.until("Get-SimClock run again", func(ls []string, _, _ int) bool {
		return strings.Count(strings.Join(ls, "\n"), "PendingTimers") == 2
	})
	s.waitPrompt()
	s.exit()
	s.start()
	s.key("Up")
	s.waitEdit("exit", -1)
	s.key("Up")
	s.waitEdit("Get-SimClock", -1)
	if !utf8.ValidString(strings.Join(s.lines(), "")) {
		t.Fatal("invalid UTF-8 on screen")
	}
}
