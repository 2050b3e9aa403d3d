package conflict

import (
	"strings"
	"testing"

	"github.com/claimscan/claimscan/schema"
)

// TestConflictIDs checks the conflict_id the detector computes against
// schema.ConflictID.
func TestConflictIDs(t *testing.T) {
	ids := []string{"", "a", "0123456789abcdef", "fedcba9876543210", "x\x00y",
		"a long claim id, longer than a hash block: " + strings.Repeat("z", 80)}
	var w partitionWorker
	for _, a := range ids {
		for _, b := range ids {
			var id [idLen]byte
			w.conflictID(id[:], a, b)
			if want := schema.ConflictID(a, b); string(id[:]) != want {
				t.Errorf("conflict id of %q, %q: %q, want %q", a, b, id, want)
			}
		}
	}
}
