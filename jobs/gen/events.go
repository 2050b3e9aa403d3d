package gen

import "strings"

// seg is one piece of a parsed clause template.
type seg struct {
	kind byte // 'l' literal, 'V' value, 'E' event noun, '[' quote start, ']' quote end
	text string
}

// tmpl is a clause template: "[{V} people] were killed", "the {E} killed
// [{V} civilians]". The quote spans the brackets. initial says the clause
// starts with the value, so it needs a form that can open a sentence.
type tmpl struct {
	segs    []seg
	initial bool
	scoped  bool // perfect tense: a "since ..." scope may follow
	mask    form // forms the value may take here
}

func parseTmpl(s string, mask form) tmpl {
	var t tmpl
	t.mask = mask
	t.scoped = strings.Contains(s, "have ") || strings.Contains(s, "has ") || strings.Contains(s, "had ")
	lit := func(x string) {
		if x != "" {
			t.segs = append(t.segs, seg{kind: 'l', text: x})
		}
	}
	for len(s) > 0 {
		i := strings.IndexAny(s, "[]{")
		if i < 0 {
			lit(s)
			break
		}
		lit(s[:i])
		switch s[i] {
		case '[', ']':
			t.segs = append(t.segs, seg{kind: s[i]})
			s = s[i+1:]
		case '{':
			t.segs = append(t.segs, seg{kind: s[i+1]})
			s = s[i+3:]
		}
	}
	for _, sg := range t.segs {
		if sg.kind == '[' {
			continue
		}
		t.initial = sg.kind == 'V'
		break
	}
	return t
}

// predSpec is one quantity an event type produces: a predicate, the subject
// counted, the range of its true value, whether it grows over the days of
// coverage, and the clauses that state it.
type predSpec struct {
	pred   string
	subj   string
	lo, hi float64
	cumul  bool
	tmpls  []tmpl
	noSubj []tmpl // clauses without the noun ("the death toll rose to {V}"), gold subject "people"
	roles  []string
	// ratio, when set, makes the true value this many times the event's
	// first quantity (a random factor between ratio[0] and ratio[1]):
	// children among the dead, cases per death, wounded per death.
	ratio [2]float64
}

func (p predSpec) times(lo, hi float64) predSpec { p.ratio = [2]float64{lo, hi}; return p }

func tmpls(mask form, subj string, ss ...string) []tmpl {
	out := make([]tmpl, len(ss))
	for i, s := range ss {
		out[i] = parseTmpl(strings.ReplaceAll(s, "{S}", subj), mask)
	}
	return out
}

func killed(subj string, lo, hi float64, roles ...string) predSpec {
	return predSpec{pred: "killed", subj: subj, lo: lo, hi: hi, cumul: true, roles: roles,
		tmpls: tmpls(fAll, subj,
			"[{V} {S}] were killed", "[{V} {S}] have been killed", "[{V} {S}] have died", "[{V} {S}] died",
			"[{V} {S}] lost their lives", "the {E} killed [{V} {S}]", "the {E} has killed [{V} {S}]",
			"[{V} {S}] are confirmed dead", "[{V} {S}] were among the dead",
			"the {E} claimed the lives of [{V} {S}]", "the {E} left [{V} {S}] dead", "[{V} {S}] perished",
			"[{V} {S}] were reportedly killed", "at the latest count, [{V} {S}] had died"),
		noSubj: tmpls(fNoSubj, subj, "the death toll [rose to {V}]", "the death toll [stood at {V}]",
			"the number of dead [had risen to {V}]", "[{V} bodies] had been recovered", "the toll [reached {V}]"),
	}
}

func injured(subj string, lo, hi float64, roles ...string) predSpec {
	return predSpec{pred: "injured", subj: subj, lo: lo, hi: hi, cumul: true, roles: roles,
		tmpls: tmpls(fAll, subj,
			"[{V} {S}] were injured", "[{V} {S}] were wounded", "[{V} {S}] were hurt", "[{V} {S}] were being treated in hospital",
			"the {E} injured [{V} {S}]", "[{V} {S}] had been wounded", "[{V} {S}] suffered injuries",
			"[{V} {S}] were taken to hospital", "[{V} {S}] were reportedly wounded"),
	}
}

func displaced(subj string, lo, hi float64, roles ...string) predSpec {
	return predSpec{pred: "displaced", subj: subj, lo: lo, hi: hi, cumul: true, roles: roles,
		tmpls: tmpls(fAll, subj,
			"[{V} {S}] have been displaced", "[{V} {S}] have fled their homes", "the {E} has forced [{V} {S}] from their homes",
			"[{V} {S}] were left homeless", "[{V} {S}] are sheltering in schools and camps", "[{V} {S}] have been evacuated",
			"[{V} {S}] have had to leave their homes", "[{V} {S}] were forced to flee", "[{V} {S}] have sought shelter elsewhere"),
	}
}

func missing(subj string, lo, hi float64, roles ...string) predSpec {
	return predSpec{pred: "missing", subj: subj, lo: lo, hi: hi, roles: roles,
		tmpls: tmpls(fAll, subj,
			"[{V} {S}] remain missing", "[{V} {S}] are still unaccounted for", "[{V} {S}] were missing",
			"[{V} {S}] are feared trapped", "[{V} {S}] have not been found", "rescuers are still searching for [{V} {S}]"),
	}
}

func arrested(subj string, lo, hi float64, roles ...string) predSpec {
	return predSpec{pred: "arrested", subj: subj, lo: lo, hi: hi, cumul: true, roles: roles,
		tmpls: tmpls(fAll, subj,
			"[{V} {S}] were arrested", "[{V} {S}] had been detained", "security forces detained [{V} {S}]",
			"police arrested [{V} {S}]", "[{V} {S}] were taken into custody", "authorities rounded up [{V} {S}]"),
	}
}

func count(pred, subj string, lo, hi float64, cumul bool, roles []string, ss ...string) predSpec {
	return predSpec{pred: pred, subj: subj, lo: lo, hi: hi, cumul: cumul, roles: roles, tmpls: tmpls(fAll, subj, ss...)}
}

// evType is a kind of event.
type evType struct {
	name    string
	hit     []string // "struck", "hit": verbs for a lead that names the event
	nouns   []string // "earthquake", "quake"
	similar string   // "a similar earthquake"
	preds   []predSpec
	primary []string // roles of the source that leads the coverage
	others  []string // roles of other sources
	denial  []string // roles that deny deaths ("" when the type has none)
	longRun bool     // coverage runs for weeks: scopes like "since March"
	maxDays int
	money   string // what money claims are about: "damage", "aid"
	rubble  bool   // buildings fall: rescues from the rubble make sense
	hazard  bool   // a natural disaster: weather, shelters and relief talk fits
	ongoing bool   // lasts for days: "since the flooding began" makes sense
	oneNoun bool   // the nouns are different kinds ("cyclone", "typhoon"): one per event
}

var eventTypes = []evType{
	{
		name: "quake", hit: []string{"struck", "hit", "shook"}, hazard: true, rubble: true, nouns: []string{"earthquake", "quake", "tremor"}, similar: "a similar earthquake",
		preds: []predSpec{
			killed("people", 3, 4000),
			injured("people", 10, 12000).times(1.5, 5),
			displaced("people", 500, 400000),
			missing("people", 2, 400),
			count("other", "homes", 50, 60000, true, nil, "[{V} {S}] were destroyed", "[{V} {S}] collapsed", "[{V} {S}] were damaged or destroyed"),
		},
		primary: []string{"agency", "health", "govt"}, others: []string{"redcross", "governor", "mayor", "ocha", "officials", "un"},
		maxDays: 8, money: "reconstruction",
	},
	{
		name: "flood", hit: []string{"swept through", "hit", "inundated"}, hazard: true, ongoing: true, nouns: []string{"floods", "flooding", "flash floods"}, similar: "similar flooding",
		preds: []predSpec{
			killed("people", 3, 1500),
			displaced("people", 1000, 900000),
			missing("people", 2, 300),
			count("affected", "people", 10000, 3000000, true, nil, "[{V} {S}] have been affected", "the {E} affected [{V} {S}]", "[{V} {S}] need assistance"),
			count("other", "homes", 100, 90000, true, nil, "[{V} {S}] were washed away", "[{V} {S}] were submerged", "[{V} {S}] were damaged"),
		},
		primary: []string{"agency", "redcross", "interior"}, others: []string{"governor", "ocha", "officials", "residents", "unicef", "redcross"},
		maxDays: 10, money: "aid",
	},
	{
		name: "offensive", ongoing: true, nouns: []string{"offensive", "assault", "military campaign"}, similar: "an earlier offensive",
		preds: []predSpec{
			killed("civilians", 10, 2500),
			killed("children", 3, 600).times(0.15, 0.35),
			injured("people", 20, 5000),
			displaced("people", 5000, 900000),
			killed("fighters", 10, 900),
			killed("soldiers", 5, 500),
		},
		primary: []string{"monitor", "ngo"}, others: []string{"ocha", "un", "ngo", "hospital", "residents", "activists", "unicef"},
		denial: []string{"army"}, longRun: true, maxDays: 20, money: "aid",
	},
	{
		name: "shooting", hit: []string{"broke out in", "erupted in"}, nouns: []string{"shooting", "attack", "gun attack"}, similar: "a similar attack",
		preds: []predSpec{
			killed("people", 2, 60),
			injured("people", 2, 120).times(1, 4),
			arrested("people", 2, 6),
			count("other", "people", 2000, 30000, false, nil, "[{V} {S}] had gathered for the event", "[{V} {S}] were at the scene"),
		},
		primary: []string{"police", "policechief"}, others: []string{"hospital", "mayor", "witnesses", "officials"},
		maxDays: 4, money: "donations",
	},
	{
		name: "factory-fire", hit: []string{"tore through a factory in", "broke out in"}, nouns: []string{"fire", "blaze", "factory fire"}, similar: "a similar fire",
		preds: []predSpec{
			killed("workers", 3, 250),
			injured("people", 5, 400),
			missing("workers", 2, 120),
			count("other", "people", 200, 6000, false, nil, "[{V} {S}] worked at the factory", "[{V} {S}] were employed at the plant"),
		},
		primary: []string{"agency", "police"}, others: []string{"ngo", "hospital", "officials", "opposition", "minister"},
		maxDays: 5, money: "compensation",
	},
	{
		name: "shipwreck", nouns: []string{"shipwreck", "sinking", "capsizing"}, similar: "a similar shipwreck",
		preds: []predSpec{
			killed("migrants", 5, 700),
			missing("people", 5, 500).times(0.2, 1.5),
			count("other", "survivors", 5, 400, true, nil, "[{V} {S}] were rescued", "rescuers pulled [{V} {S}] from the water", "[{V} {S}] were brought ashore").times(0.3, 1.5),
			count("affected", "people", 40, 900, false, nil, "the boat was carrying [{V} {S}]", "[{V} {S}] were on board").times(1.8, 5),
			arrested("suspected smugglers", 2, 12),
		},
		primary: []string{"coastguard", "iom"}, others: []string{"unhcr", "ngo", "survivors", "prosecutors", "officials"},
		maxDays: 6, money: "aid",
	},
	{
		name: "epidemic", ongoing: true, nouns: []string{"cholera outbreak", "outbreak", "epidemic"}, similar: "an earlier outbreak",
		preds: []predSpec{
			killed("people", 5, 3000),
			count("affected", "cases", 100, 300000, true, nil, "[{V} suspected {S}] had been recorded", "[{V} {S}] have been confirmed", "[{V} {S}] were reported").times(15, 120),
			count("affected", "people", 100, 300000, true, nil, "[{V} {S}] have been infected", "[{V} {S}] have fallen ill").times(20, 150),
			count("other", "vaccine doses", 10000, 5000000, false, nil, "[{V} {S}] had been delivered", "[{V} {S}] were being shipped"),
		},
		primary: []string{"health", "minister"}, others: []string{"who", "ngo", "hospital", "officials", "unicef"},
		longRun: true, maxDays: 20, money: "appeal",
	},
	{
		name: "protest", ongoing: true, nouns: []string{"protests", "crackdown", "demonstrations"}, similar: "similar protests",
		preds: []predSpec{
			killed("protesters", 2, 250),
			injured("people", 10, 2500).times(3, 15),
			arrested("people", 20, 6000),
			count("other", "protesters", 1000, 600000, false, nil, "[{V} {S}] took to the streets", "[{V} {S}] marched through the capital", "[{V} {S}] joined the rallies"),
		},
		primary: []string{"ngo", "opposition"}, others: []string{"interior", "ngo", "hospital", "witnesses", "activists", "lawyers"},
		denial: []string{"interior", "police"}, maxDays: 7, money: "compensation",
	},
	{
		name: "storm", hit: []string{"slammed into", "hit", "swept across"}, hazard: true, ongoing: true, nouns: []string{"cyclone", "typhoon", "tropical storm"}, oneNoun: true, similar: "a similar storm",
		preds: []predSpec{
			killed("people", 2, 1200),
			displaced("people", 2000, 900000),
			count("other", "homes", 100, 120000, true, nil, "[{V} {S}] were flattened", "[{V} {S}] lost their roofs", "[{V} {S}] were destroyed"),
			count("affected", "people", 10000, 4000000, false, nil, "[{V} {S}] were left without power", "[{V} {S}] have been affected"),
		},
		primary: []string{"agency", "govt"}, others: []string{"redcross", "governor", "ocha", "officials", "worldbank"},
		maxDays: 6, money: "damage",
	},
	{
		name: "landslide", hit: []string{"buried parts of", "hit"}, hazard: true, rubble: true, nouns: []string{"landslide", "mudslide"}, similar: "a similar landslide",
		preds: []predSpec{
			killed("people", 3, 400),
			missing("people", 5, 600),
			count("other", "homes", 10, 3000, false, nil, "[{V} {S}] were buried", "[{V} {S}] were swept away"),
		},
		primary: []string{"agency", "governor"}, others: []string{"redcross", "officials", "residents", "mayor"},
		maxDays: 5, money: "aid",
	},
	{
		name: "crash", hit: []string{"happened near", "occurred outside"}, nouns: []string{"crash", "collision", "accident"}, similar: "a similar crash",
		preds: []predSpec{
			killed("passengers", 3, 150),
			injured("passengers", 5, 300),
			count("affected", "passengers", 20, 900, false, nil, "the train was carrying [{V} {S}]", "[{V} {S}] were on board").times(3, 12),
		},
		primary: []string{"police", "interior"}, others: []string{"hospital", "officials", "witnesses", "minister"},
		maxDays: 3, money: "compensation",
	},
	{
		name: "explosion", hit: []string{"ripped through", "rocked"}, rubble: true, nouns: []string{"explosion", "blast"}, similar: "an earlier explosion",
		preds: []predSpec{
			killed("people", 3, 300),
			injured("people", 20, 6000).times(3, 20),
			count("other", "buildings", 20, 8000, false, nil, "[{V} {S}] were damaged", "the {E} damaged [{V} {S}]"),
			missing("people", 2, 150),
		},
		primary: []string{"health", "govt"}, others: []string{"redcross", "hospital", "officials", "un", "mayor"},
		maxDays: 5, money: "damage",
	},
}
