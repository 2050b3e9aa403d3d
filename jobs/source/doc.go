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
// becomes an alias. Names that differ only in case ("police", "Police"),
// and generic names of one generic form (below), are one source, named by
// the spelling seen most often (ties: the first in byte order).
//
// Generic sources. A cited source the curated table does not know and
// that is a common noun phrase ("the police", "a witness", "what police",
// "police department", "sources") shares its row with every phrase of the
// same generic form (see genericName): determiners, numbers and words
// glued on from the sentence are dropped, a singular joins its plural
// ("witness" → "witnesses"), synonyms join ("cops", "city police",
// "police department" → "police"; "sheriff", "sheriff's department" →
// "sheriff's office"; "source", "sources" → "unnamed source"; "news
// release" → "statement"), and a few modifiers that name another body
// stay ("state police", "fire officials", "police sources"). As for case
// variants, the row is named by the spelling seen most often, so that it
// keeps the name most claims give in claims.source ("police", "sheriff").
// Generic sources are not merged per outlet or per place: claims.source
// keeps the text's "police"; split it by claims.location in a query. A
// place-specific row exists when the text names the place's force
// ("Chicago Police"). On the GVA corpus this folds 4,374 rows into 4,082,
// "police" gathering 2,802 claims of 1,045 articles (2,555 before) and
// "witnesses" 263 (171).
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
// "they", nor a "that" or "what" left on a mention by the sentence), sorted,
// at most MaxAliases.
//
// Splitting. Every article and claim counts for at most one row, whose key
// ArticleRow and ClaimRow return. An engine that cannot feed one
// Aggregator everything groups the articles and claims by that key
// (reduced to ArticleInput and Aggregator.ClaimInput), puts each group
// back in input order, and feeds one Aggregator per group: each gives
// exactly its row of the whole. The order matters (the cue claims are a source's first 16,
// and n_articles counts runs of one article), so a group cannot be merged
// from partial aggregates.
package source
