package runtime

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// System.Net's connection settings that runbooks touch before connecting:
// `[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12`.
// The simulator opens no connections, so the setting is only kept for the
// session (reading it back gives what was set; SystemDefault at first).

func init() {
	const protoType = "System.Net.SecurityProtocolType"
	dotnet.RegisterType(
		dotnet.EnumDef(protoType, true, "SystemDefault=0", "Ssl3=48", "Tls=192", "Tls11=768", "Tls12=3072", "Tls13=12288"),
		&TypeDef{FullName: "System.Net.ServicePointManager", Assembly: "System.Net.ServicePoint",
			Static: Members{
				"SecurityProtocol": &Member{
					Get: func(c *Call) (any, error) {
						if v := rtOf(c).securityProtocol; v != nil {
							return v, nil
						}
						return object.Enum{Type: protoType, Name: "SystemDefault", Value: 0}, nil
					},
					Set: func(c *Call, v any) error {
						e, err := dotnet.TypeByName(protoType).Convert(rtOf(c), v)
						if err != nil {
							return err
						}
						rtOf(c).securityProtocol = e
						return nil
					},
				},
			}},
	)
}

// System.Uri's escaping statics, which runbooks use to build Graph and
// REST query strings.
func init() {
	dotnet.RegisterType(&TypeDef{FullName: "System.Uri", Aliases: []string{"uri"}, Assembly: "System.Private.Uri",
		Static: Members{
			"EscapeDataString":   dotnet.Method(1, 1, func(c *Call) (any, error) { return escapeDataString(c.Str(0)), nil }),
			"UnescapeDataString": dotnet.Method(1, 1, func(c *Call) (any, error) { return unescapeDataString(c.Str(0)), nil }),
		}})
}

// escapeDataString percent-encodes every UTF-8 byte except the unreserved
// characters of RFC 3986 (letters, digits, - _ . ~), in upper-case hex.
func escapeDataString(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hexDigits[c>>4], hexDigits[c&15])
	}
	return string(b)
}

// unescapeDataString decodes %XX sequences; a % not followed by two hex
// digits stays as it is.
func unescapeDataString(s string) string {
	unhex := func(c byte) (byte, bool) {
		switch {
		case '0' <= c && c <= '9':
			return c - '0', true
		case 'a' <= c && c <= 'f':
			return c - 'a' + 10, true
		case 'A' <= c && c <= 'F':
			return c - 'A' + 10, true
		}
		return 0, false
	}
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, hi<<4|lo)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}
