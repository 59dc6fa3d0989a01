package directory

import (
	"encoding/binary"
	"errors"
	"strings"
	"time"
)

// The binary form of MailboxContent (see store.BinaryRecord). A tenant holds one
// content record per mailbox, and its CBOR form spelled out every field
// name, folder name, path and cohort date: 4.5 kB of a mailbox with an
// archive, most of a 100,000-mailbox tenant. This form is about a quarter
// of that:
//
//	version 1 (uvarint)
//	mailboxGuid (string)
//	primary, archive: folder lists, each its length + 1 (0 = none)
//
// A folder is a flags word, then: its type, as its number in
// contentFolderTypes or (flag) as text; its name and path only when they
// differ from the type's default ones (flags); item count and size
// (zig-zag varints); its cohorts (flag: the list exists), each a date, item
// count, size and deleted date. A date is a uvarint: 0 for none, 1 and the
// text for one not in the canonical YYYY-MM-DD form of a day from 1970 on,
// else its day number + 2. A string is its length and its bytes.

const contentFormVersion = 1

// contentFolderTypes are the default folders by number in the binary
// form, with their paths. The numbers are stored: never reorder or remove
// an entry, only append.
var contentFolderTypes = [...]struct{ typ, path string }{
	{"Root", "/Top of Information Store"},
	{"Inbox", "/Inbox"},
	{"SentItems", "/Sent Items"},
	{"DeletedItems", "/Deleted Items"},
	{"Drafts", "/Drafts"},
	{"JunkEmail", "/Junk Email"},
	{"Outbox", "/Outbox"},
	{"Archive", "/Archive"},
	{"Calendar", "/Calendar"},
	{"Contacts", "/Contacts"},
	{"ConversationHistory", "/Conversation History"},
	{"Tasks", "/Tasks"},
	{"Notes", "/Notes"},
	{"RecoverableItemsRoot", "/Recoverable Items"},
	{"RecoverableItemsDeletions", "/Deletions"},
	{"RecoverableItemsPurges", "/Purges"},
	{"RecoverableItemsVersions", "/Versions"},
	{"RecoverableItemsDiscoveryHolds", "/DiscoveryHolds"},
	{"CalendarLogging", "/Calendar Logging"},
}

// Folder flags of the binary form.
const (
	folderRecoverable = 1 << iota
	folderTypeText    // the type is text, not a number
	folderNameText    // the name differs from the default
	folderPathText    // the path differs from the default
	folderHasCohorts  // the cohort list exists (it may be empty)
)

// contentFolderNumber returns the number of a default folder type.
func contentFolderNumber(typ string) (int, bool) {
	for i, f := range contentFolderTypes {
		if f.typ == typ {
			return i, true
		}
	}
	return 0, false
}

// MarshalRecord returns the binary form of c.
func (c *MailboxContent) MarshalRecord() ([]byte, error) {
	b := make([]byte, 0, 64+len(c.Primary)*40+len(c.Archive)*40)
	b = binary.AppendUvarint(b, contentFormVersion)
	b = appendString(b, c.MailboxGuid)
	for _, list := range [][]Folder{c.Primary, c.Archive} {
		if list == nil {
			b = append(b, 0)
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(list))+1)
		for i := range list {
			b = appendFolder(b, &list[i])
		}
	}
	return b, nil
}

func appendFolder(b []byte, f *Folder) []byte {
	var flags uint64
	path, name := "", ""
	n, known := contentFolderNumber(f.FolderType)
	if known {
		path = contentFolderTypes[n].path
		name = strings.TrimPrefix(path, "/")
	} else {
		flags |= folderTypeText
	}
	if f.Recoverable {
		flags |= folderRecoverable
	}
	if f.Name != name {
		flags |= folderNameText
	}
	if f.FolderPath != path {
		flags |= folderPathText
	}
	if f.Cohorts != nil {
		flags |= folderHasCohorts
	}
	b = binary.AppendUvarint(b, flags)
	if known {
		b = binary.AppendUvarint(b, uint64(n))
	} else {
		b = appendString(b, f.FolderType)
	}
	if flags&folderNameText != 0 {
		b = appendString(b, f.Name)
	}
	if flags&folderPathText != 0 {
		b = appendString(b, f.FolderPath)
	}
	b = binary.AppendVarint(b, f.ItemCount)
	b = binary.AppendVarint(b, f.FolderSize)
	if f.Cohorts != nil {
		b = binary.AppendUvarint(b, uint64(len(f.Cohorts)))
		for _, co := range f.Cohorts {
			b = appendDay(b, co.Date)
			b = binary.AppendVarint(b, co.Count)
			b = binary.AppendVarint(b, co.Size)
			b = appendDay(b, co.Deleted)
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendDay appends a cohort date (see the form above).
func appendDay(b []byte, d string) []byte {
	if d == "" {
		return append(b, 0)
	}
	if t, err := time.Parse(cohortDay, d); err == nil && t.Format(cohortDay) == d {
		if n := DayNumber(t); n >= 0 {
			return binary.AppendUvarint(b, uint64(n)+2)
		}
	}
	b = append(b, 1)
	return appendString(b, d)
}

// errContentForm is a content record the binary form cannot read.
var errContentForm = errors.New("mailbox content record is damaged (binary form)")

// formReader reads a binary form; the first fault sticks in err.
type formReader struct {
	b   []byte
	err error
}

func (r *formReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errContentForm
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *formReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errContentForm
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *formReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errContentForm
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads a list length, refusing one the rest of the form cannot
// hold (each element takes at least a byte).
func (r *formReader) count(n uint64) int {
	if r.err == nil && n > uint64(len(r.b)) {
		r.err = errContentForm
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *formReader) day() string {
	v := r.uvarint()
	switch {
	case r.err != nil || v == 0:
		return ""
	case v == 1:
		return r.string()
	}
	return DayDate(int64(v - 2))
}

// UnmarshalRecord sets c from its binary form.
func (c *MailboxContent) UnmarshalRecord(b []byte) error {
	r := &formReader{b: b}
	if v := r.uvarint(); r.err == nil && v != contentFormVersion {
		return errContentForm
	}
	c.MailboxGuid = r.string()
	for _, list := range []*[]Folder{&c.Primary, &c.Archive} {
		n := r.uvarint()
		if n == 0 {
			continue
		}
		fs := make([]Folder, r.count(n-1))
		for i := range fs {
			readFolder(r, &fs[i])
		}
		*list = fs
	}
	if r.err == nil && len(r.b) != 0 {
		r.err = errContentForm
	}
	if r.err != nil {
		*c = MailboxContent{}
	}
	return r.err
}

func readFolder(r *formReader, f *Folder) {
	flags := r.uvarint()
	path := ""
	if flags&folderTypeText != 0 {
		f.FolderType = r.string()
	} else if n := r.uvarint(); n < uint64(len(contentFolderTypes)) {
		f.FolderType, path = contentFolderTypes[n].typ, contentFolderTypes[n].path
	} else if r.err == nil {
		r.err = errContentForm
	}
	f.Recoverable = flags&folderRecoverable != 0
	f.Name = strings.TrimPrefix(path, "/")
	if flags&folderNameText != 0 {
		f.Name = r.string()
	}
	f.FolderPath = path
	if flags&folderPathText != 0 {
		f.FolderPath = r.string()
	}
	f.ItemCount = r.varint()
	f.FolderSize = r.varint()
	if flags&folderHasCohorts != 0 {
		f.Cohorts = make([]Cohort, r.count(r.uvarint()))
		for i := range f.Cohorts {
			co := &f.Cohorts[i]
			co.Date = r.day()
			co.Count = r.varint()
			co.Size = r.varint()
			co.Deleted = r.day()
		}
	}
}
