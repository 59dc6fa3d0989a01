package fastgen

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store/fastdecode"
)

type inner struct {
	A string `json:"a"`
}

type Outer struct {
	ID    string    `json:"id" cbor:"1,keyasint"`
	When  time.Time `json:"when" cbor:"3,keyasint"`
	Note  string    `json:"note"`
	Items []inner   `json:"items"`
	Skip  chan int  `json:"skip"`
}

// Equal finds every kind of difference between two decoders, and none
// between New's decoder and itself.
func TestEqual(t *testing.T) {
	t.Parallel()
	typ := reflect.TypeFor[Outer]()
	if err := Equal(fastdecode.New(typ), fastdecode.New(typ)); err != nil {
		t.Fatalf("New's decoder differs from itself: %v", err)
	}
	for name, change := range map[string]func(d *fastdecode.Decoder){
		"op":          func(d *fastdecode.Decoder) { d.ByInt[1].Op = fastdecode.Bool },
		"offset":      func(d *fastdecode.Decoder) { d.ByInt[3].Off++ },
		"key number":  func(d *fastdecode.Decoder) { d.ByInt = d.ByInt[:2] },
		"key name":    func(d *fastdecode.Decoder) { d.ByName[0].Name = "Note" },
		"element":     func(d *fastdecode.Decoder) { d.ByName[0].Elem.ByName[0].Op = fastdecode.Int },
		"no make":     func(d *fastdecode.Decoder) { d.ByName[0].Make = nil },
		"names count": func(d *fastdecode.Decoder) { d.ByName = d.ByName[1:] },
	} {
		d := fastdecode.New(typ)
		change(d)
		if Equal(d, fastdecode.New(typ)) == nil {
			t.Errorf("%s: a changed decoder compares equal", name)
		}
	}
}

// Source writes every decoder a type needs, and refuses a type of another
// package.
func TestSource(t *testing.T) {
	t.Parallel()
	src, err := Source("// generated", "fastgen", reflect.TypeFor[Outer]())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"var fastinner = fastdecode.Decoder{",
		`{Name: "a", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(inner{}.A)}}`,
		"1: {Op: fastdecode.String, Off: unsafe.Offsetof(Outer{}.ID)}",
		"3: {Op: fastdecode.Time, Off: unsafe.Offsetof(Outer{}.When)}",
		`{Name: "items", Field: fastdecode.Field{Op: fastdecode.Slice, Off: unsafe.Offsetof(Outer{}.Items), Elem: &fastinner, Size: unsafe.Sizeof(inner{}), Make: fastdecode.MakeSlice[inner]}}`,
		`{Name: "note", Field: fastdecode.Field{Op: fastdecode.String, Off: unsafe.Offsetof(Outer{}.Note)}}`,
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("source lacks %s:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "Skip") {
		t.Errorf("source reads a field the fast path does not:\n%s", src)
	}
	if _, err := Source("// generated", "fastgen", reflect.TypeFor[Outer](), reflect.TypeFor[time.Location]()); err == nil {
		t.Error("Source wrote a decoder of another package's type")
	}
}
