package redirect

import (
	"slices"

	"github.com/exosim/exosim/shell/format"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
)

// Command is a running command as its streams see it. A record it writes
// on streams 2 to 6 goes to the redirection of the nearest command in its
// chain of callers (itself first) that redirects that stream, else to the
// host.
type Command interface {
	// Redirections are the command's own.
	Redirections() *Set
	// Caller is the command whose code created this one; ok is false at
	// the top level.
	Caller() (c Command, ok bool)
	// Variables are the lists its -ErrorVariable and -WarningVariable
	// fill (nil when not given).
	Variables() (errs, warns *object.List)
	// Merge writes a record merged into the command's output (n>&1), not
	// what -OutVariable collects.
	Merge(rec any) error
}

// Host is what the stream writers need of the session.
type Host interface {
	// Preference is a preference variable's value as an ActionPreference
	// name.
	Preference(name string) string
	// RecordError adds a record to $Error.
	RecordError(rec *object.ErrorRecord)
	// ShowError displays an error record on the host.
	ShowError(rec *object.ErrorRecord)
	// WriteStream writes one line of an output stream to the host.
	WriteStream(s format.Stream, line string)
}

// Deliver hands rec, written on stream s by c, to the redirection in
// effect for c; handled is false when no command redirects the stream.
func Deliver(c Command, s int, rec any) (handled bool, err error) {
	for q, ok := c, true; ok; q, ok = q.Caller() {
		t := q.Redirections().Of(s)
		if t == nil {
			continue
		}
		if t.Merge {
			return true, q.Merge(rec)
		}
		return true, t.File.Emit(rec)
	}
	return false, nil
}

// collect adds rec to the variable lists (-ErrorVariable or
// -WarningVariable, as list picks) of c and of the commands whose code
// runs it, up to the first that redirects stream s: the record flows out
// through their streams.
func collect(c Command, s int, rec any, list func(Command) *object.List) {
	var seen []*object.List
	for q, ok := c, true; ok; q, ok = q.Caller() {
		if l := list(q); l != nil && !slices.Contains(seen, l) {
			l.Append(rec)
			seen = append(seen, l)
		}
		if q.Redirections().Of(s) != nil {
			return
		}
	}
}

func errorList(c Command) *object.List   { l, _ := c.Variables(); return l }
func warningList(c Command) *object.List { _, l := c.Variables(); return l }

// WriteError handles a non-terminating error c writes under its
// -ErrorAction (action; "" for $ErrorActionPreference): Stop makes it
// terminating, Ignore drops it, otherwise it goes to $Error and the
// -ErrorVariable lists, and unless SilentlyContinue to the redirection in
// effect for origin (the command that wrote it on c's behalf, c itself
// usually) or the host.
func WriteError(h Host, c, origin Command, action string, rec *object.ErrorRecord) error {
	if action == "" {
		action = h.Preference("ErrorActionPreference")
	}
	if action == "Stop" {
		return &pserror.Error{Record: rec, ScriptTerminating: true}
	}
	if action != "Ignore" {
		h.RecordError(rec)
		collect(c, Error, rec, errorList)
	}
	if action == "SilentlyContinue" || action == "Ignore" {
		return nil
	}
	if handled, err := Deliver(origin, Error, rec); handled {
		return err
	}
	if action == "Continue" || action == "Inquire" || action == "" {
		h.ShowError(rec)
	}
	return nil
}

// WriteWarning writes a warning under c's -WarningAction (action; "" for
// $WarningPreference): unless ignored it fills the -WarningVariable
// lists, and unless hidden it goes to a redirection or the host.
func WriteWarning(h Host, c Command, action, msg string) error {
	if action == "" {
		action = h.Preference("WarningPreference")
	}
	rec := &object.WarningRecord{Message: msg}
	if action != "Ignore" {
		collect(c, Warning, rec, warningList)
	}
	if action == "SilentlyContinue" || action == "Ignore" {
		return nil
	}
	if handled, err := Deliver(c, Warning, rec); handled {
		return err
	}
	h.WriteStream(format.Warning, "WARNING: "+msg)
	return nil
}

// WriteVerbose writes a verbose message when -Verbose is on or
// $VerbosePreference is Continue.
func WriteVerbose(h Host, c Command, on bool, msg string) error {
	if !on && h.Preference("VerbosePreference") != "Continue" {
		return nil
	}
	if handled, err := Deliver(c, Verbose, &object.VerboseRecord{Message: msg}); handled {
		return err
	}
	h.WriteStream(format.Verbose, "VERBOSE: "+msg)
	return nil
}

// WriteDebug writes a debug message when -Debug is on or $DebugPreference
// is Continue.
func WriteDebug(h Host, c Command, on bool, msg string) error {
	if !on && h.Preference("DebugPreference") != "Continue" {
		return nil
	}
	if handled, err := Deliver(c, Debug, &object.DebugRecord{Message: msg}); handled {
		return err
	}
	h.WriteStream(format.Debug, "DEBUG: "+msg)
	return nil
}

// WriteInformation writes an information record under c's
// -InformationAction (action; "" for $InformationPreference): Write-Host's
// (tagged PSHOST) are shown unless redirected or ignored, others only
// when the action is Continue; a redirection takes every record that is
// not ignored.
func WriteInformation(h Host, c Command, action string, rec *object.InformationRecord) error {
	if action == "" {
		action = h.Preference("InformationPreference")
	}
	if action == "Ignore" {
		return nil
	}
	if handled, err := Deliver(c, Information, rec); handled {
		return err
	}
	if rec.HasTag("PSHOST") || action == "Continue" {
		h.WriteStream(format.Host, rec.String())
	}
	return nil
}
