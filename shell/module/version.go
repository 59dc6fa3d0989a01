package module

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// A module's version is a System.Version: two to four numbers. Two
// versions compare number by number, a number not written counting as
// less than any written one (1.0 is less than 1.0.0), as .NET compares
// them.

// ParseVersion reads a version as System.Version does: two to four
// dot-separated numbers, none negative. The result has -1 for the
// numbers not written.
func ParseVersion(s string) (v [4]int, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), ".")
	if len(parts) < 2 || len(parts) > 4 {
		return v, false
	}
	v = [4]int{-1, -1, -1, -1}
	for i, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 || strings.HasPrefix(strings.TrimSpace(p), "+") {
			return v, false
		}
		v[i] = n
	}
	return v, true
}

// isVersion reports whether a folder name is a version (1.2, 1.2.3.4).
func isVersion(s string) bool {
	_, ok := ParseVersion(s)
	return ok
}

// CompareVersions orders two versions as System.Version does; a text
// that is no version orders before every version.
func CompareVersions(a, b string) int {
	va, oka := ParseVersion(a)
	vb, okb := ParseVersion(b)
	switch {
	case !oka || !okb:
		return boolOrder(oka) - boolOrder(okb)
	}
	for i := range va {
		if va[i] != vb[i] {
			if va[i] < vb[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func boolOrder(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Constraint is what Import-Module's -RequiredVersion, -MinimumVersion
// and -MaximumVersion, and a module specification's RequiredVersion,
// ModuleVersion and MaximumVersion, ask of a module's version ("": no
// constraint). A required version overrides the other two.
type Constraint struct {
	Required, Minimum, Maximum string
}

// Any reports whether the constraint asks anything.
func (c Constraint) Any() bool { return c.Required != "" || c.Minimum != "" || c.Maximum != "" }

// Matches reports whether a module of version v satisfies the
// constraint. The maximum may end in * (1.2.*: any 1.2 version); a
// constraint that is no version allows nothing.
func (c Constraint) Matches(v string) bool {
	if c.Required != "" {
		return isVersion(c.Required) && CompareVersions(v, c.Required) == 0
	}
	if c.Minimum != "" && (!isVersion(c.Minimum) || CompareVersions(v, c.Minimum) < 0) {
		return false
	}
	if c.Maximum != "" {
		max, err := MaximumVersion(c.Maximum)
		if err != nil || CompareVersions(v, max) > 0 {
			return false
		}
	}
	return true
}

// MaximumVersion is the version a -MaximumVersion stands for: the version
// itself, or for one ending in * (one only, at the end), the version with
// every number from the * on at its largest.
func MaximumVersion(s string) (string, error) {
	if _, ok := ParseVersion(s); ok {
		return s, nil
	}
	const most = "999999999"
	if strings.HasSuffix(s, "*") {
		t := strings.TrimSuffix(s, "*") + most
		for n := strings.Count(t, "."); n < 3; n++ {
			t += "." + most
		}
		if _, ok := ParseVersion(t); ok {
			return t, nil
		}
	}
	return "", &Error{ID: "Modules_MaximumVersionFormatIncorrect", Category: object.InvalidArgument, Exception: "PSArgumentException", Target: s,
		Message: fmt.Sprintf("The specified MaximumVersion '%s' was incorrect. If you are using '*', MaximumVersion only supports one '*' and should always be placed at the end of MaximumVersion.", s)}
}

// ErrVersionNotFound is Import-Module's error for a module name or path
// that names no module of a version the constraint allows.
func ErrVersionNotFound(name string, c Constraint) *Error {
	var msg string
	switch {
	case c.Required != "":
		msg = fmt.Sprintf("The specified module '%s' with version '%s' was not loaded because no valid module file was found in any module directory.", name, c.Required)
	case c.Minimum != "" && c.Maximum != "":
		msg = fmt.Sprintf("The specified module '%s' with MinimumVersion '%s' and MaximumVersion '%s' was not loaded because no valid module file was found in any module directory.", name, c.Minimum, c.Maximum)
	case c.Minimum != "":
		msg = fmt.Sprintf("The specified module '%s' with version '%s' was not loaded because no valid module file was found in any module directory.", name, c.Minimum)
	default:
		msg = fmt.Sprintf("The specified module '%s' with MaximumVersion '%s' was not loaded because no valid module file was found in any module directory.", name, c.Maximum)
	}
	return &Error{ID: "Modules_ModuleWithVersionNotFound", Category: object.ResourceUnavailable, Exception: "FileNotFoundException", Target: name, Message: msg}
}
