package mailboxpolicy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mp "github.com/exosim/exosim/store/mailboxpolicy"
)

// enumNS is the namespace of the enumerations of the policies' settings.
const enumNS = "Microsoft.Exchange.Data.Directory.SystemConfiguration."

// family is one kind of mailbox policy as its Get, Set, New and Remove
// cmdlets see it, T its record.
type family[T any, P mp.Record[T]] struct {
	kind
	// policies returns the kind's store family; table its settings.
	policies func() *mp.Family[T, P]
	table    *[]mp.Setting
	// typ is the output type; version, category and class what the
	// object closes with.
	typ, version, category, class string
	// noun names the kind in the questions the cmdlets ask.
	noun string
	// switchDefault: -IsDefault is a switch (else a Boolean).
	switchDefault bool
	// extra, when not nil, applies the Set cmdlet's parameters that are
	// no setting of the table.
	extra func(ctx *command.Context, p P)
	// shows, when not nil, adds what the object shows before the table's
	// settings; starts, when not nil, applies the New cmdlet's parameters
	// that are no setting of the table (or refuses them).
	shows  func(obj *object.PSObject, o *directory.Organization, p P)
	starts func(ctx *command.Context, p P) *object.ErrorRecord
}

// configs are the kind's policies as an identity names them: by name,
// GUID or distinguished name.
func (f *family[T, P]) configs() *exo.Configs[P] {
	return mailbox.PolicyConfigs(f.policies(), f.container)
}

// settingHelp is the one-line help of a setting's parameter.
func settingHelp(s *mp.Setting) string {
	switch s.Kind {
	case mp.Enum:
		return fmt.Sprintf("One of %s (default %s).", strings.Join(s.Values, ", "), s.Default)
	case mp.List:
		return "A list replaces the values; @{Add=...;Remove=...} changes them."
	case mp.Int, mp.Count:
		if s.Max != 0 {
			return fmt.Sprintf("A number from %d to %d.", s.Min, s.Max)
		}
		return "A number."
	case mp.Size:
		return fmt.Sprintf("A size up to %d bytes (KB, MB, GB), or Unlimited.", s.Max)
	case mp.Span:
		return "A time span (d.hh:mm:ss), or Unlimited."
	case mp.Text:
		return "A text; $null clears it."
	}
	if s.Default == "" {
		return "$true or $false."
	}
	return "$true or $false (default $" + s.Default + ")."
}

// describe gives the command's parameters of the table their help,
// help's own texts winning.
func (f *family[T, P]) describe(c *command.Command, help map[string]string) {
	for _, s := range *f.table {
		if s.Fixed || s.Kind == mp.IsDefault {
			continue
		}
		if _, ok := help[s.Name]; !ok {
			help[s.Name] = settingHelp(&s)
		}
	}
	exo.DescribeDeclared(c, help)
}

// settingType is the .NET type of a setting's property.
func settingType(s *mp.Setting) string {
	switch s.Kind {
	case mp.Int:
		if s.Default == "" {
			return "System.Nullable`1[System.Int32]"
		}
		return "System.Int32"
	case mp.Text:
		return "System.String"
	case mp.Enum:
		return enumNS + s.Enum
	case mp.List:
		return exo.TypeMultiValued
	case mp.Size:
		return exo.TypeUnlimitedSize
	case mp.Count:
		return "Microsoft.Exchange.Data.Unlimited`1[System.Int32]"
	case mp.Span:
		return "Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.EnhancedTimeSpan]"
	}
	return "System.Boolean"
}

// settingValue is a setting's value as its property shows it.
func settingValue(s *mp.Setting, v string, list []string) any {
	switch s.Kind {
	case mp.List:
		return exo.MultiValued(list)
	case mp.Int:
		if v == "" {
			return nil
		}
		n, _ := strconv.Atoi(v)
		return n
	case mp.Size:
		if v == mp.Unlimited {
			return exo.QuotaValue(directory.QuotaUnlimited)
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		return exo.QuotaValue(directory.Quota(n))
	case mp.Bool:
		if v == "" {
			return nil
		}
		return v == "True"
	}
	return exo.NilIfEmpty(v)
}

// boolText is a Boolean as a setting keeps it.
func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// object is the Get cmdlet's object of a policy.
func (f *family[T, P]) object(o *directory.Organization, p P) *object.PSObject {
	obj := exo.HygieneObject(f.typ)
	if f.shows != nil {
		f.shows(obj, o, p)
	}
	h, v := p.Head(), p.Config()
	for i := range *f.table {
		s := &(*f.table)[i]
		if s.Kind == mp.IsDefault {
			obj.AddTyped("IsDefault", "System.Boolean", *h.IsDefault)
			continue
		}
		obj.AddTyped(s.Shown(), settingType(s), settingValue(s, v.Value(s), v.List(s)))
	}
	exo.AddConfigTail(obj, o, exo.ConfigObject{Name: *h.Name, Guid: *h.Guid, DistinguishedName: f.dn(o, *h.Name), ExchangeVersion: f.version,
		Category: f.category, Class: f.class, Created: *h.WhenCreated, Changed: *h.WhenChanged})
	return obj
}

func (f *family[T, P]) get(ctx *command.Context) error {
	out, done, err := f.configs().Read(ctx, f.object)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, out)
}

// edit is one setting a call changes, read before the tenant is.
type edit struct {
	s     *mp.Setting
	value string
	arg   any // a list setting's argument, applied to the policy's list
}

// readSettings reads the call's settings; a value a setting does not
// take is refused before the tenant is read.
func (f *family[T, P]) readSettings(ctx *command.Context) ([]edit, *object.ErrorRecord) {
	var edits []edit
	for i := range *f.table {
		s := &(*f.table)[i]
		if s.Fixed || s.Kind == mp.IsDefault || !ctx.Has(s.Name) {
			continue
		}
		e := edit{s: s}
		var rec *object.ErrorRecord
		switch s.Kind {
		case mp.Bool:
			e.value = boolText(ctx.Bool(s.Name))
		case mp.Int:
			e.value, rec = intArg(ctx, s)
		case mp.Text:
			e.value = ctx.String(s.Name)
		case mp.Enum:
			rec = exo.EnumArg(ctx, s.Name, enumNS+s.Enum, s.Values, &e.value)
		case mp.Size, mp.Count:
			e.value, rec = sizeArg(ctx, s)
		case mp.Span:
			e.value, rec = spanArg(ctx, s)
		case mp.List:
			e.arg = object.Unwrap(ctx.Value(s.Name))
			if _, err := mailbox.ApplyMultiValued(e.arg, nil); err != nil {
				rec = exo.Invalid(ctx, err.Error(), s.Name)
			}
		}
		if rec != nil {
			return nil, rec
		}
		edits = append(edits, e)
	}
	return edits, nil
}

// intArg reads an Int setting's argument ($null for a nullable one).
func intArg(ctx *command.Context, s *mp.Setting) (string, *object.ErrorRecord) {
	if object.Unwrap(ctx.Value(s.Name)) == nil && s.Default == "" {
		return "", nil
	}
	n := ctx.Int(s.Name)
	if !s.InRange(int64(n)) {
		return "", exo.OutOfRange(ctx, int(s.Min), int(s.Max), n)
	}
	return strconv.Itoa(n), nil
}

// sizeArg reads a Size or Count setting's argument: Unlimited, or a
// number of bytes (KB, MB, GB qualify it) within the setting's range.
func sizeArg(ctx *command.Context, s *mp.Setting) (string, *object.ErrorRecord) {
	v := ctx.Value(s.Name)
	if t, ok := object.Unwrap(v).(string); ok && strings.EqualFold(strings.TrimSpace(t), mp.Unlimited) {
		return mp.Unlimited, nil
	}
	n, ok := exo.ParseByteSize(v)
	if !ok {
		return "", exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
			fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\".", s.Name, object.ToInvariantString(object.Unwrap(v)), settingType(s)),
			object.InvalidArgument, v)
	}
	if !s.InRange(n) {
		return "", exo.OutOfRange(ctx, int(s.Min), int(s.Max), int(n))
	}
	return strconv.FormatInt(n, 10), nil
}

// spanArg reads a Span setting's argument: Unlimited, a TimeSpan or its
// text, or a whole number of days (an EnhancedTimeSpan's), within the
// setting's range.
func spanArg(ctx *command.Context, s *mp.Setting) (string, *object.ErrorRecord) {
	v := object.Unwrap(ctx.Value(s.Name))
	text := object.ToInvariantString(v)
	if strings.EqualFold(strings.TrimSpace(text), mp.Unlimited) {
		return mp.Unlimited, nil
	}
	d, ok := mp.ParseSpan(text)
	switch x := v.(type) {
	case object.TimeSpan:
		d, ok = time.Duration(x)*100, x >= 0
	case int:
		d, ok = time.Duration(x)*24*time.Hour, x >= 0
	case int64:
		d, ok = time.Duration(x)*24*time.Hour, x >= 0
	}
	if !ok {
		return "", exo.Error(ctx, "System.Management.Automation.ParameterBindingException",
			fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\".", s.Name, text, settingType(s)),
			object.InvalidArgument, text)
	}
	if secs := int64(d.Seconds()); !s.InRange(secs) {
		return "", exo.Error(ctx, exDataValidation, fmt.Sprintf("The value %s is out of range. The valid range is from %s to %s.",
			mp.FormatSpan(d), mp.FormatSpan(secondsOf(s.Min)), mp.FormatSpan(secondsOf(s.Max))), object.InvalidData, text)
	}
	return mp.FormatSpan(d), nil
}

// applyEdits applies the edits to the settings v.
func applyEdits(v *mp.Settings, edits []edit) {
	for _, e := range edits {
		if e.s.Kind == mp.List {
			next, _ := mailbox.ApplyMultiValued(e.arg, v.List(e.s))
			v.SetList(e.s, next)
			continue
		}
		v.SetValue(e.s, e.value)
	}
}

// wantsDefault reports whether the call makes the policy the default one:
// -IsDefault as a switch, or -IsDefault $true.
func (f *family[T, P]) wantsDefault(ctx *command.Context) bool {
	if f.switchDefault {
		return ctx.Switch("IsDefault")
	}
	return ctx.Has("IsDefault") && ctx.Bool("IsDefault")
}

func (f *family[T, P]) set(ctx *command.Context) error {
	edits, rec := f.readSettings(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	if ctx.Has("Name") {
		if rec := nameProblem(ctx, ctx.String("Name")); rec != nil {
			return ctx.Fail(rec)
		}
	}
	shown := typedIdentity(ctx)
	var o *directory.Organization
	var p P
	unchanged := false
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, p, rec, err = f.configs().Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Setting %s \"%s\".", f.noun, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		h, v := p.Head(), p.Config()
		name, before := *h.Name, v.Clone()
		applyEdits(v, edits)
		if f.extra != nil {
			f.extra(ctx, p)
		}
		if !f.switchDefault && ctx.Has("IsDefault") && !ctx.Bool("IsDefault") && *h.IsDefault {
			return exo.Error(ctx, exInvalidOp, f.keepDefault, object.InvalidOperation, shown), nil
		}
		if ctx.Has("Name") {
			if rec, err := f.refusal(ctx, o, f.policies().Rename(tx, p, ctx.String("Name")), shown); rec != nil || err != nil {
				return rec, err
			}
		}
		makeDefault := f.wantsDefault(ctx) && !*h.IsDefault
		if unchanged = !makeDefault && *h.Name == name && before.Same(v); unchanged {
			return nil, nil
		}
		if makeDefault {
			return f.refusal(ctx, o, f.policies().MakeDefault(tx, p), shown)
		}
		return f.refusal(ctx, o, f.policies().Put(tx, p), shown)
	})
	if err == nil && unchanged {
		exo.WarnUnchanged(ctx, *p.Head().Name)
	}
	return err
}

func (f *family[T, P]) create(ctx *command.Context) error {
	edits, rec := f.readSettings(ctx)
	if rec != nil {
		return ctx.Fail(rec)
	}
	name := ctx.String("Name")
	if rec := nameProblem(ctx, name); rec != nil {
		return ctx.Fail(rec)
	}
	p := P(new(T))
	*p.Head().Name = name
	applyEdits(p.Config(), edits)
	if f.starts != nil {
		if rec := f.starts(ctx, p); rec != nil {
			return ctx.Fail(rec)
		}
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Creating %s \"%s\".", f.noun, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		if rec, err := f.refusal(ctx, o, f.policies().Create(tx, p), name); rec != nil || err != nil {
			return rec, err
		}
		if f.wantsDefault(ctx) {
			if err := f.policies().MakeDefault(tx, p); err != nil {
				return nil, err
			}
		}
		out = f.object(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

func (f *family[T, P]) remove(ctx *command.Context) error {
	shown := typedIdentity(ctx)
	var o *directory.Organization
	var p P
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		if o, p, rec, err = f.configs().Find(ctx, tx); rec != nil || err != nil {
			return rec, err
		}
		// the service refuses before it asks
		return f.refusal(ctx, o, f.policies().CanRemove(tx, p), shown)
	}, func() (string, string) {
		return fmt.Sprintf("Removing %s \"%s\".", f.noun, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return f.refusal(ctx, o, f.policies().Remove(tx, p), shown)
	})
	return err
}

// secondsOf is n seconds as a duration.
func secondsOf(n int64) time.Duration { return time.Duration(n) * time.Second }
