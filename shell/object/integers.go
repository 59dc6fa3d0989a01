package object

import (
	"math"
	"strconv"
)

// The integer types besides Int32 (int) and Int64 (int64) are Go's sized
// integers, each a .NET type of its own: int8 System.SByte, uint8
// System.Byte, int16 System.Int16, uint16 System.UInt16, uint32
// System.UInt32 and uint64 System.UInt64.

// IsInteger reports whether v is a value of one of the eight integer
// types.
func IsInteger(v any) bool {
	switch v.(type) {
	case int, int64, int8, uint8, int16, uint16, uint32, uint64:
		return true
	}
	return false
}

// IntegerValue is an integer as an Int64 and whether v is one; a UInt64
// above Int64's maximum reports ok with big set (its value is then
// IntegerUint64's).
func IntegerValue(v any) (n int64, big bool, ok bool) {
	switch x := v.(type) {
	case int:
		return int64(x), false, true
	case int64:
		return x, false, true
	case int8:
		return int64(x), false, true
	case uint8:
		return int64(x), false, true
	case int16:
		return int64(x), false, true
	case uint16:
		return int64(x), false, true
	case uint32:
		return int64(x), false, true
	case uint64:
		if x > math.MaxInt64 {
			return int64(x), true, true
		}
		return int64(x), false, true
	}
	return 0, false, false
}

// IntegerBits is the width in bits of an integer type's values (0 for
// a value of no integer type).
func IntegerBits(v any) int {
	switch v.(type) {
	case int8, uint8:
		return 8
	case int16, uint16:
		return 16
	case int, uint32:
		return 32
	case int64, uint64:
		return 64
	}
	return 0
}

// IntegerString is an integer's decimal digits.
func IntegerString(v any) string {
	if u, ok := v.(uint64); ok {
		return strconv.FormatUint(u, 10)
	}
	n, _, _ := IntegerValue(v)
	return strconv.FormatInt(n, 10)
}

// integerTypeName is the .NET name of a sized integer type, "" for
// another value.
func integerTypeName(v any) string {
	switch v.(type) {
	case int8:
		return "System.SByte"
	case uint8:
		return "System.Byte"
	case int16:
		return "System.Int16"
	case uint16:
		return "System.UInt16"
	case uint32:
		return "System.UInt32"
	case uint64:
		return "System.UInt64"
	}
	return ""
}
