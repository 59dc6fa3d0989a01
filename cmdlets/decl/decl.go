// Package decl holds the parameter declarations of every Exchange Online
// and Security & Compliance cmdlet, generated from the cmdlet facts file
// (parameter names, types, sets, positions, aliases and pipeline binding,
// and which cmdlets and parameters exist only on-premises — facts only).
// Cmdlet packages take a declaration from here and attach their handler,
// so every cmdlet's parameters are declared once; the cmdlets the
// simulator does not model are declared from here too.
//
// The facts are kept in a compact text encoding (zz_decl.go) and decoded
// one cmdlet at a time, when a declaration is asked for.
package decl

//go:generate go run gen.go -facts ../../../shared/reference/exchange-cmdlets.json -ref ../../../shared/reference/cmdlets

import (
	"sort"
	"strings"
	"sync"

	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/params"
)

// Module is the module the Exchange Online and Security & Compliance
// cmdlets come from, and ModuleVersion its version: the one current when
// a new tenant's clock starts (March 2024). Get-Module, Find-Module and
// Get-InstalledModule list it, and Get-Command gives it as the version
// of each of its commands.
const (
	Module        = "ExchangeOnlineManagement"
	ModuleVersion = "3.4.0"
)

// Info is what the facts file says about a cmdlet besides its parameters.
type Info struct {
	// Name is the cmdlet's name as the reference spells it.
	Name string
	// ExchangeOnline and Compliance say which cloud services have the
	// cmdlet: Exchange Online PowerShell, Security & Compliance
	// PowerShell, or both. Neither is set for the one on-premises cmdlet
	// kept for the simulated on-premises server (Get-MailboxDatabase).
	ExchangeOnline, Compliance bool
}

// Lookup returns a fresh copy of a cmdlet's declaration (name, sets,
// parameters, ShouldProcess support), or nil when the cmdlet is not
// declared. The name is matched without regard to case. A cmdlet the facts
// file lacks but the simulator models is declared by the supplement.
func Lookup(name string) *command.Command {
	i, ok := exchange.index(name)
	if !ok {
		return lookupSupplement(name)
	}
	c, _ := exchange.decode(i)
	correct(c)
	return c
}

// Find returns what the facts file says about a declared cmdlet.
func Find(name string) (Info, bool) {
	i, ok := exchange.index(name)
	if !ok {
		return Info{}, false
	}
	head, _, _ := strings.Cut(exchange.record(i), "\n")
	name, rest, _ := strings.Cut(head[2:], "|")
	flags, _, _ := strings.Cut(rest, "|")
	return Info{Name: name, ExchangeOnline: strings.Contains(flags, "e"), Compliance: strings.Contains(flags, "s")}, true
}

// OnPremisesParams returns the parameters of a declared cmdlet that exist
// only in on-premises Exchange.
func OnPremisesParams(name string) []string {
	i, ok := exchange.index(name)
	if !ok {
		return nil
	}
	_, params := exchange.decode(i)
	return params
}

// Names returns the declared cmdlets in name order.
func Names() []string {
	return append([]string(nil), names...)
}

// OnPremisesOnly reports whether a cmdlet exists only in on-premises
// Exchange (Exchange Server has it; Exchange Online and Security &
// Compliance do not), with its name as the reference spells it.
func OnPremisesOnly(name string) (string, bool) {
	for _, n := range notCloud {
		if strings.EqualFold(n, name) {
			return n, true
		}
	}
	return "", false
}

// table is one generated set of declarations: the cmdlet names in order,
// each one's record in records (delimited by offsets), and the types and
// value lists the records point into.
type table struct {
	names      []string
	offsets    []uint32
	records    string
	types      []string
	valueLists [][]string
	// short names a type the table does not know by its last dotted part.
	short bool

	lowerOnce  sync.Once
	lowerIndex map[string]int
}

// exchange holds the Exchange Online and Security & Compliance cmdlets.
var exchange = &table{names: names, offsets: offsets, records: records, types: types, valueLists: valueLists}

// index finds a cmdlet's position in names, without regard to case.
func (t *table) index(name string) (int, bool) {
	i := sort.SearchStrings(t.names, name)
	if i < len(t.names) && t.names[i] == name {
		return i, true
	}
	t.lowerOnce.Do(func() {
		t.lowerIndex = make(map[string]int, len(t.names))
		for i, n := range t.names {
			t.lowerIndex[strings.ToLower(n)] = i
		}
	})
	i, ok := t.lowerIndex[strings.ToLower(name)]
	return i, ok
}

func (t *table) record(i int) string { return t.records[t.offsets[i]:t.offsets[i+1]] }

// decode builds the declaration of names[i] from its record.
func (t *table) decode(i int) (*command.Command, []string) {
	rec := t.record(i)
	// every line ends in a line break, and all but the cmdlet's first
	// line declare a parameter, but for the on-premises parameters' line
	// when there is one: counting one byte bounds the parameters, one over
	// at most, more cheaply than finding each "\nP "
	n := max(strings.Count(rec, "\n")-1, 0)
	c := &command.Command{Params: make([]*params.Param, 0, n)}
	// the parameters and their set entries are made in one block each
	// (a parameter's set entries are ';'-separated), not one by one
	d := paramBlock{params: make([]params.Param, 0, n), sets: make([]params.SetInfo, 0, n+strings.Count(rec, ";"))}
	var sets, notCloudParams []string
	for len(rec) > 0 {
		line := rec
		if j := strings.IndexByte(rec, '\n'); j >= 0 {
			line, rec = rec[:j], rec[j+1:]
		} else {
			rec = ""
		}
		if len(line) < 2 {
			continue
		}
		body := line[2:]
		switch line[0] {
		case 'C':
			f := strings.SplitN(body, "|", 4)
			c.Name = f[0]
			c.SupportsShouldProcess = strings.Contains(f[1], "w")
			c.DefaultSet = f[2]
			if f[3] != "" {
				sets = strings.Split(f[3], ",")
				c.Sets = sets
			}
		case 'P':
			c.Params = append(c.Params, t.decodeParam(body, sets, &d))
		case 'N':
			notCloudParams = strings.Split(body, ",")
		}
	}
	if positionalIdentity(c.Name) {
		identityFirst(c)
	}
	return c, notCloudParams
}

// positionalIdentity reports whether a cmdlet (any case) is one of the
// REST-based cmdlets whose reference pages call -Identity named although
// the module binds the first positional argument to it: published scripts
// that administrators run against real tenants pass the mailbox
// positionally (Get-EXOMailboxStatistics $upn).
func positionalIdentity(name string) bool {
	return strings.EqualFold(name, "Get-EXOMailboxStatistics") || strings.EqualFold(name, "Get-EXOMailboxFolderStatistics") ||
		strings.EqualFold(name, "Get-EXOMailboxPermission") || strings.EqualFold(name, "Get-EXOMobileDeviceStatistics")
}

// identityFirst makes -Identity the first positional parameter of every
// set that has no parameter in that slot.
func identityFirst(c *command.Command) {
	taken := map[string]bool{}
	for _, p := range c.Params {
		for _, si := range p.Sets {
			if si.Position == 0 {
				taken[si.Set] = true
			}
		}
	}
	for _, p := range c.Params {
		if p.Name != "Identity" {
			continue
		}
		for i := range p.Sets {
			if p.Sets[i].Position < 0 && !taken[p.Sets[i].Set] {
				p.Sets[i].Position = 0
			}
		}
	}
}

// paramBlock holds the parameters of one declaration and their set
// entries.
type paramBlock struct {
	params []params.Param
	sets   []params.SetInfo
}

// decodeParam decodes "name|type|aliases|values|set infos" into the next
// parameter of d. The fields are read in one pass over the line: the
// numbers are a few decimal digits each, read where they stand.
func (t *table) decodeParam(body string, sets []string, d *paramBlock) *params.Param {
	name, rest := field(body)
	ti, rest := number(rest)
	rest = rest[min(1, len(rest)):]
	aliases, rest := field(rest)
	var values []string
	if len(rest) > 0 && rest[0] != '|' {
		var vi int
		vi, rest = number(rest)
		values = t.valueLists[vi]
	}
	infos := rest[min(1, len(rest)):]
	var p *params.Param
	if len(d.params) < cap(d.params) {
		d.params = append(d.params, params.Param{Name: name})
		p = &d.params[len(d.params)-1]
	} else {
		p = &params.Param{Name: name}
	}
	p.Type = typeOf(t.types[ti], values)
	if t.short && strings.Contains(p.Type.Name, ".") {
		typ := *p.Type
		typ.Name = shortTypeName(typ.Name)
		// PowerShell's own object types (jobs, sessions, modules,
		// breakpoints, processes) bind as the objects they are, not as
		// their text.
		if typ.Kind == params.KindString && len(values) == 0 && (strings.Contains(typ.FullName, "Management.Automation.") || strings.HasPrefix(typ.FullName, "Diagnostics.")) {
			typ.Kind = params.KindObject
		}
		p.Type = &typ
	}
	if aliases != "" {
		p.Aliases = strings.Split(aliases, ",")
	}
	// a block too small for this parameter's entries grows as append
	// grows it: the entries of earlier parameters keep their own copies
	start := len(d.sets)
	for j := 0; j < len(infos); {
		si := params.SetInfo{Set: params.AllSets, Position: -1}
		if infos[j] == '*' {
			j++
		} else {
			var n int
			n, j = digitsAt(infos, j)
			si.Set = sets[n]
		}
	flags:
		for j < len(infos) {
			switch infos[j] {
			case ';':
				j++
				break flags
			case 'm':
				si.Mandatory = true
			case 'v':
				si.FromPipeline = true
			case 'n':
				si.FromPipelineByName = true
			case 'p':
				si.Position, j = digitsAt(infos, j+1)
				continue
			}
			j++
		}
		d.sets = append(d.sets, si)
	}
	// capped: a set entry appended to p.Sets later goes to a copy
	p.Sets = d.sets[start:len(d.sets):len(d.sets)]
	return p
}

// field returns s up to its first '|' and what follows that '|' (all of s
// and nothing when it has none).
func field(s string) (string, string) {
	if i := strings.IndexByte(s, '|'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// number reads the decimal digits s starts with and returns their value
// and the rest of s.
func number(s string) (int, string) {
	n, j := digitsAt(s, 0)
	return n, s[j:]
}

// digitsAt reads the decimal digits of s from j on and returns their
// value and the offset after them.
func digitsAt(s string, j int) (int, int) {
	n := 0
	for ; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
		n = n*10 + int(s[j]-'0')
	}
	return n, j
}

// typeOf turns a type as the reference spells it into the binder's type.
func typeOf(spelling string, values []string) *params.Type {
	// most parameters are switches or text, spelled plainly
	switch spelling {
	case "SwitchParameter":
		return params.TSwitch
	case "String":
		return params.TString
	}
	t := strings.TrimPrefix(strings.TrimPrefix(spelling, "System."), "Microsoft.Exchange.Data.")
	// a nullable value type binds as the type itself
	if inner, ok := strings.CutPrefix(t, "Nullable`1["); ok {
		t = strings.TrimPrefix(strings.Trim(inner, "[]"), "System.")
	}
	arr := strings.HasSuffix(t, "[]")
	base := strings.TrimSuffix(t, "[]")
	switch base {
	case "SwitchParameter", "Management.Automation.SwitchParameter":
		return params.TSwitch
	case "String":
		if arr {
			return params.TStrings
		}
		return params.TString
	case "Boolean":
		return params.TBool
	case "Int32", "Int16", "UInt32", "Byte":
		if arr {
			return &params.Type{Kind: params.KindInt, Name: t, FullName: "System." + t, Array: true}
		}
		return params.TInt
	case "Int64", "UInt64":
		return params.TLong
	case "Double":
		return params.TDouble
	case "DateTime", "ExDateTime":
		return params.TDateTime
	case "Uri":
		return &params.Type{Kind: params.KindString, Name: t, FullName: "System." + t, Array: arr}
	case "Guid":
		if arr {
			return &params.Type{Kind: params.KindGuid, Name: "Guid[]", FullName: "System.Guid[]", Array: true}
		}
		return params.TGuid
	case "SecureString", "Security.SecureString":
		return params.TSecureString
	case "PSCredential", "Management.Automation.PSCredential":
		return params.TCredential
	case "MultiValuedProperty", "ProxyAddressCollection", "ProxyAddressTemplateCollection":
		return TMultiValued
	case "Unlimited":
		return TUnlimited
	case "ByteQuantifiedSize":
		return TByteSize
	case "EnhancedTimeSpan":
		return TEnhancedTimeSpan
	case "TimeSpan":
		return params.TTimeSpan
	case "PswsHashtable", "Hashtable", "Collections.Hashtable":
		if arr {
			return &params.Type{Kind: params.KindObject, Name: "Hashtable[]", FullName: "System.Collections.Hashtable[]", Array: true}
		}
		return params.THashtable
	case "Management.Automation.ScriptBlock":
		if arr {
			return &params.Type{Kind: params.KindObject, Name: "ScriptBlock[]", FullName: "System.Management.Automation.ScriptBlock[]", Array: true}
		}
		return params.TScriptBlock
	case "Collections.IDictionary":
		if arr {
			return &params.Type{Kind: params.KindObject, Name: "IDictionary[]", FullName: "System.Collections.IDictionary[]", Array: true}
		}
		return params.THashtable
	case "Object", "PSObject", "Management.Automation.PSObject":
		if arr {
			return params.TObjects
		}
		return params.TObject
	}
	if strings.HasSuffix(base, "IdParameter") || base == "SourceMailbox" {
		if arr {
			// An identity list is a MultiValuedProperty in Exchange: it
			// takes one value, a list, or an @{Add=...;Remove=...}
			// hashtable, so it binds as MultiValued (values passed
			// through for the handler to resolve) under its own name.
			return MultiValuedType(t)
		}
		return IdentityType(base)
	}
	if base == "WellKnownRecipientType" {
		// A flags enum: PowerShell converts a list to it by joining the
		// names with commas, so MailboxUsers,MailContacts and
		// 'MailboxUsers,MailContacts' both bind; the handler reads the
		// names from either form.
		return &params.Type{Kind: params.KindString, Name: t, FullName: base, Array: true}
	}
	if base == "RecipientTypeDetails" && len(values) > 0 {
		// Exchange's RecipientTypeDetails is an enum of flags, so one
		// argument may name several types ('UserMailbox,SharedMailbox')
		return &params.Type{Kind: params.KindEnum, Name: t, FullName: "Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails", Array: arr, Values: values, Flags: true}
	}
	if len(values) > 0 {
		return &params.Type{Kind: params.KindEnum, Name: t, FullName: base, Array: arr, Values: values}
	}
	return &params.Type{Kind: params.KindString, Name: t, FullName: base, Array: arr}
}
