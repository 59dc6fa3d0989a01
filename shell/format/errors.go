package format

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/object"
)

// ErrorOptions control how an error record is rendered.
type ErrorOptions struct {
	// View is $ErrorView: ConciseView (default), NormalView, CategoryView.
	View string
	// Width is the console window width used to wrap ConciseView messages
	// of the location form (0 means 120).
	Width int
	Color bool
}

// RenderError renders an error record as the lines PowerShell 7.4 shows.
// The ConciseView location form (scripts, line 2+ of interactive input,
// parse errors) ends with an empty line when it comes from a script file
// or is a parse error.
func RenderError(rec *object.ErrorRecord, o ErrorOptions) []string {
	if rec == nil {
		return nil
	}
	var s string
	switch strings.ToLower(o.View) {
	case "normalview":
		s = normalView(rec, o)
	case "categoryview":
		s = colorIf(o.Color, styleError) + rec.CategoryInfo() + colorIf(o.Color, styleReset)
	default:
		s = conciseView(rec, o)
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(s, "\n")
}

func colorIf(on bool, seq string) string {
	if on {
		return seq
	}
	return ""
}

// PositionMessage returns the "At line:1 char:1" block of a position:
// the location line, "+ " and the source line, "+ " and the tildes under
// the extent. It returns nil when there is no source line (line 0 is a
// command the host itself invoked, such as the script exosim runs).
func PositionMessage(p *object.Position) []string {
	if p == nil || p.Line == 0 {
		return nil
	}
	file := p.ScriptPath
	if file == "" {
		file = "line"
	}
	head := "At " + file + ":" + strconv.Itoa(p.Line) + " char:" + strconv.Itoa(p.Col)
	src := []rune(strings.TrimRight(p.LineText, " \t\r\n"))
	if len(src) == 0 {
		return []string{head}
	}
	before := p.Col - 1
	if before < 0 {
		before = 0
	}
	if before > len(src) {
		before = len(src)
	}
	errLen := p.EndCol - p.Col
	if p.EndCol <= p.Col || p.EndCol > len(src)+1 {
		errLen = len(src) - p.Col + 1
	}
	if errLen < 0 {
		errLen = 0
	}
	if before+errLen > len(src) {
		errLen = len(src) - before
	}
	if strings.ContainsRune(string(src), '\t') {
		b := strings.ReplaceAll(string(src[:before]), "\t", "    ")
		e := strings.ReplaceAll(string(src[before:before+errLen]), "\t", "    ")
		a := strings.ReplaceAll(string(src[before+errLen:]), "\t", "    ")
		before = utf8.RuneCountInString(b)
		errLen = utf8.RuneCountInString(e)
		src = []rune(b + e + a)
	}
	const maxLine = 69
	prefixDots, suffixDots := false, false
	if len(src) > maxLine {
		totalPrefix := before
		prefix := min(totalPrefix, 12)
		totalSuffix := len(src) - errLen - before
		suffix := min(totalSuffix, 8)
		cand := prefix + errLen + suffix
		if cand >= maxLine {
			if prefix+errLen >= maxLine {
				errLen = maxLine - prefix
			}
			suffixDots = true
		} else {
			if avail := totalPrefix - prefix; avail > 0 {
				prefix += min(avail, maxLine-cand)
				cand = prefix + errLen + suffix
			}
			if cand < maxLine && totalSuffix > 0 {
				suffix += min(totalSuffix, maxLine-cand)
			}
			suffixDots = suffix < totalSuffix
		}
		prefixDots = prefix < totalPrefix
		start := max(before-prefix, 0)
		end := min(start+maxLine, len(src))
		src = src[start:end]
		before = min(before, prefix)
		errLen = min(errLen, maxLine-before)
	}
	line := "+ "
	if prefixDots {
		line += Ellipsis + " "
	}
	line += string(src)
	if suffixDots {
		line += " " + Ellipsis
	}
	ind := before
	if prefixDots {
		ind += 2
	}
	tildes := errLen
	if tildes < 1 {
		tildes = 1
	}
	return []string{head, line, "+ " + spaces(ind) + strings.Repeat("~", tildes)}
}

// truncateAtSpace cuts s to at most n characters, then back to its last
// whitespace when it was cut.
func truncateAtSpace(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := r[:n]
	for i := len(cut) - 1; i >= 0; i-- {
		if cut[i] == ' ' || cut[i] == '\t' || cut[i] == '\n' || cut[i] == '\r' || cut[i] == '\f' || cut[i] == '\v' {
			return string(cut[:i])
		}
	}
	return string(cut)
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func conciseView(rec *object.ErrorRecord, o ErrorOptions) string {
	ec, ac, rc := colorIf(o.Color, styleError), colorIf(o.Color, styleAccent), colorIf(o.Color, styleReset)
	pos := rec.Position
	isParse := rec.Category == object.ParserError && pos != nil
	external := pos != nil && (pos.ScriptPath != "" || pos.Line > 1)
	show := (isParse || external) && !strings.HasSuffix(strings.ToLower(pos.ScriptPath), ".psm1")
	var posmsg, prefix, message string
	if show {
		if pos.ScriptPath != "" {
			posmsg = rc + pos.ScriptPath + ":" + strconv.Itoa(pos.Line) + "\n"
		} else {
			posmsg = "\n"
		}
		num := strconv.Itoa(pos.Line)
		headerWS, lineWS := "", ""
		if len(num) > 4 {
			headerWS = spaces(len(num) - 4)
		} else {
			lineWS = spaces(4 - len(num))
		}
		posmsg += ac + headerWS + "Line |\n"
		pm := PositionMessage(pos)
		line, highlight := "", ""
		if len(pm) >= 3 {
			line = pm[1][1:]
			highlight = pm[len(pm)-1][1:]
		}
		offLen := runeLen(strings.TrimSpace(highlight))
		offIn := strings.Index(highlight, "~")
		if !strings.HasSuffix(line, "\n") {
			line += "\n"
		}
		if o.Color && offIn >= 0 && offLen < runeLen(line)-1 {
			r := []rune(line)
			end := min(offIn+offLen, len(r))
			line = string(r[:offIn]) + ac + string(r[offIn:end]) + rc + string(r[end:])
		}
		posmsg += ac + lineWS + num + " | " + rc + line
		prefix = ac + headerWS + "     | " + ec
		if highlight != "" {
			posmsg += prefix + highlight + "\n"
		}
		message = prefix
	}
	message += rec.Message
	if (pos != nil && pos.ScriptPath != "") || rec.Category == object.ParserError {
		prefixLen := Cells(prefix)
		prefixVT := runeLen(prefix) - prefixLen
		message = strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(message)
		width := o.Width
		if width <= 0 {
			width = defaultWidth
		}
		if runeLen(message)-prefixVT > width {
			var sb strings.Builder
			sub := truncateAtSpace(message, width+prefixVT)
			sb.WriteString(sub)
			rest := strings.TrimSpace(string([]rune(message)[runeLen(sub):]))
			sb.WriteString("\n")
			for runeLen(rest)+prefixLen > width {
				sub = truncateAtSpace(prefix+rest, width+prefixVT)
				if runeLen(sub)-runeLen(prefix) <= 0 {
					break
				}
				sb.WriteString(sub + "\n")
				rest = strings.TrimSpace(string([]rune(rest)[runeLen(sub)-runeLen(prefix):]))
			}
			sb.WriteString(prefix + strings.TrimSpace(rest))
			message = sb.String()
		}
		message += "\n"
	}
	posmsg += ec + message
	out := ec + rec.ConciseReason() + ": " + posmsg + rc
	if ra := strings.TrimSpace(rec.RecommendedAction); ra != "" {
		out += "\n" + ec + "  Recommendation: " + rec.RecommendedAction + rc
	}
	return out
}

func normalView(rec *object.ErrorRecord, o ErrorOptions) string {
	var b strings.Builder
	b.WriteString(colorIf(o.Color, styleError))
	if !rec.FromThrow {
		name := rec.InvocationName
		if name == "" && rec.Position != nil {
			name = strings.TrimSpace(rec.Position.LineText)
		}
		if name == "" {
			name = rec.Activity
		}
		if name != "" {
			b.WriteString(name + " : ")
		}
	}
	b.WriteString(rec.Message)
	for _, l := range PositionMessage(rec.Position) {
		b.WriteString("\n" + l)
	}
	b.WriteString("\n+ CategoryInfo          : " + rec.CategoryInfo())
	b.WriteString("\n+ FullyQualifiedErrorId : " + rec.FullyQualifiedErrorID())
	b.WriteString(colorIf(o.Color, styleReset))
	return b.String()
}

// WhatIfLine is the host line written for -WhatIf.
func WhatIfLine(description string) string {
	return "What if: " + description
}

// ShouldProcessDescription is the default ShouldProcess description.
func ShouldProcessDescription(action, target string) string {
	return "Performing the operation \"" + action + "\" on target \"" + target + "\"."
}

// ConfirmMessage is the default confirmation text for a description.
func ConfirmMessage(description string) string {
	return "Are you sure you want to perform this action?\n" + description
}

// ConfirmPrompt returns the lines of a -Confirm prompt: an empty line,
// the caption ("Confirm" when empty), the message lines and the choices
// line. The last element is written without a newline (it ends with
// ": ", where the answer is typed). remote omits [S] Suspend.
func ConfirmPrompt(caption, message string, remote bool) []string {
	if caption == "" {
		caption = "Confirm"
	}
	lines := []string{"", caption}
	if message != "" {
		lines = append(lines, splitLines(message)...)
	}
	choices := "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  "
	if !remote {
		choices += "[S] Suspend  "
	}
	choices += "[?] Help (default is \"Y\"): "
	return append(lines, choices)
}

// ConfirmHelp returns the lines printed when "?" is answered.
func ConfirmHelp(remote bool) []string {
	lines := []string{
		"Y - Continue with only the next step of the operation.",
		"A - Continue with all the steps of the operation.",
		"N - Skip this operation and proceed with the next operation.",
		"L - Skip this operation and all subsequent operations.",
	}
	if !remote {
		lines = append(lines, "S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.")
	}
	return lines
}
