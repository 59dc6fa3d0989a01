package syntax

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestSlowCorpus(t *testing.T) {
	dir := os.Getenv("CORPUS")
	if dir == "" {
		t.Skip()
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		lines := strings.SplitN(string(data), "\n", 2)
		if len(lines) < 2 {
			continue
		}
		s := strings.TrimSpace(lines[1])
		s = strings.TrimPrefix(s, "string(")
		s = strings.TrimSuffix(s, ")")
		in, err := strconv.Unquote(s)
		if err != nil {
			continue
		}
		start := time.Now()
		ParseString("", in)
		if d := time.Since(start); d > 50*time.Millisecond {
			t.Logf("%v %d %q", d, len(in), in[:min(len(in), 200)])
		}
	}
}
