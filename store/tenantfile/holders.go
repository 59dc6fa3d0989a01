package tenantfile

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Holder describes a process that has a tenant file open, as recorded in
// the holder note it leaves beside the file (<file>.holder.<pid>) while it
// holds the bbolt lock. The notes are advisory: they only serve to name
// the holder when another process times out waiting for the lock.
type Holder struct {
	PID      int
	Command  string
	ReadOnly bool
	Since    time.Time
}

// String renders a holder for error messages.
func (h Holder) String() string {
	mode := "read-write"
	if h.ReadOnly {
		mode = "read-only"
	}
	return fmt.Sprintf("pid %d (%s, %s since %s)", h.PID, h.Command, mode, h.Since.Format(time.RFC3339))
}

const holderSuffix = ".holder."

func holderNote(path string, pid int) string { return path + holderSuffix + strconv.Itoa(pid) }

// RecordHolder writes this process's holder note once it holds the lock
// (with the exclusive lock, RemoveStale clears the stale notes). Errors
// are ignored: the note is a courtesy, and a read-only directory must not
// prevent reading.
func RecordHolder(path string, readOnly bool) string {
	note := holderNote(path, os.Getpid())
	text := fmt.Sprintf("pid=%d\nreadonly=%t\nsince=%s\ncommand=%s\n", os.Getpid(), readOnly,
		time.Now().UTC().Format(time.RFC3339), strings.Join(append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...), " "))
	if err := os.WriteFile(note, []byte(text), 0o600); err != nil {
		return ""
	}
	return note
}

func holderNotes(path string) []string {
	matches, _ := filepath.Glob(escapeGlob(path) + holderSuffix + "*")
	return matches
}

// escapeGlob quotes the glob metacharacters of a literal path.
func escapeGlob(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Holders returns the live processes whose holder notes name path,
// ordered by PID. Notes of processes that no longer exist are skipped.
func Holders(path string) []Holder {
	var out []Holder
	for _, note := range holderNotes(path) {
		data, err := os.ReadFile(note)
		if err != nil {
			continue
		}
		var h Holder
		for _, line := range strings.Split(string(data), "\n") {
			k, v, _ := strings.Cut(line, "=")
			switch k {
			case "pid":
				h.PID, _ = strconv.Atoi(v)
			case "readonly":
				h.ReadOnly = v == "true"
			case "since":
				h.Since, _ = time.Parse(time.RFC3339, v)
			case "command":
				h.Command = v
			}
		}
		if h.PID <= 0 {
			continue
		}
		if !processAlive(h.PID) {
			continue
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out
}
