//go:build !unix

package store

import "os"

// unlockData reports that the tenant file's lock can't be dropped apart
// from closing the database here: CloseAtExit is then Close.
func unlockData(*os.File) bool { return false }
