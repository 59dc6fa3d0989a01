package tenantfile

import (
	"bytes"
	"encoding/binary"
	"syscall"
)

// dirNames lists the names in dir that start with prefix (nil when it
// can't be read), read straight from the directory's descriptor: only
// the names asked for are made into strings.
func dirNames(dir, prefix string) []string {
	fd, err := syscall.Open(dir, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	var names []string
	var buf [4096]byte
	for {
		n, err := syscall.ReadDirent(fd, buf[:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			return names
		}
		// each entry is a linux_dirent64: inode (8 bytes), offset (8),
		// record length (2), type (1), then the name, NUL-terminated
		for rec := buf[:n]; len(rec) >= 19; {
			size := int(binary.NativeEndian.Uint16(rec[16:18]))
			if size < 19 || size > len(rec) {
				return names
			}
			name := rec[19:size]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if len(name) >= len(prefix) && string(name[:len(prefix)]) == prefix {
				names = append(names, string(name))
			}
			rec = rec[size:]
		}
	}
}
