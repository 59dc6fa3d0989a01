package syntax

import (
	"fmt"
	"os"
	"testing"
)

func TestSmoke(t *testing.T) {
	src := os.Getenv("PS")
	if src == "" {
		t.Skip()
	}
	sb, errs := ParseString("", src)
	fmt.Println(Dump(sb))
	for _, e := range errs {
		fmt.Printf("ERR %d:%d %s %q inc=%v\n", e.Ext.Start.Line, e.Ext.Start.Col, e.ErrorID, e.Message, e.Incomplete)
	}
}
