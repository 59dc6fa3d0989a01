package decl

import (
	"strings"

	"github.com/exosim/exosim/shell/lazy"
)

// deprecated are Security & Compliance cmdlets that Microsoft deprecated
// and took out of its reference, which older runbooks still call, with
// what replaces each. The service was still seen answering some of them
// after their removal, so a call is a likely problem, not a certain one.
var deprecated = lazy.Value[map[string][2]string]{Build: buildDeprecated}

func buildDeprecated() map[string][2]string {
	out := map[string][2]string{}
	// where the Teams locations went in each replacement
	teams := map[string]string{
		"New": " with -TeamsChannelLocation and -TeamsChatLocation",
		"Set": " with -AddTeamsChatLocation, -AddTeamsChatLocationException and their kin",
		"Get": " -TeamsPolicyOnly",
	}
	for _, verb := range []string{"New", "Get", "Set", "Remove"} {
		out[strings.ToLower(verb+"-TeamsRetentionCompliancePolicy")] = [2]string{verb + "-TeamsRetentionCompliancePolicy",
			verb + "-RetentionCompliancePolicy" + teams[verb]}
		out[strings.ToLower(verb+"-TeamsRetentionComplianceRule")] = [2]string{verb + "-TeamsRetentionComplianceRule",
			verb + "-RetentionComplianceRule"}
	}
	return out
}

// Deprecated reports whether a cmdlet is a deprecated one that the
// reference no longer lists, with its name as spelt there and what to use
// instead.
func Deprecated(name string) (canonical, instead string, ok bool) {
	d, ok := deprecated.Get()[strings.ToLower(name)]
	return d[0], d[1], ok
}
