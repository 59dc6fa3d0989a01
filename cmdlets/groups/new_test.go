package groups

import "testing"

func TestValidSmtp(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"sales@contoso.com", true},
		{"a.b+c@sub.contoso.com", true},
		{"sales", false},
		{"@contoso.com", false},
		{"sales@contoso", false},
		{"sales@@contoso.com", false},
		{"sa les@contoso.com", false},
		{"sales@.contoso.com", false},
		{"sales@contoso.com.", false},
		{"a@b.com,c@d.com", false},
	} {
		if got := validSmtp(c.in); got != c.want {
			t.Errorf("validSmtp(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestAliasFromName(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, alias string }{
		{"IT Department", "ITDepartment"},
		{"Sales & Marketing", "Sales&Marketing"},
		{"Bldg (1)", "Bldg?1?"},
		{"Zürich", "Zürich"},
	} {
		if got := aliasFromName(c.name); got != c.alias {
			t.Errorf("aliasFromName(%q) = %q, want %q", c.name, got, c.alias)
		}
	}
}
