// Package extract finds the claims of one news article: the numbers it
// reports, what they count, who it attributes them to, when and where.
//
// In: an Article (id, title, text, outlet, published date; claims come from
// the text, which offsets index; the title only helps name the main place).
// Out: a Result
// with the number of sentences and the claims as schema.Claim rows, in text
// order, every field filled except ClaimKey. Extract is a pure function: no
// I/O, no goroutines, no shared mutable state; the lexicons are read-only
// package-level tables built at initialisation from the word lists and
// the place list the package embeds as data (lexicon.tsv, places.tsv:
// each entry with its origin; words.go, place.go read them).
//
// The pipeline, per article:
//
//	text -> sentences (abbreviations, initials, decimals, quotes, datelines;
//	        credits, "Related Story" lines and page furniture, also after a
//	        date ("4 March 2014 Last updated at 09:12 GMT"), are
//	        boilerplate: no claims, not the lead, not counted in NSentences)
//	     -> a byte scan per sentence: without a digit or a trigger word
//	        (number word, vague quantity, cue, "no", "none", ...) the
//	        sentence cannot yield a claim and is not tokenized
//	     -> tokens (byte offsets; one lexicon look-up per word)
//	     -> number phrases (digits, separators, decimals, 2.3bn, number words,
//	        a dozen, vague quantities, modifiers and ranges, %, currencies)
//	     -> classes (count, percent, money; years, dates, times, ages,
//	        ordinals, durations, measures, phone numbers, identifiers,
//	        addresses and decades are dropped)
//	     -> predicate and subject (the verb or noun the number attaches to)
//	     -> attribution (according to X, X said, said X, X told, X denies)
//	     -> scope (since April, last week, in 2017) and location
//	     -> claims: quantity claims, and statement claims for attributed
//	        sentences without a number.
//
// Conventions (see DESIGN.md): values follow the UCDP low/best/high idea.
// Exact "890": low = best = high = 890. "around/about/some/an estimated 890":
// best only, bound approx. "nearly/almost 40": high only, bound approx.
// "more than/over 730": low, more_than; "at least 730": low, at_least;
// "up to/as many as 50": high, at_most; "fewer/less than, under": high,
// less_than; "between 10 and 20", "10 to 20", "10-20", "two or three": low
// and high, range. Vague quantities give low and high and bound vague:
// several [3, 9], a few [2, 9], a handful [2, 5], dozens [24, 99], scores
// [40, 199], hundreds [200, 999], thousands [2000, 9999], tens of thousands
// [20000, 99999], hundreds of thousands [200000, 999999], millions [2e6,
// 9999999]; "several hundred", "a few thousand" as "hundreds",
// "thousands". "more than hundreds" keeps the vague low only. "no one was
// killed", "no casualties": 0, exact, one claim for each predicate ("no
// one was killed or injured": killed and injured).
//
// What is a claim: a count of the news (casualties, arrests, displaced,
// missing, hostages, crowds, shots, munitions, buildings, money), not the
// people and things of an anecdote ("her two sons", "one of the slain",
// "three tours"): see anecdote.go. A figure repeated in the same words is
// one claim.
//
// Units: people and other counted things have unit "" (the subject says
// what is counted: "people", "civilians", "children", ...; the counted noun
// after the number wins, things that are not people included: "2.5
// million livestock", "6,000 head of cattle", "300 homes"; a number with a
// casualty verb and no noun counts "people"; "four of them", "up from 46"
// and "a further 600 were damaged" count what the sentence's previous
// claim counts). Percentages have unit
// "percent"; money has its ISO 4217 code ("USD", "EUR", "GBP", ...) and
// predicate "money".
//
// Predicates: killed, injured, displaced, arrested, missing, affected,
// population, money, other. "shot" alone counts as injured; with a fatal
// word nearby ("shot dead", "fatally", "shot and killed") as killed.
// "casualties" counts as killed.
//
// Sources: Source is the canonical name ("" for the article's own voice),
// SourceMention the noun phrase as written, Cue the verb ("said",
// "according to", "told", "reported", "estimated", "denies", ...).
// Canonical names come from, in order: acronyms the article defines ("Union
// of ... (UOSSM)"), short forms of a longer name used elsewhere in the
// article ("the Observatory"), the curated table of package entity, the
// organisation behind a generic noun ("U.N. officials", "a spokesman for
// X"), a person's name without the title ("Police Chief Ken Grace" -> "Ken
// Grace"), else the phrase itself (lower case for generic sources such as
// "police" or "local activists"; a ministry without a country is written
// "health ministry"). A pronoun ("he said") takes the previous source of
// the article, or "unnamed source". A spokesperson, official or chief
// speaking for an organisation gives the organisation ("UNHCR spokesman
// Adrian Edwards" -> UNHCR), and so does the person's surname later.
// Quotations keep their speaker over sentences (quote.go). What a
// sentence glues onto a name is dropped (cleanName). A short form the
// article spells out elsewhere wins over the table ("the Red Cross" in an
// article about the Peruvian Red Cross, "the institute" for the National
// Civil Defence Institute). Forms read: "S, X said, and T" (S and T), "X, which says S",
// "according to a list compiled by X", "Prosecutors in Crotone" (the
// group), "Togo's opposition", "the UN's humanitarian agency OCHA".
//
// Scope: ScopeText is the time expression as written; ScopeStart/ScopeEnd
// are UTC dates resolved against the published date. "since April" -> the
// first of the latest April on or before publication .. publication;
// "since early/mid/late April" start on the 1st/11th/21st; "since 2011" ->
// 2011-01-01 .. publication; "in 2017" -> the year; "last week" -> Monday to
// Sunday of the week before; "on Monday" -> the latest Monday on or before
// publication; "yesterday", "last month", "in the past 24 hours" likewise.
// Without a published date, expressions that need it keep ScopeText and have
// zero dates; absolute ones ("since 2011", "in 2017", "April 4, 2017") still
// resolve (an open end stays zero).
//
// Location: a place named where the claim happened, in the claim's clause
// ("in Syria", "the town of Morek", "Idlib province"), canonical from a
// small gazetteer (Khan Sheikhoun -> Khan Shaykhun) or as written; else the
// article's main place, with LocationMention left empty to show it was
// inferred. News leads name the main place first, so it is the first place
// the lead sentence names as a location (after the dateline, which says
// where the reporter is), else the title's first place, else the most
// mentioned place (datelines count double); a town gives way to the
// province or region named with it ("a town in southern Idlib province" ->
// Idlib), but not to its country.
//
// Negated means the claim is asserted as not holding: the source denies it
// ("denies", "denied") or the verb is negated ("were not killed"). A zero
// count ("no one was killed") is a positive claim of 0 and is not negated.
// Hedged means the sentence reports it with doubt ("reportedly",
// "allegedly", "may have", "unconfirmed"), or the next sentence says it
// "could not be independently verified".
package extract
