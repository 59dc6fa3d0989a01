package fastdecode

import (
	"strings"
	"unsafe"
)

// TextsHold reports whether the array of text under the text key name of
// the record raw (a map in the form Decode reads) holds a text that match
// accepts, without decoding the record: a reader that needs to know
// whether a list names something (a role group's members) reads no more.
// match gets each text as a part of raw, valid only during the call.
//
// ok is false when raw is not in that form, when name appears more than
// once or in another case (which the general decoder takes for it), or
// when its value is neither an array of text nor null (no array): the
// caller decodes the record instead, so the two always agree.
func TextsHold(raw []byte, name string, match func(text string) bool) (held, ok bool) {
	r := cborReader{b: raw}
	major, n, ok := r.head()
	if !ok || major != 5 || n > uint64(len(r.b)-r.i) {
		return false, false
	}
	seen := false
	for ; n > 0; n-- {
		i := r.i
		if i >= len(r.b) {
			return false, false
		}
		switch c := r.b[i]; c >> 5 {
		case 0: // a numbered key
			if !r.skipScalar() {
				if _, _, ok := r.head(); !ok {
					return false, false
				}
			}
		case 3:
			k := uint64(c & 0x1f)
			if k < 24 {
				r.i = i + 1 // a short key's head, read inline
			} else if _, k, ok = r.head(); !ok {
				return false, false
			}
			if k > uint64(len(r.b)-r.i) {
				return false, false
			}
			key := r.b[r.i : r.i+int(k)]
			r.i += int(k)
			if len(key) == len(name) {
				if string(key) == name {
					if seen {
						return false, false
					}
					seen = true
					if held, ok = r.textsHold(match); !ok {
						return false, false
					}
					continue
				}
				if len(key) > 0 && key[0]|0x20 == name[0]|0x20 && strings.EqualFold(string(key), name) {
					return false, false // the general decoder takes it for name
				}
			}
		default:
			return false, false
		}
		if !r.skipFlat() && !r.skip(0) {
			return false, false
		}
	}
	return held, r.i == len(r.b)
}

// textsHold reads an array of text, or null, reporting whether match
// accepts one of its texts (asked until one is accepted).
func (r *cborReader) textsHold(match func(string) bool) (held, ok bool) {
	if r.null() {
		return false, true
	}
	major, n, ok := r.head()
	if !ok || major != 4 || n > uint64(len(r.b)-r.i) {
		return false, false
	}
	for ; n > 0; n-- {
		major, m, ok := r.head()
		if !ok || major != 3 || m > uint64(len(r.b)-r.i) {
			return false, false
		}
		if !held && m > 0 {
			held = match(unsafe.String(&r.b[r.i], int(m)))
		} else if !held {
			held = match("")
		}
		r.i += int(m)
	}
	return held, true
}
