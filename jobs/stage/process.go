package stage

import (
	"fmt"
	"strings"
	"time"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/jobs/extract"
	"github.com/claimscan/claimscan/jobs/input"
	"github.com/claimscan/claimscan/schema"
)

// Limits of one article's claims: a sentence keeps its first
// MaxSentenceClaims claims, an article its first MaxArticleClaims. No real
// news article comes near them (the corpora here: at most 10 claims in a
// sentence, 228 in an article); they stop a hostile or broken text ("5 died
// 5 died ...") from filling a run with millions of rows.
const (
	MaxSentenceClaims = 32
	MaxArticleClaims  = 10000
)

// Rows are one input record's rows after Process: its articles row and its
// claims rows, with their claim keys. Between the two come the record as
// read (input.Record) and as parsed and checked (input.Article).
type Rows struct {
	Article schema.Article
	Claims  []schema.Claim
	// Known: an earlier dataset (--since) has this text; the record leaves
	// no row.
	Known bool
}

// Processor turns records into rows. Its fields are set before the first
// Process and only read after, so that workers can share it.
type Processor struct {
	// Extract extracts an article's claims; nil means extract.Extract.
	Extract func(extract.Article) extract.Result
	// Latest is the latest publication date accepted
	// (input.LatestPublished); zero sets no limit.
	Latest time.Time
	// Known reports whether an earlier dataset has a text, by its
	// SHA-256; nil means none has.
	Known func(textSHA256 [32]byte) bool
	// WithText keeps each article's text in its row (--with-text).
	WithText bool
}

// Process parses and checks a record (input.Record.Article), extracts its
// claims and sets their claim keys. It never fails: every problem becomes
// the article's status and error, a panic included (status parse_error,
// never a crashed run).
func (p *Processor) Process(rec input.Record) (r Rows) {
	defer func() {
		if e := recover(); e != nil {
			r = Rows{Article: rec.FailedRow(fmt.Sprintf("internal error while extracting: %v", e))}
		}
	}()
	in := rec.Article(p.Latest)
	r.Article = in.Row
	if !in.Parsed {
		return r
	}
	a := &r.Article
	if p.WithText {
		a.Text = in.Text
	}
	if p.Known != nil && p.Known(in.SHA256) {
		r.Known = true
		return r
	}
	if a.Status == schema.StatusEmpty {
		return r
	}
	extractFn := p.Extract
	if extractFn == nil {
		extractFn = extract.Extract
	}
	res := extractFn(extract.Article{ID: a.ArticleID, Title: a.Title, Text: in.Text, Outlet: a.Outlet, Published: a.Published,
		MaxClaims: MaxArticleClaims, MaxSentenceClaims: MaxSentenceClaims})
	if note := limitsNote(res.Limits, res.NSentences); note != "" {
		if a.Status == schema.StatusOK {
			a.Status = schema.StatusTooManyClaims
		}
		a.Error = joinNotes(a.Error, note)
	}
	a.NSentences = int32(res.NSentences)
	a.NClaims = int32(len(res.Claims))
	// The claim keys: with the input's event cluster when it has one
	// (claims of one event are compared whatever place each article names,
	// claims of two events never are), else with the place; against the
	// article's year and main place.
	conflict.SetKeys(res.Claims, in.Text, a.Published, in.Cluster)
	r.Claims = res.Claims
	return r
}

// limitsNote says which claims the limits left out, for the error column;
// "" when none.
func limitsNote(l extract.Limits, nSentences int) string {
	var notes []string
	if l.CutSentences > 0 {
		notes = append(notes, fmt.Sprintf("%d sentences held more than %d claims: their first %d kept, %d claims dropped",
			l.CutSentences, MaxSentenceClaims, MaxSentenceClaims, l.CutClaims))
	}
	if l.StoppedAt > 0 {
		notes = append(notes, fmt.Sprintf("the first %d claims kept, from sentences 1 to %d of %d; the rest of the text was not searched for claims",
			MaxArticleClaims, l.StoppedAt, nSentences))
	}
	return strings.Join(notes, "; ")
}

// joinNotes joins two notes of the error column.
func joinNotes(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
