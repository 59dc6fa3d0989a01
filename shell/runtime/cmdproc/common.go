package cmdproc

import (
	"strings"

	"github.com/exosim/exosim/shell/invocation"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
)

// ApplyCommon takes in the common parameters the arguments bound
// (-ErrorAction, -OutVariable, -WhatIf ...): the command's preferences,
// and the variables that collect its output, errors and warnings.
func (pr *Processor) ApplyCommon() error {
	sc := pr.S.Scope()
	c := pr.Bound.Common
	if v, ok := c["erroraction"]; ok {
		pr.ErrAction = v.(string)
	}
	if v, ok := c["warningaction"]; ok {
		pr.warnAction = v.(string)
	}
	if v, ok := c["errorvariable"]; ok {
		name := v.(string)
		if strings.HasPrefix(name, "+") {
			pr.errAppend = true
			name = name[1:]
		}
		pr.ErrVar = name
	}
	if v, ok := c["outvariable"]; ok {
		name := v.(string)
		if strings.HasPrefix(name, "+") {
			pr.outAppend = true
			name = name[1:]
		}
		pr.outVar = name
	}
	if v, ok := c["pipelinevariable"]; ok {
		pr.pipeVar, pr.pipeScope = v.(string), sc
	}
	warnAppend := false
	if v, ok := c["warningvariable"]; ok {
		name := v.(string)
		warnAppend = strings.HasPrefix(name, "+")
		pr.warnVar = strings.TrimPrefix(name, "+")
	}
	if v, ok := c["whatif"]; ok {
		pr.sp.WhatIf = v.(bool)
	} else if wp, ok := sc.Get("WhatIfPreference"); ok && object.ToBool(wp) {
		pr.sp.WhatIf = true
	}
	if v, ok := c["confirm"]; ok {
		if v.(bool) {
			pr.sp.Confirm = 1
		} else {
			pr.sp.Confirm = 0
		}
	}
	if v, ok := c["verbose"]; ok {
		pr.sp.Verbose = v.(bool)
	}
	if v, ok := c["debug"]; ok {
		pr.debug, _ = v.(bool)
	}
	if v, ok := c["informationaction"]; ok {
		pr.infoAction = params.NormalizeAction(v)
	}
	if pr.ErrVar != "" {
		pr.errList = variableList(sc, pr.ErrVar, pr.errAppend)
		sc.SetQualified(pr.ErrVar, pr.errList)
	}
	if pr.outVar != "" {
		pr.outList = variableList(sc, pr.outVar, pr.outAppend)
	}
	if pr.warnVar != "" {
		pr.warnList = variableList(sc, pr.warnVar, warnAppend)
		sc.SetQualified(pr.warnVar, pr.warnList)
	}
	return nil
}

// variableList is the list an -OutVariable or -ErrorVariable collects
// into: a new one, or with a leading + the variable's list, or a new list
// holding what the variable held (each item of an array, else the value).
func variableList(sc *Scope, name string, appendTo bool) *object.List {
	l := &object.List{}
	if !appendTo {
		return l
	}
	cur, ok := sc.Get(name)
	if !ok || cur == nil {
		return l
	}
	if existing, ok := cur.(*object.List); ok {
		return existing
	}
	if _, isHash := cur.(*object.Hashtable); isHash {
		l.Append(cur)
		return l
	}
	if items, ok := object.Enumerate(cur); ok {
		for _, it := range items {
			l.Append(it)
		}
		return l
	}
	l.Append(cur)
	return l
}

// Args are the arguments no parameter took ($args of a simple function).
func (pr *Processor) Args() []any {
	if pr.Bound == nil {
		return nil
	}
	return pr.Bound.Extra
}

// common returns the common parameters the arguments bound.
func (pr *Processor) common() map[string]any {
	if pr.Bound == nil {
		return nil
	}
	return pr.Bound.Common
}

// Common is the value of a common parameter the arguments bound, by its
// lower-case name.
func (pr *Processor) Common(key string) (any, bool) {
	v, ok := pr.common()[key]
	return v, ok
}

// CommonParameters are the common parameters the arguments bound, as
// $PSBoundParameters holds them.
func (pr *Processor) CommonParameters() map[string]any {
	out := map[string]any{}
	for k, v := range pr.common() {
		name, v := invocation.BoundCommon(k, v)
		out[name] = v
	}
	return out
}

// ProgressShown reports whether the command's progress records are shown
// ($ProgressPreference, -ProgressAction).
func (pr *Processor) ProgressShown() bool {
	action := pr.S.Preference("ProgressPreference")
	if v, ok := pr.Common("progressaction"); ok {
		if s, ok := v.(string); ok && s != "" {
			action = params.NormalizeAction(s)
		}
	}
	switch action {
	case "SilentlyContinue", "Ignore":
		return false
	}
	return true
}
