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
		{"greater-than inside a bareword is part of it", "echo a>b", "a>b\n"},
		{"a template placeholder is a command named <", "$csv = <CSVFilenameandPath>\n\"null: $($null -eq $csv)\"",
			"<: The term '<' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\nnull: True\n"},
		{"using after a statement", "'x'\nusing namespace System",
			"ParserError: \nLine |\n   2 |  using namespace System\n     |  ~~~~~~~~~~~~~~~~~~~~~~\n     | A 'using' statement must appear before any other statements in a script.\n\n"},
		{"trap with continue", "trap { \"trapped: $_\"; continue }\nthrow 'boom'\n'after'", "trapped: boom\nafter\n"},
		{"typed trap in a function", "function f { trap [System.Management.Automation.CommandNotFoundException] { 'not found'; continue }; Get-Nope; 'in f' }\nf", "not found\nin f\n"},
		{"trap without continue shows the error", "trap { 'trapped' }\n1/0\n'next'",
			"trapped\nRuntimeException: \nLine |\n   2 |  1/0\n     |  ~~~\n     | Attempted to divide by zero.\nnext\n"},
		{"trap with break ends the script", "& { trap { 'b'; break }; throw 'x'; 'no' }\n'never'", "b\nException: x\n"},
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
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	hostFiles(rt, dir)
	rt.Run(syntax.NewSource(path, text), runtime.RunOptions{Script: true})
	if after != "" {
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

// The -f operator: .NET composite formatting with the current culture.
func TestFormatOperator(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"alignment and specifiers", "'{0,-20}|{1:N2}|{2:yyyy-MM-dd}|{3:P1}|{4,8:C}|' -f 'ab', 1234.567, [datetime]'2024-03-05', 0.1234, 5.5",
			"ab                  |1,234.57|2024-03-05|12.3%|   $5.50|\n"},
		{"escaped braces", "'{{x}} {0} }}{{' -f 1", "{x} 1 }{\n"},
		{"negative currency", "'{0:C}' -f -1.5", "-$1.50\n"},
		{"date without specifier uses the culture", "'{0}' -f [datetime]'2024-03-05 14:30'", "3/5/2024 2:30:00 PM\n"},
		{"spaces around the width", "'[{0 ,  4}]' -f 7", "[   7]\n"},
		{"array supplies the arguments", "'{1}-{0}' -f 'a','b'", "b-a\n"},
		{"index past the arguments", "try { '{1}' -f 'only' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
			"FormatError\nError formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..\n"},
		{"not a digit", "try { '{x}' -f 1 } catch { $_.Exception.Message }",
			"Error formatting a string: Input string was not in a correct format. Failure to parse near offset 1. Expected an ASCII digit..\n"},
		{"lone closing brace", "try { 'a}b' -f 1 } catch { $_.Exception.Message }",
			"Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Unexpected closing brace without a corresponding opening brace..\n"},
		{"unclosed item", "try { '{0' -f 1 } catch { $_.Exception.Message }",
			"Error formatting a string: Input string was not in a correct format. Failure to parse near offset 2. Format item ends prematurely..\n"},
	})
}

// -split, -join and -replace with all their forms.
func TestSplitJoinReplace(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"unary join", "-join (1,2,3)", "123\n"},
		{"unary split trims and splits on whitespace", "(-split \" a b  c \") -join '|'", "a|b|c\n"},
		{"unary split of an empty string", "(-split '').Count", "1\n"},
		{"max substrings", "('a,b,c' -split ',', 2) -join '|'", "a|b,c\n"},
		{"negative max substrings count from the end", "('a,b,c' -split ',', -2) -join '|'", "a,b|c\n"},
		{"simple match", "('a.b.c' -split '.', 0, 'SimpleMatch') -join '|'", "a|b|c\n"},
		{"regex options", "('aXbxc' -csplit 'x', 0, 'RegexMatch,IgnoreCase') -join '|'", "a|b|c\n"},
		{"csplit is case-sensitive", "('aXbxc' -csplit 'x') -join '|'", "aXb|c\n"},
		{"isplit", "('aXbxc' -isplit 'x') -join '|'", "a|b|c\n"},
		{"script block delimiter", "('a1b2c' -split { $_ -match '\\d' }) -join '|'", "a|b|c\n"},
		{"script block with a limit", "('a1b2c3d' -split { $_ -match '\\d' }, 2) -join '|'", "a|b2c3d\n"},
		{"script block with a negative limit", "('a1b2c3d' -split { $_ -match '\\d' }, -2) -join '|'", "a1b2c|d\n"},
		{"empty pattern splits every character", "('abc' -split '').Count", "5\n"},
		{"captured separators are kept", "('a:b' -split '(:)') -join '|'", "a|:|b\n"},
		{"explicit capture drops unnamed groups", "('a:b' -split '(:)', 0, 'ExplicitCapture') -join '|'", "a|b\n"},
		{"invalid combination", "try { 'a' -split 'x', 0, 'SimpleMatch,Multiline' } catch { $_.Exception.Message }", "The combination of options with the -split operator is not valid.\n"},
		{"options with a predicate", "try { 'a' -split {1}, 0, 'IgnoreCase' } catch { $_.Exception.Message }", "Options are not allowed on the -split operator with a predicate.\n"},
		{"unknown option", "try { 'a' -split 'x', 0, 'Bogus' } catch { $_.Exception.Message }",
			"Cannot convert value \"Bogus\" to type \"System.Management.Automation.SplitOptions\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"SimpleMatch,RegexMatch,CultureInvariant,IgnorePatternWhitespace,Multiline,Singleline,IgnoreCase,ExplicitCapture\".\n"},
		{"replace with a script block", "'a1b2' -replace '\\d', { [int]$_.Value * 2 }", "a2b4\n"},
		{"replace script block sees the match", "'abc' -replace 'B', { \"[$($_.Index)$_]\" }", "a[1b]c\n"},
		{"replace with groups", "'John Smith' -replace '(\\w+) (\\w+)', '$2, $1'", "Smith, John\n"},
		{"replace with too many operands", "try { 'a' -replace 'a','b','c' } catch { $_.Exception.Message }", "The -replace operator allows only two elements to follow it, not 3.\n"},
	})
}

// switch with its options, labels and loop control, and labelled loops.
func TestSwitchAndLabels(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"regex sets $matches", "switch -Regex ('abc123','xyz') { '(\\d+)' { \"num $($matches[1])\" } '^x' { \"x: $_\" } }", "num 123\nx: xyz\n"},
		{"wildcard case-sensitive", "switch -Wildcard -CaseSensitive ('Abc') { 'a*' { 'lower' } 'A*' { 'upper' } }", "upper\n"},
		{"exact does not expand wildcards", "switch -Exact ('a*', 'ab') { 'a*' { \"exact $_\" } }", "exact a*\n"},
		{"values compare as strings", "switch (1.0) { '1' { 'one' } }; switch ('2') { 2 { 'two' } }", "one\ntwo\n"},
		{"continue goes to the next value", "switch (1..4) { {$_ % 2} { \"odd $_\"; continue } default { \"even $_\" } }", "odd 1\neven 2\nodd 3\neven 4\n"},
		{"break leaves the switch", "switch ('a','b') { 'a' { 'A'; break } 'b' { 'B' } }", "A\n"},
		{"every matching clause runs", "switch ('ab') { {$_ -like 'a*'} { 1 } {$_ -like '*b'} { 2 } default { 3 } }", "1\n2\n"},
		{"null clause", "switch ($null) { $null { 'isnull' } default { 'other' } }", "isnull\n"},
		{"empty input runs nothing", "switch (@()) { default { 'never' } }; 'end'", "end\n"},
		{"$_ is restored", "$_ = 'before'; switch (1) { 1 { } }; $_", "before\n"},
		{"labelled break from a switch inside a loop", ":outer foreach ($i in 1..3) { switch ($i) { 2 { break outer } } $i }", "1\n"},
		{"labelled continue of a for loop", ":o for ($i=0; $i -lt 3; $i++) { for ($j=0; $j -lt 3; $j++) { if ($j -eq 1) { continue o }; \"f$i$j\" } }", "f00\nf10\nf20\n"},
		{"labelled break of a while from do", "$i=0; :w while ($true) { $i++; do { if ($i -gt 2) { break w }; \"w$i\"; continue w } while ($true) }", "w1\nw2\n"},
		{"labelled break of a do loop", ":d do { foreach ($x in 1..3) { if ($x -eq 2) { break d }; \"x$x\" } } while ($true)", "x1\n"},
		{"labelled switch", ":s switch (1,2,3) { 2 { 'two'; break s } default { \"d$_\" } }", "d1\ntwo\n"},
		{"continue a foreach from a switch", ":fe foreach ($a in 1..2) { switch ($a) { 1 { continue fe } } \"a$a\" }", "a2\n"},
		{"label in a variable", "$l = 'outer'; :outer while ($true) { while ($true) { break $l } }; 'out'", "out\n"},
		{"break in ForEach-Object leaves the enclosing loop", "foreach ($i in 1..3) { 1..3 | ForEach-Object { if ($_ -eq 2) { break }; \"$i$_\" } }; 'after'", "11\nafter\n"},
	})
}

// switch -File reads a file line by line.
func TestSwitchFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "lines.txt")
	if err := os.WriteFile(path, []byte("a1\r\nb2\n\nc3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := blockIn(t, dir, "switch -Regex -File '"+path+"' { '\\d' { \"digit in $_\" } '^$' { 'empty' } }\nswitch -File '"+filepath.Join(dir, "none.txt")+"' { default { $_ } }")
	want := "digit in a1\ndigit in b2\nempty\ndigit in c3\n"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "Cannot find path '"+filepath.Join(dir, "none.txt")+"' because it does not exist.") {
		t.Errorf("got %q", got)
	}
}

// Redirection of the output and the other streams, for a command and for
// everything its script runs.
func TestRedirection(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"2>&1 makes errors output", "function E { Write-Error 'boom'; 'out' }\n$r = E 2>&1; $r.Count; $r[0].GetType().Name; \"$($r[0])\"", "2\nErrorRecord\nboom\n"},
		{"2>$null", "function E { Write-Error 'boom'; 'out' }\nE 2>$null", "out\n"},
		{"*>$null silences everything", "& { Write-Warning 'w'; Write-Error 'e'; Write-Host 'h'; Write-Information 'i' -InformationAction Continue; 'o' } *>$null; 'ok'", "ok\n"},
		{"3>&1 captures warnings", "function W { Write-Warning 'ww'; 'o' }\n$w = W 3>&1; $w.Count; $w[0].GetType().Name", "2\nWarningRecord\n"},
		{"3>$null", "function W { Write-Warning 'ww'; 'o' }\nW 3>$null", "o\n"},
		{"*>&1 merges every stream", "function W { Write-Warning 'ww'; Write-Error 'ee'; Write-Host 'hh'; 'o' }\n$all = W *>&1; ($all | ForEach-Object { $_.GetType().Name }) -join ','",
			"WarningRecord,ErrorRecord,InformationRecord,String\n"},
		{"4>&1 captures verbose output", "function V { [CmdletBinding()] param() Write-Verbose 'vv'; 'v' }\n$v = V -Verbose 4>&1; $v.Count; \"$($v[0])\"", "2\nvv\n"},
		{"verbose off is not captured", "$v = Write-Verbose 'vv' 4>&1; $v.Count", "0\n"},
		{"5>&1 captures debug output", "$d = Write-Debug 'dd' -Debug 5>&1; $d.GetType().Name", "DebugRecord\n"},
		{"information reaches a redirection even when not shown", "Write-Information 'info' 6>&1 | ForEach-Object { \"i: $_\" }", "i: info\n"},
		{"Write-Host is on the information stream", "Write-Host 'hidden' 6>$null; $h = Write-Host 'captured' 6>&1; \"got [$h]\"", "got [captured]\n"},
		{"a statement error in a function is redirected", "function G { Get-Nothing-Here; 'g' }\n$g = G 2>&1; $g.Count; $g[0].FullyQualifiedErrorId", "2\nCommandNotFoundException\n"},
		{"an outer redirection covers nested functions", "function E { Write-Error 'boom'; 'out' }\nfunction Outer { E; 'outer' }\nOuter 2>$null", "out\nouter\n"},
		{"a downstream command keeps its own streams", "function E { 'x' }\nE 2>$null | ForEach-Object { Write-Error 'shown' }",
			"Write-Error: \nLine |\n   2 |  E 2>$null | ForEach-Object { Write-Error 'shown' }\n     |                               ~~~~~~~~~~~~~~~~~~~\n     | shown\n"},
		{"silenced errors are not merged", "$r = Write-Error 'x' -ErrorAction SilentlyContinue 2>&1; $r.Count", "0\n"},
		{"[void] and $null = discard", "$l = [System.Collections.ArrayList]@(); [void]$l.Add(1); [void]($l.Add(2)); $null = $l.Add(3); $l.Add(4) | Out-Null; $l.Count", "4\n"},
		{"dynamic member names", "$o = [pscustomobject]@{ a = 1; 'p-x' = 2 }; $n = 'a'; $o.$($n); $p = 'p'; $o.\"$p-x\"; $k = 'kk'; (@{ \"$k\" = 3 }).kk; $o.$($n) = 9; $o.a", "1\n2\n3\n9\n"},
	})
}

// Output and stream redirection to files.
func TestRedirectionToFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := func(name string) string { return filepath.Join(dir, name) }
	got := blockIn(t, dir, strings.Join([]string{
		"'x' > '" + f("out.txt") + "'",
		"'y' >> '" + f("out.txt") + "'",
		"Write-Warning 'careful' 3> '" + f("warn.txt") + "'",
		"& { 'o'; Write-Warning 'w' } *> '" + f("all.txt") + "'",
		"'z' 1> '" + f("one.txt") + "'",
	}, "\n"))
	if got != "" {
		t.Errorf("nothing should reach the console, got %q", got)
	}
	for name, want := range map[string]string{"out.txt": "x\ny\n", "warn.txt": "careful\n", "all.txt": "o\nw\n", "one.txt": "z\n"} {
		data, err := os.ReadFile(f(name))
		if err != nil || string(data) != want {
			t.Errorf("%s: got %q (%v), want %q", name, data, err, want)
		}
	}
}

// Get-Help shows a script function's comment-based help.
func TestFunctionCommentHelp(t *testing.T) {
	t.Parallel()
	got := block(t, "<#\n.SYNOPSIS\n    Reports mailbox sizes.\n.PARAMETER Identity\n    The mailbox to report.\n#>\nfunction Get-SizeReport { param([string]$Identity) }\n(Get-Help Get-SizeReport) -match 'SYNOPSIS\\s+Reports mailbox sizes\\.' | Out-Null; $Matches.Count\nGet-Help Get-SizeReport -Parameter Identity | Out-String -Stream | Where-Object { $_ -match 'The mailbox' } | ForEach-Object Trim\nfunction Plain {}\n(Get-Help Plain) -match 'NAME\\s+Plain'")
	if got != "1\nThe mailbox to report.\nTrue\n" {
		t.Errorf("got %q", got)
	}
}
