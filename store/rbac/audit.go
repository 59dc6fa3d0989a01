package rbac

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/store"
)

// The admin audit log: one record per state-changing cmdlet invocation,
// successful, failed or refused by role-based access control. A
// successful invocation's record is appended in the cmdlet's own write
// transaction (one commit per command); a failed or refused one, or one
// that wrote nothing, gets its own transaction after the cmdlet's (so a
// rolled-back failure is still recorded). Records are keyed by an
// increasing sequence number.
//
// The log is kept in the tenant file but left out of `tenant export`: an
// export is the tenant's state, and a failed command must leave that state
// byte-for-byte unchanged. Resetting the tenant clears the log.

// bucketAuditLog holds AuditRecord values keyed by %016x sequence.
const bucketAuditLog = "adminAuditLog"

// AuditParameter is one parameter of an audited invocation, its value as
// text (masked for secrets).
type AuditParameter struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// AuditRecord is one admin audit log entry (Search-AdminAuditLog's
// AdminAuditLogEvent, Search-UnifiedAuditLog's ExchangeAdmin record).
type AuditRecord struct {
	Seq uint64 `json:"seq"`
	// Identity is a stable id of the entry.
	Identity string `json:"identity"`
	// RunDate is the simulated time the invocation started.
	RunDate time.Time `json:"runDate"`
	// Caller is the UPN of the signed-in user.
	Caller     string           `json:"caller"`
	CmdletName string           `json:"cmdletName"`
	Parameters []AuditParameter `json:"parameters"`
	// ObjectModified is the identity the invocation targeted.
	ObjectModified string `json:"objectModified"`
	// ModifiedProperties names the properties the invocation set.
	ModifiedProperties []string `json:"modifiedProperties"`
	Succeeded          bool     `json:"succeeded"`
	// Error is the error message of a failed invocation.
	Error string `json:"error"`
	// Refused marks an invocation refused by role-based access control.
	Refused bool `json:"refused"`
	// ExternalAccess is false: every simulated caller is a tenant account.
	ExternalAccess bool `json:"externalAccess"`
}

// AppendAuditRecord stores r with the next sequence number and a derived
// Identity, and returns it.
func AppendAuditRecord(tx *store.Tx, r *AuditRecord) error {
	seq, err := auditKind.NextSequence(tx)
	if err != nil {
		return err
	}
	r.Seq = seq
	r.Identity = store.DerivedGuid(fmt.Sprintf("exosim-audit\x00%d\x00%s\x00%s\x00%s", seq, r.RunDate.UTC().Format(time.RFC3339Nano), r.CmdletName, r.Caller))
	return ReplaceAuditRecord(tx, r)
}

// ReplaceAuditRecord rewrites the record r.Seq (appended earlier by
// AppendAuditRecord) with r, keeping its sequence number and Identity:
// an invocation recorded as successful in its own transaction that failed
// afterwards is corrected this way.
func ReplaceAuditRecord(tx *store.Tx, r *AuditRecord) error {
	if r.Parameters == nil {
		r.Parameters = []AuditParameter{}
	}
	if r.ModifiedProperties == nil {
		r.ModifiedProperties = []string{}
	}
	return auditKind.Put(tx, fmt.Sprintf("%016x", r.Seq), r)
}

// AuditQuery selects audit records; zero fields match everything.
type AuditQuery struct {
	Cmdlets    []string // exact cmdlet names, case-insensitive
	Parameters []string // records that used every one of these parameters
	ObjectIDs  []string // ObjectModified, case-insensitive
	UserIDs    []string // Caller UPN or its alias (part before @)
	Start, End time.Time
	// Succeeded, when set, keeps only successes (true) or failures.
	Succeeded *bool
}

func (q *AuditQuery) match(r *AuditRecord) bool {
	if len(q.Cmdlets) > 0 && !queryHas(q.Cmdlets, r.CmdletName) {
		return false
	}
	for _, p := range q.Parameters {
		found := false
		for _, rp := range r.Parameters {
			if strings.EqualFold(rp.Name, p) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if len(q.ObjectIDs) > 0 && !queryHas(q.ObjectIDs, r.ObjectModified) {
		return false
	}
	if len(q.UserIDs) > 0 {
		alias := r.Caller
		if i := strings.IndexByte(alias, '@'); i > 0 {
			alias = alias[:i]
		}
		if !queryHas(q.UserIDs, r.Caller) && !queryHas(q.UserIDs, alias) {
			return false
		}
	}
	if !q.Start.IsZero() && r.RunDate.Before(q.Start) {
		return false
	}
	if !q.End.IsZero() && r.RunDate.After(q.End) {
		return false
	}
	if q.Succeeded != nil && r.Succeeded != *q.Succeeded {
		return false
	}
	return true
}

// queryHas reports whether a query's list names s: ignoring case, and the
// spaces a value may be given with.
func queryHas(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// AuditRecords returns the matching records, oldest first.
func AuditRecords(tx *store.Tx, q AuditQuery) ([]*AuditRecord, error) {
	var out []*AuditRecord
	err := auditKind.ForEach(tx, "", func(_ string, r *AuditRecord) error {
		if q.match(r) {
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// auditImport appends an import's own record to the log: who imported
// which file, what the tenant was before, and why a failed import failed.
func auditImport(tx *store.Tx, rec store.ImportRecord, replaced string, err error) error {
	r := &AuditRecord{
		RunDate:        tx.Now(),
		Caller:         rec.Caller,
		CmdletName:     "exosim tenant import",
		ObjectModified: "tenant",
		Parameters:     []AuditParameter{{Name: "File", Value: rec.Source}, {Name: "ReplacedTenant", Value: replaced}},
		Succeeded:      err == nil,
	}
	if err != nil {
		r.Error = err.Error()
	} else {
		r.ModifiedProperties = []string{"tenant"}
	}
	return AppendAuditRecord(tx, r)
}
