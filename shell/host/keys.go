package host

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// The keys Set-PSReadLineKeyHandler can rebind in exosim's editor, by
// PSReadLine's names, and the editing functions they can be bound to, by
// PSReadLine's names, with the editor's own name for each.
var (
	keyNames = lazy.Value[map[string]string]{Build: func() map[string]string {
		return map[string]string{
			"tab": "Tab", "shift+tab": "Shift+Tab", "uparrow": "UpArrow", "downarrow": "DownArrow",
			"ctrl+spacebar": "Ctrl+Spacebar", "ctrl+r": "Ctrl+r", "ctrl+s": "Ctrl+s",
		}
	}}
	editFunctions = lazy.Value[map[string]string]{Build: func() map[string]string {
		return map[string]string{
			"menucomplete": "menuComplete", "complete": "complete", "tabcompletenext": "completeNext",
			"tabcompleteprevious": "completePrev", "previoushistory": "prevHistory", "nexthistory": "nextHistory",
			"reversesearchhistory": "search", "forwardsearchhistory": "searchForward", "clearscreen": "clearScreen",
			"beginningofline": "home", "endofline": "end", "undo": "undo", "yank": "yank",
		}
	}}
)

// KeyBinding checks a key binding (PSReadLine's names for the key and the
// function, any case) against what exosim's line editor can do, and
// returns the key's canonical name and the editor's name for the
// function; a key or function the editor lacks is an error naming it.
func KeyBinding(keyName, function string) (key, editorFunction string, err error) {
	k, ok := keyNames.Get()[strings.ToLower(keyName)]
	if !ok {
		return "", "", fmt.Errorf("exosim's line editor cannot rebind the key '%s' (it can rebind Tab, Shift+Tab, UpArrow, DownArrow, Ctrl+Spacebar, Ctrl+r and Ctrl+s): the key handler was not set", keyName)
	}
	fn, ok := editFunctions.Get()[strings.ToLower(function)]
	if !ok {
		return "", "", fmt.Errorf("exosim's line editor does not have the function '%s': the key handler for %s was not set", function, k)
	}
	return k, fn, nil
}
