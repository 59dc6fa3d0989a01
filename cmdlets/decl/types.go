package decl

import (
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// The Exchange parameter types the shell does not know: each family is a
// runtime.CustomKind that tells the binder how its arguments bind; the
// handlers read the values (and tell the families apart with Type.Is).
var (
	// Identity is an identity parameter (MailboxIdParameter ...): one
	// value, kept as given, which the handler resolves; never empty.
	Identity = &params.CustomKind{Name: "identity", Single: true}
	// MultiValued is a MultiValuedProperty: a list, a single value, or an
	// @{Add=...;Remove=...} hashtable, passed through whole.
	MultiValued = &params.CustomKind{Name: "multi-valued", Whole: true}
	// Unlimited is Unlimited<T>: "Unlimited" or a value of the inner
	// type.
	Unlimited = &params.CustomKind{Name: "unlimited"}
	// ByteSize is a ByteQuantifiedSize ("50GB", 53687091200 ...).
	ByteSize = &params.CustomKind{Name: "byte size"}
	// Flags is an enumeration of flags (FontFlags, NewItemNotification
	// ...): a name, names separated by commas, or a list of names, which
	// PowerShell combines; passed through whole for the handler to read.
	Flags = &params.CustomKind{Name: "flags", Whole: true}
)

// The parameter types of those families that have one name.
var (
	TMultiValued = &params.Type{Kind: params.KindCustom, Custom: MultiValued, Name: "MultiValuedProperty", FullName: "Microsoft.Exchange.Data.MultiValuedProperty"}
	TUnlimited   = &params.Type{Kind: params.KindCustom, Custom: Unlimited, Name: "Unlimited", FullName: "Microsoft.Exchange.Data.Unlimited"}
	TByteSize    = &params.Type{Kind: params.KindCustom, Custom: ByteSize, Name: "ByteQuantifiedSize", FullName: "Microsoft.Exchange.Data.ByteQuantifiedSize"}
	// TEnhancedTimeSpan is Exchange's EnhancedTimeSpan: a time span, where
	// a bare whole number means days.
	TEnhancedTimeSpan = &params.Type{Kind: params.KindTimeSpan, Name: "EnhancedTimeSpan", FullName: "Microsoft.Exchange.Data.EnhancedTimeSpan", Convert: daysOf}
)

// daysOf reads a bare whole number as a number of days.
func daysOf(v any) (any, bool) {
	switch n := v.(type) {
	case int:
		return object.TimeSpan(n) * object.TicksPerDay, true
	case int64:
		return object.TimeSpan(n) * object.TicksPerDay, true
	}
	return nil, false
}

// IdentityType returns an identity parameter type such as
// MailboxIdParameter.
func IdentityType(name string) *params.Type {
	return &params.Type{Kind: params.KindCustom, Custom: Identity, Name: name, FullName: name}
}

// FlagsType returns the type of a parameter that takes an enumeration of
// flags, under the enumeration's full name.
func FlagsType(fullName string) *params.Type {
	name := fullName
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return &params.Type{Kind: params.KindCustom, Custom: Flags, Name: name, FullName: fullName}
}

// MultiValuedType returns a multi-valued type under its own name (an
// identity list such as RecipientIdParameter[] is one).
func MultiValuedType(name string) *params.Type {
	return &params.Type{Kind: params.KindCustom, Custom: MultiValued, Name: name, FullName: name}
}

// CommandNote is what the Exchange half keeps with a command
// (command.Command.Ext).
type CommandNote struct {
	// OnPremOnly marks a cmdlet that exists only in on-premises Exchange:
	// a cloud session hides it until a session to the on-premises server
	// is imported, and the linter reports it.
	OnPremOnly bool
}

// MarkOnPremOnly notes that c exists only in on-premises Exchange.
func MarkOnPremOnly(c *command.Command) {
	n, _ := c.Ext.(*CommandNote)
	if n == nil {
		n = &CommandNote{}
		c.Ext = n
	}
	n.OnPremOnly = true
}

// OnPremOnly reports whether c exists only in on-premises Exchange.
func OnPremOnly(c *command.Command) bool {
	n, _ := c.Ext.(*CommandNote)
	return n != nil && n.OnPremOnly
}
