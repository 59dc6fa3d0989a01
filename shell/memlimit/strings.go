package memlimit

import "strings"

// SlotSize is what one element of an array costs: an interface value.
const SlotSize = 16

// CheckStrings checks that n values turned into strings fit the memory
// budget (a slot and a short text each), before they are converted.
func CheckStrings(n int) error { return CheckProduct(int64(n), 2*SlotSize) }

// Join is strings.Join after checking that the result fits the
// memory budget.
func Join(parts []string, sep string) (string, error) {
	n := int64(len(sep)) * int64(len(parts))
	for _, p := range parts {
		n += int64(len(p))
	}
	if err := Check(n); err != nil {
		return "", err
	}
	return strings.Join(parts, sep), nil
}

// CheckReplace checks that replacing every old in s with repl leaves a
// string that fits the memory budget.
func CheckReplace(s, old, repl string) error {
	if len(repl) <= len(old) || old == "" {
		return nil
	}
	grow := int64(len(repl) - len(old))
	if int64(len(s))+int64(len(s)/len(old))*grow < 1<<20 {
		return nil // small whatever the count
	}
	return Check(int64(len(s)) + int64(strings.Count(s, old))*grow)
}
