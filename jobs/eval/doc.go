// Package eval scores a claims table against a gold file.
//
// Two gold formats are read. A quote gold file (fixtures/gold; [LoadGold],
// [Score]) places each claim by a quote; the rules below are its own. A
// development set (../shared/eval-dev; [LoadDevSet], [ScoreDev]) places
// each claim by a span of code-point offsets, has its cross-article
// conflicts and trap pairs beside it, and is scored with the rules of its
// reference scorer, score.py, whose figures ScoreDev reproduces to the
// third decimal (claims, conflicts and the "numbers" figures). [IsDevSet]
// tells the formats apart by the first record.
//
// In: gold items, one JSON object a line (see [Gold] and fixtures/gold/README.md),
// read with [LoadGold], and the predicted rows of a dataset's claims table as
// []schema.Claim (the caller loads them from Parquet). Out: a [Report] with
// precision, recall and F1 over (article, value bounds), the accuracy of
// predicate, subject, source and scope among the matched claims, a breakdown
// per article and per predicate, and the lists of misses, false positives and
// attribute mismatches, written as a readable table ([Report.WriteText]) or
// JSON ([Report.WriteJSON]).
//
// # Matching
//
// Only predicted claims of kind "quantity" on articles that appear in the gold
// file take part: predictions on other articles are counted in
// Report.Ignored and affect neither precision nor recall, so a gold file that
// annotates a few articles of a large run scores just those articles. A gold
// line with only an article_id declares an article with no claims: every
// prediction on it is a false positive.
//
// A gold item and a predicted claim are candidates when they belong to the
// same article and their value intervals agree. The predicted interval is
// [ValueLow, ValueHigh] when either is set (an unset end is open); when both
// are unset it is [ValueBest, ValueBest]. Two intervals agree when each pair
// of ends agrees: two open ends agree, an open end never agrees with a finite
// one, and two finite ends a and b agree when |a-b| <= max(Abs, Rel*max(|a|,|b|))
// (see [Tolerance]; by default 0.5 and 1%). When the gold item is approx or the
// prediction's bound is "approx", Rel is raised to Tolerance.Approx (10%).
// Predicate and source never decide whether a pair is a candidate, only
// which candidate is taken; all attributes are scored among the matched
// pairs.
//
// Matching is one-to-one and greedy. All candidate pairs of an article are
// ranked by affinity, best first: the overlap of the gold quote's span with
// the predicted span (when the article text is known, see [Options].Texts),
// containment of one quote in the other, the gold quote lying in the
// predicted sentence, and the word overlap of the two quotes. Ties go to the
// nearer offsets, then to the earlier gold line, then to the earlier
// prediction (by char_start, then input order), so the result does not depend
// on the order of the claims slice beyond that. A pair is taken when neither
// side is matched yet. Matched pairs are true positives, unmatched gold items
// false negatives, unmatched predictions false positives.
//
// # Attribute accuracy
//
// Among the matched pairs: predicate is compared case-insensitively; subject
// matches when the normalised phrases (lower case, no leading article, simple
// plural folded) are equal or their head nouns are; source matches when the
// normalised prediction equals the gold source or one of its source_aliases,
// or when one is the acronym of the other ("UN OCHA" and "UN Office for the
// Coordination of Humanitarian Affairs"); the article's own voice is "" on
// both sides. Scope matches when both are empty or the normalised texts are
// equal or one contains the other.
package eval
