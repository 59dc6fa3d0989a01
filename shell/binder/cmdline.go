package binder

import (
	"strings"
	"unicode/utf8"
)

// CommandLine turns the process's words after a script path into
// arguments as pwsh -File does: "-Name" is a parameter name, "-Name:value"
// a parameter with its value (true/false, with or without "$", become
// booleans), "-Name:" takes the next word as its value, and every other
// word (a lone "-" too) is a positional string.
func CommandLine(words []string) []Argument {
	var out []Argument
	for i := 0; i < len(words); i++ {
		w := words[i]
		first, size := utf8.DecodeRuneInString(w)
		if len(w) <= size || !strings.ContainsRune("-\u2013\u2014\u2015", first) {
			out = append(out, Argument{Value: w})
			continue
		}
		name := w[size:]
		colon := strings.IndexByte(name, ':')
		switch {
		case colon < 0:
			out = append(out, Argument{Name: name})
		case colon == len(name)-1:
			// "-Name:" takes the next word; as the last word it is
			// dropped, as pwsh drops it.
			if i+1 < len(words) {
				i++
				out = append(out, Argument{Name: name[:colon], Value: words[i], HasVal: true, Colon: true})
			}
		default:
			out = append(out, Argument{Name: name[:colon], Value: boolIfPossible(name[colon+1:]), HasVal: true, Colon: true})
		}
	}
	return out
}

// boolIfPossible reads "true"/"false" (any case, optionally after "$") as
// a boolean and leaves any other text as it is.
func boolIfPossible(s string) any {
	t := strings.TrimPrefix(s, "$")
	switch {
	case strings.EqualFold(t, "true"):
		return true
	case strings.EqualFold(t, "false"):
		return false
	}
	return s
}
