// Package labs holds exosim's self-checking training labs: the lab file
// format, the built-in labs (data/*.lab, one or more per seed document),
// starting a lab on a tenant, checking its objectives against the tenant
// state, hints, and the Get-SimLab and Test-SimLab cmdlets.
//
// # Lab files
//
// A lab is a txtar archive (the format testscript uses) with the .lab
// extension. The comment before the first section is a header of
// "key: value" lines; every section after it is one part of the lab:
//
//	title: Revoke an encrypted message sent to a Gmail user
//	seed: contoso
//	source: 000 Office 365 Message Encryption revocation
//	requires: Set-OMEMessageRevocation, Get-OMEMessageStatus
//	-- task --
//	What the trainee reads, in plain text.
//	-- setup --
//	Send-SimMessage -From annb@contoso.com -To kim@gmail.com -Subject Offer -Encrypt
//	-- hint --
//	The first hint.
//	-- hint --
//	The second hint.
//	-- objective: The offer to kim@gmail.com is revoked --
//	(Get-OMEMessageStatus -MessageId '<...>').Revoked
//
// Header keys: title and seed (contoso or empty) are required; name
// defaults to the file name without .lab; clock sets the simulated start
// time (RFC 3339, default the seed's); requires lists, comma-separated,
// the commands the lab needs and named features (holds,
// inactive-recovery): a lab needing what this exosim doesn't have is
// listed as unavailable and can't be started; source names the document
// the lab is built on. Lines starting with # are comments.
//
// Sections: task (required) is printed by "exosim lab start"; setup is a
// PowerShell script run on the freshly seeded tenant to build the starting
// state; every hint is one hint, shown in order by "exosim lab hint";
// every "objective: DESCRIPTION" is one goal, its body a PowerShell check
// run against the tenant: the objective is done when the check's output is
// true as an if statement would see it. Checks run with
// $ErrorActionPreference = 'SilentlyContinue', so a command that finds
// nothing simply counts as false. An optional prelude section runs once
// before the checks (in the same session), for variables they share.
// Checks look at the tenant, never at what the trainee typed, and should
// only read it.
package labs

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/exosim/exosim/shell/syntax"
	"github.com/exosim/exosim/shell/syntax/parser"
	"github.com/exosim/exosim/store/seed"
)

// Ext is the file extension of lab files.
const Ext = ".lab"

// BuiltinOrigin is the origin recorded for labs shipped with exosim.
const BuiltinOrigin = "built-in"

//go:embed data/*.lab
var builtinFS embed.FS

// Objective is one goal of a lab: a description shown as done or missing
// and the PowerShell check that decides it.
type Objective struct {
	Description string
	Check       string
}

// Lab is a parsed lab file.
type Lab struct {
	Name   string
	Title  string
	Seed   string
	Source string
	// Clock is the simulated start time; zero means the seed's default.
	Clock time.Time
	// Requires lists commands the lab needs.
	Requires   []string
	Task       string
	Setup      string
	Prelude    string
	Hints      []string
	Objectives []Objective
	// Origin is BuiltinOrigin or the file the lab was read from.
	Origin string
	// Text is the lab file's content, kept in the tenant while it runs.
	Text string
}

// Parse reads a lab file. name is used when the header has no name key;
// origin is recorded as the lab's Origin.
func Parse(name, origin string, data []byte) (*Lab, error) {
	a := txtar.Parse(data)
	l := &Lab{Name: name, Origin: origin, Text: string(data)}
	where := origin
	if where == "" || where == BuiltinOrigin {
		where = name + Ext
	}
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
	}
	sc := bufio.NewScanner(strings.NewReader(string(a.Comment)))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		key, value, ok := strings.Cut(text, ":")
		if !ok {
			return nil, fail("line %d: want \"key: value\", got %q", line, text)
		}
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		switch key {
		case "name":
			l.Name = value
		case "title":
			l.Title = value
		case "seed":
			l.Seed = strings.ToLower(value)
		case "source":
			l.Source = value
		case "clock":
			t, err := time.Parse(time.RFC3339, value)
			if err != nil {
				return nil, fail("line %d: clock: %v", line, err)
			}
			l.Clock = t.UTC()
		case "requires":
			for _, c := range strings.Split(value, ",") {
				if c = strings.TrimSpace(c); c != "" {
					l.Requires = append(l.Requires, c)
				}
			}
		default:
			return nil, fail("line %d: unknown header key %q (want name, title, seed, clock, requires or source)", line, key)
		}
	}
	for _, f := range a.Files {
		body := strings.TrimRight(string(f.Data), "\n")
		kind, arg, _ := strings.Cut(f.Name, ":")
		kind, arg = strings.ToLower(strings.TrimSpace(kind)), strings.TrimSpace(arg)
		switch kind {
		case "task":
			l.Task = body
		case "setup":
			l.Setup = body
		case "prelude":
			l.Prelude = body
		case "hint":
			if strings.TrimSpace(body) == "" {
				return nil, fail("hint %d is empty", len(l.Hints)+1)
			}
			l.Hints = append(l.Hints, body)
		case "objective":
			if arg == "" {
				return nil, fail("objective %d has no description (write -- objective: DESCRIPTION --)", len(l.Objectives)+1)
			}
			if strings.TrimSpace(body) == "" {
				return nil, fail("objective %q has no check", arg)
			}
			l.Objectives = append(l.Objectives, Objective{Description: arg, Check: body})
		default:
			return nil, fail("unknown section %q (want task, setup, prelude, hint or objective: DESCRIPTION)", f.Name)
		}
	}
	switch {
	case l.Name == "" || strings.ContainsAny(l.Name, " \t/\\"):
		return nil, fail("lab name %q must be one word", l.Name)
	case l.Title == "":
		return nil, fail("the header has no title")
	case l.Seed == "":
		return nil, fail("the header has no seed (contoso or empty)")
	case !knownSeed(l.Seed):
		return nil, fail("unknown seed %q (want %s)", l.Seed, strings.Join(seed.Names(), " or "))
	case strings.TrimSpace(l.Task) == "":
		return nil, fail("there is no task section")
	case len(l.Objectives) == 0:
		return nil, fail("there is no objective section")
	}
	scripts := []struct{ what, text string }{{"setup", l.Setup}, {"prelude", l.Prelude}}
	for i, o := range l.Objectives {
		scripts = append(scripts, struct{ what, text string }{fmt.Sprintf("objective %d (%s)", i+1, o.Description), o.Check})
	}
	for _, s := range scripts {
		if s.text == "" {
			continue
		}
		if _, errs := parser.Parse(syntax.NewSource(s.what, s.text)); errs != nil {
			e := errs[0]
			return nil, fail("%s: line %d: %s", s.what, e.Ext.Start.Line, e.Message)
		}
	}
	return l, nil
}

func knownSeed(s string) bool {
	for _, n := range seed.Names() {
		if n == s {
			return true
		}
	}
	return false
}

// Builtin returns the labs shipped with exosim, in the order of the
// documents they are built on.
func Builtin() ([]*Lab, error) {
	return loadFS(builtinFS, "data", BuiltinOrigin)
}

// LoadDir reads every *.lab file in dir, in the same order as Builtin. A file that
// doesn't parse is an error naming it.
func LoadDir(dir string) ([]*Lab, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("lab directory: %w", err)
	}
	return loadFS(os.DirFS(dir), ".", dir)
}

func loadFS(fsys fs.FS, dir, origin string) ([]*Lab, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []*Lab
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		data, err := fs.ReadFile(fsys, pathJoin(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		o := origin
		if origin != BuiltinOrigin {
			o = filepath.Join(origin, e.Name())
		}
		l, err := Parse(strings.TrimSuffix(e.Name(), Ext), o, data)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	sortLabs(out)
	return out, nil
}

func pathJoin(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

// sortLabs orders labs by the document they are built on, then by name;
// labs without a source come last.
func sortLabs(ls []*Lab) {
	sort.SliceStable(ls, func(i, j int) bool {
		a, b := ls[i], ls[j]
		if (a.Source == "") != (b.Source == "") {
			return b.Source == ""
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Name < b.Name
	})
}

// Catalog returns the built-in labs and, when dir is not empty, the labs
// in dir; a lab in dir replaces a built-in one of the same name.
func Catalog(dir string) ([]*Lab, error) {
	all, err := Builtin()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return all, nil
	}
	own, err := LoadDir(dir)
	if err != nil {
		return nil, err
	}
	byName := map[string]int{}
	for i, l := range all {
		byName[strings.ToLower(l.Name)] = i
	}
	for _, l := range own {
		if i, ok := byName[strings.ToLower(l.Name)]; ok {
			all[i] = l
			continue
		}
		all = append(all, l)
	}
	sortLabs(all)
	return all, nil
}

// Find returns the lab with the given name (case-insensitive).
func Find(ls []*Lab, name string) (*Lab, bool) {
	for _, l := range ls {
		if strings.EqualFold(l.Name, name) {
			return l, true
		}
	}
	return nil, false
}
