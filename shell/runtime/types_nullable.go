package runtime

import "github.com/exosim/exosim/shell/dotnet"

// System.Nullable<T>: a value of T or $null. PowerShell never keeps a
// boxed Nullable: a value converted to Nullable[T] is a plain T (its
// GetType() is T), and $null stays $null instead of becoming T's default.
// Scripts type optional parameters this way ([Nullable[DateTime]]$Start)
// so that "not given" can be told from any real value.

func init() { dotnet.RegisterLater(declareNullableTypes) }

// declareNullableTypes registers the file's types; it runs on the first type lookup.
func declareNullableTypes() {
	dotnet.RegisterType(&TypeDef{FullName: "System.Nullable`1", ValueType: true,
		Convert: func(h dotnet.Host, t *TypeInfo, v any) (any, error) {
			rt := h.(*Runtime)
			if _, ok := v.(voidValue); ok {
				v = nil
			}
			if v == nil || len(t.Args) != 1 || t.Args[0].Convert == nil {
				return v, nil
			}
			return t.Args[0].Convert(rt, v)
		},
		Is: func(t *TypeInfo, v any) bool {
			return len(t.Args) == 1 && v != nil && t.Args[0].Test(v)
		},
	})
}
