//go:build !linux

package boltfile

import bolt "go.etcd.io/bbolt"

// WhileDroppingPages runs fn (see pages_linux.go).
func WhileDroppingPages(dbs func() []*bolt.DB, fn func() error) error { return fn() }
