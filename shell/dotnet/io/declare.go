// Package io declares the .NET file system types: System.IO.Path,
// File, Directory, FileInfo, DirectoryInfo and StreamReader, on the session's drives (its file system seam).
package io

// Declare registers the package's types.
func Declare() {
	declareFiles()
	declarePath()
	declareFileInfo()
	declareStreamReader()
}
