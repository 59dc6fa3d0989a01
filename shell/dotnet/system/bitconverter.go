package system

import (
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
)

// System.BitConverter: scripts that take store IDs apart (a folder's
// FolderId decoded from Base64) turn bytes into hex with ToString, which
// writes each byte as two upper-case hex digits, pairs joined by '-';
// GetBytes and the ToXxx methods turn numbers into bytes and back.

// hexPairs is BitConverter.ToString of b.
func hexPairs(b []byte) string {
	const digits = "0123456789ABCDEF"
	var sb strings.Builder
	for i, c := range b {
		if i > 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(digits[c>>4])
		sb.WriteByte(digits[c&0x0F])
	}
	return sb.String()
}

func declareBitConverter() {
	statics := dotnet.Members{"GetBytes": bitGetBytes()}
	for name, r := range bitReaders() {
		statics[name] = bitReader(r.size, r.read)
	}
	dotnet.RegisterType(&dotnet.TypeDef{FullName: "System.BitConverter",
		Static: dotnet.MergeMembers(statics, dotnet.Members{
			"IsLittleEndian": dotnet.Prop(func(*dotnet.Call) (any, error) { return true, nil }),
			"ToString": dotnet.Method(1, 3, func(c *dotnet.Call) (any, error) {
				b, err := bytesArg(c, 0, "value")
				if err != nil {
					return nil, err
				}
				start, length := 0, len(b)
				if len(c.Args) > 1 {
					if start, err = c.Int(1, "startIndex"); err != nil {
						return nil, err
					}
					length = len(b) - start
				}
				if len(c.Args) > 2 {
					if length, err = c.Int(2, "length"); err != nil {
						return nil, err
					}
				}
				// .NET's checks, in its order
				if start < 0 || (start >= len(b) && start > 0) {
					return nil, dotnet.Throw("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
				}
				if length < 0 {
					return nil, dotnet.Throw("Value must be positive. (Parameter 'length')")
				}
				if start > len(b)-length {
					return nil, dotnet.Throw("Destination array is not long enough to copy all the items in the collection. Check array index and length.")
				}
				return hexPairs(b[start : start+length]), nil
			}),
		})})
}
