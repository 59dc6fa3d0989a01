package flow_test

import "testing"

func TestLoops(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, script, want string
	}{
		{"foreach goes through the elements", `foreach ($a in $abc) { $a }`, "a b c"},
		{"foreach over a scalar runs once", `foreach ($a in $one) { $a }`, "one"},
		{"foreach over $null runs never", `foreach ($a in $none) { 'x' }`, ""},
		{"continue goes to the next element", `foreach ($a in $abc) { $a; continue; 'never' }`, "a b c"},
		{"break ends the loop", `foreach ($a in $abc) { $a; break }`, "a"},
		{"a labelled break ends the outer loop", `:outer foreach ($a in $abc) { foreach ($b in $pq) { $b; break outer } }`, "p"},
		{"a labelled continue goes on with the outer loop", `:outer foreach ($a in $abc) { foreach ($b in $pq) { $a; continue outer } }`, "a b c"},
		{"an unlabelled break ends only the inner loop", `foreach ($a in $abc) { foreach ($b in $pq) { break }; $a }`, "a b c"},
		{"labels ignore case", `:Outer foreach ($a in $abc) { foreach ($b in $pq) { $b; break OUTER } }`, "p"},
		{"continue inside a switch goes on with the switch", `foreach ($a in $abc) { switch ($a) { b { continue } }; $a }`, "a b c"},
		{"while tests first", `while ($no) { 'x' }`, ""},
		{"do runs the body first", `do { 'once' } while ($no)`, "once"},
		{"do until stops when the condition holds", `do { 'once' } until ($yes)`, "once"},
		{"for without a condition stops on break", `for (;;) { 'x'; break }`, "x"},
		{"for tests its condition", `for (; $no; ) { 'x' }`, ""},
		{"if runs the first true clause", `if ($no) { 'a' } elseif ($yes) { 'b' } else { 'c' }`, "b"},
		{"if runs else when none is true", `if ($no) { 'a' } else { 'c' }`, "c"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			in := &fakeInterp{vars: map[string]any{
				"abc": []any{"a", "b", "c"}, "pq": []any{"p", "q"}, "one": "one",
				"yes": true, "no": false,
			}}
			if got := run(t, in, c.script); got != c.want {
				t.Errorf("output %q, want %q", got, c.want)
			}
		})
	}
}

// foreach over a range takes its elements one at a time: a break stops
// the range, which gives out no more.
func TestForEachStreamsARange(t *testing.T) {
	t.Parallel()
	in := &fakeInterp{vars: map[string]any{}}
	if got := run(t, in, `foreach ($i in 1..1000000) { $i; if ($i) { break } }`); got != "1" {
		t.Errorf("output %q, want 1", got)
	}
	if in.ranges != 1 {
		t.Errorf("the range gave out %d elements, want 1", in.ranges)
	}
	if got := run(t, in, `foreach ($i in 1..5) { $i }`); got != "1 2 3 4 5" {
		t.Errorf("output %q", got)
	}
}
