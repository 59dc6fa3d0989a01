package core

import (
	"strings"
	"testing"
)

// The CSV reader takes any text without panicking and without reading a
// record past its limit.
func FuzzCsvReader(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "#TYPE x\n\"a\"\"b\",c\n\"multi\nline\",2", " x , \"y\" z ,\n", "\"unterminated", "a\r\nb\r", "#Fields: a\tb\n1\t2"} {
		f.Add(s, ",")
	}
	f.Fuzz(func(t *testing.T, s, d string) {
		delim := ','
		if rs := []rune(d); len(rs) > 0 {
			delim = rs[0]
		}
		r := &csvReader{r: strings.NewReader(s), delim: delim, limit: 1 << 16}
		if err := r.readHeader(nil); err != nil {
			return
		}
		for i := 0; i < len(s)+2; i++ {
			rec, err := r.record()
			if err != nil || rec == nil {
				return
			}
		}
	})
}

// CLIXML parsing of any text either fails or yields values; never a panic.
func FuzzClixml(f *testing.F) {
	for _, s := range []string{
		`<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><S>a_x000A_b</S><I32>1</I32></Objs>`,
		`<Objs><Obj RefId="0"><TN RefId="0"><T>System.Collections.Hashtable</T></TN><DCT><En><S N="Key">k</S><Ref N="Value" RefId="0" /></En></DCT></Obj></Objs>`,
		`<Objs><Obj><TNRef RefId="9" /><LST><DT>bad</DT></LST></Obj></Objs>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		root, err := parseClixml(s)
		if err != nil {
			return
		}
		r := &clixmlReader{refs: map[string]any{}, tns: map[string][]string{}}
		for _, k := range root.kids {
			if _, err := r.value(k); err != nil {
				return
			}
		}
		_ = decodeCliString(s)
	})
}
