package ome

import (
	"fmt"
	"time"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/ome"
)

// Type names of Get-OMEMessageStatus output. A revoked message carries the
// extra, more derived name whose default view is the success sentence.
const (
	TypeMessageStatus        = "Microsoft.Exchange.Management.OME.OMEMessageStatus"
	TypeMessageStatusRevoked = TypeMessageStatus + "#Revoked"
)

func messageCommands() []*command.Command {
	const messageIDHelp = "The full Message-ID header value of the message, angle brackets included."

	get := exo.Declared("Get-OMEMessageStatus")
	get.Synopsis = "Shows whether encryption of a sent message can be revoked and whether it was."
	get.OutputType = TypeMessageStatus
	exo.Describe(get, map[string]string{
		"MessageId": messageIDHelp,
	})
	get.Handler.Process = getMessageStatus

	set := exo.Declared("Set-OMEMessageRevocation")
	set.Synopsis = "Revokes Message Encryption for a sent message so portal recipients can no longer read it."
	exo.Describe(set, map[string]string{
		"MessageId": messageIDHelp,
		"Revoke":    "$true revokes encryption for the message; $false leaves it as it is.",
	})
	set.Handler.Process = setMessageRevocation
	return []*command.Command{get, set}
}

func getMessageStatus(ctx *command.Context) error {
	id := ctx.String("MessageId")
	var out *object.PSObject
	done, err := exo.Read(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, err := ome.GetMessage(tx, id)
		if err != nil {
			return nil, err
		}
		ok, err := ome.IsRevocable(tx, m)
		if err != nil {
			return nil, err
		}
		out = MessageStatusObject(m, ok)
		return nil, nil
	})
	if err != nil || !done {
		return err
	}
	return ctx.WriteObject(out)
}

// revocationDecision is what Set-OMEMessageRevocation does with a message.
type revocationDecision int

const (
	decideRevoke       revocationDecision = iota // revoke it now
	decideNothing                                // nothing to do, no output
	decideWarnUnrevoke                           // -Revoke $false on a revoked message: a warning, it stays revoked
	decideNotRevocable                           // error: recipients all inline or internal
	decideNoAME                                  // error: tenant lacks Advanced Message Encryption
	decideNotEncrypted                           // error: the message isn't encrypted
)

// decideRevocation applies the admin revocation rules to a message.
func decideRevocation(m *ome.Message, hasAME, revoke bool) revocationDecision {
	switch {
	case !revoke && m.Revoked:
		return decideWarnUnrevoke
	case !revoke:
		return decideNothing
	case !m.Encrypted:
		return decideNotEncrypted
	case !hasAME:
		return decideNoAME
	case !ome.Revocable(m, hasAME):
		return decideNotRevocable
	case m.Revoked:
		return decideNothing
	}
	return decideRevoke
}

func setMessageRevocation(ctx *command.Context) error {
	id := ctx.String("MessageId")
	revoke := ctx.Bool("Revoke")
	var warning string
	_, err := exo.Write(ctx, id, func(tx *store.Tx) (*object.ErrorRecord, error) {
		m, err := ome.GetMessage(tx, id)
		if err != nil {
			return nil, err
		}
		ame, err := directory.HasAdvancedMessageEncryption(tx)
		if err != nil {
			return nil, err
		}
		switch decideRevocation(m, ame, revoke) {
		case decideWarnUnrevoke:
			warning = fmt.Sprintf("The message with Message ID '%s' has already been revoked. A revoked message can't be restored, so it stays revoked.", m.MessageID)
			return nil, nil
		case decideNothing:
			return nil, nil
		case decideNotEncrypted, decideNotRevocable:
			return exo.StoreError(ctx, &ome.NotRevocableError{MessageID: m.MessageID}, ""), nil
		case decideNoAME:
			return exo.StoreError(ctx, &ome.NoAMELicenseError{Feature: "Message revocation"}, m.MessageID), nil
		}
		_, _, err = ome.SetMessageRevocation(tx, m.MessageID, true, exo.Caller(runtime.Of(ctx)))
		return nil, err
	})
	if err != nil {
		return err
	}
	if warning != "" {
		ctx.WriteWarning(warning)
	}
	return nil
}

// MessageStatusObject is the Get-OMEMessageStatus object of a message.
func MessageStatusObject(m *ome.Message, revocable bool) *object.PSObject {
	names := []string{TypeMessageStatus, "System.Object"}
	if m.Revoked {
		names = append([]string{TypeMessageStatusRevoked}, names...)
	}
	o := object.NewObject(names...)
	o.AddTyped("MessageId", "System.String", m.MessageID)
	o.AddTyped("Subject", "System.String", m.Subject)
	o.AddTyped("Sender", "System.String", m.Sender)
	var rcpts []string
	for _, r := range m.Recipients {
		rcpts = append(rcpts, r.Address)
	}
	o.AddTyped("Recipients", "System.String[]", dotnet.Strings(rcpts))
	o.AddTyped("SentTime", "System.DateTime", m.SentTime.UTC())
	o.AddTyped("Encrypted", "System.Boolean", m.Encrypted)
	o.AddTyped("ProtectionOption", "System.String", m.ProtectionOption)
	o.AddTyped("BrandingTemplate", "System.String", m.BrandingTemplate)
	o.AddTyped("ExpiryTime", "System.Nullable`1[[System.DateTime]]", optTime(m.ExpiresAt))
	o.AddTyped("IsRevocable", "System.Boolean", revocable)
	o.AddTyped("Revoked", "System.Boolean", m.Revoked)
	// Who revoked it: the account (a message revoked before exosim kept
	// it shows Admin or Sender).
	by := m.Revoker
	if by == "" {
		by = m.RevokedBy
	}
	o.AddTyped("RevokedBy", "System.String", by)
	o.AddTyped("RevokedTime", "System.Nullable`1[[System.DateTime]]", optTime(m.RevokedAt))
	return o
}

func optTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return t.UTC()
}

// revokedSentence is the documented text shown for a revoked message.
func revokedSentence(subject, id string) string {
	return "The encrypted email with the subject \"" + subject + "\" and Message ID \"" + id + "\" was successfully revoked"
}

func messageViews(r *format.Registry) {
	r.Add(&format.View{
		Name:      "OMEMessageStatusRevoked",
		TypeNames: []string{TypeMessageStatusRevoked},
		Kind:      format.CustomView,
		Custom: func(v any, _ *format.Options) []string {
			return []string{revokedSentence(
				object.ToInvariantString(object.PropertyValue(v, "Subject")),
				object.ToInvariantString(object.PropertyValue(v, "MessageId")))}
		},
	})
}
