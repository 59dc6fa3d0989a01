package members

import "strings"

// moreMemberText describes the members of Array (whose IList methods
// exist only as the interface's, which PowerShell names so), Regex and
// Match, RuntimeType, the exception
// types, Convert, OrderedDictionary, StringComparer, IntPtr,
// SwitchParameter, WindowsIdentity and AppDomain, in
// memberText's form.
func moreMemberText() map[string]struct{ params, text string } {
	m := map[string]struct{ params, text string }{
		"System.Text.RegularExpressions.Regex": {"", `
	Property Options: System.Text.RegularExpressions.RegexOptions Options {get;}
	Method GetGroupNames: string[] GetGroupNames()
	Method GetGroupNumbers: int[] GetGroupNumbers()
	Method IsMatch: bool IsMatch(string input) | bool IsMatch(string input, int startat)
	Method Match: System.Text.RegularExpressions.Match Match(string input) | System.Text.RegularExpressions.Match Match(string input, int startat) | System.Text.RegularExpressions.Match Match(string input, int beginning, int length)
	Method Matches: System.Text.RegularExpressions.MatchCollection Matches(string input) | System.Text.RegularExpressions.MatchCollection Matches(string input, int startat)
	Method Replace: string Replace(string input, string replacement) | string Replace(string input, string replacement, int count) | string Replace(string input, string replacement, int count, int startat) | string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator) | string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator, int count) | string Replace(string input, System.Text.RegularExpressions.MatchEvaluator evaluator, int count, int startat)
	Method Split: string[] Split(string input) | string[] Split(string input, int count) | string[] Split(string input, int count, int startat)
	Method ToString: string ToString()
	Method Escape: static string Escape(string str)
	Method IsMatch: static bool IsMatch(string input, string pattern) | static bool IsMatch(string input, string pattern, System.Text.RegularExpressions.RegexOptions options) | static bool IsMatch(string input, string pattern, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout)
	Method Match: static System.Text.RegularExpressions.Match Match(string input, string pattern) | static System.Text.RegularExpressions.Match Match(string input, string pattern, System.Text.RegularExpressions.RegexOptions options) | static System.Text.RegularExpressions.Match Match(string input, string pattern, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout)
	Method Matches: static System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern) | static System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern, System.Text.RegularExpressions.RegexOptions options) | static System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout)
	Method Replace: static string Replace(string input, string pattern, string replacement) | static string Replace(string input, string pattern, string replacement, System.Text.RegularExpressions.RegexOptions options) | static string Replace(string input, string pattern, string replacement, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout) | static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator) | static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator, System.Text.RegularExpressions.RegexOptions options) | static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout)
	Method Split: static string[] Split(string input, string pattern) | static string[] Split(string input, string pattern, System.Text.RegularExpressions.RegexOptions options) | static string[] Split(string input, string pattern, System.Text.RegularExpressions.RegexOptions options, timespan matchTimeout)
	Method Unescape: static string Unescape(string str)
	`},
		"System.Text.RegularExpressions.Match": {"", `
	Method NextMatch: System.Text.RegularExpressions.Match NextMatch()
	Method Result: string Result(string replacement)
	Property Empty: static System.Text.RegularExpressions.Match Empty {get;}
	`},
		"System.Collections.Specialized.OrderedDictionary": {"", `
	Property Count: int Count {get;}
	Property IsReadOnly: bool IsReadOnly {get;}
	Property Keys: System.Collections.ICollection Keys {get;}
	Property Values: System.Collections.ICollection Values {get;}
	Method Add: void Add(System.Object key, System.Object value)
	Method AsReadOnly: System.Collections.Specialized.OrderedDictionary AsReadOnly()
	Method Clear: void Clear()
	Method Contains: bool Contains(System.Object key)
	Method GetEnumerator: System.Collections.IDictionaryEnumerator GetEnumerator()
	Method Insert: void Insert(int index, System.Object key, System.Object value)
	Method Remove: void Remove(System.Object key)
	Method RemoveAt: void RemoveAt(int index)
	`},
		"System.StringComparer": {"", `
	Method Compare: int Compare(System.Object x, System.Object y) | int Compare(string x, string y)
	Method Equals: bool Equals(System.Object x, System.Object y) | bool Equals(string x, string y)
	Property CurrentCulture: static System.StringComparer CurrentCulture {get;}
	Property CurrentCultureIgnoreCase: static System.StringComparer CurrentCultureIgnoreCase {get;}
	Property InvariantCulture: static System.StringComparer InvariantCulture {get;}
	Property InvariantCultureIgnoreCase: static System.StringComparer InvariantCultureIgnoreCase {get;}
	Property Ordinal: static System.StringComparer Ordinal {get;}
	Property OrdinalIgnoreCase: static System.StringComparer OrdinalIgnoreCase {get;}
	`},
		"System.IntPtr": {"", `
	Method ToInt64: long ToInt64()
	Property Size: static int Size {get;}
	Property Zero: static System.IntPtr Zero {get;}
	`},
		"System.Management.Automation.SwitchParameter": {"", `
	Property IsPresent: bool IsPresent {get;}
	Method ToBool: bool ToBool()
	Property Present: static switch Present {get;}
	`},
		"System.Security.Principal.WindowsIdentity": {"", `
	Method GetAnonymous: static System.Security.Principal.WindowsIdentity GetAnonymous()
	Method GetCurrent: static System.Security.Principal.WindowsIdentity GetCurrent() | static System.Security.Principal.WindowsIdentity GetCurrent(bool ifImpersonating) | static System.Security.Principal.WindowsIdentity GetCurrent(System.Security.Principal.TokenAccessLevels desiredAccess)
	`},
		"System.AppDomain": {"", `
	Property BaseDirectory: string BaseDirectory {get;}
	Property FriendlyName: string FriendlyName {get;}
	Property Id: int Id {get;}
	Property IsFullyTrusted: bool IsFullyTrusted {get;}
	Method GetAssemblies: System.Reflection.Assembly[] GetAssemblies()
	Property CurrentDomain: static System.AppDomain CurrentDomain {get;}
	`},
		"System.Array": {"", `
	Property IsFixedSize: bool IsFixedSize {get;}
	Property IsReadOnly: bool IsReadOnly {get;}
	Property Length: int Length {get;}
	Property LongLength: long LongLength {get;}
	Property Rank: int Rank {get;}
	Method Add: int IList.Add(System.Object value)
	Method Clear: void IList.Clear()
	Method Clone: System.Object Clone()
	Method Contains: bool IList.Contains(System.Object value)
	Method CopyTo: void CopyTo(array array, int index) | void CopyTo(array array, long index)
	Method GetEnumerator: System.Collections.IEnumerator GetEnumerator()
	Method GetValue: System.Object GetValue(Params int[] indices) | System.Object GetValue(int index) | System.Object GetValue(int index1, int index2) | System.Object GetValue(int index1, int index2, int index3) | System.Object GetValue(long index) | System.Object GetValue(long index1, long index2) | System.Object GetValue(long index1, long index2, long index3) | System.Object GetValue(Params long[] indices)
	Method IndexOf: int IList.IndexOf(System.Object value)
	Method Insert: void IList.Insert(int index, System.Object value)
	Method Remove: void IList.Remove(System.Object value)
	Method RemoveAt: void IList.RemoveAt(int index)
	Method SetValue: void SetValue(System.Object value, int index) | void SetValue(System.Object value, int index1, int index2) | void SetValue(System.Object value, int index1, int index2, int index3) | void SetValue(System.Object value, Params int[] indices) | void SetValue(System.Object value, long index) | void SetValue(System.Object value, long index1, long index2) | void SetValue(System.Object value, long index1, long index2, long index3) | void SetValue(System.Object value, Params long[] indices)
	Method ToString: string ToString()
	Method Clear: static void Clear(array array) | static void Clear(array array, int index, int length)
	Method Copy: static void Copy(array sourceArray, array destinationArray, long length) | static void Copy(array sourceArray, long sourceIndex, array destinationArray, long destinationIndex, long length) | static void Copy(array sourceArray, array destinationArray, int length) | static void Copy(array sourceArray, int sourceIndex, array destinationArray, int destinationIndex, int length)
	Method CreateInstance: static array CreateInstance(type elementType, int length) | static array CreateInstance(type elementType, int length1, int length2) | static array CreateInstance(type elementType, int length1, int length2, int length3) | static array CreateInstance(type elementType, Params int[] lengths) | static array CreateInstance(type elementType, int[] lengths, int[] lowerBounds) | static array CreateInstance(type elementType, Params long[] lengths)
	Method Exists: static bool Exists[T](T[] array, System.Predicate[T] match)
	Method Find: static T Find[T](T[] array, System.Predicate[T] match)
	Method FindAll: static T[] FindAll[T](T[] array, System.Predicate[T] match)
	Method IndexOf: static int IndexOf(array array, System.Object value) | static int IndexOf(array array, System.Object value, int startIndex) | static int IndexOf(array array, System.Object value, int startIndex, int count) | static int IndexOf[T](T[] array, T value) | static int IndexOf[T](T[] array, T value, int startIndex) | static int IndexOf[T](T[] array, T value, int startIndex, int count)
	Method LastIndexOf: static int LastIndexOf(array array, System.Object value) | static int LastIndexOf(array array, System.Object value, int startIndex) | static int LastIndexOf(array array, System.Object value, int startIndex, int count) | static int LastIndexOf[T](T[] array, T value) | static int LastIndexOf[T](T[] array, T value, int startIndex) | static int LastIndexOf[T](T[] array, T value, int startIndex, int count)
	Method Resize: static void Resize[T]([ref] T[] array, int newSize)
	Method Reverse: static void Reverse(array array) | static void Reverse(array array, int index, int length) | static void Reverse[T](T[] array) | static void Reverse[T](T[] array, int index, int length)
	Method Sort: static void Sort(array array) | static void Sort(array keys, array items) | static void Sort(array array, int index, int length) | static void Sort(array keys, array items, int index, int length) | static void Sort(array array, System.Collections.IComparer comparer) | static void Sort(array keys, array items, System.Collections.IComparer comparer) | static void Sort[T](T[] array) | static void Sort[T](T[] array, System.Collections.Generic.IComparer[T] comparer) | static void Sort[T](T[] array, System.Comparison[T] comparison) | static void Sort[TKey, TValue](TKey[] keys, TValue[] items)
	`},
		"System.RuntimeType": {"", `
	Property BaseType: type BaseType {get;}
	Property FullName: string FullName {get;}
	Property IsArray: bool IsArray {get;}
	Property IsEnum: bool IsEnum {get;}
	Property IsGenericType: bool IsGenericType {get;}
	Property IsPublic: bool IsPublic {get;}
	Property IsSerializable: bool IsSerializable {get;}
	Property IsValueType: bool IsValueType {get;}
	Property Name: string Name {get;}
	Property Namespace: string Namespace {get;}
	Property UnderlyingSystemType: type UnderlyingSystemType {get;}
	Method Equals: bool Equals(System.Object obj) | bool Equals(type o)
	Method GetElementType: type GetElementType()
	Method GetEnumNames: string[] GetEnumNames()
	Method GetEnumValues: array GetEnumValues()
	Method GetGenericArguments: type[] GetGenericArguments()
	Method IsInstanceOfType: bool IsInstanceOfType(System.Object o)
	Method ToString: string ToString()
	`},
		"System.Convert": {"", `
	Method FromBase64String: static byte[] FromBase64String(string s)
	Method ToBase64String: static string ToBase64String(byte[] inArray) | static string ToBase64String(byte[] inArray, System.Base64FormattingOptions options) | static string ToBase64String(byte[] inArray, int offset, int length) | static string ToBase64String(byte[] inArray, int offset, int length, System.Base64FormattingOptions options)
	Method ToBoolean: static bool ToBoolean(System.Object value) | static bool ToBoolean(System.Object value, System.IFormatProvider provider) | static bool ToBoolean(bool value) | static bool ToBoolean(sbyte value) | static bool ToBoolean(char value) | static bool ToBoolean(byte value) | static bool ToBoolean(short value) | static bool ToBoolean(ushort value) | static bool ToBoolean(int value) | static bool ToBoolean(uint value) | static bool ToBoolean(long value) | static bool ToBoolean(ulong value) | static bool ToBoolean(string value) | static bool ToBoolean(string value, System.IFormatProvider provider) | static bool ToBoolean(float value) | static bool ToBoolean(double value) | static bool ToBoolean(decimal value) | static bool ToBoolean(datetime value)
	Method ToDateTime: static datetime ToDateTime(datetime value) | static datetime ToDateTime(System.Object value) | static datetime ToDateTime(System.Object value, System.IFormatProvider provider) | static datetime ToDateTime(string value) | static datetime ToDateTime(string value, System.IFormatProvider provider)
	Method ToString: static string ToString(System.Object value) | static string ToString(System.Object value, System.IFormatProvider provider) | static string ToString(bool value) | static string ToString(char value) | static string ToString(int value) | static string ToString(long value) | static string ToString(double value) | static string ToString(decimal value) | static string ToString(datetime value) | static string ToString(string value) | static string ToString(byte value, int toBase) | static string ToString(short value, int toBase) | static string ToString(int value, int toBase) | static string ToString(long value, int toBase)
	`},
	}
	convert := m["System.Convert"]
	for _, t := range []struct {
		method, name string
		fromBase     bool
	}{
		{"ToByte", "byte", true}, {"ToChar", "char", false}, {"ToDecimal", "decimal", false}, {"ToDouble", "double", false},
		{"ToInt16", "short", true}, {"ToInt32", "int", true}, {"ToInt64", "long", true}, {"ToSByte", "sbyte", true},
		{"ToSingle", "float", false}, {"ToUInt16", "ushort", true}, {"ToUInt32", "uint", true}, {"ToUInt64", "ulong", true},
	} {
		var defs []string
		for _, p := range []string{"System.Object value", "System.Object value, System.IFormatProvider provider", "bool value", "char value",
			"sbyte value", "byte value", "short value", "ushort value", "int value", "uint value", "long value", "ulong value",
			"float value", "double value", "decimal value", "string value", "string value, System.IFormatProvider provider", "datetime value"} {
			defs = append(defs, "static "+t.name+" "+t.method+"("+p+")")
		}
		if t.fromBase {
			defs = append(defs, "static "+t.name+" "+t.method+"(string value, int fromBase)")
		}
		convert.text += "\tMethod " + t.method + ": " + strings.Join(defs, " | ") + "\n"
	}
	m["System.Convert"] = convert
	// the exception types exosim models each have System.Exception's
	// Message, InnerException and ToString
	for _, e := range []string{
		"System.Exception", "System.SystemException", "System.ApplicationException",
		"System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
		"System.InvalidOperationException", "System.NotSupportedException", "System.NotImplementedException",
		"System.FormatException", "System.TimeoutException", "System.UnauthorizedAccessException",
		"System.IO.IOException", "System.IO.FileNotFoundException", "System.IO.DirectoryNotFoundException",
		"System.Management.Automation.RuntimeException", "System.Management.Automation.ItemNotFoundException",
	} {
		m[e] = struct{ params, text string }{"", `
	Property InnerException: System.Exception InnerException {get;}
	Property Message: string Message {get;}
	Method ToString: string ToString()
	`}
	}
	return m
}
