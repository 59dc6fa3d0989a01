package regexengine

import "unicode"

type classFn func(rune) bool

// charSet is a character class: ranges (pairs lo, hi), class escapes
// and nested sets, negated or not, minus a subtracted set.
type charSet struct {
	neg     bool
	fold    bool
	ranges  []rune
	classes []classFn
	subsets []*charSet
	sub     *charSet
}

func (s *charSet) contains(r rune) bool {
	in := false
	for i := 0; i+1 < len(s.ranges); i += 2 {
		if r >= s.ranges[i] && r <= s.ranges[i+1] {
			in = true
			break
		}
	}
	if !in {
		for _, f := range s.classes {
			if f(r) {
				in = true
				break
			}
		}
	}
	if !in {
		for _, sub := range s.subsets {
			if sub.contains(r) {
				in = true
				break
			}
		}
	}
	if s.neg {
		in = !in
	}
	if in && s.sub != nil && s.sub.matches(r, s.fold) {
		return false
	}
	return in
}

// matches tests r, and under IgnoreCase every case form of r.
func (s *charSet) matches(r rune, fold bool) bool {
	if !fold {
		return s.contains(r)
	}
	if s.neg {
		// a negated class excludes a character when any case form is in
		// its positive part
		pos := *s
		pos.neg = false
		pos.sub = nil
		for f := r; ; {
			if pos.contains(f) {
				return false
			}
			f = unicode.SimpleFold(f)
			if f == r {
				break
			}
		}
		return s.sub == nil || !s.sub.matches(r, true)
	}
	for f := r; ; {
		if s.contains(f) {
			return true
		}
		f = unicode.SimpleFold(f)
		if f == r {
			return false
		}
	}
}

func hasFold(r rune) bool { return unicode.SimpleFold(r) != r }

func foldEq(a, b rune) bool {
	if a == b {
		return true
	}
	return unicode.ToLower(a) == unicode.ToLower(b) || unicode.ToUpper(a) == unicode.ToUpper(b)
}

// isWordChar is \w: letters, nonspacing and spacing marks, decimal
// digits and connector punctuation.
func isWordChar(r rune) bool {
	if r < 0x80 {
		return r == '_' || (r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}

// isBoundaryChar is a word character for \b and \B, which also counts
// the zero-width joiner and non-joiner.
func isBoundaryChar(r rune) bool { return isWordChar(r) || r == 0x200C || r == 0x200D }

func isDigit(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(unicode.Nd, r)
}

// isSpace is \s: the characters char.IsWhiteSpace accepts.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0:
		return true
	}
	return r > 0xFF && unicode.IsSpace(r)
}

// unicodeProperty is \p{name}: a general category or a named block.
func unicodeProperty(name string) classFn {
	if t, ok := unicode.Categories[name]; ok {
		return func(r rune) bool { return unicode.Is(t, r) }
	}
	for _, b := range blocks {
		if "Is"+b.name == name {
			lo, hi := b.lo, b.hi
			return func(r rune) bool { return r >= lo && r <= hi }
		}
	}
	return nil
}

// blocks are the Unicode block names \p{IsName} accepts that scripts use
// most.
var blocks = [...]struct {
	name   string
	lo, hi rune
}{
	{"BasicLatin", 0x0000, 0x007F},
	{"Latin-1Supplement", 0x0080, 0x00FF},
	{"LatinExtended-A", 0x0100, 0x017F},
	{"LatinExtended-B", 0x0180, 0x024F},
	{"IPAExtensions", 0x0250, 0x02AF},
	{"GreekandCoptic", 0x0370, 0x03FF},
	{"Greek", 0x0370, 0x03FF},
	{"Cyrillic", 0x0400, 0x04FF},
	{"Armenian", 0x0530, 0x058F},
	{"Hebrew", 0x0590, 0x05FF},
	{"Arabic", 0x0600, 0x06FF},
	{"Devanagari", 0x0900, 0x097F},
	{"Thai", 0x0E00, 0x0E7F},
	{"GeneralPunctuation", 0x2000, 0x206F},
	{"CurrencySymbols", 0x20A0, 0x20CF},
	{"LetterlikeSymbols", 0x2100, 0x214F},
	{"Arrows", 0x2190, 0x21FF},
	{"MathematicalOperators", 0x2200, 0x22FF},
	{"BoxDrawing", 0x2500, 0x257F},
	{"CJKSymbolsandPunctuation", 0x3000, 0x303F},
	{"Hiragana", 0x3040, 0x309F},
	{"Katakana", 0x30A0, 0x30FF},
	{"CJKUnifiedIdeographs", 0x4E00, 0x9FFF},
	{"HangulSyllables", 0xAC00, 0xD7AF},
	{"PrivateUseArea", 0xE000, 0xF8FF},
	{"HalfwidthandFullwidthForms", 0xFF00, 0xFFEF},
	{"Specials", 0xFFF0, 0xFFFF},
}
