package runtime_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

type grammarCase struct{ name, in, want string }

func runGrammarCases(t *testing.T, cases []grammarCase) {
	t.Helper()
	for _, c := range cases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := block(t, c.in); got != c.want {
				t.Errorf("input:\n%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// Statements, comments and line continuation as runbooks write them.
func TestGrammarStatements(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"statement after a closing brace", "foreach($x in 1..2){$x} if($true){'y'}", "1\n2\ny\n"},
		{"call after function definition", "function f {'f'} f", "f\n"},
		{"try chain then statement", "try { throw 'x' } catch { 'c' } finally { 'f' } 'after'", "c\nf\nafter\n"},
		{"assignment of an if, then statement", "$v = if ($true) { 1 } 2; $v", "2\n1\n"},
		{"backtick and blanks end the line", "Write-Output a ` \nWrite-Output b", "a\nb\n"},
		{"backtick and blanks in an expression", "'Hello' + ` \t\n  ' world'", "Hello world\n"},
		{"backtick newline continues", "Write-Output `\n a", "a\n"},
		{"comment help before param", "function f {\n<#\n.SYNOPSIS\n  Adds.\n#>\nparam($a = 2)\n$a + 1\n}\nf", "3\n"},
		{"input redirection is reserved", "echo <abc> def",
			"ParserError: \nLine |\n   1 |  echo <abc> def\n     |       ~\n     | The '<' operator is reserved for future use.\n\n"},
		{"using after a statement", "'x'\nusing namespace System",
			"ParserError: \nLine |\n   2 |  using namespace System\n     |  ~~~~~~~~~~~~~~~~~~~~~~\n     | A 'using' statement must appear before any other statements in a script.\n\n"},
		{"using namespace shortens type names", "using namespace System.Net.Mail\n([MailAddress]'ann@contoso.com').Host", "contoso.com\n"},
		{"using namespace with an alias", "using namespace M = System.Net.Mail\n([MailAddress]'ann@contoso.com').User", "ann\n"},
		{"using module of a provided module", "using module Microsoft.PowerShell.Utility\n'ok'", "ok\n"},
		{"using module of another module", "using module Az.Accounts\n'never'",
			"ParserError: \nLine |\n   1 |  using module Az.Accounts\n     |  ~~~~~~~~~~~~~~~~~~~~~~~~\n     | Could not find the module 'Az.Accounts'.\n\n"},
		{"using assembly", "using assembly System.Windows.Forms\n'never'",
			"ParserError: \nLine |\n   1 |  using assembly System.Windows.Forms\n     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n     | Cannot load assembly 'System.Windows.Forms'.\n\n"},
	})
}

// Namespaces typed at the prompt stay in effect for later command lines,
// as in a PowerShell session.
func TestUsingNamespaceAtPrompt(t *testing.T) {
	t.Parallel()
	got := session(t, "using namespace System.Net.Mail\n([MailAddress]'a@b.c').Host")
	if got != "b.c\n" {
		t.Errorf("got %q", got)
	}
}

// runScriptFile runs text saved as a script file, as `exosim run` does, and
// then the command line `after` in the same session.
func runScriptFile(t *testing.T, name, text, after string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	io := &host.IO{In: strings.NewReader(""), Out: &buf, Err: &buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	rt.DeclareModules("ExchangeOnlineManagement")
	for a, target := range core.Aliases {
		rt.SetAlias(a, target)
	}
	rt.Run(syntax.NewSource(path, text), runtime.RunOptions{Script: true})
	if after != "" {
		wd, _ := os.Getwd()
		defer os.Chdir(wd)
		os.Chdir(dir)
		rt.Run(syntax.NewSource("", after), runtime.RunOptions{})
	}
	return strings.ReplaceAll(buf.String(), path, "SCRIPT")
}

// #requires lines are checked when a script file runs.
func TestRequires(t *testing.T) {
	for _, c := range []struct{ name, text, after, want string }{
		{"met", "#Requires -Version 5.1\n#Requires -Modules ExchangeOnlineManagement, @{ModuleName='Microsoft.PowerShell.Utility'; ModuleVersion='7.0'}\n#Requires -RunAsAdministrator\n#requires -PSEdition Core\n'ran'", "", "ran\n"},
		{"missing module", "#Requires -Modules Az.Accounts\n'never'", "",
			"SCRIPT: The script 'r.ps1' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: Az.Accounts.\n"},
		{"newer version", "#Requires -Version 7.5\n'never'", "",
			"SCRIPT: The script 'r.ps1' cannot be run because it contained a \"#requires\" statement for PowerShell 7.5. The version of PowerShell that is required by the script does not match the currently running version of PowerShell 7.4.6.\n"},
		{"desktop edition", "#Requires -PSEdition Desktop\n'never'", "",
			"SCRIPT: The script 'r.ps1' cannot be run because it contained a \"#requires\" statement for PowerShell editions 'Desktop'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core edition.\n"},
		{"invoked with &", "#Requires -Modules Az.Accounts\n'never'", "& ./r.ps1; 'next'",
			"SCRIPT: The script 'r.ps1' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: Az.Accounts.\n./r.ps1: The script 'r.ps1' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: Az.Accounts.\nnext\n"},
	} {
		c := c
		t.Run(c.name, func(t *testing.T) {
			if got := runScriptFile(t, "r.ps1", c.text, c.after); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	// Typed at the prompt, #requires is only a comment.
	if got := block(t, "#Requires -Modules Az.Accounts\n'ran'"); got != "ran\n" {
		t.Errorf("interactive #requires: got %q", got)
	}
}
