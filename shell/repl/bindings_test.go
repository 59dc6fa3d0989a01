package repl

import (
	"strings"
	"testing"
)

// Set-PSReadLineKeyHandler's bindings change what a key does in the
// editor; keys and functions the editor lacks are refused by name.
func TestBindKey(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, key, fn, keys, want, err string
	}{
		{"tab as MenuComplete opens the menu", "Tab", "MenuComplete", "Get-M\t\x1b[B\r\r", "Get-MailboxStatistics", ""},
		{"key names ignore case", "tab", "menucomplete", "Get-M\t\x1b[B\r\r", "Get-MailboxStatistics", ""},
		{"up arrow as NextHistory", "UpArrow", "NextHistory", "\x1b[A\r", "", ""},
		{"an unknown key is refused", "F7", "MenuComplete", "", "", "cannot rebind the key 'F7'"},
		{"an unknown function is refused", "Tab", "ViCommandMode", "", "", "does not have the function 'ViCommandMode'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sc := newScreen(40, 10)
			tm := newTestTerminal(&bytesSource{b: []byte(tc.keys)}, screenWriter{sc}, 40)
			tm.History = &History{Entries: []string{"Get-Date"}}
			tm.Incomplete = Incomplete
			tm.Complete = testCompleter
			err := tm.BindKey(tc.key, tc.fn)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || len(tm.Keys) != 0 {
					t.Fatalf("err %v, keys %v; want an error with %q and no binding", err, tm.Keys, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := tm.ReadCommand("P> ")
			if err != nil || got != tc.want {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// HistoryNoDuplicates: an entry accepted again replaces its earlier copy.
func TestHistoryNoDuplicates(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		noDup bool
		want  string
	}{{false, "a b a"}, {true, "b a"}} {
		h := &History{NoDuplicates: tc.noDup}
		for _, e := range []string{"a", "b", "a"} {
			h.Add(e)
		}
		if got := strings.Join(h.Entries, " "); got != tc.want {
			t.Errorf("NoDuplicates=%v: %q, want %q", tc.noDup, got, tc.want)
		}
	}
}
