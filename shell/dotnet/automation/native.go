package automation

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

// exosim runs PowerShell, not the programs of the machine it runs on. A
// command name that is no PowerShell command but names an executable file
// (a path to one, or a name found in a directory of $env:PATH) is a native
// program: the call fails with one line saying exosim does not run native
// programs, not with "not recognized", since the program exists.

// nativeSuffixes are the extensions Windows runs as programs whatever the
// file's mode.
var nativeSuffixes = []string{".exe", ".com", ".bat", ".cmd"}

// NativeProgram returns the file a command name runs as a native program,
// if it names one: a path to an executable file on the session's drives
// (files), or a name found in a directory of the session's $env:PATH.
func NativeProgram(files *fsys.Namespace, env *fsys.Env, name string) (string, bool) {
	if files == nil || name == "" {
		return "", false
	}
	if strings.ContainsAny(name, `/\`) {
		p, err := files.Resolve(name)
		if err != nil {
			return "", false
		}
		fi, err := files.Stat(p)
		if err != nil || !executable(name, fi) {
			return "", false
		}
		return name, true
	}
	if env == nil {
		return "", false
	}
	dirs, _ := env.Get("PATH")
	for _, dir := range strings.Split(dirs, ":") {
		if dir == "" || !strings.HasPrefix(dir, "/") {
			continue
		}
		file := path.Join(dir, name)
		if fi, err := files.FS().Stat(file); err == nil && executable(name, fi) {
			return file, true
		}
	}
	return "", false
}

// executable reports whether a file is one a shell would run.
func executable(name string, fi fs.FileInfo) bool {
	if !fi.Mode().IsRegular() {
		return false
	}
	if fi.Mode().Perm()&0o111 != 0 {
		return true
	}
	lower := strings.ToLower(name)
	for _, s := range nativeSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// NativeNotRun is the error of a call of a native program.
func NativeNotRun(name, file string) *object.ErrorRecord {
	where := ""
	if file != name {
		where = " (" + file + ")"
	}
	return &object.ErrorRecord{
		Message:           fmt.Sprintf("'%s' is a native program%s; exosim runs PowerShell commands only and does not run native programs: the call was not run.", name, where),
		ErrorID:           "NativeCommandNotSimulated",
		Category:          object.NotImplemented,
		ExceptionType:     "NotImplementedException",
		ExceptionFullType: "System.NotImplementedException",
		Target:            name,
	}
}
