// Package exo holds what every Exchange Online cmdlet shares: how the
// ExchangeOnlineManagement module declares its commands (they are proxy
// functions of an implicit-remoting module), how the service's errors look
// on the client, and access to the tenant store.
package exo

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/decl"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/opath"
)

// Module is the module the Exchange Online cmdlets come from.
const (
	Module        = decl.Module
	ModuleVersion = decl.ModuleVersion
	// Server is the domain controller named in "couldn't be found on" errors.
	Server = "NAMPR06A007.PROD.OUTLOOK.COM"
)

// moduleCommand is a command of the module with no parameters yet. Its
// parameters bind like a function's (the module's cmdlets are proxy
// functions) and its confirmation prompt has no [S] Suspend choice (it
// comes from a remote session).
func moduleCommand(name string) *command.Command {
	return &command.Command{
		Name:    name,
		Type:    command.FunctionCommand,
		Module:  Module,
		Version: ModuleVersion,
		Remote:  true,
		Visible: func(s command.Session) bool { return Connected(s, name) },
	}
}

// IsCompliance reports whether a cmdlet belongs to Security & Compliance
// PowerShell (it needs Connect-IPPSSession) rather than Exchange Online
// PowerShell: retention and case-hold policies and rules, compliance
// cases, tags and searches, adaptive scopes and hold-removal actions.
func IsCompliance(name string) bool { return IsComplianceLower(strings.ToLower(name)) }

// IsComplianceLower is IsCompliance of a name in lower case
// (strings.ToLower), such as a key of a table of cmdlets.
func IsComplianceLower(name string) bool {
	noun := name
	if i := strings.IndexByte(name, '-'); i >= 0 {
		noun = name[i+1:]
	}
	return strings.Contains(noun, "compliance") || strings.HasPrefix(noun, "casehold") ||
		noun == "adaptivescope" || noun == "holdremovalaction"
}

// Connected reports whether the session holds the connection the named
// cmdlet needs (see Session).
//
// A cmdlet that both services have (Get-RoleGroup, Get-User ...) is there
// while either is connected. The module's own REST cmdlets (Get-EXO*)
// are there with any Exchange Online connection, one with a prefix too.
func Connected(sess command.Session, name string) bool {
	s := SessionOf(sess)
	exoSvc, scc := Services(name)
	return exoSvc && (s.Connected || s.PrefixedConnected && ModuleOwn(name)) || scc && s.ComplianceConnected
}

// ModuleOwn reports whether a cmdlet is one of the module's own REST
// cmdlets, whose nouns start with EXO (Get-EXOMailbox): a connection's
// prefix does not rename them.
func ModuleOwn(name string) bool {
	_, noun, _ := strings.Cut(name, "-")
	return len(noun) >= 3 && strings.EqualFold(noun[:3], "EXO")
}

// Services reports which cloud services have the cmdlet, as the reference
// lists them: Exchange Online PowerShell, Security & Compliance
// PowerShell, or both. A cmdlet the reference does not list belongs to
// the one IsCompliance names.
func Services(name string) (exchangeOnline, compliance bool) {
	if info, ok := decl.Find(name); ok && (info.ExchangeOnline || info.Compliance) {
		return info.ExchangeOnline, info.Compliance
	}
	c := IsCompliance(name)
	return !c, c
}

// Install adds the session data the Exchange cmdlets need (Session).
func Install(rt *runtime.Runtime) { SessionOf(rt) }

// Tenant returns the tenant store behind the session (Session.Store).
func Tenant(ctx *command.Context) *store.Store { return SessionOf(runtime.Of(ctx)).Store }

// knownCodes are the short hashes EXO V3 prints before an exception type.
var knownCodes = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException": "Ex6F9304",
		"Microsoft.Exchange.Management.Tasks.WLCDManagedMemberExistsException":     "ExB10BE9",
	}
}}

// ErrorCode returns the "Ex" code the module prints for an exception type:
// the observed value where one is known, else a stable hash of the name.
func ErrorCode(exceptionType string) string {
	if c, ok := knownCodes.Get()[exceptionType]; ok {
		return c
	}
	h := fnv.New32a()
	h.Write([]byte(exceptionType))
	return fmt.Sprintf("Ex%06X", h.Sum32()&0xFFFFFF)
}

// Error builds a service-side error the way the EXO V3 module surfaces it:
// Write-ErrorMessage: Ex…|<exception type>|<message>.
func Error(ctx *command.Context, exceptionType, message string, cat object.ErrorCategory, target any) *object.ErrorRecord {
	return CodedError(ctx, ErrorCode(exceptionType), exceptionType, message, cat, target)
}

// CodedError is Error with the "Ex" code given: the service's code of the
// message itself (each of its localized messages has one), where it is
// known.
func CodedError(ctx *command.Context, code, exceptionType, message string, cat object.ErrorCategory, target any) *object.ErrorRecord {
	short := exceptionType
	if i := strings.LastIndexByte(short, '.'); i >= 0 {
		short = short[i+1:]
	}
	rec := ctx.NewError(code+"|"+exceptionType+"|"+message, "", cat, short, target)
	rec.ExceptionFullType = exceptionType
	rec.Reason = "Write-ErrorMessage"
	rec.Category = object.NotSpecified
	rec.ErrorID = fmt.Sprintf("[Server=SN6PR06MB4750,RequestId=%s,TimeStamp=%s]", requestID(ctx, message), ctx.Now().Format("Mon, 02 Jan 2006 15:04:05 GMT"))
	rec.CommandSuffix = "Write-ErrorMessage"
	return rec
}

func requestID(ctx *command.Context, salt string) string {
	h := fnv.New128a()
	h.Write([]byte(ctx.Command.Name + "|" + salt + "|" + ctx.Now().String()))
	b := h.Sum(nil)
	var g object.Guid
	copy(g[:], b)
	return g.String()
}

// NotFound is the ManagementObjectNotFoundException for an identity
// looked up in the directory (its domain controller is Server).
func NotFound(ctx *command.Context, identity string) *object.ErrorRecord {
	return NotFoundOn(ctx, identity, Server)
}

// NotFoundOn is the ManagementObjectNotFoundException for an identity
// looked up somewhere else than the directory: source names where (a
// mailbox database, a server).
func NotFoundOn(ctx *command.Context, identity, source string) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
		fmt.Sprintf("The operation couldn't be performed because object '%s' couldn't be found on '%s'.", identity, source),
		object.ObjectNotFound, identity)
}

// Ambiguous is the error for an identity matching several objects.
func Ambiguous(ctx *command.Context, identity string) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
		fmt.Sprintf("The operation couldn't be performed because '%s' matches multiple entries.", identity),
		object.InvalidArgument, identity)
}

// RecipientNotFound is the error for a value naming a recipient to act
// with (a member, a holder of permissions, a delegate) that names nothing
// in the directory; an identity of the object acted on that names nothing
// is NotFound.
func RecipientNotFound(ctx *command.Context, shown string) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
		fmt.Sprintf("Couldn't find object \"%s\". Please make sure that it was spelled correctly or specify a different object.", shown),
		object.ObjectNotFound, shown)
}

// One returns the object an identity names, given the objects matching
// it (hits) and the identity as the call gave it (shown): with none the
// error is NotFound, with several Ambiguous.
//
// One is small enough to be inlined where it is called (the errors are
// made by noneOrMany): an instance of a generic function is compiled after
// the functions of the first package that uses it.
func One[T any](ctx *command.Context, shown string, hits []T) (T, *object.ErrorRecord) {
	if len(hits) == 1 {
		return hits[0], nil
	}
	var zero T
	return zero, noneOrMany(ctx, shown, len(hits))
}

// noneOrMany is One's error for n objects matching an identity, n not 1.
func noneOrMany(ctx *command.Context, shown string, n int) *object.ErrorRecord {
	if n == 0 {
		return NotFound(ctx, shown)
	}
	return Ambiguous(ctx, shown)
}

// MemberExists is the error for adding to a group (a distribution group,
// a role group) a recipient that is already one of its members.
func MemberExists(ctx *command.Context, member, group string) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
		fmt.Sprintf("The recipient \"%s\" is already a member of the group \"%s\".", member, group), object.ResourceExists, member)
}

// NotAMember is the error for removing from a group a recipient that is
// not one of its members.
func NotAMember(ctx *command.Context, member, group string) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
		fmt.Sprintf("The recipient \"%s\" isn't a member of the group \"%s\".", member, group), object.ObjectNotFound, member)
}

// Invalid is a TaskArgumentException-style validation error.
func Invalid(ctx *command.Context, message string, target any) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException", message, object.InvalidArgument, target)
}

// EnumError is the binding error for a value that names none of an
// enumeration's values (typ is the enumeration's full name).
func EnumError(ctx *command.Context, param, value, typ string, values []string) *object.ErrorRecord {
	return Error(ctx, "System.Management.Automation.ParameterBindingException",
		fmt.Sprintf("Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
			param, value, typ, value, strings.Join(values, ", ")), object.InvalidArgument, value)
}

// EnumArg reads the parameter param, a value of an enumeration (typ is
// the enumeration's full name, values the names of its values), into
// *field: the value as values spell it, matched without regard to case
// or surrounding spaces. Another value is EnumError's record, and field
// is left alone; so it is when the call does not have the parameter.
func EnumArg(ctx *command.Context, param, typ string, values []string, field *string) *object.ErrorRecord {
	if !ctx.Has(param) {
		return nil
	}
	return EnumValue(ctx, param, ctx.String(param), typ, values, field)
}

// EnumValue sets *field to the value of an enumeration v names, as
// EnumArg reads the argument v of the parameter param.
func EnumValue(ctx *command.Context, param, v, typ string, values []string, field *string) *object.ErrorRecord {
	for _, x := range values {
		if strings.EqualFold(strings.TrimSpace(v), x) {
			*field = x
			return nil
		}
	}
	return EnumError(ctx, param, v, typ, values)
}

// InvalidOperation is an InvalidOperationException from the service.
func InvalidOperation(ctx *command.Context, message string, target any) *object.ErrorRecord {
	return Error(ctx, "Microsoft.Exchange.Management.Tasks.InvalidOperationException", message, object.InvalidOperation, target)
}

// Update runs fn in one write transaction of the tenant. Store errors
// that are not already PowerShell errors become terminating errors.
//
// The session's update hooks (AddUpdateHook) run at the end of a
// successful fn, inside the same transaction; their after functions run
// once it has committed.
func Update(ctx *command.Context, fn func(tx *store.Tx) error) error {
	st := Tenant(ctx)
	if st == nil {
		return ctx.Fail(ctx.NewError("No tenant is open.", "NoTenant", object.ResourceUnavailable, "InvalidOperationException", nil))
	}
	hooks := SessionOf(runtime.Of(ctx)).updateHooks
	if len(hooks) == 0 {
		return mapStoreError(ctx, st.Update(fn))
	}
	var after []func()
	err := st.Update(func(tx *store.Tx) error {
		after = after[:0]
		if err := fn(tx); err != nil {
			return err
		}
		for _, h := range hooks {
			f, err := h(ctx, tx)
			if err != nil {
				return err
			}
			if f != nil {
				after = append(after, f)
			}
		}
		return nil
	})
	if err == nil {
		for _, f := range after {
			f()
		}
	}
	return mapStoreError(ctx, err)
}

// UpdateHook runs at the end of each successful Update transaction of a
// session, inside it (see AddUpdateHook). It may write to tx; an error
// rolls the whole transaction back. after, when not nil, runs once the
// transaction has committed.
type UpdateHook func(ctx *command.Context, tx *store.Tx) (after func(), err error)

// AddUpdateHook registers h for every Update transaction of the session
// (the admin audit log writes a successful invocation's record in the
// cmdlet's own transaction this way).
func AddUpdateHook(rt *runtime.Runtime, h UpdateHook) {
	s := SessionOf(rt)
	s.updateHooks = append(s.updateHooks, h)
}

// View runs fn in one read transaction of the tenant.
func View(ctx *command.Context, fn func(tx *store.Tx) error) error {
	st := Tenant(ctx)
	if st == nil {
		return ctx.Fail(ctx.NewError("No tenant is open.", "NoTenant", object.ResourceUnavailable, "InvalidOperationException", nil))
	}
	return mapStoreError(ctx, st.View(fn))
}

func mapStoreError(ctx *command.Context, err error) error {
	if err == nil {
		return nil
	}
	var pe *pserror.Error
	if errors.As(err, &pe) {
		return err
	}
	var rec *object.ErrorRecord
	if errors.As(err, &rec) {
		return &pserror.Error{Record: rec}
	}
	if errors.Is(err, runtime.ErrStopUpstream) || err == errRefused {
		return err
	}
	return ctx.Fail(Error(ctx, "Microsoft.Exchange.Data.DataValidationException", err.Error(), object.InvalidOperation, nil))
}

// Declared returns an Exchange Online cmdlet with the parameters documented
// for it (see package decl), ready for a handler. It is the one way an
// Exchange cmdlet is declared: a handler adjusts what the declaration
// does not carry (help texts with Describe, a stricter type or a range
// through DeclaredParam) and, when it models only some parameters, hands
// the command to Partial. It panics when the cmdlet is not declared: that
// is a programming error caught by tests.
func Declared(name string) *command.Command {
	d := decl.Lookup(name)
	if d == nil {
		panic("exo: no declaration for " + name)
	}
	c := moduleCommand(name)
	c.Sets = d.Sets
	c.DefaultSet = d.DefaultSet
	c.Params = d.Params
	c.SupportsShouldProcess = d.SupportsShouldProcess
	return c
}

// Describe attaches the project's one-line help texts to a declared
// command's parameters, by parameter name (as declared, case included). A
// name the command does not declare panics: that is a programming error
// caught by the tests that build every command.
func Describe(c *command.Command, help map[string]string) {
	for name, text := range help {
		DeclaredParam(c, name).Help = text
	}
}

// DescribeDeclared attaches help texts to those of the command's declared
// parameters help has, leaving out the parameters named in leave: one
// table of texts can serve a family's New and Set cmdlets, whose
// parameters differ.
func DescribeDeclared(c *command.Command, help map[string]string, leave ...string) {
	m := map[string]string{}
	for _, p := range c.Params {
		if v, ok := help[p.Name]; ok && !ContainsFold(leave, p.Name) {
			m[p.Name] = v
		}
	}
	Describe(c, m)
}

// WarnUnchanged is the service's warning for a Set cmdlet whose values
// are those the object already has.
func WarnUnchanged(ctx *command.Context, name string) {
	ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", name))
}

// DeclaredParam returns a declared command's parameter by name (as
// declared, case included), for adjustments the declaration does not carry
// such as a ValidateRange. It panics when the command has no such
// parameter.
func DeclaredParam(c *command.Command, name string) *params.Param {
	for _, p := range c.Params {
		if p.Name == name {
			return p
		}
	}
	panic("exo: " + c.Name + " declares no parameter " + name)
}

// IdentityOf turns a value bound to an identity parameter into the
// identity string Exchange would use: a piped Exchange object gives its
// Identity (then DistinguishedName, Guid, Name); anything else its string
// form.
func IdentityOf(v any) string {
	if o, ok := v.(*object.PSObject); ok {
		for _, p := range []string{"Identity", "DistinguishedName", "Guid", "Name"} {
			if val, ok := o.Get(p); ok && val != nil {
				if s := object.ToInvariantString(val); s != "" {
					return s
				}
			}
		}
	}
	return object.ToInvariantString(v)
}

// Filter tells whether an object passes a call's -Filter. A nil Filter,
// of a call without -Filter, passes every object.
type Filter func(*object.PSObject) (bool, error)

// Keeps reports whether o passes the filter.
func (f Filter) Keeps(o *object.PSObject) (bool, error) {
	if f == nil {
		return true, nil
	}
	return f(o)
}

// IsREST reports whether c is one of the module's REST-based cmdlets
// (Get-EXOMailbox, Get-EXOCasMailbox ...), whose nouns start with EXO in
// capitals (Get-ExoPhishSimOverrideRule is not one): their -Filter takes
// no wildcard in the middle of a -like value.
func IsREST(c *command.Command) bool { return strings.HasPrefix(c.Noun(), "EXO") }

// CallFilter is the call's -Filter (see ObjectFilterWith) over the
// properties of the object sample makes in a read transaction; nil when
// the call has no -Filter.
func CallFilter(ctx *command.Context, sample func(tx *store.Tx) (*object.PSObject, error), extra map[string]func(*object.PSObject) any) (Filter, error) {
	if !ctx.Has("Filter") {
		return nil, nil
	}
	var o *object.PSObject
	if err := View(ctx, func(tx *store.Tx) error {
		var err error
		o, err = sample(tx)
		return err
	}); err != nil {
		return nil, err
	}
	return ObjectFilterWith(ctx, o, extra)
}

// ObjectFilter parses an OPATH -Filter for cmdlets whose filterable
// properties are the properties of their output objects (role groups,
// policies ...). The returned function tells whether an object passes;
// err is the binding error Exchange prints for an invalid filter.
func ObjectFilter(ctx *command.Context, sample *object.PSObject) (Filter, error) {
	return ObjectFilterWith(ctx, sample, nil)
}

// ObjectFilterWith is ObjectFilter with filterable properties the output
// object does not show (a group's Members, say): extra maps each such
// name to the function giving its value for the object being tested.
func ObjectFilterWith(ctx *command.Context, sample *object.PSObject, extra map[string]func(*object.PSObject) any) (Filter, error) {
	var extraNames []string
	for n := range extra {
		extraNames = append(extraNames, n)
	}
	sort.Strings(extraNames)
	text := ctx.String("Filter")
	f, err := opath.Parse(text)
	if err == nil && IsREST(ctx.Command) {
		err = f.CheckWildcards()
	}
	if err == nil {
		valid := map[string]bool{}
		if sample != nil {
			for _, n := range append(sample.PropertyNames(), extraNames...) {
				valid[strings.ToLower(n)] = true
			}
			var names []string
			for _, p := range f.Properties() {
				if !valid[strings.ToLower(p)] {
					names = append(names, sample.PropertyNames()...)
					names = append(names, extraNames...)
					err = &opath.UnknownPropertyError{Property: p, Valid: names}
					break
				}
			}
		}
	}
	if err != nil {
		return nil, ctx.Fail(ctx.NewError(opath.BindingMessage("Filter", err), "ParameterArgumentValidationError", object.InvalidArgument, "ParameterBindingException", text))
	}
	return func(o *object.PSObject) (bool, error) {
		return f.Eval(func(name string) (any, bool) {
			for n, get := range extra {
				if strings.EqualFold(n, name) {
					return get(o), true
				}
			}
			p := o.Property(name)
			if p == nil {
				return nil, false
			}
			return opathValue(p.Get()), true
		})
	}, nil
}

// opathValue converts a property value to the Go value the OPATH
// evaluator compares: strings, booleans, numbers, dates and string lists.
func opathValue(v any) any {
	switch x := object.Unwrap(v).(type) {
	case nil, string, bool, int, int64, time.Time:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, it := range x {
			out = append(out, object.ToInvariantString(it))
		}
		return out
	}
	return object.ToInvariantString(v)
}

// NotSimulated declares a real Exchange Online or Security & Compliance
// cmdlet that the simulator does not model. The session knows it like any
// other (Get-Command, Get-Help, completion, lint, role-based access and
// the connection it needs) and binds its parameters like the real one, so
// a mistake in a call is still reported; a call that binds then fails with
// one error saying that exosim does not simulate the cmdlet. The
// declaration is built the first time the session resolves the name.
func NotSimulated(name string) *command.Command {
	c := moduleCommand(name)
	c.NotSimulated = true
	service := "Exchange Online"
	if exoSvc, scc := Services(name); scc && !exoSvc {
		service = "Security & Compliance"
	}
	c.Synopsis = fmt.Sprintf("A real %s cmdlet that exosim does not simulate: its parameters are checked, then it fails.", service)
	c.Description = fmt.Sprintf("%s exists in %s PowerShell. exosim knows its parameter sets and binds a call the way "+
		"the service does, so a wrong or missing parameter is reported as usual; a call that binds fails with the error "+
		"CmdletNotSimulated instead of acting on the tenant.", name, service)
	c.Load = func(c *command.Command) {
		d := decl.Lookup(name)
		if d == nil {
			return
		}
		c.Sets, c.DefaultSet, c.Params, c.SupportsShouldProcess = d.Sets, d.DefaultSet, d.Params, d.SupportsShouldProcess
	}
	c.Handler.Process = func(ctx *command.Context) error { return decl.NotSimulated(ctx, service) }
	return c
}

// Partial marks a declared cmdlet (see Declared) whose handler models
// only the parameters named in modelled: every other parameter of the
// declaration still binds as it would in the service, but a call that
// binds one fails with one error naming it (ParameterNotSimulated). It
// panics when modelled names a parameter the command does not declare.
func Partial(c *command.Command, modelled ...string) *command.Command {
	supported := map[string]bool{}
	for _, name := range modelled {
		supported[strings.ToLower(DeclaredParam(c, name).Name)] = true
	}
	for _, p := range c.Params {
		if !supported[strings.ToLower(p.Name)] {
			p.Help = "Not simulated: a call that uses it fails with ParameterNotSimulated."
			p.NotSimulated = true
		}
	}
	check := func(ctx *command.Context) error {
		for _, p := range ctx.Command.Params {
			if !supported[strings.ToLower(p.Name)] && ctx.Has(p.Name) {
				rec := ctx.NewError(fmt.Sprintf("The -%s parameter of %s is real, but exosim does not simulate it: the call was not run.", p.Name, ctx.Command.Name),
					"ParameterNotSimulated", object.NotImplemented, "NotImplementedException", p.Name)
				rec.ExceptionFullType = "System.NotImplementedException"
				return ctx.Fail(rec)
			}
		}
		return nil
	}
	h := c.Handler
	switch {
	case h.Begin != nil:
		begin := h.Begin
		c.Handler.Begin = func(ctx *command.Context) error {
			if err := check(ctx); err != nil {
				return err
			}
			return begin(ctx)
		}
	case h.Process != nil:
		process := h.Process
		c.Handler.Process = func(ctx *command.Context) error {
			if err := check(ctx); err != nil {
				return err
			}
			return process(ctx)
		}
	}
	return c
}
