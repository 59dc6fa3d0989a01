package runtime

import (
	"fmt"

	"github.com/exosim/exosim/shell/object"
)

// A session is the host of the .NET types it runs (dotnet.Host): these
// methods, with ToStr, Now and NewGuid, are what the types under
// shell/dotnet reach the interpreter through.

// IsScriptBlock reports whether v is a script block.
func (rt *Runtime) IsScriptBlock(v any) bool {
	_, ok := object.Unwrap(v).(*ScriptBlock)
	return ok
}

// CallScriptBlock calls a script block a .NET method got as a delegate.
func (rt *Runtime) CallScriptBlock(sb any, args []any) (any, error) {
	b, ok := object.Unwrap(sb).(*ScriptBlock)
	if !ok {
		return nil, fmt.Errorf("%s is not a script block", object.TypeName(sb))
	}
	return rt.callScriptBlock(b, args)
}
