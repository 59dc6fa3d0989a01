package store_test

import (
	"testing"

	"github.com/exosim/exosim/store"
)

// store.OneOf accepts exactly one of the values (case counts) and words
// any other value as a ValidationError of the field.
func TestOneOf(t *testing.T) {
	t.Parallel()
	values := []string{"None", "Known", "All"}
	if err := store.OneOf("ExternalAudience", "Known", values); err != nil {
		t.Errorf("Known: %v", err)
	}
	for _, v := range []string{"known", "", "Some"} {
		err := store.OneOf("ExternalAudience", v, values)
		want := `ExternalAudience: "` + v + `" is not one of None, Known, All`
		if ve, ok := err.(*store.ValidationError); !ok || ve.Field != "ExternalAudience" || err.Error() != want {
			t.Errorf("%q: %v, want %s", v, err, want)
		}
	}
}
