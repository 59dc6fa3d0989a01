package dotnet

// TypeName is a parsed type name: Name, generic Args, and a count of
// trailing array ranks.
type TypeName struct {
	Name  string
	Args  []*TypeName
	Array int
}

// ParseTypeName parses "System.Collections.Generic.Dictionary[string,
// System.Collections.Generic.List[int]]", "string[]" and
// "List`1[[System.String, mscorlib]]" (assembly qualifications dropped).
func ParseTypeName(s string) (*TypeName, bool) {
	p := &typeNameParser{s: s}
	t, ok := p.parse()
	if !ok {
		return nil, false
	}
	p.skip()
	if p.i != len(p.s) {
		return nil, false
	}
	return t, true
}

type typeNameParser struct {
	s string
	i int
}

func (p *typeNameParser) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *typeNameParser) parse() (*TypeName, bool) {
	p.skip()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '[' || c == ']' || c == ',' || c == ' ' || c == '\t' {
			break
		}
		p.i++
	}
	t := &TypeName{Name: p.s[start:p.i]}
	if t.Name == "" {
		return nil, false
	}
	for {
		p.skip()
		if p.i >= len(p.s) || p.s[p.i] != '[' {
			return t, true
		}
		p.i++
		p.skip()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			t.Array++
			continue
		}
		if len(t.Args) > 0 || t.Array > 0 {
			return nil, false
		}
		for {
			p.skip()
			qualified := p.i < len(p.s) && p.s[p.i] == '['
			if qualified {
				p.i++
			}
			a, ok := p.parse()
			if !ok {
				return nil, false
			}
			p.skip()
			if qualified {
				// drop ", Assembly, Version=..." up to the closing bracket
				depth := 0
				for p.i < len(p.s) && !(p.s[p.i] == ']' && depth == 0) {
					if p.s[p.i] == '[' {
						depth++
					} else if p.s[p.i] == ']' {
						depth--
					}
					p.i++
				}
				if p.i >= len(p.s) {
					return nil, false
				}
				p.i++
				p.skip()
			}
			t.Args = append(t.Args, a)
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				continue
			}
			break
		}
		if p.i >= len(p.s) || p.s[p.i] != ']' {
			return nil, false
		}
		p.i++
	}
}
