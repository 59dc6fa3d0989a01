package dotnet_test

import (
	"testing"

	"github.com/exosim/exosim/shell/dotnet"
)

// A failed cast's error ID names the kind of number the text did not
// parse as.
func TestCastErrorID(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]string{
		`Cannot convert value "x" to type "System.Int32". Error: "bad"`: "InvalidCastFromStringToInteger",
		`Cannot convert value "x" to type "System.UInt64".`:             "InvalidCastFromStringToInteger",
		`Cannot convert value "x" to type "System.Double".`:             "InvalidCastFromStringToDoubleOrSingle",
		`Cannot convert value "x" to type "System.Decimal".`:            "InvalidCastFromStringToDecimal",
		`Cannot convert value "x" to type "System.DateTime".`:           "InvalidCastParseTargetInvocation",
		`Cannot convert value "x"`:                                      "InvalidCastParseTargetInvocation",
		`Cannot convert the "x" value of type "System.String".`:         "InvalidCastParseTargetInvocation",
	} {
		if got := dotnet.CastErrorID(msg); got != want {
			t.Errorf("%s: %s, want %s", msg, got, want)
		}
	}
}
