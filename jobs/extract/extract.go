package extract

import (
	"time"

	"github.com/claimscan/claimscan/schema"
)

// Article is the input of Extract: one article's text and metadata.
type Article struct {
	ID        string
	Title     string
	Text      string
	Outlet    string
	Published time.Time // zero when unknown
}

// Result is what Extract finds in one article.
type Result struct {
	NSentences int
	Claims     []schema.Claim // in text order; ClaimKey is left empty
}

// Extract finds the claims of one article. It is a pure function of a: no
// I/O, no goroutines, no shared mutable state, safe for concurrent use.
func Extract(a Article) Result {
	return Result{}
}
