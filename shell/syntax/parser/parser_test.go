package parser

import (
	"os"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/syntax"
)

// treeTests maps inputs to the Dump of their parse; every input must
// parse without errors.
var treeTests = []struct {
	in, want string
}{
	{"1 + 2 * 3",
		`(sb (+ 1 (* 2 3)))`},
	{"1,2 + 3",
		`(sb (+ (, 1 2) 3))`},
	{"1..3,5",
		`(sb (.. 1 (, 3 5)))`},
	{"$x -and $y -or $z",
		`(sb (-or (-and $x $y) $z))`},
	{"$flags -band 4 -eq 4",
		`(sb (-band $flags (-eq 4 4)))`},
	{"'{0}' -f 1 + 1",
		`(sb (+ (-f s"{0}" 1) 1))`},
	{"-not $a -eq $b",
		`(sb (-eq (-not $a) $b))`},
	{"!$a",
		`(sb (! $a))`},
	{"-5",
		`(sb -5)`},
	{"- 5 + -$x",
		`(sb (+ (- 5) (- $x)))`},
	{"-split \"a b\"",
		`(sb (-split d"a b"))`},
	{"-join (1,2,3)",
		`(sb (-join (paren (, 1 2 3))))`},
	{"'a,b' -split ',', 2",
		`(sb (-split s"a,b" (, s"," 2)))`},
	{"$a -replace 'x', 'y'",
		`(sb (-replace $a (, s"x" s"y")))`},
	{"$a -iEQ 1 -and $b -CLike \"x*\"",
		`(sb (-and (-ieq $a 1) (-clike $b d"x*")))`},
	{"$x -is [int]",
		`(sb (-is $x [int]))`},
	{"'abc' -as [int]",
		`(sb (-as s"abc" [int]))`},
	{"-bnot 5 -shl 2",
		`(sb (-shl (-bnot 5) 2))`},
	{"$a ?? $b ?? 3",
		`(sb (?? (?? $a $b) 3))`},
	{"$c ? 1 : 2",
		`(sb (? $c 1 2))`},
	{"5",
		`(sb 5)`},
	{"-5",
		`(sb -5)`},
	{"-10y",
		`(sb -10y)`},
	{"+10uy",
		`(sb 10uy)`},
	{"+ 10uy",
		`(sb (+ 10uy))`},
	{"-2147483648",
		`(sb -2147483648)`},
	{"-1l",
		`(sb -1L)`},
	{"-2147483648l",
		`(sb -2147483648L)`},
	{"-9223372036854775808",
		`(sb -9223372036854775808L)`},
	{"-9223372036854775809",
		`(sb -9223372036854775809M)`},
	{"-0x41s",
		`(sb -65s)`},
	{"0x10",
		`(sb 16)`},
	{"0xFFFFFFFF",
		`(sb -1)`},
	{"0x100000000",
		`(sb 4294967296L)`},
	{"0b101",
		`(sb 5)`},
	{"2147483648",
		`(sb 2147483648L)`},
	{"9223372036854775808",
		`(sb 9223372036854775808M)`},
	{"1e30",
		`(sb 1e+30D)`},
	{"1.5",
		`(sb 1.5D)`},
	{".5",
		`(sb 0.5D)`},
	{"1e3",
		`(sb 1000D)`},
	{"10l",
		`(sb 10L)`},
	{"1.5d",
		`(sb 1.5M)`},
	{"3d",
		`(sb 3M)`},
	{"7u",
		`(sb 7u)`},
	{"5000000000u",
		`(sb 5000000000ul)`},
	{"0xFFFFFFFFFFFFFFFFul",
		`(sb 18446744073709551615ul)`},
	{"5s",
		`(sb 5s)`},
	{"0xFFFFs",
		`(sb -1s)`},
	{"0xFFy",
		`(sb -1y)`},
	{"0b11111111",
		`(sb -1)`},
	{"0b1111111111111111",
		`(sb -1)`},
	{"0b11111111s",
		`(sb -1s)`},
	{"0b11111111l",
		`(sb -1L)`},
	{"0b11111111uy",
		`(sb 255uy)`},
	{"0b1111111",
		`(sb 127)`},
	{"0b011111111",
		`(sb 255)`},
	{"0x000000000000000F",
		`(sb 15L)`},
	{"0x000000000000000Fu",
		`(sb 15ul)`},
	{"0b1111111111111111111111111111111111111111111111111111111111111111",
		`(sb -1L)`},
	{"65535us",
		`(sb 65535us)`},
	{"3.72uy",
		`(sb 4uy)`},
	{"2.5ul",
		`(sb 2ul)`},
	{"1ukb",
		`(sb 1024u)`},
	{"255uy",
		`(sb 255uy)`},
	{"100n",
		`(sb 100n)`},
	{"0xFFFFFFFFn",
		`(sb -1n)`},
	{"0xFFn",
		`(sb 255n)`},
	{"0b11111111n",
		`(sb -1n)`},
	{"-2.5n",
		`(sb -2n)`},
	{"3.5n",
		`(sb 4n)`},
	{"123456789012345678901234567890n",
		`(sb 123456789012345678901234567890n)`},
	{"1Ntb",
		`(sb 1099511627776n)`},
	{"1kb",
		`(sb 1024)`},
	{"10KB",
		`(sb 10240)`},
	{"4GB",
		`(sb 4294967296L)`},
	{"1.5GB",
		`(sb 1.610612736e+09D)`},
	{"1PB",
		`(sb 1125899906842624L)`},
	{"0x10L",
		`(sb 16L)`},
	{"'It''s'",
		`(sb s"It's")`},
	{"\"a \"\"b\"\" c\"",
		`(sb d"a \"b\" c")`},
	{"\"tab`there`n\"",
		`(sb d"tab\there\n")`},
	{"\"`u{263A}\"",
		`(sb d"☺")`},
	{"\"$u.Name\"",
		`(sb (d"" $u d".Name"))`},
	{"\"$a[0]\"",
		`(sb (d"" $a d"[0]"))`},
	{"\"Done with $user?\"",
		`(sb (d"" d"Done with " $user?))`},
	{"\"${user}?\"",
		`(sb (d"" $user d"?"))`},
	{"\"$(1+1) and $($x.y)\"",
		`(sb (d"" ($() {(+ 1 1)}) d" and " ($() {(. $x b"y")})))`},
	{"\"\"",
		`(sb d"")`},
	{"\"`$x\"",
		`(sb d"$x")`},
	{"@'\na $b\n'@",
		`(sb hs"a $b")`},
	{"@\"\nx $y\n\"@",
		`(sb (hd"" hd"x " $y))`},
	{"@\"\n\"@",
		`(sb hd"")`},
	{"$x",
		`(sb $x)`},
	{"${a b}",
		`(sb $a b)`},
	{"$script:x",
		`(sb $script:x)`},
	{"$env:PATH",
		`(sb $env:PATH)`},
	{"$_",
		`(sb $_)`},
	{"$?",
		`(sb $?)`},
	{"$$",
		`(sb $$)`},
	{"$^",
		`(sb $^)`},
	{"$global:a = 1",
		`(sb (= $global:a 1))`},
	{"$a[0]",
		`(sb ([] $a 0))`},
	{"$a[1..3]",
		`(sb ([] $a (.. 1 3)))`},
	{"$a[0,2,4]",
		`(sb ([] $a (, 0 2 4)))`},
	{"$a[-1]",
		`(sb ([] $a -1))`},
	{"$x.Prop",
		`(sb (. $x b"Prop"))`},
	{"$x.$name",
		`(sb (. $x $name))`},
	{"$x.'Display Name'",
		`(sb (. $x s"Display Name"))`},
	{"$x.Method()",
		`(sb (call. $x b"Method"))`},
	{"$x.M(1, \"a\", $b)",
		`(sb (call. $x b"M" 1 d"a" $b))`},
	{"[math]::Round(2.5, 2)",
		`(sb (call:: [math] b"Round" 2.5D 2))`},
	{"[datetime]::Now",
		`(sb (:: [datetime] b"Now"))`},
	{"[string]::IsNullOrEmpty($s)",
		`(sb (call:: [string] b"IsNullOrEmpty" $s))`},
	{"$list.Where({ $_ -gt 1 }, \"First\")",
		`(sb (call. $list b"Where" (sb (-gt $_ 1)) d"First"))`},
	{"$x.ForEach{ $_ }",
		`(sb (call. $x b"ForEach" (sb $_)))`},
	{"(Get-Date).AddDays(-1)",
		`(sb (call. (paren (cmd b"Get-Date")) b"AddDays" -1))`},
	{"$i++",
		`(sb (p++ $i))`},
	{"$i--",
		`(sb (p-- $i))`},
	{"++$i",
		`(sb (++ $i))`},
	{"--$i",
		`(sb (-- $i))`},
	{"$x.y++",
		`(sb (p++ (. $x b"y")))`},
	{"[int]\"1\"",
		`(sb (cast [int] d"1"))`},
	{"[int]\"1\",\"2\"",
		`(sb (, (cast [int] d"1") d"2"))`},
	{"[int[]](\"1\",\"2\")",
		`(sb (cast [int[]] (paren (, d"1" d"2"))))`},
	{"[int []](\"1\",\"2\")",
		`(sb (cast [int[]] (paren (, d"1" d"2"))))`},
	{"[string [ ] ]$x",
		`(sb (cast [string[]] $x))`},
	{"[System.Collections.Generic.List [string]]$x",
		`(sb (cast [System.Collections.Generic.List[string]] $x))`},
	{"[ValidateRange(1,10)][int]$x = 5",
		`(sb (= (attributed (attr ValidateRange 1 10) (cast [int] $x)) 5))`},
	{"[pscustomobject]@{a=1}",
		`(sb (cast [pscustomobject] (@{} (b"a" 1))))`},
	{"[ordered]@{a=1;b=2}",
		`(sb (cast [ordered] (@{} (b"a" 1) (b"b" 2))))`},
	{"[math]",
		`(sb [math])`},
	{"[int] -1",
		`(sb (cast [int] -1))`},
	{"[string]$x.Name",
		`(sb (cast [string] (. $x b"Name")))`},
	{"[void]$x",
		`(sb (cast [void] $x))`},
	{"[System.Collections.Generic.Dictionary[string,int]]::new()",
		`(sb (call:: [System.Collections.Generic.Dictionary[string,int]] b"new"))`},
	{"@()",
		`(sb (@() {}))`},
	{"@(1)",
		`(sb (@() {1}))`},
	{"@(Get-X; 2)",
		`(sb (@() {(cmd b"Get-X") 2}))`},
	{"$(1;2)",
		`(sb ($() {1 2}))`},
	{"(1)",
		`(sb (paren 1))`},
	{"($x = 5)",
		`(sb (paren (= $x 5)))`},
	{"(Get-Date)",
		`(sb (paren (cmd b"Get-Date")))`},
	{",1",
		`(sb (, 1))`},
	{"@{}",
		`(sb (@{}))`},
	{"@{ 'Key 2' = 1; 3 = 4; ($k) = 5 }",
		`(sb (@{} (s"Key 2" 1) (3 4) ((paren $k) 5)))`},
	{"@{ n = Get-Date }",
		`(sb (@{} (b"n" (cmd b"Get-Date"))))`},
	{"{ param($a) $a }",
		`(sb (sb (param (p $a)) $a))`},
	{"{}",
		`(sb (sb))`},
	{"$a = 1",
		`(sb (= $a 1))`},
	{"$a, $b = 1, 2",
		`(sb (= (, $a $b) (, 1 2)))`},
	{"$h[\"k\"] = 1",
		`(sb (= ([] $h d"k") 1))`},
	{"$x.y = 2",
		`(sb (= (. $x b"y") 2))`},
	{"[int]$x = \"5\"",
		`(sb (= (cast [int] $x) d"5"))`},
	{"$a += 1",
		`(sb (+= $a 1))`},
	{"$a -= 1",
		`(sb (-= $a 1))`},
	{"$a *= 2",
		`(sb (*= $a 2))`},
	{"$a /= 2",
		`(sb (/= $a 2))`},
	{"$a %= 2",
		`(sb (%= $a 2))`},
	{"$x = $y = 1",
		`(sb (= $x (= $y 1)))`},
	{"$x = Get-Mailbox | Select-Object -First 1",
		`(sb (= $x (pipe (cmd b"Get-Mailbox") (cmd b"Select-Object" -First 1))))`},
	{"$null = foo",
		`(sb (= $null (cmd b"foo")))`},
	{"Get-Mailbox",
		`(sb (cmd b"Get-Mailbox"))`},
	{"Get-Mailbox -Identity alice -ResultSize Unlimited",
		`(sb (cmd b"Get-Mailbox" -Identity b"alice" -ResultSize b"Unlimited"))`},
	{"Set-Mailbox -HiddenFromAddressListsEnabled:$true",
		`(sb (cmd b"Set-Mailbox" (-HiddenFromAddressListsEnabled: $true)))`},
	{"Test-Sw -Force:$false",
		`(sb (cmd b"Test-Sw" (-Force: $false)))`},
	{"Get-X -Name:-x",
		`(sb (cmd b"Get-X" (-Name: b"-x")))`},
	{"Get-X a,b,c",
		`(sb (cmd b"Get-X" (, b"a" b"b" b"c")))`},
	{"Get-X -Members a, b",
		`(sb (cmd b"Get-X" -Members (, b"a" b"b")))`},
	{"Get-X 5 0x10 50GB 49.5GB -5 1+1 True",
		`(sb (cmd b"Get-X" 5 16 53687091200L 5.3150220288e+10D -5 b"1+1" b"True"))`},
	{"Get-X $x.Prop $x[0] $x.M() (1+2) $(3) @(4) @{a=5} {6} \"s $x\" 'q' @splat",
		`(sb (cmd b"Get-X" (. $x b"Prop") ([] $x 0) (call. $x b"M") (paren (+ 1 2)) ($() {3}) (@() {4}) (@{} (b"a" 5)) (sb 6) (d"" d"s " $x) s"q" @splat))`},
	{"Write-Host a#b a #comment",
		`(sb (cmd b"Write-Host" b"a#b" b"a"))`},
	{"echo $HOME\\foo",
		`(sb (cmd b"echo" (b"" $HOME b"\\foo")))`},
	{"Get-X \u2018it\u2019 \u2013Name \u201cy\u201d",
		`(sb (cmd b"Get-X" s"it" -Name d"y"))`},
	{"Get-X -Filter \"Name -like 'a*'\"",
		`(sb (cmd b"Get-X" -Filter d"Name -like 'a*'"))`},
	{"& $sb",
		`(sb (cmd & $sb))`},
	{"& 'Get-Mailbox' -Identity x",
		`(sb (cmd & s"Get-Mailbox" -Identity b"x"))`},
	{". $sb",
		`(sb (cmd . $sb))`},
	{". .\\script.ps1",
		`(sb (cmd . b".\\script.ps1"))`},
	{".\\script.ps1",
		`(sb (cmd b".\\script.ps1"))`},
	{"function f() { param($a) $a }",
		`(sb (function f () (sb (param (p $a)) $a)))`},
	{"param([Parameter (Mandatory)] [ValidateSet ('a', 'b')] $x)",
		`(sb (param (p (attr Parameter Mandatory) (attr ValidateSet s"a" s"b") $x)))`},
	{"Get-ChildItem . -Recurse; Invoke-Pester -Path . ; . .",
		`(sb (cmd b"Get-ChildItem" b"." -Recurse) (cmd b"Invoke-Pester" -Path b".") (cmd . b"."))`},
	{"Get-X > out.txt",
		`(sb (cmd b"Get-X" (1> b"out.txt")))`},
	{"Get-X >> out.txt",
		`(sb (cmd b"Get-X" (1>> b"out.txt")))`},
	{"Get-X 2> err.txt",
		`(sb (cmd b"Get-X" (2> b"err.txt")))`},
	{"Get-X 2>&1",
		`(sb (cmd b"Get-X" 2>&1))`},
	{"Get-X *> all.txt",
		`(sb (cmd b"Get-X" (*> b"all.txt")))`},
	{"Get-X 3> w.txt",
		`(sb (cmd b"Get-X" (3> b"w.txt")))`},
	{"Get-X > $null",
		`(sb (cmd b"Get-X" (1> $null)))`},
	{"1/0 2>&1",
		`(sb (expr (/ 1 0) 2>&1))`},
	{"a | b | c",
		`(sb (pipe (cmd b"a") (cmd b"b") (cmd b"c")))`},
	{"a |\n\n# comment\nb",
		`(sb (pipe (cmd b"a") (cmd b"b")))`},
	{"a\n| b",
		`(sb (pipe (cmd b"a") (cmd b"b")))`},
	{"a && b",
		`(sb (&& (cmd b"a") (cmd b"b")))`},
	{"a || b",
		`(sb (|| (cmd b"a") (cmd b"b")))`},
	{"a; b",
		`(sb (cmd b"a") (cmd b"b"))`},
	{"Get-X | % { $_ } | ? Name -like \"a*\"",
		`(sb (pipe (cmd b"Get-X") (cmd b"%" (sb $_)) (cmd b"?" b"Name" -like d"a*")))`},
	{"if ($a) { 1 }",
		`(sb (if ($a {1})))`},
	{"if ($a) { 1 } elseif ($b) { 2 } elseif ($c) { 3 } else { 4 }",
		`(sb (if ($a {1}) ($b {2}) ($c {3}) (else {4})))`},
	{"if ($a)\n{\n  1\n}\nelse\n{\n  2\n}",
		`(sb (if ($a {1}) (else {2})))`},
	{"if (Test-Path x) { }",
		`(sb (if ((cmd b"Test-Path" b"x") {})))`},
	{"foreach ($n in 1..3) { $total += $n }",
		`(sb (foreach $n (.. 1 3) {(+= $total $n)}))`},
	{"foreach ($m in Get-Mailbox) { $m }",
		`(sb (foreach $m (cmd b"Get-Mailbox") {$m}))`},
	{"for ($i = 0; $i -lt 10; $i++) { $i }",
		`(sb (for (= $i 0) (-lt $i 10) (p++ $i) {$i}))`},
	{"for (;;) { break }",
		`(sb (for <nil> <nil> <nil> {(break)}))`},
	{"while ($true) { continue }",
		`(sb (while $true {(continue)}))`},
	{"do { $i++ } while ($i -lt 5)",
		`(sb (do-while {(p++ $i)} (-lt $i 5)))`},
	{"do { $i++ } until ($i -ge 5)",
		`(sb (do-until {(p++ $i)} (-ge $i 5)))`},
	{":outer foreach ($a in $b) { foreach ($c in $d) { break outer } }",
		`(sb (foreach :outer $a $b {(foreach $c $d {(break :outer)})}))`},
	{":l while (1) { continue l }",
		`(sb (while :l 1 {(continue :l)}))`},
	{"switch ($x) { 1 { \"one\" } default { \"other\" } }",
		`(sb (switch $x (1 {d"one"}) (default {d"other"})))`},
	{"switch -Regex -CaseSensitive ($s) { \"^a\" { 1 } { $_ -gt 5 } { 2 } }",
		`(sb (switch -regex -casesensitive $s (d"^a" {1}) ((sb (-gt $_ 5)) {2})))`},
	{"switch -Exact ($s) { a { 1 } }",
		`(sb (switch -exact $s (b"a" {1})))`},
	{"switch -File log.txt { x { 1 } }",
		`(sb (switch -file b"log.txt" (b"x" {1})))`},
	{"switch (1,2,3) {\n  2 { 'two' }\n  default { \"other $_\" }\n}",
		`(sb (switch (, 1 2 3) (2 {s"two"}) (default {(d"" d"other " $_)})))`},
	{"try { 1 } catch { 2 }",
		`(sb (try {1} (catch {2})))`},
	{"try { 1 } finally { 2 }",
		`(sb (try {1} (finally {2})))`},
	{"try { 1 } catch [System.Management.Automation.RuntimeException] { 2 } catch { 3 } finally { 4 }",
		`(sb (try {1} (catch [System.Management.Automation.RuntimeException] {2}) (catch {3}) (finally {4})))`},
	{"try {\n  1\n}\ncatch {\n  2\n}",
		`(sb (try {1} (catch {2})))`},
	{"trap { continue }",
		`(sb (trap {(continue)}))`},
	{"trap [System.Exception] { \"x\" }",
		`(sb (trap [System.Exception] {d"x"}))`},
	{"throw",
		`(sb (throw))`},
	{"throw 'Mailbox not found'",
		`(sb (throw s"Mailbox not found"))`},
	{"throw [System.ArgumentException]::new(\"x\")",
		`(sb (throw (call:: [System.ArgumentException] b"new" d"x")))`},
	{"return",
		`(sb (return))`},
	{"return ,$a",
		`(sb (return (, $a)))`},
	{"exit",
		`(sb (exit))`},
	{"exit 3",
		`(sb (exit 3))`},
	{"break",
		`(sb (break))`},
	{"continue",
		`(sb (continue))`},
	{"function Get-One { return ,@(\"x\") }",
		`(sb (function Get-One (sb (return (, (@() {d"x"}))))))`},
	{"function f($a, $b = 2) { $a + $b }",
		`(sb (function f ((p $a) (p $b = 2)) (sb (+ $a $b))))`},
	{"filter Only-Odd { if ($_ % 2) { $_ } }",
		`(sb (filter Only-Odd (sb filter (if ((% $_ 2) {$_})))))`},
	{"function Set-Thing { [CmdletBinding()] param($Identity, $DisplayName) \"ok\" }",
		`(sb (function Set-Thing (sb (param (attr CmdletBinding) (p $Identity) (p $DisplayName)) d"ok")))`},
	{"function Verb-Noun {\n    [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')]\n    param(\n        [Parameter(Mandatory, Position=0, ValueFromPipeline)] [string]$Identity,\n        [ValidateSet('a','b')][Alias('x')][int]$Count = 10,\n        [switch]$Force\n    )\n    begin { 'b' } process { $_ } end { 'e' }\n}",
		`(sb (function Verb-Noun (sb (param (attr CmdletBinding SupportsShouldProcess ConfirmImpact=s"High") (p (attr Parameter Mandatory Position=0 ValueFromPipeline) [string] $Identity) (p (attr ValidateSet s"a" s"b") (attr Alias s"x") [int] $Count = 10) (p [switch] $Force)) (begin {s"b"}) (process {$_}) (end {s"e"}))))`},
	{"function global:Foo { }",
		`(sb (function global:Foo (sb)))`},
	{"param([string]$Path = \".\") $Path",
		`(sb (param (p [string] $Path = d".")) $Path)`},
	{"[CmdletBinding()]\nparam()\n1",
		`(sb (param (attr CmdletBinding)) 1)`},
	{"[int]$x = 5",
		`(sb (= (cast [int] $x) 5))`},
	// A backtick followed by blanks is whitespace: the newline after it
	// still ends the statement, and no " " argument appears.
	{"Write-Output a ` \nb",
		`(sb (cmd b"Write-Output" b"a") (cmd b"b"))`},
	{"Write-Output a `\t \r\nb",
		`(sb (cmd b"Write-Output" b"a") (cmd b"b"))`},
	{"'Hello' + ` \t\n\n' world'",
		`(sb (+ s"Hello" s" world"))`},
	{"'Hello' + ` # comment after the blank\n ' world'",
		`(sb (+ s"Hello" s" world"))`},
	{"Get-X -A 1 `\r-B 2",
		`(sb (cmd b"Get-X" -A 1 -B 2))`},
	{"Write-Output a` b",
		`(sb (cmd b"Write-Output" b"a b"))`},
	// Statements ending with their own block may be followed by another
	// statement on the same line.
	{"foreach($x in 1..2){$x} if($true){'y'}",
		`(sb (foreach $x (.. 1 2) {$x}) (if ($true {s"y"})))`},
	{"function f {} f",
		`(sb (function f (sb)) (cmd b"f"))`},
	{"try {} catch {} finally {} 'after'",
		`(sb (try {} (catch {}) (finally {})) s"after")`},
	{"if ($a) {1} else {2} 3",
		`(sb (if ($a {1}) (else {2})) 3)`},
	{"while ($a) {} do {} until ($b) for (;;) {} switch (1) {1 {}} 'x'",
		`(sb (while $a {}) (do-until {} $b) (for <nil> <nil> <nil> {}) (switch 1 (1 {})) s"x")`},
	{"$x = if ($a) {1} 2",
		`(sb (= $x (if ($a {1}))) 2)`},
	{"break outer 'x'",
		`(sb (break :outer) s"x")`},
	// using statements at the top of a script.
	{"using namespace System.Collections.Generic\nusing module ExchangeOnlineManagement; using assembly ./x.dll\n[List[int]]::new()",
		`(sb (using namespace System.Collections.Generic) (using module ExchangeOnlineManagement) (using assembly ./x.dll) (call:: [List[int]] b"new"))`},
	{"# comment\nusing namespace A = B.C\nparam($x) $x",
		`(sb (using namespace A = B.C) (param (p $x)) $x)`},
	{"using module @{ModuleName='Az'; ModuleVersion='1.0'}",
		`(sb (using module  (@{} (b"ModuleName" s"Az") (b"ModuleVersion" s"1.0"))))`},
	{"using type T = System.Int32",
		`(sb (using type T = System.Int32))`},
	// #requires lines anywhere in the script, parameter names abbreviated.
	{"#Requires -Version 5.1\n#requires -Modules ExchangeOnlineManagement, @{ModuleName='Az'; ModuleVersion='1.0'}\n#REQUIRES -RunAsAdministrator\n1",
		`(sb (requires -version 5.1 -module ExchangeOnlineManagement -module Az@1.0 -runasadministrator) 1)`},
	{"1\n#requires -v 7 -PSEdition Core\n#requires -Mod a,b",
		`(sb (requires -version 7.0 -psedition Core -module a -module b) 1)`},
	{"# requires -Version 99\n#require -Version 99\n'x' # #requires -Version 99",
		`(sb s"x")`},
	// Redirection characters inside a bareword belong to it, and at the
	// start of a command one is the command's name.
	{"echo a>b", `(sb (cmd b"echo" b"a>b"))`},
	{"$p = <Path>", `(sb (= $p (cmd b"<" b"Path>")))`},
	// Comment-based help before param() is a comment.
	{"<#\n.SYNOPSIS\n  Does x.\n#>\n[CmdletBinding()]\nparam($a)\n$a",
		`(sb (param (attr CmdletBinding) (p $a)) $a)`},
	// Newlines may come between an attribute's ')' and its ']'.
	{"param([Parameter(\n  Mandatory=$true)\n]\n$x)",
		`(sb (param (p (attr Parameter Mandatory=$true) $x)))`},
}

func TestParseTrees(t *testing.T) {
	for _, tc := range treeTests {
		sb, errs := ParseString("", tc.in)
		if errs != nil {
			t.Errorf("%q: unexpected errors: %v", tc.in, errList(errs))
			continue
		}
		if got := syntax.Dump(sb); got != tc.want {
			t.Errorf("%q:\n got  %s\n want %s", tc.in, got, tc.want)
		}
		checkExtents(t, tc.in, sb)
	}
}

func errList(errs syntax.ErrorList) string {
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.ErrorID + "@" + itoa(e.Ext.Start.Line) + ":" + itoa(e.Ext.Start.Col) + " " + e.Message + "; ")
	}
	return b.String()
}

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// errorTests lists parse errors: the first error's id, position and
// whether the input is merely incomplete.
var errorTests = []struct {
	in         string
	id, msg    string
	line, col  int
	incomplete bool
}{
	{"if ($a) {", "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", 1, 9, true},
	{"if ($a) { 1 ) }", "UnexpectedToken", "Unexpected token ')' in expression or statement.", 1, 13, false},
	{"if $a", "MissingOpenParenthesisInIfStatement", "Missing '(' after 'if' in if statement.", 1, 3, false},
	{"if (", "IfStatementMissingCondition", "Missing condition in if statement after 'if ('.", 1, 5, true},
	{"if ($a", "MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in 'if' statement.", 1, 7, true},
	{"if ($a) ", "MissingStatementBlock", "Missing statement block after if ( condition ).", 1, 8, true},
	{"if ($a) { } else", "MissingStatementBlockAfterElse", "Missing statement block after 'else' keyword.", 1, 17, true},
	{"if ($a) { } else 5", "MissingStatementBlockAfterElse", "Missing statement block after 'else' keyword.", 1, 17, false},
	{"if ($a) 5", "MissingStatementBlock", "Missing statement block after if ( condition ).", 1, 8, false},
	{"-not", "MissingExpressionAfterOperator", "Missing expression after unary operator '-not'.", 1, 5, true},
	{"1 -eq", "ExpectedValueExpression", "You must provide a value expression following the '-eq' operator.", 1, 6, true},
	{"1 -eq )", "ExpectedValueExpression", "You must provide a value expression following the '-eq' operator.", 1, 6, false},
	{"$a +", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 1, 5, true},
	{"try { }", "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.", 1, 8, true},
	{"try { } 5", "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.", 1, 8, false},
	{"try", "MissingTryStatementBlock", "The Try statement is missing its statement block.", 1, 4, true},
	{"\"abc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \".", 1, 1, true},
	{"'abc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.", 1, 1, true},
	{"@\"\nabc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \"@.", 1, 1, true},
	{"@'\nabc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '@.", 1, 1, true},
	{"@\"x", "UnexpectedCharactersAfterHereStringHeader", "No characters are allowed after a here-string header but before the end of the line.", 1, 3, false},
	{"<# x", "MissingTerminatorMultiLineComment", "The terminator '#>' is missing from the multiline comment.", 1, 1, true},
	{"a |", "EmptyPipeElement", "An empty pipe element is not allowed.", 1, 4, true},
	{"a | )", "EmptyPipeElement", "An empty pipe element is not allowed.", 1, 4, false},
	{"\"$name:\"", "InvalidVariableReferenceWithDrive", "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", 1, 2, false},
	{"$name:", "InvalidVariableReferenceWithDrive", "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", 1, 1, false},
	{"(1", "MissingEndParenthesisInExpression", "Missing closing ')' in expression.", 1, 3, true},
	{"(1 2)", "MissingEndParenthesisInExpression", "Missing closing ')' in expression.", 1, 3, false},
	{"[", "MissingTypename", "Missing type name after '['.", 1, 2, true},
	{"[)", "MissingTypename", "Missing type name after '['.", 1, 2, false},
	{"[int", "EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal.", 1, 5, true},
	{"[int\n]", "EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal.", 1, 5, false},
	{")", "UnexpectedToken", "Unexpected token ')' in expression or statement.", 1, 1, false},
	{"}", "UnexpectedToken", "Unexpected token '}' in expression or statement.", 1, 1, false},
	{"$x.", "MissingPropertyName", "Missing property name after reference operator.", 1, 4, true},
	{"$x.)", "MissingPropertyName", "Missing property name after reference operator.", 1, 4, false},
	{"Get-X a,", "MissingExpressionAfterToken", "Missing expression after ','.", 1, 9, true},
	{"$x.M(1,)", "MissingArgument", "Missing argument in parameter list.", 1, 8, false},
	{"$x.M(1", "MissingEndParenthesisInMethodCall", "Missing ')' in method call.", 1, 7, true},
	{"@{a=1; a=2}", "DuplicateKeyInHashLiteral", "Duplicate keys 'a' are not allowed in hash literals.", 1, 8, false},
	{"@{A=1; a=2}", "DuplicateKeyInHashLiteral", "Duplicate keys 'a' are not allowed in hash literals.", 1, 8, false},
	{"@{a 1}", "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.", 1, 4, false},
	{"@{a=1", "IncompleteHashLiteral", "The hash literal was incomplete.", 1, 6, true},
	{"@{a=}", "MissingStatementInHashLiteral", "Missing statement after '=' in hash literal.", 1, 5, false},
	{"$x = ", "ExpectedValueExpression", "You must provide a value expression following the '=' operator.", 1, 4, true},
	{"1 2", "UnexpectedToken", "Unexpected token '2' in expression or statement.", 1, 3, false},
	{"a `", "UnexpectedToken", "Unexpected token '`' in expression or statement.", 1, 3, true},
	{"@{", "IncompleteHashLiteral", "The hash literal was incomplete.", 1, 3, true},
	{"$(", "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.", 1, 1, true},
	{"\"$(", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: \".", 1, 1, true},
	{"@(", "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.", 1, 1, true},
	{"{", "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", 1, 1, true},
	{"{ 1", "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", 1, 1, true},
	{"foreach ($x", "MissingInInForeach", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 12, true},
	{"foreach ($x in", "MissingForeachExpression", "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 15, true},
	{"foreach ($x in $y", "MissingEndParenthesisAfterForeach", "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 18, true},
	{"foreach ($x in $y)", "MissingForeachStatement", "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 19, true},
	{"foreach ($x $y) {}", "MissingInInForeach", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}", 1, 12, false},
	{"for (", "MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in 'for' statement.", 1, 6, true},
	{"for ($i=0; $i -lt 1; $i++)", "MissingLoopStatement", "Missing statement body in for loop.", 1, 27, true},
	{"while ($true)", "MissingLoopStatement", "Missing statement body in while loop.", 1, 14, true},
	{"while () {}", "MissingExpressionAfterKeyword", "Missing expression after 'while' in loop.", 1, 8, false},
	{"do", "MissingLoopStatement", "Missing statement body in do loop.", 1, 3, true},
	{"do {}", "MissingWhileOrUntilInDoWhile", "Missing while or until keyword in do loop.", 1, 6, true},
	{"do {} until", "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'until'.", 1, 12, true},
	{"switch", "PipelineValueRequired", "A switch statement must have one of the following:  '-file file_name' or '( expression )'.", 1, 7, true},
	{"switch ($x)", "MissingCurlyBraceInSwitchStatement", "Missing '{' in switch statement.", 1, 12, true},
	{"switch ($x) {", "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", 1, 13, true},
	{"switch ($x) { 1 }", "MissingSwitchStatementClause", "Missing statement block in switch statement clause.", 1, 16, false},
	{"switch ($x) { default {1} default {2} }", "MultipleSwitchDefaultClauses", "A switch statement can have only one default clause.", 1, 27, false},
	{"switch -Bogus ($x) {}", "InvalidSwitchFlag", "The parameter -Bogus is not valid for the switch statement.", 1, 8, false},
	{"function", "MissingNameAfterKeyword", "Missing name after function keyword.", 1, 9, true},
	{"function f", "MissingFunctionBody", "Missing function body in function declaration.", 1, 11, true},
	{"function f(", "InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.", 1, 12, true},
	{"function f($a) { param($b) }", "OnlyOneParameterListAllowed", "The param statement cannot be used if arguments were specified in the function declaration.", 1, 18, false},
	{"try {} catch", "MissingCatchHandlerBlock", "The Catch block is missing its statement block.", 1, 13, true},
	{"try {} finally", "MissingFinallyStatementBlock", "The Finally block is missing its statement block.", 1, 15, true},
	{"trap", "MissingTrapStatement", "The 'trap' statement was incomplete. A trap statement requires a body.", 1, 5, true},
	{"a &&", "EmptyPipelineChainElement", "A pipeline chain operator must be followed by a pipeline.", 1, 5, true},
	{"$a ? 1", "MissingColonInTernaryExpression", "Missing ':' in the ternary expression.", 1, 7, true},
	{"$a ? 1 :", "ExpectedValueExpression", "You must provide a value expression following the ':' operator.", 1, 8, true},
	{"1,", "MissingExpressionAfterToken", "Missing expression after ','.", 1, 3, true},
	{"[int", "EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal.", 1, 5, true},
	{"$x[", "MissingArrayIndexExpression", "Array index expression is missing or not valid.", 1, 4, true},
	{"$x[1", "MissingEndSquareBracket", "Missing ']' after array index expression.", 1, 5, true},
	{"$x[]", "MissingArrayIndexExpression", "Array index expression is missing or not valid.", 1, 4, false},
	{"a >", "MissingFileSpecification", "Missing file specification after redirection operator.", 1, 4, true},
	{"$a = 1 + ", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 1, 9, true},
	{"$a = -not", "MissingExpressionAfterOperator", "Missing expression after unary operator '-not'.", 1, 10, true},
	{"${abc", "IncompleteDollarVariableReference", "${variable} reference starting is missing the closing '}'.", 1, 1, true},
	{"${}", "EmptyVariableReference", "An empty ${} variable reference was found. A name is required inside the braces.", 1, 1, false},
	{"\"`u{110000}\"", "InvalidUnicodeEscapeSequenceValue", "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.", 1, 2, false},
	{"1 + )", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 1, 4, false},
	{"$x + 1 = 2", "InvalidLeftHandSide", "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", 1, 1, false},
	{"Get-X -A (", "MissingEndParenthesisInExpression", "Missing closing ')' in expression.", 1, 11, true},
	{"1 +\n", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 2, 1, true},
	{"else { }", "UnexpectedToken", "Unexpected token 'else' in expression or statement.", 1, 1, false},
	{"$x = @{ a = 1 b = 2 }", "IncompleteHashLiteral", "The hash literal was incomplete.", 1, 14, false},
	{"param(", "InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.", 1, 7, true},
	{"function f { param([Parameter(Mandatory)] }", "InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.", 1, 43, false},
	{"@{ = 1 }", "MissingKeyInHashLiteral", "Missing key before '=' in hash literal.", 1, 4, false},
	{"1 <", "RedirectionNotSupported", "The '<' operator is reserved for future use.", 1, 3, false},
	{"$ x", "InvalidVariableReference", "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.", 1, 1, false},
	{"foreach", "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'foreach'.", 1, 8, true},
	{"foreach (", "MissingVariableNameAfterForeach", "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}", 1, 10, true},
	{"echo <abc> def", "RedirectionNotSupported", "The '<' operator is reserved for future use.", 1, 6, false},
	{"$x = 1 <Path>", "RedirectionNotSupported", "The '<' operator is reserved for future use.", 1, 8, false},
	{"Get-X < in.txt", "RedirectionNotSupported", "The '<' operator is reserved for future use.", 1, 7, false},
	{"1 2", "UnexpectedToken", "Unexpected token '2' in expression or statement.", 1, 3, false},
	{"Get-X | Set-Y }", "UnexpectedToken", "Unexpected token '}' in expression or statement.", 1, 15, false},
	{"'a' + ` x", "ExpectedValueExpression", "You must provide a value expression following the '+' operator.", 1, 6, false},
	{"1; using namespace X", "UsingMustBeAtStartOfScript", "A 'using' statement must appear before any other statements in a script.", 1, 4, false},
	{"{ using namespace X }", "UsingMustBeAtStartOfScript", "A 'using' statement must appear before any other statements in a script.", 1, 3, false},
	{"using", "MissingUsingStatementDirective", "Missing using directive", 1, 6, true},
	{"using foo", "MissingUsingStatementDirective", "Missing using directive", 1, 6, false},
	{"using namespace", "MissingUsingItemName", "Missing using name", 1, 16, true},
	{"using namespace $x", "InvalidValueForUsingItemName", "'$x' is not a valid value for using name.", 1, 17, false},
	{"using namespace a b", "MissingStatementTerminator", "Missing a newline or semicolon.", 1, 19, false},
	{"using namespace a =", "MissingNamespaceAlias", "Missing namespace alias", 1, 20, true},
	{"using type t", "MissingEqualsInUsingAlias", "Missing '=' operator", 1, 13, true},
	{"#requires -Foo 1", "ScriptRequiresInvalidFormat", requiresFormat, 1, 11, false},
	{"#requires -Version", "ParameterRequiresArgument", "Parameter Version requires an argument.", 1, 11, false},
	{"#requires -Version x.y", "RequiresVersionInvalid", "The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.", 1, 20, false},
	{"#requires -Modules $m", "RequiresArgumentMustBeConstant", "Argument must be constant.", 1, 20, false},
	{"#requires -RunAsAdministrator:$true", "ParameterCannotHaveArgument", "Parameter RunAsAdministrator cannot have an argument.", 1, 11, false},
	{"#requires -PSEdition Server", "RequiresPSEditionInvalid", "The argument for the psedition parameter is not valid. Specify a valid PowerShell edition.", 1, 22, false},
	{"#requiresnot -Version 5", "ScriptRequiresInvalidFormat", requiresFormat, 1, 2, false},
	{"1 + 12abc", "BadNumericConstant", "The numeric constant 12abc is not valid.", 1, 5, false},
	{"$x = 1 + 0x", "BadNumericConstant", "The numeric constant 0x is not valid.", 1, 10, false},
	// a literal with a valid suffix whose value its type cannot hold is
	// an error at the start of a statement too (not a command name)
	{"300y", "BadNumericConstant", "The numeric constant 300y is not valid.", 1, 1, false},
	{"70000us", "BadNumericConstant", "The numeric constant 70000us is not valid.", 1, 1, false},
	{"0xFFFFy", "BadNumericConstant", "The numeric constant 0xFFFFy is not valid.", 1, 1, false},
	{"1uykb", "BadNumericConstant", "The numeric constant 1uykb is not valid.", 1, 1, false},
	{"10000.0usgb; 1", "BadNumericConstant", "The numeric constant 10000.0usgb is not valid.", 1, 1, false},
	{"-300y", "BadNumericConstant", "The numeric constant 300y is not valid.", 1, 2, false},
}

func TestParseErrors(t *testing.T) {
	for _, tc := range errorTests {
		_, errs := ParseString("", tc.in)
		if len(errs) == 0 {
			t.Errorf("%q: no error, want %s", tc.in, tc.id)
			continue
		}
		e := errs[0]
		if e.ErrorID != tc.id || e.Message != tc.msg || e.Ext.Start.Line != tc.line || e.Ext.Start.Col != tc.col || e.Incomplete != tc.incomplete {
			t.Errorf("%q:\n got  %s %q %d:%d incomplete=%v\n want %s %q %d:%d incomplete=%v", tc.in,
				e.ErrorID, e.Message, e.Ext.Start.Line, e.Ext.Start.Col, e.Incomplete,
				tc.id, tc.msg, tc.line, tc.col, tc.incomplete)
		}
		if errs.Incomplete() != tc.incomplete {
			t.Errorf("%q: ErrorList.Incomplete() = %v, want %v (%s)", tc.in, errs.Incomplete(), tc.incomplete, errList(errs))
		}
		checkErrorPositions(t, tc.in, errs)
	}
}

func checkErrorPositions(t *testing.T, in string, errs syntax.ErrorList) {
	t.Helper()
	for i, e := range errs {
		if e.Ext.Start.Offset < 0 || e.Ext.End.Offset > len(in) || e.Ext.Start.Offset > e.Ext.End.Offset {
			t.Errorf("%q: error %q has extent %d..%d outside the input", in, e.Message, e.Ext.Start.Offset, e.Ext.End.Offset)
		}
		if e.Ext.Start.Line < 1 || e.Ext.Start.Col < 1 {
			t.Errorf("%q: error %q has position %d:%d", in, e.Message, e.Ext.Start.Line, e.Ext.Start.Col)
		}
		if i > 0 && errs[i-1].Ext.Start.Offset > e.Ext.Start.Offset {
			t.Errorf("%q: errors not in source order", in)
		}
	}
}

// goldenInputs returns the inputs of the language reference's golden
// cases, kept in testdata.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/golden_inputs.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, chunk := range strings.Split(string(data), "\n----\n") {
		if strings.TrimSpace(chunk) != "" {
			out = append(out, chunk)
		}
	}
	return out
}

func TestGoldenInputsParse(t *testing.T) {
	inputs := goldenInputs(t)
	if len(inputs) < 30 {
		t.Fatalf("only %d golden inputs", len(inputs))
	}
	for _, in := range inputs {
		sb, errs := ParseString("golden.ps1", in)
		if errs != nil {
			t.Errorf("%q: %s", in, errList(errs))
			continue
		}
		checkExtents(t, in, sb)
	}
}

// multiLine holds valid inputs spanning several lines; every prefix made
// of whole lines must be valid or merely incomplete.
var multiLine = []string{
	"function Get-Greeting {\n  param([Parameter(Mandatory)][string]$Name, [int]$Times = 1, [switch]$Loud)\n  $g = \"Hello, $Name\"\n  if ($Loud) { $g = $g.ToUpper() }\n  1..$Times | ForEach-Object { $g }\n}\nGet-Greeting -Name Alice\n",
	"if ($a)\n{\n  1\n}\nelseif ($b)\n{\n  2\n}\nelse\n{\n  3\n}\n",
	"try {\n  Get-Mailbox x -ErrorAction Stop\n}\ncatch [System.Exception],\n  [Foo] {\n  \"caught: $_\"\n}\nfinally {\n  'done'\n}\n",
	"$h = @{\n  Name = 'Alice'\n  Dept = 'Sales'\n  Sub = @{\n    A = 1\n  }\n}\n",
	"$x = @\"\nValue: $x\n  Indented\n\"@\n$y = @'\nraw $y\n'@\n",
	"1..5 |\n    # keep the odd ones\n    Where-Object { $_ % 2 } |\n\n    ForEach-Object { $_ * 10 }\n",
	"$a = 1 + `\n     2 +\n     3\n$b = $a -eq 6 -and\n  $true\n",
	"switch -Wildcard ($s)\n{\n  'a*' { 1 }\n  { $_ -like 'b*' } {\n    2\n  }\n  default { 3 }\n}\n",
	"foreach ($m in $list)\n{\n  $m.Name\n}\nfor ($i = 0;\n     $i -lt 3;\n     $i++) { $i }\nwhile ($true) {\n  break\n}\ndo {\n  $n++\n} until ($n -gt 3)\n",
	"$s = \"multi\nline $(\n  Get-Date\n) string\"\n",
	"<#\n block\n comment\n#>\n$list = 1,\n  2,\n  3\n$list.Where({\n  $_ -gt 1\n})\n",
	"function Verb-Noun {\n    [CmdletBinding(SupportsShouldProcess,\n        ConfirmImpact='High')]\n    param(\n        [Parameter(Mandatory, Position=0)]\n        [string]$Identity,\n        [switch]$Force\n    )\n    begin { }\n    process {\n        $Identity\n    }\n    end { }\n}\n",
	"Get-Mailbox -ResultSize Unlimited |\n  Where-Object {\n    $_.RecipientTypeDetails -eq 'UserMailbox'\n  } |\n  Select-Object Name,\n    PrimarySmtpAddress\n",
	"$r = $a ?\n  'yes' :\n  'no'\n$c = ($a +\n  $b)\n$d = $x.Method(1,\n  2)\n",
	"a &&\n  b ||\n  c\n",
	"using namespace System.Text\nusing module ExchangeOnlineManagement\n#Requires -Version 5.1\n<#\n.SYNOPSIS\n  Report.\n#>\nparam(\n  [string]$Path\n)\nforeach ($i in 1..2) { $i } if ($Path) {\n  $Path\n}\n",
	"Get-Mailbox -ResultSize Unlimited ` \n",
}

func TestPrefixesAreIncomplete(t *testing.T) {
	for _, full := range multiLine {
		if _, errs := ParseString("", full); errs != nil {
			t.Errorf("%q: %s", full, errList(errs))
			continue
		}
		lines := strings.SplitAfter(full, "\n")
		for n := 1; n < len(lines); n++ {
			prefix := strings.Join(lines[:n], "")
			_, errs := ParseString("", prefix)
			if errs != nil && !errs.Incomplete() {
				t.Errorf("prefix %q of %q: complete-but-wrong: %s", prefix, full, errList(errs))
			}
			// Without its final newline the prefix must behave the same.
			_, errs = ParseString("", strings.TrimSuffix(prefix, "\n"))
			if errs != nil && !errs.Incomplete() {
				t.Errorf("prefix %q of %q: complete-but-wrong: %s", strings.TrimSuffix(prefix, "\n"), full, errList(errs))
			}
		}
	}
}

func TestIncompleteOnlyAtEnd(t *testing.T) {
	for _, in := range []string{"if ($a) { } }", "(1))", "a | | b", "@{a=1}}", "1 +)", "$x = )"} {
		_, errs := ParseString("", in)
		if errs == nil || errs.Incomplete() {
			t.Errorf("%q: want a complete-but-wrong error, got %s", in, errList(errs))
		}
	}
}

// checkExtents verifies that every node's extent lies within its parent's
// and within the input, with consistent line/column data.
func checkExtents(t *testing.T, in string, root syntax.Node) {
	t.Helper()
	var walk func(n syntax.Node, lo, hi int)
	walk = func(n syntax.Node, lo, hi int) {
		if n == nil {
			return
		}
		e := n.Span()
		if e.Start.Offset < lo || e.End.Offset > hi || e.Start.Offset > e.End.Offset {
			t.Errorf("%q: %T extent %d..%d outside parent %d..%d", in, n, e.Start.Offset, e.End.Offset, lo, hi)
			return
		}
		for _, p := range []syntax.Pos{e.Start, e.End} {
			line, col := lineCol(in, p.Offset)
			if p.Line != line || p.Col != col {
				t.Errorf("%q: %T position %d:%d at offset %d, want %d:%d", in, n, p.Line, p.Col, p.Offset, line, col)
			}
		}
		for _, c := range syntax.Children(n) {
			walk(c, e.Start.Offset, e.End.Offset)
		}
	}
	walk(root, 0, len(in))
}

func lineCol(s string, off int) (int, int) {
	line, col := 1, 1
	for _, r := range s[:off] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
