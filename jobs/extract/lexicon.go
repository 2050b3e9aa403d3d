package extract

import (
	"encoding/binary"
	"sort"
	"strings"
)

// Lexicon flags: one map look-up per word gives all of them.
const (
	fNumWord    uint64 = 1 << iota // zero ... ninety-nine
	fScale                         // hundred, thousand, million, billion, trillion, dozen
	fVague                         // dozens, hundreds, thousands, several, ...
	fPred                          // a predicate word (see lexInfo.pred)
	fSubj                          // a subject noun (see lexInfo.subj)
	fCue                           // an attribution verb
	fAux                           // auxiliary or adverb skipped between subject and verb
	fMonth                         // January ... December
	fWeekday                       // Monday ... Sunday
	fTimeUnit                      // year, weeks, hours, ...
	fMeasure                       // miles, mm, feet, caliber, ...
	fCurrency                      // dollars, euros, ...
	fNeg                           // no, not, never, none, nobody, ...
	fHedge                         // reportedly, allegedly, may, ...
	fOrdinal                       // first, second, ... twentieth
	fClause                        // which, who, where, while, but, ...: opens a clause after a comma
	fStreet                        // street, avenue, road, block, ...
	fLabel                         // route, flight, channel, ...: a number after it is an identifier
	fPlaceNoun                     // town, city, province, ...
	fSourceNoun                    // police, officials, activists, ...: generic sources
	fTitle                         // chief, sheriff, minister, ...: stripped before a name
	fDet                           // the, a, an, this, his, ...
	fPrep                          // in, at, near, on, of, ...
	fVerbish                       // common verbs and function words that end a noun phrase
	fAge                           // aged, age, ages
	fPeopleWord                    // a subject that is a kind of person (default-compatible)
	fFatal                         // fatally, dead, killed...: turns "shot" into killed
	fTimeRel                       // yesterday, today, tonight, ...
	fPlace                         // a gazetteer name or the first word of one
	fModLast                       // the last word of a modifier before a number ("than", "least")
	fModFirst                      // the first word of a modifier after a number ("or", "plus")
)

// Predicates.
const (
	pNone uint8 = iota
	pKilled
	pInjured
	pDisplaced
	pArrested
	pMissing
	pAffected
	pPopulation
	pShot // "shot": injured unless a fatal word is near
)

var predNames = [...]string{"", "killed", "injured", "displaced", "arrested", "missing", "affected", "population", "injured"}

type lexInfo struct {
	f    uint64
	val  float64 // number words, scales; vague: low
	hi   float64 // vague: high
	pred uint8
	subj string // canonical subject
	unit string // currency code
}

var lex = map[string]*lexInfo{}

func addLex(f uint64, words ...string) {
	for _, w := range words {
		li := lex[w]
		if li == nil {
			li = &lexInfo{}
			lex[w] = li
		}
		li.f |= f
	}
}

var numberWords = map[string]float64{
	"zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
	"mln": 1e6, "bln": 1e9, "tln": 1e12, "mn": 1e6, "bn": 1e9, "tn": 1e12,
}

// Vague quantities: [low, high].
var vagueWords = map[string][2]float64{
	"several": {3, 9}, "dozens": {24, 99}, "scores": {40, 199}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 9999999}, "billions": {2e9, 9999999999}, "handful": {2, 5}, "few": {2, 9}, "numerous": {3, 99},
	"couple": {2, 2},
}

func init() {
	for w, v := range numberWords {
		addLex(fNumWord, w)
		lex[w].val = v
	}
	for w, v := range scaleWords {
		addLex(fScale, w)
		lex[w].val = v
	}
	for w, v := range vagueWords {
		addLex(fVague, w)
		lex[w].val, lex[w].hi = v[0], v[1]
	}
	preds := map[uint8][]string{
		pKilled: {"killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "dying", "deaths", "death",
			"fatalities", "fatality", "perished", "slain", "murdered", "massacred", "executed", "bodies", "casualties",
			"toll", "fatally", "homicides", "lives", "dead.", "drowned", "beheaded", "martyred", "eliminated", "bury",
			"buried", "burying", "coffins"},
		pInjured: {"injured", "injuring", "injures", "injure", "wounded", "wounding", "wounds", "hurt", "injuries", "injury",
			"hospitalized", "hospitalised", "stabbed", "maimed", "wounded.", "trampled", "burned", "burnt"},
		pShot:       {"shot"},
		pDisplaced:  {"fled", "flee", "fleeing", "flees", "displaced", "displacing", "displacement", "evacuated", "evacuate", "evacuating", "evacuees", "refugees", "homeless", "uprooted", "relocated", "idps", "exodus"},
		pArrested:   {"arrested", "arrest", "arrests", "arresting", "detained", "detain", "detaining", "detentions", "custody", "apprehended", "jailed", "imprisoned", "captured", "rounded", "nabbed", "held", "charged"},
		pMissing:    {"missing", "unaccounted", "disappeared", "abducted", "kidnapped", "vanished", "trapped"},
		pAffected:   {"affected", "impacted", "stranded", "besieged", "starving", "infected", "infecting", "infections", "sickened", "cases", "carrying", "aboard"},
		pPopulation: {"population", "inhabitants", "populated"},
	}
	for p, ws := range preds {
		for _, w := range ws {
			addLex(fPred, w)
			lex[w].pred = p
		}
	}
	addLex(fFatal, "fatally", "dead", "killed", "killing", "died", "death", "deaths", "fatal", "mortally")
	subj := map[string][]string{
		"people":         {"people", "persons", "person", "individuals", "individual", "others", "lives", "souls", "humans"},
		"civilians":      {"civilians", "civilian", "noncombatants", "non-combatants"},
		"children":       {"children", "child", "kids", "kid", "minors", "infants", "babies", "baby", "toddlers", "boys", "girls", "boy", "girl", "youngsters", "juveniles"},
		"women":          {"women", "woman", "females", "mothers"},
		"men":            {"men", "man", "males"},
		"soldiers":       {"soldiers", "soldier", "troops", "servicemen", "servicemembers", "marines", "sailors", "airmen", "paratroopers", "conscripts", "personnel"},
		"police":         {"police", "policemen", "policeman", "cops", "cop", "policewomen", "troopers", "trooper", "deputies", "deputy", "gendarmes"},
		"officers":       {"officers", "officer"},
		"fighters":       {"fighters", "fighter", "combatants", "gunmen", "gunman", "attackers", "assailants"},
		"rebels":         {"rebels", "rebel", "insurgents", "insurgent", "guerrillas", "separatists"},
		"militants":      {"militants", "militant", "jihadists", "jihadist", "terrorists", "extremists", "militiamen"},
		"protesters":     {"protesters", "protestors", "demonstrators", "protester", "rioters"},
		"students":       {"students", "student", "pupils", "schoolchildren"},
		"journalists":    {"journalists", "journalist", "reporters", "reporter", "photographers"},
		"health workers": {"doctors", "nurses", "medics", "paramedics", "doctor", "nurse", "medic"},
		"aid workers":    {"aid", "humanitarians"},
		"migrants":       {"migrants", "migrant", "asylum-seekers", "immigrants"},
		"refugees":       {"refugees", "refugee"},
		"prisoners":      {"prisoners", "prisoner", "inmates", "inmate", "detainees", "detainee", "hostages", "hostage", "captives"},
		"suspects":       {"suspects", "suspect"},
		"victims":        {"victims", "victim"},
		"residents":      {"residents", "resident", "villagers", "inhabitants", "locals", "citizens", "households", "families", "family"},
		"workers":        {"workers", "worker", "employees", "employee", "staff", "staffers", "miners", "farmers", "fishermen"},
		"passengers":     {"passengers", "passenger", "pilgrims", "tourists", "worshippers", "worshipers", "fans", "spectators"},
		"teenagers":      {"teenagers", "teenager", "teens", "teen", "adolescents", "youths", "youth"},
		"adults":         {"adults", "adult"},
		"agents":         {"agents", "agent"},
		"officials":      {"officials", "official"},
		"members":        {"members", "member"},
		"patients":       {"patients", "patient"},
		"firefighters":   {"firefighters", "firefighter", "rescuers", "rescue"},
		"bystanders":     {"bystanders", "bystander", "shoppers", "customers", "motorists", "pedestrians", "drivers", "guests", "partygoers", "concertgoers", "students.", "patrons", "clubgoers", "revelers", "revellers", "attendees", "participants", "visitors", "parishioners", "mourners", "innocents"},
		"travelers":      {"travelers", "travellers", "traveler", "traveller", "vacationers", "holidaymakers"},
		"guards":         {"guards", "guard", "bodyguards", "watchmen"},
		"witnesses":      {"witnesses"},
		"shooters":       {"shooters", "shooter", "snipers", "sniper", "gunfighters"},
		"defendants":     {"defendants", "defendant", "accused"},
	}
	for s, ws := range subj {
		for _, w := range ws {
			addLex(fSubj|fPeopleWord, w)
			lex[w].subj = s
		}
	}
	addLex(fCue, "said", "says", "say", "saying", "told", "tells", "tell", "reported", "reports", "report", "estimated",
		"estimates", "according", "added", "adds", "stated", "states", "announced", "announces", "confirmed",
		"confirms", "claimed", "claims", "denied", "denies", "deny", "warned", "warns", "noted", "notes", "explained",
		"insisted", "wrote", "writes", "tweeted", "alleged", "alleges", "quoted", "cited", "citing", "counted",
		"recorded", "documented", "acknowledged", "admitted", "disclosed", "revealed", "indicated", "suggested",
		"believes", "believe", "estimate", "tallied", "put", "registered", "learned", "allege", "contend",
		"contends", "testified", "claim")
	addLex(fAux, "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could",
		"should", "may", "might", "also", "later", "previously", "earlier", "now", "still", "separately", "further",
		"already", "recently", "just", "initially", "first", "then", "so", "far", "all", "reportedly", "allegedly",
		"apparently", "officially", "since", "both", "each", "more", "were.", "got", "get", "gets", "left", "remain",
		"remained", "remains", "more", "being", "not", "n't")
	addLex(fMonth, "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	addLex(fWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "thurs")
	addLex(fTimeUnit, "year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
		"hr", "hrs", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs", "decade", "decades",
		"century", "centuries", "night", "nights", "weekend", "weekends", "term", "terms", "semester", "season",
		"seasons", "years-long", "year-long", "day-long", "week-long", "month-long", "hour-long", "millennia", "am",
		"pm", "a.m.", "p.m.", "o'clock", "ms", "times", "time", "innings", "quarter", "quarters", "half", "halves",
		"round", "rounds", "laps", "lap", "games", "game", "sets", "goals", "goal", "points", "point", "runs", "run",
		"touchdowns", "yards", "wins", "losses", "seeds", "seed", "votes", "stars", "pages", "page",
		"rounds.", "fps", "counts", "count", "charges", "charge", "felonies", "felony", "misdemeanors",
		"misdemeanor", "cents", "steps", "feet", "blocks", "block", "doors", "miles", "yards")
	addLex(fMeasure, "mm", "cm", "km", "kg", "g", "lb", "lbs", "pounds", "pound", "ounces", "ounce", "oz", "tons", "ton",
		"tonnes", "tonne", "feet", "foot", "ft", "inch", "inches", "in.", "yard", "miles", "mile", "mph", "kph", "km/h",
		"meters", "metres", "meter", "metre", "m", "kilometers", "kilometres", "kilometer", "kilometre", "acres", "acre",
		"hectares", "hectare", "degrees", "degree", "caliber", "calibre", "gauge", "millimeter", "millimeters",
		"millimetre", "millimetres", "liters", "litres", "liter", "litre", "gallons", "gallon", "grams", "gram",
		"kilograms", "kilogram", "mw", "gw", "kw", "kwh", "gb", "mb", "tb", "ghz", "mhz", "hz", "cc", "ml", "mg", "sq",
		"square", "cubic", "magnitude", "richter", "storey", "story", "stories", "floors", "floor", "carat", "karat",
		"volts", "watts", "calories", "bpm", "x", "-caliber", "mi", "nm", "knots", "celsius", "fahrenheit", "f",
		"c", "k", "round", "cylinder", "speed", "door", "bedroom", "bed", "lane", "mm.", "ppm", "psi", "rpm")
	addLex(fCurrency, "dollars", "dollar", "usd", "euros", "euro", "eur", "sterling", "gbp", "yen", "jpy", "yuan",
		"renminbi", "rmb", "cny", "rupees", "rupee", "inr", "rubles", "roubles", "rub", "francs", "chf", "lira",
		"liras", "lire", "dinars", "riyals", "shekels", "pesos", "rand", "naira", "cents", "bucks", "soles", "shillings",
		"taka", "kwacha", "cedis", "kes", "bdt", "zmw", "ngn", "zar")
	addLex(fNeg, "no", "not", "never", "none", "nobody", "neither", "nor", "didn't", "didn’t", "wasn't", "wasn’t",
		"weren't", "weren’t", "isn't", "aren't", "hasn't", "haven't", "hadn't", "nothing", "without", "zero")
	addLex(fHedge, "reportedly", "allegedly", "apparently", "possibly", "probably", "likely", "unconfirmed",
		"unverified", "may", "might", "believed", "feared", "purportedly", "rumored", "rumoured", "supposedly",
		"presumably", "perhaps", "verified", "verify", "independently", "uncertain", "unclear", "suspected", "could")
	addLex(fOrdinal, "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
		"ninetieth", "hundredth", "thousandth", "millionth", "last", "next")
	addLex(fClause, "which", "who", "whom", "whose", "where", "while", "whereas", "although", "though", "but",
		"because", "when", "whilst", "amid", "as")
	addLex(fStreet, "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
		"way", "court", "ct", "place", "pl", "highway", "hwy", "block", "parkway", "pkwy", "circle", "cir",
		"terrace", "trail", "pike", "turnpike", "alley", "plaza", "square", "expressway", "freeway")
	addLex(fLabel, "route", "highway", "interstate", "flight", "channel", "news", "room", "apartment", "apt", "unit",
		"building", "gate", "platform", "line", "bus", "no", "no.", "number", "chapter", "article", "section", "item",
		"page", "district", "precinct", "ward", "grade", "level", "class", "category", "phase", "stage", "version",
		"model", "episode", "season", "exit", "lot", "suite", "box", "local", "pier", "terminal", "hangar", "code",
		"resolution", "proposition", "prop", "act", "amendment", "bill", "ch", "fox", "abc", "nbc", "cbs", "wave",
		"wsb", "kiro", "ktla", "pub", "mile", "marker", "sr", "us", "i", "state", "county", "highway.", "door", "gen",
		"type", "mark", "mk", "cell", "block.", "engine", "ladder", "squad", "station", "zone", "sector", "camp",
		"battalion", "brigade", "division", "regiment", "company", "corps", "army", "fleet", "task", "force",
		"grades", "lines", "ages", "age", "aged", "size", "issue", "vol", "volume", "tier", "fig", "figure", "table")
	addLex(fPlaceNoun, "town", "city", "village", "province", "region", "district", "county", "state", "area",
		"camp", "neighborhood", "neighbourhood", "suburb", "governorate", "municipality", "country", "island",
		"capital", "enclave", "valley", "countryside", "borough", "township", "parish", "territory", "nation",
		"prefecture", "oblast", "settlement", "community", "metropolis", "kingdom", "republic", "strip", "zone")
	addLex(fSourceNoun, "police", "officials", "official", "authorities", "activists", "activist", "witnesses",
		"witness", "residents", "resident", "sources", "source", "spokesman", "spokeswoman", "spokesperson",
		"medics", "doctors", "doctor", "officers", "officer", "investigators", "prosecutors", "prosecutor", "sheriff",
		"coroner", "examiner", "department", "office", "ministry", "agency", "group", "organization",
		"organisation", "monitor", "observatory", "report", "statement", "media", "government", "army", "military",
		"commander", "chief", "director", "mayor", "governor", "president", "minister", "lawmakers", "analysts",
		"experts", "rescuers", "paramedics", "hospital", "morgue", "council", "committee", "commission", "bureau",
		"service", "services", "team", "union", "coalition", "forces", "command", "centre", "center", "network",
		"watchdog", "charity", "association", "society", "federation", "fund", "programme", "program", "mission",
		"delegation", "embassy", "trooper", "troopers", "deputies", "deputy", "detective", "detectives",
		"lieutenant", "sergeant", "captain", "superintendent", "commissioner", "attorney", "lawyer", "family",
		"relatives", "neighbors", "neighbours", "friends", "staff", "employees", "members", "leaders", "leader",
		"firefighters", "rescue", "spokesmen", "representatives", "representative", "source.", "figures", "data",
		"tally", "count", "estimates", "rebels", "insurgents", "militants", "fighters", "soldiers", "sheriff's",
		"volunteers", "workers", "administration", "officials.", "pentagon", "kremlin", "regime", "opposition",
		"monitors", "observers", "diplomats", "envoy", "secretary", "agencies", "groups", "organizations",
		"organisations", "ngo", "ngos", "unit", "squad", "patrol", "tribune", "times", "post", "journal", "herald",
		"news", "press", "radio", "television", "tv", "channel", "station", "newspaper", "paper", "daily", "outlet",
		"website", "people", "men", "women", "victim", "victims", "survivors", "survivor", "mother", "father",
		"brother", "sister", "son", "daughter", "wife", "husband", "cousin", "uncle", "aunt", "grandmother", "girlfriend",
		"boyfriend", "neighbor", "neighbour", "owner", "manager", "teacher", "principal", "pastor", "judge", "clerk",
		// Heads of organisation names: "National Civil Defence Institute",
		// "U.S. Geological Survey", "the civil defence agency".
		"institute", "institution", "authority", "guard", "coastguard", "foundation", "directorate", "survey",
		"prefecture", "municipality", "tribunal", "parliament", "ministries", "organisers", "organizers",
		"lawyers", "nurses", "medics", "researchers", "scientists", "prefect", "nurse", "officers.", "vendors")
	addLex(fTitle, "chief", "sheriff", "officer", "sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "det",
		"detective", "spokesman", "spokeswoman", "spokesperson", "mayor", "governor", "gov", "president", "minister",
		"secretary", "director", "commissioner", "attorney", "prosecutor", "coroner", "dr", "mr", "mrs", "ms", "prof",
		"professor", "gen", "general", "col", "colonel", "maj", "major", "senator", "sen", "rep", "representative",
		"trooper", "deputy", "superintendent", "inspector", "corporal", "cpl", "agent", "pastor", "rev", "judge",
		"chairman", "chairwoman", "ceo", "founder", "head", "prime", "foreign", "defence", "defense", "interior",
		"health", "police", "fire", "district", "county", "state", "u.s.", "us", "ambassador", "envoy", "commander",
		"sgt.", "lt.", "capt.", "det.", "dr.", "mr.", "mrs.", "ms.", "gen.", "col.", "gov.", "sen.", "rep.", "special",
		"assistant", "executive", "public", "information", "media", "relations", "press", "senior", "acting",
		"officer", "investigator", "medical", "examiner", "king", "queen", "prince", "emir", "sheikh", "ayatollah",
		"pope", "vice", "deputy", "undersecretary", "lawyer", "patrolman", "constable", "supt", "insp", "cmdr",
		"commander", "admiral", "adm", "brigadier", "marshal", "field", "staff", "sergeant.", "chancellor",
		"premier", "speaker", "leader", "spokesperson",
		// Roles written before a person's name: "Prefect Giovanna Rizzo",
		// "Nurse Mercy Phiri", "street vendor Komi Agbeko".
		"prefect", "nurse", "imam", "bishop", "priest", "rabbi", "coach", "vendor", "farmer", "trader",
		"shopkeeper", "councillor", "councilor", "administrator", "coordinator", "physician", "surgeon",
		"paramedic", "volunteer", "activist", "researcher", "analyst", "economist", "doctor",
		// People named by their tie to the story: "neighbor Abraham Oliva",
		// "his aunt Helen Weeks".
		"neighbor", "neighbour", "resident", "witness", "victim", "mother", "father", "aunt", "uncle", "cousin",
		"brother", "sister", "grandmother", "grandfather", "friend", "owner", "manager", "employee", "student",
		"survivor", "eyewitness", "bystander", "relative", "son", "daughter", "wife", "husband", "girlfriend",
		"boyfriend", "fiancee", "fiance", "stepfather", "stepmother", "grandson", "granddaughter", "niece", "nephew")
	addLex(fDet, "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
		"your", "another", "each", "every", "any", "some")
	addLex(fPrep, "in", "at", "near", "on", "of", "from", "outside", "inside", "across", "around", "to", "into",
		"towards", "toward", "throughout", "within", "by")
	addLex(fVerbish, "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "said",
		"says", "told", "that", "who", "which", "and", "but", "or", "if", "when", "after", "before", "because",
		"while", "as", "to", "with", "for", "it", "he", "she", "they", "we", "i", "you", "there", "not", "also")
	addLex(fAge, "aged", "age", "ages", "ageing", "aging")
	addLex(fTimeRel, "yesterday", "today", "tonight", "overnight", "tomorrow", "earlier", "recently", "since", "last",
		"this", "past", "during", "over", "within", "for")
	for k := range gazetteer {
		f, _, _ := strings.Cut(k, " ")
		addLex(fPlace, f)
	}
	for k := range preMods {
		addLex(fModLast, k[strings.LastIndexByte(k, ' ')+1:])
		f, _, _ := strings.Cut(k, " ")
		addLex(0, f)
	}
	for k := range postMods {
		f, _, _ := strings.Cut(k, " ")
		addLex(fModFirst, f)
	}
	// Words that mayClaim must see although they carry no flag: a
	// disclaimer needs one of them.
	addLex(0, "confirm", "verified", "verify", "independently")
	// Counted things are looked up for their static spelling.
	for w := range thingNouns {
		addLex(0, w)
	}
	// The words of the sets read by lexicon index.
	for _, ls := range lexSets {
		for w := range ls.m {
			addLex(0, w)
		}
	}
	buildLexTable()
	for _, ls := range lexSets {
		ls.in = make([]bool, len(lexKeys))
		for w := range ls.m {
			ls.in[lexFind(w)] = true
		}
	}
	placeFirstIn = make([]bool, len(lexKeys))
	for w := range placeFirst {
		placeFirstIn[lexFind(w)] = true
	}
	gazByIndex = make([]string, len(lexKeys))
	for k, c := range gazetteer {
		if li := lexFind(k); li >= 0 {
			gazByIndex[li] = c
		}
	}
	for k := range preModFirst {
		preModFirst[k] = make([]bool, len(lexKeys))
	}
	for k := range preMods {
		if n := strings.Count(k, " ") + 1; n < len(preModFirst) {
			f, _, _ := strings.Cut(k, " ")
			preModFirst[n][lexFind(f)] = true
		}
	}
}

// placeFirstIn is placeFirst by lexicon index (its words are first words
// of gazetteer names, flagged fPlace), and gazByIndex the canonical name
// of the one-word gazetteer names by lexicon index ("" for other words).
var (
	placeFirstIn []bool
	gazByIndex   []string
)

// preModFirst[n] marks by lexicon index the first words of the n-word
// modifiers of preMods: a phrase whose first word is not one is not
// looked up.
var preModFirst [5][]bool

// lexSet is a word set that tokens are looked up in by lexicon index
// instead of by string: its words are all in the lexicon (added without
// flags, which changes no other look-up).
type lexSet struct {
	m  map[string]bool // the words; also for look-ups of other strings
	in []bool          // by lexicon index, built with the lexicon
}

// lexSets are the sets whose in is built with the lexicon.
var lexSets []*lexSet

// Word sets read by token.
var (
	thingNounSet     = newLexSet(thingNouns)
	tollVerbSet      = newLexSet(tollVerbs)
	docNounSet       = newLexSet(docNouns)
	nameConnectorSet = newLexSet(nameConnectors)
	pronounSet       = newLexSet(pronouns)
	peopleGroupSet   = newLexSet(peopleGroups)
	directionWordSet = newLexSet(directionWords)
	regionNounSet    = newLexSet(regionNouns)
	venueWordSet     = newLexSet(venueWords)
	skipBeforeCueSet = newLexSet(skipBeforeCue)
	passiveAuxSet    = newLexSet(passiveAux)
)

// newLexSet makes a lexSet of the words of m.
func newLexSet(m map[string]bool) *lexSet {
	ls := &lexSet{m: m}
	lexSets = append(lexSets, ls)
	return ls
}

// inSet reports whether the word of token i is in s: m[p.w(i)], without
// the string hash. A word token without a lexicon index is in no set
// (the tokenizer looked up exactly p.w(i)); an index found for a curly
// apostrophe's straight spelling has a key of another length.
func (p *numParser) inSet(i int, s *lexSet) bool {
	t := &p.toks[i]
	if t.li >= 0 {
		return s.in[t.li] && len(lexKeys[t.li]) == int(t.e-t.s)
	}
	if t.kind == tkWord {
		return false
	}
	return s.m[p.w(i)]
}

// The lexicon as an open-addressing hash table: tokens refer to entries by
// index, so they hold no pointers. A slot holds the first eight bytes of
// its key packed in a word, the key's length, its flags and its index + 1
// (0 = empty): a word of up to eight bytes (most words) is found or
// rejected with one hash and word compares, without touching the key
// strings or the entries.
type lexSlot struct {
	k8  uint64
	fl  uint32
	n   uint16
	idx int16
}

var (
	lexInfos  []lexInfo
	lexKeys   []string
	lexSlots  []lexSlot
	lexShift  uint
	lexMask   uint32
	lexMaxLen int

	// lexFilter has a bit set for the top 16 bits of the hash product of
	// every key: a word whose bit is clear is not in the table, which most
	// words of a text are not, and 8 KB stay in the first-level cache
	// where the slots do not.
	lexFilter [1 << 16 / 64]uint64

	lexPossessive      int32  // lexicon index of "'s", or -1
	lexPossessiveFlags uint32 // its flags
)

func buildLexTable() {
	if len(lex) >= 1<<15 {
		panic("extract: lexicon too large for its slots")
	}
	size, bits := 1, 0
	for size < 4*len(lex) {
		size <<= 1
		bits++
	}
	lexSlots = make([]lexSlot, size)
	lexMask = uint32(size - 1)
	lexShift = uint(64 - bits)
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		idx := int32(len(lexKeys))
		lexKeys = append(lexKeys, k)
		lexInfos = append(lexInfos, *lex[k])
		lexMaxLen = max(lexMaxLen, len(k))
		k8 := pack8(k)
		h := lexHash(k8, len(k))
		f := lexFilterBit(k8, len(k))
		lexFilter[f>>6] |= 1 << (f & 63)
		for lexSlots[h].idx != 0 {
			h = (h + 1) & lexMask
		}
		lexSlots[h] = lexSlot{k8: k8, fl: uint32(lex[k].f), n: uint16(len(k)), idx: int16(idx + 1)}
	}
	lexPossessive = lexFind("'s")
	lexPossessiveFlags = uint32(lexFlags("'s"))
	buildTriggers()
	buildWordEntities()
	buildDateWords()
}

// pack8 returns the first eight bytes of s (zero-padded), little-endian.
func pack8(s string) uint64 {
	var b [8]byte
	copy(b[:], s)
	return binary.LittleEndian.Uint64(b[:])
}

// lexHash is a multiplicative hash of the packed first bytes and the length.
func lexHash(k8 uint64, n int) uint32 {
	return uint32(((k8 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> (lexShift & 63))
}

// lexFilterBit is the bit of lexFilter for a key: the top 16 bits of the
// product lexHash takes its top bits from.
func lexFilterBit(k8 uint64, n int) uint32 {
	return uint32(((k8 ^ uint64(n)<<59) * 0x9E3779B97F4A7C15) >> 48)
}

// lexFlags returns the flags of the lower-case word w.
func lexFlags(w string) uint64 {
	if i := lexFind(w); i >= 0 {
		return lexInfos[i].f
	}
	return 0
}

// lexFind returns the lexicon index of the lower-case word w, or -1.
func lexFind(w string) int32 {
	if len(w) > lexMaxLen || len(w) == 0 {
		return -1
	}
	li, _ := lexProbe(pack8(w), w)
	return li
}

// lexWordAt looks up the word low[i:j] of a text lowered by lowerInto,
// which leaves eight readable bytes past the text, so the word's first
// eight bytes are one load. It returns the lexicon index (-1: none) and
// the flags.
func lexWordAt(low string, i, j int) (int32, uint32) {
	n := j - i
	if n > lexMaxLen {
		return -1, 0
	}
	k8 := load8(low, i)
	if n < 8 {
		k8 &= 1<<(8*uint(n)&63) - 1
	}
	return lexProbe(k8, low[i:j])
}

// lexProbe finds w, whose first eight bytes packed are k8, in the table.
func lexProbe(k8 uint64, w string) (int32, uint32) {
	n := len(w)
	if f := lexFilterBit(k8, n); lexFilter[f>>6]&(1<<(f&63)) == 0 {
		return -1, 0
	}
	h := lexHash(k8, n)
	for {
		sl := &lexSlots[h]
		if sl.idx == 0 {
			return -1, 0
		}
		if sl.k8 == k8 && int(sl.n) == n && (n <= 8 || lexKeys[sl.idx-1][8:] == w[8:]) {
			return int32(sl.idx) - 1, sl.fl
		}
		h = (h + 1) & lexMask
	}
}
