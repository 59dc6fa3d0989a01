package members

// Descriptions of the members of registered .NET types, for Get-Member
// and for a method named without parentheses: each line is "Kind Name:
// definition | definition ...", with .NET's own signatures of the type's
// public overloads that scripts use. PowerShell also lists, after those,
// the interface forms of a method (ICollection[string].Add); they are
// left out here, except where the interface's form is the method's only
// one (an array's IList.Add), so a definition can be shorter than
// PowerShell's but never names an overload .NET does not have. Generic parameters (T,
// TKey, TValue) stand for the type's arguments. A member is listed only
// when it resolves on the value, and an overload only when the member
// accepts its argument count.

import (
	"strings"
	"sync"

	"github.com/exosim/exosim/shell/dotnet"
	"github.com/exosim/exosim/shell/lazy"
)

var memberText = lazy.Value[map[string]struct{ params, text string }]{Build: func() map[string]struct{ params, text string } {
	m := map[string]struct{ params, text string }{
		"System.String": {"", `
	ParameterizedProperty Chars: char Chars(int index) {get;}
	Property Length: int Length {get;}
	Method Clone: System.Object Clone()
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(string strB)
	Method Contains: bool Contains(string value) | bool Contains(string value, System.StringComparison comparisonType) | bool Contains(char value) | bool Contains(char value, System.StringComparison comparisonType)
	Method EndsWith: bool EndsWith(string value) | bool EndsWith(string value, System.StringComparison comparisonType) | bool EndsWith(string value, bool ignoreCase, cultureinfo culture) | bool EndsWith(char value)
	Method Equals: bool Equals(System.Object obj) | bool Equals(string value) | bool Equals(string value, System.StringComparison comparisonType)
	Method IndexOf: int IndexOf(char value) | int IndexOf(char value, int startIndex) | int IndexOf(char value, System.StringComparison comparisonType) | int IndexOf(char value, int startIndex, int count) | int IndexOf(string value) | int IndexOf(string value, int startIndex) | int IndexOf(string value, int startIndex, int count) | int IndexOf(string value, System.StringComparison comparisonType) | int IndexOf(string value, int startIndex, System.StringComparison comparisonType) | int IndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)
	Method IndexOfAny: int IndexOfAny(char[] anyOf) | int IndexOfAny(char[] anyOf, int startIndex) | int IndexOfAny(char[] anyOf, int startIndex, int count)
	Method Insert: string Insert(int startIndex, string value)
	Method IsNormalized: bool IsNormalized() | bool IsNormalized(System.Text.NormalizationForm normalizationForm)
	Method LastIndexOf: int LastIndexOf(char value) | int LastIndexOf(char value, int startIndex) | int LastIndexOf(char value, int startIndex, int count) | int LastIndexOf(string value) | int LastIndexOf(string value, int startIndex) | int LastIndexOf(string value, int startIndex, int count) | int LastIndexOf(string value, System.StringComparison comparisonType) | int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType) | int LastIndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)
	Method Normalize: string Normalize() | string Normalize(System.Text.NormalizationForm normalizationForm)
	Method PadLeft: string PadLeft(int totalWidth) | string PadLeft(int totalWidth, char paddingChar)
	Method PadRight: string PadRight(int totalWidth) | string PadRight(int totalWidth, char paddingChar)
	Method Remove: string Remove(int startIndex, int count) | string Remove(int startIndex)
	Method Replace: string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture) | string Replace(string oldValue, string newValue, System.StringComparison comparisonType) | string Replace(char oldChar, char newChar) | string Replace(string oldValue, string newValue)
	Method Split: string[] Split(Params char[] separator) | string[] Split(char[] separator, int count) | string[] Split(char[] separator, System.StringSplitOptions options) | string[] Split(char[] separator, int count, System.StringSplitOptions options) | string[] Split(string[] separator, System.StringSplitOptions options) | string[] Split(string[] separator, int count, System.StringSplitOptions options)
	Method StartsWith: bool StartsWith(string value) | bool StartsWith(string value, System.StringComparison comparisonType) | bool StartsWith(string value, bool ignoreCase, cultureinfo culture) | bool StartsWith(char value)
	Method Substring: string Substring(int startIndex) | string Substring(int startIndex, int length)
	Method ToCharArray: char[] ToCharArray() | char[] ToCharArray(int startIndex, int length)
	Method ToLower: string ToLower() | string ToLower(cultureinfo culture)
	Method ToLowerInvariant: string ToLowerInvariant()
	Method ToString: string ToString() | string ToString(System.IFormatProvider provider)
	Method ToUpper: string ToUpper() | string ToUpper(cultureinfo culture)
	Method ToUpperInvariant: string ToUpperInvariant()
	Method Trim: string Trim() | string Trim(char trimChar) | string Trim(Params char[] trimChars)
	Method TrimEnd: string TrimEnd() | string TrimEnd(char trimChar) | string TrimEnd(Params char[] trimChars)
	Method TrimStart: string TrimStart() | string TrimStart(char trimChar) | string TrimStart(Params char[] trimChars)
	Method IsNullOrEmpty: static bool IsNullOrEmpty(string value)
	Method IsNullOrWhiteSpace: static bool IsNullOrWhiteSpace(string value)
	Method CompareOrdinal: static int CompareOrdinal(string strA, string strB) | static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
	Property Empty: static string Empty {get;}
	Method Compare: static int Compare(string strA, string strB) | static int Compare(string strA, string strB, bool ignoreCase) | static int Compare(string strA, string strB, System.StringComparison comparisonType) | static int Compare(string strA, string strB, cultureinfo culture, System.Globalization.CompareOptions options) | static int Compare(string strA, string strB, bool ignoreCase, cultureinfo culture)
	Method Concat: static string Concat(System.Object arg0) | static string Concat(System.Object arg0, System.Object arg1) | static string Concat(System.Object arg0, System.Object arg1, System.Object arg2) | static string Concat(Params System.Object[] args) | static string Concat(System.Collections.Generic.IEnumerable[string] values) | static string Concat(string str0, string str1) | static string Concat(string str0, string str1, string str2) | static string Concat(string str0, string str1, string str2, string str3) | static string Concat(Params string[] values)
	Method Equals: static bool Equals(string a, string b) | static bool Equals(string a, string b, System.StringComparison comparisonType)
	Method Format: static string Format(string format, System.Object arg0) | static string Format(string format, System.Object arg0, System.Object arg1) | static string Format(string format, System.Object arg0, System.Object arg1, System.Object arg2) | static string Format(string format, Params System.Object[] args) | static string Format(System.IFormatProvider provider, string format, System.Object arg0) | static string Format(System.IFormatProvider provider, string format, System.Object arg0, System.Object arg1) | static string Format(System.IFormatProvider provider, string format, System.Object arg0, System.Object arg1, System.Object arg2) | static string Format(System.IFormatProvider provider, string format, Params System.Object[] args)
	Method Join: static string Join(char separator, Params string[] value) | static string Join(char separator, Params System.Object[] values) | static string Join(char separator, string[] value, int startIndex, int count) | static string Join(string separator, Params string[] value) | static string Join(string separator, Params System.Object[] values) | static string Join(string separator, string[] value, int startIndex, int count) | static string Join(string separator, System.Collections.Generic.IEnumerable[string] values)
	`},
		"System.Collections.Generic.List`1": {"T", `
	ParameterizedProperty Item: T Item(int index) {get;set;}
	Property Capacity: int Capacity {get;set;}
	Property Count: int Count {get;}
	Method Add: void Add(T item)
	Method AddRange: void AddRange(System.Collections.Generic.IEnumerable[T] collection)
	Method Clear: void Clear()
	Method Contains: bool Contains(T item)
	Method Exists: bool Exists(System.Predicate[T] match)
	Method Find: T Find(System.Predicate[T] match)
	Method FindAll: System.Collections.Generic.List[T] FindAll(System.Predicate[T] match)
	Method FindIndex: int FindIndex(System.Predicate[T] match) | int FindIndex(int startIndex, System.Predicate[T] match) | int FindIndex(int startIndex, int count, System.Predicate[T] match)
	Method FindLast: T FindLast(System.Predicate[T] match)
	Method GetRange: System.Collections.Generic.List[T] GetRange(int index, int count)
	Method IndexOf: int IndexOf(T item) | int IndexOf(T item, int index) | int IndexOf(T item, int index, int count)
	Method Insert: void Insert(int index, T item)
	Method InsertRange: void InsertRange(int index, System.Collections.Generic.IEnumerable[T] collection)
	Method LastIndexOf: int LastIndexOf(T item) | int LastIndexOf(T item, int index) | int LastIndexOf(T item, int index, int count)
	Method Remove: bool Remove(T item)
	Method RemoveAll: int RemoveAll(System.Predicate[T] match)
	Method RemoveAt: void RemoveAt(int index)
	Method RemoveRange: void RemoveRange(int index, int count)
	Method Reverse: void Reverse() | void Reverse(int index, int count)
	Method Sort: void Sort() | void Sort(System.Collections.Generic.IComparer[T] comparer) | void Sort(System.Comparison[T] comparison) | void Sort(int index, int count, System.Collections.Generic.IComparer[T] comparer)
	Method ToArray: T[] ToArray()
	Method TrueForAll: bool TrueForAll(System.Predicate[T] match)
	`},
		"System.Collections.ArrayList": {"", `
	ParameterizedProperty Item: System.Object Item(int index) {get;set;}
	Property Capacity: int Capacity {get;set;}
	Property Count: int Count {get;}
	Property IsFixedSize: bool IsFixedSize {get;}
	Property IsReadOnly: bool IsReadOnly {get;}
	Method Add: int Add(System.Object value)
	Method AddRange: void AddRange(System.Collections.ICollection c)
	Method Clear: void Clear()
	Method Clone: System.Object Clone()
	Method Contains: bool Contains(System.Object item)
	Method GetRange: System.Collections.ArrayList GetRange(int index, int count)
	Method IndexOf: int IndexOf(System.Object value) | int IndexOf(System.Object value, int startIndex) | int IndexOf(System.Object value, int startIndex, int count)
	Method Insert: void Insert(int index, System.Object value)
	Method InsertRange: void InsertRange(int index, System.Collections.ICollection c)
	Method LastIndexOf: int LastIndexOf(System.Object value) | int LastIndexOf(System.Object value, int startIndex) | int LastIndexOf(System.Object value, int startIndex, int count)
	Method Remove: void Remove(System.Object obj)
	Method RemoveAt: void RemoveAt(int index)
	Method RemoveRange: void RemoveRange(int index, int count)
	Method Reverse: void Reverse() | void Reverse(int index, int count)
	Method Sort: void Sort() | void Sort(System.Collections.IComparer comparer) | void Sort(int index, int count, System.Collections.IComparer comparer)
	Method ToArray: System.Object[] ToArray()
	`},
		"System.Collections.Generic.Dictionary`2": {"TKey TValue", `
	Property Count: int Count {get;}
	Property Keys: System.Collections.Generic.Dictionary` + "`" + `2+KeyCollection[TKey,TValue] Keys {get;}
	Property Values: System.Collections.Generic.Dictionary` + "`" + `2+ValueCollection[TKey,TValue] Values {get;}
	Method Add: void Add(TKey key, TValue value)
	Method Clear: void Clear()
	Method ContainsKey: bool ContainsKey(TKey key)
	Method ContainsValue: bool ContainsValue(TValue value)
	Method Remove: bool Remove(TKey key)
	Method TryAdd: bool TryAdd(TKey key, TValue value)
	Method TryGetValue: bool TryGetValue(TKey key, [ref] TValue value)
	`},
		"System.Collections.Hashtable": {"", `
	Method Add: void Add(System.Object key, System.Object value)
	Method Clear: void Clear()
	Method Clone: System.Object Clone()
	Method Contains: bool Contains(System.Object key)
	Method ContainsKey: bool ContainsKey(System.Object key)
	Method ContainsValue: bool ContainsValue(System.Object value)
	Method GetEnumerator: System.Collections.IDictionaryEnumerator GetEnumerator()
	Method Remove: void Remove(System.Object key)
	`},
		"System.Collections.Generic.HashSet`1": {"T", `
	Property Count: int Count {get;}
	Method Add: bool Add(T item)
	Method Clear: void Clear()
	Method Contains: bool Contains(T item)
	Method ExceptWith: void ExceptWith(System.Collections.Generic.IEnumerable[T] other)
	Method IntersectWith: void IntersectWith(System.Collections.Generic.IEnumerable[T] other)
	Method IsSubsetOf: bool IsSubsetOf(System.Collections.Generic.IEnumerable[T] other)
	Method IsSupersetOf: bool IsSupersetOf(System.Collections.Generic.IEnumerable[T] other)
	Method Overlaps: bool Overlaps(System.Collections.Generic.IEnumerable[T] other)
	Method Remove: bool Remove(T item)
	Method SetEquals: bool SetEquals(System.Collections.Generic.IEnumerable[T] other)
	Method SymmetricExceptWith: void SymmetricExceptWith(System.Collections.Generic.IEnumerable[T] other)
	Method UnionWith: void UnionWith(System.Collections.Generic.IEnumerable[T] other)
	`},
		"System.Collections.Generic.Queue`1": {"T", `
	Property Count: int Count {get;}
	Method Clear: void Clear()
	Method Contains: bool Contains(T item)
	Method Dequeue: T Dequeue()
	Method Enqueue: void Enqueue(T item)
	Method Peek: T Peek()
	Method ToArray: T[] ToArray()
	`},
		"System.Collections.Generic.Stack`1": {"T", `
	Property Count: int Count {get;}
	Method Clear: void Clear()
	Method Contains: bool Contains(T item)
	Method Peek: T Peek()
	Method Pop: T Pop()
	Method Push: void Push(T item)
	Method ToArray: T[] ToArray()
	`},
		"System.Collections.Queue": {"", `
	Property Count: int Count {get;}
	Method Clear: void Clear()
	Method Contains: bool Contains(System.Object obj)
	Method Dequeue: System.Object Dequeue()
	Method Enqueue: void Enqueue(System.Object obj)
	Method Peek: System.Object Peek()
	Method ToArray: System.Object[] ToArray()
	`},
		"System.Collections.Stack": {"", `
	Property Count: int Count {get;}
	Method Clear: void Clear()
	Method Contains: bool Contains(System.Object obj)
	Method Peek: System.Object Peek()
	Method Pop: System.Object Pop()
	Method Push: void Push(System.Object obj)
	Method ToArray: System.Object[] ToArray()
	`},
		"System.Text.StringBuilder": {"", `
	Property Capacity: int Capacity {get;set;}
	Property Length: int Length {get;set;}
	Property MaxCapacity: int MaxCapacity {get;}
	Method Append: System.Text.StringBuilder Append(string value) | System.Text.StringBuilder Append(char value) | System.Text.StringBuilder Append(System.Object value) | System.Text.StringBuilder Append(char value, int repeatCount) | System.Text.StringBuilder Append(string value, int startIndex, int count)
	Method AppendJoin: System.Text.StringBuilder AppendJoin(string separator, Params System.Object[] values) | System.Text.StringBuilder AppendJoin(string separator, Params string[] values) | System.Text.StringBuilder AppendJoin(char separator, Params System.Object[] values) | System.Text.StringBuilder AppendJoin(char separator, Params string[] values)
	Method AppendFormat: System.Text.StringBuilder AppendFormat(string format, System.Object arg0) | System.Text.StringBuilder AppendFormat(string format, System.Object arg0, System.Object arg1) | System.Text.StringBuilder AppendFormat(string format, System.Object arg0, System.Object arg1, System.Object arg2) | System.Text.StringBuilder AppendFormat(string format, Params System.Object[] args)
	Method AppendLine: System.Text.StringBuilder AppendLine() | System.Text.StringBuilder AppendLine(string value)
	Method Clear: System.Text.StringBuilder Clear()
	Method EnsureCapacity: int EnsureCapacity(int capacity)
	Method Insert: System.Text.StringBuilder Insert(int index, string value) | System.Text.StringBuilder Insert(int index, string value, int count)
	Method Remove: System.Text.StringBuilder Remove(int startIndex, int length)
	Method Replace: System.Text.StringBuilder Replace(string oldValue, string newValue) | System.Text.StringBuilder Replace(char oldChar, char newChar) | System.Text.StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) | System.Text.StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
	Method ToString: string ToString() | string ToString(int startIndex, int length)
	`},
		"System.DateTime": {"", `
	Property Date: datetime Date {get;}
	Property Day: int Day {get;}
	Property DayOfWeek: System.DayOfWeek DayOfWeek {get;}
	Property DayOfYear: int DayOfYear {get;}
	Property Hour: int Hour {get;}
	Property Kind: System.DateTimeKind Kind {get;}
	Property Millisecond: int Millisecond {get;}
	Property Minute: int Minute {get;}
	Property Month: int Month {get;}
	Property Second: int Second {get;}
	Property Ticks: long Ticks {get;}
	Property TimeOfDay: timespan TimeOfDay {get;}
	Property Year: int Year {get;}
	Method Add: datetime Add(timespan value)
	Method AddDays: datetime AddDays(double value)
	Method AddHours: datetime AddHours(double value)
	Method AddMilliseconds: datetime AddMilliseconds(double value)
	Method AddMinutes: datetime AddMinutes(double value)
	Method AddMonths: datetime AddMonths(int months)
	Method AddSeconds: datetime AddSeconds(double value)
	Method AddTicks: datetime AddTicks(long value)
	Method AddYears: datetime AddYears(int value)
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(datetime value)
	Method Equals: bool Equals(datetime value) | bool Equals(System.Object value)
	Method IsDaylightSavingTime: bool IsDaylightSavingTime()
	Method Subtract: timespan Subtract(datetime value) | datetime Subtract(timespan value)
	Method ToFileTime: long ToFileTime()
	Method ToFileTimeUtc: long ToFileTimeUtc()
	Method ToLocalTime: datetime ToLocalTime()
	Method ToLongDateString: string ToLongDateString()
	Method ToLongTimeString: string ToLongTimeString()
	Method ToOADate: double ToOADate()
	Method ToShortDateString: string ToShortDateString()
	Method ToShortTimeString: string ToShortTimeString()
	Method ToString: string ToString() | string ToString(string format) | string ToString(System.IFormatProvider provider) | string ToString(string format, System.IFormatProvider provider)
	Method ToUniversalTime: datetime ToUniversalTime()
	Property Now: static datetime Now {get;}
	Property Today: static datetime Today {get;}
	Property UtcNow: static datetime UtcNow {get;}
	Property MaxValue: static datetime MaxValue {get;}
	Property MinValue: static datetime MinValue {get;}
	Property UnixEpoch: static datetime UnixEpoch {get;}
	Method Compare: static int Compare(datetime t1, datetime t2)
	Method DaysInMonth: static int DaysInMonth(int year, int month)
	Method FromFileTime: static datetime FromFileTime(long fileTime)
	Method FromFileTimeUtc: static datetime FromFileTimeUtc(long fileTime)
	Method IsLeapYear: static bool IsLeapYear(int year)
	Method Parse: static datetime Parse(string s) | static datetime Parse(string s, System.IFormatProvider provider) | static datetime Parse(string s, System.IFormatProvider provider, System.Globalization.DateTimeStyles styles)
	Method ParseExact: static datetime ParseExact(string s, string format, System.IFormatProvider provider) | static datetime ParseExact(string s, string format, System.IFormatProvider provider, System.Globalization.DateTimeStyles style) | static datetime ParseExact(string s, string[] formats, System.IFormatProvider provider, System.Globalization.DateTimeStyles style)
	Method SpecifyKind: static datetime SpecifyKind(datetime value, System.DateTimeKind kind)
	Method TryParse: static bool TryParse(string s, [ref] datetime result) | static bool TryParse(string s, System.IFormatProvider provider, [ref] datetime result) | static bool TryParse(string s, System.IFormatProvider provider, System.Globalization.DateTimeStyles styles, [ref] datetime result)
	Method TryParseExact: static bool TryParseExact(string s, string format, System.IFormatProvider provider, System.Globalization.DateTimeStyles style, [ref] datetime result) | static bool TryParseExact(string s, string[] formats, System.IFormatProvider provider, System.Globalization.DateTimeStyles style, [ref] datetime result)
	`},
		"System.TimeSpan": {"", `
	Property Days: int Days {get;}
	Property Hours: int Hours {get;}
	Property Milliseconds: int Milliseconds {get;}
	Property Minutes: int Minutes {get;}
	Property Seconds: int Seconds {get;}
	Property Ticks: long Ticks {get;}
	Property TotalDays: double TotalDays {get;}
	Property TotalHours: double TotalHours {get;}
	Property TotalMilliseconds: double TotalMilliseconds {get;}
	Property TotalMinutes: double TotalMinutes {get;}
	Property TotalSeconds: double TotalSeconds {get;}
	Method Add: timespan Add(timespan ts)
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(timespan value)
	Method Divide: timespan Divide(double divisor) | double Divide(timespan ts)
	Method Duration: timespan Duration()
	Method Equals: bool Equals(System.Object value) | bool Equals(timespan obj)
	Method Multiply: timespan Multiply(double factor)
	Method Negate: timespan Negate()
	Method Subtract: timespan Subtract(timespan ts)
	Method ToString: string ToString() | string ToString(string format) | string ToString(string format, System.IFormatProvider formatProvider)
	Method FromDays: static timespan FromDays(double value)
	Method FromHours: static timespan FromHours(double value)
	Method FromMilliseconds: static timespan FromMilliseconds(double value)
	Method FromMinutes: static timespan FromMinutes(double value)
	Method FromSeconds: static timespan FromSeconds(double value)
	Method FromTicks: static timespan FromTicks(long value)
	Property MaxValue: static timespan MaxValue {get;}
	Property MinValue: static timespan MinValue {get;}
	Property TicksPerDay: static long TicksPerDay {get;}
	Property TicksPerHour: static long TicksPerHour {get;}
	Property TicksPerMinute: static long TicksPerMinute {get;}
	Property TicksPerSecond: static long TicksPerSecond {get;}
	Property Zero: static timespan Zero {get;}
	Method Parse: static timespan Parse(string s) | static timespan Parse(string input, System.IFormatProvider formatProvider)
	Method TryParse: static bool TryParse(string s, [ref] timespan result) | static bool TryParse(string input, System.IFormatProvider formatProvider, [ref] timespan result)
	`},
	}
	for _, more := range []func() map[string]struct{ params, text string }{systemMemberText, valueMemberText, moreMemberText, engineMemberText} {
		for typ, e := range more() {
			m[typ] = e
		}
	}
	return m
}}

// memberDesc is one described member of a type.
type memberDesc struct {
	name, kind string
	static     bool
	overloads  []string
	// params are the type's generic parameter names, in order.
	params []string
}

var memberDescs struct {
	once  sync.Once
	byTyp map[string][]*memberDesc
}

// Described returns the members described for Get-Member of each .NET
// type exosim models, by type full name, as "MemberType Name".
func Described() map[string][]string {
	out := map[string][]string{}
	for typ := range memberText.Get() {
		for _, d := range memberDescriptions(typ) {
			out[typ] = append(out[typ], d.kind+" "+d.name)
		}
	}
	return out
}

// memberDescriptions returns the described members of the type with
// this full name (generic definitions with their `N).
func memberDescriptions(full string) []*memberDesc {
	memberDescs.once.Do(func() {
		memberDescs.byTyp = map[string][]*memberDesc{}
		for typ, e := range memberText.Get() {
			params := strings.Fields(e.params)
			for _, line := range strings.Split(e.text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" {
					continue
				}
				head, defs, _ := strings.Cut(line, ": ")
				kind, name, _ := strings.Cut(head, " ")
				d := &memberDesc{name: name, kind: kind, params: params}
				for _, o := range strings.Split(defs, " | ") {
					d.overloads = append(d.overloads, o)
				}
				d.static = strings.HasPrefix(d.overloads[0], "static ")
				memberDescs.byTyp[typ] = append(memberDescs.byTyp[typ], d)
			}
		}
	})
	return memberDescs.byTyp[full]
}

// definition is the member's definition for the closed type t: the
// overloads that take an argument count within arity, generic
// parameters replaced by t's arguments.
func (d *memberDesc) definition(t *dotnet.TypeInfo, arity [2]int) string {
	var keep []string
	for _, o := range d.overloads {
		if d.kind == "Method" {
			n := overloadParams(o)
			if n < arity[0] || (arity[1] >= 0 && n > arity[1]) {
				continue
			}
		}
		keep = append(keep, d.substitute(o, t))
	}
	if len(keep) == 0 {
		keep = []string{d.substitute(d.overloads[0], t)}
	}
	return strings.Join(keep, ", ")
}

// overloadParams counts the parameters of one overload's text.
func overloadParams(o string) int {
	i := strings.IndexByte(o, '(')
	j := strings.LastIndexByte(o, ')')
	if i < 0 || j <= i+1 {
		return 0
	}
	inner := o[i+1 : j]
	n, depth := 1, 0
	for _, r := range inner {
		switch r {
		case '[':
			depth++
		case ']':
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		}
	}
	return n
}

// substitute replaces the generic parameter names in o with the
// friendly names of t's arguments.
func (d *memberDesc) substitute(o string, t *dotnet.TypeInfo) string {
	if len(d.params) == 0 || t == nil || len(t.Args) != len(d.params) {
		return o
	}
	var b strings.Builder
	isIdent := func(c byte) bool {
		return c == '_' || c == '`' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
	}
	for i := 0; i < len(o); {
		if !isIdent(o[i]) {
			b.WriteByte(o[i])
			i++
			continue
		}
		j := i
		for j < len(o) && isIdent(o[j]) {
			j++
		}
		word := o[i:j]
		replaced := false
		if i == 0 || o[i-1] != '.' {
			for k, p := range d.params {
				if word == p {
					b.WriteString(friendlyTypeName(t.Args[k]))
					replaced = true
					break
				}
			}
		}
		if !replaced {
			b.WriteString(word)
		}
		i = j
	}
	return b.String()
}
