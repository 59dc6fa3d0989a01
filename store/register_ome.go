package store

// The record kinds of message encryption: messages and their trace,
// branding templates, the IRM configuration and mail flow rules.
var (
	// Messages are the sent messages, by Message-ID.
	Messages = DefineKind(KindSpec[Message]{Bucket: bucketMessages, Name: "message"})
	// Traces are the message-trace rows, by TraceRecord.Key.
	Traces            = DefineKind(KindSpec[TraceRecord]{Bucket: bucketTraces, Name: "messageTrace", Index: indexTrace})
	omeConfigKind     = DefineKind(KindSpec[OMEConfiguration]{Bucket: bucketOMEConfig, Name: "omeConfiguration"})
	irmKind           = DefineKind(KindSpec[IRMConfiguration]{Bucket: bucketIRM, Name: "irmConfiguration"})
	transportRuleKind = DefineKind(KindSpec[TransportRule]{Bucket: bucketTransportRule, Name: "transportRule"})
)

// registerOME adds message encryption to s.
func registerOME(s *Schema) {
	Messages.Register(s)
	Traces.Register(s)
	omeConfigKind.Register(s)
	irmKind.Register(s)
	transportRuleKind.Register(s)
	s.AddCheck("message-trace", checkMessageTrace)
}
