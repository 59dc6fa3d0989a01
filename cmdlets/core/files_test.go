package core_test

import (
	"strings"
	"testing"
)

func TestPathText(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "join on C:", script: `Join-Path C:\Reports x.csv`, out: lines(`C:\Reports\x.csv`)},
		{name: "join normalizes separators", script: `Join-Path 'C:\Reports\' '/sub/x.csv'`, out: lines(`C:\Reports\sub\x.csv`)},
		{name: "join on the host drive", script: `Join-Path /tmp x`, out: lines("/tmp/x")},
		{name: "join remaining children", script: `Join-Path one two three four`, out: lines("one/two/three/four")},
		{name: "join empty child", script: `Join-Path one ''`, out: lines("one/")},
		{name: "join drive root", script: `Join-Path C:\ Temp; Join-Path C: Temp; Join-Path / tmp`, out: lines(`C:\Temp`, `C:\Temp`, "/tmp")},
		{name: "join session drive", script: `Join-Path Env: TEMP`, out: lines(`Env:\TEMP`)},
		{name: "join several paths", script: `Join-Path -Path a,b -ChildPath c`, out: lines("a/c", "b/c")},
		{name: "join unknown drive", script: `Join-Path D:\x y`, err: "Join-Path: Cannot find drive. A drive with the name 'D' does not exist."},
		{name: "join resolve", script: `New-Item C:\Temp\a.txt | Out-Null; Join-Path C:\Temp *.txt -Resolve`, out: lines(`C:\Temp\a.txt`)},
		{name: "join resolve missing", script: `Join-Path C:\Temp nope.txt -Resolve`, err: `Join-Path: Cannot find path 'C:\Temp\nope.txt' because it does not exist.`},
		{name: "split parent", script: `Split-Path C:\Reports\x.csv; Split-Path C:\Reports; Split-Path C:\; Split-Path /usr/local/bin; Split-Path usr`, out: lines(`C:\Reports`, `C:\`, "", "/usr/local", "")},
		{name: "split leaf", script: `Split-Path C:\Reports\x.csv -Leaf; Split-Path /usr/bin/ -Leaf; Split-Path env:PATH -Leaf`, out: lines("x.csv", "bin", "PATH")},
		{name: "split leafbase and extension", script: `Split-Path C:\R\a.b.csv -LeafBase; Split-Path C:\R\a.b.csv -Extension; Split-Path C:\R\noext -Extension`, out: lines("a.b", ".csv", "")},
		{name: "split qualifier", script: `Split-Path C:\Reports -Qualifier; Split-Path env:PATH -Qualifier; Split-Path env:PATH -NoQualifier; Split-Path C:\Reports -NoQualifier`, out: lines("C:", "env:", "PATH", `\Reports`)},
		{name: "split qualifier missing", script: `Split-Path /usr -Qualifier`, err: "Cannot parse path because path '/usr' does not have a qualifier specified."},
		{name: "split isabsolute", script: `Split-Path -IsAbsolute C:\x; Split-Path -IsAbsolute /usr/..; Split-Path -IsAbsolute ..; Split-Path -IsAbsolute ~/`, out: lines("True", "True", "False", "False")},
		{name: "split unc", script: `Split-Path \\server1\share1\folder; Split-Path \\server1\share1\folder -Leaf`, out: lines(`\\server1\share1`, "folder")},
		{name: "split pipeline", script: `'usr/bin' | Split-Path`, out: lines("usr")},
	})
}

func TestDrivesAndLocations(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "test-path C", script: `Test-Path C:\Temp; Test-Path C:\temp -PathType Container; Test-Path C:\Temp -PathType Leaf; Test-Path C:\Nope`, out: lines("True", "True", "False", "False")},
		{name: "test-path others", script: `Test-Path D:\x; Test-Path \\srv\share\x; Test-Path Env:TEMP; Test-Path Env:NOPE; Test-Path Variable:PWD; Test-Path Env:`, out: lines("False", "False", "True", "False", "True", "True")},
		{name: "test-path isvalid", script: `Test-Path -IsValid C:\new\x.csv; Test-Path -IsValid 'C:\a|b'; Test-Path -IsValid Q:\x`, out: lines("True", "False", "False")},
		{name: "test-path wildcard", script: `Set-Content C:\Temp\a.log x; Test-Path C:\Temp\*.log; Test-Path C:\Temp\*.csv`, out: lines("True", "False")},
		{name: "env values", script: `$env:TEMP; $env:Temp; $env:USERPROFILE; $env:COMPUTERNAME; $env:USERNAME; $env:PATH`, out: lines(`C:\Users\ann\AppData\Local\Temp`, `C:\Users\ann\AppData\Local\Temp`, `C:\Users\ann`, "EXOSIM", "ann", "/usr/bin")},
		{name: "env set and remove", script: `$env:X_RUN = 'one'; Get-Content Env:X_RUN; Remove-Item Env:X_RUN; Test-Path Env:X_RUN; [Environment]::GetEnvironmentVariable('USERNAME')`, out: lines("one", "False", "ann")},
		{name: "temp folder exists", script: `Test-Path $env:TEMP; Test-Path Temp:\`, out: lines("True", "True")},
		{name: "location", script: `Get-Location | % Path; Set-Location C:\Temp; $PWD.Path; (Get-Location).Drive.Name; cd ..; pwd | % Path; Set-Location /work; $PWD.Path`, out: lines("/work", `C:\Temp`, "C", `C:\`, "/work")},
		{name: "location table", script: `Set-Location C:\Users; Get-Location`, out: lines("", "Path", "----", `C:\Users`, "")},
		{name: "relative follows location", script: `Set-Location C:\Temp; 'x' | Set-Content note.txt; Test-Path C:\Temp\note.txt; Set-Location /work; Test-Path note.txt`, out: lines("True", "False")},
		{name: "push pop", script: `Push-Location C:\Temp; $PWD.Path; Push-Location C:\Users; Get-Location -Stack | % Path; Pop-Location; Pop-Location; $PWD.Path; Pop-Location; $PWD.Path`, out: lines(`C:\Temp`, `C:\Temp`, "/work", "/work", "/work")},
		{name: "set-location missing", script: `Set-Location C:\Nope; $PWD.Path`, err: `Set-Location: Cannot find path 'C:\Nope' because it does not exist.`, out: lines("/work")},
		{name: "set-location unknown drive", script: `Set-Location D:\`, err: "Set-Location: Cannot find drive. A drive with the name 'D' does not exist."},
		{name: "resolve-path", script: `New-Item C:\Temp\b.txt | Out-Null; (Resolve-Path c:\temp\B.TXT).Path; Resolve-Path C:\Temp\*.txt | % ProviderPath; Set-Location C:\Temp; Resolve-Path .\b.txt -Relative; Convert-Path ~`, out: lines(`C:\Temp\b.txt`, `C:\Temp\b.txt`, `.\b.txt`, "/home/ann")},
		{name: "resolve-path missing", script: `Resolve-Path C:\Temp\zz`, err: `Resolve-Path: Cannot find path 'C:\Temp\zz' because it does not exist.`},
		{name: "psdrive", script: `Get-PSDrive | % Name; (Get-PSDrive C).Root; Get-PSDrive -PSProvider Environment | % Name`, out: lines("/", "Alias", "C", "Env", "Function", "Temp", "Variable", `C:\`, "Env")},
		{name: "psdrive missing", script: `Get-PSDrive D`, err: "Get-PSDrive: Cannot find drive. A drive with the name 'D' does not exist."},
		{name: "psdrive table", script: `Get-PSDrive C, Env`, out: lines("",
			"Name           Used (GB)     Free (GB) Provider      Root                                               CurrentLocation",
			"----           ---------     --------- --------      ----                                               ---------------",
			`C                   0.00        200.00 FileSystem    C:\                                                               `,
			"Env                                    Environment                                                                     ",
			"")},
	})
}

func TestItems(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "new directory", script: `New-Item -ItemType Directory -Path C:\Reports | % FullName; New-Item -ItemType Directory -Path C:\Reports -Force | % Name`, out: lines(`C:\Reports`, "Reports")},
		{name: "new directory exists", script: `New-Item -ItemType Directory -Path C:\Temp`, err: `New-Item: An item with the specified name C:\Temp already exists.`},
		{name: "new file with value", script: `New-Item C:\Temp\v.txt -Value 'hello' | % Length; Get-Content C:\Temp\v.txt`, out: lines("5", "hello")},
		{name: "new file exists", script: `New-Item C:\Temp\v.txt | Out-Null; New-Item C:\Temp\v.txt`, err: `New-Item: The file 'C:\Temp\v.txt' already exists.`},
		{name: "new file missing folder", script: `New-Item C:\No\v.txt`, err: `New-Item: Could not find a part of the path 'C:\No\v.txt'.`},
		{name: "new file force makes folder", script: `New-Item C:\No\v.txt -Force | % DirectoryName`, out: lines(`C:\No`)},
		{name: "new item name", script: `New-Item -Path C:\Temp -Name n.txt -ItemType File | % FullName`, out: lines(`C:\Temp\n.txt`)},
		{name: "mkdir", script: `mkdir C:\M\N | % FullName; md C:\M\O | % Parent | % Name`, out: lines(`C:\M\N`, "M")},
		{name: "gci table", script: `New-Item -ItemType Directory C:\R | Out-Null; Set-Content C:\R\b.csv 'x'; Set-Content C:\R\a.txt 'hello'; New-Item -ItemType Directory C:\R\sub | Out-Null; Get-ChildItem C:\R`, out: lines("",
			`    Directory: C:\R`,
			"",
			"Mode                 LastWriteTime         Length Name",
			"----                 -------------         ------ ----",
			"d----           3/15/2024  9:30 AM                sub",
			"-a---           3/15/2024  9:30 AM              6 a.txt",
			"-a---           3/15/2024  9:30 AM              2 b.csv",
			"")},
		{name: "gci properties", script: `Set-Content C:\Temp\r.csv 'a'; $f = Get-ChildItem C:\Temp\r.csv; $f.Name; $f.BaseName; $f.Extension; $f.FullName; $f.DirectoryName; $f.Length; $f.LastWriteTime.ToString('yyyy-MM-dd HH:mm'); $f.PSIsContainer; "$f"`,
			out: lines("r.csv", "r", ".csv", `C:\Temp\r.csv`, `C:\Temp`, "2", "2024-03-15 09:30", "False", `C:\Temp\r.csv`)},
		{name: "gci recurse name", script: `mkdir C:\T\a\b | Out-Null; Set-Content C:\T\a\b\f.txt 1; Set-Content C:\T\top.csv 1; Get-ChildItem C:\T -Recurse -Name`, out: lines("a", "top.csv", `a\b`, `a\b\f.txt`)},
		{name: "gci filters", script: `mkdir C:\T\d | Out-Null; 'x' | Set-Content C:\T\a.csv; 'x' | Set-Content C:\T\b.txt; (Get-ChildItem C:\T -Filter *.csv).Name; (Get-ChildItem C:\T -File).Name; (Get-ChildItem C:\T -Directory).Name; (Get-ChildItem C:\T -Exclude *.csv).Name; (Get-ChildItem C:\T\* -Include *.txt).Name`, out: lines("a.csv", "a.csv", "b.txt", "d", "d", "b.txt", "b.txt")},
		{name: "gci attributes", script: `mkdir C:\T\d | Out-Null; 'x' | Set-Content C:\T\a.csv; 'x' | Set-Content C:\T\.hid; (Get-ChildItem C:\T -Attributes Directory).Name; (Get-ChildItem C:\T -Attributes !Directory).Name; (Get-ChildItem C:\T -Attributes Hidden).Name; (Get-ChildItem C:\T -Attributes 'Directory,Hidden').Name`, out: lines("d", "a.csv", ".hid", "d", ".hid")},
		{name: "gci attributes unknown", script: `Get-ChildItem C:\ -Attributes Shiny`, err: "Unable to match the identifier name Shiny to a valid enumerator name."},
		{name: "streams are refused", script: `Set-Content C:\Temp\a.txt x; Get-Content C:\Temp\a.txt -Stream Zone.Identifier`, err: "exosim's drives have no alternate data streams (Get-Content -Stream)."},
		{name: "gci depth", script: `mkdir C:\T\a\b\c | Out-Null; (Get-ChildItem C:\T -Depth 1 -Name)`, out: lines("a", `a\b`)},
		{name: "gci missing", script: `Get-ChildItem C:\Nope`, err: `Get-ChildItem: Cannot find path 'C:\Nope' because it does not exist.`},
		{name: "gci wildcard no match", script: `Get-ChildItem C:\Temp\*.zzz; 'done'`, out: lines("done")},
		{name: "gci env", script: `Get-ChildItem Env:COMPUTERNAME, Env:USERNAME`, out: lines("", "Name                           Value", "----                           -----", "COMPUTERNAME                   EXOSIM", "USERNAME                       ann", "")},
		{name: "gci variable", script: `$zz_a = 1; Get-ChildItem Variable:zz_a | % Value; (Get-Item Variable:zz_a).Name`, out: lines("1", "zz_a")},
		{name: "gci function and alias", script: `function Get-Zed { 1 }; (Get-ChildItem Function: | ? Name -eq Get-Zed).Name; (Get-Item Alias:gci).Definition; Remove-Item Function:Get-Zed; Test-Path Function:Get-Zed`, out: lines("Get-Zed", "Get-ChildItem", "False")},
		{name: "remove file", script: `Set-Content C:\Temp\d.txt 1; Remove-Item C:\Temp\d.txt; Test-Path C:\Temp\d.txt`, out: lines("False")},
		{name: "remove folder needs recurse", script: `mkdir C:\X\Y | Out-Null; Remove-Item C:\X; Test-Path C:\X; Remove-Item C:\X -Recurse; Test-Path C:\X`, out: lines("True", "False"), err: `Remove-Item: The item at C:\X has children and the Recurse parameter was not specified.`},
		{name: "remove wildcard", script: `1..3 | % { Set-Content "C:\Temp\f$_.log" $_ }; Remove-Item C:\Temp\*.log; @(Get-ChildItem C:\Temp).Count`, out: lines("0")},
		{name: "remove missing", script: `Remove-Item C:\Temp\nope.txt`, err: `Remove-Item: Cannot find path 'C:\Temp\nope.txt' because it does not exist.`},
		{name: "remove pipeline", script: `Set-Content C:\Temp\p.txt 1; Get-ChildItem C:\Temp | Remove-Item; @(Get-ChildItem C:\Temp).Count`, out: lines("0")},
		{name: "remove whatif", script: `Set-Content C:\Temp\w.txt 1; Remove-Item C:\Temp\w.txt -WhatIf; Test-Path C:\Temp\w.txt`, out: lines(`What if: Performing the operation "Remove File" on target "C:\Temp\w.txt".`, "True")},
		{name: "copy and move", script: `Set-Content C:\Temp\c.txt 'data'; Copy-Item C:\Temp\c.txt C:\Temp\d.txt; Move-Item C:\Temp\d.txt C:\Users; Get-Content C:\Users\d.txt; Test-Path C:\Temp\d.txt; Rename-Item C:\Temp\c.txt e.txt; (Get-ChildItem C:\Temp).Name`, out: lines("data", "False", "e.txt")},
		{name: "copy folder recurse", script: `mkdir C:\S\in | Out-Null; Set-Content C:\S\in\f.txt 1; Copy-Item C:\S C:\D -Recurse; Get-ChildItem C:\D -Recurse -Name`, out: lines("in", `in\f.txt`)},
		{name: "copy passthru", script: `Set-Content C:\Temp\c.txt 1; Copy-Item C:\Temp\c.txt C:\Temp\c2.txt -PassThru | % Name`, out: lines("c2.txt")},
		{name: "rename exists", script: `Set-Content C:\Temp\a.txt 1; Set-Content C:\Temp\b.txt 1; Rename-Item C:\Temp\a.txt b.txt`, err: "Rename-Item: Cannot create a file when that file already exists."},
		{name: "get-item dir", script: `(Get-Item C:\Users\ann).FullName; (Get-Item C:\Users\ann).Parent.FullName; (Get-Item C:\).FullName`, out: lines(`C:\Users\ann`, `C:\Users`, `C:\`)},
	})
}

func TestContent(t *testing.T) {
	t.Parallel()
	runCases(t, []scriptCase{
		{name: "set get", script: `Set-Content C:\Temp\a.txt 'one','two'; Get-Content C:\Temp\a.txt; (Get-Content C:\Temp\a.txt).Count`, out: lines("one", "two", "2")},
		{name: "add", script: `Set-Content C:\Temp\a.txt 'one'; Add-Content C:\Temp\a.txt 'two'; 'three' | Add-Content C:\Temp\a.txt; Get-Content C:\Temp\a.txt -Raw`, out: "one\ntwo\nthree\n\n"},
		{name: "add creates", script: `Add-Content C:\Temp\new.txt 'x'; Get-Content C:\Temp\new.txt`, out: lines("x")},
		{name: "nonewline", script: `Set-Content C:\Temp\a.txt 'a','b' -NoNewline; Get-Content C:\Temp\a.txt -Raw`, out: lines("ab")},
		{name: "raw", script: `Set-Content C:\Temp\a.txt 'x','y'; $r = Get-Content C:\Temp\a.txt -Raw; $r.Length`, out: lines("4")},
		{name: "head tail", script: `Set-Content C:\Temp\n.txt (1..10); Get-Content C:\Temp\n.txt -TotalCount 2; Get-Content C:\Temp\n.txt -Head 1; Get-Content C:\Temp\n.txt -Tail 2; Get-Content C:\Temp\n.txt -First 0`, out: lines("1", "2", "1", "9", "10")},
		{name: "readcount", script: `Set-Content C:\Temp\n.txt (1..5); Get-Content C:\Temp\n.txt -ReadCount 2 | % { $_ -join '+' }; (Get-Content C:\Temp\n.txt -ReadCount 0).Count`, out: lines("1+2", "3+4", "5", "5")},
		{name: "bytes", script: `Set-Content C:\Temp\b.bin -Value 65, 66, 255 -AsByteStream; (Get-Item C:\Temp\b.bin).Length; Get-Content C:\Temp\b.bin -AsByteStream -TotalCount 2; (Get-Content C:\Temp\b.bin -AsByteStream -Raw)[2]`, out: lines("3", "65", "66", "255")},
		{name: "delimiter", script: `Set-Content C:\Temp\d.txt 'a,b,c' -NoNewline; Get-Content C:\Temp\d.txt -Delimiter ','`, out: lines("a", "b", "c")},
		{name: "crlf and bom", script: `Set-Content C:\Temp\w.txt "a` + "`r`n" + `b" -Encoding utf8BOM; Get-Content C:\Temp\w.txt`, out: lines("a", "b")},
		{name: "unicode round trip", script: `Set-Content C:\Temp\u.txt 'Zürich 東京' -Encoding unicode; Get-Content C:\Temp\u.txt; (Get-Item C:\Temp\u.txt).Length`, out: lines("Zürich 東京", "22")},
		{name: "ascii", script: `Set-Content C:\Temp\a.txt 'Zürich' -Encoding ascii; Get-Content C:\Temp\a.txt`, out: lines("Z?rich")},
		{name: "bad encoding", script: `Set-Content C:\Temp\a.txt 'x' -Encoding klingon`, err: "'klingon' is not a supported encoding name."},
		{name: "missing file", script: `Get-Content C:\Temp\none.txt`, err: `Get-Content: Cannot find path 'C:\Temp\none.txt' because it does not exist.`},
		{name: "missing folder", script: `Set-Content C:\None\a.txt 'x'`, err: `Set-Content: Could not find a part of the path 'C:\None\a.txt'.`},
		{name: "directory", script: `Get-Content C:\Temp`, err: `Unable to get content because it is a directory: 'C:\Temp'.`},
		{name: "unc read", script: `Get-Content \\SERVER01\share\y.csv`, err: `Get-Content: Cannot find path '\\SERVER01\share\y.csv' because it does not exist.`},
		{name: "unc write", script: `'x' | Out-File \\SERVER01\share\y.txt`, err: `Out-File: Could not find a part of the path '/SERVER01/share/y.txt'.`},
		{name: "other drive", script: `Get-Content D:\x.txt`, err: "Get-Content: Cannot find drive. A drive with the name 'D' does not exist."},
		{name: "clear", script: `Set-Content C:\Temp\c.txt 'x'; Clear-Content C:\Temp\c.txt; (Get-Item C:\Temp\c.txt).Length`, out: lines("0")},
		{name: "out-file", script: `Get-Date -Year 2020 -Month 1 -Day 2 | Out-File C:\Temp\o.txt; 'more' | Out-File C:\Temp\o.txt -Append; Get-Content C:\Temp\o.txt`, out: lines("", "Thursday, January 2, 2020 9:30:00 AM", "", "more")},
		{name: "out-file noclobber", script: `'a' | Out-File C:\Temp\o.txt; 'b' | Out-File C:\Temp\o.txt -NoClobber`, err: `Out-File: The file 'C:\Temp\o.txt' already exists.`},
		{name: "out-file width", script: `[pscustomobject]@{ Name = 'x' * 30 } | Out-File C:\Temp\w.txt -Width 20; (Get-Content C:\Temp\w.txt)[3]`, out: lines("xxxxxxxxxxxxxxxxxxx…")},
		{name: "redirection", script: `'one' > C:\Temp\r.txt; 'two' >> C:\Temp\r.txt; Get-Content C:\Temp\r.txt`, out: lines("one", "two")},
		{name: "redirection unc", script: `'one' > \\srv\share\r.txt`, err: `Could not find a part of the path '/srv/share/r.txt'.`},
		{name: "env content", script: `Get-Content Env:USERNAME; $v = 'val'; Get-Content Variable:v`, out: lines("ann", "val")},
		{name: "last write time from clock", script: `Set-Content C:\Temp\t.txt 1; (Get-Item C:\Temp\t.txt).LastWriteTime.ToString('s')`, out: lines("2024-03-15T09:30:00")},
	})
}

// A file without line breaks (a device such as /dev/zero) ends the read
// with an error instead of filling memory.
func TestContentBounded(t *testing.T) {
	t.Parallel()
	s := newSession(t)
	if err := s.mem.MkdirAll("/dev"); err != nil {
		t.Fatal(err)
	}
	w, err := s.mem.OpenFile("/dev/zero", 0x40)
	if err != nil {
		t.Fatal(err)
	}
	s.rt.Files().LineLimit = 1 << 20
	w.Write(make([]byte, 2<<20))
	w.Close()
	for _, script := range []string{`Get-Content /dev/zero -TotalCount 1`, `Get-Content /dev/zero -Raw | Out-Null`, `Import-Csv /dev/zero`} {
		out, errOut := s.run(script)
		if out != "" || !strings.Contains(errOut, "exosim reads at most 1 MiB without a line break; '/dev/zero' has more") {
			t.Errorf("%s:\nout %q\nerr %q", script, out, errOut)
		}
	}
}
