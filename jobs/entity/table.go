package entity

// addCurated fills the table with organisations, outlets and groups.
func addCurated() {
	// United Nations and its agencies.
	add("United Nations", KindIGO, "UN", "U.N.", "UNO", "United Nations Organization", "the world body")
	add("UN Office for the Coordination of Humanitarian Affairs", KindIGO, "OCHA", "UN OCHA", "UNOCHA",
		"Office for the Coordination of Humanitarian Affairs", "United Nations Office for the Coordination of Humanitarian Affairs",
		"U.N. Office for the Coordination of Humanitarian Affairs", "UN humanitarian office", "UN humanitarian agency",
		"UN humanitarian affairs office", "United Nations humanitarian office", "United Nations humanitarian agency")
	add("UN High Commissioner for Refugees", KindIGO, "UNHCR", "UN refugee agency", "United Nations refugee agency",
		"United Nations High Commissioner for Refugees", "Office of the United Nations High Commissioner for Refugees",
		"UN High Commission for Refugees", "U.N. refugee agency", "UN Refugee Agency")
	add("UNICEF", KindIGO, "United Nations Children's Fund", "UN Children's Fund", "UN children's agency",
		"United Nations children's agency", "United Nations International Children's Emergency Fund", "Unicef")
	add("World Health Organization", KindIGO, "WHO", "World Health Organisation", "UN health agency", "United Nations health agency")
	add("World Food Programme", KindIGO, "WFP", "World Food Program", "UN food agency", "United Nations World Food Programme")
	add("International Organization for Migration", KindIGO, "IOM", "UN migration agency", "International Organisation for Migration")
	add("UN Relief and Works Agency for Palestine Refugees", KindIGO, "UNRWA", "United Nations Relief and Works Agency",
		"UN Relief and Works Agency", "UN agency for Palestinian refugees", "UN Palestinian refugee agency",
		"UN Relief and Works Agency for Palestine Refugees in the Near East", "United Nations Relief and Works Agency for Palestine Refugees")
	add("UN Office of the High Commissioner for Human Rights", KindIGO, "OHCHR", "UN human rights office",
		"United Nations human rights office", "Office of the UN High Commissioner for Human Rights", "UN rights office",
		"UN High Commissioner for Human Rights", "United Nations High Commissioner for Human Rights")
	add("UN Human Rights Council", KindIGO, "UNHRC", "United Nations Human Rights Council", "Human Rights Council")
	add("UN Security Council", KindIGO, "UNSC", "United Nations Security Council", "Security Council")
	add("UN Development Programme", KindIGO, "UNDP", "United Nations Development Programme", "UN Development Program")
	add("UN Population Fund", KindIGO, "UNFPA", "United Nations Population Fund")
	add("UNESCO", KindIGO, "United Nations Educational, Scientific and Cultural Organization")
	add("Food and Agriculture Organization", KindIGO, "FAO", "UN Food and Agriculture Organization", "Food and Agriculture Organisation")
	add("UN Mission in South Sudan", KindIGO, "UNMISS")
	add("UN Assistance Mission in Afghanistan", KindIGO, "UNAMA")
	add("UN Assistance Mission for Iraq", KindIGO, "UNAMI")
	add("UN Interim Force in Lebanon", KindIGO, "UNIFIL")
	add("UN Secretary-General", KindIGO, "UN Secretary General", "United Nations Secretary-General", "UN chief", "U.N. chief")
	add("World Bank", KindIGO, "World Bank Group")
	add("International Monetary Fund", KindIGO, "IMF")
	add("NATO", KindIGO, "North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato")
	add("European Union", KindIGO, "EU", "E.U.", "European Commission", "Brussels")
	add("African Union", KindIGO, "AU")
	add("Arab League", KindIGO, "League of Arab States")
	add("Organisation for the Prohibition of Chemical Weapons", KindIGO, "OPCW", "Organization for the Prohibition of Chemical Weapons")
	add("International Atomic Energy Agency", KindIGO, "IAEA")
	add("International Criminal Court", KindIGO, "ICC")
	add("International Court of Justice", KindIGO, "ICJ", "World Court")
	add("Organization for Security and Co-operation in Europe", KindIGO, "OSCE", "Organisation for Security and Co-operation in Europe",
		"Organization for Security and Cooperation in Europe")
	add("Association of Southeast Asian Nations", KindIGO, "ASEAN")
	add("Gulf Cooperation Council", KindIGO, "GCC")
	add("Organisation of Islamic Cooperation", KindIGO, "OIC", "Organization of Islamic Cooperation")

	// Humanitarian and human-rights organisations, monitors.
	add("International Committee of the Red Cross", KindNGO, "ICRC", "Red Cross", "International Red Cross")
	add("International Federation of Red Cross and Red Crescent Societies", KindNGO, "IFRC")
	add("Syrian Arab Red Crescent", KindNGO, "SARC")
	add("Palestine Red Crescent Society", KindNGO, "PRCS", "Palestinian Red Crescent")
	add("Turkish Red Crescent", KindNGO, "Kizilay")
	add("American Red Cross", KindNGO)
	add("Médecins Sans Frontières", KindNGO, "MSF", "Medecins Sans Frontieres", "Doctors Without Borders", "Doctors without Borders")
	add("Amnesty International", KindNGO, "Amnesty")
	add("Human Rights Watch", KindNGO, "HRW")
	add("Syrian Observatory for Human Rights", KindNGO, "SOHR", "Syrian Observatory", "Britain-based Syrian Observatory for Human Rights")
	add("Syrian Network for Human Rights", KindNGO, "SNHR")
	add("Violations Documentation Center", KindNGO, "VDC", "Violations Documentation Centre")
	add("Union of Medical Care and Relief Organizations", KindNGO, "UOSSM", "Union of Medical Care and Relief Organisations",
		"Union des Organisations de Secours et Soins Médicaux")
	add("Syrian American Medical Society", KindNGO, "SAMS")
	add("Syria Civil Defence", KindNGO, "White Helmets", "Syrian Civil Defence", "Syrian Civil Defense", "Syria Civil Defense")
	add("Save the Children", KindNGO)
	add("Oxfam", KindNGO, "Oxfam International")
	add("Norwegian Refugee Council", KindNGO, "NRC")
	add("International Rescue Committee", KindNGO, "IRC")
	add("CARE International", KindNGO)
	add("Mercy Corps", KindNGO)
	add("Physicians for Human Rights", KindNGO, "PHR")
	add("Airwars", KindNGO)
	add("Armed Conflict Location & Event Data Project", KindNGO, "ACLED")
	add("Iraq Body Count", KindNGO, "IBC")
	add("Committee to Protect Journalists", KindNGO, "CPJ")
	add("Reporters Without Borders", KindNGO, "RSF", "Reporters Sans Frontières", "Reporters Sans Frontieres")
	add("B'Tselem", KindNGO, "BTselem")
	add("Internal Displacement Monitoring Centre", KindNGO, "IDMC", "Internal Displacement Monitoring Center")
	add("Gun Violence Archive", KindNGO, "GVA")
	add("Everytown for Gun Safety", KindNGO, "Everytown")
	add("Brady Campaign to Prevent Gun Violence", KindNGO, "Brady Campaign", "Brady Center")
	add("National Rifle Association", KindNGO, "NRA")
	add("American Civil Liberties Union", KindNGO, "ACLU")
	add("Southern Poverty Law Center", KindNGO, "SPLC")
	add("Crisis Group", KindNGO, "International Crisis Group", "ICG")

	// Wire agencies and news outlets.
	add("Reuters", KindOutlet, "Thomson Reuters", "Reuters news agency")
	add("Agence France-Presse", KindOutlet, "AFP", "Agence France Presse", "AFP news agency")
	add("Associated Press", KindOutlet, "AP", "A.P.", "The Associated Press", "AP news agency")
	add("BBC", KindOutlet, "British Broadcasting Corporation", "BBC News", "BBC World Service", "the BBC")
	add("Al Jazeera", KindOutlet, "Al-Jazeera", "Aljazeera", "Al Jazeera English", "Al Jazeera Arabic")
	add("Al Arabiya", KindOutlet, "Al-Arabiya", "Alarabiya")
	add("CNN", KindOutlet, "Cable News Network")
	add("Fox News", KindOutlet, "FOX News", "Fox News Channel")
	add("NBC News", KindOutlet, "NBC")
	add("ABC News", KindOutlet, "ABC")
	add("CBS News", KindOutlet, "CBS")
	add("NPR", KindOutlet, "National Public Radio")
	add("The New York Times", KindOutlet, "New York Times", "NYT", "the Times")
	add("The Washington Post", KindOutlet, "Washington Post")
	add("The Wall Street Journal", KindOutlet, "Wall Street Journal", "WSJ")
	add("Los Angeles Times", KindOutlet, "LA Times", "L.A. Times")
	add("Chicago Tribune", KindOutlet)
	add("USA Today", KindOutlet)
	add("The Guardian", KindOutlet, "Guardian")
	add("The Independent", KindOutlet)
	add("The Telegraph", KindOutlet, "Daily Telegraph")
	add("Financial Times", KindOutlet, "FT")
	add("The Economist", KindOutlet)
	add("Bloomberg", KindOutlet, "Bloomberg News")
	add("Deutsche Presse-Agentur", KindOutlet, "dpa", "DPA")
	add("EFE", KindOutlet, "Agencia EFE")
	add("ANSA", KindOutlet)
	add("Kyodo News", KindOutlet, "Kyodo")
	add("Yonhap", KindOutlet, "Yonhap News Agency")
	add("Press Trust of India", KindOutlet, "PTI")
	add("Anadolu Agency", KindOutlet, "Anadolu", "AA")
	add("Interfax", KindOutlet)
	add("Deutsche Welle", KindOutlet, "DW")
	add("France 24", KindOutlet, "France24")
	add("Voice of America", KindOutlet, "VOA")
	add("Radio Free Europe/Radio Liberty", KindOutlet, "RFE/RL", "Radio Free Europe")
	add("Sky News", KindOutlet)
	add("The Times of Israel", KindOutlet, "Times of Israel")
	add("Haaretz", KindOutlet)
	add("Asharq Al-Awsat", KindOutlet)
	add("Xinhua", KindMedia, "Xinhua News Agency", "New China News Agency")
	add("TASS", KindMedia, "ITAR-TASS")
	add("RIA Novosti", KindMedia, "RIA")
	add("RT", KindMedia, "Russia Today")
	add("Sputnik", KindMedia)
	add("Syrian Arab News Agency", KindMedia, "SANA")
	add("Islamic Republic News Agency", KindMedia, "IRNA")
	add("Fars News Agency", KindMedia, "Fars")
	add("Tasnim News Agency", KindMedia, "Tasnim")
	add("Korean Central News Agency", KindMedia, "KCNA")
	add("Saudi Press Agency", KindMedia, "SPA")
	add("Wafa", KindMedia, "WAFA", "Wafa news agency")
	add("Al-Manar", KindMedia, "Al Manar")
	add("Amaq", KindMedia, "Amaq News Agency")

	// National disaster and civil-protection agencies.
	add("National Disaster Mitigation Agency", KindGovernment, "BNPB", "Badan Nasional Penanggulangan Bencana",
		"Indonesia's National Disaster Mitigation Agency", "Indonesian National Disaster Mitigation Agency",
		"Indonesia's National Disaster Management Agency", "National Disaster Management Agency of Indonesia")
	add("National Disaster Risk Reduction and Management Council", KindGovernment, "NDRRMC")
	add("Federal Emergency Management Agency", KindGovernment, "FEMA")

	// Sudan and South Sudan.
	add("Sudan Armed Forces", KindMilitary, "SAF", "Sudanese Armed Forces")
	add("Sudan People's Liberation Army", KindMilitary, "SPLA", "SPLA-North", "SPLM-N", "Sudan People's Liberation Movement-North")
	add("Enough Project", KindNGO, "the Enough Project")

	// US federal bodies (the country loop adds the generic ones).
	add("US Department of Defense", KindMilitary, "Pentagon", "Department of Defense", "DoD", "DOD", "Defense Department", "US Defense Department")
	add("US Department of State", KindGovernment, "State Department", "US State Department", "Department of State")
	add("White House", KindGovernment)
	add("US Department of Justice", KindGovernment, "Justice Department", "Department of Justice", "DOJ")
	add("US Department of Homeland Security", KindGovernment, "Department of Homeland Security", "Homeland Security", "DHS")
	add("Federal Bureau of Investigation", KindGovernment, "FBI", "F.B.I.")
	add("Bureau of Alcohol, Tobacco, Firearms and Explosives", KindGovernment, "ATF", "A.T.F.", "Bureau of Alcohol, Tobacco and Firearms")
	add("Centers for Disease Control and Prevention", KindGovernment, "CDC", "Centers for Disease Control")
	add("US Marshals Service", KindGovernment, "US Marshals", "U.S. Marshals", "U.S. Marshals Service")
	add("Drug Enforcement Administration", KindGovernment, "DEA")
	add("Tennessee Bureau of Investigation", KindGovernment, "TBI")
	add("Georgia Bureau of Investigation", KindGovernment, "GBI")
	add("Florida Department of Law Enforcement", KindGovernment, "FDLE")
	add("US Central Command", KindMilitary, "CENTCOM", "Central Command")
	add("US-led coalition", KindMilitary, "US-led international coalition", "international coalition", "anti-IS coalition", "Combined Joint Task Force")
	add("Kremlin", KindGovernment)
	add("Downing Street", KindGovernment, "Number 10", "No 10")
	add("Israel Defense Forces", KindMilitary, "IDF", "Israeli Defense Forces", "Israel Defence Forces")

	// Armed groups, movements and parties.
	add("Islamic State", KindGroup, "IS", "ISIS", "ISIL", "Daesh", "Islamic State group", "Islamic State of Iraq and the Levant",
		"Islamic State of Iraq and Syria", "Daech")
	add("al-Qaeda", KindGroup, "al Qaeda", "Al-Qaida", "al-Qaida", "Al Qaida", "alQaeda")
	add("Hayat Tahrir al-Sham", KindGroup, "HTS", "Hayat Tahrir al Sham", "Tahrir al-Sham", "Hayat Tahrir al-Sham alliance")
	add("Hamas", KindGroup)
	add("Hezbollah", KindGroup, "Hizbollah", "Hizbullah")
	add("Palestinian Islamic Jihad", KindGroup, "Islamic Jihad")
	add("Taliban", KindGroup)
	add("Houthis", KindGroup, "Houthi", "Houthi rebels", "Ansar Allah", "Ansarullah", "Huthis", "Huthi rebels")
	add("Syrian Democratic Forces", KindGroup, "SDF")
	add("People's Protection Units", KindGroup, "YPG")
	add("Kurdistan Workers' Party", KindGroup, "PKK", "Kurdistan Workers Party")
	add("Free Syrian Army", KindGroup, "FSA")
	add("National Liberation Front", KindGroup, "NLF")
	add("Syrian National Army", KindGroup, "SNA")
	add("al-Shabaab", KindGroup, "al-Shabab", "Al Shabaab", "Shabaab")
	add("Boko Haram", KindGroup)
	add("Wagner Group", KindGroup, "Wagner")
	add("Rapid Support Forces", KindGroup, "RSF paramilitary")
}

type country struct {
	name, adj, capital string
	aliases            []string
}

// countries lists the countries whose government, military and ministries
// are recognised by name, adjective or capital ("Damascus denies ...").
var countries = []country{
	{"Afghanistan", "Afghan", "Kabul", nil},
	{"Algeria", "Algerian", "Algiers", nil},
	{"Argentina", "Argentine", "Buenos Aires", nil},
	{"Armenia", "Armenian", "Yerevan", nil},
	{"Australia", "Australian", "Canberra", nil},
	{"Austria", "Austrian", "Vienna", nil},
	{"Azerbaijan", "Azerbaijani", "Baku", nil},
	{"Bahrain", "Bahraini", "Manama", nil},
	{"Bangladesh", "Bangladeshi", "Dhaka", nil},
	{"Belarus", "Belarusian", "Minsk", nil},
	{"Belgium", "Belgian", "", nil},
	{"Brazil", "Brazilian", "Brasilia", nil},
	{"Burkina Faso", "Burkinabe", "Ouagadougou", nil},
	{"Burundi", "Burundian", "Gitega", nil},
	{"Cameroon", "Cameroonian", "Yaounde", nil},
	{"Canada", "Canadian", "Ottawa", nil},
	{"Central African Republic", "Central African", "Bangui", nil},
	{"Chad", "Chadian", "N'Djamena", nil},
	{"Chile", "Chilean", "Santiago", nil},
	{"China", "Chinese", "Beijing", []string{"People's Republic of China", "PRC"}},
	{"Colombia", "Colombian", "Bogota", nil},
	{"Democratic Republic of the Congo", "Congolese", "Kinshasa", []string{"DR Congo", "DRC", "Congo"}},
	{"Cuba", "Cuban", "Havana", nil},
	{"Egypt", "Egyptian", "Cairo", nil},
	{"Eritrea", "Eritrean", "Asmara", nil},
	{"Ethiopia", "Ethiopian", "Addis Ababa", nil},
	{"France", "French", "Paris", []string{"Elysee", "Élysée"}},
	{"Georgia", "Georgian", "Tbilisi", nil},
	{"Germany", "German", "Berlin", nil},
	{"Greece", "Greek", "Athens", nil},
	{"India", "Indian", "New Delhi", nil},
	{"Indonesia", "Indonesian", "Jakarta", nil},
	{"Iran", "Iranian", "Tehran", []string{"Islamic Republic"}},
	{"Iraq", "Iraqi", "Baghdad", nil},
	{"Ireland", "Irish", "Dublin", nil},
	{"Israel", "Israeli", "", nil},
	{"Italy", "Italian", "Rome", nil},
	{"Japan", "Japanese", "Tokyo", nil},
	{"Jordan", "Jordanian", "Amman", nil},
	{"Kenya", "Kenyan", "Nairobi", nil},
	{"Kuwait", "Kuwaiti", "", nil},
	{"Lebanon", "Lebanese", "Beirut", nil},
	{"Libya", "Libyan", "Tripoli", nil},
	{"Mali", "Malian", "Bamako", nil},
	{"Mexico", "Mexican", "Mexico City", nil},
	{"Morocco", "Moroccan", "Rabat", nil},
	{"Mozambique", "Mozambican", "Maputo", nil},
	{"Myanmar", "Myanmar", "Naypyidaw", []string{"Burma", "Burmese"}},
	{"Nepal", "Nepali", "Kathmandu", nil},
	{"Netherlands", "Dutch", "The Hague", []string{"Holland"}},
	{"Niger", "Nigerien", "Niamey", nil},
	{"Nigeria", "Nigerian", "Abuja", nil},
	{"North Korea", "North Korean", "Pyongyang", []string{"DPRK"}},
	{"Norway", "Norwegian", "Oslo", nil},
	{"Oman", "Omani", "Muscat", nil},
	{"Pakistan", "Pakistani", "Islamabad", nil},
	{"Palestine", "Palestinian", "Ramallah", []string{"Palestinian Authority", "PA", "State of Palestine"}},
	{"Peru", "Peruvian", "Lima", nil},
	{"Philippines", "Philippine", "Manila", []string{"Filipino"}},
	{"Poland", "Polish", "Warsaw", nil},
	{"Qatar", "Qatari", "Doha", nil},
	{"Russia", "Russian", "Moscow", []string{"Russian Federation"}},
	{"Rwanda", "Rwandan", "Kigali", nil},
	{"Saudi Arabia", "Saudi", "Riyadh", nil},
	{"Somalia", "Somali", "Mogadishu", nil},
	{"South Africa", "South African", "Pretoria", nil},
	{"South Korea", "South Korean", "Seoul", []string{"Republic of Korea"}},
	{"South Sudan", "South Sudanese", "Juba", nil},
	{"Spain", "Spanish", "Madrid", nil},
	{"Sri Lanka", "Sri Lankan", "Colombo", nil},
	{"Sudan", "Sudanese", "Khartoum", nil},
	{"Sweden", "Swedish", "Stockholm", nil},
	{"Switzerland", "Swiss", "Bern", nil},
	{"Syria", "Syrian", "Damascus", []string{"Assad regime", "Syrian regime", "Assad government"}},
	{"Taiwan", "Taiwanese", "Taipei", nil},
	{"Thailand", "Thai", "Bangkok", nil},
	{"Tunisia", "Tunisian", "Tunis", nil},
	{"Turkey", "Turkish", "Ankara", []string{"Türkiye", "Turkiye"}},
	{"Uganda", "Ugandan", "Kampala", nil},
	{"Ukraine", "Ukrainian", "Kyiv", []string{"Kiev"}},
	{"United Arab Emirates", "Emirati", "Abu Dhabi", []string{"UAE"}},
	{"United Kingdom", "British", "London", []string{"UK", "U.K.", "Britain", "Great Britain", "Whitehall"}},
	{"United States", "US", "Washington", []string{"U.S.", "USA", "U.S.A.", "America", "American", "United States of America", "Trump administration", "Biden administration", "Obama administration"}},
	{"Venezuela", "Venezuelan", "Caracas", nil},
	{"Vietnam", "Vietnamese", "Hanoi", nil},
	{"Yemen", "Yemeni", "Sanaa", nil},
	{"Zimbabwe", "Zimbabwean", "Harare", nil},
}

// addCountry adds a country's government, military and main ministries.
func addCountry(c country) {
	adjs := []string{c.adj}
	names := []string{c.name}
	for _, a := range c.aliases {
		if len(a) > 0 && (a[0] >= 'A' && a[0] <= 'Z') {
			names = append(names, a)
		}
	}
	if c.name == "United States" {
		// Not "federal": Nigeria, Somalia, Germany, Iraq and Russia have
		// federal authorities too.
		adjs = append(adjs, "U.S.", "American")
	}
	if c.name == "Philippines" {
		adjs = append(adjs, "Filipino")
	}
	if c.name == "United Kingdom" {
		adjs = append(adjs, "UK")
	}
	gov := []string{}
	gov = append(gov, names...)
	for _, a := range adjs {
		gov = append(gov, a+" government", a+" authorities", a+" officials", a+" regime", a+" administration")
	}
	for _, n := range names {
		gov = append(gov, "government of "+n, n+" government", n+"'s government", n+" authorities")
	}
	if c.capital != "" {
		gov = append(gov, c.capital)
	}
	add(c.adj+" government", KindGovernment, gov...)

	mil := []string{}
	for _, a := range adjs {
		mil = append(mil, a+" army", a+" military", a+" armed forces", a+" forces", a+" troops", a+" government forces",
			a+" army command", a+" military command", a+" air force", a+" navy")
	}
	for _, n := range names {
		mil = append(mil, n+"'s army", n+"'s military", n+" army", n+" military")
	}
	add(c.adj+" military", KindMilitary, mil...)

	type ministry struct {
		canon, kind string
		forms       []string
	}
	for _, m := range []ministry{
		{"Ministry of Health", KindGovernment, []string{"health ministry", "ministry of health", "ministry of public health", "health authorities", "health officials"}},
		{"Ministry of Defence", KindMilitary, []string{"defence ministry", "defense ministry", "ministry of defence", "ministry of defense"}},
		{"Ministry of Interior", KindGovernment, []string{"interior ministry", "ministry of interior", "ministry of the interior"}},
		{"Ministry of Foreign Affairs", KindGovernment, []string{"foreign ministry", "ministry of foreign affairs", "foreign office"}},
	} {
		var forms []string
		for _, f := range m.forms {
			for _, a := range adjs {
				forms = append(forms, a+" "+f)
			}
			for _, n := range names {
				forms = append(forms, n+" "+f, n+"'s "+f, f+" of "+n, f+" in "+n)
			}
		}
		add(c.name+" "+m.canon, m.kind, forms...)
	}
}
