package mailauth

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// Arc is the organization's list of trusted ARC sealers
// (Get-/Set-ArcConfig, the one named Default): the domains whose ARC
// seals Exchange Online trusts for messages a service changed in
// transit. The tenant keeps its record only once it was changed.
type Arc struct {
	// Sealers are domains, as given, without duplicates.
	Sealers     []string  `json:"arcTrustedSealers,omitempty"`
	WhenChanged time.Time `json:"whenChanged"`
}

// External is the organization's external sender identification in
// Outlook (Get-/Set-ExternalInOutlook): whether messages from outside
// get the External tag, and the senders and domains that don't. The
// tenant keeps its record only once it was changed.
type External struct {
	Enabled bool `json:"enabled,omitempty"`
	// AllowList are addresses, domains and *.domains, as given.
	AllowList   []string  `json:"allowList,omitempty"`
	WhenChanged time.Time `json:"whenChanged"`
}

// Limits of the external sender allow list.
const (
	MaxAllowList = 200
	// MaxAllowListBytes is the total size of the allow list's entries.
	MaxAllowListBytes = 8 * 1024
)

var (
	arcKind      = store.DefineKind(store.KindSpec[Arc]{Bucket: "arcConfigs", Name: "arcConfig", Noun: "ARC configuration", CreatedOnWrite: true})
	externalKind = store.DefineKind(store.KindSpec[External]{Bucket: "externalInOutlook", Name: "externalInOutlook", Noun: "external sender identification", CreatedOnWrite: true})
)

// orgKey is the key of the organization's one record of a kind.
const orgKey = "default"

// GetArc returns the trusted ARC sealers: as stored, else none.
func GetArc(tx *store.Tx) (*Arc, error) {
	if a, ok, err := arcKind.Get(tx, orgKey); err != nil || ok {
		return a, err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	return &Arc{WhenChanged: org.WhenCreated}, nil
}

// PutArc stores the changed trusted ARC sealers.
func PutArc(tx *store.Tx, a *Arc) error {
	a.WhenChanged = tx.Now()
	return arcKind.Put(tx, orgKey, a)
}

// GetExternal returns the external sender identification: as stored,
// else off with an empty allow list.
func GetExternal(tx *store.Tx) (*External, error) {
	if e, ok, err := externalKind.Get(tx, orgKey); err != nil || ok {
		return e, err
	}
	org, err := directory.GetOrganization(tx)
	if err != nil {
		return nil, err
	}
	return &External{WhenChanged: org.WhenCreated}, nil
}

// ErrAllowListTooLong: the allow list holds more than MaxAllowList
// entries or MaxAllowListBytes.
const ErrAllowListTooLong = dkimError("the allow list is too long")

// PutExternal stores the changed external sender identification; the
// allow list stays within its limits.
func PutExternal(tx *store.Tx, e *External) error {
	if len(e.AllowList) > MaxAllowList || listBytes(e.AllowList) > MaxAllowListBytes {
		return ErrAllowListTooLong
	}
	e.WhenChanged = tx.Now()
	return externalKind.Put(tx, orgKey, e)
}

// listBytes is the total size of the entries.
func listBytes(l []string) int {
	n := 0
	for _, s := range l {
		n += len(s)
	}
	return n
}

// Register adds the mail authentication settings to s: their kinds and
// checks.
func Register(s *store.Schema) {
	dkimKind.Register(s)
	arcKind.Register(s)
	externalKind.Register(s)
	inboundKind.Register(s)
	outboundKind.Register(s)
	s.AddCheck("dkim-signing-configs", checkDkim)
	s.AddCheck("inbound-connectors", checkInbound)
	s.AddCheck("outbound-connectors", checkOutbound)
	s.AddCheck("arc-external-in-outlook", checkOrg)
}

// checkOrg reports records of the organization's one-of-a-kind settings
// under another key, sealers named twice and an allow list past its
// limits.
func checkOrg(tx *store.Tx, report func(store.Finding)) error {
	stray := func(kind string) func(k string) error {
		return func(k string) error {
			if k != orgKey {
				report(store.Finding{Kind: kind, Key: k, Message: "not the organization's record (key " + orgKey + ")"})
			}
			return nil
		}
	}
	arcStray, externalStray := stray("arcConfig"), stray("externalInOutlook")
	if err := arcKind.ForEach(tx, "", func(k string, _ *Arc) error { return arcStray(k) }); err != nil {
		return err
	}
	if err := externalKind.ForEach(tx, "", func(k string, _ *External) error { return externalStray(k) }); err != nil {
		return err
	}
	a, ok, err := arcKind.Get(tx, orgKey)
	if err != nil {
		return err
	}
	if !ok {
		a = &Arc{}
	}
	seen := map[string]bool{}
	for _, d := range a.Sealers {
		if seen[strings.ToLower(d)] {
			report(store.Finding{Kind: "arcConfig", Key: orgKey, Message: fmt.Sprintf("sealer %s named twice", d)})
		}
		seen[strings.ToLower(d)] = true
	}
	e, ok, err := externalKind.Get(tx, orgKey)
	if err != nil || !ok {
		return err
	}
	if len(e.AllowList) > MaxAllowList || listBytes(e.AllowList) > MaxAllowListBytes {
		report(store.Finding{Kind: "externalInOutlook", Key: orgKey, Message: fmt.Sprintf("%d allow list entries of %d bytes; at most %d and %d", len(e.AllowList), listBytes(e.AllowList), MaxAllowList, MaxAllowListBytes)})
	}
	return nil
}
