package params

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// The binder's rules that need no interpreter: which parameter a typed
// name means, which parameter takes the next positional argument, and
// which parameter set a command runs in. The binder and the linter
// (exosim lint) read the same rules.

// Signature is what the rules read of a command.
type Signature struct {
	Params []*Param
	// Sets are the command's parameter sets (AllSets alone when it
	// declares none).
	Sets       []string
	DefaultSet string
	// ShouldProcess adds the common parameters -WhatIf and -Confirm.
	ShouldProcess bool
	// Positional are the parameters that may bind by position
	// (PositionalOf(Params)), worked out once by the command.
	Positional []Positional
}

// Common is one of PowerShell's common parameters.
type Common struct {
	Name string
	// Aliases are lower case.
	Aliases []string
	Kind    Kind
	// ShouldProcess marks -WhatIf and -Confirm: only commands that
	// support ShouldProcess have them.
	ShouldProcess bool
}

// Commons are the common parameters in PowerShell's order.
var Commons = []Common{
	{Name: "Verbose", Aliases: []string{"vb"}, Kind: KindSwitch},
	{Name: "Debug", Aliases: []string{"db"}, Kind: KindSwitch},
	{Name: "ErrorAction", Aliases: []string{"ea"}, Kind: KindEnum},
	{Name: "WarningAction", Aliases: []string{"wa"}, Kind: KindEnum},
	{Name: "InformationAction", Aliases: []string{"infa"}, Kind: KindEnum},
	{Name: "ProgressAction", Aliases: []string{"proga"}, Kind: KindEnum},
	{Name: "ErrorVariable", Aliases: []string{"ev"}, Kind: KindString},
	{Name: "WarningVariable", Aliases: []string{"wv"}, Kind: KindString},
	{Name: "InformationVariable", Aliases: []string{"iv"}, Kind: KindString},
	{Name: "OutVariable", Aliases: []string{"ov"}, Kind: KindString},
	{Name: "OutBuffer", Aliases: []string{"ob"}, Kind: KindInt},
	{Name: "PipelineVariable", Aliases: []string{"pv"}, Kind: KindString},
	{Name: "WhatIf", Aliases: []string{"wi"}, Kind: KindSwitch, ShouldProcess: true},
	{Name: "Confirm", Aliases: []string{"cf"}, Kind: KindSwitch, ShouldProcess: true},
}

// CommonNames lists the common parameters in PowerShell's order.
func CommonNames(shouldProcess bool) []string {
	var out []string
	for _, c := range Commons {
		if c.ShouldProcess && !shouldProcess {
			continue
		}
		out = append(out, c.Name)
	}
	return out
}

// TypeName is the .NET type of the common parameter, as "Missing an
// argument" errors name it.
func (c *Common) TypeName() string {
	switch c.Kind {
	case KindEnum:
		return "System.Management.Automation.ActionPreference"
	case KindString:
		return "System.String"
	case KindInt:
		return "System.Int32"
	}
	return "System.Management.Automation.SwitchParameter"
}

// Candidate is a parameter or common parameter matched by name.
type Candidate struct {
	Param  *Param
	Common *Common
}

// Name is the candidate's declared name.
func (c Candidate) Name() string {
	if c.Param != nil {
		return c.Param.Name
	}
	return c.Common.Name
}

// Kind is how the candidate's argument is converted.
func (c Candidate) Kind() Kind {
	if c.Param != nil {
		return c.Param.Type.Kind
	}
	return c.Common.Kind
}

// Match resolves a typed parameter name with PowerShell's exact /
// prefix / alias rules.
func Match(sig *Signature, typed string, withCommon bool) ([]Candidate, bool) {
	lt := strings.ToLower(typed)
	var commons []Common
	if withCommon {
		for _, c := range Commons {
			if c.ShouldProcess && !sig.ShouldProcess {
				continue
			}
			commons = append(commons, c)
		}
	}
	// exact name or alias
	for _, p := range sig.Params {
		if strings.ToLower(p.Name) == lt {
			return []Candidate{{Param: p}}, true
		}
		for _, a := range p.Aliases {
			if strings.ToLower(a) == lt {
				return []Candidate{{Param: p}}, true
			}
		}
	}
	for i := range commons {
		c := &commons[i]
		if strings.ToLower(c.Name) == lt {
			return []Candidate{{Common: c}}, true
		}
		for _, a := range c.Aliases {
			if a == lt {
				return []Candidate{{Common: c}}, true
			}
		}
	}
	var own []Candidate
	seen := map[*Param]bool{}
	for _, p := range sig.Params {
		if strings.HasPrefix(strings.ToLower(p.Name), lt) {
			own = append(own, Candidate{Param: p})
			seen[p] = true
		}
	}
	for _, p := range sig.Params {
		if seen[p] {
			continue
		}
		for _, a := range p.Aliases {
			if strings.HasPrefix(strings.ToLower(a), lt) {
				own = append(own, Candidate{Param: p})
				seen[p] = true
				break
			}
		}
	}
	var com []Candidate
	for i := range commons {
		c := &commons[i]
		if strings.HasPrefix(strings.ToLower(c.Name), lt) {
			com = append(com, Candidate{Common: c})
			continue
		}
		for _, a := range c.Aliases {
			if strings.HasPrefix(a, lt) {
				com = append(com, Candidate{Common: c})
				break
			}
		}
	}
	if len(own) == 1 {
		return own, true
	}
	all := append(own, com...)
	return all, len(all) == 1
}

// slot is a parameter that can take a positional argument, with
// its lowest position among the candidate sets.
type slot struct {
	p   *Param
	pos int
}

// Positional is a non-switch parameter with a position in at least
// one set: its binding key and its set entries with lower-case set names,
// in declaration order (so the first entry matching a set is the one
// Param.InSet finds).
type Positional struct {
	p    *Param
	key  string
	sets []SetInfo
}

// positionIn returns the parameter's position in the set named set (its
// entries' names are lower case), -1 when it has none there.
func (pp *Positional) positionIn(set string) int {
	for _, si := range pp.sets {
		if si.Set == AllSets || lowerIs(set, si.Set) {
			return si.Position
		}
	}
	return -1
}

// lowerIs reports whether strings.ToLower(s) is lower, without making the
// lower-case copy while s is ASCII: an ASCII character lower-cases to one
// byte in its own place.
func lowerIs(s, lower string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s) == lower
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if i >= len(lower) || c != lower[i] {
			return false
		}
	}
	return len(s) == len(lower)
}

// PositionalOf returns the parameters of ps that may bind by position.
func PositionalOf(ps []*Param) []Positional {
	out := []Positional{}
	for _, p := range ps {
		if p.IsSwitch() || !hasPosition(p) {
			continue
		}
		pp := Positional{p: p, key: strings.ToLower(p.Name), sets: make([]SetInfo, 0, len(p.Sets))}
		for _, si := range p.Sets {
			if si.Set != AllSets {
				si.Set = strings.ToLower(si.Set)
			}
			pp.sets = append(pp.sets, si)
		}
		out = append(out, pp)
	}
	return out
}

// hasPosition reports whether p has a position in one of its sets.
func hasPosition(p *Param) bool {
	for _, si := range p.Sets {
		if si.Position >= 0 {
			return true
		}
	}
	return false
}

// PositionalCandidates lists the unbound, non-switch parameters that have
// a position in one of the sets, lowest position first.
func positionalCandidates(sig *Signature, sets []string, isBound func(string) bool) []slot {
	var cs []slot
	for i := range sig.Positional {
		pp := &sig.Positional[i]
		if isBound(pp.key) {
			continue
		}
		best := -1
		for _, s := range sets {
			if pos := pp.positionIn(s); pos >= 0 && (best < 0 || pos < best) {
				best = pos
			}
		}
		if best >= 0 {
			cs = append(cs, slot{pp.p, best})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].pos < cs[j].pos })
	return cs
}

// Next returns the unbound parameter with the lowest position in the
// candidate sets. Among parameters sharing that position (in different
// sets) it takes, as PowerShell's binder tries them: one of the default
// set whose type takes the value without conversion (native says which),
// then one of another set that does, then the default set's, then the
// first.
func Next(sig *Signature, sets []string, isBound func(string) bool, value any, native func(*Type, any) bool) *Param {
	cs := positionalCandidates(sig, sets, isBound)
	if len(cs) == 0 {
		return nil
	}
	n := 1
	for n < len(cs) && cs[n].pos == cs[0].pos {
		n++
	}
	if n == 1 {
		return cs[0].p
	}
	def := -1
	if sig.DefaultSet != "" && inSets(sig.DefaultSet, sets) {
		for i, c := range cs[:n] {
			if _, in := c.p.InSet(sig.DefaultSet); in {
				def = i
				break
			}
		}
	}
	if def >= 0 && native(cs[def].p.Type, value) {
		return cs[def].p
	}
	for _, c := range cs[:n] {
		if native(c.p.Type, value) {
			return c.p
		}
	}
	if def >= 0 {
		return cs[def].p
	}
	return cs[0].p
}

// inSets reports whether set is one of sets, without regard to case.
func inSets(set string, sets []string) bool {
	for _, s := range sets {
		if strings.EqualFold(s, set) {
			return true
		}
	}
	return false
}

// ChooseSet picks the parameter set among the candidates: the only one;
// else the only set whose mandatory parameters are all bound; else the
// default set (preferring it among the satisfied ones); else, when
// several sets are satisfied, "" (cannot be resolved) unless lenient
// (then the first satisfied); else the first candidate.
func ChooseSet(sig *Signature, sets []string, isBound func(string) bool, lenient bool) string {
	if len(sets) == 1 {
		return sets[0]
	}
	var satisfied []string
	for _, s := range sets {
		ok := true
		for _, p := range sig.Params {
			if si, in := p.InSet(s); in && si.Mandatory && !isBound(strings.ToLower(p.Name)) {
				ok = false
				break
			}
		}
		if ok {
			satisfied = append(satisfied, s)
		}
	}
	return ChooseAmong(sig, sets, satisfied, lenient)
}

// ChooseAmong is the second half of ChooseSet, once the satisfied sets
// (those whose mandatory parameters are all bound) are known.
func ChooseAmong(sig *Signature, sets, satisfied []string, lenient bool) string {
	if len(satisfied) == 1 {
		return satisfied[0]
	}
	for _, list := range [][]string{satisfied, sets} {
		for _, s := range list {
			if strings.EqualFold(s, sig.DefaultSet) {
				return s
			}
		}
	}
	if len(satisfied) > 1 {
		if lenient {
			return satisfied[0]
		}
		return ""
	}
	if len(sets) > 0 {
		return sets[0]
	}
	return ""
}

// Remaining is the unbound ValueFromRemainingArguments parameter of
// one of the sets, which takes the positional arguments no positional
// parameter takes (it needs no position of its own).
func Remaining(sig *Signature, sets []string, isBound func(string) bool) *Param {
	for _, p := range sig.Params {
		if !p.Remaining {
			continue
		}
		if isBound(strings.ToLower(p.Name)) {
			continue
		}
		for _, s := range sets {
			if _, in := p.InSet(s); in {
				return p
			}
		}
	}
	return nil
}

// TakesRemaining reports whether a parameter collects the
// arguments nothing else takes (ValueFromRemainingArguments).
func TakesRemaining(sig *Signature) bool {
	for _, p := range sig.Params {
		if p.Remaining {
			return true
		}
	}
	return false
}

// NextUnknown is Next for an argument whose value is not known (a
// linter reading a script): certain is false when the choice depends on
// the value's type (several parameters share the lowest position in
// different sets). A nil parameter means no positional slot is left.
func NextUnknown(sig *Signature, sets []string, isBound func(string) bool) (p *Param, certain bool) {
	cs := positionalCandidates(sig, sets, isBound)
	if len(cs) == 0 {
		return nil, true
	}
	return cs[0].p, len(cs) == 1 || cs[1].pos != cs[0].pos
}
