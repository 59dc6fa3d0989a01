package command

import "sort"

// AliasTable is a fixed table of aliases sorted by name, compared
// without regard to ASCII case; a name is kept as its module spells it.
// A package-level AliasTable literal is static data: declaring one runs
// no code, where a map literal is built while its package initialises.
type AliasTable []AliasEntry

// AliasEntry is one alias of an AliasTable and the command it stands for.
type AliasEntry struct{ Name, Target string }

// Lookup returns the entry of the alias named key (any case).
func (t AliasTable) Lookup(key string) (AliasEntry, bool) {
	i := sort.Search(len(t), func(i int) bool { return compareFold(t[i].Name, key) >= 0 })
	if i < len(t) && compareFold(t[i].Name, key) == 0 {
		return t[i], true
	}
	return AliasEntry{}, false
}

// Sorted reports whether t is in the order Lookup needs: names ascending
// without regard to ASCII case, none twice.
func (t AliasTable) Sorted() bool {
	for i := 1; i < len(t); i++ {
		if compareFold(t[i-1].Name, t[i].Name) >= 0 {
			return false
		}
	}
	return true
}

// compareFold compares a and b byte by byte with ASCII letters folded to
// lower case (alias names are ASCII).
func compareFold(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := lowerASCII(a[i]), lowerASCII(b[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
