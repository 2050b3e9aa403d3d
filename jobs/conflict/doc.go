// Package conflict finds the claims that report the same quantity
// differently: claims come in (as Items, one at a time, in any order) and
// rows of the conflicts table go out, in a fixed order, with bounded
// memory. It also computes the claim_key that decides which claims are
// about the same quantity (Key), from a place key (PlaceKey) and a subject
// class (SubjectClass).
//
// # The claim key
//
// Key(claim) is "predicate|subject class|place key|time bucket", then
// marks the detector reads, for example "killed|civilians|#idlib|event" or
// "killed|people|=US|2016|20160612|shooting". Two claims are compared only
// when the first four fields of their keys are equal (GroupKey); the key is
// stored in claims.claim_key so that users can regroup. The marks: "since"
// or "asof" for a running total, and, without a cluster, the day of the
// event the claim counts (YYYYMMDD) and the event's kind (EventKind). Statements, claims without a value, claims whose predicate
// is "" or "other", and money claims without a subject get key "" and are
// never compared: without a predicate (or, for money, a subject), two
// numbers about one place and year are not known to measure the same thing.
// Neither are numbers inside a web address of the sentence
// ("http://.../shooting-leaves-1-dead-5-wounded/"): a slug, not a report.
//
// Predicate. The claim's predicate, lower-cased. A unit other than a plain
// count is appended ("money:usd"), so that dollars meet only dollars.
// A count of the shot gets the predicate "shot" ("shot|people|..."),
// whether the claim's predicate is injured or killed: a claim of either
// whose quote has the word "shot" and no word of the wounded ("wounded",
// "injured", "hurt", ...) or of the dead ("killed", "dead", "fatally",
// "to death", ...): "four people were shot", "shot seven people", "9
// People Shot, 1 Fatally". Everyone hit, the dead included, is a
// different quantity from the wounded: on the GVA corpus "four people were
// shot" against "2 dead, 2 injured" was the commonest false contradiction.
// "Shot and wounded" stays injured, "shot and killed" killed.
//
// Subject class. SubjectClass folds synonyms and plurals into one class
// ("civilian", "non-combatants", "residents" → civilians; "kids",
// "minors", "teenagers" → children; "troops", "servicemen" → soldiers;
// "rebels", "militants", "gunmen" → fighters) and reads the head noun of
// longer phrases ("Syrian civilians", "people in Idlib"). An unknown
// subject is its own class (its singular head noun). A human-count
// predicate (killed, injured, displaced, arrested, missing, affected) with
// no subject counts people.
//
// Subjects nest (SubjectParent):
//
//	people
//	├── civilians
//	│   └── children, women, journalists, medics, aid_workers, migrants,
//	│       students, workers, protesters
//	├── combatants
//	│   └── soldiers, fighters
//	└── men, police, prisoners, suspects
//
// Only claims of the same class are compared: civilians with civilians,
// children with children, people with people. Nested pairs (children vs
// civilians, civilians vs people) are not compared, because a subset is a
// different quantity from the whole: "12 people were killed, including 5
// children" holds no conflict, and neither does an article's "hundreds of
// people killed" beside a monitor's "890 civilians". Sibling classes
// (soldiers vs fighters, women vs children) are never compared either.
//
// Subsets. A count that its own sentence marks as a subset of a larger
// count keeps its class with the suffix "/subset" ("injured|people/subset|..."),
// and keys with that suffix are never compared (Comparable): a subset is a
// different quantity from its whole, and two subsets of one event are
// rarely the same subset (a named one, "/subset:" and its name, meets the
// same subset only). SubsetRule reads the words around the claim's
// number (the first number of its quote that has the claim's value; vague
// amounts such as "a handful", "several", "dozens" count as numbers):
//
//   - of: "N of" and a determiner, a pronoun or a number after it ("one of
//     the victims", "two of them", "one of nine people shot"), or a set
//     named before by "of" and a definite number opening a clause or
//     after "said", a clause earlier ("of the four wounded, three ...",
//     "said of 30 people transported, 29 were taken to ..."); not "N of
//     his/their ..." ("five of his companions" is all the wounded), nor
//     "tens of thousands of protesters, killing seven";
//   - including: "including N", "among them N";
//   - relative: "the next/first/last/final N"; for the dead also "the
//     other/remaining N", "the N others";
//   - pair: "one" with "the other" or "a second" later in the sentence
//     ("one was shot in the thigh; the other in the hand");
//   - condition: for counts other than the dead, a condition in the
//     number's own clause (before "and", "while", a comma or another
//     number, within eight words): "critically", "seriously", "severely",
//     "gravely", "life-threatening", or "critical/serious/stable/grave
//     condition" ("two other people were critically wounded"). The ones in
//     a condition are a subset of the wounded;
//   - breakdown: two clauses joined by "while", "whereas", "and" or a
//     semicolon, the second opening with its number (within three words),
//     with two different numbers and a participle shared within six words
//     after each ("ten victims were treated at Bridgeport Hospital while
//     three were treated at St. Vincent's"): both counts split one whole.
//
// Two exceptions keep the totals that these words also introduce. A count
// of the dead picked out of the shot is the whole count of the dead ("four
// of the five people shot died", "five were shot, including two who were
// killed"): of and including do not apply to a killed count whose sentence
// speaks of the wounded ("wounded", "injured", "hurt", "shot" without a
// fatal word). And the rest of the victims after a death are the whole
// count of the wounded ("one died at the scene and the other five were
// taken to hospitals"): pair does not apply to a count whose sentence
// speaks of the dead, and "the other/remaining N" is a subset only for the
// dead. "Another N", "N others" and "N more" are not subsets: on the GVA
// corpus three in five of them equal the incident's final count
// ("killing one and injuring 19 others"). Counts at a place ("treated at
// St. Vincent's") are not told apart from the event's place; the
// headline rule of the severity below weighs them down instead.
//
// Measured on the GVA corpus (3,700 killed and injured claims): of marks
// 205 claims, four in five of them below GVA's final count for the
// incident; condition 117, three in five below it (in the others everyone
// hit was in that condition: still another quantity); including,
// relative, pair and breakdown 42, 37 of them below it.
//
// Context figures. With a cluster key (below), the key stands for one
// event, and a count that its sentence places beyond the event gets the
// suffix "/ctx" and is never compared either (ContextRule):
//
//   - events: a plural incident noun ("shootings", "attacks", "incidents",
//     "homicides", ...) after a number of three or more or a word such as
//     "separate", "series", "several" within three words, or right after
//     "in", "from" or "by": "in 12 shootings", "four separate shootings",
//     "109 homicides", "in shootings across Chicago", "died from shootings
//     in 2016" ("two shootings" is often the event itself, in two places);
//     an event noun followed by "of" and plural sites ("the bombing of UN
//     schools and of housing": several incidents);
//   - area: "across the city", "citywide", in the number's clause (between
//     commas, semicolons, colons): a city's tally over many incidents (a
//     region's or a country's is not taken as wider than the event: a
//     flood's toll "across the region" is the flood's);
//   - year: "this year", in the number's clause;
//   - past: before the number, a year before the article's event's (in
//     January, before the last one), "N years ago", "last year": "the 2012
//     Aurora theater shooting that left 12 people dead", "the deadliest
//     mass shooting was in 2007" (after the number, such words are as
//     often a modifier of another noun, "in a region devastated by the
//     tsunami of 2004"; the scope rules read the number's clause).
//
// Without a cluster the key is a place's and a year's, and such counts
// are that place's: they keep their class.
//
// Quantity scopes. ScopeRule reads, in the number's clause, a leading
// "In ...," clause, the clauses it goes on from ("..., killing 170,000"),
// the clause right after it when that qualifies it, and for the background
// rule the sentence before, which quantity a count is beside the event's
// own total, against the article's context (ArticleContext: the day, year
// and kind of its event, its main place, its text):
//
//   - another event or another time ("/other", never compared): a year
//     before the event's, "last year", "three years ago", "since 2011" in
//     a report of 2019, "the deadliest since 1999", "in another attack",
//     "came six weeks after a massacre", a modifier of the event noun with
//     an earlier year ("the civil war, waged since 1955"), a superseded
//     figure ("revised from eight to six", "Originally, reports said ..."),
//     a background paragraph; for a point event (a shooting, a bombing, a
//     crash, a fire, a stabbing), a count at another named town, city or
//     neighbourhood than the article's own places (its main place, and
//     those of its opening), or an incident noun with such a place of the
//     gazetteer that does not lie inside the main place ("the bombing of
//     Guffa in Upper Nile state, which killed seven": elsewhere); under a
//     cluster, a count at another country than the article's (abroad);
//   - one hospital's patients ("/subset:" and its name; a speaker's own
//     intake, "we have received 50 people", unnamed);
//   - for an event over a region (a quake, a flood), a district, regency,
//     town or village of it ("/subset:" and its name), also in an
//     apposition ("in Takengon, the capital of Central Aceh district");
//   - a running total over a period ("since the assault began": the mark
//     "since").
//
// Place key. PlaceKey(location), or of location_mention when location is
// empty. It survives case, diacritics, articles, transliteration and
// spelling variants:
//
//  1. Lower-case; fold diacritics (NFD, marks dropped; ß→ss, ł→l, ...) and
//     Cyrillic (Київ → kiiv); drop apostrophes (Ma'arrat → maarrat); split
//     on everything else.
//  2. Drop "the", the Arabic article al-/el-/ul- and its sun-letter forms
//     when the next word starts with the doubled letter (ar-Raqqa,
//     ash-Shaddadi, an-Nabk), the French l'; then administrative words
//     (province, governorate, region, district, county, city, town,
//     village, strip, ..., "of") and a leading compass adjective
//     ("southern Idlib"). A word is never dropped if it is the last one.
//  3. Reduce each word to a skeleton and join them: every run of vowels
//     becomes one "a" (y and w too where they are vowels: Kyiv, Mawsil);
//     kh→k, gh→g, sh/sch→s, th→t, dh→d, ph→f, zh/dj→j, ch/tch→c, ck/q→k,
//     soft c→s, x→ks; h is kept only at the start of a word (so
//     "Sheihkoun", with its transposed h, meets "Sheikhoun"); doubled
//     consonants collapse (Raqqa, Ghazza). Digits stay.
//  4. A small exonym table maps skeletons of other names (Halab, Alep →
//     Aleppo; Dimashq → Damascus; Muqdisho → Mogadishu; Nikolaev →
//     Mykolaiv, ...), and a small table keeps apart the distinct places
//     whose skeletons would collide (Giza/Gaza, Oman/Amman, Oran/Iran,
//     Male/Mali, Sidon/Sudan, Northern Ireland/Ireland).
//
// So Khan Sheikhun, Khan Sheikhoun, Khan Sheihkoun and Khan Shaykhun are
// "kansakan"; Kyiv, Kiev and Київ are "kav"; Muhammad and Mohammed
// "mamad"; Hama "hama" and Homs "hams" stay apart. The trade-off: vowel
// quality is lost, so distinct places that differ only in their vowels
// collide unless they are in the table; a claim must also share predicate,
// subject class and time bucket before such a collision can pair it.
// Variants that differ in their consonants (Kafr Nabl/Kafranbel, French
// "ch" for "sh") stay apart.
//
// A claim with no place is comparable only within its own article: the
// place field is "@" and the article id.
//
// Clusters. When the input groups articles into clusters (the JSONL
// "cluster" field: articles about one event), KeyIn(claim, cluster) puts
// "#" and the cluster in place of the place key. The claims of one event
// then meet whatever place each article names (one outlet's "Idlib" is
// another's "Hama" or "the northwest"), and the claims of two events in one
// city never meet. On the GVA shooting corpus the place key alone pairs
// claims of different incidents in about one row in ten (busy cities); the
// cluster key pairs none.
//
// Time bucket. A string cannot say "overlapping", so the key carries a
// coarse bucket and the detector adds a window (ScopeBucket). "Other time"
// and the buckets are read against the day of the article's event, not its
// publication (ArticleContext.Event: the first full date of the article's
// opening when at most 400 days before publication, else the publication's
// day):
//
//   - a closed period of 60 days or more that ended at least a week before
//     the article's event ("in 2018"): "YYYYMM-YYYYMM" of its start and end;
//   - a scope starting more than a year before the article's event ("since
//     2011", a cumulative count over a long period): "s" and the start year;
//   - with a cluster key only, a scope that started 60 days or more
//     before the article's event and spans 60 days or more or has no end
//     ("this year", "since early October" in December): "s" and the start's
//     year and month, "s201610": a count over a period, not the cluster's
//     event;
//   - with a cluster key, any other count: "event" (ScopeEvent), whatever
//     year each report came out in: the cluster is one event (a shooting of
//     November 2015 and its follow-ups of 2016 meet);
//   - without a cluster, any other count: the year of the event the claim
//     counts (claimEvent): a date its clause writes a week or more before
//     the article's event ("the Nov. 22 shootout that wounded 17" in a
//     report of October 2016), else a short scope the extractor resolved
//     from a weekday or a recent date ("on Saturday", also across New
//     Year's Day), else the article's event;
//   - neither a date nor a text's year: "open".
//
// The whole-war "370,000 killed since 2011" (s2011) therefore never meets
// the offensive's "890 civilians killed since April" (2019), while a count
// with no stated scope of the same week does. For bare years, the buckets
// of event counts without a cluster, the detector also requires the days
// of the two claims' events to be within Config.Window (7 days by
// default) of each other, and their events to be of one kind when both
// are known (a shooting, a bombing, a quake: EventKind), so that two
// incidents in one town and year are not paired: two shootings in one
// city a month apart stay apart. The day and the kind travel in the key's
// marks and in Item.Event, with the gazetteer path of the claim's place
// (two places of one country are compared only when one lies inside the
// other).
//
// # Intervals
//
// With tolerance tol (Config.Tolerance, 10% by default) each claim stands
// for an interval and, except for ranges and vague amounts, an anchor
// (IntervalOf):
//
//	exact               [v, v]                  anchor v
//	approx              [v·(1−tol), v·(1+tol)]  anchor v
//	approx, high only   [h·(1−tol), h]          anchor h   "nearly 40"
//	at_least, more_than [v, +∞)                 anchor v
//	at_most, less_than  [0, v]                  anchor v
//	range               [low, high]             no anchor
//	vague               [low, high]             no anchor  "hundreds" [200, 999]
//
// "More than 730" is read as at least 730. In the conflicts table an open
// end is a null high_a/high_b; low/high are the compared intervals, after
// the tolerance.
//
// # Conflict kinds
//
// For a pair (a, b) with a the earlier claim:
//
//   - denial: one claim is negated (the extractor's Negated: the source
//     denies the claim, or its verb is negated). A negated figure ("denied
//     that 50 were killed") conflicts with a claim whose interval overlaps
//     it; a negated zero ("did not kill anyone") with any claim whose low
//     is above 0. Two negated claims never conflict, and a negated claim
//     never gives another kind. A count of zero ("no one was killed") is
//     not negated: it is the value 0 and meets the other rules.
//   - contradiction: the intervals are disjoint; they cannot both hold.
//   - divergence: the intervals overlap but both claims have anchors and
//     the anchors differ by more than tol, relative to the larger. Ranges
//     and vague amounts never diverge, so "more than 400,000 fled" and
//     "hundreds of thousands fled" agree; "≈890", ">730" and ">500"
//     diverge pairwise.
//   - update: a contradiction or divergence where both claims have the same
//     voice, come from different articles, b was published strictly later
//     and b's value is the higher one: a cumulative count growing; also
//     where either claim is a running total at a stated time ("asof": "so
//     far", "the toll rose to", the arrested) and b, higher, came out 12
//     hours or more later in another article. Falling counts stay
//     contradictions or divergences.
//   - "More than N" excludes N: "more than 40" against "40" is a
//     contradiction (with a gap of 0), "at least 40" against "40" none.
//
// The voice of a claim is its source, or, for the article's own voice
// (source ""), its outlet. same_source is true when both claims have the
// same voice: the same organisation quoted by two outlets, or one outlet
// twice.
//
// Two claims of the same article are paired only when their voices differ
// (two parties quoted with different figures); one voice in one article is
// a restatement or a breakdown, not a conflict. And a claim that repeats,
// in the same article and voice, the figure of an earlier claim of its
// group (same bound, values, negation and hedging: a headline, a lead and
// a summary saying "46 wounded") is not paired at all: one row per figure
// of an article, not one per mention. On the GVA corpus this removed a
// quarter of the rows and no disagreement.
//
// gap and rel_gap: for disjoint intervals, the distance between the facing
// ends and that distance over the larger facing end (an open end never
// faces the other interval: [730, +∞) vs [0, 500] gives 230 and 230/730);
// for overlapping intervals, the difference of the anchors over the larger
// anchor; 0 when there are no anchors. rel_gap is in [0, 1].
//
// severity = base + span·rel_gap, plus 0.15 when one named source is
// quoted with both figures (same_source with a cited source whose name has
// a capital letter, except for updates: the strongest signal, the same
// organisation quoted with two numbers), else 0.10 when two different
// named sources gave them, capped at 1:
//
//	contradiction  0.50 + 0.50·rel_gap
//	denial         0.60 + 0.40·rel_gap
//	divergence     0.20 + 0.60·rel_gap
//	update         0.05 + 0.25·rel_gap
//
// then multiplied by each factor that applies, for what makes a pair weaker
// evidence of two reports disagreeing:
//
//	×0.75  either claim is hedged ("reportedly", "may have")
//	×0.6   the higher figure, from another voice, was published 12 hours
//	       or more later: the count may simply have grown
//	×0.8   the two articles came out more than three days apart
//	×0.5   rel_gap ≥ 0.9: one figure is ten times the other, or zero; on
//	       real clusters such pairs are mostly two different quantities (a
//	       year's toll and one incident, a whole and a subset, "no one else
//	       was hurt" and a count)
//	×0.7   both claims are in one article
//	×0.85  for each claim of a generic source ("police", "officials")
//	×0.5   for each claim below its article's headline figure for the key
//	       (the largest value among the article's claims of the group, by
//	       more than the tolerance; negated claims are left out)
//
// so severity is in [0, 1] and the pairs a journalist should read first
// (same-day reports of one quantity, moderately apart, one source quoted
// twice) rank highest. An outlet's own voice in two of its articles is
// same_source but gets no bonus: that is mostly a story being updated.
//
// The headline factor: an article reports an event's total once or twice
// and then its subsets ("four people were wounded ... one was shot in the
// hand"), and the subsets the rules above miss ("three were treated at St.
// Vincent's", "a dispatcher said one wounded patient was outside") are
// below the article's largest figure. On the GVA corpus, before these
// rules, one row in eight paired two outlets' totals (one of the 30
// highest) and three in five paired figures that both fit under the
// incident's final count, one of them a subset; with them, two in three of
// the 30 highest rows pair two totals, and of the rows of severity 0.5 or
// more one in five pairs a subset with a whole, down from three in five
// (TestGVAConflicts measures these).
//
// Generic sources. A generic source ("police", "authorities", "officials":
// no capital letter) quoted by two outlets is the same voice (same_source)
// but not one organisation quoted twice: different officers at different
// hours, and on the GVA corpus two in three such rows paired a subset
// with its whole. It gets no bonus.
//
// # Scale
//
// The Detector blocks on the key: Add hashes the key (FNV-1a, fixed
// across runs), appends a compact binary record to one of 256 partitions
// chosen by the hash's top byte, and when the buffers pass
// Config.MemoryBudget writes them to a run file in Config.TempDir. Run
// loads one partition at a time per worker (its run segments plus what is
// left in memory), sorts it by (hash, key, publication, claim id, ...),
// and compares within each key group; never across groups. Memory is the
// budget plus Config.Workers partitions of about N/256 records each, plus
// the largest group.
//
// Which pairs: a group of at most AllPairsMax (64) claims compares every
// pair. A larger group compares each claim with its Config.Neighbors (8)
// predecessors in publication order, and with the group's consensus claim
// (the median claim by anchor, or by the middle of a finite interval). A
// group of n claims therefore gives at most (Neighbors+1)·n rows: 45,000
// for 5,000 claims, not 12.5 million.
//
// A key's rows depend only on that key's items: a runner that shards
// claims by key (the Beam pipeline) runs one Detector per shard and gets
// the rows of a single Detector. Items whose key is not Comparable (empty,
// or a subset's or a context figure's) are dropped by Add.
//
// Order: groups come in the order of (hash, key); within a small group
// pairs (i, j), i < j, in the group's order; within a large group, for
// each claim j in order, its neighbours then the consensus pair. In each
// pair a is the claim published earlier (unknown dates first), then the
// smaller claim id. The output depends only on the set of items: not on
// their order, the memory budget, the number of spills or workers.
package conflict
