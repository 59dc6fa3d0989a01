//go:build !linux

package tenantfile

import (
	"os"
	"strings"
)

// dirNames lists the names in dir that start with prefix (nil when it
// can't be read).
func dirNames(dir, prefix string) []string {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	all, _ := d.Readdirnames(-1)
	d.Close()
	var names []string
	for _, n := range all {
		if strings.HasPrefix(n, prefix) {
			names = append(names, n)
		}
	}
	return names
}
