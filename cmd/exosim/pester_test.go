package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/host"
)

// testEnv is an exosim process environment writing to out, with every
// duration of a test run reported as zero.
func testEnv(out *bytes.Buffer) *env {
	vars := map[string]string{"EXOSIM_TEST_TIMINGS": "zero", "NO_COLOR": "1"}
	return &env{io: &host.IO{In: strings.NewReader(""), Out: out, Err: out, Width: 120},
		getenv:  func(k string) string { return vars[k] },
		environ: func() []string { return []string{"EXOSIM_TEST_TIMINGS=zero"} }}
}

// cases writes a test file with n tests, of which the first failing ones
// fail.
func cases(t testing.TB, dir string, n, failing int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Describe 'Generated' {\n")
	fmt.Fprintf(&b, "    It 'case <_>' -ForEach (1..%d) { (Get-Mailbox meganb).Alias | Should -Be $(if ($_ -le %d) { 'nobody' } else { 'meganb' }) }\n", n, failing)
	b.WriteString("}\n")
	path := filepath.Join(dir, "generated.Tests.ps1")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTestExitStatus: exosim test exits with the number of failed tests,
// at most 255, as Invoke-Pester -CI does.
func TestTestExitStatus(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ n, failing, want int }{{3, 0, 0}, {5, 3, 3}, {300, 260, 255}} {
		tc := tc
		t.Run(fmt.Sprintf("%d of %d", tc.failing, tc.n), func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			path := cases(t, t.TempDir(), tc.n, tc.failing)
			if code := run([]string{"test", "-o", "None", path}, testEnv(&out)); code != tc.want {
				t.Fatalf("exit status %d, want %d\n%s", code, tc.want, out.String())
			}
		})
	}
}

// BenchmarkTest100 measures exosim test on a file of 100 tests, from a
// fresh contoso tenant to the summary: 20 Describe blocks that each change
// the tenant (so each starts from a restored copy) with 5 tests each that
// read it and change it again.
func BenchmarkTest100(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.Tests.ps1")
	text := `Describe 'Block <_>' -ForEach (1..20) {
    BeforeAll { Remove-Mailbox walterh -Confirm:$false }
    It 'test <_>' -ForEach (1..5) {
        Get-Mailbox -SoftDeletedMailbox walterh | Should -Not -BeNullOrEmpty
        Set-Mailbox meganb -CustomAttribute1 "run $_"
        (Get-Mailbox meganb).CustomAttribute1 | Should -Be "run $_"
    }
}
`
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var out bytes.Buffer
		if code := run([]string{"test", path}, testEnv(&out)); code != 0 {
			b.Fatalf("exit status %d\n%s", code, out.String())
		}
	}
}
