package runtime

import (
	"os"
	"path/filepath"
)

// The language's own file access — redirection (> file, >> file, 2> file)
// and switch -File — goes through these two functions, so that it follows
// the session's file system in one place.

// languagePath resolves a path written in a script against the current
// directory.
func (rt *Runtime) languagePath(path string) string {
	if filepath.IsAbs(path) {
		return filepath.Clean(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	return filepath.Join(wd, path)
}

// readLanguageFile reads a whole file.
func (rt *Runtime) readLanguageFile(path string) ([]byte, error) {
	return os.ReadFile(rt.languagePath(path))
}

// writeLanguageFile writes text to a file, replacing it or appending.
func (rt *Runtime) writeLanguageFile(path, text string, appendTo bool) error {
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if appendTo {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	f, err := os.OpenFile(rt.languagePath(path), flags, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
