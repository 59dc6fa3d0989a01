package runtime_test

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// The package's tests are all external (package runtime_test). Its test
// binary links the cmdlet packages, which import this one: a single
// internal test file would make Go compile this package and every one of
// them a second time for the test binary (twice more under -race), the
// largest cost of a cold `make test`.
func TestTestsAreExternal(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		pf, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if pf.Name.Name != "runtime_test" {
			t.Errorf("%s is in package %s; tests of this package are in package runtime_test", f, pf.Name.Name)
		}
	}
}
