package pserror_test

import (
	"testing"

	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/pserror"
	"github.com/exosim/exosim/shell/syntax"
)

// A catch clause catches by the exception's full or short name, by the
// .NET exception a runtime exception wraps, and Exception catches all.
func TestCatches(t *testing.T) {
	t.Parallel()
	cast := &object.ErrorRecord{ExceptionType: "RuntimeException", InnerException: "System.Management.Automation.PSInvalidCastException"}
	thrown := &object.ErrorRecord{ExceptionType: "RuntimeException", FromThrow: true}
	io := &object.ErrorRecord{ExceptionType: "FileNotFoundException", ExceptionFullType: "System.IO.FileNotFoundException"}
	cases := []struct {
		types []string
		rec   *object.ErrorRecord
		want  bool
	}{
		{nil, io, true},
		{[]string{"Exception"}, io, true},
		{[]string{"System.IO.FileNotFoundException"}, io, true},
		{[]string{"IO.FileNotFoundException"}, io, true},
		{[]string{"FileNotFoundException"}, io, true},
		{[]string{"System.ArgumentException"}, io, false},
		{[]string{"System.ArgumentException", "System.IO.FileNotFoundException"}, io, true},
		{[]string{"System.Management.Automation.RuntimeException"}, thrown, true},
		{[]string{"RuntimeException"}, io, false},
		{[]string{"System.Management.Automation.PSInvalidCastException"}, cast, true},
		{[]string{"PSInvalidCastException"}, cast, true},
		{[]string{"InvalidCastException"}, cast, false},
	}
	for _, c := range cases {
		var types []*syntax.TypeName
		for _, n := range c.types {
			types = append(types, &syntax.TypeName{Name: n})
		}
		if got := pserror.Catches(types, c.rec); got != c.want {
			t.Errorf("catch %v of %s = %v, want %v", c.types, c.rec.ExceptionType, got, c.want)
		}
	}
}
