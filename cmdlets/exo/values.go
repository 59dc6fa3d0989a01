package exo

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"

	"github.com/exosim/exosim/store/directory"
)

// Exchange values as the Exchange Online module hands them to a script.
// Its cmdlets' results are deserialized on the client, so Exchange's own
// types arrive as property bags without their methods:
//
//   - an Unlimited<ByteQuantifiedSize> (TotalItemSize, ProhibitSendQuota,
//     ArchiveQuota ...) has IsUnlimited and Value; its text is the size
//     ("1.5 GB (1,610,612,736 bytes)") or "Unlimited";
//   - its Value, a ByteQuantifiedSize, has no properties, only that text:
//     .Value.ToMB() fails as a method the object does not have, while
//     .Value.ToString() gives the text reports parse;
//   - a MultiValuedProperty is an ArrayList: Add (which returns the new
//     index), Remove, Contains, Count and enumeration work on the local
//     copy, which a Set-* cmdlet can then send back.

// Type names of the deserialized values.
const (
	TypeByteQuantifiedSize = "Deserialized.Microsoft.Exchange.Data.ByteQuantifiedSize"
	TypeUnlimitedSize      = "Deserialized.Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize, Microsoft.Exchange.Data, Version=15.20.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]"
	TypeMultiValued        = "Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String, System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]"
)

// SizeValue is a deserialized ByteQuantifiedSize of n bytes.
func SizeValue(n int64) *object.PSObject {
	o := object.NewObject(TypeByteQuantifiedSize, "Deserialized.System.ValueType", "Deserialized.System.Object")
	text := SizeText(n)
	o.ToStringFunc = func() string { return text }
	return o
}

// QuotaValue is a deserialized Unlimited<ByteQuantifiedSize>. Its
// properties (IsUnlimited, Value) are made when first read: a quota is
// mostly shown as its text.
func QuotaValue(q directory.Quota) *object.PSObject {
	o := object.NewLazyObject(quotaSchema.Get(), func(i int) any {
		switch {
		case i == 0:
			return q.IsUnlimited()
		case q.IsUnlimited():
			return nil
		}
		return SizeValue(q.Bytes())
	}, quotaTypeNames...)
	text := "Unlimited"
	if !q.IsUnlimited() {
		text = SizeText(q.Bytes())
	}
	o.ToStringFunc = func() string { return text }
	return o
}

// SizeText is directory.FormatByteSize(n), the text of a size. The
// sizes Exchange Online's plan gives every mailbox (its quotas, message
// size limits and RulesQuota) have theirs written here: most mailboxes
// show them.
func SizeText(n int64) string {
	for _, s := range planSizes {
		if s.n == n {
			return s.text
		}
	}
	return directory.FormatByteSize(n)
}

// planSizes are the sizes of Exchange Online's mailbox plan and their
// texts.
var planSizes = [...]struct {
	n    int64
	text string
}{
	{256 * directory.KB, "256 KB (262,144 bytes)"},
	{35 * directory.MB, "35 MB (36,700,160 bytes)"},
	{36 * directory.MB, "36 MB (37,748,736 bytes)"},
	{6 * directory.GB, "6 GB (6,442,450,944 bytes)"},
	{20 * directory.GB, "20 GB (21,474,836,480 bytes)"},
	{30 * directory.GB, "30 GB (32,212,254,720 bytes)"},
	{50 * directory.GB, "50 GB (53,687,091,200 bytes)"},
	{90 * directory.GB, "90 GB (96,636,764,160 bytes)"},
	{98 * directory.GB, "98 GB (105,226,698,752 bytes)"},
	{99 * directory.GB, "99 GB (106,300,440,576 bytes)"},
	{100 * directory.GB, "100 GB (107,374,182,400 bytes)"},
}

// quotaSchema lists a quota's properties.
var quotaSchema = lazy.Value[*object.Schema]{Build: func() *object.Schema {
	return object.NewSchema([]string{"IsUnlimited", "Value"}, []string{"System.Boolean", TypeByteQuantifiedSize})
}}

// quotaTypeNames are a quota's type names (a quota's own list is a copy
// made when it changes).
var quotaTypeNames = []string{TypeUnlimitedSize, "Deserialized.System.ValueType", "Deserialized.System.Object"}

// MultiValued is a deserialized MultiValuedProperty of strings: an
// ArrayList the script may change.
func MultiValued(items []string) *object.List {
	l := &object.List{Items: make([]any, 0, len(items))}
	for _, s := range items {
		l.Items = append(l.Items, s)
	}
	return l
}

// GuidValue is a GUID kept as text in the tenant, as output shows it: a
// Guid value, or the text itself when it is not a GUID.
func GuidValue(s string) any {
	if g, ok := ParseGuid(s); ok {
		return g
	}
	return s
}

// ParseGuid is object.ParseGuid. The form a tenant keeps its GUIDs in,
// 36 characters with four dashes, it reads in place without allocating;
// the other forms (braces, 32 digits, spaces around) go to
// object.ParseGuid.
func ParseGuid(s string) (object.Guid, bool) {
	var g object.Guid
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return object.ParseGuid(s)
	}
	for j, i := range guidDigits {
		hi, lo := hexDigits[s[i]], hexDigits[s[i+1]]
		if hi == 0 || lo == 0 {
			return object.Guid{}, false
		}
		g[j] = (hi-1)<<4 | (lo - 1)
	}
	return g, true
}

// guidDigits are the offsets of a GUID's 16 bytes in its 36-character
// text, two digits each.
var guidDigits = [16]uint8{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// hexDigits holds one more than the value of each hexadecimal digit, 0
// for the other bytes.
var hexDigits = [256]uint8{'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10,
	'a': 11, 'b': 12, 'c': 13, 'd': 14, 'e': 15, 'f': 16, 'A': 11, 'B': 12, 'C': 13, 'D': 14, 'E': 15, 'F': 16}

// AppendGuid appends g's text, as Guid.String writes it, to b.
func AppendGuid(b []byte, g object.Guid) []byte {
	const digits = "0123456789abcdef"
	for i, c := range g {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, digits[c>>4], digits[c&0x0f])
	}
	return b
}

// TimeOrNil is an optional time as a property value: $null when there is
// none, else the time in UTC.
func TimeOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
}

// TNullableBool is the type of a Nullable<bool> parameter: $null, a
// Boolean or a number binds (NullableBoolArg reads it), so that $null can
// clear the setting.
var TNullableBool = &params.Type{Kind: params.KindObject, Name: "bool", FullName: "System.Nullable`1[System.Boolean]"}

// NullableBoolArg reads the Nullable<bool> parameter param as PowerShell
// binds one: nil for $null (or when the call does not have it), else the
// Boolean or number's truth. Another value ends the command with
// PowerShell's transformation error.
func NullableBoolArg(ctx *command.Context, param string) (*bool, error) {
	if !ctx.Has(param) {
		return nil, nil
	}
	v := ctx.Value(param)
	var x bool
	switch t := object.Unwrap(v).(type) {
	case nil:
		return nil, nil
	case bool:
		x = t
	case int:
		x = t != 0
	case int64:
		x = t != 0
	case float64:
		x = t != 0
	default:
		return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.", param, object.ToInvariantString(v)),
			"ParameterArgumentTransformationError,"+ctx.Command.Name, object.InvalidData, "ParameterBindingArgumentTransformationException", v))
	}
	return &x, nil
}

// OutOfRange is the service's error for a number outside the range
// min..max of its property.
func OutOfRange(ctx *command.Context, min, max, n int) *object.ErrorRecord {
	return CodedError(ctx, "Ex503186", exDataValidation, fmt.Sprintf("The property, (%d), is out of range. The valid range is from %d to %d.", n, min, max), object.InvalidData, n)
}

// TooLong is the service's error for a text longer than max characters,
// or nil when it is not.
func TooLong(ctx *command.Context, max int, s string) *object.ErrorRecord {
	if n := len([]rune(s)); n > max {
		return CodedError(ctx, "ExA75D27", exDataValidation, fmt.Sprintf("The length of the property is too long. The maximum length is %d and the length of the value provided is %d.", max, n), object.InvalidData, s)
	}
	return nil
}
