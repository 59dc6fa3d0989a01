package main

import (
	"bytes"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"

	"github.com/exosim/exosim/shell/host"
)

// BenchmarkStreamingFilter is the streaming filter of the figure table
// run in this process, on the tenant EXOSIM_BENCH_TENANT names (skipped
// without one): with -cpuprofile it shows where the filter's time goes.
func BenchmarkStreamingFilter(b *testing.B) {
	path := os.Getenv("EXOSIM_BENCH_TENANT")
	if path == "" {
		b.Skip("EXOSIM_BENCH_TENANT names no tenant")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	var out bytes.Buffer
	e := &env{io: &host.IO{In: strings.NewReader(""), Out: &out, Err: &out, Width: 120}, getenv: func(string) string { return "" }}
	var before, after syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &before)
	for i := 0; i < b.N; i++ {
		out.Reset()
		if code := run([]string{"--tenant", path, "-c", "Get-Mailbox -ResultSize Unlimited | Where-Object LitigationHoldEnabled | Measure-Object | ForEach-Object Count"}, e); code != 0 {
			b.Fatalf("filter: %s", out.String())
		}
	}
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &after)
	cpu := after.Utime.Nano() + after.Stime.Nano() - before.Utime.Nano() - before.Stime.Nano()
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
