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
	keys, err := directory.UserKeysByUPN(tx, upn)
	if err != nil {
		return nil, err
	}
	out := make([]AccountState, 0, len(keys))
	for _, k := range keys {
		a, ok, err := accountStates.Get(tx, directory.Users.Bucket(), strings.ToLower(k))
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &store.NotFoundError{Kind: "user", Key: k}
		}
		out = append(out, *a)
	}
	return out, nil
}
