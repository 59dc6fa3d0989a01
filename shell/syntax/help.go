package syntax

// CommentHelp is a function's comment-based help: a comment block of
// .SYNOPSIS, .DESCRIPTION, .PARAMETER name, .EXAMPLE ... sections.
type CommentHelp struct {
	Synopsis    string
	Description string
	Notes       string
	// Parameters maps an upper-case parameter name to its text.
	Parameters map[string]string
	Examples   []string
	Inputs     []string
	Outputs    []string
	Links      []string
	Component  string
	Role       string
	// Functionality is the .FUNCTIONALITY section.
	Functionality string
}
