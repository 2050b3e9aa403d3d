package extract

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/claimscan/claimscan/jobs/tsv"
)

// The word lists of the package are data: lexicon.tsv holds them, one
// word a row with the list it belongs to, the value the list gives it and
// its origin (see the file's comment lines). They are read once, when the
// package's variables are initialised: each list's variable (docNouns,
// preMods, ...) is built from its rows, and the lexicon table from them
// in init (lexicon.go). The words are substrings of the embedded file, so
// a claim's fields that hold one (a cue) pin no other memory.
//
//go:embed lexicon.tsv
var lexiconTSV string

// lexiconHeader is lexicon.tsv's header line.
const lexiconHeader = "list\tword\tvalue\torigin"

// The word sets and lists the rules read, each a list of lexicon.tsv
// (lexWords: a set read by lexicon index, wordSet: a map, wordList: in
// file order).
var (
	// Where sentences end, what is no part of a story.

	// titleAbbrevs are lower-case abbreviations that a period does not end a
	// sentence after: titles, months, "no.", "vs.".
	titleAbbrevs = wordList("title-abbrev")

	// ambiguousAbbrevs are lower-case abbreviations that may end a sentence:
	// company suffixes, street types, US states.
	ambiguousAbbrevs = wordList("ambiguous-abbrev")

	// boilerPrefixes begin the lines that are no part of a story: wire
	// credits, "Related story", photo captions, page furniture.
	boilerPrefixes = wordList("boilerplate")

	// Numbers.

	// fractionWords after a glued dash make a number a fraction
	// ("two-thirds").
	fractionWords = wordSet("fraction")

	// hedgeWords introduce a second, higher estimate: "at least 12, and
	// possibly as many as 20", "hundreds, perhaps thousands".
	hedgeWords = lexWords("higher-estimate")

	// estimateWords before "50, 60" make the two figures a range.
	estimateWords = lexWords("estimate-word")

	// certaintyWords after a percentage make it a degree of belief, not a
	// quantity: "99.9 per cent sure".
	certaintyWords = lexWords("certainty-word")

	// Time.

	// timeAdjs are modifiers of a time, not of a source: "told AFP late
	// Tuesday".
	timeAdjs = lexWords("time-adjective")

	// What a claim counts.

	// thingNouns are counted things that are not people and take no plural
	// "s": "2.5 million livestock", "6,000 head of cattle".
	thingNouns = lexWords("thing-noun")

	// tollVerbs say that a count grew or stands at a value.
	tollVerbs = lexWords("toll-verb")

	// diseaseWords mark an article about a disease outbreak; a word matches
	// inside a longer one ("infect" in "infections").
	diseaseWords = wordList("disease")

	// What is a claim and what is an anecdote (anecdote.go).

	// eventThings are things counted as the news's own quantities whatever the
	// verb: munitions and shots, weapons, flights, livestock.
	eventThings = lexWords("event-thing")

	// damageWords make a count of buildings, vehicles and places a claim: "300
	// houses were damaged", "destroyed 40 vehicles".
	damageWords = lexWords("damage-word")

	// actWords make a count of people that have no casualty verb a claim: a
	// crowd ("300 people packed the club", "hundreds gathered"), people who
	// fired or were involved ("11 officers who exchanged fire"), suspects and
	// witnesses dealt with ("interviewed 175 witnesses", "questioned and
	// released"), people sheltering or present.
	actWords = lexWords("act-word")

	// actSubjects count people whose number is a claim without a verb:
	// suspects, attackers, hostages, protesters.
	actSubjects = lexWords("act-subject")

	// kinWords are the people of a family or a circle of friends: counted in
	// anecdotes, not as the news's quantities.
	kinWords = lexWords("kin-word")

	// siteWords are places and vehicles: with a casualty verb they say where
	// or how, not who ("evacuated to 10 shelters", "in two trucks").
	siteWords = lexWords("site-word")

	// possessives before a number make it a person's: "her two sons".
	possessives = lexWords("possessive")

	// Grammar.

	// pronouns are the personal pronouns.
	pronouns = lexWords("pronoun")

	// passiveAux are the auxiliaries of the passive.
	passiveAux = lexWords("passive-aux")

	// Attribution (attrib.go).

	// skipBeforeCue are words between a source and its verb: "has also said".
	skipBeforeCue = lexWords("skip-before-cue")

	// docNouns are documents a source issues: "according to a list compiled by
	// X", "interior ministry data".
	docNouns = lexWords("doc-noun")

	// peopleGroups are sources that stay themselves when a place or an event
	// follows: "Prosecutors in Crotone", "Survivors of a shipwreck".
	peopleGroups = lexWords("people-group")

	// collectiveNouns after a possessive are the source themselves: "Togo's
	// opposition", unless the whole phrase is in the table ("Syria's army").
	collectiveNouns = wordSet("collective-noun")

	// speakingGroups are groups of people that news quote as a source: "the
	// refugees said", "villagers told".
	speakingGroups = lexWords("speaking-group")

	// kinNames are sources known only as someone's relatives: "the family",
	// "his mother". They are one generic source, "relatives".
	kinNames = lexWords("kin-name")

	// eventNouns name the event a relative clause describes ("the attack that
	// wounded four officers", "the gunman who killed five"): what the clause
	// counts is given as known.
	eventNouns = lexWords("event-noun")

	// moneyVerbs offer an amount: their subject is its source ("Crime Stoppers
	// is offering a cash reward of up to $2,500").
	moneyVerbs = lexWords("money-verb")

	// spokesTitles are the roles of people who speak for their organisation.
	spokesTitles = lexWords("spokes-title")

	// orgAnaphors stand for an organisation named before: "the group", "the
	// organisation".
	orgAnaphors = lexWords("org-anaphor")

	// orgHeads are generic nouns that end organisation names, so "the
	// institute" or "the council" can stand for the article's "National Civil
	// Defence Institute" or "Kasama Municipal Council".
	orgHeads = wordSet("org-head")

	// nameConnectors may sit inside an organisation's name.
	nameConnectors = lexWords("name-connector")

	// Names of sources.

	// honorifics are titles that a single surname can follow.
	honorifics = wordSet("honorific")

	// notNameWords never stand in a source's name: question words, sentence
	// adverbs and the like, written with a capital at a sentence start or not.
	notNameWords = lexWords("not-name-word")

	// junkLead are words a source's name never begins with: what the sentence
	// glued onto it ("But he", "Thursday and").
	junkLead = lexWords("junk-lead")

	// junkTrail are words a source's name never ends with ("Hunter to", "a man
	// authorities").
	junkTrail = lexWords("junk-trail")

	// anonWords end the mention of a person nobody names: "a Masury man".
	anonWords = lexWords("anon-word")

	// stateAbbrevs are the abbreviations of US states that datelines end with
	// ("FORT MYERS, Fla."): never the first word of a source.
	stateAbbrevs = wordSet("state-abbrev")

	// Places.

	// regionNouns name a province or a region after its name ("Idlib
	// province").
	regionNouns = lexWords("region-noun")

	// directionWords are compass words before a place ("southern Idlib
	// province").
	directionWords = lexWords("direction")

	// venueWords mark a capitalized name as a building or an institution.
	venueWords = lexWords("venue")
)

// lexRow is a word of a list of lexicon.tsv and the value the list gives
// it ("" for none).
type lexRow struct{ word, value string }

// lexLists holds the lists of lexicon.tsv by name, each in file order;
// listsRead marks the lists the package has read, so a test can hold
// that none is left unread.
var (
	lexLists  = readLexicon(lexiconTSV)
	listsRead = map[string]bool{}
)

// readLexicon reads the lists of a table in lexicon.tsv's form, whose
// lists each stand in one run of rows: one array holds all the rows, and
// each list is a slice of it.
func readLexicon(data string) map[string][]lexRow {
	all := make([]lexRow, 0, strings.Count(data, "\n"))
	lists := make(map[string][]lexRow, 80)
	list, start := "", 0
	for n, r := range tsv.Rows("lexicon.tsv", data, lexiconHeader) {
		if r[0] != list {
			if _, ok := lists[r[0]]; ok {
				panic("extract: lexicon.tsv line " + strconv.Itoa(n) + ": list " + r[0] + " does not stand in one run of rows")
			}
			if list != "" {
				lists[list] = all[start:len(all):len(all)]
			}
			list, start = r[0], len(all)
			lists[list] = nil
		}
		all = append(all, lexRow{word: r[1], value: r[2]})
	}
	if list != "" {
		lists[list] = all[start:len(all):len(all)]
	}
	return lists
}

// lexList returns the rows of the list name of lexicon.tsv. A list the
// file lacks is a bug: lexList panics, at initialisation.
func lexList(name string) []lexRow {
	rows, ok := lexLists[name]
	if !ok {
		panic("extract: lexicon.tsv has no list " + name)
	}
	listsRead[name] = true
	return rows
}

// wordList returns the words of a list, in file order.
func wordList(name string) []string {
	rows := lexList(name)
	words := make([]string, len(rows))
	for i, r := range rows {
		words[i] = r.word
	}
	return words
}

// wordSet returns the words of a list as a set.
func wordSet(name string) map[string]bool {
	rows := lexList(name)
	m := make(map[string]bool, len(rows))
	for _, r := range rows {
		m[r.word] = true
	}
	return m
}

// wordValues returns the words of a list with their numeric values.
func wordValues(name string) map[string]float64 {
	rows := lexList(name)
	m := make(map[string]float64, len(rows))
	for _, r := range rows {
		m[r.word] = lexNumber(name, r.word, r.value)
	}
	return m
}

// wordBounds returns the words of a list with the low and high bounds of
// their values ("3 9").
func wordBounds(name string) map[string][2]float64 {
	rows := lexList(name)
	m := make(map[string][2]float64, len(rows))
	for _, r := range rows {
		lo, hi, _ := strings.Cut(r.value, " ")
		m[r.word] = [2]float64{lexNumber(name, r.word, lo), lexNumber(name, r.word, hi)}
	}
	return m
}

// lexNumber parses the value v of word w of a list; a malformed one is a
// bug of the table.
func lexNumber(list, w, v string) float64 {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		panic("extract: lexicon.tsv: " + list + " " + w + ": value " + strconv.Quote(v))
	}
	return f
}

// predCode returns the predicate a value of the list predicate names.
func predCode(name string) uint8 {
	if name == "shot" {
		return pShot // written "injured" (predNames), read apart from it
	}
	for p, n := range predNames {
		if n == name && p != 0 {
			return uint8(p)
		}
	}
	panic("extract: lexicon.tsv: unknown predicate " + strconv.Quote(name))
}

// boundCode returns the bound a modifier's value names.
func boundCode(name string) uint8 {
	for b, n := range boundNames {
		if n == name {
			return uint8(b)
		}
	}
	panic("extract: lexicon.tsv: unknown bound " + strconv.Quote(name))
}
