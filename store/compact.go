package store

import (
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

// compactTxSize bounds the transactions Compact writes the copy in.
const compactTxSize = 64 << 20

// Compact rewrites the closed tenant file at path as a compact copy: each
// bucket's pages in key order, in one region of the file, and no free
// pages. A bulk build (tenant init --mailboxes) leaves every bucket's
// pages interleaved with the others' and many pages free; compacted, a
// listing walks one region of the file, and opening it does not load a
// large free list. The copy is written beside the file and renamed over
// it; the file is held locked meanwhile.
func Compact(path string, lockTimeout time.Duration) error {
	src, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return fmt.Errorf("open tenant %q: %w", path, err)
	}
	tmp := fmt.Sprintf("%s.compact-%d", path, os.Getpid())
	_ = os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true})
	if err == nil {
		err = bolt.Compact(dst, src, compactTxSize)
		if err == nil {
			err = dst.Sync()
		}
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
	}
	if cerr := src.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("compact tenant %q: %w", path, err)
	}
	return nil
}
