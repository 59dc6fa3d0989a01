package members

import "strings"

// valueMemberText describes the members of the numeric types, Boolean,
// Char, Math, BitConverter, Version, TimeZoneInfo, Uri, Encoding,
// ScriptBlock and the System.IO file statics, in memberText's form.
func valueMemberText() map[string]struct{ params, text string } {
	m := map[string]struct{ params, text string }{
		"System.Boolean": {"", `
	Method CompareTo: int CompareTo(System.Object obj) | int CompareTo(bool value)
	Property FalseString: static string FalseString {get;}
	Property TrueString: static string TrueString {get;}
	Method Parse: static bool Parse(string value)
	Method TryParse: static bool TryParse(string value, [ref] bool result)
	`},
		"System.Char": {"", `
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(char value)
	Method ToString: string ToString() | string ToString(System.IFormatProvider provider)
	Property MaxValue: static char MaxValue {get;}
	Property MinValue: static char MinValue {get;}
	Method ConvertFromUtf32: static string ConvertFromUtf32(int utf32)
	Method GetNumericValue: static double GetNumericValue(char c) | static double GetNumericValue(string s, int index)
	Method IsAsciiDigit: static bool IsAsciiDigit(char c)
	Method IsAsciiLetter: static bool IsAsciiLetter(char c)
	Method IsControl: static bool IsControl(char c) | static bool IsControl(string s, int index)
	Method IsDigit: static bool IsDigit(char c) | static bool IsDigit(string s, int index)
	Method IsHighSurrogate: static bool IsHighSurrogate(char c) | static bool IsHighSurrogate(string s, int index)
	Method IsLetter: static bool IsLetter(char c) | static bool IsLetter(string s, int index)
	Method IsLetterOrDigit: static bool IsLetterOrDigit(char c) | static bool IsLetterOrDigit(string s, int index)
	Method IsLower: static bool IsLower(char c) | static bool IsLower(string s, int index)
	Method IsLowSurrogate: static bool IsLowSurrogate(char c) | static bool IsLowSurrogate(string s, int index)
	Method IsNumber: static bool IsNumber(char c) | static bool IsNumber(string s, int index)
	Method IsPunctuation: static bool IsPunctuation(char c) | static bool IsPunctuation(string s, int index)
	Method IsSeparator: static bool IsSeparator(char c) | static bool IsSeparator(string s, int index)
	Method IsSurrogate: static bool IsSurrogate(char c) | static bool IsSurrogate(string s, int index)
	Method IsSymbol: static bool IsSymbol(char c) | static bool IsSymbol(string s, int index)
	Method IsUpper: static bool IsUpper(char c) | static bool IsUpper(string s, int index)
	Method IsWhiteSpace: static bool IsWhiteSpace(char c) | static bool IsWhiteSpace(string s, int index)
	Method ToLower: static char ToLower(char c, cultureinfo culture) | static char ToLower(char c)
	Method ToLowerInvariant: static char ToLowerInvariant(char c)
	Method ToUpper: static char ToUpper(char c, cultureinfo culture) | static char ToUpper(char c)
	Method ToUpperInvariant: static char ToUpperInvariant(char c)
	`},
		"System.Math": {"", `
	Property E: static double E {get;}
	Property PI: static double PI {get;}
	Property Tau: static double Tau {get;}
	Method Abs: static short Abs(short value) | static int Abs(int value) | static long Abs(long value) | static System.IntPtr Abs(System.IntPtr value) | static sbyte Abs(sbyte value) | static decimal Abs(decimal value) | static double Abs(double value) | static float Abs(float value)
	Method Acos: static double Acos(double d)
	Method Asin: static double Asin(double d)
	Method Atan: static double Atan(double d)
	Method Atan2: static double Atan2(double y, double x)
	Method Cbrt: static double Cbrt(double d)
	Method Ceiling: static double Ceiling(double a) | static decimal Ceiling(decimal d)
	Method Clamp: static byte Clamp(byte value, byte min, byte max) | static decimal Clamp(decimal value, decimal min, decimal max) | static double Clamp(double value, double min, double max) | static short Clamp(short value, short min, short max) | static int Clamp(int value, int min, int max) | static long Clamp(long value, long min, long max) | static sbyte Clamp(sbyte value, sbyte min, sbyte max) | static float Clamp(float value, float min, float max) | static ushort Clamp(ushort value, ushort min, ushort max) | static uint Clamp(uint value, uint min, uint max) | static ulong Clamp(ulong value, ulong min, ulong max)
	Method Cos: static double Cos(double d)
	Method DivRem: static int DivRem(int a, int b, [ref] int result) | static long DivRem(long a, long b, [ref] long result) | static System.ValueTuple[byte,byte] DivRem(byte left, byte right) | static System.ValueTuple[sbyte,sbyte] DivRem(sbyte left, sbyte right) | static System.ValueTuple[short,short] DivRem(short left, short right) | static System.ValueTuple[ushort,ushort] DivRem(ushort left, ushort right) | static System.ValueTuple[int,int] DivRem(int left, int right) | static System.ValueTuple[uint,uint] DivRem(uint left, uint right) | static System.ValueTuple[long,long] DivRem(long left, long right) | static System.ValueTuple[ulong,ulong] DivRem(ulong left, ulong right) | static System.ValueTuple[System.IntPtr,System.IntPtr] DivRem(System.IntPtr left, System.IntPtr right) | static System.ValueTuple[System.UIntPtr,System.UIntPtr] DivRem(System.UIntPtr left, System.UIntPtr right)
	Method Exp: static double Exp(double d)
	Method Floor: static double Floor(double d) | static decimal Floor(decimal d)
	Method Log: static double Log(double d) | static double Log(double a, double newBase)
	Method Log10: static double Log10(double d)
	Method Log2: static double Log2(double x)
	Method Max: static byte Max(byte val1, byte val2) | static decimal Max(decimal val1, decimal val2) | static double Max(double val1, double val2) | static short Max(short val1, short val2) | static int Max(int val1, int val2) | static long Max(long val1, long val2) | static sbyte Max(sbyte val1, sbyte val2) | static float Max(float val1, float val2) | static ushort Max(ushort val1, ushort val2) | static uint Max(uint val1, uint val2) | static ulong Max(ulong val1, ulong val2)
	Method Min: static byte Min(byte val1, byte val2) | static decimal Min(decimal val1, decimal val2) | static double Min(double val1, double val2) | static short Min(short val1, short val2) | static int Min(int val1, int val2) | static long Min(long val1, long val2) | static sbyte Min(sbyte val1, sbyte val2) | static float Min(float val1, float val2) | static ushort Min(ushort val1, ushort val2) | static uint Min(uint val1, uint val2) | static ulong Min(ulong val1, ulong val2)
	Method Pow: static double Pow(double x, double y)
	Method Round: static decimal Round(decimal d) | static decimal Round(decimal d, int decimals) | static decimal Round(decimal d, System.MidpointRounding mode) | static decimal Round(decimal d, int decimals, System.MidpointRounding mode) | static double Round(double a) | static double Round(double value, int digits) | static double Round(double value, System.MidpointRounding mode) | static double Round(double value, int digits, System.MidpointRounding mode)
	Method Sign: static int Sign(decimal value) | static int Sign(double value) | static int Sign(short value) | static int Sign(int value) | static int Sign(long value) | static int Sign(System.IntPtr value) | static int Sign(sbyte value) | static int Sign(float value)
	Method Sin: static double Sin(double a)
	Method Sqrt: static double Sqrt(double d)
	Method Tan: static double Tan(double a)
	Method Truncate: static decimal Truncate(decimal d) | static double Truncate(double d)
	`},
		"System.BitConverter": {"", `
	Property IsLittleEndian: static bool IsLittleEndian {get;}
	Method GetBytes: static byte[] GetBytes(bool value) | static byte[] GetBytes(char value) | static byte[] GetBytes(double value) | static byte[] GetBytes(System.Half value) | static byte[] GetBytes(System.Int128 value) | static byte[] GetBytes(short value) | static byte[] GetBytes(int value) | static byte[] GetBytes(long value) | static byte[] GetBytes(float value) | static byte[] GetBytes(System.UInt128 value) | static byte[] GetBytes(ushort value) | static byte[] GetBytes(uint value) | static byte[] GetBytes(ulong value)
	Method ToBoolean: static bool ToBoolean(byte[] value, int startIndex) | static bool ToBoolean(System.ReadOnlySpan[byte] value)
	Method ToChar: static char ToChar(byte[] value, int startIndex) | static char ToChar(System.ReadOnlySpan[byte] value)
	Method ToDouble: static double ToDouble(byte[] value, int startIndex) | static double ToDouble(System.ReadOnlySpan[byte] value)
	Method ToInt16: static short ToInt16(byte[] value, int startIndex) | static short ToInt16(System.ReadOnlySpan[byte] value)
	Method ToInt32: static int ToInt32(byte[] value, int startIndex) | static int ToInt32(System.ReadOnlySpan[byte] value)
	Method ToInt64: static long ToInt64(byte[] value, int startIndex) | static long ToInt64(System.ReadOnlySpan[byte] value)
	Method ToSingle: static float ToSingle(byte[] value, int startIndex) | static float ToSingle(System.ReadOnlySpan[byte] value)
	Method ToString: static string ToString(byte[] value) | static string ToString(byte[] value, int startIndex) | static string ToString(byte[] value, int startIndex, int length)
	Method ToUInt16: static ushort ToUInt16(byte[] value, int startIndex) | static ushort ToUInt16(System.ReadOnlySpan[byte] value)
	Method ToUInt32: static uint ToUInt32(byte[] value, int startIndex) | static uint ToUInt32(System.ReadOnlySpan[byte] value)
	Method ToUInt64: static ulong ToUInt64(byte[] value, int startIndex) | static ulong ToUInt64(System.ReadOnlySpan[byte] value)
	`},
		"System.Version": {"", `
	Property MajorRevision: short MajorRevision {get;}
	Property MinorRevision: short MinorRevision {get;}
	Method CompareTo: int CompareTo(System.Object version) | int CompareTo(version value)
	`},
		"System.TimeZoneInfo": {"", `
	Method GetUtcOffset: timespan GetUtcOffset(System.DateTimeOffset dateTimeOffset) | timespan GetUtcOffset(datetime dateTime)
	Method IsDaylightSavingTime: bool IsDaylightSavingTime(System.DateTimeOffset dateTimeOffset) | bool IsDaylightSavingTime(datetime dateTime)
	Property Local: static System.TimeZoneInfo Local {get;}
	Property Utc: static System.TimeZoneInfo Utc {get;}
	Method ConvertTime: static System.DateTimeOffset ConvertTime(System.DateTimeOffset dateTimeOffset, System.TimeZoneInfo destinationTimeZone) | static datetime ConvertTime(datetime dateTime, System.TimeZoneInfo destinationTimeZone) | static datetime ConvertTime(datetime dateTime, System.TimeZoneInfo sourceTimeZone, System.TimeZoneInfo destinationTimeZone)
	Method ConvertTimeFromUtc: static datetime ConvertTimeFromUtc(datetime dateTime, System.TimeZoneInfo destinationTimeZone)
	Method ConvertTimeToUtc: static datetime ConvertTimeToUtc(datetime dateTime) | static datetime ConvertTimeToUtc(datetime dateTime, System.TimeZoneInfo sourceTimeZone)
	Method FindSystemTimeZoneById: static System.TimeZoneInfo FindSystemTimeZoneById(string id)
	`},
		"System.Uri": {"", `
	Method EscapeDataString: static string EscapeDataString(string stringToEscape)
	Method UnescapeDataString: static string UnescapeDataString(string stringToUnescape)
	`},
		"System.Text.Encoding": {"", `
	Property EncodingName: string EncodingName {get;}
	Property WebName: string WebName {get;}
	Method GetBytes: byte[] GetBytes(char[] chars) | byte[] GetBytes(string s)
	Method GetString: string GetString(byte[] bytes) | string GetString(byte[] bytes, int index, int count)
	Property ASCII: static System.Text.Encoding ASCII {get;}
	Property Default: static System.Text.Encoding Default {get;}
	Property Unicode: static System.Text.Encoding Unicode {get;}
	Property UTF8: static System.Text.Encoding UTF8 {get;}
	Method GetEncoding: static System.Text.Encoding GetEncoding(int codepage) | static System.Text.Encoding GetEncoding(string name)
	`},
		"System.Management.Automation.ScriptBlock": {"", `
	Property Module: psmoduleinfo Module {get;}
	Method GetNewClosure: scriptblock GetNewClosure()
	Method Invoke: System.Collections.ObjectModel.Collection[psobject] Invoke(Params System.Object[] args)
	Method InvokeReturnAsIs: System.Object InvokeReturnAsIs(Params System.Object[] args)
	Method InvokeWithContext: System.Collections.ObjectModel.Collection[psobject] InvokeWithContext(System.Collections.IDictionary functionsToDefine, System.Collections.Generic.List[psvariable] variablesToDefine, Params System.Object[] args) | System.Collections.ObjectModel.Collection[psobject] InvokeWithContext(System.Collections.Generic.Dictionary[string,scriptblock] functionsToDefine, System.Collections.Generic.List[psvariable] variablesToDefine, Params System.Object[] args)
	Method ToString: string ToString()
	Method Create: static scriptblock Create(string script)
	`},
		"System.IO.Path": {"", `
	Property AltDirectorySeparatorChar: static char AltDirectorySeparatorChar {get;}
	Property DirectorySeparatorChar: static char DirectorySeparatorChar {get;}
	Property PathSeparator: static char PathSeparator {get;}
	Property VolumeSeparatorChar: static char VolumeSeparatorChar {get;}
	Method ChangeExtension: static string ChangeExtension(string path, string extension)
	Method Combine: static string Combine(string path1, string path2) | static string Combine(string path1, string path2, string path3) | static string Combine(string path1, string path2, string path3, string path4) | static string Combine(Params string[] paths)
	Method GetDirectoryName: static string GetDirectoryName(string path)
	Method GetExtension: static string GetExtension(string path)
	Method GetFileName: static string GetFileName(string path)
	Method GetFileNameWithoutExtension: static string GetFileNameWithoutExtension(string path)
	Method GetFullPath: static string GetFullPath(string path) | static string GetFullPath(string path, string basePath)
	Method GetInvalidFileNameChars: static char[] GetInvalidFileNameChars()
	Method GetInvalidPathChars: static char[] GetInvalidPathChars()
	Method GetPathRoot: static string GetPathRoot(string path)
	Method GetRandomFileName: static string GetRandomFileName()
	Method GetTempFileName: static string GetTempFileName()
	Method GetTempPath: static string GetTempPath()
	Method HasExtension: static bool HasExtension(string path)
	Method IsPathFullyQualified: static bool IsPathFullyQualified(string path)
	Method IsPathRooted: static bool IsPathRooted(string path)
	Method Join: static string Join(string path1, string path2) | static string Join(string path1, string path2, string path3) | static string Join(string path1, string path2, string path3, string path4) | static string Join(Params string[] paths)
	`},
		"System.IO.File": {"", `
	Method AppendAllLines: static void AppendAllLines(string path, System.Collections.Generic.IEnumerable[string] contents) | static void AppendAllLines(string path, System.Collections.Generic.IEnumerable[string] contents, System.Text.Encoding encoding)
	Method AppendAllText: static void AppendAllText(string path, string contents) | static void AppendAllText(string path, string contents, System.Text.Encoding encoding)
	Method Copy: static void Copy(string sourceFileName, string destFileName) | static void Copy(string sourceFileName, string destFileName, bool overwrite)
	Method Delete: static void Delete(string path)
	Method Exists: static bool Exists(string path)
	Method GetLastWriteTime: static datetime GetLastWriteTime(string path)
	Method Move: static void Move(string sourceFileName, string destFileName) | static void Move(string sourceFileName, string destFileName, bool overwrite)
	Method ReadAllBytes: static byte[] ReadAllBytes(string path)
	Method ReadAllLines: static string[] ReadAllLines(string path) | static string[] ReadAllLines(string path, System.Text.Encoding encoding)
	Method ReadAllText: static string ReadAllText(string path) | static string ReadAllText(string path, System.Text.Encoding encoding)
	Method ReadLines: static System.Collections.Generic.IEnumerable[string] ReadLines(string path) | static System.Collections.Generic.IEnumerable[string] ReadLines(string path, System.Text.Encoding encoding)
	Method WriteAllBytes: static void WriteAllBytes(string path, byte[] bytes)
	Method WriteAllLines: static void WriteAllLines(string path, string[] contents) | static void WriteAllLines(string path, System.Collections.Generic.IEnumerable[string] contents) | static void WriteAllLines(string path, string[] contents, System.Text.Encoding encoding) | static void WriteAllLines(string path, System.Collections.Generic.IEnumerable[string] contents, System.Text.Encoding encoding)
	Method WriteAllText: static void WriteAllText(string path, string contents) | static void WriteAllText(string path, string contents, System.Text.Encoding encoding)
	`},
		"System.IO.Directory": {"", `
	Method CreateDirectory: static System.IO.DirectoryInfo CreateDirectory(string path)
	Method Delete: static void Delete(string path) | static void Delete(string path, bool recursive)
	Method Exists: static bool Exists(string path)
	Method GetCurrentDirectory: static string GetCurrentDirectory()
	Method GetDirectories: static string[] GetDirectories(string path) | static string[] GetDirectories(string path, string searchPattern) | static string[] GetDirectories(string path, string searchPattern, System.IO.SearchOption searchOption) | static string[] GetDirectories(string path, string searchPattern, System.IO.EnumerationOptions enumerationOptions)
	Method GetFiles: static string[] GetFiles(string path) | static string[] GetFiles(string path, string searchPattern) | static string[] GetFiles(string path, string searchPattern, System.IO.SearchOption searchOption) | static string[] GetFiles(string path, string searchPattern, System.IO.EnumerationOptions enumerationOptions)
	`},
	}
	// every numeric type has values of its own, so each is described
	// with its instance members
	for _, n := range []struct {
		full, name, equalsParam string
	}{
		{"System.Byte", "byte", "obj"}, {"System.SByte", "sbyte", "obj"}, {"System.Int16", "short", "obj"},
		{"System.UInt16", "ushort", "obj"}, {"System.Int32", "int", "obj"}, {"System.UInt32", "uint", "obj"},
		{"System.Int64", "long", "obj"}, {"System.UInt64", "ulong", "obj"}, {"System.Single", "float", "obj"},
		{"System.Double", "double", "obj"}, {"System.Decimal", "decimal", "value"},
	} {
		m[n.full] = struct{ params, text string }{"", numberMemberText(n.name, n.equalsParam)}
	}
	// BigInteger has no MaxValue or MinValue; it compares and equates
	// with Int64 and UInt64 besides itself, and has properties of its own
	m["System.Numerics.BigInteger"] = struct{ params, text string }{"", `
	Method CompareTo: int CompareTo(long other) | int CompareTo(ulong other) | int CompareTo(bigint other) | int CompareTo(System.Object obj)
	Method Equals: bool Equals(System.Object obj) | bool Equals(long other) | bool Equals(ulong other) | bool Equals(bigint other)
	Method ToString: string ToString() | string ToString(System.IFormatProvider provider) | string ToString(string format) | string ToString(string format, System.IFormatProvider provider)
	Property IsEven: bool IsEven {get;}
	Property IsOne: bool IsOne {get;}
	Property IsPowerOfTwo: bool IsPowerOfTwo {get;}
	Property IsZero: bool IsZero {get;}
	Property Sign: int Sign {get;}
	Property MinusOne: static bigint MinusOne {get;}
	Property One: static bigint One {get;}
	Property Zero: static bigint Zero {get;}
	`}
	m["System.Double"] = struct{ params, text string }{"", m["System.Double"].text + `
	Property Epsilon: static double Epsilon {get;}
	Property NaN: static double NaN {get;}
	Property NegativeInfinity: static double NegativeInfinity {get;}
	Property PositiveInfinity: static double PositiveInfinity {get;}
	Method IsInfinity: static bool IsInfinity(double d)
	Method IsNaN: static bool IsNaN(double d)
	`}
	return m
}

// numberMemberText describes the members every numeric type has, for the
// type PowerShell names t; equalsParam is the name .NET gives the
// parameter of Equals(Object).
func numberMemberText(t, equalsParam string) string {
	text := `
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(@T value)
	Method Equals: bool Equals(System.Object @P) | bool Equals(@T @P)
	Method ToString: string ToString() | string ToString(string format) | string ToString(System.IFormatProvider provider) | string ToString(string format, System.IFormatProvider provider)
	Property MaxValue: static @T MaxValue {get;}
	Property MinValue: static @T MinValue {get;}
	Method Parse: static @T Parse(string s) | static @T Parse(string s, System.Globalization.NumberStyles style) | static @T Parse(string s, System.IFormatProvider provider) | static @T Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)
	Method TryParse: static bool TryParse(string s, [ref] @T result) | static bool TryParse(string s, System.IFormatProvider provider, [ref] @T result) | static bool TryParse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider, [ref] @T result)
	`
	return strings.NewReplacer("@T", t, "@P", equalsParam).Replace(text)
}
