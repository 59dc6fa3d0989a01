package decl

import (
	"strings"
	"testing"
)

// Every generated declaration must be usable by the binder: parameters
// typed, named once, members of declared sets, and positions unique within
// a set.
func TestDeclarationsAreConsistent(t *testing.T) {
	if len(Names()) < 60 {
		t.Fatalf("only %d cmdlets declared", len(Names()))
	}
	for _, name := range Names() {
		c := Lookup(name)
		if c == nil || c.Name != name {
			t.Fatalf("%s: no declaration", name)
		}
		seen := map[string]bool{}
		for _, p := range c.Params {
			key := strings.ToLower(p.Name)
			if seen[key] {
				t.Errorf("%s: parameter %s declared twice", name, p.Name)
			}
			seen[key] = true
			if p.Type == nil {
				t.Errorf("%s -%s: no type", name, p.Name)
			}
			if len(p.Sets) == 0 {
				t.Errorf("%s -%s: in no parameter set", name, p.Name)
			}
			for _, a := range p.Aliases {
				if strings.EqualFold(a, "wi") || strings.EqualFold(a, "cf") {
					t.Errorf("%s -%s: alias %s collides with a common parameter", name, p.Name, a)
				}
			}
		}
		for _, set := range c.SetNames() {
			pos := map[int]string{}
			for _, p := range c.Params {
				si, ok := p.InSet(set)
				if !ok || si.Position < 0 {
					continue
				}
				if other, dup := pos[si.Position]; dup {
					t.Errorf("%s set %s: %s and %s share position %d", name, set, other, p.Name, si.Position)
				}
				pos[si.Position] = p.Name
			}
		}
	}
}

func TestLookupReturnsFreshCopies(t *testing.T) {
	a := Lookup("Set-Mailbox")
	a.Params = nil
	if b := Lookup("Set-Mailbox"); len(b.Params) < 100 {
		t.Fatalf("Set-Mailbox has %d parameters after a caller changed its copy", len(b.Params))
	}
	if Lookup("Get-Nothing") != nil {
		t.Fatal("undocumented cmdlet has a declaration")
	}
}
