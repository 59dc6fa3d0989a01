// Package fastgen writes fast-path decoders (fastdecode.New of a struct
// type) out as Go literals, so that a program reading records of the type
// gets its decoder laid out by the compiler instead of building it by
// reflection when it first reads one. Tests of the package defining the
// types keep the written decoders in step with the types: Source makes
// the file, Equal compares a written decoder with New's.
package fastgen

import (
	"bytes"
	"fmt"
	"go/format"
	"reflect"

	"github.com/exosim/exosim/store/fastdecode"
)

// VarName is the name of the variable Source declares for struct type t.
func VarName(t reflect.Type) string { return "fast" + t.Name() }

// Source returns the Go source of a file of package pkg declaring the
// decoder of each of types (and of the struct types their fields hold) as
// a variable named by VarName, and a function FastDecoders returning the
// decoders of types by type (for the tests that compare them with Equal).
// header is the file's first comment line. Every type must be a named
// struct type of pkg.
func Source(header, pkg string, types ...reflect.Type) ([]byte, error) {
	g := gen{pkg: pkg, done: map[reflect.Type]bool{}}
	for _, t := range types {
		if err := g.decoder(t); err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n\npackage %s\n\nimport (\n\t\"reflect\"\n\t\"unsafe\"\n\n\t\"github.com/exosim/exosim/store/fastdecode\"\n)\n", header, pkg)
	b.WriteString("\n// FastDecoders returns the fast decoders of the package's record types\n// by type: tests compare them with the types' own (fastdecode.New).\n")
	b.WriteString("func FastDecoders() map[reflect.Type]*fastdecode.Decoder {\n\treturn map[reflect.Type]*fastdecode.Decoder{\n")
	for _, t := range types {
		fmt.Fprintf(&b, "\t\treflect.TypeFor[%s](): &%s,\n", t.Name(), VarName(t))
	}
	b.WriteString("\t}\n}\n")
	b.Write(g.out.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("fastgen: %v\n%s", err, b.Bytes())
	}
	return src, nil
}

type gen struct {
	pkg  string
	path string
	done map[reflect.Type]bool
	out  bytes.Buffer
}

// decoder writes the variable of struct type t after those of the types
// its fields hold.
func (g *gen) decoder(t reflect.Type) error {
	if g.done[t] {
		return nil
	}
	g.done[t] = true
	if t.Kind() != reflect.Struct || t.Name() == "" {
		return fmt.Errorf("fastgen: %s is not a named struct type", t)
	}
	if g.path == "" {
		g.path = t.PkgPath()
	}
	if t.PkgPath() != g.path {
		return fmt.Errorf("fastgen: %s is not of package %s", t, g.path)
	}
	specs := fastdecode.Describe(t)
	for _, fs := range specs {
		if fs.ElemType != nil {
			if err := g.decoder(fs.ElemType); err != nil {
				return err
			}
		}
	}
	name := t.Name()
	fmt.Fprintf(&g.out, "\n// %s decodes a stored %s on the fast path.\nvar %s = fastdecode.Decoder{\n", VarName(t), name, VarName(t))
	d := fastdecode.New(t)
	if len(d.ByInt) > 0 {
		fmt.Fprintf(&g.out, "ByInt: []fastdecode.Field{\n")
		for _, fs := range specs {
			if fs.Key >= 0 && d.ByInt[fs.Key].Off == fs.Field.Off && d.ByInt[fs.Key].Op == fs.Field.Op {
				fmt.Fprintf(&g.out, "%d: %s,\n", fs.Key, g.field(name, fs))
			}
		}
		fmt.Fprintf(&g.out, "},\n")
	}
	if len(d.ByName) > 0 {
		fmt.Fprintf(&g.out, "ByName: []fastdecode.NamedField{\n")
		for _, nf := range d.ByName {
			for _, fs := range specs {
				if fs.Key < 0 && fs.Name == nf.Name && fs.Field.Off == nf.Off {
					fmt.Fprintf(&g.out, "{Name: %q, Field: fastdecode.Field%s},\n", nf.Name, g.field(name, fs))
					break
				}
			}
		}
		fmt.Fprintf(&g.out, "},\n")
	}
	fmt.Fprintf(&g.out, "}\n")
	return nil
}

// field returns the literal of one field of type owner, without its
// type.
func (g *gen) field(owner string, fs fastdecode.FieldSpec) string {
	s := fmt.Sprintf("{Op: fastdecode.%s, Off: unsafe.Offsetof(%s{}.%s)", opNames[fs.Field.Op], owner, fs.GoName)
	switch fs.Field.Op {
	case fastdecode.Struct:
		s += fmt.Sprintf(", Elem: &%s", VarName(fs.ElemType))
	case fastdecode.Slice:
		e := fs.ElemType.Name()
		s += fmt.Sprintf(", Elem: &%s, Size: unsafe.Sizeof(%s{}), Make: fastdecode.MakeSlice[%s]", VarName(fs.ElemType), e, e)
	}
	return s + "}"
}

var opNames = [...]string{
	fastdecode.None: "None", fastdecode.String: "String", fastdecode.Bool: "Bool",
	fastdecode.Int64: "Int64", fastdecode.Int: "Int", fastdecode.Time: "Time",
	fastdecode.TimePtr: "TimePtr", fastdecode.Strings: "Strings", fastdecode.StringMap: "StringMap",
	fastdecode.Extra: "Extra", fastdecode.Struct: "Struct", fastdecode.Slice: "Slice",
}

// Equal reports how decoder got differs from want (New's decoder of the
// same type), nil when it does not: the same fields at the same keys and
// offsets, read the same way.
func Equal(got, want *fastdecode.Decoder) error {
	if len(got.ByInt) != len(want.ByInt) {
		return fmt.Errorf("%d key numbers, want %d", len(got.ByInt), len(want.ByInt))
	}
	for i := range got.ByInt {
		if err := equalField(&got.ByInt[i], &want.ByInt[i]); err != nil {
			return fmt.Errorf("key %d: %v", i, err)
		}
	}
	if len(got.ByName) != len(want.ByName) {
		return fmt.Errorf("%d key names, want %d", len(got.ByName), len(want.ByName))
	}
	for i := range got.ByName {
		g, w := &got.ByName[i], &want.ByName[i]
		if g.Name != w.Name {
			return fmt.Errorf("key name %d is %q, want %q", i, g.Name, w.Name)
		}
		if err := equalField(&g.Field, &w.Field); err != nil {
			return fmt.Errorf("key %q: %v", g.Name, err)
		}
	}
	return nil
}

func equalField(g, w *fastdecode.Field) error {
	if g.Op != w.Op || g.Off != w.Off || g.Size != w.Size || (g.Make == nil) != (w.Make == nil) || (g.Elem == nil) != (w.Elem == nil) {
		return fmt.Errorf("op %d at offset %d (size %d), want op %d at offset %d (size %d)", g.Op, g.Off, g.Size, w.Op, w.Off, w.Size)
	}
	if g.Elem != nil {
		return Equal(g.Elem, w.Elem)
	}
	return nil
}
