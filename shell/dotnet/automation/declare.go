package automation

// Declare registers PowerShell's own types with the .NET type registry;
// a session queues it with dotnet.RegisterLater, after the type library.
func Declare() {
	declarePSObjects()
	declareScriptBlock()
}
