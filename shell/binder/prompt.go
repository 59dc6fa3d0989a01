package binder

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/syntax"
)

// Console is the host a missing mandatory parameter is asked for on.
type Console interface {
	// Interactive reports whether someone can answer: false in a
	// NonInteractive session.
	Interactive() bool
	// Redirected reports whether the answers come from redirected input
	// rather than a terminal.
	Redirected() bool
	// ReadLine shows prompt and reads one answer (secret: not echoed).
	// From redirected input the end of the input is io.EOF.
	ReadLine(prompt string, secret bool) (string, error)
	// HostLine writes a line to the host.
	HostLine(line string)
}

// Prompt asks for the mandatory parameters missing from a command at
// pipeline position pipePos (from 0) and binds the answers into
// bindings, as PowerShell's console does: an array parameter takes one
// answer per line until an empty one, a SecureString is read unechoed,
// and "!?" shows the parameter's help message. In a NonInteractive
// session it is the MissingMandatoryParameter error naming them all. From
// redirected input the answers are read as pwsh's console host reads
// them; at the end of the input the host ends the prompt's row and
// cancels the whole prompt, which is again the error naming them all,
// and any other failure of a read there (a hidden line pwsh cannot read
// from redirected input stops the pipeline) is returned as it is.
func Prompt(ses Session, con Console, cmd *command.Command, invName string, ext syntax.Extent, pipePos int, missing []*params.Param, bindings map[string]any) error {
	missingAll := func() error {
		var names []string
		for _, p := range missing {
			names = append(names, " "+p.Name)
		}
		return Error(cmd, invName, ext, fmt.Sprintf("Cannot process command because of one or more missing mandatory parameters:%s.", strings.Join(names, "")), "MissingMandatoryParameter", object.InvalidArgument)
	}
	if !con.Interactive() {
		return missingAll()
	}
	// cancelled is a failed read from redirected input.
	cancelled := func(err error) error {
		if errors.Is(err, io.EOF) {
			con.HostLine("")
			return missingAll()
		}
		return err
	}
	con.HostLine("")
	con.HostLine(fmt.Sprintf("cmdlet %s at command pipeline position %d", cmd.Name, pipePos+1))
	con.HostLine("Supply values for the following parameters:")
	for _, p := range missing {
		if helpMessage(p) != "" {
			con.HostLine("(Type !? for Help.)")
			break
		}
	}
	// The answers are bound once all are given: a cancelled prompt binds
	// nothing.
	answers := map[string]any{}
	for _, p := range missing {
		var val any
		if p.Type != nil && p.Type.Array {
			var items []any
			for i := 0; ; i++ {
				line, err := promptLine(con, p, fmt.Sprintf("%s[%d]: ", p.Name, i), false)
				if err != nil && con.Redirected() {
					return cancelled(err)
				}
				if err != nil || line == "" {
					break
				}
				items = append(items, line)
			}
			val = items
		} else {
			secret := p.Type != nil && p.Type.Kind == params.KindSecureString
			line, err := promptLine(con, p, p.Name+": ", secret)
			if err != nil && con.Redirected() {
				return cancelled(err)
			}
			if err != nil {
				return Error(cmd, invName, ext, fmt.Sprintf("Cannot process command because of one or more missing mandatory parameters: %s.", p.Name), "MissingMandatoryParameter", object.InvalidArgument)
			}
			if secret {
				val = object.NewSecureString(line)
			} else {
				val = line
			}
		}
		cv, err := Convert(ses, cmd, invName, p, val, ext)
		if err != nil {
			return err
		}
		answers[strings.ToLower(p.Name)] = cv
	}
	for k, v := range answers {
		bindings[k] = v
	}
	return nil
}

// promptLine reads one answer to a mandatory-parameter prompt; "!?" shows
// the parameter's help message and asks again.
func promptLine(con Console, p *params.Param, prompt string, secret bool) (string, error) {
	for {
		line, err := con.ReadLine(prompt, secret)
		if err != nil || line != "!?" {
			return line, err
		}
		if h := helpMessage(p); h != "" {
			con.HostLine(h)
		} else {
			con.HostLine(fmt.Sprintf("No help is available for %s.", p.Name))
		}
	}
}

// helpMessage is a script parameter's [Parameter(HelpMessage=...)].
func helpMessage(p *params.Param) string {
	if sp := params.ScriptOf(p); sp != nil {
		return sp.HelpMessage
	}
	return ""
}
