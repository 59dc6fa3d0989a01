//go:build ignore

// gen reads the cmdlet facts file (exchange-cmdlets.json: every cmdlet the
// Exchange reference marks as applicable to Exchange Online or Security &
// Compliance, with parameter sets, types, mandatory flags, positions,
// aliases and pipeline binding, and what exists only on-premises) and the
// reference pages of the cmdlets the simulator implements (for the values
// an enumeration parameter accepts, which the facts file does not keep),
// and writes zz_decl.go: a compact encoding of those facts that package
// decl decodes one cmdlet at a time. Only facts are taken; no prose.
//
// Usage (from this directory):
//
//	go run gen.go -facts <exchange-cmdlets.json> -ref <dir with the pages>
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// facts is the part of exchange-cmdlets.json the generator reads.
type facts struct {
	SchemaVersion   int      `json:"schema_version"`
	CmdletsNotCloud []string `json:"cmdlets_not_cloud"`
	Cmdlets         []struct {
		Name          string   `json:"name"`
		CloudServices []string `json:"cloud_services"`
		DefaultSet    *string  `json:"default_set"`
		Sets          []struct {
			Name       string `json:"name"`
			Parameters []struct {
				Name     string   `json:"name"`
				Type     string   `json:"type"`
				Required bool     `json:"required"`
				Position *int     `json:"position"`
				Pipeline *string  `json:"pipeline"`
				Aliases  []string `json:"aliases"`
			} `json:"parameters"`
		} `json:"sets"`
		ParametersNotCloud []string `json:"parameters_not_cloud"`
		Notes              []struct {
			Kind      string `json:"kind"`
			Parameter string `json:"parameter"`
			Detail    string `json:"detail"`
		} `json:"notes"`
	} `json:"cmdlets"`
}

// setInfo is one parameter's membership in one set.
type setInfo struct {
	set       int // index into the cmdlet's sets; -1 for every set
	mandatory bool
	position  int // -1: named only
	byValue   bool
	byName    bool
}

type param struct {
	name    string
	typ     string
	aliases []string
	values  []string
	sets    []setInfo
}

type cmdlet struct {
	name       string
	exo, scc   bool
	should     bool
	sets       []string // empty: one unnamed set
	defaultSet string
	params     []*param
	notCloud   []string
}

// Corrections the simulator makes to the reference, each for a reason a
// test shows.
var (
	// addToSets lists parameters whose reference syntax leaves out a set
	// the reference's own description requires them in. Set-Mailbox:
	// -InactiveMailbox is required to change Litigation Hold on an
	// inactive mailbox, whose parameters belong to the Identity set.
	// New-MailboxRestoreRequest: Microsoft's procedure for restoring a
	// disconnected on-premises mailbox combines the Remote* parameters
	// with -SourceStoreMailbox. Start-ManagedFolderAssistant: Microsoft's
	// procedure for an inactive mailbox runs it with -InactiveMailbox and
	// the mailbox alone, which binds only if the switch is in the default
	// Identity set too. Set-OrganizationConfig: each parameter set of the
	// cmdlet has its own selecting parameters (-ShortenEventScopeDefault,
	// mandatory in ShortenEventScopeParameter; the DelayedDelicensing
	// ones) and every other parameter belongs to all of them, as the
	// Exchange 2013 reference of the cmdlet lists them ("common
	// parameters" after the per-set ones); the parameters the reference
	// added later to the ShortenEventScopeParameter block alone are
	// common too: Microsoft's Direct Send procedure runs
	// Set-OrganizationConfig -RejectDirectSend $true alone, and admins
	// run -RecallReadMessagesEnabled or -DefaultMinutesToReduceLongEventsBy
	// alone. In DelayedDelicensingParameterSet, which holds every other
	// cloud parameter without a mandatory one, such a call binds as
	// -AuditDisabled does.
	addToSets = map[string]map[string][]string{
		"Set-Mailbox": {"InactiveMailbox": {"Identity"}},
		"Set-OrganizationConfig": {
			"DefaultMinutesToReduceLongEventsBy":                  {"DelayedDelicensingParameterSet"},
			"DefaultMinutesToReduceShortEventsBy":                 {"DelayedDelicensingParameterSet"},
			"EnforceShortenEventSetting":                          {"DelayedDelicensingParameterSet"},
			"MessageRecallAlertRecipientsEnabled":                 {"DelayedDelicensingParameterSet"},
			"MessageRecallAlertRecipientsReadMessagesOnlyEnabled": {"DelayedDelicensingParameterSet"},
			"MessageRecallMaxRecallableAge":                       {"DelayedDelicensingParameterSet"},
			"RecallReadMessagesEnabled":                           {"DelayedDelicensingParameterSet"},
			"RejectDirectSend":                                    {"DelayedDelicensingParameterSet"},
		},
		"Start-ManagedFolderAssistant": {"InactiveMailbox": {"Identity"}},
		"New-MailboxRestoreRequest": {
			"RemoteRestoreType":  {"RemoteMailboxRestoreMailboxLocationId"},
			"RemoteHostName":     {"RemoteMailboxRestoreMailboxLocationId"},
			"RemoteCredential":   {"RemoteMailboxRestoreMailboxLocationId"},
			"RemoteDatabaseGuid": {"RemoteMailboxRestoreMailboxLocationId"},
		},
	}
	// optionalIn lists parameters the reference marks mandatory in a set
	// that Microsoft's own procedures leave out: every procedure restoring
	// a soft-deleted or inactive mailbox runs New-MailboxRestoreRequest
	// with -SourceMailbox and -TargetMailbox alone.
	optionalIn = map[string]map[string][]string{
		"New-MailboxRestoreRequest": {
			"RemoteRestoreType":  {"SourceMailbox"},
			"RemoteHostName":     {"SourceMailbox"},
			"RemoteCredential":   {"SourceMailbox"},
			"RemoteDatabaseGuid": {"SourceMailbox"},
		},
	}
)

var (
	reUnknownSet   = regexp.MustCompile(`^Parameter Sets names '([^']+)', not a SYNTAX set`)
	reTypeMismatch = regexp.MustCompile(`^SYNTAX '([^']+)', yaml '[^']*'; yaml used`)
)

// commonAliases are PowerShell's common-parameter aliases; a reference
// entry that gives one to a cmdlet's own parameter is a slip.
var commonAliases = map[string]bool{"vb": true, "db": true, "ea": true, "wa": true, "infa": true, "proga": true, "ev": true, "wv": true, "iv": true, "ov": true, "ob": true, "pv": true, "wi": true, "cf": true}

func load(path string) ([]*cmdlet, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var f facts
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, err
	}
	if f.SchemaVersion != 1 {
		return nil, nil, fmt.Errorf("%s: schema version %d, want 1", path, f.SchemaVersion)
	}
	var out []*cmdlet
	for _, fc := range f.Cmdlets {
		c := &cmdlet{name: fc.Name, notCloud: fc.ParametersNotCloud}
		for _, s := range fc.CloudServices {
			switch s {
			case "Exchange Online":
				c.exo = true
			case "Security & Compliance":
				c.scc = true
			}
		}
		named := len(fc.Sets) > 1 || (len(fc.Sets) == 1 && fc.Sets[0].Name != "__AllParameterSets")
		byName := map[string]*param{}
		for si, s := range fc.Sets {
			setIdx := -1
			if named {
				c.sets = append(c.sets, s.Name)
				setIdx = si
			}
			for _, fp := range s.Parameters {
				if fp.Name == "WhatIf" || fp.Name == "Confirm" {
					c.should = true
					continue
				}
				p := byName[fp.Name]
				if p == nil {
					p = &param{name: fp.Name, typ: fp.Type}
					for _, a := range fp.Aliases {
						if !commonAliases[strings.ToLower(a)] {
							p.aliases = append(p.aliases, a)
						}
					}
					byName[fp.Name] = p
					c.params = append(c.params, p)
				}
				info := setInfo{set: setIdx, mandatory: fp.Required, position: -1}
				if fp.Position != nil {
					info.position = *fp.Position
				}
				if fp.Pipeline != nil {
					switch *fp.Pipeline {
					case "ByValue":
						info.byValue = true
					case "ByPropertyName":
						info.byName = true
					case "ByValue, ByPropertyName":
						info.byValue, info.byName = true, true
					default:
						// the reference says only that the parameter takes
						// pipeline input: by property name, and by value for
						// an identity (a piped object is the one to act on)
						info.byName = true
						info.byValue = fp.Name == "Identity"
					}
				}
				p.sets = append(p.sets, info)
			}
		}
		if fc.DefaultSet != nil && *fc.DefaultSet != "" {
			c.defaultSet = *fc.DefaultSet
		} else if named {
			c.defaultSet = c.sets[0]
			for _, s := range c.sets {
				if s == "Identity" || s == "Default" || s == "DefaultParameterSet" || strings.EqualFold(s, "IdentityCloud") {
					c.defaultSet = s
					break
				}
			}
		}
		// A metadata block whose type and parameter-set fields are
		// exchanged (its "set" is no set of the page but the type the
		// syntax shows) is a slip: the syntax's type wins.
		unknownSet := map[string]string{}
		for _, n := range fc.Notes {
			if m := reUnknownSet.FindStringSubmatch(n.Detail); n.Kind == "yaml_unknown_set" && m != nil {
				unknownSet[n.Parameter] = m[1]
			}
		}
		for _, n := range fc.Notes {
			m := reTypeMismatch.FindStringSubmatch(n.Detail)
			if n.Kind != "type_mismatch" || m == nil || unknownSet[n.Parameter] == "" {
				continue
			}
			if strings.TrimPrefix(m[1], "System.") == strings.TrimPrefix(unknownSet[n.Parameter], "System.") {
				if p := byName[n.Parameter]; p != nil {
					p.typ = m[1]
				}
			}
		}
		correct(c)
		uniquePositions(c)
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	notCloud := append([]string(nil), f.CmdletsNotCloud...)
	sort.Strings(notCloud)
	return out, notCloud, nil
}

// correct applies addToSets and optionalIn.
func correct(c *cmdlet) {
	setIndex := func(name string) int {
		for i, s := range c.sets {
			if s == name {
				return i
			}
		}
		return -2
	}
	for _, p := range c.params {
		for _, s := range addToSets[c.name][p.name] {
			idx := setIndex(s)
			if idx < 0 {
				continue
			}
			in := false
			for _, si := range p.sets {
				in = in || si.set == idx
			}
			if !in {
				tmpl := p.sets[0]
				tmpl.set, tmpl.mandatory = idx, false
				p.sets = append(p.sets, tmpl)
				sort.SliceStable(p.sets, func(i, j int) bool { return p.sets[i].set < p.sets[j].set })
			}
		}
		for _, s := range optionalIn[c.name][p.name] {
			idx := setIndex(s)
			for i := range p.sets {
				if p.sets[i].set == idx {
					p.sets[i].mandatory = false
				}
			}
		}
	}
}

// uniquePositions keeps a positional slot for the first parameter the
// syntax gives it in a set; a later parameter the reference puts in the
// same slot (a slip PowerShell would refuse to load) is named only there.
func uniquePositions(c *cmdlet) {
	taken := map[[2]int]bool{}
	for _, p := range c.params {
		for i := range p.sets {
			si := &p.sets[i]
			if si.position < 0 {
				continue
			}
			k := [2]int{si.set, si.position}
			if taken[k] {
				si.position = -1
				continue
			}
			taken[k] = true
		}
	}
}

// ---------------------------------------------------------------------------
// Accepted values, from the reference pages.

var reBullet = regexp.MustCompile(`^- ([A-Za-z0-9][A-Za-z0-9 ._/-]*?)(:|$| \(|\.)`)

// pageValues reads a cmdlet page and returns, per parameter, the values
// it accepts: the metadata block's "Accepted values", else the list the
// parameter's description gives after "valid values are"; and the order
// in which the page describes its parameters.
func pageValues(path string) (map[string][]string, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	out := map[string][]string{}
	var order []string
	inParams, inYaml, listing := false, false, false
	cur := ""
	var prose []string
	yamlValues := map[string][]string{}
	flush := func() {
		if cur == "" {
			return
		}
		if v := yamlValues[cur]; len(v) > 0 {
			out[cur] = v
		} else if len(prose) > 0 {
			out[cur] = prose
		}
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "## ") {
			flush()
			cur, prose = "", nil
			inParams = strings.TrimSpace(l[3:]) == "PARAMETERS"
			continue
		}
		if !inParams {
			continue
		}
		if strings.HasPrefix(l, "### -") {
			flush()
			cur, prose, listing = strings.TrimSpace(l[5:]), nil, false
			order = append(order, cur)
			continue
		}
		if cur == "" {
			continue
		}
		if strings.HasPrefix(l, "```") {
			inYaml = strings.HasPrefix(l, "```yaml")
			continue
		}
		if inYaml {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "Accepted values" && len(yamlValues[cur]) == 0 {
				for _, s := range strings.Split(v, ",") {
					if s = strings.TrimSpace(s); s != "" {
						yamlValues[cur] = append(yamlValues[cur], s)
					}
				}
			}
			continue
		}
		low := strings.ToLower(l)
		if strings.Contains(low, "valid values are") || strings.Contains(low, "valid values for this parameter are") || strings.Contains(low, "values are:") {
			listing = true
			continue
		}
		if !listing {
			continue
		}
		t := strings.TrimSpace(l)
		if t == "" {
			if len(prose) > 0 {
				listing = false
			}
			continue
		}
		if m := reBullet.FindStringSubmatch(t); m != nil {
			if v := strings.TrimSpace(m[1]); !strings.Contains(v, " ") {
				prose = append(prose, v)
			}
			continue
		}
		listing = false
	}
	flush()
	return out, order, nil
}

// ---------------------------------------------------------------------------
// Output.

// The encoding (decoded by decode.go): one record per cmdlet, lines
// separated by "\n", fields by "|".
//
//	C name|flags|default set|set,set,...      flags: e=Exchange Online, s=Security & Compliance, w=WhatIf/Confirm
//	P name|type|alias,alias|values|set info;set info...
//	N parameter,parameter,...                 parameters that exist only on-premises
//
// A set info is the set's index ("*" for every set) followed by "m"
// (mandatory), "p<n>" (position n), "v" (pipeline by value) and "n"
// (pipeline by property name). type and values are indexes into the
// types and valueLists tables.
func write(cmds []*cmdlet, notCloud []string) []byte {
	types := map[string]int{}
	var typeList []string
	valueIdx := map[string]int{}
	var valueLists [][]string
	var data bytes.Buffer
	var offsets []int
	for _, c := range cmds {
		offsets = append(offsets, data.Len())
		flags := ""
		if c.exo {
			flags += "e"
		}
		if c.scc {
			flags += "s"
		}
		if c.should {
			flags += "w"
		}
		fmt.Fprintf(&data, "C %s|%s|%s|%s\n", c.name, flags, c.defaultSet, strings.Join(c.sets, ","))
		for _, p := range c.params {
			ti, ok := types[p.typ]
			if !ok {
				ti = len(typeList)
				types[p.typ] = ti
				typeList = append(typeList, p.typ)
			}
			vals := ""
			if len(p.values) > 0 {
				key := strings.Join(p.values, ",")
				vi, ok := valueIdx[key]
				if !ok {
					vi = len(valueLists)
					valueIdx[key] = vi
					valueLists = append(valueLists, p.values)
				}
				vals = strconv.Itoa(vi)
			}
			var infos []string
			for _, si := range p.sets {
				s := "*"
				if si.set >= 0 {
					s = strconv.Itoa(si.set)
				}
				if si.mandatory {
					s += "m"
				}
				if si.position >= 0 {
					s += "p" + strconv.Itoa(si.position)
				}
				if si.byValue {
					s += "v"
				}
				if si.byName {
					s += "n"
				}
				infos = append(infos, s)
			}
			fmt.Fprintf(&data, "P %s|%d|%s|%s|%s\n", p.name, ti, strings.Join(p.aliases, ","), vals, strings.Join(infos, ";"))
		}
		if len(c.notCloud) > 0 {
			fmt.Fprintf(&data, "N %s\n", strings.Join(c.notCloud, ","))
		}
	}
	offsets = append(offsets, data.Len())

	var b bytes.Buffer
	b.WriteString("// Code generated by gen.go from the cmdlet facts file and reference pages; DO NOT EDIT.\n\npackage decl\n\n")
	b.WriteString("// names lists the declared cmdlets in name order; offsets[i] and\n// offsets[i+1] delimit names[i]'s record in records.\nvar names = []string{\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "\t%q,\n", c.name)
	}
	b.WriteString("}\n\nvar offsets = []uint32{")
	for i, o := range offsets {
		if i%12 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d,", o)
	}
	b.WriteString("\n}\n\n// types are the parameter types as the reference spells them.\nvar types = []string{\n")
	for _, t := range typeList {
		fmt.Fprintf(&b, "\t%q,\n", t)
	}
	b.WriteString("}\n\n// valueLists are the values enumeration parameters accept.\nvar valueLists = [][]string{\n")
	for _, v := range valueLists {
		fmt.Fprintf(&b, "\t{%s},\n", quoteList(v))
	}
	b.WriteString("}\n\n// notCloud lists the cmdlets that exist only in on-premises Exchange.\nvar notCloud = []string{\n")
	for _, n := range notCloud {
		fmt.Fprintf(&b, "\t%q,\n", n)
	}
	b.WriteString("}\n\n// records holds every cmdlet's record (see gen.go for the encoding).\nconst records = `")
	if strings.Contains(data.String(), "`") {
		panic("a record contains a backquote")
	}
	b.WriteString(data.String())
	b.WriteString("`\n")
	return b.Bytes()
}

func quoteList(v []string) string {
	q := make([]string, len(v))
	for i, s := range v {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func main() {
	factsPath := flag.String("facts", "", "the cmdlet facts file (exchange-cmdlets.json)")
	ref := flag.String("ref", "", "directory of the implemented cmdlets' reference pages")
	out := flag.String("o", "zz_decl.go", "output file")
	flag.Parse()
	cmds, notCloud, err := load(*factsPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	pages, err := filepath.Glob(filepath.Join(*ref, "*-*.md"))
	if err != nil || len(pages) == 0 {
		fmt.Fprintln(os.Stderr, "gen: no reference pages found in", *ref)
		os.Exit(1)
	}
	byName := map[string]*cmdlet{}
	for _, c := range cmds {
		byName[c.name] = c
	}
	for _, page := range pages {
		c := byName[strings.TrimSuffix(filepath.Base(page), ".md")]
		if c == nil {
			fmt.Fprintln(os.Stderr, "gen: the facts file has no cmdlet", filepath.Base(page))
			os.Exit(1)
		}
		values, order, err := pageValues(page)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		for _, p := range c.params {
			p.values = values[p.name]
		}
		// an implemented cmdlet lists its parameters in the page's order
		// (its help and syntax have always shown them so)
		rank := map[string]int{}
		for i, n := range order {
			rank[n] = i + 1
		}
		sort.SliceStable(c.params, func(i, j int) bool {
			ri, rj := rank[c.params[i].name], rank[c.params[j].name]
			if ri == 0 || rj == 0 {
				return ri != 0 && rj == 0
			}
			return ri < rj
		})
	}
	src := write(cmds, notCloud)
	formatted, err := format.Source(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen: format:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, formatted, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
