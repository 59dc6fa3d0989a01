package system

import (
	"encoding/binary"
	"math"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// bitReaders are BitConverter's ToXxx(value, startIndex) methods: how
// many bytes each reads and the value it makes of them (little-endian,
// as BitConverter.IsLittleEndian says).
func bitReaders() map[string]struct {
	size int
	read func(b []byte) any
} {
	type reader = struct {
		size int
		read func(b []byte) any
	}
	return map[string]reader{
		"ToBoolean": {1, func(b []byte) any { return b[0] != 0 }},
		"ToChar":    {2, func(b []byte) any { return object.Char(binary.LittleEndian.Uint16(b)) }},
		"ToInt16":   {2, func(b []byte) any { return int16(binary.LittleEndian.Uint16(b)) }},
		"ToUInt16":  {2, func(b []byte) any { return binary.LittleEndian.Uint16(b) }},
		"ToInt32":   {4, func(b []byte) any { return int(int32(binary.LittleEndian.Uint32(b))) }},
		"ToUInt32":  {4, func(b []byte) any { return binary.LittleEndian.Uint32(b) }},
		"ToInt64":   {8, func(b []byte) any { return int64(binary.LittleEndian.Uint64(b)) }},
		"ToUInt64":  {8, func(b []byte) any { return binary.LittleEndian.Uint64(b) }},
		"ToSingle":  {4, func(b []byte) any { return math.Float32frombits(binary.LittleEndian.Uint32(b)) }},
		"ToDouble":  {8, func(b []byte) any { return math.Float64frombits(binary.LittleEndian.Uint64(b)) }},
	}
}

// bitReader is one ToXxx method: .NET's checks of startIndex, then the
// value read at it.
func bitReader(size int, read func(b []byte) any) *dotnet.Member {
	return dotnet.Method(2, 2, func(c *dotnet.Call) (any, error) {
		b, err := bytesArg(c, 0, "value")
		if err != nil {
			return nil, err
		}
		start, err := c.Int(1, "startIndex")
		if err != nil {
			return nil, err
		}
		if start < 0 || start >= len(b) {
			return nil, dotnet.Throw("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
		}
		if start > len(b)-size {
			return nil, dotnet.Throw("Destination array is not long enough to copy all the items in the collection. Check array index and length. (Parameter 'value')")
		}
		return read(b[start : start+size]), nil
	})
}

// bitGetBytes is BitConverter.GetBytes: the value's bytes, little-endian,
// by the overload its type calls (a Boolean one byte, a Char two, the
// integers their width with a Byte or SByte taking the Int16 overload, a
// Single four, a Double, and any other number, eight).
func bitGetBytes() *dotnet.Member {
	return dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		v := dotnet.Bare(c.Arg(0))
		var b []byte
		switch x := v.(type) {
		case bool:
			b = []byte{0}
			if x {
				b[0] = 1
			}
		case object.Char:
			b = binary.LittleEndian.AppendUint16(nil, uint16(x))
		case int8:
			b = binary.LittleEndian.AppendUint16(nil, uint16(int16(x)))
		case uint8:
			b = binary.LittleEndian.AppendUint16(nil, uint16(x))
		case int16:
			b = binary.LittleEndian.AppendUint16(nil, uint16(x))
		case uint16:
			b = binary.LittleEndian.AppendUint16(nil, x)
		case int:
			b = binary.LittleEndian.AppendUint32(nil, uint32(int32(x)))
		case uint32:
			b = binary.LittleEndian.AppendUint32(nil, x)
		case int64:
			b = binary.LittleEndian.AppendUint64(nil, uint64(x))
		case uint64:
			b = binary.LittleEndian.AppendUint64(nil, x)
		case float32:
			b = binary.LittleEndian.AppendUint32(nil, math.Float32bits(x))
		default:
			f, err := c.Float(0, "value")
			if err != nil {
				return nil, err
			}
			b = binary.LittleEndian.AppendUint64(nil, math.Float64bits(f))
		}
		return dotnet.Bytes(b), nil
	})
}
