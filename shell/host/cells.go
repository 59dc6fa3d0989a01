package host

// RuneCells returns how many terminal cells r occupies: 2 for East-Asian
// wide and full-width characters, 1 otherwise (PowerShell counts control
// characters such as an embedded newline as one cell too). It is the one
// width rule of the console host, its formatter and the line editor: the
// ranges PowerShell's LengthInBufferCells and PSReadLine's take as wide
// (Markus Kuhn's wcwidth), with the pictograph blocks terminals draw wide.
func RuneCells(r rune) int {
	if r < 0x1100 || r > 0x115f && r < 0x2329 {
		// decided where RuneCells is inlined: most text, with the
		// ellipsis of a cut list (U+2026), has no wide character
		return 1
	}
	return wideCells(r)
}

// wideCells is RuneCells of a rune from U+1100 to U+115F and from U+2329
// on.
func wideCells(r rune) int {
	switch {
	case r <= 0x115f, // Hangul Jamo initials
		r == 0x2329, r == 0x232a,
		r >= 0x2e80 && r <= 0xa4cf && r != 0x303f, // CJK radicals .. Yi
		r >= 0xac00 && r <= 0xd7a3,                // Hangul syllables
		r >= 0xf900 && r <= 0xfaff,                // CJK compatibility ideographs
		r >= 0xfe10 && r <= 0xfe19,                // vertical forms
		r >= 0xfe30 && r <= 0xfe6f,                // CJK compatibility forms
		r >= 0xff00 && r <= 0xff60,                // full-width forms
		r >= 0xffe0 && r <= 0xffe6,
		r >= 0x1f300 && r <= 0x1f64f, // pictographs, emoticons
		r >= 0x1f900 && r <= 0x1f9ff,
		r >= 0x20000 && r <= 0x2fffd,
		r >= 0x30000 && r <= 0x3fffd:
		return 2
	}
	return 1
}
