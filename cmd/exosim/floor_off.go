//go:build !benchfloor

package main

// floorRun is the benchfloor build's hook (floor_on.go); an ordinary build
// has none.
func floorRun([]string) (int, bool) { return 0, false }
