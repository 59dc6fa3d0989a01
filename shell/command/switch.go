package command

// Switch is a [switch] value in script functions.
type Switch bool

// IsPresent reports whether the switch was given.
func (s Switch) IsPresent() bool { return bool(s) }

func (s Switch) String() string {
	if s {
		return "True"
	}
	return "False"
}

// PSTypeName is the .NET type name.
func (s Switch) PSTypeName() string { return "System.Management.Automation.SwitchParameter" }
