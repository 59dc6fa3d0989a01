package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/tenant"
)

// seededTemplate is the file of a freshly seeded contoso tenant, made once
// per test process: seeding is deterministic (a fixed simulated clock), so
// every test that wants a fresh tenant gets a copy of the same file
// instead of seeding its own.
var seededTemplate struct {
	once sync.Once
	data []byte
	err  error
}

// seededTenantBytes returns the template's bytes, seeding it on first use
// as a tenant's first open does (the contoso seed at the default clock).
func seededTenantBytes() ([]byte, error) {
	seededTemplate.once.Do(func() {
		dir, err := buildDir("exosim-seed-")
		if err != nil {
			seededTemplate.err = err
			return
		}
		path := filepath.Join(dir, "tenant.db")
		st, err := tenant.Open(path, store.Options{NoSync: true})
		if err != nil {
			seededTemplate.err = err
			return
		}
		err = seed.Init(st, seed.Contoso, time.Time{}, false)
		if err == nil {
			err = checkSeeded(st)
		}
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			seededTemplate.data, err = os.ReadFile(path)
		}
		seededTemplate.err = err
	})
	return seededTemplate.data, seededTemplate.err
}

// checkSeeded runs the tenant checks on a freshly seeded tenant: a copy
// nobody changed needs none of its own.
func checkSeeded(st *store.Store) error {
	fs, err := st.Check()
	if err != nil {
		return err
	}
	if len(fs) > 0 {
		return fmt.Errorf("the seeded tenant fails its checks: %s", fs[0])
	}
	return nil
}

// copySeededTenant writes a freshly seeded contoso tenant to path.
func copySeededTenant(path string) error {
	data, err := seededTenantBytes()
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}

// isUntouchedSeededTenant reports whether the file at path is still
// byte for byte the seeded template.
func isUntouchedSeededTenant(path string) bool {
	data, err := seededTenantBytes()
	if err != nil {
		return false
	}
	got, err := os.ReadFile(path)
	return err == nil && bytes.Equal(got, data)
}
