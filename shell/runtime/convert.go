package runtime

import (
	"fmt"
	"math"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

func formatErrDetail(v any) string {
	if s, ok := v.(string); ok {
		return "The input string '" + s + "' was not in a correct format."
	}
	return ""
}

func toInt32(v any, typeName string) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0, nil
	}
	n, ok := numeric.ToNumber(v)
	if !ok {
		return nil, dotnet.ConvertFailed(v, typeName, formatErrDetail(v))
	}
	switch x := n.(type) {
	case int:
		return x, nil
	case int64:
		if typeName == "System.Int32" && (x > math.MaxInt32 || x < math.MinInt32) {
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for an Int32.")
		}
		if typeName == "System.Int32" {
			return int(x), nil
		}
		return x, nil
	case float64:
		if math.IsNaN(x) || x >= math.MaxInt64 || x < math.MinInt64 {
			what := "an Int32"
			if typeName == "System.Int64" {
				what = "an Int64"
			}
			return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+what+".")
		}
		r := math.RoundToEven(x)
		if typeName == "System.Int32" {
			if r > math.MaxInt32 || r < math.MinInt32 {
				return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for an Int32.")
			}
			return int(r), nil
		}
		return int64(r), nil
	case object.Decimal:
		r := math.RoundToEven(x.Float())
		if typeName == "System.Int32" {
			return int(r), nil
		}
		return int64(r), nil
	}
	return nil, dotnet.ConvertFailed(v, typeName, "")
}

// narrowRanges are the bounds of the small integer types and .NET's
// overflow wording for each.
var narrowRanges = map[string]struct {
	min, max int64
	what     string
}{
	"System.Byte":   {0, 255, "an unsigned byte"},
	"System.SByte":  {-128, 127, "a signed byte"},
	"System.Int16":  {-32768, 32767, "an Int16"},
	"System.UInt32": {0, 4294967295, "a UInt32"},
}

// toNarrowInt converts to a small integer type, refusing values outside
// its range as .NET does (the value stays an int in the simulator).
func toNarrowInt(v any, typeName string) (any, error) {
	n, err := toInt32(v, "System.Int64")
	if err != nil {
		return nil, dotnet.ConvertFailed(v, typeName, formatErrDetail(v))
	}
	r := narrowRanges[typeName]
	i := numeric.Int64(n)
	if i < r.min || i > r.max {
		return nil, dotnet.ConvertFailed(v, typeName, "Value was either too large or too small for "+r.what+".")
	}
	if typeName == "System.UInt32" {
		return i, nil
	}
	return int(i), nil
}

func toDouble(v any) (any, error) {
	v = object.Unwrap(v)
	if v == nil {
		return 0.0, nil
	}
	n, ok := numeric.ToNumber(v)
	if !ok {
		return nil, dotnet.ConvertFailed(v, "System.Double", formatErrDetail(v))
	}
	return numeric.Float(n), nil
}

// ConvertTo converts a value to the named type (a cast).
func (rt *Runtime) ConvertTo(v any, typeName string) (any, error) {
	t, ok := rt.ResolveType(typeName)
	if !ok {
		return nil, &opError{fmt.Sprintf("Unable to find type [%s].", typeName)}
	}
	if t.Convert == nil {
		return v, nil
	}
	return t.Convert(rt, v)
}
