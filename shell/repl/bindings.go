package repl

import "github.com/exosim/exosim/shell/host"

// keyName is a key's name as keyNames spells it ("" for others).
func keyName(k key) string {
	switch {
	case k.name == kShiftTab:
		return "Shift+Tab"
	case k.name == kUp:
		return "UpArrow"
	case k.name == kDown:
		return "DownArrow"
	case k.name != "":
		return ""
	case k.r == '\t':
		return "Tab"
	case k.r == 0x00:
		return "Ctrl+Spacebar"
	case k.r == 0x12:
		return "Ctrl+r"
	case k.r == 0x13:
		return "Ctrl+s"
	}
	return ""
}

// BindKey binds a key (PSReadLine's name, e.g. Tab) to an editing function
// (PSReadLine's name, e.g. MenuComplete). A key or function the editor
// does not have is an error naming it; nothing changes then.
func (t *Terminal) BindKey(keyName, function string) error {
	k, fn, err := host.KeyBinding(keyName, function)
	if err != nil {
		return err
	}
	if t.Keys == nil {
		t.Keys = map[string]string{}
	}
	t.Keys[k] = fn
	return nil
}

// SetHistoryOptions applies PSReadLine's -HistoryNoDuplicates and
// -MaximumHistoryCount (a count of 0 keeps the current one).
func (t *Terminal) SetHistoryOptions(noDuplicates bool, max int) {
	if t.History == nil {
		return
	}
	t.History.NoDuplicates = noDuplicates
	if max > 0 {
		t.History.Max = max
	}
}
