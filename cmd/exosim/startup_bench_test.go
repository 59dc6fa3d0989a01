package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
)

// BenchmarkOneShot is exosim -c 'Get-Mailbox annb | fl' run in this
// process: everything a one-shot command does after package
// initialisation (flags, opening the tenant, the session, the command).
func BenchmarkOneShot(b *testing.B) {
	path := filepath.Join(b.TempDir(), "t.db")
	quietEnv := func(out *bytes.Buffer) *env {
		return &env{io: &host.IO{In: strings.NewReader(""), Out: out, Err: out, Width: 120}, getenv: func(string) string { return "" }}
	}
	var out bytes.Buffer
	if code := run([]string{"--tenant", path, "tenant", "init"}, quietEnv(&out)); code != 0 {
		b.Fatalf("tenant init: %s", out.String())
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out.Reset()
		if code := run([]string{"--tenant", path, "-c", "Get-Mailbox annb | fl"}, quietEnv(&out)); code != 0 {
			b.Fatalf("one-shot: %s", out.String())
		}
	}
}
