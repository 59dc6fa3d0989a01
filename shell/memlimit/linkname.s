// This file lets memlimit.go declare readMetrics without a body: the
// runtime provides it (go:linkname).
