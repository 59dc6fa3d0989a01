package mobile

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/cmdlets/exo"
	"github.com/exosim/exosim/cmdlets/groups"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	mob "github.com/exosim/exosim/store/mobile"
)

// clearCommand is Clear-MobileDevice: a remote wipe request (full or
// account-only), or its cancellation.
func clearCommand() *command.Command {
	c := exo.Declared("Clear-MobileDevice")
	c.Synopsis = "Asks a mobile device to wipe its data (a remote wipe) the next time it synchronizes, or cancels the request."
	c.Description = "The request is recorded at once (DeviceWipeRequestTime, Status DeviceWipePending in Get-MobileDeviceStatistics). " +
		"A device that synchronized in the last 30 days picks it up at its next synchronization, 15 minutes later on the simulated clock: " +
		"DeviceWipeSentTime and DeviceWipeAckTime are set and Status is DeviceWipeSucceeded. A device silent for longer never picks it up. " +
		"Outlook on the web for devices and the Mail and Calendar app can't be wiped: their Status becomes DeviceBlocked. " +
		"-AccountOnly removes only the mailbox's data (the AccountOnlyDeviceWipe times); -Cancel withdraws a request the device hasn't acknowledged."
	c.ConfirmImpact = command.ImpactHigh
	c.Examples = []command.Example{
		{Code: `Get-MobileDevice -Mailbox alexw | Clear-MobileDevice -NotificationEmailAddresses admin@contoso.com -Confirm:$false`, Remark: "Wipes Alex's devices and tells the administrator when each has done it."},
		{Code: `Get-MobileDevice -Mailbox alexw | Clear-MobileDevice -Cancel -Confirm:$false`, Remark: "Withdraws the wipe requests the devices haven't picked up."},
	}
	exo.Describe(c, map[string]string{
		"Identity":                   `The device: <mailbox>\ExchangeActiveSyncDevices\<name>, its distinguished name or GUID.`,
		"AccountOnly":                "Wipes only the mailbox's data from the device, not the whole device.",
		"Cancel":                     "Cancels a wipe request the device hasn't acknowledged yet.",
		"NotificationEmailAddresses": "Addresses told when the device acknowledges the wipe.",
	})
	c.Handler.Process = clearDevice
	return c
}

// wipeConfirmation is the question Exchange asks before a remote wipe.
const wipeConfirmation = "This command will force all the data on the device to be permanently deleted. Do you want to continue?"

func clearDevice(ctx *command.Context) error {
	cancel, accountOnly := ctx.Switch("Cancel"), ctx.Switch("AccountOnly")
	var notify []string
	for _, a := range exo.ValueStrings(object.Unwrap(ctx.Value("NotificationEmailAddresses"))) {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if !groups.ValidSmtp(a) {
			// an address that isn't one is left out, with a warning
			ctx.WriteWarning(fmt.Sprintf("The notification email address \"%s\" isn't a valid SMTP address. No notification will be sent to it.", a))
			continue
		}
		notify = append(notify, a)
	}
	var o owned
	var requestor string
	plan := func(tx *store.Tx) (*object.ErrorRecord, error) {
		var rec *object.ErrorRecord
		var err error
		o, rec, err = findDevice(ctx, tx, ctx.Value("Identity"), false)
		if err != nil || rec != nil {
			return rec, err
		}
		requestor, err = callerAddress(ctx, tx)
		return nil, err
	}
	prompt := func() (string, string) {
		if cancel {
			return fmt.Sprintf("Performing the operation \"Clear-MobileDevice\" on target \"%s\".", o.identity()), o.identity()
		}
		return wipeConfirmation, o.identity()
	}
	canceled := true
	_, err := exo.Confirmed(ctx, "", plan, prompt, func(tx *store.Tx) (*object.ErrorRecord, error) {
		if cancel {
			var err error
			canceled, err = mob.CancelWipe(tx, o.d, accountOnly)
			return nil, err
		}
		return nil, mob.RequestWipe(tx, o.d, accountOnly, requestor, notify)
	})
	if err == nil && !canceled {
		ctx.WriteWarning(fmt.Sprintf("The mobile device \"%s\" has no pending remote wipe request to cancel.", o.identity()))
	}
	return err
}

// callerAddress is the primary address of the mailbox of who runs the
// command ("" when they have none): Exchange records it as the wipe's
// requestor.
func callerAddress(ctx *command.Context, tx *store.Tx) (string, error) {
	ms, err := directory.ResolveMailboxes(tx, exo.Caller(runtime.Of(ctx)), directory.ScopeActive)
	if store.IsNotFound(err) || err == nil && len(ms) != 1 {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return ms[0].PrimarySmtpAddress, nil
}
