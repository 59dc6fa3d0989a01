package exo

import (
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// PropertySets describes what a REST-based cmdlet of the module
// (Get-EXOMailbox, Get-EXOCasMailbox, Get-EXOMailboxStatistics) returns of
// the full object its classic twin shows. The Minimum set is always
// returned; -PropertySets and -Properties add to it and never replace it
// ("Properties and property sets in the Exchange Online PowerShell
// module"). The set All returns every property of the full object but
// those the REST cmdlet leaves out by design (Omit).
type PropertySets struct {
	// Type is the type name of the REST object.
	Type string
	// Minimum is the Minimum set, in the order the output shows it.
	Minimum []string
	// Sets lists the properties of each other set (All and Minimum
	// aside) by set name, in the order the output adds them.
	Sets map[string][]string
	// Omit are the properties of the full object that the REST cmdlet
	// never returns, not even for All.
	Omit []string
}

// Project makes the REST object of a full object for a call that asked
// for the property sets sets and the properties props. Names are matched
// without regard to case; a set or property the full object does not
// have adds nothing. The object's text is the full object's.
func (ps *PropertySets) Project(full *object.PSObject, sets, props []string) *object.PSObject {
	o := object.NewObject(ps.Type, "Deserialized.System.Object")
	o.ToStringFunc = full.ToStringFunc
	all := false
	for _, s := range sets {
		all = all || strings.EqualFold(s, "All")
	}
	if all {
		for _, p := range full.Properties() {
			if !ContainsFold(ps.Omit, p.Name) {
				o.AddTyped(p.Name, p.TypeName, p.Get())
			}
		}
		return o
	}
	var names []string
	seen := map[string]bool{}
	add := func(ns ...string) {
		for _, n := range ns {
			if k := strings.ToLower(n); !seen[k] {
				seen[k] = true
				names = append(names, n)
			}
		}
	}
	add(ps.Minimum...)
	for _, s := range sets {
		for name, members := range ps.Sets {
			if strings.EqualFold(name, s) {
				add(members...)
			}
		}
	}
	for _, p := range props {
		if pr := full.Property(p); pr != nil && !ContainsFold(ps.Omit, pr.Name) {
			add(pr.Name)
		}
	}
	for _, n := range names {
		if p := full.Property(n); p != nil {
			o.AddTyped(p.Name, p.TypeName, p.Get())
		}
	}
	return o
}
