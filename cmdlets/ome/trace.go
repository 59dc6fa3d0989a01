package ome

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/lazy"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Output type names of the message trace cmdlets.
const (
	TypeMessageTrace         = "Microsoft.Exchange.Management.FfoReporting.MessageTrace"
	TypeMessageTraceV2       = "Microsoft.Exchange.Management.FfoReporting.MessageTraceV2"
	TypeMessageTraceDetail   = "Microsoft.Exchange.Management.FfoReporting.MessageTraceDetail"
	TypeMessageTraceDetailV2 = "Microsoft.Exchange.Management.FfoReporting.MessageTraceDetailV2"
)

// Search limits of the two trace generations.
const (
	defaultWindow = 48 * time.Hour
	v1History     = 10 * store.Day
	v2History     = 90 * store.Day
	v2MaxWindow   = 10 * store.Day
)

// traceHelp describes the parameters the message trace cmdlets share.
var traceHelp = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"EndDate":          "End of the date range (UTC).",
		"FromIP":           "Source IP address of the messages.",
		"MessageId":        "Message-ID header values, angle brackets included.",
		"MessageTraceId":   "The message trace ID of a message.",
		"RecipientAddress": "Recipient email addresses.",
		"SenderAddress":    "Sender email addresses.",
		"Status":           "Delivery statuses to include.",
		"ToIP":             "Destination IP address of the messages.",
	}
}}

// pagingHelp describes the paging parameters of the older trace cmdlets
// (their ranges are checked by the handlers, as the service does).
var pagingHelp = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"Page":     "Page of results to return, 1 to 1000 (default 1).",
		"PageSize": "Results per page, 1 to 5000 (default 1000).",
		"ProbeTag": "Reserved for internal use.",
	}
}}

// detailHelp describes the parameters of the trace detail cmdlets.
var detailHelp = lazy.Value[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"MessageTraceId":   "The message trace ID of the message.",
		"RecipientAddress": "The recipient's email address.",
		"Action":           "Actions to include.",
		"EndDate":          "End of the date range (UTC).",
		"MessageId":        "Message-ID header value, angle brackets included.",
		"SenderAddress":    "The sender's email address.",
	}
}}

// subjectFilterTypes are the values SubjectFilterType accepts.
var subjectFilterTypes = []string{"Contains", "EndsWith", "StartsWith"}

func traceCommands() []*command.Command {
	v1 := exo.Declared("Get-MessageTrace")
	v1.Synopsis = "Searches the mail flow records of the last 10 days (older message trace)."
	v1.OutputType = TypeMessageTrace
	exo.Describe(v1, traceHelp.Get())
	exo.Describe(v1, pagingHelp.Get())
	exo.Describe(v1, map[string]string{
		"StartDate": "Start of the date range (UTC); at most 10 days ago.",
		"Status":    "Delivery statuses to include (Delivered, Failed, Pending ...).",
	})
	v1.Handler.Process = func(ctx *command.Context) error { return messageTrace(ctx, false) }

	v2 := exo.Declared("Get-MessageTraceV2")
	v2.Synopsis = "Searches the mail flow records of the last 90 days, 10 days per query."
	v2.OutputType = TypeMessageTraceV2
	exo.Describe(v2, traceHelp.Get())
	exo.Describe(v2, map[string]string{
		"ResultSize":               "Maximum number of results, 1 to 5000 (default 1000).",
		"StartDate":                "Start of the date range (UTC); at most 90 days ago.",
		"StartingRecipientAddress": "With EndDate, continues a partial result after this recipient.",
		"Subject":                  "Subject text to look for.",
		"SubjectFilterType":        "How Subject is matched: Contains, EndsWith or StartsWith.",
	})
	// SubjectFilterType is a String limited to three values (ValidateSet).
	sft := exo.DeclaredParam(v2, "SubjectFilterType")
	sft.Type = params.EnumType(sft.Type.Name, sft.Type.FullName, subjectFilterTypes...)
	v2.Handler.Process = func(ctx *command.Context) error { return messageTrace(ctx, true) }

	d1 := exo.Declared("Get-MessageTraceDetail")
	d1.Synopsis = "Lists the delivery events of one traced message for one recipient."
	d1.OutputType = TypeMessageTraceDetail
	exo.Describe(d1, detailHelp.Get())
	exo.Describe(d1, pagingHelp.Get())
	exo.Describe(d1, map[string]string{
		"Event":     "Events to include (Receive, Encrypt, Deliver, Send external ...).",
		"StartDate": "Start of the date range (UTC); at most 10 days ago.",
	})
	d1.Handler.Process = func(ctx *command.Context) error { return messageTraceDetail(ctx, false) }

	d2 := exo.Declared("Get-MessageTraceDetailV2")
	d2.Synopsis = "Lists the delivery events of one traced message for one recipient (newer version, 90 days)."
	d2.OutputType = TypeMessageTraceDetailV2
	exo.Describe(d2, detailHelp.Get())
	exo.Describe(d2, map[string]string{
		"Event":     "Events to include.",
		"StartDate": "Start of the date range (UTC); at most 90 days ago.",
	})
	d2.Handler.Process = func(ctx *command.Context) error { return messageTraceDetail(ctx, true) }
	return []*command.Command{v1, v2, d1, d2}
}

// utc reads a DateTime argument as a UTC wall-clock time (the service
// works in UTC and so does the simulated clock).
func utc(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// window is a resolved date range of a trace query.
type window struct {
	start, end time.Time
}

// resolveWindow applies the documented defaults and limits: no dates means
// the last 48 hours; a start older than the history limit, an end before
// the start, or (V2) a range longer than 10 days is an error.
func resolveWindow(now time.Time, start, end *time.Time, history, maxWindow time.Duration) (window, string) {
	w := window{start: now.Add(-defaultWindow), end: now}
	switch {
	case start != nil && end != nil:
		w = window{start: utc(*start), end: utc(*end)}
	case start != nil:
		w = window{start: utc(*start), end: now}
	case end != nil:
		w = window{start: utc(*end).Add(-defaultWindow), end: utc(*end)}
	}
	days := int(history / store.Day)
	if start != nil && w.start.Before(now.Add(-history)) {
		return w, fmt.Sprintf("Invalid StartDate value. The StartDate can't be older than %d days from today.", days)
	}
	if w.end.Before(w.start) {
		return w, "Invalid EndDate value. The EndDate must be later than the StartDate."
	}
	if maxWindow > 0 && w.end.Sub(w.start) > maxWindow {
		return w, fmt.Sprintf("The date range can't be longer than %d days. Use a smaller StartDate and EndDate interval.", int(maxWindow/store.Day))
	}
	return w, ""
}

func optDate(ctx *command.Context, name string) *time.Time {
	if t, ok := ctx.Time(name); ok {
		return &t
	}
	return nil
}

// intArg returns a bound integer checked against [lo, hi], or def.
func intArg(ctx *command.Context, name string, def, lo, hi int) (int, string) {
	if !ctx.Has(name) {
		return def, ""
	}
	n := ctx.Int(name)
	if n < lo || n > hi {
		return n, fmt.Sprintf("The value of the %s parameter must be between %d and %d.", name, lo, hi)
	}
	return n, ""
}

// traceFilter holds the row filters of Get-MessageTrace(V2).
type traceFilter struct {
	w                  window
	senders, rcpts     []string
	messageIDs         []string
	traceID            string
	statuses           []string
	fromIP, toIP       string
	subject, subjectBy string
	startingRecipient  string
}

// match reports whether a trace row passes the filter.
func (f *traceFilter) match(r *ome.TraceRecord) bool {
	if r.Received.Before(f.w.start) || r.Received.After(f.w.end) {
		return false
	}
	if len(f.senders) > 0 && !exo.ContainsFold(f.senders, r.SenderAddress) {
		return false
	}
	if len(f.rcpts) > 0 && !exo.ContainsFold(f.rcpts, r.RecipientAddress) {
		return false
	}
	if len(f.messageIDs) > 0 && !containsExact(f.messageIDs, r.MessageID) {
		return false
	}
	if f.traceID != "" && !strings.EqualFold(f.traceID, r.MessageTraceID) {
		return false
	}
	if len(f.statuses) > 0 && !exo.ContainsFold(f.statuses, r.Status) {
		return false
	}
	if f.fromIP != "" && f.fromIP != r.FromIP {
		return false
	}
	if f.toIP != "" && f.toIP != r.ToIP {
		return false
	}
	if f.subject != "" {
		s, sub := strings.ToLower(r.Subject), strings.ToLower(f.subject)
		switch strings.ToLower(f.subjectBy) {
		case "startswith":
			if !strings.HasPrefix(s, sub) {
				return false
			}
		case "endswith":
			if !strings.HasSuffix(s, sub) {
				return false
			}
		default:
			if !strings.Contains(s, sub) {
				return false
			}
		}
	}
	if f.startingRecipient != "" && r.Received.Equal(f.w.end) &&
		strings.ToLower(r.RecipientAddress) <= strings.ToLower(f.startingRecipient) {
		return false
	}
	return true
}

func containsExact(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func messageTrace(ctx *command.Context, v2 bool) error {
	now := ctx.Now()
	history, maxWindow := v1History, time.Duration(0)
	if v2 {
		history, maxWindow = v2History, v2MaxWindow
	}
	w, msg := resolveWindow(now, optDate(ctx, "StartDate"), optDate(ctx, "EndDate"), history, maxWindow)
	if msg != "" {
		return ctx.WriteError(exo.Invalid(ctx, msg, nil))
	}
	var limit, skip int
	if v2 {
		n, msg := intArg(ctx, "ResultSize", 1000, 1, 5000)
		if msg != "" {
			return ctx.WriteError(exo.Invalid(ctx, msg, n))
		}
		limit = n
	} else {
		size, msg := intArg(ctx, "PageSize", 1000, 1, 5000)
		if msg != "" {
			return ctx.WriteError(exo.Invalid(ctx, msg, size))
		}
		page, msg := intArg(ctx, "Page", 1, 1, 1000)
		if msg != "" {
			return ctx.WriteError(exo.Invalid(ctx, msg, page))
		}
		limit, skip = size, (page-1)*size
	}
	f := &traceFilter{
		w:                 w,
		senders:           exo.ValueStrings(ctx.Value("SenderAddress")),
		rcpts:             exo.ValueStrings(ctx.Value("RecipientAddress")),
		messageIDs:        exo.ValueStrings(ctx.Value("MessageId")),
		statuses:          exo.ValueStrings(ctx.Value("Status")),
		fromIP:            strings.TrimSpace(ctx.String("FromIP")),
		toIP:              strings.TrimSpace(ctx.String("ToIP")),
		subject:           ctx.String("Subject"),
		subjectBy:         ctx.String("SubjectFilterType"),
		startingRecipient: strings.TrimSpace(ctx.String("StartingRecipientAddress")),
	}
	if g, ok := ctx.Value("MessageTraceId").(object.Guid); ok {
		f.traceID = g.String()
	}
	var rows []*ome.TraceRecord
	var org string
	err := exo.View(ctx, func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		org = o.Name
		return ome.ForEachTrace(tx, "", func(_ string, r *ome.TraceRecord) error {
			if f.match(r) {
				rows = append(rows, r)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	sortNewestFirst(rows)
	if skip >= len(rows) {
		rows = nil
	} else {
		rows = rows[skip:]
	}
	if len(rows) > limit {
		rows = rows[:limit]
	}
	for i, r := range rows {
		if err := ctx.WriteObject(TraceObject(r, org, w, skip+i, v2)); err != nil {
			return err
		}
	}
	return nil
}

// sortNewestFirst orders trace rows by Received, newest first, then by
// recipient address.
func sortNewestFirst(rows []*ome.TraceRecord) {
	sort.SliceStable(rows, func(i, j int) bool {
		if !rows[i].Received.Equal(rows[j].Received) {
			return rows[i].Received.After(rows[j].Received)
		}
		return strings.ToLower(rows[i].RecipientAddress) < strings.ToLower(rows[j].RecipientAddress)
	})
}

// TraceObject is one Get-MessageTrace(V2) row.
func TraceObject(r *ome.TraceRecord, org string, w window, index int, v2 bool) *object.PSObject {
	typeName := TypeMessageTrace
	if v2 {
		typeName = TypeMessageTraceV2
	}
	o := object.NewObject(typeName, "System.Object")
	if !v2 {
		o.AddTyped("Organization", "System.String", org)
	}
	o.AddTyped("MessageId", "System.String", r.MessageID)
	o.AddTyped("Received", "System.DateTime", r.Received.UTC())
	o.AddTyped("SenderAddress", "System.String", r.SenderAddress)
	o.AddTyped("RecipientAddress", "System.String", r.RecipientAddress)
	o.AddTyped("Subject", "System.String", r.Subject)
	o.AddTyped("Status", "System.String", r.Status)
	o.AddTyped("ToIP", "System.String", exo.NilIfEmpty(r.ToIP))
	o.AddTyped("FromIP", "System.String", exo.NilIfEmpty(r.FromIP))
	o.AddTyped("Size", "System.Int32", int(r.Size))
	o.AddTyped("MessageTraceId", "System.Guid", exo.GuidValue(r.MessageTraceID))
	if !v2 {
		o.AddTyped("StartDate", "System.DateTime", w.start)
		o.AddTyped("EndDate", "System.DateTime", w.end)
		o.AddTyped("Index", "System.Int32", index)
	}
	return o
}

func messageTraceDetail(ctx *command.Context, v2 bool) error {
	now := ctx.Now()
	history := v1History
	if v2 {
		history = v2History
	}
	start, end := optDate(ctx, "StartDate"), optDate(ctx, "EndDate")
	if start != nil && utc(*start).Before(now.Add(-history)) {
		return ctx.WriteError(exo.Invalid(ctx, fmt.Sprintf("Invalid StartDate value. The StartDate can't be older than %d days from today.", int(history/store.Day)), nil))
	}
	if start != nil && end != nil && utc(*end).Before(utc(*start)) {
		return ctx.WriteError(exo.Invalid(ctx, "Invalid EndDate value. The EndDate must be later than the StartDate.", nil))
	}
	var page, size = 1, 1000
	if !v2 {
		var msg string
		if size, msg = intArg(ctx, "PageSize", 1000, 1, 5000); msg != "" {
			return ctx.WriteError(exo.Invalid(ctx, msg, size))
		}
		if page, msg = intArg(ctx, "Page", 1, 1, 1000); msg != "" {
			return ctx.WriteError(exo.Invalid(ctx, msg, page))
		}
	}
	traceID := ""
	if g, ok := ctx.Value("MessageTraceId").(object.Guid); ok {
		traceID = g.String()
	}
	rcpt := strings.TrimSpace(ctx.String("RecipientAddress"))
	msgID := strings.TrimSpace(ctx.String("MessageId"))
	sender := strings.TrimSpace(ctx.String("SenderAddress"))
	events, actions := exo.ValueStrings(ctx.Value("Event")), exo.ValueStrings(ctx.Value("Action"))
	var rows []*ome.TraceRecord
	var org string
	err := exo.View(ctx, func(tx *store.Tx) error {
		o, err := directory.GetOrganization(tx)
		if err != nil {
			return err
		}
		org = o.Name
		rows, err = ome.TracesByTraceID(tx, traceID)
		return err
	})
	if err != nil {
		return err
	}
	var out []*object.PSObject
	for _, r := range rows {
		if !strings.EqualFold(r.RecipientAddress, rcpt) ||
			(msgID != "" && r.MessageID != msgID) ||
			(sender != "" && !strings.EqualFold(r.SenderAddress, sender)) {
			continue
		}
		evs := append([]ome.TraceEvent(nil), r.Events...)
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Date.Before(evs[j].Date) })
		for _, e := range evs {
			if start != nil && e.Date.Before(utc(*start)) || end != nil && e.Date.After(utc(*end)) {
				continue
			}
			if len(events) > 0 && !exo.ContainsFold(events, e.Event) || len(actions) > 0 && !exo.ContainsFold(actions, e.Action) {
				continue
			}
			out = append(out, detailObject(r, e, org, start, end, len(out), v2))
		}
	}
	from := (page - 1) * size
	for i := from; i < len(out) && i < from+size; i++ {
		if err := ctx.WriteObject(out[i]); err != nil {
			return err
		}
	}
	return nil
}

func detailObject(r *ome.TraceRecord, e ome.TraceEvent, org string, start, end *time.Time, index int, v2 bool) *object.PSObject {
	typeName := TypeMessageTraceDetail
	if v2 {
		typeName = TypeMessageTraceDetailV2
	}
	o := object.NewObject(typeName, "System.Object")
	o.AddTyped("Organization", "System.String", org)
	o.AddTyped("MessageId", "System.String", r.MessageID)
	o.AddTyped("MessageTraceId", "System.Guid", exo.GuidValue(r.MessageTraceID))
	o.AddTyped("Date", "System.DateTime", e.Date.UTC())
	o.AddTyped("Event", "System.String", e.Event)
	o.AddTyped("Action", "System.String", exo.NilIfEmpty(e.Action))
	o.AddTyped("Detail", "System.String", e.Detail)
	o.AddTyped("Data", "System.String", nil)
	if !v2 {
		var s, en any
		if start != nil {
			s = utc(*start)
		}
		if end != nil {
			en = utc(*end)
		}
		o.AddTyped("StartDate", "System.DateTime", s)
		o.AddTyped("EndDate", "System.DateTime", en)
		o.AddTyped("Index", "System.Int32", index)
	}
	return o
}

func traceViews(r *format.Registry) {
	r.Add(&format.View{
		Name:      "MessageTrace",
		TypeNames: []string{TypeMessageTrace, TypeMessageTraceV2},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Received", Property: "Received"},
			{Label: "Sender Address", Property: "SenderAddress"},
			{Label: "Recipient Address", Property: "RecipientAddress"},
			{Label: "Subject", Property: "Subject"},
			{Label: "Status", Property: "Status"},
		},
	})
	r.Add(&format.View{
		Name:      "MessageTraceDetail",
		TypeNames: []string{TypeMessageTraceDetail, TypeMessageTraceDetailV2},
		Kind:      format.TableView,
		Columns: []format.Column{
			{Label: "Date", Property: "Date"},
			{Label: "Event", Property: "Event"},
			{Label: "Detail", Property: "Detail"},
		},
	})
}
