package runtime

import "fmt"

// ConvertTo converts a value to the named type (a cast).
func (rt *Runtime) ConvertTo(v any, typeName string) (any, error) {
	t, ok := rt.ResolveType(typeName)
	if !ok {
		return nil, &opError{Msg: fmt.Sprintf("Unable to find type [%s].", typeName)}
	}
	if t.Convert == nil {
		return v, nil
	}
	return t.Convert(rt, v)
}
