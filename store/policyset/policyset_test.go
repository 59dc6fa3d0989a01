package policyset_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/store"
	"github.com/exosim/exosim/store/directory"
	"github.com/exosim/exosim/store/policyset"
	"github.com/exosim/exosim/store/seed"
	"github.com/exosim/exosim/store/storetest"
)

// widget is a policy record of a kind made for the test.
type widget struct {
	Guid, Name               string
	Default                  bool
	Size                     int
	WhenCreated, WhenChanged time.Time
}

func (w *widget) Head() policyset.Head {
	return policyset.Head{Guid: &w.Guid, Name: &w.Name, IsDefault: &w.Default, WhenCreated: &w.WhenCreated, WhenChanged: &w.WhenChanged}
}

var widgetKind = store.DefineKind(store.KindSpec[widget]{Bucket: "testWidgets", Name: "widget", Noun: "widget", CreatedOnWrite: true})

var widgets = policyset.Set[widget, *widget]{
	Kind: func() *store.Kind[widget] { return widgetKind },
	Defaults: func(o *directory.Organization) *widget {
		return &widget{Guid: store.DerivedGuid("widget\x00" + o.Guid), Name: "Default", Default: true, WhenCreated: o.WhenCreated, WhenChanged: o.WhenCreated}
	},
	Finding: "widget", Defaulted: "default widgets",
}

// The built-in policy is there without a record and stored by the first
// write; names are unique without regard to case; the default policy
// stays; the check finds several defaults and bad names.
func TestSet(t *testing.T) {
	t.Parallel()
	sc := storetest.Schema()
	widgetKind.Register(sc)
	s := storetest.SeededWith(t, sc, seed.Empty)
	storetest.Update(t, s, func(tx *store.Tx) {
		all, err := widgets.List(tx)
		storetest.Must(t, err)
		if len(all) != 1 || !all[0].Default || widgetKind.Any(tx) {
			t.Fatalf("a new tenant's widgets: %+v (stored: %v)", all, widgetKind.Any(tx))
		}
		storetest.Must(t, widgets.Create(tx, &widget{Name: "Large", Default: true, Size: 3}))
		var taken *policyset.NameInUseError
		if err := widgets.Create(tx, &widget{Name: "large"}); !errors.As(err, &taken) || taken.Name != "large" {
			t.Errorf("a second widget named large: %v", err)
		}
		all, err = widgets.List(tx)
		storetest.Must(t, err)
		if len(all) != 2 || all[0].Name != "Default" || all[1].Name != "Large" || all[1].Default || all[1].Guid == "" || !widgetKind.Any(tx) {
			t.Fatalf("widgets after a create: %+v", all)
		}
		if def, err := widgets.IsDefault(tx, "DEFAULT"); err != nil || !def {
			t.Errorf("IsDefault(DEFAULT) = %v, %v", def, err)
		}
		if err := widgets.Remove(tx, all[0]); !errors.Is(err, policyset.ErrRemoveDefault) {
			t.Errorf("removing the default widget: %v", err)
		}
		storetest.Must(t, widgets.Remove(tx, all[1]))
		all[0].Name = strings.Repeat("x", policyset.MaxNameLength+1)
		storetest.Must(t, widgetKind.Put(tx, strings.ToLower(all[0].Guid), all[0]))
		storetest.Must(t, widgetKind.Put(tx, "second", &widget{Guid: "second", Name: "Second", Default: true}))
	})
	var findings []string
	err := s.View(func(tx *store.Tx) error {
		return widgets.Check(tx, func(f store.Finding) { findings = append(findings, f.Message) }, func(w *widget, bad func(string, ...any)) {
			if w.Size < 0 {
				bad("size %d", w.Size)
			}
		})
	})
	storetest.Must(t, err)
	if got := strings.Join(findings, "; "); !strings.Contains(got, "longer than 64 characters") || !strings.Contains(got, "2 default widgets; exactly one") {
		t.Errorf("findings: %s", got)
	}
}
