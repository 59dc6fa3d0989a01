package ops_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/ops"
)

func TestRange(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		l, r any
		want string
	}{
		{1, 4, "[1 2 3 4]"},
		{3, 1, "[3 2 1]"},
		{"a", "c", "[a b c]"},
		{object.Char('c'), "a", "[c b a]"},
		{"0", "2", "[0 1 2]"}, // digits are numbers
		{2.6, 4, "[3 4]"},
		{-1, -1, "[-1]"},
	} {
		got, err := ops.RangeValues(tc.l, tc.r, func() error { return nil })
		if err != nil {
			t.Errorf("%v..%v: %v", tc.l, tc.r, err)
			continue
		}
		var parts []string
		for _, v := range got.([]any) {
			parts = append(parts, object.ToInvariantString(v))
		}
		if s := "[" + strings.Join(parts, " ") + "]"; s != tc.want {
			t.Errorf("%v..%v = %s, want %s", tc.l, tc.r, s, tc.want)
		}
	}
	var oe *ops.Error
	if _, err := ops.RangeOf("ab", 3); !errors.As(err, &oe) {
		t.Errorf("a two-letter string is no range bound: %v", err)
	}
}

func TestRangeEachChecks(t *testing.T) {
	t.Parallel()
	spec, err := ops.RangeOf(1, 3*ops.CheckEvery)
	if err != nil {
		t.Fatal(err)
	}
	if spec.Count() != 3*ops.CheckEvery {
		t.Fatalf("count %d", spec.Count())
	}
	checks, seen := 0, 0
	stop := errors.New("stop")
	err = spec.Each(func() error {
		checks++
		if checks == 3 {
			return stop
		}
		return nil
	}, func(any) error { seen++; return nil })
	if !errors.Is(err, stop) || checks != 3 || seen != 2*ops.CheckEvery {
		t.Errorf("err %v, %d checks, %d elements", err, checks, seen)
	}
}
