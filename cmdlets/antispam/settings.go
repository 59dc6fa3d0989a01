package antispam

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	as "github.com/exosim/exosim/store/antispam"
)

// settings reads the call's settings of a policy (P its record) into
// edits: a value that fails binding is refused before the tenant is
// read (err, the first such refusal, ends the reading); the others are
// applied, or refused, against the policy.
type settings[P any] struct {
	ctx   *command.Context
	edits []edit[P]
	err   error
}

// skip reports whether the call has no param, or reading stopped.
func (s *settings[P]) skip(param string) bool { return s.err != nil || !s.ctx.Has(param) }

// fail stops the reading with the refusal rec.
func (s *settings[P]) fail(rec *object.ErrorRecord) { s.err = s.ctx.Fail(rec) }

// enum reads an enumeration (typ its .NET name in the hygiene
// namespace) and applies it with set.
func (s *settings[P]) enum(param, typ string, values []string, set func(P, string)) {
	if s.skip(param) {
		return
	}
	var v string
	if rec := exo.EnumArg(s.ctx, param, enumNS+typ, values, &v); rec != nil {
		s.fail(rec)
		return
	}
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord { set(p, v); return nil })
}

// flag reads a Boolean into *field.
func (s *settings[P]) flag(param string, field func(P) *bool) {
	if s.skip(param) {
		return
	}
	v := s.ctx.Bool(param)
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil })
}

// number reads a number within min..max into *field.
func (s *settings[P]) number(param string, min, max int, field func(P) *int) {
	if s.skip(param) {
		return
	}
	n := s.ctx.Int(param)
	if n < min || n > max {
		s.fail(exo.OutOfRange(s.ctx, min, max, n))
		return
	}
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = n; return nil })
}

// text reads a text of up to max characters into *field.
func (s *settings[P]) text(param string, max int, field func(P) *string) {
	if s.skip(param) {
		return
	}
	v := s.ctx.String(param)
	if rec := exo.TooLong(s.ctx, max, v); rec != nil {
		s.fail(rec)
		return
	}
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil })
}

// address reads one SMTP address (or nothing) into *field.
func (s *settings[P]) address(param string, field func(P) *string) {
	if s.skip(param) {
		return
	}
	v := strings.TrimSpace(s.ctx.String(param))
	if v != "" && !validAddress(v) {
		s.fail(badAddress(s.ctx, param, "Microsoft.Exchange.Data.SmtpAddress", v))
		return
	}
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord { *field(p) = v; return nil })
}

// tag reads the quarantine policy a quarantine action uses (its name
// or GUID) into *field, as the quarantine policy spells its name.
func (s *settings[P]) tag(param string, field func(P) *string) {
	if s.skip(param) {
		return
	}
	given := strings.TrimSpace(s.ctx.String(param))
	ctx := s.ctx
	s.edits = append(s.edits, func(tx *store.Tx, p P) *object.ErrorRecord {
		q, err := as.FindQuarantine(tx, given)
		if err != nil || q == nil {
			return exo.RecipientNotFound(ctx, given)
		}
		*field(p) = q.Name
		return nil
	})
}

// list reads a MultiValuedProperty setting into *field: a list replaces
// it, @{Add=...;Remove=...} changes it; each entry is checked as the
// property's type reads it (kind: see listEntry).
func (s *settings[P]) list(param, kind string, field func(P) *[]string) {
	if s.skip(param) {
		return
	}
	arg := object.Unwrap(s.ctx.Value(param))
	if _, err := mailbox.ApplyMultiValued(arg, nil); err != nil {
		s.fail(exo.Invalid(s.ctx, err.Error(), param))
		return
	}
	ctx := s.ctx
	s.edits = append(s.edits, func(_ *store.Tx, p P) *object.ErrorRecord {
		next, _ := mailbox.ApplyMultiValued(arg, *field(p))
		out := next[:0:0]
		for _, v := range next {
			w, rec := listEntry(ctx, param, kind, v)
			if rec != nil {
				return rec
			}
			if !exo.ContainsFold(out, w) {
				out = append(out, w)
			}
		}
		if len(out) == 0 {
			out = nil
		}
		*field(p) = out
		return nil
	})
}

// done returns the edits read, or the refusal that stopped the reading.
func (s *settings[P]) done() ([]edit[P], error) { return s.edits, s.err }
