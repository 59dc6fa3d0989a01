package store

import (
	"bytes"
	"fmt"
	"strings"
)

// Finding is one inconsistency Store.Check found.
type Finding struct {
	// Check is the name of the check that reported it.
	Check string
	// Kind and Key identify the record ("mailbox", its Guid).
	Kind, Key string
	// Message says what is wrong.
	Message string
}

// String renders a finding on one line: "check: kind key: message".
func (f Finding) String() string {
	if f.Key == "" {
		return fmt.Sprintf("%s: %s: %s", f.Check, f.Kind, f.Message)
	}
	return fmt.Sprintf("%s: %s %s: %s", f.Check, f.Kind, f.Key, f.Message)
}

// CheckFunc inspects the tenant in a read transaction and reports each
// inconsistency it finds. A returned error means the check could not run.
type CheckFunc func(tx *Tx, report func(Finding)) error

type namedCheck struct {
	name string
	fn   CheckFunc
}

// CheckNames lists the checks of the store's schema in the order they
// run.
func (s *Store) CheckNames() []string { return s.sch().CheckNames() }

// maxFindingsPerCheck bounds the output of one broken check.
const maxFindingsPerCheck = 1000

// Check runs every check of the schema in one read transaction and returns
// the findings (none for a consistent tenant).
func (s *Store) Check() ([]Finding, error) {
	var out []Finding
	err := s.View(func(tx *Tx) error {
		var err error
		out, err = tx.Check()
		return err
	})
	return out, err
}

// Check runs every check of the schema on what the transaction sees (an
// import checks the tenant it is about to commit this way).
func (tx *Tx) Check() ([]Finding, error) {
	var out []Finding
	for _, c := range tx.s.sch().checks {
		n := 0
		report := func(f Finding) {
			n++
			if n > maxFindingsPerCheck {
				return
			}
			f.Check = c.name
			out = append(out, f)
		}
		if err := c.fn(tx, report); err != nil {
			return out, fmt.Errorf("check %s: %w", c.name, err)
		}
		if n > maxFindingsPerCheck {
			out = append(out, Finding{Check: c.name, Kind: "check", Message: fmt.Sprintf("%d more findings not shown", n-maxFindingsPerCheck)})
		}
	}
	return out, nil
}

// checkIndexes verifies the index bucket against the records: every entry
// a record implies exists, and the index holds nothing else. The second
// half compares counts first and only looks for the stale entries when
// they differ, so a healthy 100,000-mailbox tenant needs no big map.
func checkIndexes(tx *Tx, report func(Finding)) error {
	ib, err := tx.bucket(bucketIndex)
	if err != nil {
		return err
	}
	expected := 0
	ic := ib.Cursor()
	owners := map[string][]string{} // index name -> buckets
	for _, r := range tx.s.sch().kinds {
		def := r.def()
		if def.index == nil {
			continue
		}
		b := tx.btx.Bucket([]byte(def.bucket))
		if b == nil {
			continue
		}
		seen := map[string]bool{}
		err := b.ForEach(func(k, v []byte) error {
			entries, err := def.index(v)
			if err != nil {
				report(Finding{Kind: def.name, Key: string(k), Message: "record does not decode: " + err.Error()})
				return nil
			}
			clear(seen)
			for _, e := range entries {
				if e.value == "" {
					continue
				}
				ik := idxKey(e.name, e.value, string(k))
				if seen[string(ik)] {
					continue
				}
				seen[string(ik)] = true
				expected++
				if !contains(owners[e.name], def.bucket) {
					owners[e.name] = append(owners[e.name], def.bucket)
				}
				// A cursor tells an entry with an empty value from no
				// entry even before the transaction commits (Get
				// returns nil for both then: an import checks the
				// tenant it is about to commit).
				found, got := ic.Seek(ik)
				switch {
				case !bytes.Equal(found, ik):
					report(Finding{Kind: def.name, Key: string(k), Message: fmt.Sprintf("index %s has no entry for %q", e.name, e.value)})
				case e.payload != nil && !bytes.Equal(got, e.payload):
					report(Finding{Kind: def.name, Key: string(k), Message: fmt.Sprintf("index %s entry for %q is out of date (what it holds beside the key is not what the record gives)", e.name, e.value)})
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	actual := ib.Stats().KeyN
	if actual == expected {
		return nil
	}
	// Some entries point nowhere or say something the record does not.
	return ib.ForEach(func(k, _ []byte) error {
		parts := bytes.SplitN(k, []byte{0}, 3)
		if len(parts) != 3 {
			report(Finding{Kind: "index", Key: fmt.Sprintf("%q", k), Message: "malformed index key"})
			return nil
		}
		name, value, key := string(parts[0]), string(parts[1]), recordKey(parts[2])
		for _, bn := range owners[name] {
			def, _ := tx.s.sch().kind(bn)
			raw := tx.btx.Bucket([]byte(bn)).Get([]byte(key))
			if raw == nil {
				continue
			}
			entries, err := def.index(raw)
			if err != nil {
				return nil // reported above
			}
			for _, e := range entries {
				if e.name == name && strings.ToLower(e.value) == value {
					return nil
				}
			}
		}
		report(Finding{Kind: "index", Key: name, Message: fmt.Sprintf("stale entry %q -> %q (no such record has that value)", value, key)})
		return nil
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkTimers verifies every pending timer: its key matches its due time
// and sequence, a handler exists for its kind, and the object its payload
// names exists, for the timer kinds whose subject the schema knows
// (Schema.TimerSubject).
func checkTimers(tx *Tx, report func(Finding)) error {
	return timerKind.ForEach(tx, "", func(key string, t *Timer) error {
		if t.Key() != key {
			report(Finding{Kind: "timer", Key: key, Message: fmt.Sprintf("stored under the wrong key (want %s)", t.Key())})
		}
		if tx.s.timerHandler(t.Kind) == nil {
			report(Finding{Kind: "timer", Key: key, Message: fmt.Sprintf("no handler for timer kind %q", t.Kind)})
		}
		for _, sub := range tx.s.sch().subjects {
			if !strings.HasPrefix(t.Kind, sub.prefix) {
				continue
			}
			ok, err := sub.exists(tx, t.Payload)
			if err != nil {
				return err
			}
			if !ok {
				report(Finding{Kind: "timer", Key: key, Message: fmt.Sprintf("%s timer for %s, which does not exist", t.Kind, t.Payload)})
			}
			break
		}
		return nil
	})
}
