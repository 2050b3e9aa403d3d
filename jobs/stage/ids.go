package stage

import (
	"hash/maphash"
)

// IDs holds the rule on article ids: the first record of an id, in input
// order, keeps it; every later record of that id is a duplicate
// (MarkDuplicate). The runner asks as records come in order; the Beam
// pipeline asks over the records of one shard of ids put in input order.
type IDs struct {
	seedA, seedB maphash.Seed
	seen         map[[2]uint64]struct{}
}

// NewIDs returns an IDs that has seen no id.
func NewIDs() *IDs {
	return &IDs{seedA: maphash.MakeSeed(), seedB: maphash.MakeSeed(), seen: map[[2]uint64]struct{}{}}
}

// Duplicate reports whether an earlier call was given id, and remembers
// it. An id is kept as two 64-bit hashes of independent seeds, 16 bytes
// whatever its length: two ids are taken for one only if both hashes
// collide (about one chance in 2^128 for a pair).
func (s *IDs) Duplicate(id string) bool {
	k := [2]uint64{maphash.String(s.seedA, id), maphash.String(s.seedB, id)}
	if _, ok := s.seen[k]; ok {
		return true
	}
	s.seen[k] = struct{}{}
	return false
}
