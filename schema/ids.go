package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// ClaimID returns the stable id of a claim: a hash of the article id, the
// claim's code-point span and its kind, so the same text gives the same id in
// every run.
func ClaimID(articleID string, start, end int32, kind string) string {
	return hashID("claim", articleID, strconv.Itoa(int(start)), strconv.Itoa(int(end)), kind)
}

// SourceID returns the stable id of a canonical source name.
func SourceID(name string) string { return hashID("source", name) }

// ConflictID returns the stable id of a pair of claims.
func ConflictID(claimA, claimB string) string { return hashID("conflict", claimA, claimB) }

func hashID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}
