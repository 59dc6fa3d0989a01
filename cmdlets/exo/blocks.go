package exo

import (
	"time"
	"unsafe"

	"github.com/exosim/exosim/shell/object"
)

// Values hands out the property values of one wide object (a mailbox
// shows some 250) from blocks of a few dozen values each, instead of one
// allocation per value: texts, GUIDs and times are boxed where they lie in
// their block, lists and their items are cut from blocks of lists and of
// items.
//
// Every value is still its own: a slot is written once, before its value
// is handed out, and never again, so a boxed value cannot change; each
// list is its own List, and its items are its own part of an items block
// whose capacity ends where they end (appending moves them elsewhere).
//
// A nil *Values allocates each value by itself: an object of which only a
// few properties are read keeps no blocks.
type Values struct {
	texts []string
	guids []object.Guid
	times []time.Time
	lists []object.List
	items []any
}

// Block sizes: a mailbox read whole takes three blocks of texts, one of
// GUIDs and of times, four or five of lists and three or four of items.
// Each block is 512 bytes at most: a larger object holding pointers takes
// a header and with it the next size class, whose fresh span a command
// showing a mailbox would make for that block alone (16 lists, 640 bytes,
// took the 704-byte class). A block of lists holds 10 (400 bytes, the
// 416-byte class), not 12: 480 bytes is the size class of the runtime's
// goroutine descriptors, whose span the program's start leaves nearly
// full, and the blocks of lists of one mailbox then filled it, a command
// line making a second span of it and a list of full spans for the first
// (five page faults). A block of items holds 24 (384 bytes), not 32: the
// only span of the 512-byte class at the start is one the runtime makes
// before the packages are initialised, on the processor (P) it starts
// on, which the command line's goroutine does not always run on, while
// the packages' initialisation leaves a span of the 384-byte class where
// the command line runs.
const (
	textBlock = 16
	guidBlock = 8
	timeBlock = 8
	listBlock = 10
	itemBlock = 24
)

// eface is the layout of an interface value of type any: its dynamic
// type and a pointer to its value.
type eface struct {
	typ, data unsafe.Pointer
}

// boxAt is *p as an interface value holding a T that refers to *p itself
// rather than to a copy, as a conversion to any would make. *p must never
// be written again: an interface's value does not change. zero is any
// interface value of type T, whose type word the result takes.
func boxAt[T any](zero any, p *T) any {
	e := *(*eface)(unsafe.Pointer(&zero))
	e.data = unsafe.Pointer(p)
	return *(*any)(unsafe.Pointer(&e))
}

// boxIn puts v in the first free slot of a block, free being the rest
// of the block (a new block of n is made when none is left), and boxes it
// there (boxAt).
func boxIn[T any](free *[]T, n int, v T, zero any) any {
	if len(*free) == 0 {
		*free = make([]T, n)
	}
	p := &(*free)[0]
	*free = (*free)[1:]
	*p = v
	return boxAt(zero, p)
}

// Text is s as a property value.
func (b *Values) Text(s string) any {
	if b == nil || s == "" {
		return s // converting "" allocates nothing
	}
	return boxIn(&b.texts, textBlock, s, any(""))
}

// TextOrNil is s as a property value, $null when s is empty (NilIfEmpty).
func (b *Values) TextOrNil(s string) any {
	if s == "" {
		return nil
	}
	return b.Text(s)
}

// Guid is g as a property value (a System.Guid).
func (b *Values) Guid(g object.Guid) any {
	if b == nil {
		return g
	}
	return boxIn(&b.guids, guidBlock, g, any(object.Guid{}))
}

// Time is t as a property value (a System.DateTime).
func (b *Values) Time(t time.Time) any {
	if b == nil {
		return t
	}
	return boxIn(&b.times, timeBlock, t, any(time.Time{}))
}

// list is a new list with room for n items, none there yet.
func (b *Values) list(n int) *object.List {
	if b == nil {
		return &object.List{Items: make([]any, 0, n)}
	}
	if len(b.lists) == 0 {
		b.lists = make([]object.List, listBlock)
	}
	l := &b.lists[0]
	b.lists = b.lists[1:]
	switch {
	case n == 0:
		l.Items = []any{}
	case n > itemBlock:
		l.Items = make([]any, 0, n)
	default:
		if len(b.items) < n {
			b.items = make([]any, itemBlock)
		}
		l.Items = b.items[:0:n]
		b.items = b.items[n:]
	}
	return l
}

// Empty is an empty MultiValuedProperty value.
func (b *Values) Empty() *object.List { return b.list(0) }

// MultiValued is MultiValued(items) with its parts cut from b's blocks.
func (b *Values) MultiValued(items ...string) *object.List {
	l := b.list(len(items))
	for _, s := range items {
		l.Items = append(l.Items, b.Text(s))
	}
	return l
}

// Copy is a list of the given items, which every object shows alike:
// the items (strings, numbers and other immutable values) are shared,
// the list and its item slots are the object's own.
func (b *Values) Copy(items []any) *object.List {
	l := b.list(len(items))
	l.Items = append(l.Items, items...)
	return l
}
