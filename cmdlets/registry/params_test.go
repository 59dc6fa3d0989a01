package registry

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	goruntime "runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/host"
)

// commonParams are the parameters every command has; WhatIf and Confirm
// belong to those that support ShouldProcess, but a shared helper may
// ask for them on behalf of any command of its package.
var commonParams = []string{"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
	"ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm"}

// contextReaders are the methods of command.Context that read a bound
// parameter by name.
var contextReaders = map[string]bool{"Has": true, "Value": true, "String": true, "Strings": true, "Bool": true, "Switch": true, "Int": true, "Time": true}

// paramRead is a parameter name a handler reads as a string literal.
type paramRead struct {
	pkg, name string
	pos       token.Position
}

// TestHandlersReadDeclaredParameters checks every parameter name a
// handler in cmdlets/ reads by string literal (ctx.Has("Identity"),
// ctx.String("Name"), ...) against the declarations of the commands
// whose handlers live in the same package: a name no command there
// declares is a misspelling, and the read would always come back
// unbound. Packages without commands of their own (shared helpers) are
// checked against every command.
func TestHandlersReadDeclaredParameters(t *testing.T) {
	t.Parallel()
	reads, named := literalParamReads(t, "..")
	declared, all := declaredByPackage(t, named)
	if len(reads) < 500 {
		t.Fatalf("found only %d parameter reads in cmdlets/: the scan is broken", len(reads))
	}
	for _, r := range reads {
		names := declared[r.pkg]
		if names == nil {
			names = all
		}
		if !names[strings.ToLower(r.name)] {
			t.Errorf("%s: reads parameter %q, which no command of package %s declares", r.pos, r.name, filepath.Base(r.pkg))
		}
	}
}

// declaredByPackage builds every command of a cloud and an on-premises
// session and returns, per Go package, the lower-case names of the
// parameters its commands declare (with the common ones), and the same
// over all commands. A command belongs to the package of each of its
// handler functions and to the packages that name it (named, from
// literalParamReads): a handler wrapped by a helper of another package
// (exo.Partial) lives there.
func declaredByPackage(t *testing.T, named map[string][]string) (map[string]map[string]bool, map[string]bool) {
	t.Helper()
	declared := map[string]map[string]bool{}
	all := map[string]bool{}
	for _, c := range commonParams {
		all[strings.ToLower(c)] = true
	}
	add := func(pkg string, c *command.Command) {
		if declared[pkg] == nil {
			declared[pkg] = map[string]bool{}
			for _, n := range commonParams {
				declared[pkg][strings.ToLower(n)] = true
			}
		}
		for _, p := range c.Params {
			declared[pkg][strings.ToLower(p.Name)] = true
			all[strings.ToLower(p.Name)] = true
		}
	}
	built := map[string]bool{}
	for _, o := range []Options{{}, {OnPrem: true}} {
		rt := NewSession(&host.IO{In: strings.NewReader(""), Out: &strings.Builder{}, Err: &strings.Builder{}, Width: 120}, nil, o)
		for _, c := range rt.Commands() {
			built[strings.ToLower(c.Name)] = true
			for _, f := range []func(*command.Context) error{c.Handler.Begin, c.Handler.Process, c.Handler.End} {
				if f != nil {
					add(funcPackage(goruntime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()), c)
				}
			}
			for _, pkg := range named[strings.ToLower(c.Name)] {
				add(pkg, c)
			}
		}
	}
	// Every command a package declares by name is among them: a command
	// no session builds would have its handler's reads go unchecked.
	for name, pkgs := range named {
		if !built[name] {
			t.Errorf("%s declares %s, which neither a cloud nor an on-premises session builds", filepath.Base(pkgs[0]), name)
		}
	}
	if len(declared) < 10 {
		t.Fatalf("handlers found in only %d packages", len(declared))
	}
	return declared, all
}

// funcPackage is the import path of a function's package from its
// runtime name (example.com/a/b.F, example.com/a/b.(*T).M, example.com/a/b.F.func1).
func funcPackage(name string) string {
	slash := strings.LastIndexByte(name, '/')
	dot := strings.IndexByte(name[slash+1:], '.')
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}

// declaresCommand reports whether a function declaration returns a
// command or a list of them (*command.Command, []*command.Command): such
// a function called with a literal name (exo.Declared("Get-X"),
// command.Lazy, a package's own helper) declares that command.
func declaresCommand(fn *ast.FuncDecl) bool {
	if fn.Recv != nil || fn.Type.Results == nil {
		return false
	}
	for _, r := range fn.Type.Results.List {
		t := r.Type
		if a, ok := t.(*ast.ArrayType); ok {
			t = a.Elt
		}
		if star, ok := t.(*ast.StarExpr); ok {
			if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Command" {
				if x, ok := sel.X.(*ast.Ident); ok && x.Name == "command" {
					return true
				}
			}
		}
	}
	return false
}

// literalParamReads parses the non-test Go files of every package under
// dir (cmdlets/) and returns each call of a Context reader with a string
// literal name, and per lower-case command name the packages that
// declare it by a literal (see declaresCommand; command.LazyGroup takes
// several). A Context is recognised by its declared type
// (*command.Context) in the function or function literal that takes it.
func literalParamReads(t *testing.T, dir string) ([]paramRead, map[string][]string) {
	t.Helper()
	const module = "github.com/exosim/exosim/cmdlets/"
	type file struct {
		pkg string
		f   *ast.File
	}
	var files []file
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(dir, filepath.Dir(path))
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, file{module + filepath.ToSlash(rel), f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// makers holds the command-declaring functions as a call names them:
	// "pkg.Func" from another package, "import/path Func" from its own.
	makers := map[string]bool{"command.Lazy": true, "command.LazyGroup": true}
	for _, fl := range files {
		for _, d := range fl.f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && declaresCommand(fn) {
				makers[fl.f.Name.Name+"."+fn.Name.Name] = true
				makers[fl.pkg+" "+fn.Name.Name] = true
			}
		}
	}
	var reads []paramRead
	named := map[string][]string{}
	for _, fl := range files {
		pkg, f := fl.pkg, fl.f
		ast.Inspect(f, func(n ast.Node) bool {
			for _, name := range tableNames(n) {
				named[strings.ToLower(name)] = append(named[strings.ToLower(name)], pkg)
			}
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 {
				maker := ""
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					if x, ok := fun.X.(*ast.Ident); ok && makers[x.Name+"."+fun.Sel.Name] {
						maker = x.Name + "." + fun.Sel.Name
					}
				case *ast.Ident:
					if makers[pkg+" "+fun.Name] {
						maker = fun.Name
					}
				}
				args := call.Args[:1]
				if maker == "command.LazyGroup" {
					args = call.Args
				}
				for _, a := range args {
					if maker == "" {
						break
					}
					if lit, ok := a.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if name, err := strconv.Unquote(lit.Value); err == nil {
							named[strings.ToLower(name)] = append(named[strings.ToLower(name)], pkg)
						}
					}
				}
			}
			var ft *ast.FuncType
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncDecl:
				ft, body = fn.Type, fn.Body
			case *ast.FuncLit:
				ft, body = fn.Type, fn.Body
			default:
				return true
			}
			if body == nil {
				return true
			}
			ctxNames := contextParams(ft)
			if len(ctxNames) == 0 {
				return true
			}
			ast.Inspect(body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !contextReaders[sel.Sel.Name] {
					return true
				}
				x, ok := sel.X.(*ast.Ident)
				if !ok || !ctxNames[x.Name] {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				name, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				reads = append(reads, paramRead{pkg: pkg, name: name, pos: fset.Position(lit.Pos())})
				return true
			})
			return true
		})
	}
	sort.Slice(reads, func(i, j int) bool { return reads[i].pos.String() < reads[j].pos.String() })
	return reads, named
}

// contextParams returns the names of a function's parameters of type
// *command.Context.
func contextParams(ft *ast.FuncType) map[string]bool {
	names := map[string]bool{}
	if ft.Params == nil {
		return names
	}
	for _, field := range ft.Params.List {
		star, ok := field.Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		sel, ok := star.X.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Context" {
			continue
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "command" {
			continue
		}
		for _, n := range field.Names {
			names[n.Name] = true
		}
	}
	return names
}

// tableNames returns the command names a []command.Decl or
// []command.Group literal (a command.Table's) declares: each element's
// Name, or Names.
func tableNames(n ast.Node) []string {
	lit, ok := n.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	arr, ok := lit.Type.(*ast.ArrayType)
	if !ok {
		return nil
	}
	sel, ok := arr.Elt.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Decl" && sel.Sel.Name != "Group") {
		return nil
	}
	if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "command" {
		return nil
	}
	var out []string
	str := func(e ast.Expr) {
		if b, ok := e.(*ast.BasicLit); ok && b.Kind == token.STRING {
			if name, err := strconv.Unquote(b.Value); err == nil {
				out = append(out, name)
			}
		}
	}
	for _, el := range lit.Elts {
		decl, ok := el.(*ast.CompositeLit)
		if !ok {
			continue
		}
		for _, f := range decl.Elts {
			kv, ok := f.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			switch k, _ := kv.Key.(*ast.Ident); {
			case k == nil:
			case k.Name == "Name":
				str(kv.Value)
			case k.Name == "Names":
				if names, ok := kv.Value.(*ast.CompositeLit); ok {
					for _, e := range names.Elts {
						str(e)
					}
				}
			}
		}
	}
	return out
}
