package rbac

import (
	"strings"
	"unsafe"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/fastdecode"
)

// AccountState is what decides whether an account's role grants count:
// its ObjectId and its state (part of directory.User, with its tags).
type AccountState struct {
	ObjectID string `json:"objectId" cbor:"1,keyasint,omitempty"`
	State    string `json:"state" cbor:"7,keyasint,omitempty"`
}

// accountStates reads the AccountState of an account.
var accountStates = store.Part[AccountState]{Fast: &fastAccountState}

// fastAccountState decodes an AccountState.
var fastAccountState = fastdecode.Decoder{
	Partial: true,
	ByInt: []fastdecode.Field{
		1: {Op: fastdecode.String, Off: unsafe.Offsetof(AccountState{}.ObjectID)},
		7: {Op: fastdecode.String, Off: unsafe.Offsetof(AccountState{}.State)},
	},
}

// AccountStatesByUPN returns the ObjectId and state of each account with
// that UserPrincipalName, the accounts directory.FindUsersByUPN returns,
// in the same order, without decoding the rest of them.
func AccountStatesByUPN(tx *store.Tx, upn string) ([]AccountState, error) {
	var out []AccountState
	err := eachAccountState(tx, upn, func(a AccountState) {
		out = append(out, AccountState{ObjectID: strings.Clone(a.ObjectID), State: strings.Clone(a.State)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachAccountState calls fn with the AccountState of each account
// AccountStatesByUPN returns, in order; an index entry without its
// account is a *store.NotFoundError. fn's strings are parts of the stored
// records (store.Part.View), valid only until the transaction writes or
// ends.
func eachAccountState(tx *store.Tx, upn string, fn func(AccountState)) error {
	var err error
	lerr := directory.EachUserKeyByUPN(tx, upn, func(key string) {
		if err != nil {
			return
		}
		var a AccountState
		ok, rerr := accountStates.View(tx, directory.Users.Bucket(), strings.ToLower(key), &a)
		switch {
		case rerr != nil:
			err = rerr
		case !ok:
			err = &store.NotFoundError{Kind: "user", Key: key}
		default:
			fn(a)
		}
	})
	if lerr != nil {
		return lerr
	}
	return err
}

// GroupRoles is what decides what a role group grants: its name, its
// service and its roles (part of RoleGroup, with its tags).
type GroupRoles struct {
	Name    string   `json:"name"`
	Service string   `json:"service"`
	Roles   []string `json:"roles"`
}

// groupRoles reads the GroupRoles of a role group.
var groupRoles = store.Part[GroupRoles]{Fast: &fastGroupRoles}

// fastGroupRoles decodes a GroupRoles.
var fastGroupRoles = fastdecode.Decoder{
	Partial: true,
	ByName: []fastdecode.NamedField{
		{Name: "name", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(GroupRoles{}.Name)}},
		{Name: "roles", Field: fastdecode.Field{Op: fastdecode.Strings, Off: unsafe.Offsetof(GroupRoles{}.Roles)}},
		{Name: "service", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(GroupRoles{}.Service)}},
	},
}

// Access is what the grants of the accounts with one UserPrincipalName
// follow from.
type Access struct {
	// HasGroups reports whether the tenant keeps role groups (a tenant
	// made before they existed has none).
	HasGroups bool
	// Groups are the role groups an active account of them is a member
	// of, in key order (by lower-case name).
	Groups []GroupRoles
	// Direct are the roles assigned to an active account of them alone
	// (New-ManagementRoleAssignment -User), by name.
	Direct []string
}

// CallerAccess returns the Access of the accounts with this
// UserPrincipalName: of the accounts AccountStatesByUPN finds, the active
// ones' role groups (those MemberRoleGroups finds) and the roles of their
// UserAssignmentsOf. It reads of an account its ObjectId and state and of
// a role group its members, and copies out of the transaction only what
// it returns: the groups it keeps, in one block.
func CallerAccess(tx *store.Tx, upn string) (Access, error) {
	var idBuf [2]string
	ids := idBuf[:0] // parts of the accounts' stored records
	err := eachAccountState(tx, upn, func(a AccountState) {
		if a.State == directory.UserActive {
			ids = append(ids, a.ObjectID)
		}
	})
	if err != nil {
		return Access{}, err
	}
	var keptBuf [8][]byte
	kept := keptBuf[:0]
	var acc Access
	acc.HasGroups, err = eachMemberGroup(tx, ids, func(raw []byte) { kept = append(kept, raw) })
	if err != nil {
		return Access{}, err
	}
	if acc.Groups, err = copyGroupRoles(kept); err != nil {
		return Access{}, err
	}
	if len(ids) > 0 && userAssignmentKind.Any(tx) {
		for _, id := range ids {
			as, err := UserAssignmentsOf(tx, id)
			if err != nil {
				return Access{}, err
			}
			for _, a := range as {
				acc.Direct = append(acc.Direct, a.Role)
			}
		}
	}
	return acc, nil
}

// eachMemberGroup calls fn, in key order, with the stored form of each
// role group one of the accounts objectIDs is a member of (valid only
// until the transaction writes or ends), and reports whether the tenant
// has any role group. It reads a group's members without decoding the
// group (fastdecode.TextsHold); a record it cannot read so is decoded
// whole, when it may hold one of the ObjectIds at all (mayHold).
func eachMemberGroup(tx *store.Tx, objectIDs []string, fn func(raw []byte)) (some bool, err error) {
	member := func(m string) bool {
		for _, id := range objectIDs {
			if strings.EqualFold(m, id) {
				return true
			}
		}
		return false
	}
	var derr error
	_, some, err = roleGroupKind.ListWhere(tx, func(raw []byte) bool {
		if derr != nil || len(objectIDs) == 0 {
			return false
		}
		held, ok := fastdecode.TextsHold(raw, "members", member)
		if !ok && mayHoldAny(raw, objectIDs) {
			var g RoleGroup
			if derr = roleGroupKind.Decode(raw, &g); derr != nil {
				return false
			}
			for _, m := range g.Members {
				held = held || member(m)
			}
		}
		if held {
			fn(raw)
		}
		return false
	})
	if err == nil {
		err = derr
	}
	return some, err
}

// mayHoldAny reports whether raw may hold one of ids in some case
// (mayHold).
func mayHoldAny(raw []byte, ids []string) bool {
	for _, id := range ids {
		if mayHold(raw, id) {
			return true
		}
	}
	return false
}

// copyGroupRoles decodes the GroupRoles of the stored role groups raws
// out of the transaction: their records are copied into one block, which
// the groups' strings are parts of.
func copyGroupRoles(raws [][]byte) ([]GroupRoles, error) {
	if len(raws) == 0 {
		return nil, nil
	}
	size := 0
	for _, raw := range raws {
		size += len(raw)
	}
	block := make([]byte, 0, size)
	for _, raw := range raws {
		block = append(block, raw...)
	}
	all := unsafe.String(unsafe.SliceData(block), len(block))
	out := make([]GroupRoles, len(raws))
	start := 0
	for i, raw := range raws {
		if err := groupRoles.DecodeString(all[start:start+len(raw)], &out[i]); err != nil {
			return nil, err
		}
		start += len(raw)
	}
	return out, nil
}
