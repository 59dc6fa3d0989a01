package module_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/module"
	"github.com/exosim/exosim/shell/object"
)

func TestNames(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, prefix, want string }{
		{"Get-Mailbox", "", "Get-Mailbox"},
		{"Get-Mailbox", "X", "Get-XMailbox"},
		{"CountStat", "X", "XCountStat"},
		{"Get-Some-Thing", "Pre", "Get-PreSome-Thing"},
		{"-Odd", "P", "P-Odd"},
	} {
		if got := module.AddPrefix(tc.name, tc.prefix); got != tc.want {
			t.Errorf("AddPrefix(%q, %q) = %q, want %q", tc.name, tc.prefix, got, tc.want)
		}
	}
	for path, want := range map[string]string{
		"/m/ORCA.psm1": "ORCA", `C:\x\Tools.psd1`: "Tools", "lib.ps1": "lib", "/m/name.with.dots.psm1": "name.with.dots", "/m/noext": "noext",
	} {
		if got := module.NameFromPath(path); got != want {
			t.Errorf("NameFromPath(%q) = %q, want %q", path, got, want)
		}
	}
	for name, want := range map[string]bool{"./x.psm1": true, "x.psd1": true, `a\b`: true, "Tools": false, "Microsoft.Graph": false, "x.PS1": true} {
		if got := module.IsPath(name); got != want {
			t.Errorf("IsPath(%q) = %v", name, got)
		}
	}
}

func TestExports(t *testing.T) {
	t.Parallel()
	m := &module.Module{}
	have := []string{"Get-B", "get-a", "Set-C", "helper"}
	m.Export(module.Function, []string{"*-*"}, have)
	m.Export(module.Function, []string{"Get-*", "helper"}, have)
	if want := []string{"get-a", "Get-B", "helper", "Set-C"}; !slices.Equal(m.Functions, want) {
		t.Errorf("functions %v, want %v", m.Functions, want)
	}
	m.Export(module.Alias, []string{"*"}, []string{"gb"})
	m.Prefix = "X"
	if got, want := m.ExportedCommands(), []string{"get-Xa", "Get-XB", "Xhelper", "Set-XC", "Xgb"}; !slices.Equal(got, want) {
		t.Errorf("exported commands %v, want %v", got, want)
	}
	if !m.Exports(module.Function, "GET-A") || m.Exports(module.Variable, "get-a") {
		t.Error("Exports answers by kind, ignoring case")
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	var tab module.Table
	b := &module.Module{Name: "Beta", Path: "/m/Beta.psm1"}
	a := &module.Module{Name: "alpha", Path: "/m/alpha.psm1"}
	tools := &module.Module{Name: "Tools", Path: "/m/Tools/Tools.psm1", ManifestPath: "/m/Tools/Tools.psd1"}
	tab.Add(b)
	tab.Add(a)
	tab.Add(tools)
	if got := tab.Match([]string{"*"}); len(got) != 3 || got[0] != a || got[1] != b || got[2] != tools {
		t.Errorf("Match lists by name: %v", got)
	}
	if tab.ByPath("/m/tools/tools.psd1") != tools || tab.ByPath("/m/Tools/Tools.psm1") != nil {
		t.Error("a manifest module is found by its manifest's path")
	}
	b2 := &module.Module{Name: "Beta", Path: "/m/Beta.psm1"}
	tab.Add(b2)
	tab.Remove(a)
	if all := tab.All(); len(all) != 2 || all[0] != b2 {
		t.Errorf("a module loaded again replaces the old one in place: %v", all)
	}
}

func TestVerbs(t *testing.T) {
	t.Parallel()
	for verb, want := range map[string]bool{"Get": true, "get": true, "ConvertTo": true, "Count": false, "Validate": false, "Use": true, "": false, "zzz": false} {
		if got := module.ApprovedVerb(verb); got != want {
			t.Errorf("ApprovedVerb(%q) = %v", verb, got)
		}
	}
	c := module.NameCheck{Module: "M"}
	var warnings, verbose []string
	for _, n := range []string{"Get-A", "Count-B", "Validate-C", "Sort-Object", "NoVerb", "Get-Bad$"} {
		w, v := c.Check(n)
		warnings, verbose = append(warnings, w...), append(verbose, v...)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "unapproved verbs") || !strings.Contains(warnings[1], "restricted characters") {
		t.Errorf("one warning of each kind: %q", warnings)
	}
	if len(verbose) != 3 || !strings.Contains(verbose[0], "'Count-B'") || !strings.Contains(verbose[1], "'Validate-C'") || !strings.Contains(verbose[2], "'Get-Bad$'") {
		t.Errorf("a verbose line for each name: %q", verbose)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	mem := fsys.NewMem()
	for _, f := range []string{"/w/lib/A.psm1", "/w/Dir/Dir.psm1", "/w/Dir/Dir.psd1", "/mods/Tools/1.2.0/Tools.psd1", "/mods/Tools/1.10.0/Tools.psd1", "/mods/Plain/Plain.psm1"} {
		if err := mem.MkdirAll(f[:strings.LastIndexByte(f, '/')]); err != nil {
			t.Fatal(err)
		}
		if err := fsys.WriteFile(mem, f, []byte("#"), false, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	ns := fsys.New(fsys.Config{FS: mem})
	for _, tc := range []struct {
		name, base, want string
	}{
		{"/w/lib/A.psm1", "", "/w/lib/A.psm1"},
		{"lib/A.psm1", "/w", "/w/lib/A.psm1"},
		{`lib\A.psm1`, "/w", "/w/lib/A.psm1"},
		{"./Dir", "/w", "/w/Dir/Dir.psd1"},
		{"Tools", "", "/mods/Tools/1.10.0/Tools.psd1"},
		{"Plain", "", "/mods/Plain/Plain.psm1"},
		{"lib/None.psm1", "/w", ""},
		{"Nothing", "", ""},
	} {
		got, ok := module.Find(ns, tc.name, tc.base, []string{"", "/mods"})
		if !ok {
			got = ""
		}
		if !strings.EqualFold(got, tc.want) {
			t.Errorf("Find(%q, %q) = %q, want %q", tc.name, tc.base, got, tc.want)
		}
	}
	// as System.Version compares them: a number not written is less than
	// any written one
	if module.CompareVersions("1.10.0", "1.9") <= 0 || module.CompareVersions("2.0", "2.0.0") >= 0 || module.CompareVersions("2.0.0", "2.0.0") != 0 {
		t.Error("versions compare by number")
	}
}

func TestConstraint(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		c    module.Constraint
		v    string
		want bool
	}{
		{module.Constraint{}, "0.0", true},
		{module.Constraint{Minimum: "1.5"}, "1.5", true},
		{module.Constraint{Minimum: "1.5"}, "1.4.9", false},
		{module.Constraint{Maximum: "1.5"}, "1.5.1", false},
		{module.Constraint{Maximum: "1.*"}, "1.99.3", true},
		{module.Constraint{Maximum: "1.*"}, "2.0", false},
		{module.Constraint{Required: "2.0.0"}, "2.0.0", true},
		{module.Constraint{Required: "2.0"}, "2.0.0", false},
		{module.Constraint{Required: "2.0.0", Minimum: "3.0"}, "2.0.0", true},
		{module.Constraint{Maximum: "1.*.*.*"}, "1.0", false},
	} {
		if got := tc.c.Matches(tc.v); got != tc.want {
			t.Errorf("%+v.Matches(%q) = %v, want %v", tc.c, tc.v, got, tc.want)
		}
	}
	if _, err := module.MaximumVersion("1.*.2"); err == nil || !strings.Contains(err.Error(), "only supports one '*'") {
		t.Errorf("MaximumVersion(1.*.2) = %v; want PowerShell's format error", err)
	}
}

func TestManifest(t *testing.T) {
	t.Parallel()
	h := object.NewHashtable()
	h.Set("ModuleToProcess", "Root.psm1")
	h.Set("FunctionsToExport", []any{"Get-*"})
	h.Set("AliasesToExport", "a1")
	text := func(v any) string { return object.ToInvariantString(v) }
	man, err := module.ReadManifest("/m/x.psd1", h, text)
	if err != nil {
		t.Fatal(err)
	}
	if man.Root != "Root.psm1" || man.Version != "0.0" || man.Variables != nil || !slices.Equal(man.Aliases, []string{"a1"}) {
		t.Errorf("manifest %+v", man)
	}
	m := &module.Module{Functions: []string{"Get-A", "Set-B"}, Aliases: []string{"a1", "a2"}, Variables: []string{"v"}}
	man.Filter(m)
	if !slices.Equal(m.Functions, []string{"Get-A"}) || !slices.Equal(m.Aliases, []string{"a1"}) || !slices.Equal(m.Variables, []string{"v"}) {
		t.Errorf("filtered %+v", m)
	}
	h.Set("RootModule", "Other.psm1")
	if _, err := module.ReadManifest("/m/x.psd1", h, text); err == nil || !strings.Contains(err.Error(), "cannot contain both") {
		t.Errorf("both roots: %v", err)
	}
}

// TestInfo checks a module's PSModuleInfo: one object for the module,
// its exports read as they are when asked, OnRemove kept on it.
func TestInfo(t *testing.T) {
	t.Parallel()
	m := &module.Module{Name: "Tools", Kind: module.Script, Version: "1.2", Functions: []string{"Get-Tool"}}
	info := m.Info()
	if m.Info() != info {
		t.Fatal("Info made a second object")
	}
	m.Prefix, m.Aliases = "T", []string{"gt"}
	keys := object.PropertyValue(info, "ExportedCommands").(*object.Hashtable).Keys()
	if len(keys) != 2 || keys[0] != "Get-TTool" || keys[1] != "Tgt" {
		t.Errorf("ExportedCommands = %v; want the prefixed function and alias", keys)
	}
	if e := object.PropertyValue(info, "ModuleType").(object.Enum); e.Name != "Script" || e.Value != 0 {
		t.Errorf("ModuleType = %v", e)
	}
	if m.OnRemoveBlock() != nil {
		t.Fatal("a new module has an OnRemove block")
	}
	info.Set("OnRemove", "block")
	if m.OnRemoveBlock() != "block" {
		t.Errorf("OnRemoveBlock = %v; want what a script set", m.OnRemoveBlock())
	}
	if module.TypeEnum(module.ManifestKind).Value != 2 || module.TypeEnum("Binary").Value != 1 {
		t.Error("TypeEnum gives the wrong ModuleType values")
	}
}

func TestAvailableFiles(t *testing.T) {
	t.Parallel()
	mem := fsys.NewMem()
	for _, f := range []string{"/mods/Tools/1.2.0/Tools.psd1", "/mods/Tools/1.10.0/Tools.psd1", "/mods/Tools/Tools.psm1", "/mods/Plain/Plain.psm1", "/mods/Both/Both.psd1", "/mods/Both/Both.psm1", "/mods/group/Deep/Deep.psm1", "/mods/empty/readme.txt"} {
		if err := mem.MkdirAll(f[:strings.LastIndexByte(f, '/')]); err != nil {
			t.Fatal(err)
		}
		if err := fsys.WriteFile(mem, f, []byte("#"), false, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	ns := fsys.New(fsys.Config{FS: mem})
	got := module.AvailableFiles(ns, "/mods")
	slices.Sort(got)
	want := []string{"/mods/Both/Both.psd1", "/mods/Plain/Plain.psm1", "/mods/Tools/1.10.0/Tools.psd1", "/mods/Tools/1.2.0/Tools.psd1", "/mods/group/Deep/Deep.psm1"}
	if !slices.Equal(got, want) {
		t.Errorf("AvailableFiles = %v\nwant %v", got, want)
	}
	for path, want := range map[string]string{
		"/mods/Tools/1.2.0/Tools.psd1": "/mods", "/mods/Plain/Plain.psm1": "/mods", `C:\P\Modules\X\3.4.0\X.psd1`: `C:\P\Modules`,
	} {
		if got := module.ListDirectory(path); got != want {
			t.Errorf("ListDirectory(%q) = %q, want %q", path, got, want)
		}
	}
	if v := module.InVersionFolder("/mods/Tools/1.2.0/Tools.psd1"); v != "1.2.0" {
		t.Errorf("InVersionFolder = %q", v)
	}
	if v := module.InVersionFolder("/mods/1.2.0/Tools.psd1"); v != "" {
		t.Errorf("InVersionFolder of a folder not the module's = %q", v)
	}
}

func TestSplitPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][]string{
		"/a:/b":           {"/a", "/b"},
		`C:\Mods;D:\More`: {`C:\Mods`, `D:\More`},
		`C:\Mods`:         {`C:\Mods`},
		"/only":           {"/only"},
		`C:\A:C:\B`:       {`C:\A`, `C:\B`},
		"":                nil,
	} {
		if got := module.SplitPath(in); !slices.Equal(got, want) {
			t.Errorf("SplitPath(%q) = %q, want %q", in, got, want)
		}
	}
}
