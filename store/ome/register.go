package ome

import (
	"github.com/exosim/exosim/store"
)

// The record kinds of message encryption: messages and their trace,
// branding templates, the IRM configuration and mail flow rules.
var (
	// Messages are the sent messages, by Message-ID.
	Messages = store.DefineKind(store.KindSpec[Message]{Bucket: "messages", Name: "message"})
	// Traces are the message-trace rows, by TraceRecord.Key.
	Traces            = store.DefineKind(store.KindSpec[TraceRecord]{Bucket: "messageTrace", Name: "messageTrace", Index: indexTrace, Restore: restoreTrace})
	omeConfigKind     = store.DefineKind(store.KindSpec[OMEConfiguration]{Bucket: "omeConfigurations", Name: "omeConfiguration", Noun: "OME configuration"})
	irmKind           = store.DefineKind(store.KindSpec[IRMConfiguration]{Bucket: "irmConfiguration", Name: "irmConfiguration", Noun: "IRM configuration"})
	transportRuleKind = store.DefineKind(store.KindSpec[TransportRule]{Bucket: "transportRules", Name: "transportRule", Noun: "transport rule"})
)

// restoreTrace is the Traces kind's Restore: a function, not the method
// expression (*TraceRecord).RestoreForm, which would make the kind a
// value built as the program starts instead of static data.
func restoreTrace(r *TraceRecord) { r.RestoreForm() }

// Register adds message encryption to s: its kinds, the message-trace
// check and the check of the mail flow rules' priorities.
func Register(s *store.Schema) {
	Messages.Register(s)
	Traces.Register(s)
	omeConfigKind.Register(s)
	irmKind.Register(s)
	transportRuleKind.Register(s)
	s.AddCheck("message-trace", checkMessageTrace)
	s.AddCheck("transport-rules", checkTransportRules)
	s.AddMigration(6, "compact messages and message trace", migrateCompactMessages)
}

// migrateCompactMessages (schema 6 → 7) re-encodes every message and
// trace row with the numbered keys of their cbor tags, the rows without
// their usual event details; the values and the trace indexes stay the
// same.
func migrateCompactMessages(tx *store.Tx) error {
	if err := Messages.RewriteAll(tx, func(string, *Message) (bool, error) { return false, nil }); err != nil {
		return err
	}
	return Traces.RewriteAll(tx, func(string, *TraceRecord) (bool, error) { return true, nil })
}
