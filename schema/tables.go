package schema

import (
	"slices"
	"time"
)

// Table names, also the dataset's directory names.
const (
	ArticlesTable  = "articles"
	ClaimsTable    = "claims"
	SourcesTable   = "sources"
	ConflictsTable = "conflicts"
)

// articleColumns are the columns of the articles table without text.
var articleColumns = []column[Article]{
	strCol("article_id", func(r *Article) *string { return &r.ArticleID }),
	strCol("path", func(r *Article) *string { return &r.Path }),
	int64Col("line", true, func(r *Article) *int64 { return &r.Line }),
	strCol("title", func(r *Article) *string { return &r.Title }),
	strCol("outlet", func(r *Article) *string { return &r.Outlet }),
	strCol("url", func(r *Article) *string { return &r.URL }),
	tsCol("published", func(r *Article) *time.Time { return &r.Published }),
	int64Col("n_chars", false, func(r *Article) *int64 { return &r.NChars }),
	int32Col("n_sentences", func(r *Article) *int32 { return &r.NSentences }),
	int32Col("n_claims", func(r *Article) *int32 { return &r.NClaims }),
	strCol("text_sha256", func(r *Article) *string { return &r.TextSHA256 }),
	dictCol("status", func(r *Article) *string { return &r.Status }),
	strCol("error", func(r *Article) *string { return &r.Error }),
}

// Articles is the articles table: one row for every input record.
var Articles = newTable(ArticlesTable, articleColumns...)

// ArticlesWithText is the articles table of a run with --with-text: the
// columns of Articles and text, the string that the claims' offsets
// index; null where no text was read (text_sha256 is empty).
var ArticlesWithText = newTable(ArticlesTable, append(slices.Clone(articleColumns),
	optStrCol("text", func(r *Article) *string { return &r.Text }, func(r *Article) bool { return r.TextSHA256 != "" }))...)

// Claims is the claims table: one row per claim.
var Claims = newTable(ClaimsTable,
	strCol("claim_id", func(r *Claim) *string { return &r.ClaimID }),
	strCol("article_id", func(r *Claim) *string { return &r.ArticleID }),
	int32Col("sentence_index", func(r *Claim) *int32 { return &r.SentenceIndex }),
	int32Col("char_start", func(r *Claim) *int32 { return &r.CharStart }),
	int32Col("char_end", func(r *Claim) *int32 { return &r.CharEnd }),
	strCol("sentence", func(r *Claim) *string { return &r.Sentence }),
	strCol("quote", func(r *Claim) *string { return &r.Quote }),
	dictCol("kind", func(r *Claim) *string { return &r.Kind }),
	dictCol("predicate", func(r *Claim) *string { return &r.Predicate }),
	strCol("subject", func(r *Claim) *string { return &r.Subject }),
	floatCol("value_low", func(r *Claim) *Float { return &r.ValueLow }),
	floatCol("value_best", func(r *Claim) *Float { return &r.ValueBest }),
	floatCol("value_high", func(r *Claim) *Float { return &r.ValueHigh }),
	dictCol("bound", func(r *Claim) *string { return &r.Bound }),
	dictCol("unit", func(r *Claim) *string { return &r.Unit }),
	strCol("source", func(r *Claim) *string { return &r.Source }),
	strCol("source_mention", func(r *Claim) *string { return &r.SourceMention }),
	dictCol("cue", func(r *Claim) *string { return &r.Cue }),
	strCol("scope_text", func(r *Claim) *string { return &r.ScopeText }),
	dateCol("scope_start", func(r *Claim) *time.Time { return &r.ScopeStart }),
	dateCol("scope_end", func(r *Claim) *time.Time { return &r.ScopeEnd }),
	strCol("location", func(r *Claim) *string { return &r.Location }),
	strCol("location_mention", func(r *Claim) *string { return &r.LocationMention }),
	boolCol("negated", func(r *Claim) *bool { return &r.Negated }),
	boolCol("hedged", func(r *Claim) *bool { return &r.Hedged }),
	tsCol("published", func(r *Claim) *time.Time { return &r.Published }),
	strCol("outlet", func(r *Claim) *string { return &r.Outlet }),
	strCol("claim_key", func(r *Claim) *string { return &r.ClaimKey }),
)

// Sources is the sources table: one row per canonical source.
var Sources = newTable(SourcesTable,
	strCol("source_id", func(r *Source) *string { return &r.SourceID }),
	strCol("name", func(r *Source) *string { return &r.Name }),
	dictCol("kind", func(r *Source) *string { return &r.Kind }),
	listCol("aliases", func(r *Source) *[]string { return &r.Aliases }),
	int64Col("n_claims", false, func(r *Source) *int64 { return &r.NClaims }),
	int64Col("n_articles", false, func(r *Source) *int64 { return &r.NArticles }),
	tsCol("first_seen", func(r *Source) *time.Time { return &r.FirstSeen }),
	tsCol("last_seen", func(r *Source) *time.Time { return &r.LastSeen }),
)

// Conflicts is the conflicts table: one row per disagreeing pair of claims,
// readable on its own: each side's values as its claim stated them, with
// its quote, source, outlet and publication time.
var Conflicts = newTable(ConflictsTable,
	strCol("conflict_id", func(r *Conflict) *string { return &r.ConflictID }),
	strCol("claim_key", func(r *Conflict) *string { return &r.ClaimKey }),
	dictCol("predicate", func(r *Conflict) *string { return &r.Predicate }),
	strCol("subject", func(r *Conflict) *string { return &r.Subject }),
	strCol("location", func(r *Conflict) *string { return &r.Location }),
	strCol("claim_id_a", func(r *Conflict) *string { return &r.ClaimIDA }),
	strCol("claim_id_b", func(r *Conflict) *string { return &r.ClaimIDB }),
	strCol("article_id_a", func(r *Conflict) *string { return &r.ArticleIDA }),
	strCol("article_id_b", func(r *Conflict) *string { return &r.ArticleIDB }),
	strCol("source_a", func(r *Conflict) *string { return &r.SourceA }),
	strCol("source_b", func(r *Conflict) *string { return &r.SourceB }),
	strCol("outlet_a", func(r *Conflict) *string { return &r.OutletA }),
	strCol("outlet_b", func(r *Conflict) *string { return &r.OutletB }),
	tsCol("published_a", func(r *Conflict) *time.Time { return &r.PublishedA }),
	tsCol("published_b", func(r *Conflict) *time.Time { return &r.PublishedB }),
	strCol("quote_a", func(r *Conflict) *string { return &r.QuoteA }),
	strCol("quote_b", func(r *Conflict) *string { return &r.QuoteB }),
	floatCol("value_low_a", func(r *Conflict) *Float { return &r.ValueLowA }),
	floatCol("value_best_a", func(r *Conflict) *Float { return &r.ValueBestA }),
	floatCol("value_high_a", func(r *Conflict) *Float { return &r.ValueHighA }),
	floatCol("value_low_b", func(r *Conflict) *Float { return &r.ValueLowB }),
	floatCol("value_best_b", func(r *Conflict) *Float { return &r.ValueBestB }),
	floatCol("value_high_b", func(r *Conflict) *Float { return &r.ValueHighB }),
	dictCol("kind", func(r *Conflict) *string { return &r.Kind }),
	floatCol("compared_low_a", func(r *Conflict) *Float { return &r.LowA }),
	floatCol("compared_high_a", func(r *Conflict) *Float { return &r.HighA }),
	floatCol("compared_low_b", func(r *Conflict) *Float { return &r.LowB }),
	floatCol("compared_high_b", func(r *Conflict) *Float { return &r.HighB }),
	float64Col("gap", func(r *Conflict) *float64 { return &r.Gap }),
	float64Col("rel_gap", func(r *Conflict) *float64 { return &r.RelGap }),
	float64Col("severity", func(r *Conflict) *float64 { return &r.Severity }),
	boolCol("same_source", func(r *Conflict) *bool { return &r.SameSource }),
)

// TableNames lists the dataset's tables in the order they are written.
var TableNames = []string{ArticlesTable, ClaimsTable, SourcesTable, ConflictsTable}

// NoStats lists the columns written without Parquet min/max statistics:
// free text and random hashes, whose bounds never let a reader skip a row
// group.
var NoStats = []string{
	"title", "url", "error", "text_sha256", "text",
	"claim_id", "sentence", "quote", "source_mention", "scope_text", "location_mention",
	"conflict_id", "claim_id_a", "claim_id_b", "quote_a", "quote_b",
}

// Hashes lists the columns of hex digests. They are compressed at zstd's
// fastest level: their only redundancy is the hex alphabet, which the
// fastest level's entropy coding removes as well as the default level
// (the files come out smaller) at about half the time.
var Hashes = []string{"text_sha256", "claim_id", "conflict_id", "claim_id_a", "claim_id_b"}
