package mailbox

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// parseByteSize reads a ByteQuantifiedSize argument: a byte count, a number
// with a unit ("50GB", "49.5 GB", "512 MB"), or the Exchange display form
// "49.5 GB (53,150,220,288 bytes)".
func parseByteSize(v any) (int64, bool) {
	switch x := object.Unwrap(v).(type) {
	case int:
		return int64(x), x >= 0
	case int64:
		return x, x >= 0
	case float64:
		if x < 0 || x != math.Trunc(x) {
			return 0, false
		}
		return int64(x), true
	case object.Decimal:
		f := x.Float()
		return int64(f), f >= 0 && f == math.Trunc(f)
	}
	s := strings.TrimSpace(object.ToInvariantString(object.Unwrap(v)))
	if i := strings.Index(s, "("); i > 0 && strings.HasSuffix(s, "bytes)") {
		digits := strings.ReplaceAll(strings.TrimSuffix(s[i+1:], "bytes)"), ",", "")
		n, err := strconv.ParseInt(strings.TrimSpace(digits), 10, 64)
		return n, err == nil && n >= 0
	}
	upper := strings.ToUpper(strings.ReplaceAll(s, " ", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"TB", 1024 * directory.GB}, {"GB", directory.GB}, {"MB", directory.MB}, {"KB", directory.KB}, {"B", 1}} {
		if strings.HasSuffix(upper, u.suffix) {
			upper, mult = strings.TrimSuffix(upper, u.suffix), u.m
			break
		}
	}
	if upper == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(upper, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	n := f * float64(mult)
	if n > math.MaxInt64/2 {
		return 0, false
	}
	return int64(n), true
}

// parseQuota reads an Unlimited<ByteQuantifiedSize> argument.
func parseQuota(v any) (directory.Quota, bool) {
	if s, ok := object.Unwrap(v).(string); ok && strings.EqualFold(strings.TrimSpace(s), "Unlimited") {
		return directory.QuotaUnlimited, true
	}
	n, ok := parseByteSize(v)
	return directory.Quota(n), ok
}

// parseRetention reads an EnhancedTimeSpan argument: a TimeSpan, a number
// of days, or "d.hh:mm:ss".
func parseRetention(v any) (time.Duration, bool) {
	switch x := object.Unwrap(v).(type) {
	case object.TimeSpan:
		return time.Duration(x) * 100, true
	case int:
		return time.Duration(x) * store.Day, true
	case int64:
		return time.Duration(x) * store.Day, true
	}
	sp, err := directory.ParseSpan(object.ToInvariantString(object.Unwrap(v)))
	if err != nil || sp.Unlimited {
		return 0, false
	}
	return sp.D, true
}

// parseHoldDuration reads LitigationHoldDuration: "Unlimited", a number of
// days, or a time span.
func parseHoldDuration(v any) (directory.Span, bool) {
	if s, ok := object.Unwrap(v).(string); ok && strings.EqualFold(strings.TrimSpace(s), "Unlimited") {
		return directory.UnlimitedSpan(), true
	}
	d, ok := parseRetention(v)
	if !ok || d < 0 {
		return directory.Span{}, false
	}
	return directory.Span{D: d}, true
}

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
