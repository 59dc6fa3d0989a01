package tenantfile

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A holder note is its four lines: the pid, whether the holder reads
// only, since when, and the command line (the program's base name and its
// arguments).
func TestHolderText(t *testing.T) {
	t.Parallel()
	for _, readOnly := range []bool{false, true} {
		got := string(holderText(readOnly))
		command := strings.Join(append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...), " ")
		want := regexp.MustCompile("^" + regexp.QuoteMeta(fmt.Sprintf("pid=%d\nreadonly=%t\nsince=", os.Getpid(), readOnly)) +
			`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ` + regexp.QuoteMeta("\ncommand="+command+"\n") + "$")
		if !want.MatchString(got) {
			t.Errorf("holderText(%v) = %q", readOnly, got)
		}
	}
}
