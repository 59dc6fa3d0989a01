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
