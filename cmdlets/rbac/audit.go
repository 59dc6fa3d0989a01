package rbac

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/rbac"
)

// simModule is the simulator cmdlets' module (package sim).
const simModule = "Exosim"

// Masked is what the audit log shows for a password, SecureString or
// credential.
const Masked = "********"

// objectParams are the parameters naming the object an invocation
// targets, in order of preference (DisplayName names what a New cmdlet
// without -Name, such as New-UnifiedGroup, creates).
var objectParams = []string{"Identity", "MessageId", "SoftDeletedObject", "InactiveMailbox", "Name", "Seed", "UserPrincipalName", "SearchName", "Case", "DisplayName"}

// auditValue renders a parameter value as the log stores it.
func auditValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case *object.PSObject:
		return exo.IdentityOf(x)
	case automation.Switch:
		if x {
			return "True"
		}
		return "False"
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	if items, ok := object.Enumerate(v); ok {
		if _, isHash := v.(*object.Hashtable); !isHash {
			parts := make([]string, 0, len(items))
			for _, it := range items {
				parts = append(parts, auditValue(it))
			}
			return strings.Join(parts, ", ")
		}
	}
	return object.ToInvariantString(v)
}

func sensitiveName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "password") || strings.Contains(n, "secret") || strings.Contains(n, "credential")
}

// recordOf turns an invocation into an audit record.
func recordOf(rt *runtime.Runtime, ev command.InvocationEvent) *rbac.AuditRecord {
	r := &rbac.AuditRecord{
		RunDate:    ev.Start.UTC(),
		Caller:     exo.Caller(rt),
		CmdletName: ev.Command.Base(),
		Succeeded:  ev.Err == nil,
		Refused:    ev.Refused,
	}
	for _, p := range ev.Params {
		val := auditValue(p.Value)
		if p.Sensitive || sensitiveName(p.Name) {
			val = Masked
		}
		name := p.Name
		if name == "" {
			name = "(positional)"
		}
		r.Parameters = append(r.Parameters, rbac.AuditParameter{Name: name, Value: val})
	}
	objName := ""
	for _, want := range objectParams {
		for _, p := range r.Parameters {
			if objName == "" && strings.EqualFold(p.Name, want) {
				r.ObjectModified, objName = p.Value, p.Name
			}
		}
	}
	if objName == "" {
		for _, p := range r.Parameters {
			if p.Name == "(positional)" {
				r.ObjectModified, objName = p.Value, p.Name
				break
			}
		}
	}
	if r.Succeeded {
		for _, p := range ev.Params {
			if p.Common || p.Name == "" || strings.EqualFold(p.Name, objName) || strings.EqualFold(p.Name, "Force") {
				continue
			}
			r.ModifiedProperties = append(r.ModifiedProperties, p.Name)
		}
	} else {
		r.Error = ev.Err.Message
		if i := strings.LastIndex(r.Error, "|"); i >= 0 && strings.HasPrefix(r.Error, "Ex") {
			// Write-ErrorMessage: Ex…|<exception type>|<message>
			parts := strings.SplitN(r.Error, "|", 3)
			if len(parts) == 3 {
				r.Error = parts[1] + ": " + parts[2]
			}
		}
		if ev.Refused {
			r.Error = fmt.Sprintf("Refused by role-based access control: %s", r.Error)
		}
	}
	return r
}

// audit appends the invocation to the log in its own transaction (after
// the cmdlet's own, so a rolled-back failure is still recorded) and drops
// nothing else (cached grants follow Store.PrincipalsGeneration).
//
// A successful invocation that wrote to the tenant was already recorded
// in its own transaction (auditInTx); its record is only rewritten when
// the invocation failed after that commit.
func audit(rt *runtime.Runtime, ev command.InvocationEvent) {
	st := exo.SessionOf(rt).Store
	if st == nil || st.ReadOnly() {
		return
	}
	done, _ := ev.Note.(*auditedInTx)
	if done != nil && ev.Err == nil {
		return
	}
	if ev.Unbound && !ev.Refused {
		// The arguments did not bind: the command failed in the session
		// before anything was sent to the service, which records nothing.
		// (A parameter role-based access control hides is recorded as a
		// refusal.)
		return
	}
	if done == nil && ev.Err == nil && ev.Declined {
		// -WhatIf, or a confirmation answered No: nothing was done, and
		// Exchange Online records nothing either.
		return
	}
	r := recordOf(rt, ev)
	err := st.Update(func(tx *store.Tx) error {
		if done != nil {
			r.Seq, r.Identity = done.seq, done.identity
			return rbac.ReplaceAuditRecord(tx, r)
		}
		return rbac.AppendAuditRecord(tx, r)
	})
	if err != nil {
		fmt.Fprintf(rt.IO.Err, "WARNING: The admin audit log couldn't record %s: %v\n", ev.Command.Name, err)
	}
}

// auditedInTx is the invocation note of an invocation whose success
// record was written in its own transaction.
type auditedInTx struct {
	seq      uint64
	identity string
}

// auditInTx is the session's exo.UpdateHook: it appends the record of the
// audited invocation in progress, as a success, to the invocation's own
// write transaction, so a successful command costs one commit. Nothing is
// written when the invocation has already written an error (its record
// then gets its own transaction at the end) or was recorded by an earlier
// transaction of the same invocation.
func auditInTx(ctx *command.Context, tx *store.Tx) (func(), error) {
	ev, ok := ctx.Invocation()
	if !ok || ev.Note != nil || !Audited(ev.Command) {
		return nil, nil
	}
	r := recordOf(runtime.Of(ctx), ev)
	if err := rbac.AppendAuditRecord(tx, r); err != nil {
		return nil, err
	}
	note := &auditedInTx{seq: r.Seq, identity: r.Identity}
	return func() { ctx.SetInvocationNote(note) }, nil
}
