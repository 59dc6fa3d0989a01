// Package hugetext asks the kernel to keep exosim's code and read-only
// data in the page cache in 2 MB pages and to map them so.
//
// A Go program cannot run code of its own before the runtime starts, and
// by the time the first package initialises, the runtime's start has
// already faulted in most of the program file. So on linux/amd64 this
// package provides another entry point (entry_linux_amd64.s), which the
// build selects with the linker flags LinkFlags: it marks the code and
// read-only data MADV_HUGEPAGE and then jumps to the runtime's usual
// entry.
//
// Why: every first touch of a 4 KB page of the program file costs a page
// fault that maps the 64 KB around it, and the exit unmaps them again. A
// short command such as `exosim -c 'Get-Mailbox annb | fl'` spends more
// time on those faults than on its own work. When the kernel reads the
// program from disk (the first run after a restart, or after the page
// cache dropped the file) into a mapping marked MADV_HUGEPAGE, it reads
// each 2 MB range into one large page, and every later run maps such a
// range with one fault. Without the mark it reads the file into 4 KB
// pages, which stay so for as long as the file stays cached.
//
// The entry also reads one byte of each 2 MB range it can map whole, from
// the highest down, before the runtime starts: the kernel reads a range
// into a large page only while none of its pages is cached yet, and a
// read that fails to do so reads the rest of its window (up to the next
// 4 MB) into small pages. Going downwards, each range is read by its own
// fault before a lower range's window can reach it. Two ranges are left
// out: the one holding the end of the code, which the code's mapping does
// not fill (without -R, below, it also holds the start of the read-only
// data) and so can never be mapped as one page, and the one holding this
// entry, whose first instruction was already read in small pages before
// it ran. The range holding the file's header (the first
// code range) is likewise cached in small pages by the time any code runs.
//
// LinkFlags also starts each segment on a 2 MB boundary (-R). By default
// the read-only data follows the code on the next 4 KB page, so its first
// 2 MB range, which holds the type descriptors the runtime reads while it
// starts, is shared with the end of the code and can never be mapped as
// one page. The program file grows by the padding, up to 2 MB a segment.
//
// Once the file is cached, each of those reads costs one fault, which maps
// a whole range the program would mostly fault in anyway. The mark and the
// reads are harmless where the kernel has no transparent huge pages (the
// system call fails and is ignored) or the file system cannot cache large
// pages (the kernel reads small pages, as without the mark). A build
// without LinkFlags (go install, go run) starts at the runtime's entry as
// usual and works the same, only with the slower start.
package hugetext
