package main

import (
	"strings"
	"testing"
)

func TestWriteBoxTable(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := writeBoxTable(&b, []string{"Kind", "Count"}, [][]string{{"mailbox", "28"}, {"retentionPolicyTag", "13"}, {"timer", "0"}}); err != nil {
		t.Fatal(err)
	}
	want := `┌────────────────────┬───────┐
│        KIND        │ COUNT │
├────────────────────┼───────┤
│ mailbox            │ 28    │
│ retentionPolicyTag │ 13    │
│ timer              │ 0     │
└────────────────────┴───────┘
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
