// Package shell_test checks that the PowerShell half stays apart from the
// Exchange half. Its import rule (no package of shell/ depends on cmdlets/
// or store/) is checked with the others in store/layout_test.go; this
// test checks the code itself.
package shell_test

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exchangeWords are words of Exchange's vocabulary. The shell's code
// (names and string literals, not comments, not tests) uses none: what is
// Exchange's is declared in cmdlets/ and reaches the shell through its
// hooks (custom parameter kinds, argument completers, command gates,
// session slots).
var exchangeWords = regexp.MustCompile(`(?i)exchange|mailbox|recipient|idparameter|multivalued|bytequantified|onprem|on-premises|tenant|compliance|retentionpolic|distributiongroup`)

func TestShellKnowsNoExchange(t *testing.T) {
	t.Parallel()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") && n != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, w := range exchangeTokens(path, src) {
			t.Errorf("shell/%s: %s", filepath.ToSlash(w.pos), w.text)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

type finding struct{ pos, text string }

// exchangeTokens lists the names and string literals of a Go file that
// hold an Exchange word.
func exchangeTokens(path string, src []byte) []finding {
	fset := token.NewFileSet()
	file := fset.AddFile(path, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	var out []finding
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if (tok == token.IDENT || tok == token.STRING) && exchangeWords.MatchString(lit) {
			out = append(out, finding{fset.Position(pos).String(), lit})
		}
	}
}

// TestExchangeTokens shows what the check finds and what it leaves.
func TestExchangeTokens(t *testing.T) {
	t.Parallel()
	src := []byte("package x\n// Exchange in a comment is fine\nvar OnPremOnly = \"MailboxIdParameter\"\nvar machine = \"EXOSIM\"\n")
	got := exchangeTokens("x.go", src)
	if len(got) != 2 || got[0].text != "OnPremOnly" || got[1].text != `"MailboxIdParameter"` {
		t.Fatalf("found %v; want OnPremOnly and the identity type's name", got)
	}
}
