package mailbox

import (
	"slices"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store/directory"
)

// quotaValue is how a quota travels to the client: a deserialized
// Unlimited<ByteQuantifiedSize>.
func quotaValue(q directory.Quota) any { return exo.QuotaValue(q) }

// sizeValue is a deserialized ByteQuantifiedSize.
func sizeValue(n int64) any { return exo.SizeValue(n) }

// timeSpan converts a duration to a PowerShell TimeSpan.
func timeSpan(d time.Duration) object.TimeSpan { return object.TimeSpan(d / 100) }

// guidValue converts a GUID string for output.
func guidValue(s string) any {
	if g, ok := exo.ParseGuid(s); ok {
		return g
	}
	if s == "" {
		return nil
	}
	return s
}

// fixedList is list for values every object shows alike, given as list
// items: each object's list is its own copy (a script may change it),
// but the strings are not boxed again for each.
func fixedList(items []any) *object.List { return &object.List{Items: slices.Clone(items)} }
