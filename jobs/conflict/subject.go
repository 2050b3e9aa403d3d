package conflict

import "strings"

// Subject classes returned by SubjectClass for the subjects it knows. Any
// other subject gives its own lower-case, singular head noun.
const (
	SubjectPeople     = "people"
	SubjectCivilians  = "civilians"
	SubjectChildren   = "children"
	SubjectWomen      = "women"
	SubjectMen        = "men"
	SubjectCombatants = "combatants"
	SubjectSoldiers   = "soldiers"
	SubjectFighters   = "fighters"
	SubjectPolice     = "police"
	SubjectJournalist = "journalists"
	SubjectMedics     = "medics"
	SubjectAidWorkers = "aid_workers"
	SubjectMigrants   = "migrants"
	SubjectStudents   = "students"
	SubjectWorkers    = "workers"
	SubjectProtesters = "protesters"
	SubjectPrisoners  = "prisoners"
	SubjectSuspects   = "suspects"
	SubjectHouseholds = "households"
	SubjectBuildings  = "buildings"
)

// SubjectClass returns the class of a claim's subject: synonyms and
// singular/plural forms share a class ("civilian", "non-combatants",
// "residents" → "civilians"; "kids", "minors" → "children"; "troops" →
// "soldiers"); the head noun decides for longer phrases ("Syrian
// civilians" → "civilians", "people in Idlib" → "people"). An unknown
// subject gives its singular head noun; "" gives "".
//
// Classes nest (children ⊂ civilians ⊂ people, soldiers ⊂ combatants ⊂
// people; see SubjectParent), but only claims of the same class are
// compared: a count of children is not a count of civilians.
func SubjectClass(subject string) string {
	s := strings.ToLower(strings.TrimSpace(subject))
	if s == "" {
		return ""
	}
	if c, ok := subjectClasses[s]; ok {
		return c
	}
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r >= 0x80)
	})
	// the head noun is the last word before a preposition
	for i, w := range words {
		if subjectStops[w] && i > 0 {
			words = words[:i]
			break
		}
	}
	if len(words) == 0 {
		return ""
	}
	if len(words) >= 2 {
		two := words[len(words)-2] + " " + singular(words[len(words)-1])
		if c, ok := subjectClasses[two]; ok {
			return c
		}
	}
	head := singular(words[len(words)-1])
	if c, ok := subjectClasses[head]; ok {
		return c
	}
	return head
}

// SubjectParent returns the class that contains class ("" for people and
// for classes outside the tree):
//
//	people
//	├── civilians
//	│   ├── children, women, journalists, medics, aid_workers,
//	│   └── migrants, students, workers, protesters
//	├── combatants
//	│   └── soldiers, fighters
//	└── men, police, prisoners, suspects
func SubjectParent(class string) string {
	return subjectParents[class]
}

var subjectParents = map[string]string{
	SubjectCivilians:  SubjectPeople,
	SubjectCombatants: SubjectPeople,
	SubjectMen:        SubjectPeople,
	SubjectPolice:     SubjectPeople,
	SubjectPrisoners:  SubjectPeople,
	SubjectSuspects:   SubjectPeople,
	SubjectChildren:   SubjectCivilians,
	SubjectWomen:      SubjectCivilians,
	SubjectJournalist: SubjectCivilians,
	SubjectMedics:     SubjectCivilians,
	SubjectAidWorkers: SubjectCivilians,
	SubjectMigrants:   SubjectCivilians,
	SubjectStudents:   SubjectCivilians,
	SubjectWorkers:    SubjectCivilians,
	SubjectProtesters: SubjectCivilians,
	SubjectSoldiers:   SubjectCombatants,
	SubjectFighters:   SubjectCombatants,
}

// singular strips a plural ending from an English noun (the irregular
// plurals are in subjectClasses).
func singular(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

var subjectStops = setOf("in", "of", "from", "at", "on", "across", "inside", "near", "including", "who", "which", "that")

var subjectClasses = func() map[string]string {
	m := map[string]string{}
	add := func(class string, words ...string) {
		for _, w := range words {
			m[w] = class
		}
	}
	add(SubjectPeople, "people", "person", "persons", "individual", "human",
		"human being", "victim", "soul", "life", "lives", "casualty", "innocent")
	add(SubjectCivilians, "civilian", "non-combatant", "noncombatant",
		"resident", "inhabitant", "villager", "local", "bystander",
		"pedestrian", "worshipper", "worshiper", "shopper", "citizen")
	add(SubjectChildren, "child", "children", "kid", "minor", "boy", "girl",
		"infant", "baby", "toddler", "schoolchild", "schoolchildren",
		"teenager", "teen", "youngster", "juvenile")
	add(SubjectWomen, "woman", "women", "female", "mother")
	add(SubjectMen, "man", "men", "male")
	add(SubjectCombatants, "combatant")
	add(SubjectSoldiers, "soldier", "troop", "serviceman", "servicemen",
		"service member", "servicemember", "marine", "sailor", "airman",
		"conscript", "army personnel", "military personnel", "guardsman",
		"paratrooper")
	add(SubjectFighters, "fighter", "rebel", "militant", "insurgent",
		"jihadist", "jihadi", "gunman", "gunmen", "militiaman", "militiamen",
		"terrorist", "extremist", "guerrilla", "guerilla", "separatist")
	add(SubjectPolice, "police", "policeman", "policemen", "police officer",
		"officer", "trooper", "deputy", "cop", "gendarme", "law enforcement officer",
		"security officer", "security personnel")
	add(SubjectJournalist, "journalist", "reporter", "media worker",
		"photographer", "cameraman", "correspondent")
	add(SubjectMedics, "medic", "paramedic", "doctor", "nurse",
		"health worker", "healthcare worker", "medical worker",
		"medical staff", "rescuer", "first responder")
	add(SubjectAidWorkers, "aid worker", "humanitarian worker",
		"relief worker", "humanitarian")
	add(SubjectMigrants, "migrant", "refugee", "asylum seeker",
		"asylum-seeker", "immigrant")
	add(SubjectStudents, "student", "pupil", "schoolboy", "schoolgirl")
	add(SubjectWorkers, "worker", "employee", "miner", "labourer", "laborer")
	add(SubjectProtesters, "protester", "protestor", "demonstrator")
	add(SubjectPrisoners, "prisoner", "detainee", "inmate", "hostage", "captive")
	add(SubjectSuspects, "suspect", "shooter", "attacker", "assailant", "perpetrator")
	add(SubjectHouseholds, "household", "family", "families")
	add(SubjectBuildings, "building", "home", "house", "dwelling", "structure")
	return m
}()
