// Package source builds the sources table: one row per canonical source,
// the outlets that published the articles and every organisation,
// government, group or person the claims cite.
//
// In: the articles (AddArticle) and the claims (AddClaim) of a run, in the
// run's deterministic order, the claims of one article one after the
// other. Out: Rows, one schema.Source per canonical name, sorted by name.
//
// Names. An outlet is the article's outlet field, or its URL's host
// without "www."; a cited source is the claim's source. Either is replaced
// by the curated name when entity.Lookup knows it (also a host's main
// label for outlets: "www.reuters.com" → Reuters), and the spelling seen
// becomes an alias. Names that differ only in case ("police", "Police")
// are one source, named by the spelling seen most often (ties: the first
// in byte order).
//
// Kind. "outlet" for a source that published an article; else the curated
// table's kind; else the kind the text votes for: cue words in the mention
// and the canonical name ("the ministry" → government, "... Observatory"
// → ngo; weight 3), in an apposition after the mention or the four words
// before it ("X, a British-based group," → ngo, "a rebel group" → group,
// "army spokesman X" → person; weight 2), or, with no cue, a mention
// shaped like a personal name (person; weight 1). The most voted kind
// wins, ties going to the earlier of media, group, military, igo,
// government, ngo, person; no vote gives "unknown". Only the first 16
// claims of a source are read for cues.
//
// Counts. n_claims counts the claims a source is responsible for: the
// claims that cite it, and for an outlet the claims made in its own voice
// (source ""). n_articles counts the articles it published or is cited
// in; first_seen and last_seen are the earliest and latest publication
// dates of those articles. Aliases are the distinct spellings seen (source
// and source_mention values, outlet strings; not pronouns such as "he" or
// "they"), sorted, at most MaxAliases.
//
// Splitting. Every article and claim counts for at most one row, whose key
// ArticleRow and ClaimRow return. An engine that cannot feed one
// Aggregator everything groups the articles and claims by that key
// (reduced to ArticleInput and ClaimInput), puts each group back in input
// order, and feeds one Aggregator per group: each gives exactly its row of
// the whole. The order matters (the cue claims are a source's first 16,
// and n_articles counts runs of one article), so a group cannot be merged
// from partial aggregates.
package source
