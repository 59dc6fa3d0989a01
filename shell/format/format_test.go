package format

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/exosim/exosim/shell/object"
)

// fakeSB is a script block whose evaluation is a Go function.
type fakeSB struct {
	text string
	fn   func(dollarUnder any) any
}

func (f *fakeSB) Text() string { return f.text }

func invokeStub(sb object.ScriptBlock, du any) (any, error) {
	if f, ok := sb.(*fakeSB); ok {
		return f.fn(du), nil
	}
	return nil, nil
}

// obj builds a [pscustomobject] from name/value pairs.
func obj(kv ...any) *object.PSObject {
	o := object.NewCustomObject()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Add(kv[i].(string), kv[i+1])
	}
	return o
}

func typed(typeName string, kv ...any) *object.PSObject {
	o := obj(kv...)
	o.TypeNames = []string{typeName, "System.Object"}
	return o
}

func ordered(kv ...any) *object.Hashtable {
	h := object.NewHashtable()
	h.Ordered = true
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func shaped(spec *Spec, values ...any) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = &Shaped{Spec: spec, Value: v}
	}
	return out
}

func names(ns ...string) []PropSpec {
	out := make([]PropSpec, len(ns))
	for i, n := range ns {
		out[i] = PropSpec{Name: n}
	}
	return out
}

// render formats values like `... | Out-String` / the console.
func render(r *Registry, o Options, values ...any) string {
	if r == nil {
		r = NewRegistry()
	}
	if o.Width == 0 {
		o.Width = 120
	}
	if o.Invoke == nil {
		o.Invoke = invokeStub
	}
	return OutString(FormatLines(r, o, values...))
}

type golden struct {
	name   string
	reg    *Registry
	opts   Options
	values []any
	want   string
}

func cat(parts ...[]any) []any {
	var out []any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func goldenCases() []golden {
	note := "This is a very long note that will not fit in the console"
	mbSize := &fakeSB{text: "[math]::Round($_.Bytes/1MB,1)", fn: func(du any) any {
		b := object.PropertyValue(du, "Bytes").(int)
		return math.Round(float64(b)/1048576*10) / 10
	}}
	calc := func() []PropSpec {
		return []PropSpec{{Name: "Name"}, {Script: mbSize, Calculated: true, Label: "SizeMB"}}
	}
	q := obj("Name", "Alice", "IssueWarningQuota", "49 GB", "ProhibitSendQuota", "49.5 GB", "ProhibitSendReceiveQuota", "50 GB")
	team := obj("Name", "Team", "Members", []any{"ann", "bob", "cy", "dee", "eve"})
	date := time.Date(2022, 6, 16, 1, 19, 4, 0, time.UTC)
	users := []any{obj("Name", "Alice", "Dept", "Sales"), obj("Name", "Bob", "Dept", "Sales"), obj("Name", "Carol", "Dept", "IT")}
	groupBy := &Spec{Kind: TableView, Properties: names("Name"), GroupBy: &PropSpec{Name: "Dept"}}
	mbx := func(n, a string) *object.PSObject {
		o := obj("Name", n, "Alias", a)
		o.TypeNames = []string{"Selected.System.Management.Automation.PSCustomObject", object.CustomObjectType, "System.Object"}
		return o
	}
	r31 := []any{obj("Name", "Alice", "Type", "UserMailbox"), obj("Name", "Bob", "Type", "UserMailbox"), obj("Name", "Help Desk", "Type", "SharedMailbox")}
	gi := func(n int, name string, g ...any) *object.PSObject {
		return typed("Microsoft.PowerShell.Commands.GroupInfo", "Count", n, "Name", name, "Group", g)
	}
	md := func(name, mt, def string) *object.PSObject {
		return typed("Microsoft.PowerShell.Commands.MemberDefinition", "TypeName", object.CustomObjectType, "Name", name,
			"MemberType", object.Enum{Type: "System.Management.Automation.PSMemberTypes", Name: mt}, "Definition", def)
	}
	narrow := NewRegistry()
	narrow.Add(&View{Name: "narrow", TypeNames: []string{"Test.Narrow"}, Kind: TableView, Columns: []Column{
		{Label: "LongLongHeader", Width: 4, Align: AlignLeft, Property: "a"},
		{Label: "Header2", Width: 7, Align: AlignRight, Property: "b"},
		{Label: "Header3", Width: 5, Align: AlignCenter, Property: "c"},
	}})
	measure := typed("Microsoft.PowerShell.Commands.GenericMeasureInfo", "Count", 3, "Average", nil, "Sum", nil,
		"Maximum", nil, "Minimum", nil, "StandardDeviation", nil, "Property", nil)
	floats := obj("double", 1234.56789, "float", float32(9876.54321), "decimal", mustDec("4567.123456789"))
	out40 := Options{Width: 40, OutString: true, WidthGiven: true}
	cmd := typed("System.Management.Automation.CmdletInfo", "CommandType", object.Enum{Type: "System.Management.Automation.CommandTypes", Name: "Cmdlet", Value: 8},
		"Name", "Get-Date", "Version", "7.0.0.0", "Source", "Microsoft.PowerShell.Utility")
	return []golden{
		{name: "01 two properties table", values: []any{obj("Name", "Alice", "Count", 5)},
			want: "\nName  Count\n----  -----\nAlice     5\n\n"},
		{name: "02 implicit autosize", values: shaped(&Spec{Kind: TableView}, obj("abc", "1234", "bcd", "123"), obj("abc", "1", "bcd", "1234")),
			want: "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n"},
		{name: "03a header alignment left/right", values: shaped(&Spec{Kind: TableView}, obj("a", "abc", "b", 123)),
			want: "\na     b\n-     -\nabc 123\n\n"},
		{name: "03b header alignment right/left", values: shaped(&Spec{Kind: TableView}, obj("a", 123, "b", "abc")),
			want: "\n  a b\n  - -\n123 abc\n\n"},
		{name: "04 five properties list", values: []any{obj("Name", "Alice", "Alias", "alice", "Database", "DB01", "ProhibitSendQuota", "49.5 GB (53,150,220,288 bytes)", "Enabled", true)},
			want: "\nName              : Alice\nAlias             : alice\nDatabase          : DB01\nProhibitSendQuota : 49.5 GB (53,150,220,288 bytes)\nEnabled           : True\n\n"},
		{name: "05 format-list single", opts: Options{OutString: true}, values: shaped(&Spec{Kind: ListView}, obj("testName", "testValue")),
			want: "\ntestName : testValue\n\n"},
		{name: "06 format-list null value", values: shaped(&Spec{Kind: ListView}, obj("Name", "Alice", "Forward", nil), obj("Name", "Bob", "Forward", "carol@contoso.com")),
			want: "\nName    : Alice\nForward : \n\nName    : Bob\nForward : carol@contoso.com\n\n"},
		{name: "07 autosize booleans right", values: shaped(&Spec{Kind: TableView, AutoSize: true, Properties: names("Subject", "IsRevocable")},
			obj("Subject", "Quarterly results", "IsRevocable", true), obj("Subject", "Lunch", "IsRevocable", false)),
			want: "\nSubject           IsRevocable\n-------           -----------\nQuarterly results        True\nLunch                   False\n\n"},
		{name: "08 truncation", opts: out40, values: shaped(&Spec{Kind: TableView}, obj("Name", "Alice", "Notes", note)),
			want: "\nName  Notes\n----  -----\nAlice This is a very long note that wil\u2026\n\n"},
		{name: "09 wrap", opts: out40, values: shaped(&Spec{Kind: TableView, Wrap: true}, obj("Name", "Alice", "Notes", note)),
			want: "\nName  Notes\n----  -----\nAlice This is a very long note that\n      will not fit in the console\n\n"},
		{name: "10a wrap newlines last column", values: shaped(&Spec{Kind: TableView, Wrap: true}, obj("A", 1, "B", 2, "Name", "This\nIs some random\nmultiline content")),
			want: "\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n\n"},
		{name: "10b wrap newlines first column", values: shaped(&Spec{Kind: TableView, Wrap: true}, obj("Name", "This\nIs some random\nmultiline content", "A", 1, "B", 2)),
			want: "\nName                                  A B\n----                                  - -\nThis                                  1 2\nIs some random\nmultiline content\n\n"},
		{name: "10c newline without wrap", values: shaped(&Spec{Kind: TableView}, obj("A", 1, "B", 2, "Name", "This\nIs some random\nmultiline content")),
			want: "\nA B Name\n- - ----\n1 2 This\u2026\n\n"},
		{name: "11 hide table headers", opts: Options{OutString: true}, values: shaped(&Spec{Kind: TableView, HideTableHeaders: true}, obj("a", 1, "b", 2)),
			want: "\n1 2\n\n"},
		{name: "12 hashtable", values: []any{ordered("Mailbox", "alice@contoso.com")},
			want: "\nName                           Value\n----                           -----\nMailbox                        alice@contoso.com\n\n"},
		{name: "13 group by", values: shaped(groupBy, users...),
			want: "\n   Dept: Sales\n\nName\n----\nAlice\nBob\n\n   Dept: IT\n\nName\n----\nCarol\n\n"},
		{name: "14a enumeration limit", values: []any{team},
			want: "\nName Members\n---- -------\nTeam {ann, bob, cy, dee\u2026}\n\n"},
		{name: "14b enumeration unlimited", opts: Options{EnumLimit: -1}, values: []any{team},
			want: "\nName Members\n---- -------\nTeam {ann, bob, cy, dee, eve}\n\n"},
		{name: "15a calculated double table", values: shaped(&Spec{Kind: TableView, Properties: calc()}, obj("Name", "Alice", "Bytes", 54945587), obj("Name", "Bob", "Bytes", 7340032)),
			want: "\nName  SizeMB\n----  ------\nAlice  52.40\nBob     7.00\n\n"},
		{name: "15b calculated double list", values: shaped(&Spec{Kind: ListView, Properties: calc()}, obj("Name", "Alice", "Bytes", 54945587), obj("Name", "Bob", "Bytes", 7340032)),
			want: "\nName   : Alice\nSizeMB : 52.4\n\nName   : Bob\nSizeMB : 7\n\n"},
		{name: "16a wildcard", values: shaped(&Spec{Kind: TableView, Properties: names("Name", "*Send*")}, q),
			want: "\nName  ProhibitSendQuota ProhibitSendReceiveQuota\n----  ----------------- ------------------------\nAlice 49.5 GB           50 GB\n\n"},
		{name: "16b missing table column", values: shaped(&Spec{Kind: TableView, Properties: names("Name", "Foo")}, q),
			want: "\nName  Foo\n----  ---\nAlice \n\n"},
		{name: "16c missing list property", values: shaped(&Spec{Kind: ListView, Properties: names("Name", "Foo")}, q),
			want: "\nName : Alice\n\n"},
		{name: "17a scalar before object", values: []any{"hello", obj("a", 1)},
			want: "hello\n\na\n-\n1\n\n"},
		{name: "17b scalar inside buffered table", values: []any{obj("a", 1), "hello"},
			want: "\na\n-\n1\nhello\n\n"},
		{name: "18 different second object", values: []any{obj("Name", "Alice"), obj("Title", "CEO")},
			want: "\nName\n----\nAlice\n\n\n"},
		{name: "19 select-object table", values: []any{mbx("Alice", "alice"), mbx("Bob", "bob")},
			want: "\nName  Alias\n----  -----\nAlice alice\nBob   bob\n\n"},
		{name: "20 expanded strings", values: []any{"SMTP:alice@contoso.com", "smtp:a@contoso.onmicrosoft.com"},
			want: "SMTP:alice@contoso.com\nsmtp:a@contoso.onmicrosoft.com\n"},
		{name: "20b collection cell", values: []any{obj("EmailAddresses", []any{"SMTP:alice@contoso.com", "smtp:a@contoso.onmicrosoft.com"})},
			want: "\nEmailAddresses\n--------------\n{SMTP:alice@contoso.com, smtp:a@contoso.onmicrosoft.com}\n\n"},
		{name: "21a date in table", values: []any{obj("Name", "Alice", "WhenCreated", date)},
			want: "\nName  WhenCreated\n----  -----------\nAlice 6/16/2022 1:19:04 AM\n\n"},
		{name: "21b get-date", values: []any{date},
			want: "\nThursday, June 16, 2022 1:19:04 AM\n\n"},
		{name: "22a floats table", values: shaped(&Spec{Kind: TableView}, floats),
			want: "\n double   float decimal\n ------   ----- -------\n1234.57 9876.54 4567.12\n\n"},
		{name: "22b floats list", values: shaped(&Spec{Kind: ListView}, floats),
			want: "\ndouble  : 1234.56789\nfloat   : 9876.543\ndecimal : 4567.123456789\n\n"},
		{name: "28 write-output hashtable", values: []any{ordered("a", 1)},
			want: "\nName                           Value\n----                           -----\na                              1\n\n"},
		{name: "30 error between rows", values: []any{obj("Name", "alice", "Alias", "alice"),
			&object.ErrorRecord{Message: "Couldn't find object \"nobody\".", Activity: "Get-Thing", Category: object.ObjectNotFound},
			obj("Name", "bob", "Alias", "bob")},
			want: "\nName  Alias\n----  -----\nalice alice\nGet-Thing: Couldn't find object \"nobody\".\nbob   bob\n\n"},
		{name: "31 group-object", values: []any{gi(2, "UserMailbox", r31[0], r31[1]), gi(1, "SharedMailbox", r31[2])},
			want: "\nCount Name                      Group\n----- ----                      -----\n    2 UserMailbox               {@{Name=Alice; Type=UserMailbox}, @{Name=Bob; Type=UserMailbox}}\n    1 SharedMailbox             {@{Name=Help Desk; Type=SharedMailbox}}\n\n"},
		{name: "32 measure-object", values: []any{measure},
			want: "\nCount             : 3\nAverage           : \nSum               : \nMaximum           : \nMinimum           : \nStandardDeviation : \nProperty          : \n\n"},
		{name: "33 get-member", values: []any{
			md("Equals", "Method", "bool Equals(System.Object obj)"),
			md("GetHashCode", "Method", "int GetHashCode()"),
			md("GetType", "Method", "type GetType()"),
			md("ToString", "Method", "string ToString()"),
			md("Name", "NoteProperty", "string Name=Alice")},
			want: "\n   TypeName: System.Management.Automation.PSCustomObject\n\nName        MemberType   Definition\n----        ----------   ----------\nEquals      Method       bool Equals(System.Object obj)\nGetHashCode Method       int GetHashCode()\nGetType     Method       type GetType()\nToString    Method       string ToString()\nName        NoteProperty string Name=Alice\n\n"},
		{name: "34a narrow fixed columns", reg: narrow, values: []any{typed("Test.Narrow", "a", 1, "b", 2, "c", 3)},
			want: "\nLong Header2 Heade\nLong          r3\nHead\ner\n---- ------- -----\n1          2   3\n\n"},
		{name: "34b narrow truncated", reg: narrow, values: []any{typed("Test.Narrow", "a", 12345, "b", 12345678, "c", 123456)},
			want: "\nLong Header2 Heade\nLong          r3\nHead\ner\n---- ------- -----\n123\u2026 \u2026345678 1234\u2026\n\n"},
		{name: "lang 11 ordered hashtable after scalars", values: []any{"Alice", "Sales", 2, ordered("Name", "Alice", "Dept", "Sales")},
			want: "Alice\nSales\n2\n\nName                           Value\n----                           -----\nName                           Alice\nDept                           Sales\n\n"},
		{name: "lang 33 get-command", values: []any{cmd},
			want: "\nCommandType     Name                                               Version    Source\n-----------     ----                                               -------    ------\nCmdlet          Get-Date                                           7.0.0.0    Microsoft.PowerShell.Utility\n\n"},
	}
}

func mustDec(s string) object.Decimal {
	d, ok := object.ParseDecimal(s)
	if !ok {
		panic(s)
	}
	return d
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			got := render(c.reg, c.opts, c.values...)
			if got != c.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

// A list view given by its item properties shows the lines a view of the
// same items shows: the properties in the view's order, labelled with
// their names.
func TestListViewItemProperties(t *testing.T) {
	t.Parallel()
	v := typed("Test.Wide", "Alias", "ann", "Name", "Ann Beck", "Notes", strings.Repeat("long note ", 20), "Hidden", 1)
	byItems, byNames := NewRegistry(), NewRegistry()
	byItems.Add(&View{Name: "w", TypeNames: []string{"Test.Wide"}, Kind: ListView,
		Items: []ListItem{{Property: "Name"}, {Property: "Alias"}, {Property: "Notes"}, {Property: "Missing"}}})
	byNames.Add(&View{Name: "w", TypeNames: []string{"Test.Wide"}, Kind: ListView, ItemProperties: []string{"Name", "Alias", "Notes", "Missing"}})
	for _, o := range []Options{{Width: 60}, {OutString: true}} {
		want := render(byItems, o, shaped(&Spec{Kind: ListView}, v)...)
		if got := render(byNames, o, shaped(&Spec{Kind: ListView}, v)...); got != want || !strings.Contains(got, "Name    : Ann Beck\nAlias   : ann\n") {
			t.Errorf("got:\n%s\nwant:\n%s", got, want)
		}
	}
}

// Golden 29: host lines written while a table is buffered land between
// the FormatStart empty line and the header.
func TestHostLinesWhileBuffered(t *testing.T) {
	var b strings.Builder
	w := NewWriter(NewRegistry(), Options{Width: 120}, func(_ Stream, l string) { b.WriteString(l + "\n") })
	for i := 1; i <= 2; i++ {
		b.WriteString("Processing " + string(rune('0'+i)) + "\n")
		w.Write(obj("Id", i))
	}
	w.Close()
	want := "Processing 1\n\nProcessing 2\nId\n--\n 1\n 2\n\n"
	if b.String() != want {
		t.Errorf("got %q want %q", b.String(), want)
	}
}

func errLines(rec *object.ErrorRecord, view string) string {
	return strings.Join(RenderError(rec, ErrorOptions{View: view, Width: 120}), "\n") + "\n"
}

func TestErrorViews(t *testing.T) {
	getItem := &object.ErrorRecord{
		Message: `Cannot find path 'C:\nosuch' because it does not exist.`, ExceptionType: "ItemNotFoundException",
		ErrorID: "PathNotFound", CommandSuffix: "Microsoft.PowerShell.Commands.GetItemCommand", Category: object.ObjectNotFound,
		Activity: "Get-Item", InvocationName: "Get-Item", Target: `C:\nosuch`,
		Position: &object.Position{Line: 1, Col: 1, EndCol: 19, LineText: `Get-Item C:\nosuch`},
	}
	throwRec := &object.ErrorRecord{Message: "oops", FromThrow: true, Category: object.OperationStopped, ExceptionType: "RuntimeException", ErrorID: "oops", Target: "oops",
		Position: &object.Position{Line: 1, Col: 1, EndCol: 13, LineText: "throw 'oops'"}}
	writeErr := &object.ErrorRecord{Message: "boom", Activity: "Write-Error", ExceptionType: "WriteErrorException", ErrorID: "Microsoft.PowerShell.Commands.WriteErrorException"}
	script := &object.ErrorRecord{Message: "The operation couldn't be performed because object 'nobody' couldn't be found.", Activity: "Get-Mailbox",
		Position: &object.Position{ScriptPath: `C:\rb\offboard.ps1`, Line: 12, Col: 5, EndCol: 33, LineText: "    Get-Mailbox -Identity nobody"}}
	unknown := &object.ErrorRecord{Message: "The term 'Get-Mailboxx' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
		InvocationName: "Get-Mailboxx", Category: object.ObjectNotFound, ExceptionType: "CommandNotFoundException", ErrorID: "CommandNotFoundException",
		Position: &object.Position{Line: 1, Col: 1, EndCol: 13, LineText: "Get-Mailboxx"}}
	cases := []struct {
		name string
		rec  *object.ErrorRecord
		view string
		want string
	}{
		{"23 concise", getItem, "", "Get-Item: Cannot find path 'C:\\nosuch' because it does not exist.\n"},
		{"23 normal", getItem, "NormalView", "Get-Item : Cannot find path 'C:\\nosuch' because it does not exist.\nAt line:1 char:1\n+ Get-Item C:\\nosuch\n+ ~~~~~~~~~~~~~~~~~~\n+ CategoryInfo          : ObjectNotFound: (C:\\nosuch:String) [Get-Item], ItemNotFoundException\n+ FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\n"},
		{"24 throw", throwRec, "", "Exception: oops\n"},
		{"24 write-error", writeErr, "", "Write-Error: boom\n"},
		{"25 script", script, "", "Get-Mailbox: C:\\rb\\offboard.ps1:12\nLine |\n  12 |      Get-Mailbox -Identity nobody\n     |      ~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n     | The operation couldn't be performed because object 'nobody' couldn't be found.\n\n"},
		{"lang 31 unknown command", unknown, "", "Get-Mailboxx: The term 'Get-Mailboxx' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n"},
		{"category view", getItem, "CategoryView", "ObjectNotFound: (C:\\nosuch:String) [Get-Item], ItemNotFoundException\n"},
		{"throw normal", throwRec, "NormalView", "oops\nAt line:1 char:1\n+ throw 'oops'\n+ ~~~~~~~~~~~~\n+ CategoryInfo          : OperationStopped: (oops:String) [], RuntimeException\n+ FullyQualifiedErrorId : oops\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := errLines(c.rec, c.view); got != c.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, c.want)
			}
		})
	}
}

func TestErrorWrapAndMultiLine(t *testing.T) {
	long := strings.Repeat("word ", 30) + "end"
	rec := &object.ErrorRecord{Message: long, Activity: "Get-X",
		Position: &object.Position{ScriptPath: "s.ps1", Line: 3, Col: 1, EndCol: 6, LineText: "Get-X"}}
	lines := RenderError(rec, ErrorOptions{Width: 60})
	for _, l := range lines {
		if runeLen(l) > 60 {
			t.Errorf("line longer than 60: %q", l)
		}
	}
	if lines[len(lines)-1] != "" {
		t.Errorf("script form should end with an empty line: %q", lines)
	}
	for _, l := range lines[4 : len(lines)-1] {
		if !strings.HasPrefix(l, "     | ") {
			t.Errorf("continuation without gutter: %q", l)
		}
	}
	// Line 2 of interactive input: location block, no path, no empty line.
	rec2 := &object.ErrorRecord{Message: "bad", Activity: "Get-X", Position: &object.Position{Line: 2, Col: 3, EndCol: 8, LineText: "  Get-X"}}
	got := errLines(rec2, "")
	want := "Get-X: \nLine |\n   2 |    Get-X\n     |    ~~~~~\n     | bad\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// Five-digit line numbers widen the gutter.
	rec3 := &object.ErrorRecord{Message: "bad", Activity: "Get-X", Position: &object.Position{ScriptPath: "a.ps1", Line: 12345, Col: 1, EndCol: 6, LineText: "Get-X"}}
	got = errLines(rec3, "")
	want = "Get-X: a.ps1:12345\n Line |\n12345 |  Get-X\n      |  ~~~~~\n      | bad\n\n"
	if got != want {
		t.Errorf("got %q want %q", got, want)
	}
	// Recommendation line.
	rec4 := &object.ErrorRecord{Message: "bad", Activity: "Get-X", RecommendedAction: "Try again."}
	if got := errLines(rec4, ""); got != "Get-X: bad\n  Recommendation: Try again.\n" {
		t.Errorf("got %q", got)
	}
	// Colors.
	col := RenderError(&object.ErrorRecord{Message: "bad", Activity: "Get-X"}, ErrorOptions{Color: true})
	if len(col) != 1 || col[0] != "\x1b[31;1mGet-X: \x1b[31;1mbad\x1b[0m" {
		t.Errorf("color: %q", col)
	}
}

func TestPositionMessageTruncation(t *testing.T) {
	line := strings.Repeat("a", 50) + " Get-Thing -Identity x " + strings.Repeat("b", 40)
	p := &object.Position{Line: 1, Col: 52, EndCol: 73, LineText: line}
	pm := PositionMessage(p)
	if len(pm) != 3 {
		t.Fatalf("pm %q", pm)
	}
	if !strings.HasPrefix(pm[1], "+ \u2026 ") || !strings.HasSuffix(pm[1], " \u2026") {
		t.Errorf("dots missing: %q", pm[1])
	}
	tilde := strings.Index(pm[2], "~")
	if pm[1][tilde:tilde+9] != "Get-Thing" && !strings.HasPrefix(string([]rune(pm[1])[runeLen(pm[2][:tilde]):]), "Get-Thing") {
		t.Errorf("tildes not under extent:\n%s\n%s", pm[1], pm[2])
	}
	// Tabs become four spaces.
	pm = PositionMessage(&object.Position{Line: 1, Col: 2, EndCol: 7, LineText: "\tGet-X"})
	if pm[1] != "+     Get-X" || pm[2] != "+     ~~~~~" {
		t.Errorf("tabs: %q", pm)
	}
}

func TestWhatIfConfirm(t *testing.T) {
	d := ShouldProcessDescription("Remove-Thing", "alice")
	if got := WhatIfLine(d); got != `What if: Performing the operation "Remove-Thing" on target "alice".` {
		t.Errorf("whatif %q", got)
	}
	lines := ConfirmPrompt("", ConfirmMessage(d), false)
	got := strings.Join(lines, "\n")
	want := "\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation \"Remove-Thing\" on target \"alice\".\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): "
	if got != want {
		t.Errorf("confirm %q", got)
	}
	remote := ConfirmPrompt("", ConfirmMessage(d), true)
	if last := remote[len(remote)-1]; strings.Contains(last, "Suspend") {
		t.Errorf("remote prompt has Suspend: %q", last)
	}
	if len(ConfirmHelp(true)) != 4 || len(ConfirmHelp(false)) != 5 {
		t.Error("help lines")
	}
}
