package members

// systemMemberText describes the members of the System, System.IO,
// System.Globalization and interop types exosim models, in memberText's
// form: "Kind Name: definition | definition ...". Fields (MaxValue,
// UnixEpoch, SystemDefaultCharSize) are listed as PowerShell lists
// them, as properties; a read-only field is {get;}. Only the overloads
// .NET has are named, and span overloads are left out.
func systemMemberText() map[string]struct{ params, text string } {
	return map[string]struct{ params, text string }{
		"System.DateTimeOffset": {"", `
	Property Date: datetime Date {get;}
	Property DateTime: datetime DateTime {get;}
	Property Day: int Day {get;}
	Property DayOfWeek: System.DayOfWeek DayOfWeek {get;}
	Property DayOfYear: int DayOfYear {get;}
	Property Hour: int Hour {get;}
	Property LocalDateTime: datetime LocalDateTime {get;}
	Property Millisecond: int Millisecond {get;}
	Property Minute: int Minute {get;}
	Property Month: int Month {get;}
	Property Offset: timespan Offset {get;}
	Property Second: int Second {get;}
	Property Ticks: long Ticks {get;}
	Property TimeOfDay: timespan TimeOfDay {get;}
	Property TotalOffsetMinutes: int TotalOffsetMinutes {get;}
	Property UtcDateTime: datetime UtcDateTime {get;}
	Property UtcTicks: long UtcTicks {get;}
	Property Year: int Year {get;}
	Method Add: System.DateTimeOffset Add(timespan timeSpan)
	Method AddDays: System.DateTimeOffset AddDays(double days)
	Method AddHours: System.DateTimeOffset AddHours(double hours)
	Method AddMilliseconds: System.DateTimeOffset AddMilliseconds(double milliseconds)
	Method AddMinutes: System.DateTimeOffset AddMinutes(double minutes)
	Method AddSeconds: System.DateTimeOffset AddSeconds(double seconds)
	Method Subtract: timespan Subtract(System.DateTimeOffset value) | System.DateTimeOffset Subtract(timespan value)
	Method ToLocalTime: System.DateTimeOffset ToLocalTime()
	Method ToOffset: System.DateTimeOffset ToOffset(timespan offset)
	Method ToString: string ToString() | string ToString(string format) | string ToString(System.IFormatProvider formatProvider) | string ToString(string format, System.IFormatProvider formatProvider)
	Method ToUniversalTime: System.DateTimeOffset ToUniversalTime()
	Method ToUnixTimeMilliseconds: long ToUnixTimeMilliseconds()
	Method ToUnixTimeSeconds: long ToUnixTimeSeconds()
	Property MaxValue: static System.DateTimeOffset MaxValue {get;}
	Property MinValue: static System.DateTimeOffset MinValue {get;}
	Property Now: static System.DateTimeOffset Now {get;}
	Property UnixEpoch: static System.DateTimeOffset UnixEpoch {get;}
	Property UtcNow: static System.DateTimeOffset UtcNow {get;}
	Method FromUnixTimeMilliseconds: static System.DateTimeOffset FromUnixTimeMilliseconds(long milliseconds)
	Method FromUnixTimeSeconds: static System.DateTimeOffset FromUnixTimeSeconds(long seconds)
	Method Parse: static System.DateTimeOffset Parse(string input) | static System.DateTimeOffset Parse(string input, System.IFormatProvider formatProvider) | static System.DateTimeOffset Parse(string input, System.IFormatProvider formatProvider, System.Globalization.DateTimeStyles styles)
	Method TryParse: static bool TryParse(string input, [ref] System.DateTimeOffset result) | static bool TryParse(string s, System.IFormatProvider provider, [ref] System.DateTimeOffset result) | static bool TryParse(string input, System.IFormatProvider formatProvider, System.Globalization.DateTimeStyles styles, [ref] System.DateTimeOffset result)
	`},
		"System.IO.StreamReader": {"", `
	Property BaseStream: System.IO.Stream BaseStream {get;}
	Property EndOfStream: bool EndOfStream {get;}
	Method Close: void Close()
	Method DiscardBufferedData: void DiscardBufferedData()
	Method Dispose: void Dispose()
	Method Peek: int Peek()
	Method Read: int Read() | int Read(char[] buffer, int index, int count)
	Method ReadLine: string ReadLine()
	Method ReadToEnd: string ReadToEnd()
	`},
		"System.IO.FileStream": {"", `
	Property CanRead: bool CanRead {get;}
	Property CanSeek: bool CanSeek {get;}
	Property CanWrite: bool CanWrite {get;}
	Property Length: long Length {get;}
	Property Name: string Name {get;}
	Property Position: long Position {get;set;}
	Method Close: void Close()
	Method Dispose: void Dispose()
	Method Seek: long Seek(long offset, System.IO.SeekOrigin origin)
	`},
		"System.Globalization.CultureInfo": {"", `
	Property DateTimeFormat: System.Globalization.DateTimeFormatInfo DateTimeFormat {get;set;}
	Property DisplayName: string DisplayName {get;}
	Property LCID: int LCID {get;}
	Property Name: string Name {get;}
	Property NumberFormat: System.Globalization.NumberFormatInfo NumberFormat {get;set;}
	Property TextInfo: System.Globalization.TextInfo TextInfo {get;}
	Method ToString: string ToString()
	Property CurrentCulture: static cultureinfo CurrentCulture {get;set;}
	Property CurrentUICulture: static cultureinfo CurrentUICulture {get;set;}
	Property InvariantCulture: static cultureinfo InvariantCulture {get;}
	Method CreateSpecificCulture: static cultureinfo CreateSpecificCulture(string name)
	Method GetCultureInfo: static cultureinfo GetCultureInfo(int culture) | static cultureinfo GetCultureInfo(string name) | static cultureinfo GetCultureInfo(string name, string altName) | static cultureinfo GetCultureInfo(string name, bool predefinedOnly)
	`},
		"System.Globalization.TextInfo": {"", `
	Property CultureName: string CultureName {get;}
	Property ListSeparator: string ListSeparator {get;set;}
	Method ToLower: char ToLower(char c) | string ToLower(string str)
	Method ToTitleCase: string ToTitleCase(string str)
	Method ToUpper: char ToUpper(char c) | string ToUpper(string str)
	`},
		"System.Console": {"", `
	Property BackgroundColor: static System.ConsoleColor BackgroundColor {get;set;}
	Property BufferHeight: static int BufferHeight {get;set;}
	Property BufferWidth: static int BufferWidth {get;set;}
	Property CursorVisible: static bool CursorVisible {get;set;}
	Property ForegroundColor: static System.ConsoleColor ForegroundColor {get;set;}
	Property InputEncoding: static System.Text.Encoding InputEncoding {get;set;}
	Property IsInputRedirected: static bool IsInputRedirected {get;}
	Property IsOutputRedirected: static bool IsOutputRedirected {get;}
	Property OutputEncoding: static System.Text.Encoding OutputEncoding {get;set;}
	Property Title: static string Title {get;set;}
	Property WindowHeight: static int WindowHeight {get;set;}
	Property WindowWidth: static int WindowWidth {get;set;}
	Method Beep: static void Beep() | static void Beep(int frequency, int duration)
	Method Clear: static void Clear()
	Method ReadKey: static System.ConsoleKeyInfo ReadKey() | static System.ConsoleKeyInfo ReadKey(bool intercept)
	Method ReadLine: static string ReadLine()
	Method ResetColor: static void ResetColor()
	Method Write: static void Write(string format, System.Object arg0) | static void Write(string format, System.Object arg0, System.Object arg1) | static void Write(string format, System.Object arg0, System.Object arg1, System.Object arg2) | static void Write(string format, Params System.Object[] arg) | static void Write(bool value) | static void Write(char value) | static void Write(char[] buffer) | static void Write(char[] buffer, int index, int count) | static void Write(double value) | static void Write(decimal value) | static void Write(float value) | static void Write(int value) | static void Write(uint value) | static void Write(long value) | static void Write(ulong value) | static void Write(System.Object value) | static void Write(string value)
	Method WriteLine: static void WriteLine() | static void WriteLine(bool value) | static void WriteLine(char value) | static void WriteLine(char[] buffer) | static void WriteLine(char[] buffer, int index, int count) | static void WriteLine(decimal value) | static void WriteLine(double value) | static void WriteLine(float value) | static void WriteLine(int value) | static void WriteLine(uint value) | static void WriteLine(long value) | static void WriteLine(ulong value) | static void WriteLine(System.Object value) | static void WriteLine(string value) | static void WriteLine(string format, System.Object arg0) | static void WriteLine(string format, System.Object arg0, System.Object arg1) | static void WriteLine(string format, System.Object arg0, System.Object arg1, System.Object arg2) | static void WriteLine(string format, Params System.Object[] arg)
	`},
		"System.Net.WebUtility": {"", `
	Method HtmlDecode: static string HtmlDecode(string value) | static void HtmlDecode(string value, System.IO.TextWriter output)
	Method HtmlEncode: static string HtmlEncode(string value) | static void HtmlEncode(string value, System.IO.TextWriter output)
	Method UrlDecode: static string UrlDecode(string encodedValue)
	Method UrlEncode: static string UrlEncode(string value)
	`},
		"System.Web.HttpUtility": {"", `
	Method HtmlDecode: static string HtmlDecode(string s) | static void HtmlDecode(string s, System.IO.TextWriter output)
	Method HtmlEncode: static string HtmlEncode(string s) | static string HtmlEncode(System.Object value) | static void HtmlEncode(string s, System.IO.TextWriter output)
	Method UrlDecode: static string UrlDecode(string str) | static string UrlDecode(string str, System.Text.Encoding e)
	Method UrlEncode: static string UrlEncode(string str) | static string UrlEncode(string str, System.Text.Encoding e)
	`},
		"System.Runtime.InteropServices.Marshal": {"", `
	Property SystemDefaultCharSize: static int SystemDefaultCharSize {get;}
	Method FreeBSTR: static void FreeBSTR(System.IntPtr ptr)
	Method PtrToStringAnsi: static string PtrToStringAnsi(System.IntPtr ptr) | static string PtrToStringAnsi(System.IntPtr ptr, int len)
	Method PtrToStringAuto: static string PtrToStringAuto(System.IntPtr ptr) | static string PtrToStringAuto(System.IntPtr ptr, int len)
	Method PtrToStringBSTR: static string PtrToStringBSTR(System.IntPtr ptr)
	Method PtrToStringUni: static string PtrToStringUni(System.IntPtr ptr) | static string PtrToStringUni(System.IntPtr ptr, int len)
	Method PtrToStringUTF8: static string PtrToStringUTF8(System.IntPtr ptr) | static string PtrToStringUTF8(System.IntPtr ptr, int byteLen)
	Method SecureStringToBSTR: static System.IntPtr SecureStringToBSTR(securestring s)
	Method SecureStringToCoTaskMemUnicode: static System.IntPtr SecureStringToCoTaskMemUnicode(securestring s)
	Method SecureStringToGlobalAllocUnicode: static System.IntPtr SecureStringToGlobalAllocUnicode(securestring s)
	Method ZeroFreeBSTR: static void ZeroFreeBSTR(System.IntPtr s)
	Method ZeroFreeCoTaskMemUnicode: static void ZeroFreeCoTaskMemUnicode(System.IntPtr s)
	Method ZeroFreeGlobalAllocUnicode: static void ZeroFreeGlobalAllocUnicode(System.IntPtr s)
	`},
		"System.Environment": {"", `
	Property Is64BitOperatingSystem: static bool Is64BitOperatingSystem {get;}
	Property Is64BitProcess: static bool Is64BitProcess {get;}
	Property MachineName: static string MachineName {get;}
	Property NewLine: static string NewLine {get;}
	Property OSVersion: static System.OperatingSystem OSVersion {get;}
	Property ProcessorCount: static int ProcessorCount {get;}
	Property UserDomainName: static string UserDomainName {get;}
	Property UserInteractive: static bool UserInteractive {get;}
	Property UserName: static string UserName {get;}
	Property Version: static version Version {get;}
	Method GetEnvironmentVariable: static string GetEnvironmentVariable(string variable) | static string GetEnvironmentVariable(string variable, System.EnvironmentVariableTarget target)
	Method GetEnvironmentVariables: static System.Collections.IDictionary GetEnvironmentVariables() | static System.Collections.IDictionary GetEnvironmentVariables(System.EnvironmentVariableTarget target)
	Method GetFolderPath: static string GetFolderPath(System.Environment+SpecialFolder folder) | static string GetFolderPath(System.Environment+SpecialFolder folder, System.Environment+SpecialFolderOption option)
	Method SetEnvironmentVariable: static void SetEnvironmentVariable(string variable, string value) | static void SetEnvironmentVariable(string variable, string value, System.EnvironmentVariableTarget target)
	`},
		"System.Management.Automation.PSCredential": {"", `
	Property Password: securestring Password {get;}
	Property UserName: string UserName {get;}
	Method GetNetworkCredential: System.Net.NetworkCredential GetNetworkCredential()
	`},
		"System.Diagnostics.Stopwatch": {"", `
	Property Elapsed: timespan Elapsed {get;}
	Property ElapsedMilliseconds: long ElapsedMilliseconds {get;}
	Property ElapsedTicks: long ElapsedTicks {get;}
	Property IsRunning: bool IsRunning {get;}
	Method Reset: void Reset()
	Method Restart: void Restart()
	Method Start: void Start()
	Method Stop: void Stop()
	Property Frequency: static long Frequency {get;}
	Property IsHighResolution: static bool IsHighResolution {get;}
	Method GetElapsedTime: static timespan GetElapsedTime(long startingTimestamp) | static timespan GetElapsedTime(long startingTimestamp, long endingTimestamp)
	Method GetTimestamp: static long GetTimestamp()
	Method StartNew: static System.Diagnostics.Stopwatch StartNew()
	`},
		"System.ValueTuple`2": {"T1 T2", `
	Property Item1: T1 Item1 {get;set;}
	Property Item2: T2 Item2 {get;set;}
	Method ToString: string ToString()
	`},
		"System.Guid": {"", `
	Method CompareTo: int CompareTo(System.Object value) | int CompareTo(guid value)
	Method ToString: string ToString() | string ToString(string format) | string ToString(string format, System.IFormatProvider provider)
	Property Empty: static guid Empty {get;}
	Method NewGuid: static guid NewGuid()
	Method Parse: static guid Parse(string input) | static guid Parse(string s, System.IFormatProvider provider)
	Method TryParse: static bool TryParse(string input, [ref] guid result) | static bool TryParse(string s, System.IFormatProvider provider, [ref] guid result)
	`},
	}
}
