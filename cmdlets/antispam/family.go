package antispam

import (
	"errors"
	"fmt"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
	"github.com/exosim/exosim/store/directory"
)

// policyFamily is one kind of hygiene policy and the New-, Set- and
// Remove- cmdlets that change it: the built-in default policy, those
// administrators create, -MakeDefault. T is its record.
type policyFamily[T any, P as.PolicyRecord[T]] struct {
	set *as.PolicySet[T, P]
	// words name a policy in the cmdlets' questions ("content filter
	// policy"), container is the policies' container and category and
	// class their schema class and object class.
	words, container, category, class string
	// removeDefault is the service's refusal to remove the default policy.
	removeDefault string
	// fresh is a new policy of the name with the settings its New- cmdlet
	// gives it.
	fresh func(name string) P
	// show is the Get- object of a policy.
	show func(o *directory.Organization, p P) *object.PSObject
	// read reads the call's settings, refusing the values that fail
	// binding before the tenant is read.
	read func(ctx *command.Context) ([]edit[P], error)
	// finish checks a policy the edits changed (nil: none); warn writes the
	// service's warnings about it (nil: none).
	finish func(ctx *command.Context, p P) *object.ErrorRecord
	warn   func(ctx *command.Context, p P)
}

// edit is one parameter's change of a policy: it applies the call's
// value, or refuses it with the service's error.
type edit[P any] func(tx *store.Tx, p P) *object.ErrorRecord

// configs names the family's policies: by name, GUID or distinguished
// name.
func (f *policyFamily[T, P]) configs() *exo.Configs[P] {
	return &exo.Configs[P]{List: f.set.List, Keys: func(o *directory.Organization, p P) (string, string, string) {
		h := p.Head()
		return *h.Name, *h.Guid, o.ConfigDN(*h.Name, f.container)
	}}
}

// tail adds the closing properties of a policy of the family.
func (f *policyFamily[T, P]) tail(obj *object.PSObject, o *directory.Organization, p P) {
	h := p.Head()
	addTail(obj, o, config{name: *h.Name, guid: *h.Guid, container: f.container, category: f.category, class: f.class,
		created: *h.WhenCreated, changed: *h.WhenChanged})
}

func (f *policyFamily[T, P]) get(ctx *command.Context) error {
	objs, done, err := f.configs().Read(ctx, f.show)
	if err != nil || !done {
		return err
	}
	return exo.WriteAll(ctx, objs)
}

// apply applies the edits to p, the first refusal stopping them, then
// checks the result.
func (f *policyFamily[T, P]) apply(ctx *command.Context, tx *store.Tx, p P, edits []edit[P]) *object.ErrorRecord {
	for _, e := range edits {
		if rec := e(tx, p); rec != nil {
			return rec
		}
	}
	if f.finish != nil {
		return f.finish(ctx, p)
	}
	return nil
}

// storeRecord words the refusals of the policy rules as the service
// does; nil for any other error.
func (f *policyFamily[T, P]) storeRecord(ctx *command.Context, o *directory.Organization, err error) *object.ErrorRecord {
	var name *as.NameInUseError
	switch {
	case errors.As(err, &name):
		return exo.CodedError(ctx, "Ex17CDAE", exAlreadyExists, fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.", exo.DomainController(o), o.ConfigDN(name.Name, f.container)), object.ResourceExists, name.Name)
	case errors.Is(err, as.ErrRemoveDefault):
		return exo.Error(ctx, exNotAllowed, f.removeDefault, object.InvalidOperation, nil)
	case errors.Is(err, as.ErrUnsetDefault):
		return exo.Error(ctx, exNotAllowed, "This operation is not allowed.", object.InvalidOperation, nil)
	}
	return nil
}

func (f *policyFamily[T, P]) create(ctx *command.Context) error {
	name := ctx.String("Name")
	if rec := exo.TooLong(ctx, as.MaxNameLength, name); rec != nil {
		return ctx.Fail(rec)
	}
	edits, err := f.read(ctx)
	if err != nil {
		return err
	}
	ok, err := ctx.ShouldProcessWith(fmt.Sprintf("Create %s \"%s\".", f.words, name), name)
	if err != nil || !ok {
		return err
	}
	var out *object.PSObject
	var made P
	done, err := exo.Write(ctx, name, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		p := f.fresh(name)
		if rec := f.apply(ctx, tx, p, edits); rec != nil {
			return rec, nil
		}
		if err := f.set.Create(tx, p); err != nil {
			if rec := f.storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		if ctx.Has("MakeDefault") && ctx.Bool("MakeDefault") {
			if err := f.set.MakeDefault(tx, p); err != nil {
				return nil, err
			}
		}
		made, out = p, f.show(o, p)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	if f.warn != nil {
		f.warn(ctx, made)
	}
	return ctx.WriteObject(out)
}

func (f *policyFamily[T, P]) change(ctx *command.Context) error {
	edits, err := f.read(ctx)
	if err != nil {
		return err
	}
	shown := identity(ctx)
	var o *directory.Organization
	var p P
	unchanged, applied := false, false
	_, err = exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, p, rec, err = f.configs().Find(ctx, tx)
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Configure %s \"%s\".", f.words, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		before := *p
		if rec := f.apply(ctx, tx, p, edits); rec != nil {
			return rec, nil
		}
		applied = true
		isDefault := *p.Head().IsDefault
		var err error
		switch {
		case ctx.Has("MakeDefault") && ctx.Bool("MakeDefault") && !isDefault:
			err = f.set.MakeDefault(tx, p)
		case ctx.Has("MakeDefault") && !ctx.Bool("MakeDefault") && isDefault:
			err = as.ErrUnsetDefault
		case sameSettings(&before, (*T)(p)):
			unchanged = true
		default:
			err = f.set.Put(tx, p)
		}
		if err != nil {
			if rec := f.storeRecord(ctx, o, err); rec != nil {
				return rec, nil
			}
			return nil, err
		}
		return nil, nil
	})
	if err == nil && applied && !unchanged && f.warn != nil {
		f.warn(ctx, p)
	}
	if err == nil && applied && unchanged {
		ctx.WriteWarning(fmt.Sprintf("The command completed successfully but no settings of '%s' have been modified.", *p.Head().Name))
	}
	return err
}

func (f *policyFamily[T, P]) remove(ctx *command.Context) error {
	shown := identity(ctx)
	var o *directory.Organization
	var p P
	_, err := exo.Confirmed(ctx, shown, func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, p, rec, err = f.configs().Find(ctx, tx)
		if rec == nil && err == nil && *p.Head().IsDefault {
			rec = f.storeRecord(ctx, o, as.ErrRemoveDefault)
		}
		return rec, err
	}, func() (string, string) {
		return fmt.Sprintf("Remove %s \"%s\".", f.words, shown), shown
	}, func(tx *store.Tx) (*object.ErrorRecord, error) {
		return nil, f.set.Remove(tx, p)
	})
	return err
}

// policyName resolves id, given to a rule's policy parameter, to the
// name of the one policy it names.
func (f *policyFamily[T, P]) policyName(ctx *command.Context, tx *store.Tx, o *directory.Organization, id string) (string, *object.ErrorRecord, error) {
	c := f.configs()
	all, err := c.List(tx)
	if err != nil {
		return "", nil, err
	}
	p, rec := exo.One(ctx, id, c.Match(o, all, id, false))
	if rec != nil {
		return "", rec, nil
	}
	return *p.Head().Name, nil, nil
}

// describeOwn describes the parameters of c that help names: a family's
// New- and Set- cmdlets share one table, each declaring part of it.
func describeOwn(c *command.Command, help map[string]string) {
	for _, p := range c.Params {
		if text, ok := help[p.Name]; ok {
			p.Help = text
		}
	}
}
