package fsys

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// Mem is an in-memory FS for tests: a tree of directories and files under
// "/". It is safe for concurrent use.
type Mem struct {
	mu   sync.Mutex
	root *memNode
	// Now stamps new and changed files (zero time when unset).
	Now func() time.Time
}

type memNode struct {
	name     string
	dir      bool
	data     []byte
	mtime    time.Time
	children map[string]*memNode
}

// NewMem returns an empty in-memory file system.
func NewMem() *Mem {
	return &Mem{root: &memNode{name: "/", dir: true, children: map[string]*memNode{}}}
}

func (m *Mem) now() time.Time {
	if m.Now != nil {
		return m.Now()
	}
	return time.Time{}
}

func pathErr(op, name string, err error) error { return &fs.PathError{Op: op, Path: name, Err: err} }

// lookup finds a node; parent is the directory that holds (or would hold)
// it. A missing intermediate directory gives fs.ErrNotExist for parent.
func (m *Mem) lookup(name string) (node, parent *memNode, base string, err error) {
	name = clean(name)
	if name == "/" {
		return m.root, nil, "/", nil
	}
	parts := strings.Split(name[1:], "/")
	cur := m.root
	for i, p := range parts {
		if !cur.dir {
			return nil, nil, "", fs.ErrNotExist
		}
		next, ok := cur.children[p]
		if i == len(parts)-1 {
			if !ok {
				return nil, cur, p, nil
			}
			return next, cur, p, nil
		}
		if !ok {
			return nil, nil, "", fs.ErrNotExist
		}
		cur = next
	}
	return cur, nil, "", nil
}

// Stat implements FS.
func (m *Mem) Stat(name string) (fs.FileInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, _, _, err := m.lookup(name)
	if err != nil || n == nil {
		return nil, pathErr("stat", name, fs.ErrNotExist)
	}
	return n.info(), nil
}

// ReadDir implements FS.
func (m *Mem) ReadDir(name string) ([]fs.FileInfo, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, _, _, err := m.lookup(name)
	if err != nil || n == nil {
		return nil, pathErr("open", name, fs.ErrNotExist)
	}
	if !n.dir {
		return nil, pathErr("readdir", name, errNotDir)
	}
	out := make([]fs.FileInfo, 0, len(n.children))
	for _, c := range n.children {
		out = append(out, c.info())
	}
	sortInfos(out)
	return out, nil
}

var (
	errNotDir   = &fsError{"not a directory"}
	errIsDir    = &fsError{"is a directory"}
	errNotEmpty = &fsError{"directory not empty"}
)

type fsError struct{ s string }

func (e *fsError) Error() string { return e.s }

// Open implements FS.
func (m *Mem) Open(name string) (io.ReadCloser, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, _, _, err := m.lookup(name)
	if err != nil || n == nil {
		return nil, pathErr("open", name, fs.ErrNotExist)
	}
	if n.dir {
		return nil, pathErr("read", name, errIsDir)
	}
	return io.NopCloser(bytes.NewReader(append([]byte(nil), n.data...))), nil
}

// OpenFile implements FS.
func (m *Mem) OpenFile(name string, flag int) (io.WriteCloser, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, parent, base, err := m.lookup(name)
	if err != nil || (n == nil && parent == nil) {
		return nil, pathErr("open", name, fs.ErrNotExist)
	}
	if n == nil {
		if flag&os.O_CREATE == 0 {
			return nil, pathErr("open", name, fs.ErrNotExist)
		}
		n = &memNode{name: base, mtime: m.now()}
		parent.children[base] = n
	} else if flag&os.O_EXCL != 0 && flag&os.O_CREATE != 0 {
		return nil, pathErr("open", name, fs.ErrExist)
	}
	if n.dir {
		return nil, pathErr("open", name, errIsDir)
	}
	if flag&os.O_TRUNC != 0 {
		n.data = nil
		n.mtime = m.now()
	}
	return &memWriter{m: m, n: n}, nil
}

type memWriter struct {
	m *Mem
	n *memNode
}

func (w *memWriter) Write(p []byte) (int, error) {
	w.m.mu.Lock()
	defer w.m.mu.Unlock()
	w.n.data = append(w.n.data, p...)
	w.n.mtime = w.m.now()
	return len(p), nil
}

func (w *memWriter) Close() error { return nil }

// Mkdir implements FS.
func (m *Mem) Mkdir(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, parent, base, err := m.lookup(name)
	if err != nil || (n == nil && parent == nil) {
		return pathErr("mkdir", name, fs.ErrNotExist)
	}
	if n != nil {
		return pathErr("mkdir", name, fs.ErrExist)
	}
	parent.children[base] = &memNode{name: base, dir: true, mtime: m.now(), children: map[string]*memNode{}}
	return nil
}

// MkdirAll implements FS.
func (m *Mem) MkdirAll(name string) error {
	name = clean(name)
	if name == "/" {
		return nil
	}
	parts := strings.Split(name[1:], "/")
	for i := range parts {
		p := "/" + strings.Join(parts[:i+1], "/")
		fi, err := m.Stat(p)
		if err == nil {
			if !fi.IsDir() {
				return pathErr("mkdir", p, errNotDir)
			}
			continue
		}
		if err := m.Mkdir(p); err != nil {
			return err
		}
	}
	return nil
}

// Remove implements FS.
func (m *Mem) Remove(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, parent, base, err := m.lookup(name)
	if err != nil || n == nil || parent == nil {
		return pathErr("remove", name, fs.ErrNotExist)
	}
	if n.dir && len(n.children) > 0 {
		return pathErr("remove", name, errNotEmpty)
	}
	delete(parent.children, base)
	return nil
}

// RemoveAll implements FS.
func (m *Mem) RemoveAll(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, parent, base, err := m.lookup(name)
	if err != nil || n == nil || parent == nil {
		return nil
	}
	delete(parent.children, base)
	return nil
}

// Rename implements FS.
func (m *Mem) Rename(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, parent, base, err := m.lookup(oldname)
	if err != nil || n == nil || parent == nil {
		return pathErr("rename", oldname, fs.ErrNotExist)
	}
	if strings.HasPrefix(clean(newname)+"/", clean(oldname)+"/") {
		return pathErr("rename", newname, fs.ErrInvalid)
	}
	t, tparent, tbase, err := m.lookup(newname)
	if err != nil || (t == nil && tparent == nil) {
		return pathErr("rename", newname, fs.ErrNotExist)
	}
	if t != nil && t.dir && (!n.dir || len(t.children) > 0) {
		return pathErr("rename", newname, fs.ErrExist)
	}
	delete(parent.children, base)
	n.name = tbase
	tparent.children[tbase] = n
	return nil
}

// Chtimes implements FS.
func (m *Mem) Chtimes(name string, mtime time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, _, _, err := m.lookup(name)
	if err != nil || n == nil {
		return pathErr("chtimes", name, fs.ErrNotExist)
	}
	n.mtime = mtime
	return nil
}

func (n *memNode) info() fs.FileInfo {
	return memInfo{name: n.name, dir: n.dir, size: int64(len(n.data)), mtime: n.mtime}
}

type memInfo struct {
	name  string
	dir   bool
	size  int64
	mtime time.Time
}

func (i memInfo) Name() string { return path.Base("/" + i.name) }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return i.mtime }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
