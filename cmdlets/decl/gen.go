//go:build ignore

// gen reads the cmdlet reference pages (one Markdown file per cmdlet, as
// published for Exchange Online) and writes zz_params.go: for every cmdlet,
// its parameter sets and each parameter's type, set membership, mandatory
// flag, position, aliases and pipeline binding. Only these facts are taken;
// no prose is copied.
//
// Usage (from this directory): go run gen.go -ref <dir with the pages>
package main

import (
	"bufio"
	"bytes"
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

type yamlBlock struct {
	typ      string
	sets     []string
	aliases  []string
	required bool
	position int
	pipeline string
	values   []string
}

type param struct {
	name   string
	blocks []yamlBlock
	values []string
}

type cmdlet struct {
	name       string
	sets       []string                   // retained set names, in order
	mandatory  map[string]map[string]bool // set -> param -> mandatory
	inSet      map[string]map[string]bool // set -> param -> appears in syntax
	syntaxType map[string]string          // param -> value type written in the syntax
	params     []*param
	should     bool
	defaultSet string
}

var (
	reSetHeading = regexp.MustCompile(`^### (\S+)`)
	// reSyntaxTok matches one parameter of a syntax block: the opening
	// brackets, the name, the bracket closing a positional name, the value
	// type and a bracket right after it. "-Name <T>" is mandatory,
	// "[-Name] <T>" is mandatory and positional, "[[-Name] <T>]" and
	// "[-Name <T>]" are optional; "[-Name] <T>]" (one opening bracket
	// missing) is optional too.
	reSyntaxTok = regexp.MustCompile(`(\[*)-([A-Za-z0-9]+)(\]?)(?:\s*<([^>]*)>(\]?))?`)
	reBullet    = regexp.MustCompile(`^- ([A-Za-z0-9][A-Za-z0-9 ._/-]*?)(:|$| \(|\.)`)
)

func parseFile(path string) (*cmdlet, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(path), ".md")
	c := &cmdlet{name: name, mandatory: map[string]map[string]bool{}, inSet: map[string]map[string]bool{}, syntaxType: map[string]string{}}
	lines := strings.Split(string(data), "\n")
	section := ""
	curSet := ""
	inCode := false
	var cur *param
	var yaml *yamlBlock
	var valuesMode bool
	syntaxSets := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "## ") {
			section = strings.TrimSpace(l[3:])
			curSet = ""
			continue
		}
		switch section {
		case "SYNTAX":
			if m := reSetHeading.FindStringSubmatch(l); m != nil {
				curSet = m[1]
				continue
			}
			if strings.HasPrefix(l, "```") {
				inCode = !inCode
				if inCode {
					syntaxSets++
					if curSet == "" {
						curSet = "(All)"
					}
					c.sets = append(c.sets, curSet)
					c.mandatory[curSet] = map[string]bool{}
					c.inSet[curSet] = map[string]bool{}
				} else {
					curSet = ""
				}
				continue
			}
			if inCode && curSet != "" {
				for _, m := range reSyntaxTok.FindAllStringSubmatch(l, -1) {
					p := m[2]
					c.inSet[curSet][p] = true
					if m[4] != "" && c.syntaxType[p] == "" {
						c.syntaxType[p] = m[4]
					}
					if m[1] == "" || (m[1] == "[" && m[3] == "]" && m[4] != "" && m[5] == "") {
						c.mandatory[curSet][p] = true
					}
				}
			}
		case "PARAMETERS":
			if strings.HasPrefix(l, "### -") {
				cur = &param{name: strings.TrimSpace(l[5:])}
				c.params = append(c.params, cur)
				valuesMode = false
				continue
			}
			if cur == nil {
				continue
			}
			if strings.HasPrefix(l, "```yaml") {
				yaml = &yamlBlock{position: -1}
				continue
			}
			if yaml != nil {
				if strings.HasPrefix(l, "```") {
					cur.blocks = append(cur.blocks, *yaml)
					yaml = nil
					continue
				}
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				v = strings.TrimSpace(v)
				switch strings.TrimSpace(k) {
				case "Type":
					yaml.typ = v
				case "Parameter Sets":
					for _, s := range strings.Split(v, ",") {
						yaml.sets = append(yaml.sets, strings.TrimSpace(s))
					}
				case "Aliases":
					for _, s := range strings.Split(v, ",") {
						if s = strings.TrimSpace(s); s != "" {
							yaml.aliases = append(yaml.aliases, s)
						}
					}
				case "Required":
					yaml.required = strings.HasPrefix(v, "True")
				case "Position":
					if n, err := strconv.Atoi(v); err == nil {
						yaml.position = n
					}
				case "Accept pipeline input":
					yaml.pipeline = v
				case "Accepted values":
					for _, s := range strings.Split(v, ",") {
						if s = strings.TrimSpace(s); s != "" {
							yaml.values = append(yaml.values, s)
						}
					}
				}
				continue
			}
			low := strings.ToLower(l)
			if strings.Contains(low, "valid values are") || strings.Contains(low, "valid values for this parameter are") || strings.Contains(low, "values are:") {
				valuesMode = true
				continue
			}
			if valuesMode {
				t := strings.TrimSpace(l)
				if t == "" {
					if len(cur.values) > 0 {
						valuesMode = false
					}
					continue
				}
				if m := reBullet.FindStringSubmatch(t); m != nil {
					v := strings.TrimSpace(m[1])
					if !strings.Contains(v, " ") {
						cur.values = append(cur.values, v)
					}
					continue
				}
				valuesMode = false
			}
		}
	}
	for _, p := range c.params {
		if p.name == "Confirm" || p.name == "WhatIf" {
			c.should = true
		}
	}
	fixSwappedTypeAndSet(c)
	addDocumentedSets(c)
	mandatorySetSwitches(c)
	zeroBasePositions(c)
	return c, nil
}

// documentedSets lists parameters whose syntax blocks leave out a set that
// the page's own description requires them in. Set-Mailbox: -InactiveMailbox
// "is required to use the LitigationHoldEnabled and LitigationHoldDuration
// parameters on inactive mailboxes", which belong to the default Identity
// set, yet the Identity syntax block doesn't list the switch (without it,
// `Set-Mailbox -InactiveMailbox -Identity <id> -LitigationHoldEnabled
// $false` matches several sets and can't be bound).
//
// New-MailboxRestoreRequest: the page puts -RemoteRestoreType,
// -RemoteHostName, -RemoteCredential and -RemoteDatabaseGuid only in the
// SourceMailbox set, while Microsoft's procedure for restoring a
// disconnected on-premises mailbox combines them with -SourceStoreMailbox
// (the RemoteMailboxRestoreMailboxLocationId set; see procedureOptional).
var documentedSets = map[string]map[string][]string{
	"Set-Mailbox": {"InactiveMailbox": {"Identity"}},
	"New-MailboxRestoreRequest": {
		"RemoteRestoreType":  {"RemoteMailboxRestoreMailboxLocationId"},
		"RemoteHostName":     {"RemoteMailboxRestoreMailboxLocationId"},
		"RemoteCredential":   {"RemoteMailboxRestoreMailboxLocationId"},
		"RemoteDatabaseGuid": {"RemoteMailboxRestoreMailboxLocationId"},
	},
}

// procedureOptional lists parameters a page marks mandatory in a set that
// Microsoft's own procedures leave out. New-MailboxRestoreRequest: every
// procedure restoring a soft-deleted or inactive mailbox runs
// `-SourceMailbox <guid> -TargetMailbox <guid>` alone, so the Remote*
// parameters (documented as reserved for internal use) can't be mandatory
// in the SourceMailbox set.
var procedureOptional = map[string]map[string][]string{
	"New-MailboxRestoreRequest": {
		"RemoteRestoreType":  {"SourceMailbox"},
		"RemoteHostName":     {"SourceMailbox"},
		"RemoteCredential":   {"SourceMailbox"},
		"RemoteDatabaseGuid": {"SourceMailbox"},
	},
}

// addDocumentedSets applies documentedSets and procedureOptional.
func addDocumentedSets(c *cmdlet) {
	for param, sets := range documentedSets[c.name] {
		for _, s := range sets {
			if m, ok := c.inSet[s]; ok {
				m[param] = true
			}
		}
	}
	for param, sets := range procedureOptional[c.name] {
		for _, s := range sets {
			if m, ok := c.mandatory[s]; ok {
				m[param] = false
			}
		}
	}
}

// mandatorySetSwitches marks the switches that select a parameter set as
// mandatory there: the syntax blocks show them in brackets like optional
// switches, while their metadata block, which names the set, says they
// are required.
func mandatorySetSwitches(c *cmdlet) {
	for _, p := range c.params {
		for _, b := range p.blocks {
			if !b.required || strings.TrimPrefix(b.typ, "System.Management.Automation.") != "SwitchParameter" {
				continue
			}
			for _, s := range b.sets {
				if s != "(All)" && c.inSet[s][p.name] {
					c.mandatory[s][p.name] = true
				}
			}
		}
	}
}

// fixSwappedTypeAndSet repairs a documentation slip where a parameter's
// metadata block has its type and parameter-set fields exchanged (the
// "Parameter Sets" field names no set of the page but is the value type
// the syntax shows): the syntax's type wins and the block covers all sets.
func fixSwappedTypeAndSet(c *cmdlet) {
	known := map[string]bool{"(All)": true}
	for _, s := range c.sets {
		known[s] = true
	}
	for _, p := range c.params {
		st := strings.TrimPrefix(c.syntaxType[p.name], "System.")
		if st == "" {
			continue
		}
		for i := range p.blocks {
			b := &p.blocks[i]
			if len(b.sets) != 1 || known[b.sets[0]] || strings.TrimPrefix(b.sets[0], "System.") != st {
				continue
			}
			b.typ, b.sets = c.syntaxType[p.name], []string{"(All)"}
		}
	}
}

// zeroBasePositions turns the page's positions into the runtime's 0-based
// slots. Most pages number positional slots from 1 (the Exchange help
// convention); a page that uses slot 0 numbers them from 0 already.
func zeroBasePositions(c *cmdlet) {
	for _, p := range c.params {
		for _, b := range p.blocks {
			if b.position == 0 {
				return
			}
		}
	}
	for _, p := range c.params {
		for i := range p.blocks {
			if p.blocks[i].position > 0 {
				p.blocks[i].position--
			}
		}
	}
}

func goType(typ string, values []string) string {
	t := strings.TrimPrefix(strings.TrimPrefix(typ, "System."), "Microsoft.Exchange.Data.")
	arr := strings.HasSuffix(t, "[]")
	base := strings.TrimSuffix(t, "[]")
	switch base {
	case "SwitchParameter":
		return "runtime.TSwitch"
	case "String":
		if arr {
			return "runtime.TStrings"
		}
		return "runtime.TString"
	case "Boolean":
		return "runtime.TBool"
	case "Int32", "Int16", "UInt32", "Byte":
		if arr {
			return fmt.Sprintf("&runtime.Type{Kind: runtime.KindInt, Name: %q, FullName: %q, Array: true}", t, "System."+t)
		}
		return "runtime.TInt"
	case "Int64", "UInt64":
		return "runtime.TLong"
	case "Double":
		return "runtime.TDouble"
	case "DateTime", "ExDateTime":
		return "runtime.TDateTime"
	case "Uri":
		if arr {
			return `&runtime.Type{Kind: runtime.KindString, Name: "Uri[]", FullName: "System.Uri[]", Array: true}`
		}
		return `&runtime.Type{Kind: runtime.KindString, Name: "Uri", FullName: "System.Uri"}`
	case "Guid":
		if arr {
			return `&runtime.Type{Kind: runtime.KindGuid, Name: "Guid[]", FullName: "System.Guid[]", Array: true}`
		}
		return "runtime.TGuid"
	case "SecureString":
		return "runtime.TSecureString"
	case "PSCredential":
		return "runtime.TCredential"
	case "MultiValuedProperty", "ProxyAddressCollection":
		return "runtime.TMultiValued"
	case "Unlimited":
		return `&runtime.Type{Kind: runtime.KindUnlimited, Name: "Unlimited", FullName: "Microsoft.Exchange.Data.Unlimited"}`
	case "ByteQuantifiedSize":
		return `&runtime.Type{Kind: runtime.KindByteSize, Name: "ByteQuantifiedSize", FullName: "Microsoft.Exchange.Data.ByteQuantifiedSize"}`
	case "EnhancedTimeSpan":
		return "runtime.TEnhancedTimeSpan"
	case "TimeSpan":
		return "runtime.TTimeSpan"
	case "PswsHashtable", "Hashtable":
		if arr {
			return `&runtime.Type{Kind: runtime.KindObject, Name: "Hashtable[]", FullName: "System.Collections.Hashtable[]", Array: true}`
		}
		return "runtime.THashtable"
	case "Object", "PSObject":
		if arr {
			return "runtime.TObjects"
		}
		return "runtime.TObject"
	}
	if strings.HasSuffix(base, "IdParameter") || base == "SourceMailbox" {
		if arr {
			// An identity list is a MultiValuedProperty in Exchange: it
			// takes one value, a list, or an @{Add=...;Remove=...}
			// hashtable, so it binds as KindMultiValued (values passed
			// through for the handler to resolve) under its documented name.
			return fmt.Sprintf("&runtime.Type{Kind: runtime.KindMultiValued, Name: %q, FullName: %q}", t, t)
		}
		return fmt.Sprintf("runtime.IdentityType(%q)", base)
	}
	if len(values) > 0 {
		name := t
		return fmt.Sprintf("&runtime.Type{Kind: runtime.KindEnum, Name: %q, FullName: %q, Array: %v, Values: %#v}", name, base, arr, values)
	}
	return fmt.Sprintf("&runtime.Type{Kind: runtime.KindString, Name: %q, FullName: %q, Array: %v}", t, base, arr)
}

func write(cmds []*cmdlet) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by gen.go from the cmdlet reference pages; DO NOT EDIT.\n\npackage decl\n\nimport \"github.com/exosim/exosim/shell/runtime\"\n\n")
	b.WriteString("// names lists the declared cmdlets.\nvar names = []string{\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "\t%q,\n", c.name)
	}
	b.WriteString("}\n\n")
	b.WriteString("func build(name string) *runtime.Command {\n\tswitch name {\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "\tcase %q:\n\t\treturn %s()\n", c.name, funcName(c.name))
	}
	b.WriteString("\t}\n\treturn nil\n}\n\n")
	for _, c := range cmds {
		writeCmdlet(&b, c)
	}
	return b.Bytes()
}

func funcName(n string) string {
	return "decl" + strings.ReplaceAll(n, "-", "")
}

func writeCmdlet(b *bytes.Buffer, c *cmdlet) {
	sets := c.sets
	named := len(sets) > 1 || (len(sets) == 1 && sets[0] != "(All)")
	fmt.Fprintf(b, "func %s() *runtime.Command {\n\tc := &runtime.Command{Name: %q, SupportsShouldProcess: %v}\n", funcName(c.name), c.name, c.should)
	if named {
		fmt.Fprintf(b, "\tc.Sets = %#v\n", sets)
		def := sets[0]
		for _, s := range sets {
			if s == "Identity" || s == "Default" || s == "DefaultParameterSet" || strings.EqualFold(s, "IdentityCloud") {
				def = s
				break
			}
		}
		fmt.Fprintf(b, "\tc.DefaultSet = %q\n", def)
	}
	b.WriteString("\tc.Params = []*runtime.Param{\n")
	for _, p := range c.params {
		if p.name == "Confirm" || p.name == "WhatIf" || len(p.blocks) == 0 {
			continue
		}
		// which sets the parameter belongs to: the syntax blocks decide
		var infos []string
		first := p.blocks[0]
		for _, s := range sets {
			if !c.inSet[s][p.name] {
				continue
			}
			blk := first
			for _, y := range p.blocks {
				for _, ys := range y.sets {
					if ys == s {
						blk = y
					}
				}
			}
			setName := s
			if !named {
				setName = "__AllParameterSets"
			}
			pipe := ""
			if strings.HasPrefix(blk.pipeline, "True") {
				pipe = ", FromPipelineByName: true"
				if strings.Contains(blk.pipeline, "ByValue") || (p.name == "Identity" && !strings.Contains(blk.pipeline, "ByPropertyName")) {
					pipe = ", FromPipeline: true, FromPipelineByName: true"
				}
			}
			infos = append(infos, fmt.Sprintf("{Set: %q, Mandatory: %v, Position: %d%s}", setName, c.mandatory[s][p.name], blk.position, pipe))
		}
		if len(infos) == 0 {
			continue
		}
		values := p.values
		if len(first.values) > 0 {
			values = first.values
		}
		fmt.Fprintf(b, "\t\t{Name: %q, Type: %s, Sets: []runtime.SetInfo{%s}", p.name, goType(first.typ, values), strings.Join(infos, ", "))
		var aliases []string
		for _, a := range first.aliases {
			if !commonAliases[strings.ToLower(a)] {
				aliases = append(aliases, a)
			}
		}
		if len(aliases) > 0 {
			fmt.Fprintf(b, ", Aliases: %#v", aliases)
		}
		b.WriteString("},\n")
	}
	b.WriteString("\t}\n\treturn c\n}\n\n")
}

// commonAliases are PowerShell's common-parameter aliases; a page that
// lists one of them for its own parameter is a documentation slip.
var commonAliases = map[string]bool{"vb": true, "db": true, "ea": true, "wa": true, "infa": true, "proga": true, "ev": true, "wv": true, "iv": true, "ov": true, "ob": true, "pv": true, "wi": true, "cf": true}

func main() {
	ref := flag.String("ref", "", "directory of reference pages")
	out := flag.String("o", "zz_params.go", "output file")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*ref, "*-*.md"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "gen: no reference pages found in", *ref)
		os.Exit(1)
	}
	sort.Strings(files)
	var cmds []*cmdlet
	for _, f := range files {
		c, err := parseFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		cmds = append(cmds, c)
	}
	src, err := format.Source(write(cmds))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen: format:", err)
		os.WriteFile(*out+".bad", write(cmds), 0o644)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	_ = bufio.NewReader
}
