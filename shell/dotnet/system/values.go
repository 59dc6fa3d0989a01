package system

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/object"
)

// The small value types scripts cast to: System.Version,
// System.Net.Mail.MailAddress and System.Net.IPAddress.

// declareValues declares them.
func declareValues() {
	dotnet.RegisterType(
		&dotnet.TypeDef{FullName: "System.Version", Aliases: []string{"version"},
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				if x, ok := dotnet.Bare(v).(*Version); ok {
					return x, nil
				}
				return ParseVersion(h.ToStr(v), v)
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { _, ok := dotnet.Bare(v).(*Version); return ok },
			Members: dotnet.Members{
				"MajorRevision": dotnet.Prop(func(c *dotnet.Call) (any, error) { return dotnet.Bare(c.Self).(*Version).part(3) >> 16, nil }),
				"MinorRevision": dotnet.Prop(func(c *dotnet.Call) (any, error) { return dotnet.Bare(c.Self).(*Version).part(3) & 0xffff, nil }),
				"CompareTo": dotnet.Method(1, 1, func(c *dotnet.Call) (any, error) {
					r, ok := dotnet.Bare(c.Self).(*Version).CompareTo(c.Host, c.Arg(0))
					if !ok {
						return nil, dotnet.Throw("Object must be of type Version.")
					}
					return r, nil
				}),
			},
			New: func(c *dotnet.Call) (any, error) {
				if len(c.Args) == 1 {
					return ParseVersion(c.Str(0), c.Arg(0))
				}
				parts := make([]string, len(c.Args))
				for i := range c.Args {
					n, err := c.Int(i, []string{"major", "minor", "build", "revision"}[min(i, 3)])
					if err != nil {
						return nil, err
					}
					parts[i] = strconv.Itoa(n)
				}
				return ParseVersion(strings.Join(parts, "."), nil)
			},
			NewArity: []int{1, 2, 3, 4}},
		&dotnet.TypeDef{FullName: "System.Net.Mail.MailAddress", Aliases: []string{"mailaddress"}, Assembly: "System.Net.Mail",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				a, err := mailAddress(h.ToStr(v))
				if err != nil {
					return nil, dotnet.ConvertFailed(v, "System.Net.Mail.MailAddress", err.Error())
				}
				return a, nil
			},
			Is:       func(_ *dotnet.TypeInfo, v any) bool { return object.TypeName(v) == "System.Net.Mail.MailAddress" },
			NewArity: []int{1, 2},
			New: func(c *dotnet.Call) (any, error) {
				a, err := mailAddress(c.Str(0))
				if err != nil {
					return nil, dotnet.Throw("%s", err.Error())
				}
				if len(c.Args) == 2 {
					a.Set("DisplayName", c.Str(1))
				}
				return a, nil
			}},
		&dotnet.TypeDef{FullName: "System.Net.IPAddress", Aliases: []string{"ipaddress"}, Assembly: "System.Net.Primitives",
			Convert: func(h dotnet.Host, _ *dotnet.TypeInfo, v any) (any, error) {
				s := strings.TrimSpace(h.ToStr(v))
				if !validIP(s) {
					return nil, dotnet.ConvertFailed(v, "System.Net.IPAddress", "An invalid IP address was specified.")
				}
				o := object.NewObject("System.Net.IPAddress", "System.Object")
				family := "InterNetwork"
				if strings.Contains(s, ":") {
					family = "InterNetworkV6"
				}
				o.AddTyped("AddressFamily", "System.Net.Sockets.AddressFamily", object.Enum{Type: "System.Net.Sockets.AddressFamily", Name: family})
				o.AddTyped("IPAddressToString", "string", s)
				o.ToStringFunc = func() string { return s }
				return o, nil
			},
			Is: func(_ *dotnet.TypeInfo, v any) bool { return object.TypeName(v) == "System.Net.IPAddress" }},
	)
}

// Version is a System.Version: two to four numbers.
type Version struct{ parts []int }

func (v *Version) PSType() *dotnet.TypeInfo { return dotnet.TypeByName("System.Version") }

// PSTypeName is the .NET type name.
func (v *Version) PSTypeName() string { return "System.Version" }

func (v *Version) part(i int) int {
	if i < len(v.parts) {
		return v.parts[i]
	}
	return -1
}

func (v *Version) String() string {
	s := make([]string, len(v.parts))
	for i, p := range v.parts {
		s[i] = strconv.Itoa(p)
	}
	return strings.Join(s, ".")
}

// Adapted lists Major, Minor, Build and Revision (the table view).
func (v *Version) Adapted() []*object.Property {
	var out []*object.Property
	for i, n := range []string{"Major", "Minor", "Build", "Revision"} {
		out = append(out, &object.Property{Name: n, Value: v.part(i), Kind: object.AdaptedProperty, TypeName: "int"})
	}
	return out
}

// CompareTo orders the version before (-1), with (0) or after (1) other,
// converted to a version; ok is false when it cannot be.
func (v *Version) CompareTo(h dotnet.Host, other any) (int, bool) {
	o, ok := dotnet.Bare(other).(*Version)
	if !ok {
		// as a cast to [version]; Equal has no host and converts plainly
		text := object.ToInvariantString(other)
		if h != nil {
			text = h.ToStr(other)
		}
		c, err := ParseVersion(text, other)
		if err != nil {
			return 0, false
		}
		o = c.(*Version)
	}
	for i := 0; i < 4; i++ {
		if a, b := v.part(i), o.part(i); a != b {
			if a < b {
				return -1, true
			}
			return 1, true
		}
	}
	return 0, true
}

// Equal is Version equality.
func (v *Version) Equal(other any) bool {
	c, ok := v.CompareTo(nil, other)
	return ok && c == 0
}

// VersionOf is the System.Version a version's text writes ("3.4.0"), as
// a module or a command gives it; nil for none (""), and the text itself
// when it is no version.
func VersionOf(s string) any {
	if s == "" {
		return nil
	}
	if v, err := ParseVersion(s, s); err == nil {
		return v
	}
	return s
}

// ParseVersion reads a version as [version] does; orig is the value
// named in the conversion error.
func ParseVersion(s string, orig any) (any, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 4 {
		return nil, dotnet.ConvertFailed(orig, "System.Version", "Version string portion was too short or too long. (Parameter 'input')")
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return nil, dotnet.ConvertFailed(orig, "System.Version", "Input string was not in a correct format.")
		}
		if n < 0 {
			return nil, dotnet.ConvertFailed(orig, "System.Version", "Version's parameters must be greater than or equal to zero. (Parameter 'version')")
		}
		nums[i] = n
	}
	return &Version{parts: nums}, nil
}

func mailAddress(s string) (*object.PSObject, error) {
	s = strings.TrimSpace(s)
	display := ""
	if i := strings.IndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		display = strings.Trim(strings.TrimSpace(s[:i]), "\"")
		s = s[i+1 : len(s)-1]
	}
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 || strings.ContainsAny(s, " ") {
		return nil, fmt.Errorf("The specified string is not in the form required for an e-mail address.")
	}
	o := object.NewObject("System.Net.Mail.MailAddress", "System.Object")
	o.AddTyped("DisplayName", "string", display)
	o.AddTyped("User", "string", s[:at])
	o.AddTyped("Host", "string", s[at+1:])
	o.AddTyped("Address", "string", s)
	o.ToStringFunc = func() string {
		if dn, _ := o.Value("DisplayName").(string); dn != "" {
			return "\"" + dn + "\" <" + s + ">"
		}
		return s
	}
	return o, nil
}

func validIP(s string) bool {
	if strings.Contains(s, ":") {
		return strings.Count(s, ":") >= 2
	}
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for _, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 255 {
			return false
		}
	}
	return true
}
