package runtime_test

import (
	"strings"
	"testing"
)

// typeCases are .NET type and member uses taken from runbooks; want is the
// output lines (trimmed), PowerShell 7.4's.
var typeCases = []struct{ name, in, want string }{
	// generic List
	{"list of object", `$l = [System.Collections.Generic.List[object]]::new(); $l.Add('a'); $l.Add(2); $l.Count; $l`, "2\na\n2"},
	{"list converts elements", `$l = [System.Collections.Generic.List[int]]::new(); $l.Add('5'); $l[0] + 1; $l[0].GetType().Name`, "6\nInt32"},
	{"list element conversion error", `$l = [System.Collections.Generic.List[int]]::new(); try { $l.Add('x') } catch { $_.Exception.Message; $_.FullyQualifiedErrorId }`,
		"Cannot convert argument \"item\", with value: \"x\", for \"Add\" to type \"System.Int32\": \"Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct format.\"\"\nMethodArgumentConversionInvalidCastArgument"},
	{"list members", `$l = [System.Collections.Generic.List[string]]::new(); $l.AddRange([string[]]('c','a','b')); $l.Insert(0, 'z'); $l.Remove('a'); $l.Remove('q'); $l.Contains('b'); $l.IndexOf('b'); $l.RemoveAt(0); $l.Sort(); $l -join ','; $l.ToArray().GetType().Name; $l.Clear(); $l.Count`,
		"True\nFalse\nTrue\n2\nb,c\nString[]\n0"},
	{"list enumerates in pipeline and foreach", `$l = [System.Collections.Generic.List[int]]::new(); 1..3 | % { $l.Add($_ * 2) }; ($l | Measure-Object -Sum).Sum; foreach ($x in $l) { $x }`, "12\n2\n4\n6"},
	{"list type names", `$l = [System.Collections.Generic.List[string]]::new(); $l.GetType().Name; $l -is [System.Collections.Generic.List[string]]; $l -is [System.Collections.Generic.List[int]]`, "List`1\nTrue\nFalse"},
	{"list full name in errors", `$l = [System.Collections.Generic.List[string]]::new(); $l.Foo()`,
		"InvalidOperation: Method invocation failed because [System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]] does not contain a method named 'Foo'."},
	{"list capacity constructor", `$l = [System.Collections.Generic.List[string]]::new(100); $l.Count`, "0"},
	{"new-object generic list", `$l = New-Object 'System.Collections.Generic.List[string]'; $l.Add(5); $l[0].GetType().FullName`, "System.String"},
	{"new-object arraylist", `$a = New-Object -TypeName System.Collections.ArrayList; $a.Add('x'); [void]$a.Add('y'); $a.Add('z') | Out-Null; $a.Count`, "0\n3"},
	// Dictionary
	{"dictionary", `$d = [System.Collections.Generic.Dictionary[string,object]]::new(); $d.Add('k', 1); $d['k']; $d.ContainsKey('k'); $d.ContainsKey('K'); $d.Count; $d.Keys; $d.Values`, "1\nTrue\nFalse\n1\nk\n1"},
	{"dictionary duplicate", `$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d.Add('k', 1); $d.Add('k', 2)`,
		"MethodInvocationException: Exception calling \"Add\" with \"2\" argument(s): \"An item with the same key has already been added. Key: k\""},
	{"dictionary trygetvalue", `$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d['a'] = '3'; $v = 0; $d.TryGetValue('a', [ref]$v); $v; $v.GetType().Name; $d.TryGetValue('b', [ref]$v); $v`, "True\n3\nInt32\nFalse\n0"},
	{"dictionary comparer", `$d = [System.Collections.Generic.Dictionary[string,int]]::new([StringComparer]::OrdinalIgnoreCase); $d['A'] = 1; $d['a']; $d.Remove('A'); $d.Count`, "1\nTrue\n0"},
	{"dictionary enumerator", `$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d['a'] = 1; $d['b'] = 2; foreach ($kv in $d.GetEnumerator()) { "$($kv.Key)=$($kv.Value)" }`, "a=1\nb=2"},
	{"dictionary output", `$d = [System.Collections.Generic.Dictionary[string,int]]::new(); $d['a'] = 1; $d`, "Key Value\n--- -----\na       1"},
	// HashSet
	{"hashset", `$h = [System.Collections.Generic.HashSet[string]]::new(); $h.Add('a'); $h.Add('a'); $h.Contains('a'); $h.UnionWith([string[]]('b','c')); $h.Count; $h -join ','`, "True\nFalse\nTrue\n3\na,b,c"},
	{"text spans", `[string]::new([char[]]'hello', 1, 3); [string]::Join('-', [object[]]('a','b','c','d'), 1, 2); 'abcdef'.ToCharArray(2, 3) -join ','; $sb = [Text.StringBuilder]::new('hello'); $sb.Remove(0, 2).ToString(); $sb.ToString(1, 2); foreach ($f in {'abc'.ToCharArray(2, 3)}, {$sb.Append('ab', 1, 3)}, {$sb.ToString(1, 99)}) { try { & $f } catch { $_.Exception.InnerException.Message } }`,
		"ell\nb-c\nc,d,e\nllo\nlo\nIndex was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')\nIndex and count must refer to a location within the string. (Parameter 'startIndex')\nIndex and length must refer to a location within the string. (Parameter 'length')"},
	{"linq counts", `$a = [int[]](1,2,3,4); ([Linq.Enumerable]::Skip($a, -3) -join ','), ([Linq.Enumerable]::Skip($a, 1) -join ','), ([Linq.Enumerable]::Take($a, 99) -join ','), ([Linq.Enumerable]::Range(3, 2) -join ','); try { [Linq.Enumerable]::Repeat('z', -2) } catch { $_.Exception.InnerException.Message }`,
		"1,2,3,4\n2,3,4\n1,2,3,4\n3,4\nSpecified argument was out of the range of valid values. (Parameter 'count')"},
	{"hashset changes", `$h = [Collections.Generic.HashSet[string]]::new([string[]]('a','b','c')); $h.IntersectWith([string[]]('b','c','d')); $h -join ','; $h.SymmetricExceptWith([string[]]('c','e')); $h -join ','; $h.ExceptWith([string[]]('e')); $h -join ','; $h.UnionWith([string[]]('z','b')); $h -join ','`, "b,c\nb,e\nb\nb,z"},
	{"hashset comparer", `$h = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase); [void]$h.Add('A'); $h.Add('a'); $h.Contains('A')`, "False\nTrue"},
	// ArrayList and ordered
	{"arraylist add prints index", `$a = [System.Collections.ArrayList]::new(); $a.Add('x'); $a.Add('y'); $a.Remove('x'); $a`, "0\n1\ny"},
	{"ordered by position and key", `$o = [ordered]@{a=1; b=2}; $o[1]; $o['a']; $o.b; $o.Insert(0, 'z', 0); $o.Keys -join ','`, "2\n1\n2\nz,a,b"},
	{"hashtable members", `$h = @{a=1}; $h.Add('b', 2); $h.ContainsKey('B'); $h.Remove('a'); $h.Count; ($h.GetEnumerator() | % { $_.Key }); $c = $h.Clone(); $c['x'] = 1; $h.Count`, "True\n1\nb\n1"},
	// StringBuilder
	{"stringbuilder", `$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a').Append(1).AppendLine('x'); [void]$sb.AppendFormat('{0}-{1}', 'p', 'q'); $sb.ToString(); $sb.Length; [void]$sb.Insert(0, '>'); [void]$sb.Clear(); $sb.Length`, "a1x\np-q\n7\n0"},
	{"stringbuilder output", `$sb = New-Object System.Text.StringBuilder; $sb.Append('hello')`, "Capacity MaxCapacity Length\n-------- ----------- ------\n      16  2147483647      5"},
	// math
	{"math round", `[math]::Round(2.5); [math]::Round(3.5); [math]::Round(2.5, [MidpointRounding]::AwayFromZero); [math]::Round(1.2345, 2); ([math]::Round([decimal]2.345, 2)).GetType().Name; [math]::Round([decimal]2.345, 2)`, "2\n4\n3\n1.23\nDecimal\n2.34"},
	{"math others", `[math]::Floor(2.7); [math]::Ceiling(2.1); [math]::Max(3, 7); [math]::Min(3, 7.5); [math]::Abs(-4); [math]::Pow(2, 10); [math]::Sqrt(16); [math]::Truncate(-2.7)`, "2\n3\n7\n3\n4\n1024\n4\n-2"},
	{"math overload count", `[math]::Round(1, 2, 3, 4)`, "MethodException: Cannot find an overload for \"Round\" and the argument count: \"4\"."},
	// string statics
	{"string statics", `[string]::IsNullOrEmpty(''); [string]::IsNullOrWhiteSpace(' '); [string]::Join(',', @(1,2,3)); [string]::Join('-', 'a', 'b'); [string]::Format('{0}:{1:N1}', 'x', 2.25); [string]::Empty.Length; [string]::Concat('a', 1); [string]::Compare('a', 'B'); [string]::Compare('a', 'A', $true); [string]::new('-', 3)`,
		"True\nTrue\n1,2,3\na-b\nx:2.3\n0\na1\n-1\n0\n---"},
	// string instance members
	{"string members", `'abc'.PadLeft(5, '*'); 'abc'.PadRight(5) + '|'; 'hello'.Substring(1, 3); 'a.b.c'.LastIndexOf('.'); 'abc'.Insert(1, 'X'); 'abcdef'.Remove(2, 2); 'Contoso'.Contains('con'); 'Contoso'.Contains('con', [StringComparison]::OrdinalIgnoreCase); 'x.csv'.EndsWith('.CSV', 'OrdinalIgnoreCase'); '  a  '.Trim().Length; 'xxaxx'.Trim('x'); 'Ab'.Equals('aB', 'OrdinalIgnoreCase'); 'b'.CompareTo('a')`,
		"**abc\nabc  |\nell\n3\naXbc\nabef\nFalse\nTrue\nTrue\n1\na\nTrue\n1"},
	{"string split", `('a,b;c'.Split([char[]]',;')).Count; ('a<>b'.Split('<>')).Count; ('a,,b'.Split(',', [StringSplitOptions]::RemoveEmptyEntries)).Count; 'a b'.Split() -join '|'; ('a,b,c'.Split(',', 2))[1]`, "3\n2\n2\na|b\nb,c"},
	{"string chars", `$c = 'abc'.ToCharArray(); $c.Count; $c[0].GetType().Name; 'é'.Normalize([Text.NormalizationForm]::FormD).Length; 'José'.Normalize('FormD') -replace '\p{Mn}', ''`, "3\nChar\n2\nJose"},
	{"substring error", `'abc'.Substring(5)`, "MethodInvocationException: Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\""},
	{"unknown method", `'abc'.Foo()`, "InvalidOperation: Method invocation failed because [System.String] does not contain a method named 'Foo'."},
	// char
	{"char", `[char]65; [char]::IsDigit('5'); [char]::IsLetter('5'); [char]::IsUpper('A'); [int][char]'a'; [char]::ToUpper('q')`, "A\nTrue\nFalse\nTrue\n97\nQ"},
	// parse
	{"int parse", `[int]::Parse(' 42 '); $n = 0; [int]::TryParse('x', [ref]$n); $n; [int]::TryParse('7', [ref]$n); $n; [long]::Parse('9000000000'); [double]::Parse('1,234.5'); [bool]::Parse('TRUE')`, "42\nFalse\n0\nTrue\n7\n9000000000\n1234.5\nTrue"},
	{"int parse error", `[int]::Parse('4.5')`, "MethodInvocationException: Exception calling \"Parse\" with \"1\" argument(s): \"The input string '4.5' was not in a correct format.\""},
	{"tryparse needs ref", `[int]::TryParse('5', $n)`, "MethodException: Argument: '2' should be a System.Management.Automation.PSReference. Use [ref]."},
	{"int64 parse styles", `[Int64]::Parse('1,610,612,736', 'AllowThousands')`, "1610612736"},
	// dates
	// DateTime - $null (a date property never set), a number or a string:
	// both op_Subtraction overloads take it, so the call is ambiguous
	{"datetime minus null", `$d = [datetime]'2024-03-15'; try { $d - $null } catch { $_.FullyQualifiedErrorId; "$($_.CategoryInfo)" }; $d - 1`, "MethodCountCouldNotFindBest\nNotSpecified: (:) [], MethodException\nMethodException: Multiple ambiguous overloads found for \"op_Subtraction\" and the argument count: \"2\"."},
	{"datetime parse exact", `$d = [datetime]::ParseExact('2024-03-15 14:30', 'yyyy-MM-dd HH:mm', [Globalization.CultureInfo]::InvariantCulture); $d.ToString('dd.MM.yyyy HH:mm'); $d.Kind`, "15.03.2024 14:30\nUnspecified"},
	{"datetime parse exact error", `[datetime]::ParseExact('15/03/2024', 'yyyy-MM-dd', $null)`, "MethodInvocationException: Exception calling \"ParseExact\" with \"3\" argument(s): \"String '15/03/2024' was not recognized as a valid DateTime.\""},
	{"datetime statics", `[datetime]::DaysInMonth(2024, 2); [datetime]::SpecifyKind([datetime]'2024-01-01', 'Utc').Kind; $d = $null; [datetime]::TryParse('2024-02-30', [ref]$d); [datetime]::IsLeapYear(2023)`, "29\nUtc\nFalse\nFalse"},
	{"datetime members", `$d = [datetime]'2024-03-15 14:30'; $d.ToShortDateString(); $d.Date.ToString('s'); $d.DayOfWeek; $d.DayOfYear; $d.AddMonths(11).ToString('yyyy-MM-dd'); $d.AddYears(1).Year; $d.AddHours(10).Day; ($d - [datetime]'2024-03-01').Days; $d.Subtract([timespan]'1.00:00:00').Day; $d.CompareTo([datetime]'2025-01-01')`,
		"3/15/2024\n2024-03-15T00:00:00\nFriday\n75\n2025-02-15\n2025\n16\n14\n14\n-1"},
	{"datetime o format", `([datetime]::SpecifyKind([datetime]'2024-03-15', 'Utc')).ToString('o'); ([datetime]::SpecifyKind([datetime]'2024-03-15', 'Local')).ToString('o')`, "2024-03-15T00:00:00.0000000Z\n2024-03-15T00:00:00.0000000+00:00"},
	{"timespan", `$t = [timespan]::FromHours(36); $t.TotalDays; $t.Days; $t.Hours; $t.ToString('dd\.hh\:mm'); [timespan]::FromMinutes(90).TotalHours; (New-Object TimeSpan 1,2,3).TotalMinutes; ($t + [timespan]::FromDays(1)).Days`, "1.5\n1\n12\n01.12:00\n1.5\n62.05\n2"},
	// guid
	{"guid", `$g = [guid]::NewGuid(); $g.GetType().Name; $g.ToString().Length; $g.ToString('N').Length; [guid]::Empty`, "Guid\n36\n32\nGuid\n----\n00000000-0000-0000-0000-000000000000"},
	// regex
	{"regex match", `$m = [regex]::Match('john@contoso.com', '^(?<user>[^@]+)@(.+)$'); $m.Success; $m.Groups[1].Value; $m.Groups['user'].Value; $m.Index; $m.Value.Length`, "True\ncontoso.com\njohn\n0\n16"},
	{"regex statics", `[regex]::Matches('a1b22c333', '\d+').Count; ([regex]::Matches('a1b22', '\d+') | % Value) -join ','; [regex]::Replace('a-b', '(\w)-(\w)', '$2-$1'); [regex]::Escape('a.b*c'); [regex]::IsMatch('ABC', 'abc'); [regex]::IsMatch('ABC', 'abc', 'IgnoreCase'); ([regex]::Split('a1b2c', '\d')) -join ','`, "3\n1,22\nb-a\na\\.b\\*c\nFalse\nTrue\na,b,c"},
	{"regex object", `$r = [regex]'(\d+)'; $r.Match('x42').Groups[1].Value; $r.Replace('a1b2', '#'); $r.GetType().FullName; 'A' -match 'a'; [regex]::Match('A', 'a').Success`, "42\na#b#\nSystem.Text.RegularExpressions.Regex\nTrue\nFalse"},
	{"regex match evaluator", `[regex]::Replace('a1b2', '\d', { param($m) [int]$m.Value * 10 })`, "a10b20"},
	{"replace script block sees a Match", `'john@contoso.com' -replace '^(?<u>[^@]+)@(.+)$', { $_.Groups['u'].Value.ToUpper() + ' at ' + $_.Groups[1].Value }`, "JOHN at contoso.com"},
	{"regex lookahead", `[regex]::Match('ab', 'a(?=b)').Value; [regex]::Matches('hello bookkeeper', '(\w)\1').Count; 'a/b/c.txt' -replace '^.*\/(?=[^\/]*$)'`, "a\n4\nc.txt"},
	{"regex .NET-only syntax", `'abc' -match '\p{IsBasicLatin}{3}'; [regex]::Match('a,b', '(?<x>\w)(?:,(?<x>\w))').Groups['x'].Captures.Count; [regex]::Replace('ab', '(?<n>a)', '[${1}]')`, "True\n2\n[a]b"},
	{"regex captures", `$m = [regex]::Match('1,2,3', '(?:(\d),?)+(?=$)'); $m.Groups[1].Captures.Count; $m.Groups[1].Captures[0].Value; $m.Groups[1].Value`, "3\n1\n3"},
	{"match output", `[regex]::Match('abc', 'b')`, "Groups    : {0}\nSuccess   : True\nName      : 0\nCaptures  : {0}\nIndex     : 1\nLength    : 1\nValue     : b\nValueSpan :"},
	// path
	{"path", `[IO.Path]::Combine('C:\Reports', 'x.csv'); [System.IO.Path]::Combine('C:\a\', 'b', 'c.txt'); [IO.Path]::GetFileName('C:\a\b.txt'); [IO.Path]::GetFileNameWithoutExtension('C:\a\b.tar.gz'); [IO.Path]::GetExtension('b.tar.gz'); [IO.Path]::GetDirectoryName('C:\a\b.txt'); [IO.Path]::GetDirectoryName('C:\b.txt'); [IO.Path]::Combine('C:\a', 'D:\b')`,
		"C:\\Reports\\x.csv\nC:\\a\\b\\c.txt\nb.txt\nb.tar\n.gz\nC:\\a\nC:\\\nD:\\b"},
	{"temp file", `$f = [IO.Path]::GetTempFileName(); $f.StartsWith([IO.Path]::GetTempPath()); [IO.File]::Exists($f); [IO.Path]::GetExtension($f)`, "True\nTrue\n.tmp"},
	// linq
	{"linq", `[Linq.Enumerable]::Distinct([int[]](1,1,2)) -join ','; [Linq.Enumerable]::Count([int[]](1,2,3)); [Linq.Enumerable]::Sum([int[]](1,2,3)); [Linq.Enumerable]::Max([double[]](1.5,2.5)); [Linq.Enumerable]::Where([int[]](1,2,3,4), [Func[int,bool]]{ param($x) $x % 2 -eq 0 }) -join ','; [Linq.Enumerable]::Select([int[]](1,2), [Func[int,int]]{ param($x) $x * 10 }) -join ','; ([Linq.Enumerable]::ToList([int[]](3,4))).Count`,
		"1,2\n3\n6\n2.5\n2,4\n10,20\n2"},
	{"linq sum of text", `[Linq.Enumerable]::Sum([string[]]('a'))`, "MethodException: Cannot find an overload for \"Sum\" and the argument count: \"1\"."},
	// environment
	{"environment", `[Environment]::NewLine.Length; [System.Environment]::MachineName; $null -eq [Environment]::GetEnvironmentVariable('EXOSIM_SURELY_UNSET_VAR')`, "1\nEXOSIM\nTrue"},
	// xml
	{"xml navigation", `$x = [xml]'<root a="1"><child>one</child><child>two</child><item id="7">seven</item></root>'; $x.root.a; $x.root.child -join ','; $x.root.item.id; $x.root.item.'#text'; $x.root.item.InnerText; $x.SelectNodes('//child').Count; $x.SelectSingleNode('/root/item[@id="7"]').InnerText; $x.root.OuterXml`,
		"1\none,two\n7\nseven\nseven\n2\nseven\n<root a=\"1\"><child>one</child><child>two</child><item id=\"7\">seven</item></root>"},
	{"xml set", `$x = [xml]'<r><n>a</n></r>'; $x.r.n = 'b'; $x.r.n; $x.r.SetAttribute('k', 'v'); $x.OuterXml`, "b\n<r k=\"v\"><n>b</n></r>"},
	{"xml error", `[xml]'<a><b></a>'`, "InvalidArgument: Cannot convert value \"<a><b></a>\" to type \"System.Xml.XmlDocument\". Error: \"The 'b' start tag on line 1 position 5 does not match the end tag of 'a'. Line 1, position 9.\""},
	// arrays
	{"array statics", `$a = 3,1,2; [array]::Sort($a); $a -join ','; [array]::Reverse($a); $a -join ','; [array]::IndexOf($a, 2); [array]::IndexOf($a, '2'); $a.Contains(1); $a.IndexOf(1); [array]::Resize([ref]$a, 5); $a.Count`, "1,2,3\n3,2,1\n1\n-1\nTrue\n2\n5"},
	{"array add", `$a = 1,2; $a.Add(3)`, "MethodInvocationException: Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\""},
	// psobject
	{"psobject properties", `$o = [pscustomobject]@{Name='A'; Size=2}; $o.PSObject.Properties.Name -join ','; ($o.psobject.Properties | ? Name -eq 'Size').Value; $o.psobject.Properties['Name'].TypeNameOfValue; $o.psobject.Properties.Add((New-Object PSNoteProperty 'Extra', 5)); $o.Extra; $o.psobject.Properties.Remove('Size'); $o.psobject.Properties.Name -join ','`,
		"Name,Size\n2\nSystem.String\n5\nName,Extra"},
	{"psobject copy typenames base", `$o = [pscustomobject]@{A=1}; $c = $o.psobject.Copy(); $c.A = 2; $o.A; $o.psobject.TypeNames.Insert(0, 'My.Type'); $o.psobject.TypeNames[0]; 'x'.psobject.BaseObject; $o.psobject.Properties.Match('A*').Count`, "1\nMy.Type\nx\n1"},
	{"property value set through member", `$o = [pscustomobject]@{A=1}; foreach ($p in $o.psobject.Properties) { $p.Value = 9 }; $o.A`, "9"},
	// exceptions inside .NET methods carry their own type
	{"method exception type", `try { 'abc'.Substring(5) } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }; try { [int]::Parse('x') } catch { $_.FullyQualifiedErrorId }`,
		"ArgumentOutOfRangeException\nMethodInvocationException\nArgumentOutOfRangeException\nFormatException"},
	// version, enum, timespan formats, ForEach forms
	{"version", `([version]'1.2.3').Minor; [version]'1.10' -gt [version]'1.9'; [version]'2.0' -eq '2.0'; ([version]'1.2').Build`, "2\nTrue\nTrue\n-1"},
	{"enum statics", `[enum]::GetNames([System.DayOfWeek]).Count; [enum]::GetValues([System.DayOfWeek])[1]; [System.Enum]::Parse([System.DayOfWeek], 'friday'); [enum]::IsDefined([System.DayOfWeek], 'Funday')`, "7\nMonday\nFriday\nFalse"},
	{"timespan format item", `'{0:hh\:mm}' -f [timespan]'01:05:00'; '{0:c}' -f [timespan]'1.02:03:04'`, "01:05\n1.02:03:04"},
	{"foreach by member", `('one', 'three').ForEach('Length') -join ','; (('1','2').ForEach([int]) | % { $_.GetType().Name }) -join ','`, "3,5\nInt32,Int32"},
	// out of scope
	// -ComObject exists only on Windows; exosim is a Unix host
	{"com object", `try { New-Object -ComObject Outlook.Application } catch { $_.FullyQualifiedErrorId }; New-Object -Strict; New-Object -ComObject WScript.Shell`, "NamedParameterNotFound,Microsoft.PowerShell.Commands.NewObjectCommand\nNew-Object: A parameter cannot be found that matches parameter name 'ComObject'."},
	{"unknown type", `[System.Windows.Forms.Form]::new()`, "InvalidOperation: Unable to find type [System.Windows.Forms.Form]."},
	{"ref to missing variable", `[int]::TryParse('1', [ref]$neverSet)`, "InvalidOperation: [ref] cannot be applied to a variable that does not exist."},
}

func TestTypeRegistryCases(t *testing.T) {
	t.Parallel()
	for _, c := range typeCases {
		c := c
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := trimLines(block(t, c.in))
			if got != c.want {
				t.Errorf("%s\n got: %q\nwant: %q", c.in, got, c.want)
			}
		})
	}
}

// trimLines drops blank lines and trailing spaces.
func trimLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimRight(l, " ")
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// Short generic names resolve in the namespaces of using statements, in
// generic arguments too.
func TestUsingNamespaceResolvesShortNames(t *testing.T) {
	t.Parallel()
	got := block(t, "using namespace System.Collections.Generic\n"+
		"[List[string]]::new().GetType().FullName -replace ',.*$'\n"+
		"$d = [Dictionary[string,List[int]]]::new(); $d.GetType().Name\n"+
		"[HashSet[int]]::new().GetType().Name")
	want := "System.Collections.Generic.List`1[[System.String\nDictionary`2\nHashSet`1\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
