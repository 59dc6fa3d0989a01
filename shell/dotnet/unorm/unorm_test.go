package unorm

import "testing"

func TestNormalize(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		form Form
		want string
	}{
		{"José", FormD, "Jose\u0301"},
		{"Jose\u0301", FormC, "José"},
		{"ﬁle", FormKD, "file"},
		{"ﬁle", FormD, "ﬁle"},
		{"Å½", FormKC, "Å1⁄2"},
		{"日本", FormKD, "日本"},
	}
	for _, c := range cases {
		if got := Normalize(c.in, c.form); got != c.want {
			t.Errorf("Normalize(%q, %d) = %q; want %q", c.in, c.form, got, c.want)
		}
	}
}
