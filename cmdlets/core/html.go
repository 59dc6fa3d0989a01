package core

import (
	"fmt"
	"strings"
	"time"

	"github.com/exosim/exosim/cmdlets/core/engine"
	"github.com/exosim/exosim/shell/command"
	"github.com/exosim/exosim/shell/dotnet/automation"
	"github.com/exosim/exosim/shell/dotnet/system"
	"github.com/exosim/exosim/shell/object"
	"github.com/exosim/exosim/shell/params"
	"github.com/exosim/exosim/shell/runtime"
	"github.com/exosim/exosim/shell/wildcard"
)

// ConvertTo-Html: the XHTML page (or -Fragment table) PowerShell writes,
// line by line, with its <colgroup>, <th> and <td> rows.

// dotnetString is a value's .NET ToString as the CSV and HTML cmdlets
// write it ("" for null, "System.Object[]" for an array).
func dotnetString(rt *runtime.Runtime, v any) string {
	switch x := object.Unwrap(v).(type) {
	case nil:
		return ""
	case []any:
		return "System.Object[]"
	case *object.List, *object.Hashtable:
		return object.CollectionString(x)
	case time.Time:
		return object.ToCultureString(x)
	}
	return rt.ToStr(v)
}

// htmlColumn is one column: its header and how to read its value.
type htmlColumn struct {
	label  string
	value  func(v any) any
	width  string
	align  string
	script bool
}

// htmlState is what one ConvertTo-Html call keeps: how many objects it
// wrote, and the table's columns, taken from the first object.
type htmlState struct {
	n    int
	cols []htmlColumn
}

var htmlSlot = command.NewInvocationSlot[htmlState]()

func convertToHtml() *command.Command {
	c := engine.Cmdlet("ConvertTo-Html", engine.ModUtility, "ConvertToHtmlCommand")
	c.Synopsis = "Converts objects to an XHTML page (or, with -Fragment, a table) as lines of text."
	c.Sets = []string{"Page", "Fragment"}
	c.DefaultSet = "Page"
	c.Params = []*params.Param{
		params.InputObject(),
		params.P("Property", params.TObjects, params.Position(0)),
		params.P("Body", params.TStrings, params.InSets(params.Set("Page", false, 3))),
		params.P("Head", params.TStrings, params.InSets(params.Set("Page", false, 1))),
		params.P("Title", params.TString, params.InSets(params.Set("Page", false, 2))),
		params.P("As", params.EnumType("String", "System.String", "Table", "List"), params.NotNullOrEmpty()),
		params.P("CssUri", params.TString, params.InSets(params.Set("Page", false, -1)), params.Alias("cu", "uri")),
		params.P("Fragment", params.TSwitch, params.InSets(params.Set("Fragment", false, -1))),
		params.P("PostContent", params.TStrings, params.NotNullOrEmpty()),
		params.P("PreContent", params.TStrings, params.NotNullOrEmpty()),
		params.P("Meta", params.THashtable, params.InSets(params.Set("Page", false, -1)), params.NotNullOrEmpty()),
		params.P("Charset", params.TString, params.InSets(params.Set("Page", false, -1)), params.NotNullOrEmpty()),
		params.P("Transitional", params.TSwitch, params.InSets(params.Set("Page", false, -1))),
	}
	c.Examples = []command.Example{
		{Code: `Get-Mailbox -ResultSize 3 -WarningAction SilentlyContinue | ConvertTo-Html -Property DisplayName, Alias -Title 'Mailboxes' | Out-File C:\Temp\mailboxes.html`, Remark: "Writes an HTML report."},
		{Code: `[pscustomobject]@{ Name = 'a'; Size = 1 } | ConvertTo-Html -Fragment`, Remark: "Only the table."},
	}
	c.Handler.Begin = func(ctx *command.Context) error {
		if ctx.Has("CssUri") && strings.TrimSpace(ctx.String("CssUri")) == "" {
			return ctx.Fail(ctx.NewError("The parameter CSSUri cannot be an empty string.", "ArgumentException", object.InvalidArgument, "ArgumentException", "CSSUri"))
		}
		var out []string
		if !ctx.Switch("Fragment") {
			if ctx.Switch("Transitional") {
				out = append(out, `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`)
			} else {
				out = append(out, `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">`)
			}
			out = append(out, `<html xmlns="http://www.w3.org/1999/xhtml">`, "<head>")
			if ctx.Has("Charset") {
				out = append(out, `<meta charset="`+ctx.String("Charset")+`">`)
			}
			if h, ok := ctx.Value("Meta").(*object.Hashtable); ok {
				for _, e := range h.Entries() {
					k, v := runtime.Of(ctx).ToStr(e.Key), runtime.Of(ctx).ToStr(e.Value)
					switch strings.ToLower(k) {
					case "content-type", "default-style", "x-ua-compatible":
						out = append(out, `<meta http-equiv="`+k+`" content="`+v+`">`)
					case "application-name", "author", "description", "generator", "keywords", "viewport":
						out = append(out, `<meta name="`+k+`" content="`+v+`">`)
					default:
						ctx.WriteWarning(fmt.Sprintf("Not supported meta property: %s with value %s.", k, v))
						out = append(out, `<meta name="`+k+`" content="`+v+`">`)
					}
				}
			}
			if ctx.Has("Head") {
				out = append(out, ctx.Strings("Head")...)
			} else {
				title := "HTML TABLE"
				if ctx.Has("Title") {
					title = ctx.String("Title")
				}
				out = append(out, "<title>"+title+"</title>")
			}
			if ctx.Has("CssUri") {
				out = append(out, `<link rel="stylesheet" type="text/css" href="`+ctx.String("CssUri")+`" />`)
			}
			out = append(out, "</head><body>")
			out = append(out, ctx.Strings("Body")...)
		}
		out = append(out, ctx.Strings("PreContent")...)
		out = append(out, "<table>")
		for _, l := range out {
			if err := ctx.WriteObject(l); err != nil {
				return err
			}
		}
		return nil
	}
	c.Handler.Process = func(ctx *command.Context) error {
		v := ctx.Value("InputObject")
		if ctx.HasInput {
			v = ctx.Input
		}
		if v == nil {
			return nil
		}
		st := htmlSlot.Of(ctx)
		st.n++
		n := st.n
		asList := strings.EqualFold(ctx.String("As"), "List")
		cols := st.cols
		if cols == nil || asList {
			var err error
			if cols, err = htmlColumns(ctx, v); err != nil {
				return err
			}
			if len(cols) == 0 {
				return nil
			}
		}
		value := func(col htmlColumn) string {
			return system.HtmlEncode(dotnetString(runtime.Of(ctx), col.value(v)))
		}
		if asList {
			if n > 1 {
				if err := ctx.WriteObject("<tr><td><hr></td></tr>"); err != nil {
					return err
				}
			}
			for _, col := range cols {
				if err := ctx.WriteObject("<tr><td>" + col.label + ":</td><td>" + value(col) + "</td></tr>"); err != nil {
					return err
				}
			}
			return nil
		}
		if st.cols == nil {
			st.cols = cols
			var cg, th strings.Builder
			cg.WriteString("<colgroup>")
			th.WriteString("<tr>")
			for _, col := range cols {
				cg.WriteString("<col")
				if col.width != "" {
					cg.WriteString(` width = "` + col.width + `"`)
				}
				if col.align != "" {
					cg.WriteString(` align = "` + col.align + `"`)
				}
				cg.WriteString("/>")
				th.WriteString("<th>" + col.label + "</th>")
			}
			cg.WriteString("</colgroup>")
			th.WriteString("</tr>")
			if err := ctx.WriteObject(cg.String()); err != nil {
				return err
			}
			if err := ctx.WriteObject(th.String()); err != nil {
				return err
			}
		}
		var tr strings.Builder
		tr.WriteString("<tr>")
		for _, col := range cols {
			tr.WriteString("<td>" + value(col) + "</td>")
		}
		tr.WriteString("</tr>")
		return ctx.WriteObject(tr.String())
	}
	c.Handler.End = func(ctx *command.Context) error {
		out := []string{"</table>"}
		out = append(out, ctx.Strings("PostContent")...)
		if !ctx.Switch("Fragment") {
			out = append(out, "</body></html>")
		}
		for _, l := range out {
			if err := ctx.WriteObject(l); err != nil {
				return err
			}
		}
		return nil
	}
	return c
}

// htmlColumns resolves -Property (names with wildcards, script blocks,
// @{Label; Expression; Width; Alignment}) against the first object; all
// its properties without -Property.
func htmlColumns(ctx *command.Context, v any) ([]htmlColumn, error) {
	props, _ := ctx.Value("Property").([]any)
	if len(props) == 0 {
		props = []any{"*"}
	}
	var cols []htmlColumn
	names := func() []string {
		var out []string
		for _, p := range object.Adapted(v) {
			out = append(out, p.Name)
		}
		return out
	}
	for _, p := range props {
		switch x := p.(type) {
		case *automation.ScriptBlock:
			sb := x
			cols = append(cols, htmlColumn{label: runtime.Of(ctx).ToStr(sb), value: func(v any) any { r, _ := runtime.Of(ctx).EvalScriptBlock(sb, v); return r }})
		case *object.Hashtable:
			col := htmlColumn{}
			var expr any
			for _, e := range x.Entries() {
				k := strings.ToLower(runtime.Of(ctx).ToStr(e.Key))
				switch {
				case strings.HasPrefix("expression", k):
					expr = e.Value
				case strings.HasPrefix("label", k) || strings.HasPrefix("name", k) && k != "n" || k == "n":
					col.label = runtime.Of(ctx).ToStr(e.Value)
				case strings.HasPrefix("width", k):
					col.width = runtime.Of(ctx).ToStr(e.Value)
				case strings.HasPrefix("alignment", k):
					col.align = runtime.Of(ctx).ToStr(e.Value)
				default:
					return nil, ctx.Fail(ctx.NewError(fmt.Sprintf("The %s key is not valid.", runtime.Of(ctx).ToStr(e.Key)), "DictionaryKeyIllegal", object.InvalidArgument, "NotSupportedException", nil))
				}
			}
			switch e := expr.(type) {
			case *automation.ScriptBlock:
				if col.label == "" {
					col.label = runtime.Of(ctx).ToStr(e)
				}
				col.value = func(v any) any { r, _ := runtime.Of(ctx).EvalScriptBlock(e, v); return r }
			default:
				name := runtime.Of(ctx).ToStr(e)
				if col.label == "" {
					col.label = name
				}
				col.value = func(v any) any { return object.PropertyValue(v, name) }
			}
			cols = append(cols, col)
		default:
			pattern := runtime.Of(ctx).ToStr(x)
			matched := []string{}
			for _, n := range names() {
				if wildcard.Match(pattern, n) {
					matched = append(matched, n)
				}
			}
			if len(matched) == 0 && !wildcard.Has(pattern) {
				matched = []string{pattern}
			}
			for _, n := range matched {
				name := n
				cols = append(cols, htmlColumn{label: name, value: func(v any) any { return object.PropertyValue(v, name) }})
			}
		}
	}
	return cols, nil
}
