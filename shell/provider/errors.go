package provider

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/exosim/exosim/shell/fsys"
	"github.com/exosim/exosim/shell/object"
)

// FileError is a failed file operation in PowerShell's words: the .NET
// exception it maps to and its message.
type FileError struct {
	Message   string
	Exception string // DirectoryNotFoundException, UnauthorizedAccessException ...
	Category  object.ErrorCategory
	Path      string
}

func (e *FileError) Error() string { return e.Message }

// PathError turns a namespace resolution error into a FileError; ok is
// false when err is not one.
func PathError(err error) (*FileError, bool) {
	var dn *fsys.DriveNotFoundError
	var unc *fsys.NetworkPathError
	var pn *fsys.ProviderNotFoundError
	var he *fsys.HomeError
	switch {
	case errors.As(err, &dn):
		return &FileError{Message: dn.Error(), Exception: "DriveNotFoundException", Category: object.ObjectNotFound, Path: dn.Name}, true
	case errors.As(err, &unc):
		return &FileError{Message: unc.Error(), Exception: "ItemNotFoundException", Category: object.ObjectNotFound, Path: unc.Path}, true
	case errors.As(err, &pn):
		return &FileError{Message: pn.Error(), Exception: "ProviderNotFoundException", Category: object.ObjectNotFound, Path: pn.Name}, true
	case errors.As(err, &he):
		return &FileError{Message: he.Error(), Exception: "PSInvalidOperationException", Category: object.InvalidOperation}, true
	}
	return nil, false
}

// HostError words a host file error as .NET would for the file at p.
func HostError(err error, p string) *FileError {
	switch {
	case errors.Is(err, fsys.ErrTooLong):
		limit := fsys.MaxLine
		var tl *fsys.TooLongError
		if errors.As(err, &tl) {
			limit = tl.Limit
		}
		return &FileError{Message: fmt.Sprintf("exosim reads at most %s without a line break; '%s' has more (a device or a binary file?).", sizeText(limit), p), Exception: "IOException", Category: object.ReadError, Path: p}
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return &FileError{Message: fmt.Sprintf("Could not find a part of the path '%s'.", p), Exception: "DirectoryNotFoundException", Category: object.ObjectNotFound, Path: p}
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EISDIR), strings.Contains(err.Error(), "is a directory"):
		return &FileError{Message: fmt.Sprintf("Access to the path '%s' is denied.", p), Exception: "UnauthorizedAccessException", Category: object.PermissionDenied, Path: p}
	case errors.Is(err, fs.ErrExist):
		return &FileError{Message: fmt.Sprintf("The file '%s' already exists.", p), Exception: "IOException", Category: object.WriteError, Path: p}
	}
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return &FileError{Message: msg, Exception: "IOException", Category: object.WriteError, Path: p}
}

// IsNotExist reports whether err means the file is not there (a missing
// file, a network share, an unknown drive).
func IsNotExist(err error) bool {
	_, resolution := PathError(err)
	return resolution || errors.Is(err, fs.ErrNotExist)
}

// sizeText words a byte count in KiB or MiB.
func sizeText(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
