package automation

import (
	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/dotnet/collections"
	"github.com/exosim/exosim/shell/dotnet/datetime"
	"github.com/exosim/exosim/shell/dotnet/io"
	"github.com/exosim/exosim/shell/dotnet/number"
	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/dotnet/text"
	"github.com/exosim/exosim/shell/dotnet/xml"
)

// Declare registers the .NET type library of a session: the families of
// types declared in the packages under shell/dotnet, listed here once,
// then PowerShell's own types. A session queues it with
// dotnet.RegisterLater, so the types are declared the first time any type
// is looked up (a process that names no type never indexes them); a later
// declaration of a full name replaces an earlier one.
func Declare() {
	dotnet.DeclareEnums()
	number.Declare()
	system.Declare()
	text.Declare()
	collections.Declare()
	datetime.Declare()
	xml.Declare()
	io.Declare()
	declarePSObjects()
	declareScriptBlock()
	declareSwitch()
	declareAttributes()
}
