package management

import (
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// The drives of session items (Env:, Variable:, Function:, Alias:) are
// flat: each item is a name under the drive's root. A wildcard path on
// them matches the names of the items there, as on a folder.

// expandPaths resolves a -Path argument that may hold wildcards into the
// existing paths it matches, on every kind of drive. A path without
// wildcards resolves to itself whether or not it exists.
func expandPaths(rt *runtime.Runtime, s string) ([]fsys.Path, error) {
	paths, err := rt.Files().Expand(s)
	if err != nil {
		return nil, err
	}
	var out []fsys.Path
	for _, p := range paths {
		if p.Drive.Provider == fsys.FileSystem || !wildcard.Has(p.Rel) {
			out = append(out, p)
			continue
		}
		for _, it := range sessionItems(rt, p.Drive) {
			if wildcard.Match(p.Rel, it.Path.Rel) {
				out = append(out, it.Path)
			}
		}
	}
	return out, nil
}

// sessionName is the item name a session-drive path names: its text
// after the drive, without separators at either end.
func sessionName(p fsys.Path) string {
	return strings.Trim(p.Rel, `/\`)
}
