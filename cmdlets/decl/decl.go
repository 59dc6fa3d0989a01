// Package decl holds the parameter declarations of the documented Exchange
// Online and Security & Compliance cmdlets, generated from their reference
// pages (parameter names, types, sets, positions, aliases and pipeline
// binding — facts only). Cmdlet packages take a declaration from here and
// attach their handler, so every cmdlet's parameters are declared once.
package decl

//go:generate go run gen.go -ref ../../../shared/reference/cmdlets

import (
	"sort"

	"github.com/exosim/exosim/shell/runtime"
)

// Lookup returns a fresh copy of a documented cmdlet's declaration (name,
// sets, parameters, ShouldProcess support), or nil when the cmdlet is not
// documented.
func Lookup(name string) *runtime.Command {
	return build(name)
}

// Names returns the documented cmdlets in name order.
func Names() []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}
