package module

import (
	"sort"
	"strings"
)

// approvedVerbs are PowerShell's approved verbs (Get-Verb), lower case
// and sorted. A literal: declaring it runs no code.
var approvedVerbs = [...]string{"add", "approve", "assert", "backup", "block", "build", "checkpoint", "clear",
	"close", "compare", "complete", "compress", "confirm", "connect", "convert", "convertfrom", "convertto", "copy",
	"debug", "deny", "deploy", "disable", "disconnect", "dismount", "edit", "enable", "enter", "exit", "expand",
	"export", "find", "format", "get", "grant", "group", "hide", "import", "initialize", "install", "invoke", "join",
	"limit", "lock", "measure", "merge", "mount", "move", "new", "open", "optimize", "out", "ping", "pop", "protect",
	"publish", "push", "read", "receive", "redo", "register", "remove", "rename", "repair", "request", "reset",
	"resize", "resolve", "restart", "restore", "resume", "revoke", "save", "search", "select", "send", "set", "show",
	"skip", "split", "start", "step", "stop", "submit", "suspend", "switch", "sync", "test", "trace", "unblock",
	"undo", "uninstall", "unlock", "unprotect", "unpublish", "unregister", "update", "use", "wait", "watch", "write"}

// ApprovedVerb reports whether verb is one of PowerShell's approved
// verbs, ignoring case.
func ApprovedVerb(verb string) bool {
	v := strings.ToLower(verb)
	i := sort.SearchStrings(approvedVerbs[:], v)
	return i < len(approvedVerbs) && approvedVerbs[i] == v
}

// restrictedNounChars are the characters a command's noun should not
// hold (Import-Module warns of them).
const restrictedNounChars = "#,(){}[]&-/\\$^;:\"'<>|?@`*%+=~"

// NameCheck checks the names of the commands Import-Module imports from
// a module, as it does: a name whose verb is not approved, or whose noun
// holds a restricted character, is a verbose line naming it, and the
// first of each kind also a warning (unless name checking is off).
type NameCheck struct {
	// Module is the module's name.
	Module                 string
	verbWarned, nounWarned bool
}

// Check returns the warnings and verbose lines for the command name.
func (c *NameCheck) Check(name string) (warnings, verbose []string) {
	verb, noun, ok := SplitName(name)
	if !ok {
		return nil, nil
	}
	if !ApprovedVerb(verb) && !strings.EqualFold(name, "Sort-Object") && !strings.EqualFold(name, "Tee-Object") {
		if !c.verbWarned {
			c.verbWarned = true
			warnings = append(warnings, "The names of some imported commands from the module '"+c.Module+"' include unapproved verbs that might make them less discoverable. To find the commands with unapproved verbs, run the Import-Module command again with the Verbose parameter. For a list of approved verbs, type Get-Verb.")
		}
		// PowerShell's text lacks the quote before the module's name
		verbose = append(verbose, "The '"+name+"' command in the "+c.Module+"' module was imported, but because its name does not include an approved verb, it might be difficult to find. For a list of approved verbs, type Get-Verb.")
	}
	if strings.ContainsAny(noun, restrictedNounChars) {
		if !c.nounWarned {
			c.nounWarned = true
			warnings = append(warnings, "Some imported command names contain one or more of the following restricted characters: # , ( ) { } [ ] & - / \\ $ ^ ; : \" ' < > | ? @ ` * % + = ~")
		}
		verbose = append(verbose, "The command name '"+name+"' from the module '"+c.Module+"' contains one or more of the following restricted characters: # , ( ) { } [ ] & - / \\ $ ^ ; : \" ' < > | ? @ ` * % + = ~")
	}
	return warnings, verbose
}
