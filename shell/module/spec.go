package module

import (
	"fmt"
	"strings"

	"github.com/exosim/exosim/shell/object"
)

// Spec is a module specification (ModuleSpecification): a module's name
// (or path), its GUID if given, and what its version must be.
type Spec struct {
	Name, Guid string
	Constraint
}

// SpecFrom reads the keys and values of a hashtable describing a module
// (ModuleName, ModuleVersion, RequiredVersion, MaximumVersion, GUID; the
// keys in any case). A hashtable that describes none is the error PowerShell's
// ModuleSpecification gives: a key it does not know, no ModuleName, no
// version, or RequiredVersion with ModuleVersion or MaximumVersion.
func SpecFrom(entries [][2]string) (Spec, error) {
	var s Spec
	var bad []string
	for _, e := range entries {
		switch k, v := e[0], e[1]; strings.ToLower(k) {
		case "modulename":
			s.Name = v
		case "moduleversion":
			s.Minimum = v
		case "requiredversion":
			s.Required = v
		case "maximumversion":
			s.Maximum = v
		case "guid":
			s.Guid = v
		default:
			bad = append(bad, "'"+k+"'")
		}
	}
	switch {
	case bad != nil:
		return s, fmt.Errorf("The hashtable describing a module contains one or more members that are not valid. The valid members are (ModuleName, ModuleVersion, RequiredVersion, GUID). Remove the members that are not valid (%s), then try again.", strings.Join(bad, ", "))
	case s.Name == "":
		return s, fmt.Errorf("The 'ModuleName' member does not exist in the hashtable that describes this module.")
	case !s.Any():
		return s, fmt.Errorf("The 'ModuleVersion', 'MaximumVersion' and 'RequiredVersion' members do not exist in the hashtable that describes this module. One of these three members must exist, and be assigned a version number in the format 'n.n.n.n'.")
	case s.Required != "" && s.Minimum != "":
		return s, fmt.Errorf("The parameters ModuleVersion and RequiredVersion cannot be used together. Please specify only one parameter.")
	case s.Required != "" && s.Maximum != "":
		return s, fmt.Errorf("The parameters MaximumVersion and RequiredVersion cannot be used together. Please specify only one parameter.")
	}
	return s, nil
}

// Satisfies reports whether module m is the one the specification names
// (by name, or by the path of its file) at a version it allows.
func (s Spec) Satisfies(m *Module) bool {
	named := strings.EqualFold(m.Name, s.Name) || IsPath(s.Name) && (strings.EqualFold(m.file(), s.Name) || strings.EqualFold(m.Path, s.Name))
	return named && (s.Guid == "" || strings.EqualFold(m.Guid, s.Guid)) && s.Matches(m.Version)
}

// ErrRequiredNotLoaded is the error of a manifest whose RequiredModules
// entry names a module that is not found at a version it allows; loaded
// is the version of a loaded module of that name ("": none), whose
// failed constraint the message names.
func ErrRequiredNotLoaded(s Spec, manifest, loaded string) *Error {
	msg := fmt.Sprintf("The required module '%s' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '%s'.", s.Name, manifest)
	if loaded != "" {
		switch {
		case s.Required != "":
			msg = fmt.Sprintf("The required module '%s' with version '%s' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '%s'.", s.Name, s.Required, manifest)
		case s.Minimum != "" && s.Maximum != "":
			msg = fmt.Sprintf("The required module '%s' with MinimumVersion '%s' and MaximumVersion '%s' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '%s'.", s.Name, s.Minimum, s.Maximum, manifest)
		case s.Minimum != "":
			msg = fmt.Sprintf("The required module '%s' with version '%s' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '%s'.", s.Name, s.Minimum, manifest)
		case s.Maximum != "":
			msg = fmt.Sprintf("The required module '%s' with MaximumVersion '%s' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '%s'.", s.Name, s.Maximum, manifest)
		}
	}
	return &Error{ID: "Modules_InvalidManifest", Category: object.ResourceUnavailable, Exception: "MissingMemberException", Target: manifest, Message: msg}
}

// ErrManifestMember is a manifest member (ScriptsToProcess ...) that is
// not valid: why gives the reason.
func ErrManifestMember(member, why, manifest string) *Error {
	return &Error{ID: "Modules_InvalidManifest", Category: object.ResourceUnavailable, Exception: "ArgumentException", Target: manifest,
		Message: fmt.Sprintf("The member '%s' in the module manifest is not valid: %s. Verify that a valid value is specified for this field in the '%s' file.", member, why, manifest)}
}

// ErrManifestValue is a manifest member whose value is not of the kind it
// takes (a RequiredModules entry that describes no module ...).
func ErrManifestValue(member, why, manifest string) *Error {
	return &Error{ID: "Modules_InvalidManifest", Category: object.ResourceUnavailable, Exception: "ArgumentException", Target: manifest,
		Message: fmt.Sprintf("The '%s' member is not valid in the module manifest file '%s': %s", member, manifest, why)}
}
