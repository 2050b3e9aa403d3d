package gen

// Word lists the generator composes text from. Every entry is plain text;
// JSON escaping happens when a line is written.

// A family is a set of syllables and name parts that gives the places and
// people of a country a consistent sound.
type family struct {
	onsets   []string // first syllables, capitalised
	middles  []string
	endings  []string
	prefixes []string // optional whole-word prefixes: "Tal ", "San "
	first    []string // given names
	last     []string // family names
	currency string   // local currency, plural
}

var families = []family{
	{ // Andean
		onsets:   []string{"Aya", "Hua", "Chu", "Qui", "Pam", "Tara", "Cota", "Yana", "Llam", "Ocu", "Pata", "Sora", "Anta", "Caja", "Moro"},
		middles:  []string{"pa", "ca", "ma", "ra", "qui", "hua", "lla", "ta", "co", "ya", "pu"},
		endings:  []string{"mpa", "bamba", "marca", "cocha", "pata", "huasi", "yoc", "cancha", "puquio", "llacta"},
		prefixes: []string{"San Juan de ", "Santa Rosa de ", "Villa ", "San Pedro de "},
		first:    []string{"Rosa", "Julio", "Lucia", "Carlos", "Maria", "Renata", "Oscar", "Hilda", "Elena", "Mateo", "Juana", "Pedro", "Ines", "Diego", "Carmen", "Raul"},
		last:     []string{"Quispe", "Mamani", "Huaman", "Condori", "Choque", "Paredes", "Mendoza", "Vargas", "Flores", "Rojas", "Ccama", "Apaza", "Torres", "Salazar"},
		currency: "soles",
	},
	{ // Levantine
		onsets:   []string{"Ham", "Kaf", "Jis", "Sar", "Ma", "Dei", "Ha", "Lat", "Mor", "Ari", "Bin", "Tar", "Sal", "Naw", "Qus"},
		middles:  []string{"ra", "ba", "ta", "ma", "na", "ri", "sha", "da", "la", "qa"},
		endings:  []string{"ra", "mun", "reh", "een", "aniyeh", "oun", "ash", "amiyeh", "ab", "ouk", "ib", "at"},
		prefixes: []string{"Tal ", "Kafr ", "Deir ", "Ain ", "Khan ", "Jisr ", "Maarat "},
		first:    []string{"Karim", "Lina", "Samer", "Rami", "Huda", "Omar", "Rania", "Yousef", "Nour", "Ahmad", "Layla", "Khaled", "Maha", "Tariq", "Salma", "Walid"},
		last:     []string{"Saleh", "Haddad", "Nasser", "Youssef", "Khalil", "Darwish", "Mansour", "Hamdan", "Aziz", "Qasim", "Barakat", "Shami", "Najjar", "Halabi"},
		currency: "pounds",
	},
	{ // East African
		onsets:   []string{"Mba", "Ki", "Nya", "Bu", "Ga", "Ma", "Wa", "Lo", "Ka", "Mto", "Ngo", "Ho", "Ga"},
		middles:  []string{"la", "ri", "si", "nga", "ku", "mba", "to", "wa", "ma", "ru", "ne"},
		endings:  []string{"mbala", "pini", "gatu", "rissa", "sen", "ruru", "nyoro", "kamba", "lindi", "mwe", "doto", "la"},
		prefixes: nil,
		first:    []string{"Asha", "Halima", "Abdullahi", "Yusuf", "Fatuma", "Peter", "Grace", "Joseph", "Amina", "Ibrahim", "Mercy", "Duncan", "Wanjiru", "Otieno", "Hawo", "Moses"},
		last:     []string{"Mohammed", "Dhadho", "Hassan", "Abdi", "Kamau", "Otieno", "Mwangi", "Galgalo", "Phiri", "Banda", "Mwila", "Ochieng", "Wekesa", "Gure"},
		currency: "shillings",
	},
	{ // South Asian
		onsets:   []string{"Gazi", "Nara", "Sira", "Kishor", "Tangai", "Rang", "Bogu", "Jama", "Sher", "Chandi", "Madhu", "Faridi", "Kushti", "Patu"},
		middles:  []string{"ga", "na", "ra", "pa", "la", "ma", "sa", "ka"},
		endings:  []string{"pur", "ganj", "abad", "nagar", "khali", "gaon", "hat", "bari", "tola", "danga"},
		prefixes: nil,
		first:    []string{"Abdul", "Shafiqul", "Rokeya", "Nasrin", "Abdur", "Shapla", "Rahim", "Farida", "Kamal", "Sultana", "Anwar", "Taslima", "Jahid", "Mitu", "Rafiq", "Parveen"},
		last:     []string{"Matin", "Islam", "Begum", "Haque", "Rahman", "Akter", "Hossain", "Chowdhury", "Uddin", "Sarkar", "Khatun", "Ahmed", "Miah", "Das"},
		currency: "taka",
	},
	{ // West African
		onsets:   []string{"Ko", "Ane", "Tsé", "Aga", "Baf", "Dapa", "Soko", "Kpa", "Ata", "Ble", "Vo", "Amé"},
		middles:  []string{"ko", "to", "vi", "de", "lo", "ga", "me", "po", "ni"},
		endings:  []string{"ssi", "kpe", "vié", "dé", "mé", "go", "lime", "kondji", "dougou", "ssou"},
		prefixes: nil,
		first:    []string{"Koffi", "Afi", "Kodjo", "Yawa", "Komi", "Edem", "Ama", "Kossi", "Akouvi", "Messan", "Dzifa", "Sena", "Kokou", "Abla"},
		last:     []string{"Adjovi", "Kpodar", "Amegah", "Mensah", "Agbeko", "Ametepe", "Lawson", "Dossou", "Akakpo", "Tchala", "Gbeassor", "Atsu"},
		currency: "CFA francs",
	},
	{ // Southern European
		onsets:   []string{"Cro", "Ca", "Ro", "Ven", "Lo", "Mar", "Tro", "Sca", "Pe", "Cas", "Ter", "Gio", "Bel"},
		middles:  []string{"to", "la", "ri", "ne", "ca", "vi", "sa", "ro", "li"},
		endings:  []string{"tone", "nzaro", "ssano", "lia", "rina", "vento", "gallo", "mare", "poli", "ano", "ella"},
		prefixes: []string{"San ", "Santa ", "Porto ", "Capo "},
		first:    []string{"Giovanna", "Marco", "Anna", "Giulia", "Angelo", "Flavia", "Luca", "Chiara", "Matteo", "Sara", "Paolo", "Elisa", "Franco", "Teresa"},
		last:     []string{"Rizzo", "Bellini", "Conti", "Ferri", "Greco", "Lombardi", "Moretti", "Marino", "Costa", "Galli", "Romano", "Esposito", "Fontana", "Rinaldi"},
		currency: "euros",
	},
	{ // Central Asian / Caucasus
		onsets:   []string{"Kara", "Tash", "Ak", "Bol", "Nur", "Ust", "Kyz", "Oz", "Jal", "Sary", "Tal", "Bek"},
		middles:  []string{"ta", "ba", "ku", "ma", "ra", "sy", "ly", "da"},
		endings:  []string{"kent", "abad", "bulak", "su", "tau", "kol", "yar", "ovka", "sk", "chi"},
		prefixes: nil,
		first:    []string{"Aigul", "Timur", "Dilnoza", "Rustam", "Zarina", "Bakyt", "Nodira", "Farid", "Gulnara", "Azamat", "Madina", "Erlan"},
		last:     []string{"Karimov", "Abdullaeva", "Tashkentova", "Bekov", "Nurlanov", "Usmanov", "Sadykova", "Ismailov", "Akhmetov", "Yusupova", "Rakhimov"},
		currency: "som",
	},
	{ // Southeast Asian
		onsets:   []string{"Ban", "Kam", "Sua", "Tha", "Phu", "Nong", "Mae", "Lam", "Pak", "Sri", "Tan", "Bat"},
		middles:  []string{"ng", "na", "pa", "ka", "ra", "la", "ta", "wa"},
		endings:  []string{"ong", "buri", "phan", "thong", "nakhon", "kham", "chai", "sawan", "dong", "ngam"},
		prefixes: []string{"Ban ", "Nong ", "Mae "},
		first:    []string{"Somchai", "Nattaya", "Anong", "Kittisak", "Malee", "Preecha", "Siriporn", "Wichai", "Ratana", "Thawatchai", "Pimchanok", "Surin"},
		last:     []string{"Srisuk", "Chaiyaporn", "Wongsakul", "Boonmee", "Kaewmanee", "Thongdee", "Saetang", "Rattanakul", "Phromma", "Inthasorn", "Chanthara"},
		currency: "baht",
	},
}

// Country names are generated; these are the parts.
var countryOnsets = []string{"Val", "Mor", "Tes", "Ker", "Aran", "Bel", "Cor", "Dun", "Esh", "Fal", "Gar", "Hal", "Ist", "Kal", "Lor", "Mar", "Nor", "Ost", "Pel", "Quar", "Ros", "Sar", "Tav", "Ul", "Ver", "Zan", "Bra", "Sel", "Tor", "Ved"}
var countryMiddles = []string{"do", "ra", "ne", "ma", "ta", "li", "ve", "sa", "go", "bi", "ri", "ka"}
var countryEndings = []string{"ria", "nia", "land", "stan", "via", "ssa", "mbia", "gal", "lia", "dor", "tia", "ros", "ana"}

var townKinds = []string{
	"farming town", "market town", "port city", "fishing village", "mining town", "border town",
	"district capital", "garrison town", "river town", "hill town", "provincial city", "trading hub",
	"industrial suburb", "coastal town", "highland village",
}

var townFeatures = []string{
	"on the banks of a wide, slow river", "in the foothills of the mountains", "close to the northern border",
	"on the main highway to the coast", "at the edge of a cotton-growing plain", "in a valley known for its orchards",
	"beside a large reservoir", "on a plateau surrounded by pasture", "near the mouth of the river delta",
	"at a crossroads of old caravan routes", "in a district of tea and rice farms", "on the shore of a shallow lake",
}

// Outlets.
var outletPapers = []string{"Herald", "Times", "Courier", "Gazette", "Post", "Tribune", "Observer", "Dispatch", "Chronicle", "Ledger", "Star", "Journal", "Mirror", "Express", "Echo", "Sentinel", "Record", "Bulletin", "Monitor", "Standard", "Voice", "Review", "Telegraph", "Independent"}
var outletWireAdj = []string{"Meridian", "Continental", "Atlas", "Horizon", "Pacific", "Northern", "Global", "United", "Coastal", "Central", "Eastern", "Southern", "Summit", "Compass", "Beacon", "Keystone", "Polar", "Harbor"}
var outletWireNoun = []string{"Wire", "Press", "News Agency", "Newswire", "Press Service", "Wire Service", "News Service", "Presse"}
var outletBroadcast = []string{"Radio", "TV", "Television", "Broadcasting", "News 24", "FM"}
var tlds = []string{"com", "net", "org", "news", "info", "co", "press", "media"}
var sections = []string{"world", "news", "national", "regions", "africa", "asia", "americas", "europe", "middle-east", "local", "politics", "disasters"}

// Wire trailers and boilerplate.
var editingVerbs = []string{"Editing by", "Edited by", "Additional reporting by"}
var relatedLines = []string{"Related Story", "Related Stories", "Read more:", "More on this story", "Related coverage"}

var weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
var monthsShort = []string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}

var smallWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
var tensWords = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
var ordinalWords = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// Attribution verbs and framing.
var saidVerbs = []string{"said", "said", "said", "says", "reported", "said in a statement", "told reporters", "said in a post on social media", "said at a news conference", "told local radio"}
var thatVerbs = []string{"said", "said", "said", "told reporters", "announced", "reported", "confirmed", "said in a statement", "told a news conference", "estimated"}

var hedges = []string{
	"The figures could not be independently verified.",
	"The toll could not be independently confirmed.",
	"It was not possible to verify the numbers independently.",
	"Reporters were unable to reach the area to confirm the figures.",
	"Access to the area is restricted, and the numbers could not be checked independently.",
}

// Filler: sentences about the setting, composed from parts.
var wxSubj = []string{"Forecasters", "The national weather service", "Meteorologists", "The meteorological office", "Weather officials", "The climate agency"}
var wxVerb = []string{"warned of", "predicted", "forecast", "said there would be", "expected", "issued an alert for"}
var wxObj = []string{"more heavy rain", "strong winds", "a sharp drop in temperatures", "thunderstorms", "dry, hot weather", "fog and low cloud", "scattered showers", "freezing nights", "a spell of cooler weather", "dust storms"}
var wxWhere = []string{"over the region", "in the highlands", "along the coast", "in the north", "across the capital", "in the river valleys", "in the south-east"}
var wxWhen = []string{"later this week", "over the weekend", "in the coming days", "by Thursday", "until the end of the month", "overnight", "early next week"}
var wxEffect = []string{"which could hamper relief efforts", "raising fears of more landslides", "which would slow the work of rescue teams", "adding to the misery of those sleeping outdoors", "which could make roads impassable", "which farmers fear will ruin the harvest"}

var polSubj = []string{"Opposition leaders", "Lawmakers from the ruling party", "Critics of the government", "Local councillors", "Religious leaders", "Civil society groups", "Members of parliament", "Community elders", "Union leaders"}
var polVerb = []string{"accused the government of", "criticised officials for", "demanded an inquiry into", "complained about", "protested against", "raised questions about"}
var polObj = []string{"a slow response", "years of neglect in the region", "corruption in public contracts", "the failure to heed earlier warnings", "poor coordination between ministries", "restrictions on the press", "lax enforcement of building rules", "delays in paying compensation", "the handling of the crisis", "a lack of information"}
var polTail = []string{"", ", and said they would raise the matter in parliament", ", a charge the government rejects", ", echoing complaints heard after earlier disasters", ", though they offered few details", ", as pressure mounts ahead of elections next year"}

var econSubj = []string{"The economy", "The local economy", "The farming sector", "Tourism", "The region's economy", "Trade with neighbouring countries", "The construction industry"}
var econVerb = []string{"has struggled", "was already weak", "has been hit hard", "had been recovering slowly", "depends heavily on remittances", "has barely grown"}
var econWhy = []string{"since the pandemic", "after years of drought", "because of high fuel prices", "amid a shortage of foreign currency", "as food prices climbed", "after the currency lost value"}

var lifeSubj = []string{"Shops", "Schools", "Markets", "Banks", "Government offices", "Mosques and churches", "Petrol stations", "Pharmacies", "Bakeries"}
var lifeVerb = []string{"stayed closed", "reopened", "were running short of supplies", "were crowded with people", "opened for only a few hours", "were ordered to close"}
var lifeWhen = []string{"on the first day", "by the afternoon", "for much of the week", "as people tried to return to normal", "as prices rose", "until further notice", "for a second day", "under heavy security"}

var aidSubj = []string{"Aid agencies", "Relief workers", "Volunteers", "The army", "Charities", "Neighbouring countries", "International donors", "Local businesses", "Church groups", "Student volunteers"}
var aidVerb = []string{"were sending", "began distributing", "delivered", "flew in", "handed out", "brought", "trucked in"}
var aidObj = []string{"tents and blankets", "drinking water", "food parcels", "medical supplies", "hygiene kits", "fuel for generators", "tarpaulins", "baby formula", "water purification tablets", "warm clothes"}
var aidTail = []string{"", " to the worst-hit areas", " by helicopter", " as roads reopened", " despite the poor roads", " through local committees", " to families sheltering in schools"}

var witnessWho = []string{"a farmer", "a shopkeeper", "a teacher", "a nurse", "a taxi driver", "a student", "a fisherman", "a retired teacher", "a mother", "a construction worker", "a local trader", "a volunteer"}

// Quotes for any event, and for disasters that wreck homes.
var witnessQuote = []string{
	"Nobody came to help us for two days.",
	"My brother is still missing. We keep calling his phone.",
	"I have lived here all my life and I have never seen anything like this.",
	"We ran with the children and did not look back.",
	"The government promises a lot but we see nothing.",
	"We buried our neighbours this morning.",
	"I heard shouting and then everyone started running.",
	"We just want to know what happened.",
	"People were screaming. I did not know where to go.",
	"Nobody warned us. Nobody.",
}
var hazardQuote = []string{
	"We have lost everything. The house, the animals, everything.",
	"I heard a noise like thunder and then the walls came down.",
	"We are sleeping in the street with the children.",
	"The water came so fast we could not take anything.",
	"We need tents, we need water, we need doctors.",
	"They told us to leave, but where can we go?",
}

var officialQuote = []string{
	"The numbers will change as we reach more areas.",
	"Our priority is to find survivors.",
	"We are doing everything we can, but the needs are enormous.",
	"This is a tragedy for the whole country.",
	"Those responsible will be held to account.",
	"The situation is serious but under control.",
	"We ask people to stay calm and follow instructions.",
	"We have deployed every available team.",
}

var investigation = []string{
	"An investigation has been opened into the cause.",
	"Prosecutors said they had opened an inquiry.",
	"The authorities said it was too early to say what had caused the disaster.",
	"A commission will report its findings within a month, officials said.",
	"Experts have long warned that the area was at risk.",
	"Engineers were inspecting damaged bridges and public buildings.",
	"Officials promised that families would receive compensation.",
}

var closers = []string{
	"This story has been updated.",
	"More to follow.",
	"This is a developing story.",
	"Follow our live coverage for updates.",
	"",
	"",
	"",
}

// Agency names.
var ngoAdj = []string{"Union", "Coalition", "Network", "Association", "Alliance", "Federation", "League", "Council", "Collective", "Committee"}
var ngoOf = []string{"Rescue Volunteers", "Civil Defence Volunteers", "Civic Freedoms", "Medical Relief", "Human Rights Defenders", "Humanitarian Responders", "Independent Doctors", "Victims' Families", "Community Health Workers", "Legal Aid Lawyers", "Displaced People", "Emergency Surgeons"}
var monitorNouns = []string{"Observatory for Human Rights", "Monitor for Human Rights", "Centre for Civilian Records", "Casualty Monitor", "Documentation Centre"}
var agencyNouns = []string{"Disaster Management Agency", "Civil Protection Authority", "Emergency Operations Centre", "Civil Defence Directorate", "Disaster Response Office", "Emergency Management Authority"}

var infraSubj = []string{"Power", "Mobile phone coverage", "The water supply", "Internet access", "Electricity", "Telephone service"}
var infraVerb = []string{"was cut", "was restored", "remained patchy", "was partly restored", "was unreliable", "failed again"}
var infraWhen = []string{"in much of the area", "for several hours", "by the evening", "in outlying districts", "on the second day", "after engineers worked through the night", "across the region"}

var diploSubj = []string{"Neighbouring governments", "The European Union", "The African Union", "Regional leaders", "The UN secretary-general", "Foreign embassies", "The pope"}
var diploVerb = []string{"offered condolences", "expressed solidarity with the victims", "called for restraint", "urged an independent investigation", "sent messages of sympathy", "said they were following events closely"}

var healthRisk = []string{
	"Doctors warned of the risk of disease in crowded shelters.",
	"Health workers were vaccinating children in the camps.",
	"The lack of clean water has raised fears of cholera and typhoid.",
	"Hospitals appealed for blood donations.",
	"Mobile clinics were set up on the edge of the town.",
	"Aid groups said mental health support would be needed for months.",
}
