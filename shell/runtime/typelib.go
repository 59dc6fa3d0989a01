package runtime

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

// The .NET type library of a session: the families of types declared in
// the packages under shell/dotnet, listed here once. They are declared the
// first time any type is looked up (a process that names no type never
// indexes them); a later declaration of a full name replaces an earlier
// one.
func init() { dotnet.RegisterLater(declareTypeLibrary) }

func declareTypeLibrary() {
	dotnet.DeclareEnums()
	number.Declare()
	system.Declare()
	text.Declare()
	collections.Declare()
	datetime.Declare()
	xml.Declare()
	io.Declare()
}
