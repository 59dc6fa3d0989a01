package runtime

import (
	"strings"
)

// What cmdlets ask about their invocation: a common parameter as given,
// whether progress may show, whether pipeline input is coming.

// Common returns a common parameter the command was given (any case), as
// bound.
func (c *Context) Common(name string) (any, bool) {
	if c.proc == nil || c.proc.bound == nil {
		return nil, false
	}
	v, ok := c.proc.bound.common[strings.ToLower(name)]
	return v, ok
}

// ProgressShown reports whether -ProgressAction or $ProgressPreference
// lets progress show.
func (c *Context) ProgressShown() bool {
	action := Of(c).preference("ProgressPreference")
	if v, ok := c.Common("ProgressAction"); ok {
		if s, ok := v.(string); ok && s != "" {
			action = normalizeAction(s)
		}
	}
	switch action {
	case "SilentlyContinue", "Ignore":
		return false
	}
	return true
}

// ExpectingInput reports whether the command has pipeline input coming
// ($MyInvocation.ExpectingInput).
func (c *Context) ExpectingInput() bool { return c.proc != nil && c.proc.hasInput }
