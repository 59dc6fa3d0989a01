package exo

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/wildcard"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Configs is a kind of configuration object of the organization (remote
// domains, sharing policies), T its record, as the Get and Set cmdlets
// name one: by name, GUID or distinguished name, without regard to case.
type Configs[T any] struct {
	// List returns every object, in the order Get lists them.
	List func(tx *store.Tx) ([]T, error)
	// Keys returns what an identity names an object by: its name, GUID
	// and distinguished name (in the organization o).
	Keys func(o *directory.Organization, v T) (name, guid, dn string)
}

// Match returns the objects of all that id names; when wild, a name
// with * is also a wildcard pattern of names.
func (c *Configs[T]) Match(o *directory.Organization, all []T, id string, wild bool) []T {
	var like func(string) bool
	if wild && wildcard.HasStar(id) {
		p, _ := wildcard.Compile(id, wildcard.StarOnly)
		like = p.Match
	}
	var out []T
	for _, v := range all {
		name, guid, dn := c.Keys(o, v)
		if like != nil && like(name) || strings.EqualFold(id, name) || strings.EqualFold(id, guid) || strings.EqualFold(id, dn) {
			out = append(out, v)
		}
	}
	return out
}

// Find resolves the call's Identity to one object (see One); o is the
// organization.
func (c *Configs[T]) Find(ctx *command.Context, tx *store.Tx) (o *directory.Organization, v T, rec *object.ErrorRecord, err error) {
	if o, err = directory.GetOrganization(tx); err != nil {
		return nil, v, nil, err
	}
	all, err := c.List(tx)
	if err != nil {
		return nil, v, nil, err
	}
	id := strings.TrimSpace(IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	v, rec = One(ctx, id, c.Match(o, all, id, false))
	return o, v, rec, nil
}

// Lookup resolves the identity id of an object a parameter names (a
// mailbox's -OwaMailboxPolicy, say): none is the service's not-found
// error for the parameter's object (RecipientNotFound), several
// Ambiguous.
func (c *Configs[T]) Lookup(ctx *command.Context, tx *store.Tx, id string) (T, *object.ErrorRecord, error) {
	var zero T
	o, err := directory.GetOrganization(tx)
	if err != nil {
		return zero, nil, err
	}
	all, err := c.List(tx)
	if err != nil {
		return zero, nil, err
	}
	hits := c.Match(o, all, id, false)
	switch len(hits) {
	case 0:
		return zero, RecipientNotFound(ctx, id), nil
	case 1:
		return hits[0], nil, nil
	}
	return zero, Ambiguous(ctx, id), nil
}

// Read returns the objects a Get cmdlet writes, show making each one's,
// read in one transaction: those the call's Identity names (see Match,
// wild), or every one without it. An identity without a wildcard that
// names none is NotFound's error, which Read writes (done false).
func (c *Configs[T]) Read(ctx *command.Context, show func(o *directory.Organization, v T) *object.PSObject) (objs []*object.PSObject, done bool, err error) {
	id := ""
	if ctx.Has("Identity") {
		id = strings.TrimSpace(IdentityOf(object.Unwrap(ctx.Value("Identity"))))
	}
	done, err = Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		objs = nil
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return nil, err
		}
		all, err := c.List(tx)
		if err != nil {
			return nil, err
		}
		if id != "" {
			all = c.Match(o, all, id, true)
			if len(all) == 0 && !wildcard.HasStar(id) {
				return NotFound(ctx, id), nil
			}
		}
		for _, v := range all {
			objs = append(objs, show(o, v))
		}
		return nil, nil
	})
	return objs, done, err
}

// ConfigObject names what an organization's configuration object (a
// remote domain, a sharing policy) shows in the properties it closes with.
type ConfigObject struct {
	Name, Guid, DistinguishedName string
	// ExchangeVersion is the object's version ("0.1 (8.0.535.0)").
	ExchangeVersion string
	// Category is its schema class's name (ms-Exch-Sharing-Policy),
	// Class its object class (msExchSharingPolicy).
	Category, Class  string
	Created, Changed time.Time
}

// AddConfigTail adds the properties an organization's configuration object
// closes with, in Exchange Online's order: AdminDisplayName through
// ObjectState; its string form is its name.
func AddConfigTail(p *object.PSObject, o *directory.Organization, c ConfigObject) {
	const tStr, tBool, tDate, tGuid = "System.String", "System.Boolean", "System.DateTime", "System.Guid"
	p.AddTyped("AdminDisplayName", tStr, "")
	p.AddTyped("ExchangeVersion", tStr, c.ExchangeVersion)
	p.AddTyped("Name", tStr, c.Name)
	p.AddTyped("DistinguishedName", tStr, c.DistinguishedName)
	p.AddTyped("Identity", tStr, c.Name)
	p.AddTyped("ObjectCategory", tStr, o.DirectoryPartition+".PROD.OUTLOOK.COM/Configuration/Schema/"+c.Category)
	p.AddTyped("ObjectClass", TypeMultiValued, MultiValued([]string{"top", c.Class}))
	p.AddTyped("WhenChanged", tDate, c.Changed.UTC())
	p.AddTyped("WhenCreated", tDate, c.Created.UTC())
	p.AddTyped("WhenChangedUTC", tDate, c.Changed.UTC())
	p.AddTyped("WhenCreatedUTC", tDate, c.Created.UTC())
	p.AddTyped("ExchangeObjectId", tGuid, GuidValue(c.Guid))
	p.AddTyped("OrganizationalUnitRoot", tStr, o.Name)
	p.AddTyped("OrganizationId", tStr, OrganizationID(o))
	p.AddTyped("Id", tStr, c.Name)
	p.AddTyped("Guid", tGuid, GuidValue(c.Guid))
	p.AddTyped("OriginatingServer", tStr, DomainController(o))
	p.AddTyped("IsValid", tBool, true)
	p.AddTyped("ObjectState", tStr, "Unchanged")
	name := c.Name
	p.ToStringFunc = func() string { return name }
}

// AlreadyExists is the service's refusal of a configuration object whose
// name another object of the organization o has: dn is that object's
// distinguished name, target the name the call gave.
func AlreadyExists(ctx *command.Context, o *directory.Organization, dn, target string) *object.ErrorRecord {
	return CodedError(ctx, "Ex17CDAE", "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
		fmt.Sprintf("Active Directory operation failed on %s. The object '%s' already exists.", DomainController(o), dn), object.ResourceExists, target)
}
