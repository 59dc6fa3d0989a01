package store_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The rules of the house, checked on the packages' imports (what
// `go list -deps` shows, without test files):
//
//   - the engine (package store) depends on no package of the tenant's
//     areas (store/<area>), nor on cmdlets or the shell; only on its
//     helpers store/tenantfile (locking and replacing the file on disk),
//     store/fastdecode, store/recordmap, store/codec (how records are
//     serialised), store/exportdoc (the JSON document of an export) and
//     store/boltfile (work on a bbolt file as a whole), which depend on
//     nothing of this module;
//   - store/transfer (a tenant's export and import) stands on the engine
//     and its helpers only, and only the gatherers use it;
//   - an area depends on the engine, store/directory (the records every
//     area acts on), store/opath, store/dnsname, store/policyrule (the
//     rules that apply protection policies, on the engine only) and
//     store/permailbox (the records a mailbox has one of) and
//     store/policyset (one kind of protection policy), both on the engine
//     and store/directory, only; store/directory on the engine,
//     store/opath and store/mailsettings (the settings a mail recipient
//     keeps by name, which the recipients of other areas embed too);
//     store/opath, store/dnsname and store/mailsettings on nothing of
//     the store; so no area
//     reaches another but through the hooks the engine carries;
//   - only store/tenant (the whole tenant's schema), store/seed (the seed
//     tenants write records of every area) and store/storetest gather
//     areas;
//   - the store depends on no cmdlet package, and on no package of the
//     shell that itself depends on anything of this module (a leaf such
//     as shell/wildcard is a utility);
//   - the shell depends on neither cmdlets nor the store;
//   - only the engine, store/boltfile and store/transfer (and the
//     commands of cmd/) open bbolt themselves, and only store/transfer
//     uses the handles the engine keeps for it (engineHandles);
//   - the cmdlets reach records through the areas: they define no record
//     kind or hook and keep nothing in the tenant's meta bucket themselves.

const module = "github.com/exosim/exosim"

// gatherers may import every area.
var gatherers = []string{"store/tenant", "store/seed", "store/storetest"}

// helpers are the engine's helpers: they depend on nothing of this module.
var helpers = []string{"store/tenantfile", "store/fastdecode", "store/recordmap", "store/codec", "store/exportdoc", "store/boltfile"}

// engine is package store with its helpers.
var engine = append([]string{"store"}, helpers...)

// boltOpeners are the packages that use bbolt themselves.
var boltOpeners = []string{"store", "store/boltfile", "store/transfer"}

type layout struct {
	root string
	pkgs map[string]*build.Package // by path relative to the module root
}

func loadLayout(t *testing.T) *layout {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	l := &layout{root: root, pkgs: map[string]*build.Package{}}
	for _, top := range []string{"store", "shell", "cmdlets"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") {
				return filepath.SkipDir
			}
			rel, _ := filepath.Rel(root, p)
			l.load(t, filepath.ToSlash(rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return l
}

// load reads the package at rel (nil when the directory has no Go
// package).
func (l *layout) load(t *testing.T, rel string) *build.Package {
	if p, ok := l.pkgs[rel]; ok {
		return p
	}
	p, err := build.ImportDir(filepath.Join(l.root, filepath.FromSlash(rel)), 0)
	if err != nil {
		if _, none := err.(*build.NoGoError); !none {
			t.Fatalf("%s: %v", rel, err)
		}
		p = nil
	}
	l.pkgs[rel] = p
	return p
}

// ownDeps returns the packages of this module rel depends on, directly
// or not, without test files, by path relative to the module root.
func (l *layout) ownDeps(t *testing.T, rel string) []string {
	seen := map[string]bool{}
	var walk func(rel string)
	walk = func(rel string) {
		p := l.load(t, rel)
		if p == nil {
			return
		}
		for _, imp := range p.Imports {
			if dep, own := strings.CutPrefix(imp, module+"/"); own && !seen[dep] {
				seen[dep] = true
				walk(dep)
			}
		}
	}
	walk(rel)
	var out []string
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// leaf reports whether rel depends on nothing of this module.
func (l *layout) leaf(t *testing.T, rel string) bool { return len(l.ownDeps(t, rel)) == 0 }

func (l *layout) under(prefix string) []string {
	var out []string
	for rel, p := range l.pkgs {
		if p != nil && (rel == prefix || strings.HasPrefix(rel, prefix+"/")) {
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out
}

func TestImportRules(t *testing.T) {
	t.Parallel()
	l := loadLayout(t)
	if l.load(t, "store") == nil || len(l.under("store")) < 5 {
		t.Fatalf("found no store packages under %s", l.root)
	}
	for _, rel := range l.under("store") {
		var allowed []string
		switch {
		case rel == "store":
			allowed = helpers
		case rel == "store/opath", rel == "store/dnsname", rel == "store/mailsettings", slices.Contains(helpers, rel):
		case rel == "store/idform", rel == "store/policyrule", rel == "store/transfer":
			allowed = engine
		case rel == "store/permailbox", rel == "store/policyset":
			allowed = append(slices.Clone(engine), "store/directory", "store/opath", "store/idform", "store/mailsettings")
		case rel == "store/directory":
			allowed = append(slices.Clone(engine), "store/opath", "store/idform", "store/mailsettings")
		case slices.Contains(gatherers, rel):
			allowed = l.under("store")
		default:
			allowed = append(slices.Clone(engine), "store/directory", "store/idform", "store/opath", "store/dnsname", "store/policyrule", "store/permailbox", "store/policyset", "store/mailsettings")
		}
		for _, d := range l.ownDeps(t, rel) {
			switch {
			case strings.HasPrefix(d, "store"):
				if !slices.Contains(allowed, d) {
					t.Errorf("%s depends on %s", rel, d)
				}
			case strings.HasPrefix(d, "shell/"):
				if !l.leaf(t, d) {
					t.Errorf("%s depends on %s, a shell package that is not a leaf", rel, d)
				}
			default:
				t.Errorf("%s depends on %s", rel, d)
			}
		}
	}
	for _, rel := range l.under("shell") {
		for _, d := range l.ownDeps(t, rel) {
			if strings.HasPrefix(d, "store") || strings.HasPrefix(d, "cmdlets") || strings.HasPrefix(d, "cmd/") {
				t.Errorf("%s depends on %s: the shell knows nothing of Exchange", rel, d)
			}
		}
	}
	for _, top := range []string{"store", "shell", "cmdlets"} {
		for _, rel := range l.under(top) {
			if slices.Contains(boltOpeners, rel) {
				continue
			}
			for _, imp := range l.load(t, rel).Imports {
				if strings.HasPrefix(imp, "go.etcd.io/bbolt") {
					t.Errorf("%s opens bbolt itself: only the engine (package store, store/boltfile, store/transfer) does", rel)
				}
			}
		}
	}
}

// engineHandles are the names of the handles package store keeps for
// store/transfer (engine.go): the bbolt transaction and file under the
// kinds, the meta state, wiping and migrating a tenant, and the pages
// every command reads, placed together.
var engineHandles = map[string]bool{"Bolt": true, "HotSeeks": true, "WriteHot": true, "Hold": true, "ForEachRaw": true, "DataBuckets": true, "CountBucket": true,
	"SetState": true, "WipeExcept": true, "Migrate": true, "UnexportedBuckets": true, "RecordImport": true, "FillCaller": true,
	"IndexSources": true, "RecordJSON": true, "RecordFromJSON": true, "OpenLocked": true, "OpenReplacement": true, "IndexPending": true}

// TestEngineHandles: no package but the engine and store/transfer uses
// the engine's handles (its tests may).
func TestEngineHandles(t *testing.T) {
	t.Parallel()
	l := loadLayout(t)
	fset := token.NewFileSet()
	for _, top := range []string{"store", "shell", "cmdlets"} {
		for _, rel := range l.under(top) {
			if rel == "store" || rel == "store/transfer" {
				continue
			}
			p := l.load(t, rel)
			for _, name := range p.GoFiles {
				f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				ast.Inspect(f, func(n ast.Node) bool {
					if sel, ok := n.(*ast.SelectorExpr); ok && engineHandles[sel.Sel.Name] {
						t.Errorf("%s: %s uses the engine's %s: only store/transfer does", rel, fset.Position(sel.Pos()), sel.Sel.Name)
					}
					return true
				})
			}
		}
	}
}

// areaOnly are the engine's names for the areas, which cmdlets must not
// use: a record kind, a hook, the tenant's meta bucket.
var areaOnly = map[string]bool{"DefineKind": true, "KindSpec": true, "NewHook": true, "Meta": true, "SetMeta": true}

func TestCmdletsUseTheAreas(t *testing.T) {
	t.Parallel()
	l := loadLayout(t)
	fset := token.NewFileSet()
	for _, rel := range l.under("cmdlets") {
		p := l.load(t, rel)
		for _, name := range p.GoFiles {
			path := filepath.Join(p.Dir, name)
			f, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if ok && areaOnly[sel.Sel.Name] {
					if id, isID := sel.X.(*ast.Ident); sel.Sel.Name == "Meta" || sel.Sel.Name == "SetMeta" || (isID && id.Name == "store") {
						t.Errorf("%s: %s uses the engine's %s: only an area of the store does", rel, fset.Position(sel.Pos()), sel.Sel.Name)
					}
				}
				return true
			})
		}
	}
}

// internalTestsAllowed are the packages that keep internal test files
// although their external tests link packages that import them, with why.
var internalTestsAllowed = map[string]string{
	"store": "its tests reach the engine's internals (codec, migrations) on real tenants",
}

// TestTestsDoNotRecompile: a package whose external tests link packages
// that import it has no internal test files (package p, not p_test).
// Otherwise Go compiles the package and every importer in its test binary
// a second time, and again under -race: the largest cost of a cold
// `make test`.
func TestTestsDoNotRecompile(t *testing.T) {
	t.Parallel()
	l := loadLayout(t)
	for _, top := range []string{"store", "shell", "cmdlets"} {
		for _, rel := range l.under(top) {
			p := l.load(t, rel)
			if len(p.TestGoFiles) == 0 || internalTestsAllowed[rel] != "" {
				continue
			}
			for _, imp := range p.XTestImports {
				dep, own := strings.CutPrefix(imp, module+"/")
				if !own || dep == rel || l.load(t, dep) == nil {
					continue
				}
				if slices.Contains(l.ownDeps(t, dep), rel) {
					t.Errorf("%s has internal test files %v, and its external tests import %s, which imports it: make them external", rel, p.TestGoFiles, dep)
					break
				}
			}
		}
	}
}

// maxPackageLines bounds a package's code (its files without tests and
// without generated zz_*.go data): a package over it holds more than one
// job and is split along one.
const maxPackageLines = 5000

func TestPackageSizes(t *testing.T) {
	t.Parallel()
	l := loadLayout(t)
	for _, top := range []string{"store", "shell", "cmdlets"} {
		for _, rel := range l.under(top) {
			p := l.load(t, rel)
			lines := 0
			for _, name := range p.GoFiles {
				if strings.HasPrefix(name, "zz_") {
					continue
				}
				src, err := os.ReadFile(filepath.Join(p.Dir, name))
				if err != nil {
					t.Fatal(err)
				}
				lines += strings.Count(string(src), "\n")
			}
			if lines > maxPackageLines {
				t.Errorf("%s has %d lines of code (more than %d): split it along one of its jobs", rel, lines, maxPackageLines)
			}
		}
	}
}
