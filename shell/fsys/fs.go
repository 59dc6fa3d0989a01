// Package fsys is the file system a PowerShell session sees. The host
// injects an FS (the operating system's for the CLI, an in-memory one for
// tests), and a Namespace lays PowerShell's drives over it: the host's own
// "/" drive, a simulated Windows "C:" drive mapped to a host folder, and
// the Env:, Variable:, Function: and Alias: drives whose items the session
// itself holds. The namespace also keeps the current location, so nothing
// in a session depends on the process's working directory.
package fsys

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"time"
)

// FS is the host file system under a session. Every name is an absolute,
// slash-separated host path. Reads and writes of script-visible files go
// through it and nowhere else.
type FS interface {
	Stat(name string) (fs.FileInfo, error)
	// ReadDir lists a directory, sorted by name.
	ReadDir(name string) ([]fs.FileInfo, error)
	Open(name string) (io.ReadCloser, error)
	// OpenFile opens a file for writing with os.O_* flags (O_CREATE,
	// O_TRUNC, O_APPEND, O_EXCL).
	OpenFile(name string, flag int) (io.WriteCloser, error)
	Mkdir(name string) error
	MkdirAll(name string) error
	// Remove removes a file or an empty directory.
	Remove(name string) error
	RemoveAll(name string) error
	Rename(oldname, newname string) error
	// Chtimes sets a file's modification time (files exosim writes carry
	// the simulated clock's time).
	Chtimes(name string, mtime time.Time) error
}

// OS returns the operating system's file system.
func OS() FS { return osFS{} }

type osFS struct{}

func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

func (osFS) ReadDir(name string) ([]fs.FileInfo, error) {
	ents, err := os.ReadDir(name)
	if err != nil {
		return nil, err
	}
	out := make([]fs.FileInfo, 0, len(ents))
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		out = append(out, fi)
	}
	return out, nil
}

func (osFS) Open(name string) (io.ReadCloser, error) { return os.Open(name) }

func (osFS) OpenFile(name string, flag int) (io.WriteCloser, error) {
	return os.OpenFile(name, flag|os.O_WRONLY, 0o644)
}

func (osFS) Mkdir(name string) error              { return os.Mkdir(name, 0o755) }
func (osFS) MkdirAll(name string) error           { return os.MkdirAll(name, 0o755) }
func (osFS) Remove(name string) error             { return os.Remove(name) }
func (osFS) RemoveAll(name string) error          { return os.RemoveAll(name) }
func (osFS) Rename(oldname, newname string) error { return os.Rename(oldname, newname) }
func (osFS) Chtimes(name string, mtime time.Time) error {
	return os.Chtimes(name, mtime, mtime)
}

// ErrTooLong is what a LineLimit reader's error is when a line exceeds
// its limit (errors.Is).
var ErrTooLong = errors.New("line too long")

// TooLongError is a read that met more than Limit bytes without a line
// break.
type TooLongError struct{ Limit int }

func (e *TooLongError) Error() string { return ErrTooLong.Error() }

// Is makes errors.Is(err, ErrTooLong) true.
func (e *TooLongError) Is(target error) bool { return target == ErrTooLong }

// MaxLine is the longest line exosim reads from a file (64 MiB): a file
// without line breaks (a device such as /dev/zero, a binary file) ends the
// read with an error instead of filling memory.
const MaxLine = 64 << 20

// LineLimit wraps r so that a run of more than max bytes without a
// newline fails with ErrTooLong.
func LineLimit(r io.Reader, max int) io.Reader { return &lineLimit{r: r, max: max} }

type lineLimit struct {
	r   io.Reader
	max int
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	if l.run > l.max {
		return 0, &TooLongError{Limit: l.max}
	}
	n, err := l.r.Read(p)
	for _, b := range p[:n] {
		if b == '\n' {
			l.run = 0
		} else {
			l.run++
		}
	}
	if l.run > l.max {
		return n, nil // the next call reports it
	}
	return n, err
}

// WriteFile writes data to a host file (created or replaced; appended to
// with appendTo) and stamps it with mtime when mtime is set.
func WriteFile(f FS, name string, data []byte, appendTo bool, mtime time.Time) error {
	flag := os.O_CREATE | os.O_TRUNC
	if appendTo {
		flag = os.O_CREATE | os.O_APPEND
	}
	w, err := f.OpenFile(name, flag)
	if err != nil {
		return err
	}
	_, werr := w.Write(data)
	cerr := w.Close()
	if werr != nil {
		return werr
	}
	if cerr != nil {
		return cerr
	}
	if !mtime.IsZero() {
		_ = f.Chtimes(name, mtime)
	}
	return nil
}

// ReadFile reads a whole host file, refusing more than max bytes.
func ReadFile(f FS, name string, max int64) ([]byte, error) {
	r, err := f.Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, &TooLongError{Limit: int(max)}
	}
	return data, nil
}

// sortInfos orders directory entries by name.
func sortInfos(l []fs.FileInfo) {
	sort.Slice(l, func(i, j int) bool { return l[i].Name() < l[j].Name() })
}

// clean makes an absolute slash path canonical.
func clean(name string) string {
	if name == "" {
		return "/"
	}
	return path.Clean("/" + name)
}
