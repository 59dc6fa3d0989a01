// Package lab keeps which training lab (exosim lab start) the tenant was
// prepared for.
package lab

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/exosim/exosim/store"
)

// metaLab is the meta key of the training lab the tenant was started for.
// It lives in the meta bucket, so resetting or re-seeding the tenant ends
// the lab and exports leave it out.
const metaLab = "lab"

// LabState records the training lab a tenant was prepared for by
// "exosim lab start": the lab's whole definition (so checking works
// without the file it came from), where it came from, when it started and
// how many hints have been shown.
type LabState struct {
	Name       string    `json:"name"`
	Origin     string    `json:"origin"`
	Definition string    `json:"definition"`
	Started    time.Time `json:"started"`
	HintsShown int       `json:"hintsShown"`
}

// ActiveLab returns the lab the tenant was started for, or nil when none is.
func ActiveLab(tx *store.Tx) (*LabState, error) {
	raw := tx.Meta(metaLab)
	if raw == "" {
		return nil, nil
	}
	var l LabState
	if err := json.Unmarshal([]byte(raw), &l); err != nil {
		return nil, fmt.Errorf("tenant lab record: %w", err)
	}
	return &l, nil
}

// SetActiveLab records (or, with nil, clears) the tenant's active lab.
func SetActiveLab(tx *store.Tx, l *LabState) error {
	if l == nil {
		return tx.SetMeta(metaLab, "")
	}
	raw, err := json.Marshal(l)
	if err != nil {
		return err
	}
	return tx.SetMeta(metaLab, string(raw))
}
