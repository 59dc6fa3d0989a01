// Command probe prints, for each mapping of its own program file, the
// mapping's permissions and whether the kernel marked it for huge pages
// ("hg" among smaps' VmFlags). The hugetext test links it with LinkFlags.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	_ "github.com/exosim/exosim/cmd/exosim/internal/hugetext"
)

func main() {
	exe, err := os.Executable()
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	defer f.Close()
	perms := "" // the permissions of the current mapping when it is the program's
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			perms = ""
			if len(fields) == 6 && fields[5] == exe {
				perms = fields[1]
			}
		case perms != "" && len(fields) > 0 && fields[0] == "VmFlags:":
			hg := "-"
			for _, fl := range fields[1:] {
				if fl == "hg" {
					hg = "hg"
				}
			}
			fmt.Println(perms, hg)
		}
	}
}
