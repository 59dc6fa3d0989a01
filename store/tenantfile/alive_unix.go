//go:build !windows

package tenantfile

import "syscall"

// processAlive reports whether a process with this id exists (signal 0
// probes without delivering anything).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
