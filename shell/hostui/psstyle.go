package hostui

import (
	"fmt"

	"github.com/exosim/exosim/shell/numeric"
	"github.com/exosim/exosim/shell/object"
)

// $PSStyle (System.Management.Automation.PSStyle): the VT sequences
// PowerShell 7.4 styles text with (Reset, Bold, Italic ... and their
// Off forms), the foreground and background colors with FromRgb, the
// formatting, progress and file listing styles, and OutputRendering,
// which a script sets (Host, PlainText or Ansi) and reads back; exosim
// colors only on a terminal whatever it says.

// esc is the start of a VT control sequence.
const esc = "\x1b["

// Style builds a session's $PSStyle.
func Style() any {
	o := object.NewObject("System.Management.Automation.PSStyle", "System.Object")
	o.AddProperty(&object.Property{Name: "OutputRendering", Value: object.Enum{Type: "System.Management.Automation.OutputRendering", Name: "Host"},
		TypeName: "System.Management.Automation.OutputRendering", Kind: object.AdaptedProperty, Settable: true})
	for _, s := range []struct{ name, code string }{
		{"Reset", "0"}, {"BlinkOff", "25"}, {"Blink", "5"}, {"BoldOff", "22"}, {"Bold", "1"}, {"DimOff", "22"}, {"Dim", "2"},
		{"Hidden", "8"}, {"HiddenOff", "28"}, {"Reverse", "7"}, {"ReverseOff", "27"}, {"ItalicOff", "23"}, {"Italic", "3"},
		{"UnderlineOff", "24"}, {"Underline", "4"}, {"StrikethroughOff", "29"}, {"Strikethrough", "9"},
	} {
		o.AddTyped(s.name, "string", esc+s.code+"m")
	}
	o.AddTyped("Formatting", "System.Management.Automation.PSStyle+FormattingData", styles("System.Management.Automation.PSStyle+FormattingData",
		"FormatAccent", "32;1", "ErrorAccent", "36;1", "Error", "31;1", "Warning", "33;1", "Verbose", "33;1", "Debug", "33;1",
		"TableHeader", "32;1", "CustomTableHeaderLabel", "32;1;3", "FeedbackName", "33", "FeedbackText", "96", "FeedbackAction", "97"))
	progress := styles("System.Management.Automation.PSStyle+ProgressConfiguration", "Style", "33;1")
	progress.AddProperty(&object.Property{Name: "MaxWidth", Value: 120, TypeName: "int", Kind: object.AdaptedProperty, Settable: true})
	progress.AddProperty(&object.Property{Name: "View", Value: object.Enum{Type: "System.Management.Automation.ProgressView", Name: "Minimal"},
		TypeName: "System.Management.Automation.ProgressView", Kind: object.AdaptedProperty, Settable: true})
	progress.AddProperty(&object.Property{Name: "UseOSCIndicator", Value: false, TypeName: "bool", Kind: object.AdaptedProperty, Settable: true})
	o.AddTyped("Progress", "System.Management.Automation.PSStyle+ProgressConfiguration", progress)
	o.AddTyped("FileInfo", "System.Management.Automation.PSStyle+FileInfoFormatting", styles("System.Management.Automation.PSStyle+FileInfoFormatting",
		"Directory", "44;1", "SymbolicLink", "36;1", "Executable", "32;1"))
	o.AddTyped("Foreground", "System.Management.Automation.PSStyle+ForegroundColor", colors("System.Management.Automation.PSStyle+ForegroundColor", 30, 90, 38))
	o.AddTyped("Background", "System.Management.Automation.PSStyle+BackgroundColor", colors("System.Management.Automation.PSStyle+BackgroundColor", 40, 100, 48))
	return o
}

// styles is an object of settable style sequences, given as name, code
// pairs.
func styles(typeName string, pairs ...string) *object.PSObject {
	o := object.NewObject(typeName, "System.Object")
	for i := 0; i+1 < len(pairs); i += 2 {
		o.AddProperty(&object.Property{Name: pairs[i], Value: esc + pairs[i+1] + "m", TypeName: "string", Kind: object.AdaptedProperty, Settable: true})
	}
	return o
}

// colors is the foreground or background palette: the eight colors from
// base, their bright forms from bright, and FromRgb with the 24-bit
// selector rgb.
func colors(typeName string, base, bright, rgb int) *object.PSObject {
	o := object.NewObject(typeName, "System.Object")
	names := []string{"Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White"}
	for i, n := range names {
		o.AddTyped(n, "string", fmt.Sprintf("%s%dm", esc, base+i))
	}
	for i, n := range names {
		o.AddTyped("Bright"+n, "string", fmt.Sprintf("%s%dm", esc, bright+i))
	}
	o.AddProperty(&object.Property{Name: "FromRgb", TypeName: "System.Management.Automation.PSMethod", Value: Method(func(args []any) (any, error) {
		var rgbs [3]int64
		switch len(args) {
		case 1:
			n := numeric.Int64(object.Unwrap(args[0]))
			rgbs = [3]int64{n >> 16 & 255, n >> 8 & 255, n & 255}
		case 3:
			for i := range rgbs {
				rgbs[i] = numeric.Int64(object.Unwrap(args[i])) & 255
			}
		default:
			return nil, fmt.Errorf("Cannot find an overload for \"FromRgb\" and the argument count: \"%d\".", len(args))
		}
		return fmt.Sprintf("%s%d;2;%d;%d;%dm", esc, rgb, rgbs[0], rgbs[1], rgbs[2]), nil
	})})
	return o
}
