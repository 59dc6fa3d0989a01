package mailboxsetting

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/enumflags"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store/regional"
)

// Kind is how a setting's argument is read and its value shown.
type Kind int

// The kinds of settings, by the field each is kept in.
const (
	// Bool is a Boolean (*bool).
	Bool Kind = iota
	// NullableBool is a Nullable<bool> (**bool): $null clears it.
	NullableBool
	// Int is an Int32 (*int).
	Int
	// Text is a string (*string), shown as $null when empty.
	Text
	// Enum is one of an enumeration's Values (*string).
	Enum
	// FlagsEnum is a combination of Flags (*string, as Flags formats it).
	FlagsEnum
	// TimeSpan is a TimeSpan (*time.Duration).
	TimeSpan
	// TimeZone is a Windows time zone ID (*string).
	TimeZone
	// List is a MultiValuedProperty of strings (*[]string): a list
	// replaces it, @{Add=...;Remove=...} changes it.
	List
	// DateTime is a DateTime (*time.Time), kept in UTC.
	DateTime
	// Strings is a String[] (*[]string): its blank values are dropped.
	Strings
)

// Setting is one property of a settings record S: its parameter and
// property name, its .NET type as output shows it, how its argument is
// read and where it is kept.
type Setting[S any] struct {
	Name string
	Type string
	Kind Kind
	// Values are an Enum's values; Flags a FlagsEnum's.
	Values []string
	Flags  enumflags.Flags
	// Help describes the parameter (a Describe call's own text wins).
	Help string
	// Param, when not nil, is the parameter's declared type instead of
	// the reference's.
	Param *params.Type
	// Check, when not nil, turns the argument of a Text or Enum setting
	// into the text kept (an Enum's then matched against its Values), or
	// refuses it.
	Check func(ctx *command.Context, name, v string) (string, *object.ErrorRecord)
	// Field returns where the value is kept: a pointer of the Kind's type.
	Field func(s *S) any
}

// Table is the settings of a record S in the order Get shows them.
type Table[S any] []Setting[S]

// BoolSetting is a Boolean setting.
func BoolSetting[S any](name, help string, f func(s *S) *bool) Setting[S] {
	return Setting[S]{Name: name, Type: "System.Boolean", Kind: Bool, Help: help, Field: func(s *S) any { return f(s) }}
}

// IntSetting is an Int32 setting.
func IntSetting[S any](name, help string, f func(s *S) *int) Setting[S] {
	return Setting[S]{Name: name, Type: "System.Int32", Kind: Int, Help: help, Field: func(s *S) any { return f(s) }}
}

// TextSetting is a string setting.
func TextSetting[S any](name, help string, f func(s *S) *string) Setting[S] {
	return Setting[S]{Name: name, Type: "System.String", Kind: Text, Help: help, Field: func(s *S) any { return f(s) }}
}

// EnumSetting is a setting of the enumeration typ (its full name), one of
// values.
func EnumSetting[S any](name, typ string, values []string, f func(s *S) *string) Setting[S] {
	return Setting[S]{Name: name, Type: typ, Kind: Enum, Values: values, Help: "One of: " + strings.Join(values, ", ") + ".", Field: func(s *S) any { return f(s) }}
}

// FlagsSetting is a setting of the flag enumeration typ (its full name).
func FlagsSetting[S any](name, typ string, flags enumflags.Flags, f func(s *S) *string) Setting[S] {
	return Setting[S]{Name: name, Type: typ, Kind: FlagsEnum, Flags: flags, Help: "One or more of: " + strings.Join(flags.Names(), ", ") + ".", Field: func(s *S) any { return f(s) }}
}

// TimeSpanSetting is a TimeSpan setting.
func TimeSpanSetting[S any](name, help string, f func(s *S) *time.Duration) Setting[S] {
	return Setting[S]{Name: name, Type: "System.TimeSpan", Kind: TimeSpan, Help: help, Field: func(s *S) any { return f(s) }}
}

// ListSetting is a MultiValuedProperty setting of strings.
func ListSetting[S any](name, help string, f func(s *S) *[]string) Setting[S] {
	return Setting[S]{Name: name, Type: "Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]", Kind: List, Help: help, Field: func(s *S) any { return f(s) }}
}

// DateTimeSetting is a DateTime setting.
func DateTimeSetting[S any](name, help string, f func(s *S) *time.Time) Setting[S] {
	return Setting[S]{Name: name, Type: "System.DateTime", Kind: DateTime, Help: help, Field: func(s *S) any { return f(s) }}
}

// StringsSetting is a String[] setting.
func StringsSetting[S any](name, help string, f func(s *S) *[]string) Setting[S] {
	return Setting[S]{Name: name, Type: "System.String[]", Kind: Strings, Help: help, Field: func(s *S) any { return f(s) }}
}

// Declare describes the Set cmdlet's parameters of the table (help,
// whose own texts win, describes the others too) and gives those the
// reference types otherwise their types: a flag enumeration, a
// Nullable<bool>, or the setting's Param.
func (t Table[S]) Declare(set *command.Command, help map[string]string) {
	for _, p := range t {
		if _, ok := help[p.Name]; !ok {
			help[p.Name] = p.Help
		}
		switch {
		case p.Param != nil:
			exo.DeclaredParam(set, p.Name).Type = p.Param
		case p.Kind == FlagsEnum:
			exo.DeclaredParam(set, p.Name).Type = decl.FlagsType(p.Type)
		case p.Kind == NullableBool:
			exo.DeclaredParam(set, p.Name).Type = exo.TNullableBool
		}
	}
	exo.Describe(set, help)
}

// Names are the table's parameter names, after first.
func (t Table[S]) Names(first ...string) []string {
	out := first
	for _, p := range t {
		out = append(out, p.Name)
	}
	return out
}

// Add adds the properties of s to o in the table's order.
func (t Table[S]) Add(o *object.PSObject, s *S) {
	for _, p := range t {
		var v any
		switch f := p.Field(s).(type) {
		case *bool:
			v = *f
		case **bool:
			if *f != nil {
				v = **f
			}
		case *int:
			v = *f
		case *string:
			v = *f
			if p.Kind == Text {
				v = exo.NilIfEmpty(*f)
			}
		case *time.Duration:
			v = object.TimeSpan(*f / 100)
		case *time.Time:
			v = *f
		case *[]string:
			list := make([]any, 0, len(*f))
			for _, x := range *f {
				list = append(list, x)
			}
			v = list
		}
		o.AddTyped(p.Name, p.Type, v)
	}
}

// nullables reads the call's Nullable<bool> arguments of the table, as
// PowerShell binds them (see exo.NullableBoolArg), before anything else.
func (t Table[S]) nullables(ctx *command.Context) (map[string]*bool, error) {
	var out map[string]*bool
	for _, p := range t {
		if p.Kind == NullableBool && ctx.Has(p.Name) {
			b, err := exo.NullableBoolArg(ctx, p.Name)
			if err != nil {
				return nil, err
			}
			if out == nil {
				out = map[string]*bool{}
			}
			out[p.Name] = b
		}
	}
	return out, nil
}

// apply sets what the call's parameters name, in the table's order;
// nullables are the Nullable<bool> arguments read beforehand. The first
// value refused ends it with its record.
func (t Table[S]) apply(ctx *command.Context, s *S, nullables map[string]*bool) *object.ErrorRecord {
	for _, p := range t {
		if !ctx.Has(p.Name) {
			continue
		}
		switch f := p.Field(s).(type) {
		case *bool:
			*f = ctx.Bool(p.Name)
		case **bool:
			*f = nullables[p.Name]
		case *int:
			*f = ctx.Int(p.Name)
		case *time.Duration:
			ts, _ := object.Unwrap(ctx.Value(p.Name)).(object.TimeSpan)
			*f = time.Duration(ts) * 100
		case *time.Time:
			if v, ok := ctx.Time(p.Name); ok {
				*f = v.UTC()
			}
		case *[]string:
			if rec := p.applyList(ctx, f); rec != nil {
				return rec
			}
		case *string:
			if rec := p.applyText(ctx, f); rec != nil {
				return rec
			}
		}
	}
	return nil
}

// applyList sets a List or Strings setting.
func (p *Setting[S]) applyList(ctx *command.Context, f *[]string) *object.ErrorRecord {
	if p.Kind == Strings {
		*f = nil
		for _, e := range ctx.Strings(p.Name) {
			if strings.TrimSpace(e) != "" {
				*f = append(*f, e)
			}
		}
		return nil
	}
	vs, err := mailbox.ApplyMultiValued(ctx.Value(p.Name), *f)
	if err != nil {
		return exo.Invalid(ctx, err.Error(), p.Name)
	}
	*f = vs
	return nil
}

// applyText sets a setting kept as text: an enumeration, a flag
// enumeration, a time zone or plain text.
func (p *Setting[S]) applyText(ctx *command.Context, f *string) *object.ErrorRecord {
	switch p.Kind {
	case FlagsEnum:
		text := strings.Join(exo.ValueStrings(ctx.Value(p.Name)), ",")
		v, ok := p.Flags.Parse(text)
		if !ok {
			return exo.EnumError(ctx, p.Name, text, p.Type, p.Flags.Names())
		}
		*f = p.Flags.Format(v)
		return nil
	case TimeZone:
		z, rec := TimeZoneArg(ctx, p.Name, p.Type)
		if rec == nil {
			*f = z
		}
		return rec
	}
	v := ctx.String(p.Name)
	if p.Check != nil {
		var rec *object.ErrorRecord
		if v, rec = p.Check(ctx, p.Name, v); rec != nil {
			return rec
		}
	}
	if p.Kind == Enum {
		return exo.EnumValue(ctx, p.Name, v, p.Type, p.Values, f)
	}
	*f = v
	return nil
}

// TimeZoneArg reads the parameter param, a Windows time zone ID, as the
// ID is spelt; another value is PowerShell's error for an argument that
// does not convert to typ, the parameter's type.
func TimeZoneArg(ctx *command.Context, param, typ string) (string, *object.ErrorRecord) {
	id := ctx.String(param)
	z, ok := regional.CanonicalTimeZone(id)
	if !ok {
		return "", exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
			fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"The time zone ID '%s' was not found on the local computer.\"", param, id, typ, id),
			object.InvalidArgument, id)
	}
	return z, nil
}
