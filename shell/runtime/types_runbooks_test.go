package runtime_test

import "testing"

// runbookTypeCases are .NET types and statics that public runbooks use
// around their Exchange calls; want is PowerShell 7.4's output (lines
// trimmed, blank lines dropped).
var runbookTypeCases = []struct{ name, in, want string }{
	{"nullable keeps null", `[Nullable[datetime]]$d = $null; $null -eq $d; $d = '2024-02-20'; $d.GetType().Name; $d.Day`, "True\nDateTime\n20"},
	{"nullable of int converts", `[System.Nullable[int]]$n = '42'; $n + 1; ([Nullable[int]]$null) -eq $null`, "43\nTrue"},
	{"nullable conversion error names the inner type", `[Nullable[int]]'abc'`,
		"InvalidArgument: Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\""},
	{"TLS 1.2 before connecting", `[Net.ServicePointManager]::SecurityProtocol; [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; [Net.ServicePointManager]::SecurityProtocol`,
		"SystemDefault\nTls12"},
	{"TLS protocols combined", `[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12 -bor [Net.SecurityProtocolType]::Tls13; [Net.ServicePointManager]::SecurityProtocol; [int][Net.ServicePointManager]::SecurityProtocol`,
		"Tls12, Tls13\n15360"},
	// special folders are the simulated user's profile folders in the C: drive
	{"special folders", `[Environment]::GetFolderPath('MyDocuments'); [Environment]::GetFolderPath([Environment+SpecialFolder]::Desktop); [System.Environment]::GetFolderPath(28); Test-Path ([Environment]::GetFolderPath('Desktop')); ([Environment]::GetFolderPath('Windows')).Length`,
		"C:\\Users\\admin\\Documents\nC:\\Users\\admin\\Desktop\nC:\\Users\\admin\\AppData\\Local\nTrue\n0"},
	// an exception object thrown keeps its type; its message is the error ID
	{"throw an exception object", `try { throw [System.ArgumentException]::new('bad arg') } catch [ArgumentException] { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.CategoryInfo.Category }; try { throw (New-Object System.InvalidOperationException 'no') } catch [System.Exception] { "caught $_" }; [System.ArgumentNullException]::new('Identity').Message`,
		"bad arg\nSystem.ArgumentException\nOperationStopped\ncaught no\nValue cannot be null. (Parameter 'Identity')"},
	{"read-only static property", `[datetime]::Now = [datetime]'2024-01-01'`, "InvalidOperation: 'Now' is a ReadOnly property."},
	{"unknown static property", `[Net.ServicePointManager]::Foo = 1`,
		"InvalidOperation: The property 'Foo' cannot be found on this object. Verify that the property exists and can be set."},
}

func TestRunbookTypeCases(t *testing.T) {
	t.Parallel()
	for _, c := range runbookTypeCases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if got := trimLines(block(t, c.in)); got != c.want {
				t.Errorf("%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

func TestPlatformVariables(t *testing.T) {
	t.Parallel()
	got := trimLines(block(t, `"$IsWindows $IsLinux $IsMacOS $IsCoreCLR $($PSVersionTable.Platform)"; if (-not $IsWindows) { 'not on Windows' }; $IsWindows = $true`))
	want := "False True False True Unix\nnot on Windows\nWriteError: Cannot overwrite variable IsWindows because it is read-only or constant."
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A command called by its module-qualified name is the module's command,
// even when a function of the same name hides it.
func TestModuleQualifiedNames(t *testing.T) {
	t.Parallel()
	got := trimLines(block(t, `function Write-Output { 'shadowed' }
Write-Output x
Microsoft.PowerShell.Utility\Write-Output 'from the module'
microsoft.powershell.utility\write-output 'any case'
(Get-Command Microsoft.PowerShell.Utility\Write-Output).Source
Microsoft.PowerShell.Management\Write-Output y`))
	want := "shadowed\nfrom the module\nany case\nMicrosoft.PowerShell.Utility\n" +
		"Microsoft.PowerShell.Management\\Write-Output:\nLine |\n   6 |  Microsoft.PowerShell.Management\\Write-Output y\n     |  ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n     | The term 'Microsoft.PowerShell.Management\\Write-Output' is not recognized as a name of a cmdlet, function, script file, or executable program.\n" +
		"Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
