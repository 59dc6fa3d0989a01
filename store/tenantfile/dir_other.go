//go:build !linux

package tenantfile

import "os"

// dirNames lists the names in dir (nil when it can't be read).
func dirNames(dir string) []string {
	d, err := os.Open(dir)
	if err != nil {
		return nil
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	return names
}
