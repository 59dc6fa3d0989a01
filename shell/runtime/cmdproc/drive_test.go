package cmdproc

import (
	"errors"
	"strings"
	"testing"
)

// stage is a pipeline stage that records its phases and fails where told.
type stage struct {
	name       string
	log        *[]string
	begin, end error
	process    error
	next       func(any) error
}

func (s *stage) Begin() error { *s.log = append(*s.log, s.name+".begin"); return s.begin }
func (s *stage) Process(v any, hasInput bool) error {
	*s.log = append(*s.log, s.name+".process")
	if s.process != nil {
		return s.process
	}
	if s.next != nil {
		return s.next(v)
	}
	return nil
}
func (s *stage) End() error                { *s.log = append(*s.log, s.name+".end"); return s.end }
func (s *stage) Dispose()                  { *s.log = append(*s.log, s.name+".dispose") }
func (s *stage) Clean()                    { *s.log = append(*s.log, s.name+".clean") }
func (s *stage) SetNext(e func(any) error) { s.next = e }
func (s *stage) ExpectsInput(bool)         {}

func TestDrive(t *testing.T) {
	failed := errors.New("failed")
	tests := []struct {
		name    string
		setup   func(a, b *stage)
		want    string
		wantErr error
	}{
		{"completes", func(a, b *stage) {},
			"a.begin b.begin a.process b.process a.end b.end a.dispose b.dispose a.clean b.clean", nil},
		{"a stop request without a command lets every command end", func(a, b *stage) { a.process = &StopUpstream{} },
			"a.begin b.begin a.process a.end b.end a.dispose b.dispose a.clean b.clean", nil},
		{"a failing begin stops the pipeline", func(a, b *stage) { b.begin = failed },
			"a.begin b.begin a.dispose a.clean", failed},
		{"a failing end is returned", func(a, b *stage) { a.end = failed },
			"a.begin b.begin a.process b.process a.end a.dispose b.dispose a.clean b.clean", failed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var log []string
			a, b := &stage{name: "a", log: &log}, &stage{name: "b", log: &log}
			tc.setup(a, b)
			a.SetNext(func(v any) error { return b.Process(v, true) })
			err := Drive([]Stage{a, b})
			if !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Fatalf("err = %v; want %v", err, tc.wantErr)
			}
			if got := strings.Join(log, " "); got != tc.want {
				t.Errorf("phases:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestStopUpstreamMatchesAnyRequest(t *testing.T) {
	if !errors.Is(&StopUpstream{From: &Processor{}}, &StopUpstream{}) {
		t.Fatal("a stop request from a command does not match a stop request")
	}
	if owner, ok := stopOwner(&StopUpstream{From: &Processor{}}, nil); ok {
		t.Fatalf("a request of an enclosing pipeline's command is owned by %d here", owner)
	}
}
