package sim

import (
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/rbac"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
)

// The simulator's trainer role. Simulator cmdlets that change the
// simulation itself need it: Set-SimClock, Reset-SimTenant,
// Add-SimMailboxes, Switch-SimUser, Send-SimMessage from someone else's
// address and Set-SimItemLabel on someone else's mailbox. Everyone may
// run the ones that only read or that stand for their own actions:
// Get-SimClock, Get-SimPortalView, Get-SimLab, Test-SimLab,
// Get-SimLabHint, Send-SimMessage from their own address or from a
// mailbox they hold Send As on or may send on behalf of (audit.go),
// Set-SimItemLabel on their own mailbox and Invoke-SimSenderRevocation of
// their own messages. The role is membership of rbac.TrainerGroup.

// requireTrainer fails the invocation unless the signed-in user holds the
// trainer role; what names the action refused ("" for the cmdlet).
func requireTrainer(ctx *command.Context, what string) error {
	if rbac.IsTrainer(runtime.Of(ctx)) {
		return nil
	}
	return ctx.Fail(trainerError(ctx, what))
}

// trainerError is the refusal of a simulator action outside the caller's
// roles.
func trainerError(ctx *command.Context, what string) *object.ErrorRecord {
	if what == "" {
		what = ctx.Command.Name
	}
	msg := what + " changes the simulation itself, which only a trainer may do (a member of the " + rbac.TrainerGroup +
		" role group); you're signed in as " + exo.Caller(runtime.Of(ctx)) + "."
	return ctx.NewError(msg, "SimulatorTrainerRoleRequired", object.PermissionDenied, "UnauthorizedAccessException", nil)
}

// ownsAddress reports whether address is the signed-in user's: their UPN
// or an address of their mailbox.
func ownsAddress(tx *store.Tx, caller, address string) bool {
	if strings.EqualFold(caller, address) {
		return true
	}
	users, err := directory.FindUsersByUPN(tx, caller)
	if err != nil {
		return false
	}
	for _, u := range users {
		if u.MailboxGuid == "" {
			continue
		}
		if m, err := directory.GetMailbox(tx, u.MailboxGuid); err == nil {
			for _, a := range m.SmtpAddresses() {
				if strings.EqualFold(a, address) {
					return true
				}
			}
		}
	}
	return false
}

// ownsMailbox reports whether the mailbox with this Guid is the signed-in
// user's.
func ownsMailbox(tx *store.Tx, caller, guid string) bool {
	users, err := directory.FindUsersByUPN(tx, caller)
	if err != nil {
		return false
	}
	for _, u := range users {
		if u.State == directory.UserActive && strings.EqualFold(u.MailboxGuid, guid) {
			return true
		}
	}
	return false
}
