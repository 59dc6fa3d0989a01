package store

import (
	"bytes"
	"os"
	"testing"
)

func TestSmokeExport(t *testing.T) {
	s := seeded(t, SeedContoso)
	var b bytes.Buffer
	if err := s.Export(&b); err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EXOSIM_DUMP") != "" {
		os.WriteFile(os.Getenv("EXOSIM_DUMP"), b.Bytes(), 0o600)
	}
	info, err := s.Info()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", info)
}
