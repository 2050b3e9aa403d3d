package schema

import "time"

// Article statuses, as written to the articles.status column.
const (
	StatusOK          = "ok"
	StatusEmpty       = "empty"
	StatusInvalidUTF8 = "invalid_utf8"
	StatusTooLarge    = "too_large"
	StatusParseError  = "parse_error"
	StatusReadError   = "read_error"
	StatusDuplicateID = "duplicate_id"
	// StatusTooManyClaims: the article was read, but it held more claims
	// than the limits per sentence or per article; the first ones are kept.
	StatusTooManyClaims = "too_many_claims"
)

// Claim kinds, as written to claims.kind.
const (
	KindQuantity  = "quantity"
	KindStatement = "statement"
)

// Bounds, as written to claims.bound.
const (
	BoundExact    = "exact"
	BoundApprox   = "approx"
	BoundAtLeast  = "at_least"
	BoundMoreThan = "more_than"
	BoundAtMost   = "at_most"
	BoundLessThan = "less_than"
	BoundRange    = "range"
	BoundVague    = "vague"
)

// Conflict kinds, as written to conflicts.kind.
const (
	ConflictContradiction = "contradiction"
	ConflictDivergence    = "divergence"
	ConflictUpdate        = "update"
	ConflictDenial        = "denial"
)

// Float is a nullable float64: Valid false is written as a Parquet null.
type Float struct {
	V     float64
	Valid bool
}

// F returns a valid Float holding v.
func F(v float64) Float { return Float{V: v, Valid: true} }

// Article is one row of the articles table: one input record, read or not.
type Article struct {
	ArticleID  string
	Path       string
	Line       int64 // 1-based line in a JSONL file; 0 (null) for one-article files
	Title      string
	Outlet     string
	URL        string
	Published  time.Time // zero is null
	NChars     int64     // Unicode code points of the text
	NSentences int32
	NClaims    int32
	TextSHA256 string
	Status     string
	Error      string
	// Text is the text the claims' offsets index; written only by a run
	// with --with-text (ArticlesWithText).
	Text string
}

// Claim is one row of the claims table. Offsets are Unicode code points into
// the article text, as Python indexes it; Quote == text[CharStart:CharEnd].
type Claim struct {
	ClaimID         string
	ArticleID       string
	SentenceIndex   int32
	CharStart       int32
	CharEnd         int32
	Sentence        string
	Quote           string
	Kind            string // KindQuantity or KindStatement
	Predicate       string // killed, injured, displaced, arrested, missing, affected, population, money, other
	Subject         string
	ValueLow        Float
	ValueBest       Float
	ValueHigh       Float
	Bound           string
	Unit            string
	Source          string // canonical source name; "" is the article's own voice
	SourceMention   string
	Cue             string
	ScopeText       string
	ScopeStart      time.Time // zero is null; written as a date
	ScopeEnd        time.Time // zero is null; written as a date
	Location        string
	LocationMention string
	Negated         bool
	Hedged          bool
	Published       time.Time // zero is null
	Outlet          string
	ClaimKey        string
}

// Source is one row of the sources table: one canonical source.
type Source struct {
	SourceID  string
	Name      string
	Kind      string // outlet, ngo, igo, government, military, media, person, group, unknown
	Aliases   []string
	NClaims   int64
	NArticles int64
	FirstSeen time.Time // zero is null
	LastSeen  time.Time // zero is null
}

// Conflict is one row of the conflicts table: two claims about the same
// quantity whose values disagree. The Value fields are the claims' own
// values; Low and High are the intervals compared, after the tolerance
// (null: an open end).
type Conflict struct {
	ConflictID string
	ClaimKey   string
	Predicate  string // the key's predicate: killed, injured, shot, ...
	Subject    string // the key's subject class
	Location   string // claim a's location, else claim b's
	ClaimIDA   string
	ClaimIDB   string
	ArticleIDA string
	ArticleIDB string
	SourceA    string
	SourceB    string
	OutletA    string
	OutletB    string
	PublishedA time.Time // zero is null
	PublishedB time.Time // zero is null
	QuoteA     string
	QuoteB     string
	ValueLowA  Float
	ValueBestA Float
	ValueHighA Float
	ValueLowB  Float
	ValueBestB Float
	ValueHighB Float
	Kind       string
	LowA       Float
	HighA      Float
	LowB       Float
	HighB      Float
	Gap        float64
	RelGap     float64
	Severity   float64
	SameSource bool
}
