// Package unorm applies the Unicode normalization forms of .NET's
// String.Normalize to the Latin, punctuation and letterlike characters
// runbooks meet (accented names folded before an alias is built). Other
// characters pass through unchanged. It imports nothing of exosim.
package unorm

// Form is a normalization form (System.Text.NormalizationForm).
type Form int

// The forms: canonical or compatibility decomposition, each with or
// without recomposition afterwards.
const (
	FormC Form = iota
	FormD
	FormKC
	FormKD
)

// Normalize returns s in the given form.
func Normalize(s string, form Form) string {
	compat := form == FormKC || form == FormKD
	compose := form == FormC || form == FormKC
	canonicalDecomp, compatDecomp, composePairs := canonicalDecomp.Get(), compatDecomp.Get(), composePairs.Get()
	var d []rune
	for _, r := range s {
		if compat {
			if x, ok := compatDecomp[r]; ok {
				for _, y := range x {
					if z, ok := canonicalDecomp[y]; ok {
						d = append(d, []rune(z)...)
					} else {
						d = append(d, y)
					}
				}
				continue
			}
		}
		if x, ok := canonicalDecomp[r]; ok {
			d = append(d, []rune(x)...)
			continue
		}
		d = append(d, r)
	}
	if !compose {
		return string(d)
	}
	out := make([]rune, 0, len(d))
	for _, r := range d {
		if n := len(out); n > 0 {
			if c, ok := composePairs[[2]rune{out[n-1], r}]; ok {
				out[n-1] = c
				continue
			}
		}
		out = append(out, r)
	}
	return string(out)
}
