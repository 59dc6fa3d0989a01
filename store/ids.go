package store

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strings"
)

// ZeroGuid is the all-zero GUID (e.g. ArchiveGuid without an archive).
const ZeroGuid = "00000000-0000-0000-0000-000000000000"

// NewGuid returns the next deterministic version-4-shaped GUID of the
// tenant's generator (SHA-256 of seed and counter), lower-case and dashed.
func (tx *Tx) NewGuid() string {
	tx.state().idCounter++
	tx.dirty = true
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], tx.idCounter)
	h := sha256.New()
	h.Write([]byte("exosim-guid\x00" + tx.idSeed + "\x00"))
	h.Write(buf[:])
	sum := h.Sum(nil)
	return formatGuid(sum[:16])
}

// DerivedGuid returns the version-4-shaped GUID derived from text (the
// first 16 bytes of its SHA-256): a stable id for a record whose id must
// not move the tenant's generator.
func DerivedGuid(text string) string {
	sum := sha256.Sum256([]byte(text))
	return formatGuid(sum[:16])
}

func formatGuid(b []byte) string {
	var u [16]byte
	copy(u[:], b)
	u[6] = (u[6] & 0x0f) | 0x40 // version 4
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	s := hex.EncodeToString(u[:])
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

// GuidNoDashes returns g without dashes, lower-case (the 32-hex form used
// in hold IDs and LegacyExchangeDN).
func GuidNoDashes(g string) string { return strings.ToLower(strings.ReplaceAll(g, "-", "")) }

// NormalizeGuid accepts a GUID with or without dashes or braces and returns
// the canonical lower-case dashed form, or false when s is not a GUID.
func NormalizeGuid(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimSuffix(s, "}"), "{")
	h := strings.ToLower(strings.ReplaceAll(s, "-", ""))
	if len(h) != 32 {
		return "", false
	}
	if len(s) != 32 && len(s) != 36 {
		return "", false
	}
	if len(s) == 36 && (s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-') {
		return "", false
	}
	if _, err := hex.DecodeString(h); err != nil {
		return "", false
	}
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32], true
}

// IDGeneratorState returns the generator seed and counter.
func (tx *Tx) IDGeneratorState() (seed string, counter uint64) {
	tx.state()
	return tx.idSeed, tx.idCounter
}

// HashN derives a number in [lo, hi] from the parts, always the same for
// the same parts (seeded tenants and generated names use it where they
// need variety that does not depend on the ID generator).
func HashN(lo, hi int64, parts ...string) int64 {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	v := binary.BigEndian.Uint64(h[:8])
	return lo + int64(v%uint64(hi-lo+1))
}
