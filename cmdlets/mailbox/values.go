package mailbox

import (
	"fmt"
	"slices"
	"strings"
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

// spanValue renders an Unlimited<EnhancedTimeSpan> as its string form.
func spanValue(s directory.Span) any { return s.String() }

// timeSpan converts a duration to a PowerShell TimeSpan.
func timeSpan(d time.Duration) object.TimeSpan { return object.TimeSpan(d / 100) }

// optTime returns a nullable DateTime.
func optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
}

// guidValue converts a GUID string for output.
func guidValue(s string) any {
	if g, ok := object.ParseGuid(s); ok {
		return g
	}
	if s == "" {
		return nil
	}
	return s
}

// list returns strs as a multi-valued property value.
func list(strs ...string) *object.List { return exo.MultiValued(strs) }

// fixedList is list for values every object shows alike, given as list
// items: each object's list is its own copy (a script may change it),
// but the strings are not boxed again for each.
func fixedList(items []any) *object.List { return &object.List{Items: slices.Clone(items)} }

// multiChange is a MultiValuedProperty argument: a replacement list or
// @{Add=...; Remove=...}.
type multiChange struct {
	replace    bool
	values     []string
	add, remov []string
}

// readMultiChange interprets a MultiValuedProperty argument.
func readMultiChange(v any) (multiChange, error) {
	if h, ok := object.Unwrap(v).(*object.Hashtable); ok {
		var mc multiChange
		for _, e := range h.Entries() {
			switch strings.ToLower(object.ToInvariantString(e.Key)) {
			case "add", "+":
				mc.add = append(mc.add, exo.ValueStrings(e.Value)...)
			case "remove", "-":
				mc.remov = append(mc.remov, exo.ValueStrings(e.Value)...)
			default:
				return mc, fmt.Errorf("The hash table key '%s' isn't valid. Valid keys are Add and Remove.", object.ToInvariantString(e.Key))
			}
		}
		return mc, nil
	}
	return multiChange{replace: true, values: exo.ValueStrings(v)}, nil
}

// apply applies the change to current (case-insensitive comparisons).
func (mc multiChange) apply(current []string) []string {
	if mc.replace {
		return dedupe(mc.values)
	}
	out := append([]string(nil), current...)
	for _, a := range mc.add {
		if !exo.ContainsFold(out, a) {
			out = append(out, a)
		}
	}
	for _, r := range mc.remov {
		out = exo.RemoveFold(out, r)
	}
	return out
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if !exo.ContainsFold(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// usageLocationName maps the two-letter country codes the seeds use to
// the country name Exchange shows.
func usageLocationName(code string) string {
	switch strings.ToUpper(code) {
	case "US":
		return "United States"
	case "GB":
		return "United Kingdom"
	case "CA":
		return "Canada"
	case "DE":
		return "Germany"
	case "FR":
		return "France"
	case "IN":
		return "India"
	case "JP":
		return "Japan"
	case "AU":
		return "Australia"
	case "":
		return ""
	}
	return code
}

// dtmf maps letters to telephone keypad digits (UMDtmfMap).
func dtmf(s string) string {
	const keys = "22233344455566677778889999"
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteByte(keys[r-'a'])
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}
