package runtime

import "github.com/exosim/exosim/shell/dotnet/automation"

// callScriptBlock runs a script block as a .NET delegate does (& $sb args:
// a child scope, its param() block bound to the arguments, $_ not set) and
// returns its output.
func (rt *Runtime) callScriptBlock(sb *automation.ScriptBlock, args []any) (any, error) {
	var items []any
	err := rt.InvokeWithArguments(sb, args, func(v any) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return collapse(items), nil
}
