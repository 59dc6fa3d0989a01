package system

import (
	"strconv"
	"sync/atomic"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.Runtime.InteropServices.Marshal, as scripts use it to read a
// SecureString: SecureStringToBSTR (and the Unicode global and COM
// allocations) copies the string into native memory as UTF-16 and gives
// its address; the PtrToString methods read it back. On Unix the
// platform's default character size is one byte, so PtrToStringAuto
// reads the UTF-16 text as UTF-8 up to its first zero byte: of most
// passwords only the first character. PtrToStringBSTR and PtrToStringUni
// read it whole. ZeroFreeBSTR and the other frees clear the memory.

// nativeText is a block of native memory holding UTF-16 text.
type nativeText struct {
	addr  int64
	units []uint16
}

// nextAddr hands out the addresses of native blocks.
var nextAddr atomic.Int64

// intPtr is a System.IntPtr: the address of a native block (nil for
// IntPtr.Zero).
type intPtr struct{ block *nativeText }

func (p *intPtr) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.IntPtr") }

// PSTypeName is the .NET type name.
func (p *intPtr) PSTypeName() string { return "System.IntPtr" }

func (p *intPtr) String() string {
	if p.block == nil {
		return "0"
	}
	return strconv.FormatInt(p.block.addr, 10)
}

// bytes are the block's memory: its UTF-16 units, little-endian.
func (n *nativeText) bytes() []byte {
	b := make([]byte, 0, 2*len(n.units))
	for _, u := range n.units {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// toNative copies a SecureString argument into a new native block.
func toNative(c *dotnet.Call) (any, error) {
	ss, ok := object.Unwrap(c.Arg(0)).(object.SecureString)
	if !ok {
		if c.Arg(0) == nil {
			return nil, dotnet.Throw("Value cannot be null. (Parameter 's')")
		}
		return nil, dotnet.ArgConvertError(c.Arg(0), "s", c.Name, "System.Security.SecureString", nil)
	}
	addr := 0x7f3a_1c00_0000 + nextAddr.Add(1)*0x40
	return &intPtr{block: &nativeText{addr: addr, units: utf16.Encode([]rune(ss.Plain()))}}, nil
}

// fromNative reads a pointer argument's block with read; a zero pointer
// reads as $null.
func fromNative(read func(n *nativeText) string) *dotnet.Member {
	return dotnet.Method(1, 2, func(c *dotnet.Call) (any, error) {
		p, ok := object.Unwrap(c.Arg(0)).(*intPtr)
		if !ok || p.block == nil {
			return nil, nil
		}
		return read(p.block), nil
	})
}

// utf8Prefix reads the block as UTF-8 text ending at its first zero byte.
func utf8Prefix(n *nativeText) string {
	b := n.bytes()
	for i, x := range b {
		if x == 0 {
			b = b[:i]
			break
		}
	}
	if !utf8.Valid(b) {
		return string([]rune(string(b)))
	}
	return string(b)
}

func declareMarshal() {
	free := dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
		if p, ok := object.Unwrap(c.Arg(0)).(*intPtr); ok && p.block != nil {
			clear(p.block.units)
		}
		return dotnet.Void{}, nil
	})
	whole := fromNative(func(n *nativeText) string {
		units := n.units
		for i, u := range units {
			if u == 0 {
				units = units[:i]
				break
			}
		}
		return string(utf16.Decode(units))
	})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.IntPtr", Aliases: []string{"intptr"}, ValueType: true,
		Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := object.Unwrap(v).(*intPtr); return ok },
		Static: dotnet.Members{
			"Zero": dotnet.Prop(func(*dotnet.Call) (any, error) { return &intPtr{}, nil }),
			"Size": dotnet.Prop(func(*dotnet.Call) (any, error) { return 8, nil }),
		},
		Members: dotnet.Members{
			"ToInt64": dotnet.Method(0, 0, func(c *dotnet.Call) (any, error) {
				if p := object.Unwrap(c.Self).(*intPtr); p.block != nil {
					return p.block.addr, nil
				}
				return int64(0), nil
			}),
		}})
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.Runtime.InteropServices.Marshal",
		Static: dotnet.Members{
			"SecureStringToBSTR":               dotnet.Method(1, 1, toNative),
			"SecureStringToGlobalAllocUnicode": dotnet.Method(1, 1, toNative),
			"SecureStringToCoTaskMemUnicode":   dotnet.Method(1, 1, toNative),
			"PtrToStringAuto":                  fromNative(utf8Prefix),
			"PtrToStringAnsi":                  fromNative(utf8Prefix),
			"PtrToStringUTF8":                  fromNative(utf8Prefix),
			"PtrToStringBSTR":                  whole,
			"PtrToStringUni":                   whole,
			"ZeroFreeBSTR":                     free,
			"ZeroFreeGlobalAllocUnicode":       free,
			"ZeroFreeCoTaskMemUnicode":         free,
			"FreeBSTR":                         free,
			"SystemDefaultCharSize":            dotnet.Prop(func(*dotnet.Call) (any, error) { return 1, nil }),
		}})
}
