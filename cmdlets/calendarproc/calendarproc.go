// Package calendarproc declares Get- and Set-CalendarProcessing over the
// calendar processing settings the tenant keeps for each mailbox
// (store/calendarproc): Exchange's defaults for a mailbox nobody changed,
// the resource booking policy of room and equipment mailboxes, and the
// users and groups the policy names.
package calendarproc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/cmdlets/mailboxsetting"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	cal "github.com/exosim/exosim/store/calendarproc"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/groups"
)

// TypeCalendarConfiguration is the object Get-CalendarProcessing writes.
const TypeCalendarConfiguration = "Microsoft.Exchange.Data.Storage.Management.CalendarConfiguration"

const (
	exArgument = "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException"
	exResource = "Microsoft.Exchange.Data.DataValidationException"
)

// Cmdlets declares the package's cmdlets by name: a session builds one
// the first time it resolves the name.
var Cmdlets = command.Table{Groups: []command.Group{
	{Names: []string{"Get-CalendarProcessing", "Set-CalendarProcessing"}, Build: commands},
}}

// Commands returns the package's cmdlets as command values.
func Commands() []*command.Command { return Cmdlets.StandIns() }

// Views registers the default table: the mailbox and how its meeting
// requests are processed.
func Views(r *format.Registry) {
	r.Add(&format.View{Name: TypeCalendarConfiguration, TypeNames: []string{TypeCalendarConfiguration}, Kind: format.TableView, AutoSize: true,
		Columns: []format.Column{{Label: "Identity", Property: "Identity"}, {Label: "AutomateProcessing", Property: "AutomateProcessing"}}})
}

// boolSetting ties a Boolean parameter to its field.
type boolSetting struct {
	name  string
	field func(*cal.Settings) *bool
}

// intSetting ties an Int32 parameter to its field and its upper bound
// (0: none).
type intSetting struct {
	name  string
	max   int
	field func(*cal.Settings) *int
}

// listSetting ties a RecipientIdParameter[] parameter to its field.
type listSetting struct {
	name  string
	field func(*cal.Settings) *[]string
}

var boolSettings = []boolSetting{
	{"AllowConflicts", func(s *cal.Settings) *bool { return &s.AllowConflicts }},
	{"AllowRecurringMeetings", func(s *cal.Settings) *bool { return &s.AllowRecurringMeetings }},
	{"EnforceCapacity", func(s *cal.Settings) *bool { return &s.EnforceCapacity }},
	{"EnforceSchedulingHorizon", func(s *cal.Settings) *bool { return &s.EnforceSchedulingHorizon }},
	{"ScheduleOnlyDuringWorkHours", func(s *cal.Settings) *bool { return &s.ScheduleOnlyDuringWorkHours }},
	{"AllBookInPolicy", func(s *cal.Settings) *bool { return &s.AllBookInPolicy }},
	{"AllRequestInPolicy", func(s *cal.Settings) *bool { return &s.AllRequestInPolicy }},
	{"AllRequestOutOfPolicy", func(s *cal.Settings) *bool { return &s.AllRequestOutOfPolicy }},
	{"AddAdditionalResponse", func(s *cal.Settings) *bool { return &s.AddAdditionalResponse }},
	{"AddNewRequestsTentatively", func(s *cal.Settings) *bool { return &s.AddNewRequestsTentatively }},
	{"AddOrganizerToSubject", func(s *cal.Settings) *bool { return &s.AddOrganizerToSubject }},
	{"DeleteAttachments", func(s *cal.Settings) *bool { return &s.DeleteAttachments }},
	{"DeleteComments", func(s *cal.Settings) *bool { return &s.DeleteComments }},
	{"DeleteNonCalendarItems", func(s *cal.Settings) *bool { return &s.DeleteNonCalendarItems }},
	{"DeleteSubject", func(s *cal.Settings) *bool { return &s.DeleteSubject }},
	{"EnableAutoRelease", func(s *cal.Settings) *bool { return &s.EnableAutoRelease }},
	{"EnableResponseDetails", func(s *cal.Settings) *bool { return &s.EnableResponseDetails }},
	{"ForwardRequestsToDelegates", func(s *cal.Settings) *bool { return &s.ForwardRequestsToDelegates }},
	{"OrganizerInfo", func(s *cal.Settings) *bool { return &s.OrganizerInfo }},
	{"ProcessExternalMeetingMessages", func(s *cal.Settings) *bool { return &s.ProcessExternalMeetingMessages }},
	{"RemoveCanceledMeetings", func(s *cal.Settings) *bool { return &s.RemoveCanceledMeetings }},
	{"RemoveForwardedMeetingNotifications", func(s *cal.Settings) *bool { return &s.RemoveForwardedMeetingNotifications }},
	{"RemoveOldMeetingMessages", func(s *cal.Settings) *bool { return &s.RemoveOldMeetingMessages }},
	{"RemovePrivateProperty", func(s *cal.Settings) *bool { return &s.RemovePrivateProperty }},
	{"TentativePendingApproval", func(s *cal.Settings) *bool { return &s.TentativePendingApproval }},
}

var intSettings = []intSetting{
	{"BookingWindowInDays", cal.MaxBookingWindowInDays, func(s *cal.Settings) *int { return &s.BookingWindowInDays }},
	{"ConflictPercentageAllowed", cal.MaxConflictPercentage, func(s *cal.Settings) *int { return &s.ConflictPercentageAllowed }},
	{"MaximumConflictInstances", 0, func(s *cal.Settings) *int { return &s.MaximumConflictInstances }},
	{"MaximumDurationInMinutes", 0, func(s *cal.Settings) *int { return &s.MaximumDurationInMinutes }},
	{"MinimumDurationInMinutes", 0, func(s *cal.Settings) *int { return &s.MinimumDurationInMinutes }},
	{"PostReservationMaxClaimTimeInMinutes", 0, func(s *cal.Settings) *int { return &s.PostReservationMaxClaimTimeInMinutes }},
}

var listSettings = []listSetting{
	{"BookInPolicy", func(s *cal.Settings) *[]string { return &s.BookInPolicy }},
	{"RequestInPolicy", func(s *cal.Settings) *[]string { return &s.RequestInPolicy }},
	{"RequestOutOfPolicy", func(s *cal.Settings) *[]string { return &s.RequestOutOfPolicy }},
	{"ResourceDelegates", func(s *cal.Settings) *[]string { return &s.ResourceDelegates }},
}

func commands() []*command.Command {
	get := exo.Declared("Get-CalendarProcessing")
	exo.Describe(get, map[string]string{
		"Identity":   "The mailbox whose calendar processing to show (a room, equipment, shared or user mailbox).",
		"ResultSize": "Accepted; one mailbox gives one result.",
	})
	get.OutputType = TypeCalendarConfiguration
	get.Synopsis = "Shows how a mailbox processes meeting requests: the Calendar Attendant, and the resource booking policy of rooms and equipment."
	get.Examples = []command.Example{{Code: `Get-CalendarProcessing -Identity confroomadams | Format-List AutomateProcessing,BookingWindowInDays,ResourceDelegates`, Remark: "Shows a room's booking policy."}}
	get.Handler.Process = area.Get

	set := exo.Declared("Set-CalendarProcessing")
	help := map[string]string{
		"Identity":           "The mailbox whose calendar processing to change.",
		"AutomateProcessing": "None, AutoUpdate (the Calendar Attendant only) or AutoAccept (rooms and equipment book themselves).",
		"BookingType":        "Standard, or Reserved (nobody can book the resource).",
		"AdditionalResponse": "Text added to responses when AddAdditionalResponse is $true.",
	}
	for _, b := range boolSettings {
		help[b.name] = "$true or $false."
	}
	for _, n := range intSettings {
		help[n.name] = "A whole number of 0 or more."
		if n.max > 0 {
			help[n.name] = fmt.Sprintf("A whole number from 0 through %d.", n.max)
		}
	}
	for _, l := range listSettings {
		help[l.name] = "Users or groups (replaces the list; $null empties it)."
	}
	exo.Describe(set, help)
	set.Synopsis = "Changes how a mailbox processes meeting requests."
	set.Examples = []command.Example{{Code: `Set-CalendarProcessing -Identity confroomadams -AutomateProcessing AutoAccept -BookingWindowInDays 365 -ResourceDelegates meganb`, Remark: "A room books itself up to a year ahead, with a delegate."}}
	set.Handler.Process = func(ctx *command.Context) error {
		return area.Set(ctx, func(tx *store.Tx, s *cal.Settings) (*object.ErrorRecord, error) { return apply(ctx, tx, s) })
	}
	return []*command.Command{exo.Partial(get, "Identity", "ResultSize"), set}
}

// Recipient references: a mailbox or a group of the directory.
const (
	refMailbox = "mbx:"
	refGroup   = "grp:"
)

// resolveRecipient finds the user or group a RecipientIdParameter value
// names; rec is Exchange's error when it names none or several.
func resolveRecipient(ctx *command.Context, tx *store.Tx, v any) (string, *object.ErrorRecord, error) {
	id, shown := mailbox.IdentityString(object.Unwrap(v))
	ms, err := directory.ResolveMailboxes(tx, id, directory.ScopeActive)
	var nf *store.NotFoundError
	if errors.As(err, &nf) {
		ms, err = nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	for i := 0; i < len(ms); i++ {
		if ms[i].IsMailUser() {
			ms = append(ms[:i], ms[i+1:]...)
			i--
		}
	}
	gs, err := groups.Find(tx, id)
	if err != nil {
		return "", nil, err
	}
	switch {
	case len(ms)+len(gs) == 0:
		return "", exo.RecipientNotFound(ctx, shown), nil
	case len(ms)+len(gs) > 1:
		return "", exo.Ambiguous(ctx, shown), nil
	case len(ms) == 1:
		return refMailbox + strings.ToLower(ms[0].Guid), nil, nil
	}
	return refGroup + strings.ToLower(gs[0].Guid), nil, nil
}

// recipientName is how a stored reference shows: the mailbox's or group's
// name (the reference itself for one no longer in the directory).
func recipientName(tx *store.Tx, ref string) string {
	switch {
	case strings.HasPrefix(ref, refMailbox):
		if m, err := directory.GetMailbox(tx, strings.TrimPrefix(ref, refMailbox)); err == nil {
			return m.Name
		}
	case strings.HasPrefix(ref, refGroup):
		if g, ok, err := groups.Get(tx, strings.TrimPrefix(ref, refGroup)); err == nil && ok {
			return g.Name
		}
	}
	return ref
}

// area is the calendar processing settings as the cmdlets reach them;
// Exchange calls them the auto-accept settings of the mailbox, and
// refuses AutoAccept for a mailbox that is not a resource.
var area = mailboxsetting.Area[cal.Settings]{
	Read: cal.Get, Write: cal.Put, Show: settingsObject,
	Prompt:  "Setting auto-accept mailbox settings Identity:\"%s\".",
	Refused: mailboxsetting.Is[*cal.UserMailboxError], Refusal: exResource, RefusalCategory: object.InvalidData,
}

func settingsObject(_ *command.Context, tx *store.Tx, m *directory.Mailbox, s *cal.Settings) *object.PSObject {
	o := mailboxsetting.Object(TypeCalendarConfiguration)
	names := func(refs []string) []any {
		out := make([]any, 0, len(refs))
		for _, r := range refs {
			out = append(out, recipientName(tx, r))
		}
		return out
	}
	b := func(name string, v bool) { o.AddTyped(name, "System.Boolean", v) }
	n := func(name string, v int) { o.AddTyped(name, "System.Int32", v) }
	l := func(name string, v []string) {
		o.AddTyped(name, "Microsoft.Exchange.Data.MultiValuedProperty", names(v))
	}
	o.AddTyped("AutomateProcessing", "Microsoft.Exchange.Data.Storage.Management.CalendarProcessingFlags", s.AutomateProcessing)
	b("AllowConflicts", s.AllowConflicts)
	b("AllowDistributionGroup", true)
	b("AllowMultipleResources", true)
	o.AddTyped("BookingType", "Microsoft.Exchange.Data.Storage.Management.ResourceBookingType", s.BookingType)
	n("BookingWindowInDays", s.BookingWindowInDays)
	n("ConflictPercentageAllowed", s.ConflictPercentageAllowed)
	b("EnforceAdjacencyAsOverlap", false)
	b("EnforceCapacity", s.EnforceCapacity)
	b("EnforceSchedulingHorizon", s.EnforceSchedulingHorizon)
	n("MaximumConflictInstances", s.MaximumConflictInstances)
	n("MaximumDurationInMinutes", s.MaximumDurationInMinutes)
	n("MinimumDurationInMinutes", s.MinimumDurationInMinutes)
	b("ScheduleOnlyDuringWorkHours", s.ScheduleOnlyDuringWorkHours)
	b("AllBookInPolicy", s.AllBookInPolicy)
	b("AllowRecurringMeetings", s.AllowRecurringMeetings)
	b("AllRequestInPolicy", s.AllRequestInPolicy)
	b("AllRequestOutOfPolicy", s.AllRequestOutOfPolicy)
	l("BookInPolicy", s.BookInPolicy)
	l("RequestInPolicy", s.RequestInPolicy)
	l("RequestOutOfPolicy", s.RequestOutOfPolicy)
	b("AddAdditionalResponse", s.AddAdditionalResponse)
	o.AddTyped("AdditionalResponse", "System.String", s.AdditionalResponse)
	b("AddNewRequestsTentatively", s.AddNewRequestsTentatively)
	b("AddOrganizerToSubject", s.AddOrganizerToSubject)
	b("DeleteAttachments", s.DeleteAttachments)
	b("DeleteComments", s.DeleteComments)
	b("DeleteNonCalendarItems", s.DeleteNonCalendarItems)
	b("DeleteSubject", s.DeleteSubject)
	b("EnableAutoRelease", s.EnableAutoRelease)
	b("EnableResponseDetails", s.EnableResponseDetails)
	b("ForwardRequestsToDelegates", s.ForwardRequestsToDelegates)
	b("OrganizerInfo", s.OrganizerInfo)
	n("PostReservationMaxClaimTimeInMinutes", s.PostReservationMaxClaimTimeInMinutes)
	b("ProcessExternalMeetingMessages", s.ProcessExternalMeetingMessages)
	b("RemoveCanceledMeetings", s.RemoveCanceledMeetings)
	b("RemoveForwardedMeetingNotifications", s.RemoveForwardedMeetingNotifications)
	b("RemoveOldMeetingMessages", s.RemoveOldMeetingMessages)
	b("RemovePrivateProperty", s.RemovePrivateProperty)
	l("ResourceDelegates", s.ResourceDelegates)
	b("TentativePendingApproval", s.TentativePendingApproval)
	return mailboxsetting.Finish(o, m, true)
}

// apply sets what the call's parameters name; rec is Exchange's error
// for a value it refuses.
func apply(ctx *command.Context, tx *store.Tx, s *cal.Settings) (*object.ErrorRecord, error) {
	if rec := exo.EnumArg(ctx, "AutomateProcessing", "Microsoft.Exchange.Data.Storage.Management.CalendarProcessingFlags", cal.AutomateValues, &s.AutomateProcessing); rec != nil {
		return rec, nil
	}
	if rec := exo.EnumArg(ctx, "BookingType", "Microsoft.Exchange.Data.Storage.Management.ResourceBookingType", cal.BookingTypes, &s.BookingType); rec != nil {
		return rec, nil
	}
	if ctx.Has("AdditionalResponse") {
		s.AdditionalResponse = ctx.String("AdditionalResponse")
	}
	for _, b := range boolSettings {
		if ctx.Has(b.name) {
			*b.field(s) = ctx.Bool(b.name)
		}
	}
	for _, n := range intSettings {
		if !ctx.Has(n.name) {
			continue
		}
		v := ctx.Int(n.name)
		if v < 0 || (n.max > 0 && v > n.max) {
			bound := "2147483647"
			if n.max > 0 {
				bound = fmt.Sprint(n.max)
			}
			return exo.Error(ctx, exArgument, fmt.Sprintf("The value of %s must be from 0 through %s; %d isn't valid.", n.name, bound, v), object.InvalidArgument, v), nil
		}
		*n.field(s) = v
	}
	for _, l := range listSettings {
		if !ctx.Has(l.name) {
			continue
		}
		var refs []string
		for _, v := range listValues(ctx.Value(l.name)) {
			ref, rec, err := resolveRecipient(ctx, tx, v)
			if err != nil || rec != nil {
				return rec, err
			}
			dup := false
			for _, r := range refs {
				dup = dup || r == ref
			}
			if !dup {
				refs = append(refs, ref)
			}
		}
		*l.field(s) = refs
	}
	return nil, nil
}

// listValues flattens a multi-valued argument ($null: none).
func listValues(v any) []any {
	v = object.Unwrap(v)
	if v == nil {
		return nil
	}
	if xs, ok := v.([]any); ok {
		var out []any
		for _, x := range xs {
			if x = object.Unwrap(x); x != nil && strings.TrimSpace(object.ToInvariantString(x)) != "" {
				out = append(out, x)
			}
		}
		return out
	}
	if strings.TrimSpace(object.ToInvariantString(v)) == "" {
		return nil
	}
	return []any{v}
}
