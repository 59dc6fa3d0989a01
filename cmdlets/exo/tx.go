package exo

import (
	"errors"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
)

// errRefused rolls back the transaction of a Write or Read whose function
// refused: nothing the function wrote is kept.
var errRefused = errors.New("exo: refused")

// Write runs fn in one write transaction of the tenant (see Update). fn
// refuses by returning an error record, or an error of the store that
// StoreError words (target is the object as the command names it, "" when
// the error's own identity is to be shown): the transaction rolls back,
// the record is written as a non-terminating error, and Write reports
// false. Any other error ends the command, as Update makes it.
func Write(ctx *command.Context, target string, fn func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	return inTx(ctx, Update, target, fn)
}

// Read is Write for a read transaction.
func Read(ctx *command.Context, target string, fn func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	return inTx(ctx, View, target, fn)
}

func inTx(ctx *command.Context, run func(*command.Context, func(*store.Tx) error) error, target string, fn func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	var rec *object.ErrorRecord
	err := run(ctx, func(tx *store.Tx) error {
		rec = nil
		r, err := fn(tx)
		if err != nil {
			r = StoreError(ctx, err, target)
			if r == nil {
				return err
			}
		}
		if r != nil {
			rec = r
			return errRefused
		}
		return nil
	})
	if rec != nil {
		return false, ctx.WriteError(rec)
	}
	return err == nil, err
}

// Confirmed is Write for a cmdlet that asks before it changes the tenant.
// plan finds what the call acts on and refuses as Write's function does;
// prompt words the question (the action, then the target of
// ShouldProcess) from what plan found. Unless the call proceeds without
// asking or showing anything, plan runs first in a read transaction, a
// refusal is written, and a "no" ends the call with nothing changed. Then
// plan runs again in the write transaction, apply after it: the tenant
// may have changed while the user was asked.
func Confirmed(ctx *command.Context, target string, plan func(tx *store.Tx) (*object.ErrorRecord, error), prompt func() (action, what string), apply func(tx *store.Tx) (*object.ErrorRecord, error)) (bool, error) {
	if !ctx.ProceedsSilently() {
		done, err := Read(ctx, target, plan)
		if err != nil || !done {
			return false, err
		}
		ok, err := ctx.ShouldProcessWith(prompt())
		if err != nil || !ok {
			return false, err
		}
	}
	return Write(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if rec, err := plan(tx); rec != nil || err != nil {
			return rec, err
		}
		return apply(tx)
	})
}

// WriteAll writes the objects in order, stopping at the first error (a
// downstream command that stopped the pipeline).
func WriteAll(ctx *command.Context, objs []*object.PSObject) error {
	for _, o := range objs {
		if err := ctx.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// ReadObjects writes the objects fn builds in one read transaction (see
// Read). On a refusal its record is written first, then the objects fn
// built before it.
func ReadObjects(ctx *command.Context, target string, fn func(tx *store.Tx) ([]*object.PSObject, error)) error {
	var out []*object.PSObject
	_, err := Read(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := fn(tx)
		out = o
		return nil, err
	})
	if err != nil {
		return err
	}
	return WriteAll(ctx, out)
}

// CreateObject writes the object fn creates in one write transaction (see
// Write); nothing when fn was refused.
func CreateObject(ctx *command.Context, target string, fn func(tx *store.Tx) (*object.PSObject, error)) error {
	var out *object.PSObject
	_, err := Write(ctx, target, func(tx *store.Tx) (*object.ErrorRecord, error) {
		o, err := fn(tx)
		out = o
		return nil, err
	})
	if err != nil || out == nil {
		return err
	}
	return ctx.WriteObject(out)
}
