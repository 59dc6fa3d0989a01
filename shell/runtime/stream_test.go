package runtime_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/cmdlets/core"
	"github.com/exosim/exosim/shell/host"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/syntax"
)

func newTestRuntime(buf *bytes.Buffer) *runtime.Runtime {
	io := &host.IO{In: strings.NewReader(""), Out: buf, Err: buf, Width: 120}
	rt := runtime.New(io, nil)
	rt.Register(core.Commands()...)
	for _, e := range core.Aliases {
		rt.SetAlias(e.Name, e.Target)
	}
	return rt
}

// Ctrl+C (Interrupt, called from another goroutine) ends any loop or long
// pipeline, including loops whose body runs no statement; the session
// then runs the next command line normally.
func TestInterruptStopsLoops(t *testing.T) {
	for _, in := range []string{
		"while ($true) {}",
		"for (;;) {}",
		"do {} while ($true)",
		"do {} until ($false)",
		":outer while ($true) { while ($true) {} }",
		"while ($true) { $n++ }",
		"foreach ($i in 1..2000000000) {}",
		"foreach ($i in 1..2000000000) { foreach ($j in 1..2000000000) {} }",
		"1..2000000000 | ForEach-Object { $_ } | Out-Null",
		"1..2000000000 | Out-Null",
		"1..2000000000 | Where-Object { $false }",
		"function Spin { while ($true) {} }; Spin",
		"& { for (;;) {} }",
		"try { while ($true) {} } finally { 'cleanup' }",
		"$a = 1..49000000",
		"switch (1..2000000000) { default {} }",
	} {
		in := in
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			rt := newTestRuntime(&buf)
			done := make(chan struct{})
			go func() {
				defer close(done)
				rt.Run(syntax.NewSource("", in), runtime.RunOptions{})
			}()
			// The guard only catches a run that never ends; nothing
			// here depends on how quickly it stops.
			guard := time.After(60 * time.Second)
		wait:
			for {
				rt.Interrupt()
				select {
				case <-done:
					break wait
				case <-guard:
					t.Fatalf("%s: the run did not stop after Interrupt", in)
				case <-time.After(5 * time.Millisecond):
				}
			}
			buf.Reset()
			rt.Run(syntax.NewSource("", "'next'"), runtime.RunOptions{})
			if got := buf.String(); got != "next\n" {
				t.Errorf("%s: the next command line printed %q", in, got)
			}
		})
	}
}

// A range streams at the head of a pipeline and in a foreach statement:
// Select-Object -First stops it, break ends the loop, and the elements
// are made one at a time.
func TestRangeStreams(t *testing.T) {
	t.Parallel()
	runGrammarCases(t, []grammarCase{
		{"first of a huge range", "1..2000000000 | ForEach-Object { $_ } | Select-Object -First 3", "1\n2\n3\n"},
		{"break in foreach over a huge range", "foreach ($i in 1..2000000000) { if ($i -gt 2) { break }; $i }", "1\n2\n"},
		{"descending and character ranges stream", "5..3 | ForEach-Object { $_ }; 'a'..'c' | ForEach-Object { \"$_\" }", "5\n4\n3\na\nb\nc\n"},
		{"digit strings make an integer range", "('1'..'3' | ForEach-Object { $_.GetType().Name }) -join ','", "Int32,Int32,Int32\n"},
		{"range in a foreach is evaluated once", "$n = 3; foreach ($i in 1..$n) { $n = 10; $i }", "1\n2\n3\n"},
		{"the stopped commands do not complete", "1..5 | ForEach-Object -Process { $_ } -End { 'END' } | Select-Object -First 2", "1\n2\n"},
		{"the commands after the stopping one complete", "1..5 | Select-Object -First 2 | ForEach-Object -Process { $_ } -End { 'END' }", "1\n2\nEND\n"},
		{"a stop ends the function feeding it", "function Feed { 1..5 | ForEach-Object { $_ }; 'more' }; Feed | Select-Object -First 2", "1\n2\n"},
		{"a nested pipeline's own stop", "1..3 | ForEach-Object { (10..20 | Select-Object -First 1) + $_ }", "11\n12\n13\n"},
		{"a failing function gives back its call depth", "function Bad { process { throw 'x' } }\nforeach ($i in 1..1100) { try { 1 | Bad } catch { $m = \"$_\" } }\n$m", "x\n"},
	})
}

// BenchmarkRangePipeline runs the pipeline of the streaming requirement:
// it must take constant memory (see the allocation figures), whatever the
// size of the range.
func BenchmarkRangePipeline(b *testing.B) {
	var buf bytes.Buffer
	rt := newTestRuntime(&buf)
	src := syntax.NewSource("", "1..40000000 | ForEach-Object { $_ } | Select-Object -First 3")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		rt.Run(src, runtime.RunOptions{})
	}
	b.StopTimer()
	if buf.String() != "1\n2\n3\n" {
		b.Fatalf("output %q", buf.String())
	}
}
