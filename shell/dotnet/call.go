package dotnet

// ConvertArg converts argument v of a method to type t; param and method
// name the argument in the error.
func ConvertArg(h Host, v any, t *TypeInfo, param, method string) (any, error) {
	if t == nil || t.Convert == nil {
		return v, nil
	}
	if t.def != nil && t.def.FullName == "System.Object" {
		return v, nil
	}
	out, err := t.Convert(h, v)
	if err != nil {
		return nil, ArgConvertError(v, param, method, t.String(), err)
	}
	return out, nil
}

// ArgToInt converts argument v of a method to an Int32.
func ArgToInt(h Host, v any, param, method string) (int, error) {
	out, err := ConvertArg(h, v, TypeByName("System.Int32"), param, method)
	if err != nil {
		return 0, err
	}
	n, _ := out.(int)
	return n, nil
}

// Int converts argument i to an Int32 (named param in errors).
func (c *Call) Int(i int, param string) (int, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	return ArgToInt(c.Host, c.Args[i], param, c.Name)
}

// Str converts argument i to a string ($null stays "").
func (c *Call) Str(i int) string {
	if i >= len(c.Args) || c.Args[i] == nil {
		return ""
	}
	return c.Host.ToStr(c.Args[i])
}

// Float converts argument i to a Double.
func (c *Call) Float(i int, param string) (float64, error) {
	if i >= len(c.Args) {
		return 0, nil
	}
	out, err := ConvertArg(c.Host, c.Args[i], TypeByName("System.Double"), param, c.Name)
	if err != nil {
		return 0, err
	}
	f, _ := out.(float64)
	return f, nil
}

// Arg returns argument i (nil when absent).
func (c *Call) Arg(i int) any {
	if i >= len(c.Args) {
		return nil
	}
	return c.Args[i]
}

// To converts argument i to the named type.
func (c *Call) To(i int, typeName, param string) (any, error) {
	return ConvertArg(c.Host, c.Arg(i), TypeByName(typeName), param, c.Name)
}
