package regional

import "strings"

// Culture is a language whose date and time formats the simulator knows:
// the short date and short time patterns Windows offers for it, the
// default (short) pattern first, as .NET's DateTimeFormatInfo lists them
// for the Gregorian calendar.
type Culture struct {
	Name         string
	DatePatterns []string
	TimePatterns []string
}

// cultures are the languages the simulator knows the formats of.
var cultures = []Culture{
	{"de-DE", []string{"dd.MM.yyyy", "dd.MM.yy", "d.M.yyyy", "d.M.yy", "yyyy-MM-dd"}, []string{"HH:mm", "H:mm"}},
	{"en-AU", []string{"d/MM/yyyy", "d/M/yy", "d/MM/yy", "dd/MM/yy", "dd/MM/yyyy", "d.M.yy", "yyyy-MM-dd"}, []string{"h:mm tt", "hh:mm tt", "H:mm", "HH:mm"}},
	{"en-CA", []string{"yyyy-MM-dd", "dd/MM/yy", "d/M/yy", "dd-MM-yy", "MM/dd/yy"}, []string{"h:mm tt", "hh:mm tt", "H:mm", "HH:mm"}},
	{"en-GB", []string{"dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "d.M.yy", "yyyy-MM-dd"}, []string{"HH:mm", "H:mm", "hh:mm tt", "h:mm tt"}},
	{"en-US", []string{"M/d/yyyy", "M/d/yy", "MM/dd/yy", "MM/dd/yyyy", "yy/MM/dd", "yyyy-MM-dd", "dd-MMM-yy"}, []string{"h:mm tt", "hh:mm tt", "H:mm", "HH:mm"}},
	{"es-ES", []string{"dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yy", "dd.MM.yy", "yyyy-MM-dd"}, []string{"H:mm", "HH:mm"}},
	{"fr-FR", []string{"dd/MM/yyyy", "dd/MM/yy", "dd.MM.yy", "dd-MM-yy", "yyyy-MM-dd"}, []string{"HH:mm", "HH' h 'mm", "H:mm", "H.mm"}},
	{"it-IT", []string{"dd/MM/yyyy", "dd/MM/yy", "d/M/yy", "dd.MM.yy", "yyyy-MM-dd"}, []string{"HH:mm", "H:mm"}},
	{"nl-NL", []string{"d-M-yyyy", "d-M-yy", "dd-MM-yy", "dd/MM/yy", "dd.MM.yy", "yyyy-MM-dd"}, []string{"HH:mm", "H:mm"}},
}

// LookupCulture finds a language by its name, case ignored.
func LookupCulture(name string) (Culture, bool) {
	for _, c := range cultures {
		if strings.EqualFold(c.Name, strings.TrimSpace(name)) {
			return c, true
		}
	}
	return Culture{}, false
}

// Cultures returns the names of the languages the simulator knows.
func Cultures() []string {
	out := make([]string, len(cultures))
	for i, c := range cultures {
		out[i] = c.Name
	}
	return out
}
