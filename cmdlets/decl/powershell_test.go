package decl

import (
	"strings"
	"testing"
)

// PowerShell's own cmdlets: the modules it ships on Linux, each cmdlet
// once, bindable, and the Windows-only ones left out.
func TestPowerShellTable(t *testing.T) {
	t.Parallel()
	perModule := map[string]int{}
	for _, n := range PowerShellNames() {
		info, ok := FindPowerShell(strings.ToUpper(n))
		if !ok || info.Name != n {
			t.Fatalf("%s: not found by its upper-case name", n)
		}
		perModule[info.Module]++
		c := LookupPowerShell(n)
		if c == nil || c.Name != n {
			t.Fatalf("%s: no declaration", n)
		}
		seen := map[string]bool{}
		for _, p := range c.Params {
			if seen[strings.ToLower(p.Name)] || p.Type == nil || len(p.Sets) == 0 {
				t.Errorf("%s -%s: declared twice, untyped or in no set", n, p.Name)
			}
			seen[strings.ToLower(p.Name)] = true
		}
		if c.DefaultSet != "" && !contains(c.Sets, c.DefaultSet) {
			t.Errorf("%s: default set %s is not one of %v", n, c.DefaultSet, c.Sets)
		}
	}
	for _, m := range []string{"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management",
		"Microsoft.PowerShell.Security", "Microsoft.PowerShell.Host", "Microsoft.PowerShell.Archive", "PSReadLine", "ThreadJob"} {
		if perModule[m] == 0 {
			t.Errorf("module %s has no cmdlet", m)
		}
	}
	for _, win := range []string{"Get-Service", "Get-Acl", "Out-GridView", "Get-CimInstance", "Get-WinEvent", "Get-Counter"} {
		if _, ok := FindPowerShell(win); ok {
			t.Errorf("%s is Windows-only but declared", win)
		}
	}
	if _, ok := Find("Send-MailMessage"); ok {
		t.Error("a PowerShell cmdlet is in the Exchange table")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Facts the PowerShell table must carry from the reference.
func TestPowerShellParameters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cmd, param, set string
		mandatory       bool
		position        int
		typeName        string
		alias           string
	}{
		{"Send-MailMessage", "To", "__AllParameterSets", true, 0, "String[]", ""},
		{"Send-MailMessage", "From", "__AllParameterSets", true, -1, "String", ""},
		{"Send-MailMessage", "Attachments", "__AllParameterSets", false, -1, "String[]", "PsPath"},
		{"Send-MailMessage", "Priority", "__AllParameterSets", false, -1, "MailPriority", ""},
		{"Invoke-RestMethod", "Uri", "StandardMethod", true, 0, "Uri", ""},
		{"Start-ThreadJob", "ScriptBlock", "ScriptBlock", true, 0, "ScriptBlock", ""},
		{"Receive-Job", "Keep", "Location", false, -1, "SwitchParameter", ""},
		{"Set-PSReadLineOption", "EditMode", "__AllParameterSets", false, -1, "EditMode", ""},
		{"Get-Process", "Name", "Name", false, 0, "String[]", "ProcessName"},
	}
	for _, tt := range tests {
		c := LookupPowerShell(tt.cmd)
		if c == nil {
			t.Errorf("%s: not declared", tt.cmd)
			continue
		}
		p := c.Param(tt.param)
		if p == nil {
			t.Errorf("%s: no -%s", tt.cmd, tt.param)
			continue
		}
		si, ok := p.InSet(tt.set)
		if !ok || si.Mandatory != tt.mandatory || si.Position != tt.position || p.Type.Name != tt.typeName {
			t.Errorf("%s -%s in %s: in=%v mandatory=%v position=%d type=%s; want mandatory=%v position=%d type=%s",
				tt.cmd, tt.param, tt.set, ok, si.Mandatory, si.Position, p.Type.Name, tt.mandatory, tt.position, tt.typeName)
		}
		if tt.alias != "" && !contains(p.Aliases, tt.alias) {
			t.Errorf("%s -%s: aliases %v lack %s", tt.cmd, tt.param, p.Aliases, tt.alias)
		}
	}
}
