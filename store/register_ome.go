package store

// The record kinds of message encryption: messages and their trace,
// branding templates, the IRM configuration and mail flow rules.
var (
	// Messages are the sent messages, by Message-ID.
	Messages = DefineKind(KindSpec[Message]{Bucket: "messages", Name: "message"})
	// Traces are the message-trace rows, by TraceRecord.Key.
	Traces            = DefineKind(KindSpec[TraceRecord]{Bucket: "messageTrace", Name: "messageTrace", Index: indexTrace})
	omeConfigKind     = DefineKind(KindSpec[OMEConfiguration]{Bucket: "omeConfigurations", Name: "omeConfiguration", Noun: "OME configuration"})
	irmKind           = DefineKind(KindSpec[IRMConfiguration]{Bucket: "irmConfiguration", Name: "irmConfiguration", Noun: "IRM configuration"})
	transportRuleKind = DefineKind(KindSpec[TransportRule]{Bucket: "transportRules", Name: "transportRule", Noun: "transport rule"})
)

// RegisterOME adds message encryption to s.
func RegisterOME(s *Schema) {
	Messages.Register(s)
	Traces.Register(s)
	omeConfigKind.Register(s)
	irmKind.Register(s)
	transportRuleKind.Register(s)
	s.AddCheck("message-trace", checkMessageTrace)
}
