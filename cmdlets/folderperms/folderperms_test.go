package folderperms

import "testing"

func TestSplitFolderIdentity(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, mbx, path, id string }{
		{in: `annb:\Calendar`, mbx: "annb", path: "Calendar"},
		{in: `john@contoso.com:\Inbox\Reports`, mbx: "john@contoso.com", path: `Inbox\Reports`},
		{in: `annb:\`, mbx: "annb"},
		{in: `annb`, mbx: "annb"},
		{in: `:\Inbox`, path: "Inbox"},
		{in: `annb@contoso.com:LgAAAADABCDEFAQ`, mbx: "annb@contoso.com", id: "LgAAAADABCDEFAQ"},
		{in: `Anne Brown:\Sent Items`, mbx: "Anne Brown", path: "Sent Items"},
	}
	for _, c := range cases {
		mbx, path, id := splitFolderIdentity(c.in)
		if mbx != c.mbx || path != c.path || id != c.id {
			t.Errorf("%q: %q %q %q, want %q %q %q", c.in, mbx, path, id, c.mbx, c.path, c.id)
		}
	}
}
