package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSensitiveLine(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"Get-SimClock", false},
		{"$password = 'hunter2'", true},
		{"$token = Get-Secret -Name api", false},
		{"$token = $cfg.Token", false},
		{"Connect-Thing -Password $pw", false},
		{"Connect-Thing -Password 'abc'", true},
		{"Connect-Thing -Password:'abc'", true},
		{"ConvertTo-SecureString 'x' -AsPlainText -Force", true},
		{"Get-Secret -Name api", false},
		{"Write-Host $apikey", false},
		{"$cred.Password", false},
		{"$x.Token = 'abc'", true},
		{"$x.Token = $t", false},
		{"Set-Thing -UseDefaultPassword", false},
		{"Invoke-X -Token (Get-Secret t)", false},
		{"'my secret'", true},
		{"Write-Output SECRET", true},
		{"if ($token", true}, // does not parse
	}
	for _, tc := range cases {
		if got := SensitiveLine(tc.line); got != tc.want {
			t.Errorf("%q: sensitive %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestHistoryFile: entries go to a 0600 file in PSReadLine's format
// (multi-line entries joined with backticks) and come back whole; secret
// lines stay in memory only.
func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h")
	h := LoadHistory(path, 100)
	h.Add("Get-Mailbox")
	h.Add("function f {\n\n  'x'\n}")
	h.Add("$password = 'p'")
	if len(h.Entries) != 3 {
		t.Fatalf("memory: %q", h.Entries)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("history file: %v %v", fi, err)
	}
	data, _ := os.ReadFile(path)
	if string(data) != "Get-Mailbox\nfunction f {`\n`\n  'x'`\n}\n" {
		t.Fatalf("file:\n%q", data)
	}
	back := LoadHistory(path, 100)
	if strings.Join(back.Entries, "|") != "Get-Mailbox|function f {\n\n  'x'\n}" {
		t.Fatalf("reloaded: %q", back.Entries)
	}
	small := LoadHistory(path, 1)
	if len(small.Entries) != 1 || small.Entries[0] != "function f {\n\n  'x'\n}" {
		t.Fatalf("max: %q", small.Entries)
	}
}
