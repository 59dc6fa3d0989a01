package tenantfile

import (
	"fmt"
	"io"
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

// RecordHolder writes this process's holder note once it holds the
// shared lock l (with the exclusive lock, RemoveStale clears the stale
// notes), and returns its name to remove when the lock goes. It marks the
// lock file first (MarkSideFiles) and writes no note when it can't.
// Errors are ignored: the note is a courtesy, and a read-only directory
// must not prevent reading.
func RecordHolder(l *Lock, path string, readOnly bool) string {
	if !l.MarkSideFiles() {
		return ""
	}
	note := holderNote(path, os.Getpid())
	f, err := OpenFile(note, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return ""
	}
	_, err = f.Write(holderText(readOnly))
	if err1 := f.Close(); err == nil {
		err = err1
	}
	if err != nil {
		return ""
	}
	return note
}

// RecordHolder writes this process's holder note into the lock file of
// an exclusive lock, until Release blanks it: no file is made or removed
// beside the tenant for it. The note starts at the file's second byte
// (the first is the one Windows locks) and ends at the first empty line
// (what follows is left from longer notes before it). It reports false
// for a shared lock, which has to record its holder with the function
// RecordHolder; errors are ignored.
func (l *Lock) RecordHolder() bool {
	if l == nil || l.f == nil || !l.exclusive {
		return false
	}
	if _, err := l.f.WriteAt(append(holderText(false), '\n'), 1); err == nil {
		l.noted = true
	}
	return true
}

// lockFileNote reads the holder note in the lock file of path (from its
// second byte: Windows refuses to read the first one while another
// process has it locked).
func lockFileNote(path string) []byte {
	f, err := os.Open(path + LockSuffix)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, _ := io.ReadAll(io.NewSectionReader(f, 1, 1<<16))
	if strings.HasPrefix(string(data), "\n") {
		return nil // blanked: no holder
	}
	if i := strings.Index(string(data), "\n\n"); i >= 0 {
		data = data[:i+1]
	}
	return data
}

// holderText is this process's holder note: its pid, whether it reads
// only, since when (RFC 3339) and its command line, a line each. It is
// put together piece by piece, without the fmt package, whose code a
// short command would run for nothing else.
func holderText(readOnly bool) []byte {
	b := make([]byte, 0, 128)
	b = append(b, "pid="...)
	b = strconv.AppendInt(b, int64(os.Getpid()), 10)
	b = append(b, "\nreadonly="...)
	b = strconv.AppendBool(b, readOnly)
	b = append(b, "\nsince="...)
	b = time.Now().UTC().AppendFormat(b, time.RFC3339)
	b = append(b, "\ncommand="...)
	b = append(b, filepath.Base(os.Args[0])...)
	for _, a := range os.Args[1:] {
		b = append(append(b, ' '), a...)
	}
	return append(b, '\n')
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

// Holders returns the live processes whose holder notes name path (in
// its lock file or beside it), ordered by PID. Notes of processes that no
// longer exist are skipped.
func Holders(path string) []Holder {
	var texts [][]byte
	if data := lockFileNote(path); len(data) > 0 {
		texts = append(texts, data)
	}
	for _, note := range holderNotes(path) {
		if data, err := os.ReadFile(note); err == nil {
			texts = append(texts, data)
		}
	}
	var out []Holder
	seen := map[int]bool{}
	for _, data := range texts {
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
		if h.PID <= 0 || seen[h.PID] {
			continue
		}
		if !processAlive(h.PID) {
			continue
		}
		seen[h.PID] = true
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PID < out[j].PID })
	return out
}
