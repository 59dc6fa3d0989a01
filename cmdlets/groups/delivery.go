package groups

import (
	"errors"
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/mailbox"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/groups"
)

// exRecipientTask is the exception of the service's refusals of a
// recipient a delivery setting names.
const exRecipientTask = "Microsoft.Exchange.Management.Tasks.RecipientTaskException"

// senderKind is what a delivery setting accepts.
type senderKind int

const (
	// individuals: mailboxes, mail users and mail contacts
	individuals senderKind = iota
	// groupsOnly: distribution, mail-enabled security, Microsoft 365 and
	// dynamic distribution groups
	groupsOnly
	// sendersOrMembers: either, kept apart by kind
	sendersOrMembers
	// delegates: mailboxes, mail users and mail-enabled groups (those
	// who may send on behalf of the group)
	delegates
)

// deliveryList is a Set-DistributionGroup parameter that lists
// recipients: the lists of the group it changes (one, or the individuals'
// and the groups' lists of a ...SendersOrMembers parameter).
type deliveryList struct {
	param              string
	kind               senderKind
	individual, groupL func(g *groups.Group) *[]groups.Member
}

// deliveryLists are the recipient lists of Set-DistributionGroup's
// delivery settings.
var deliveryLists = []deliveryList{
	{"AcceptMessagesOnlyFrom", individuals, func(g *groups.Group) *[]groups.Member { return &g.AcceptMessagesOnlyFrom }, nil},
	{"AcceptMessagesOnlyFromDLMembers", groupsOnly, nil, func(g *groups.Group) *[]groups.Member { return &g.AcceptMessagesOnlyFromDLMembers }},
	{"AcceptMessagesOnlyFromSendersOrMembers", sendersOrMembers, func(g *groups.Group) *[]groups.Member { return &g.AcceptMessagesOnlyFrom },
		func(g *groups.Group) *[]groups.Member { return &g.AcceptMessagesOnlyFromDLMembers }},
	{"RejectMessagesFrom", individuals, func(g *groups.Group) *[]groups.Member { return &g.RejectMessagesFrom }, nil},
	{"RejectMessagesFromDLMembers", groupsOnly, nil, func(g *groups.Group) *[]groups.Member { return &g.RejectMessagesFromDLMembers }},
	{"RejectMessagesFromSendersOrMembers", sendersOrMembers, func(g *groups.Group) *[]groups.Member { return &g.RejectMessagesFrom },
		func(g *groups.Group) *[]groups.Member { return &g.RejectMessagesFromDLMembers }},
	{"BypassModerationFromSendersOrMembers", sendersOrMembers, func(g *groups.Group) *[]groups.Member { return &g.BypassModerationFrom },
		func(g *groups.Group) *[]groups.Member { return &g.BypassModerationFromDLMembers }},
	{"GrantSendOnBehalfTo", delegates, func(g *groups.Group) *[]groups.Member { return &g.GrantSendOnBehalfTo }, nil},
}

// conflictingRestrictions are the parameters that set the same lists as
// a ...SendersOrMembers one and so can't come with it.
var conflictingRestrictions = [][2]string{
	{"AcceptMessagesOnlyFromSendersOrMembers", "AcceptMessagesOnlyFrom"},
	{"AcceptMessagesOnlyFromSendersOrMembers", "AcceptMessagesOnlyFromDLMembers"},
	{"RejectMessagesFromSendersOrMembers", "RejectMessagesFrom"},
	{"RejectMessagesFromSendersOrMembers", "RejectMessagesFromDLMembers"},
}

// restrictionConflict is the service's refusal of two parameters that set
// the same delivery restriction, or nil.
func restrictionConflict(ctx *command.Context) *object.ErrorRecord {
	for _, c := range conflictingRestrictions {
		if ctx.Has(c[0]) && ctx.Has(c[1]) {
			return exo.Error(ctx, exRecipientTask, fmt.Sprintf("The \"%s\" and \"%s\" parameters can't be specified at the same time.", c[0], c[1]), object.InvalidArgument, nil)
		}
	}
	return nil
}

// sender is a recipient a delivery setting names.
type sender struct {
	m       groups.Member
	name    string
	dynamic bool
}

// resolveSender finds the recipient an identity names: a mailbox or mail
// user, a group, a mail contact or a dynamic distribution group.
func resolveSender(ctx *command.Context, tx *store.Tx, v string) (sender, *object.ErrorRecord, error) {
	m, name, rec, err := resolveMember(ctx, tx, v)
	if err != nil || rec == nil {
		return sender{m: m, name: name}, nil, err
	}
	id, shown := mailbox.IdentityString(v)
	ds, err := groups.FindDynamic(tx, id)
	if err != nil || len(ds) == 0 {
		return sender{}, rec, err
	}
	d, rec := exo.One(ctx, shown, ds)
	if rec != nil {
		return sender{}, rec, nil
	}
	return sender{m: groups.Member{ID: d.Guid, Kind: groups.MemberGroup}, name: d.Name, dynamic: true}, nil, nil
}

// admits is the service's refusal of a recipient a list of this kind
// can't hold (nil: it can).
func (k senderKind) admits(ctx *command.Context, tx *store.Tx, s sender, given string) (*object.ErrorRecord, error) {
	isGroup := s.m.Kind == groups.MemberGroup
	switch k {
	case individuals:
		if isGroup {
			return exo.Error(ctx, exRecipientTask, fmt.Sprintf("\"%s\" isn't an individual recipient.", given), object.InvalidArgument, given), nil
		}
	case groupsOnly:
		if !isGroup {
			return exo.Error(ctx, exRecipientTask, fmt.Sprintf("\"%s\" isn't a group.", given), object.InvalidArgument, given), nil
		}
	case delegates:
		if s.m.Kind == groups.MemberContact || s.dynamic {
			return exo.Error(ctx, exRecipientTask, fmt.Sprintf("You can't grant SendOnBehalfTo to \"%s\". You can only grant SendOnBehalfTo to mailboxes, mail users, security groups, distribution groups  (if you enabled automatic conversion of universal distribution groups to universal security groups), or mail contacts with MasterAccountSid.", given), object.InvalidArgument, given), nil
		}
	}
	return nil, nil
}

// resolveSenders resolves the identities a parameter gives; check says
// whether each must be one the list admits (the ones to remove need not
// be).
func resolveSenders(ctx *command.Context, tx *store.Tx, l deliveryList, values []string, check bool) ([]sender, *object.ErrorRecord, error) {
	var out []sender
	for _, v := range values {
		s, rec, err := resolveSender(ctx, tx, v)
		if err != nil || rec != nil {
			return nil, rec, err
		}
		for _, o := range out {
			if strings.EqualFold(o.m.ID, s.m.ID) {
				return nil, exo.Error(ctx, exRecipientTask, fmt.Sprintf("The parameter \"%s\" contains the following duplicated recipient identity: \"%s\".", l.param, s.name), object.InvalidArgument, v), nil
			}
		}
		if check {
			if rec, err := l.kind.admits(ctx, tx, s, v); err != nil || rec != nil {
				return nil, rec, err
			}
		}
		out = append(out, s)
	}
	return out, nil, nil
}

// applyDeliveryLists applies the recipient lists of the delivery
// settings: a list replaces (a ...SendersOrMembers list both of its
// lists), @{Add=...;Remove=...} changes them.
func applyDeliveryLists(ctx *command.Context, tx *store.Tx, g *groups.Group) (*object.ErrorRecord, error) {
	for _, l := range deliveryLists {
		if !ctx.Has(l.param) {
			continue
		}
		add, remove, replace, err := mailbox.ReadMultiValued(object.Unwrap(ctx.Value(l.param)))
		if err != nil {
			return exo.Invalid(ctx, err.Error(), g.Name), nil
		}
		adds, rec, err := resolveSenders(ctx, tx, l, add, true)
		if err != nil || rec != nil {
			return rec, err
		}
		removes, rec, err := resolveSenders(ctx, tx, l, remove, false)
		if err != nil || rec != nil {
			return rec, err
		}
		for _, target := range []struct {
			field      func(*groups.Group) *[]groups.Member
			groupsOnly bool
		}{{l.individual, false}, {l.groupL, true}} {
			if target.field == nil {
				continue
			}
			list := target.field(g)
			var next []groups.Member
			if !replace {
				next = append(next, *list...)
			}
			for _, s := range adds {
				// a ...SendersOrMembers list keeps groups apart
				if l.kind == sendersOrMembers && (s.m.Kind == groups.MemberGroup) != target.groupsOnly {
					continue
				}
				if !hasMember(next, s.m.ID) {
					next = append(next, s.m)
				}
			}
			kept := next[:0:0]
			for _, m := range next {
				drop := false
				for _, s := range removes {
					drop = drop || strings.EqualFold(s.m.ID, m.ID)
				}
				if !drop {
					kept = append(kept, m)
				}
			}
			*list = kept
		}
	}
	return nil, nil
}

// applyDeliverySettings applies the delivery settings that are not
// recipient lists: delivery reports, out-of-office replies, the MailTip,
// the simple display name and the extension custom attributes.
func applyDeliverySettings(ctx *command.Context, g *groups.Group) *object.ErrorRecord {
	for _, b := range []struct {
		param string
		set   func(bool)
	}{
		{"ReportToManagerEnabled", func(v bool) { g.ReportToManagerEnabled = v }},
		{"ReportToOriginatorEnabled", func(v bool) { g.ReportToOriginatorOff = !v }},
		{"SendOofMessageToOriginatorEnabled", func(v bool) { g.SendOofMessageToOriginatorEnabled = v }},
	} {
		if ctx.Has(b.param) {
			b.set(ctx.Bool(b.param))
		}
	}
	if ctx.Has("SimpleDisplayName") {
		v := ctx.String("SimpleDisplayName")
		if rec := simpleNameProblem(ctx, v); rec != nil {
			return rec
		}
		g.SimpleDisplayName = v
	}
	for i := 1; i <= 5; i++ {
		name := fmt.Sprintf("ExtensionCustomAttribute%d", i)
		if !ctx.Has(name) {
			continue
		}
		vs, rec := extensionValues(ctx, name, g.ExtensionCustomAttribute(i))
		if rec != nil {
			return rec
		}
		g.SetExtensionCustomAttribute(i, vs)
	}
	tip, tr, rec := mailTipChange(ctx, g.MailTip, g.MailTipTranslations)
	if rec != nil {
		return rec
	}
	g.MailTip, g.MailTipTranslations = tip, tr
	if ctx.Switch("HiddenGroupMembershipEnabled") {
		// hidden once, the membership can't be shown again
		g.HiddenGroupMembershipEnabled = true
	}
	return nil
}

// extensionValues applies an ExtensionCustomAttribute argument (a list, or
// @{Add=...;Remove=...}) to the current values; at most 1300 values.
func extensionValues(ctx *command.Context, name string, cur []string) ([]string, *object.ErrorRecord) {
	vs, err := mailbox.ApplyMultiValued(ctx.Value(name), cur)
	if err != nil {
		return nil, exo.Invalid(ctx, err.Error(), name)
	}
	if len(vs) > 1300 {
		return nil, exo.Invalid(ctx, name+" can hold at most 1300 values.", name)
	}
	return vs, nil
}

// simpleNameProblem is the refusal of a SimpleDisplayName with characters
// Exchange does not allow there, or nil.
func simpleNameProblem(ctx *command.Context, v string) *object.ErrorRecord {
	if validSimpleName(v) {
		return nil
	}
	return exo.Invalid(ctx, fmt.Sprintf("The SimpleDisplayName \"%s\" contains characters that aren't allowed. Use letters, numbers, spaces and \" ' ( ) + , - . / : ?", v), v)
}

// mailTipChange applies -MailTip and -MailTipTranslations to a
// recipient's MailTip and translations (see mailTips).
func mailTipChange(ctx *command.Context, tip string, tr []string) (string, []string, *object.ErrorRecord) {
	var newTip *string
	var newTr any
	if ctx.Command.Param("MailTip") != nil && ctx.Has("MailTip") {
		v := ctx.String("MailTip")
		newTip = &v
	}
	trSet := ctx.Command.Param("MailTipTranslations") != nil && ctx.Has("MailTipTranslations")
	if trSet {
		newTr = ctx.Value("MailTipTranslations")
	}
	if newTip == nil && !trSet {
		return tip, tr, nil
	}
	tip, tr, err := mailTips(tip, tr, newTip, newTr, trSet)
	var bad *mailTipError
	switch {
	case errors.As(err, &bad) && bad.tooLong:
		return "", nil, exo.Error(ctx, "Microsoft.Exchange.Data.DataValidationException", bad.msg, object.InvalidData, nil)
	case errors.As(err, &bad):
		return "", nil, exo.Error(ctx, exRecipientTask, bad.msg, object.InvalidArgument, nil)
	case err != nil:
		return "", nil, exo.Invalid(ctx, err.Error(), "MailTipTranslations")
	}
	return tip, tr, nil
}

// mailTipError is a MailTip Exchange refuses: one too long (a data
// validation error) or against the translation rules.
type mailTipError struct {
	msg     string
	tooLong bool
}

func (e *mailTipError) Error() string { return e.msg }

// maxMailTip is the most characters a MailTip shows.
const maxMailTip = 175

// mailTips is the MailTip rule: the MailTip (kept as
// <html><body>text</body></html>) is the default translation
// ("default:text") of its translations ("culture:text"); translations
// need a default one and one a culture; the default MailTip can't go
// while other translations remain; no text is longer than 175 characters.
// newTip is -MailTip's value (nil: not given), newTr -MailTipTranslations'
// (a list or @{Add;Remove}) when trSet.
func mailTips(tip string, tr []string, newTip *string, newTr any, trSet bool) (string, []string, error) {
	refuse := func(msg string) (string, []string, error) { return "", nil, &mailTipError{msg: msg} }
	next := tr
	if trSet {
		vs, err := mailbox.ApplyMultiValued(newTr, tr)
		if err != nil {
			return "", nil, err
		}
		seen := map[string]bool{}
		for _, t := range vs {
			given, text, ok := strings.Cut(t, ":")
			culture := strings.ToLower(strings.TrimSpace(given))
			if !ok || culture == "" {
				return refuse("A MailTip translation must consist of a Language Culture Name, followed by a colon (:), followed by the MailTip itself. In case a translation is not available, one MailTip translation must be the default translation (use the prefix \"default:\" for that translation).")
			}
			switch {
			case culture == "default" && (newTip != nil || seen[culture]):
				return refuse("More than one culture-neutral MailTip translation was specified.")
			case seen[culture]:
				return refuse(fmt.Sprintf("More than one MailTip translation was specified for the \"%s\" culture.", strings.TrimSpace(given)))
			}
			if err := mailTipLength(text); err != nil {
				return "", nil, err
			}
			seen[culture] = true
		}
		if len(vs) > 0 && newTip == nil && !seen["default"] {
			return refuse("You can't set MailTipTranslations without setting a default MailTip.")
		}
		next = vs
	}
	if newTip != nil {
		v := *newTip
		if err := mailTipLength(v); err != nil {
			return "", nil, err
		}
		var kept []string
		for _, t := range next {
			if !strings.HasPrefix(strings.ToLower(t), "default:") {
				kept = append(kept, t)
			}
		}
		if v == "" {
			if len(kept) > 0 {
				return refuse("You can't remove the default MailTip while MailTipTranslations still exists.")
			}
			return "", nil, nil
		}
		return "<html><body>" + v + "</body></html>", append([]string{"default:" + v}, kept...), nil
	}
	if len(next) == 0 {
		// no translation left: no MailTip either
		return "", nil, nil
	}
	for _, t := range next {
		if culture, text, _ := strings.Cut(t, ":"); strings.EqualFold(strings.TrimSpace(culture), "default") {
			tip = "<html><body>" + text + "</body></html>"
		}
	}
	return tip, next, nil
}

// mailTipLength refuses a MailTip longer than Exchange shows.
func mailTipLength(text string) error {
	if len([]rune(text)) <= maxMailTip {
		return nil
	}
	return &mailTipError{msg: fmt.Sprintf("A MailTip can't exceed %d displayed characters.", maxMailTip), tooLong: true}
}
