package entity

import "testing"

func TestLookup(t *testing.T) {
	rows := []struct{ in, name, kind string }{
		{"the UN", "United Nations (UN)", KindIGO},
		{"U.N.", "United Nations (UN)", KindIGO},
		{"United Nations", "United Nations (UN)", KindIGO},
		{"the United Nations", "United Nations (UN)", KindIGO},
		{"OCHA", "UN Office for the Coordination of Humanitarian Affairs (OCHA)", KindIGO},
		{"UN OCHA", "UN Office for the Coordination of Humanitarian Affairs (OCHA)", KindIGO},
		{"The UN Office for the Coordination of Humanitarian Affairs", "UN Office for the Coordination of Humanitarian Affairs (OCHA)", KindIGO},
		{"UN Office for the Coordination of Humanitarian Affairs", "UN Office for the Coordination of Humanitarian Affairs (OCHA)", KindIGO},
		{"Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights (SOHR)", KindNGO},
		{"SOHR", "Syrian Observatory for Human Rights (SOHR)", KindNGO},
		{"WHO", "World Health Organization (WHO)", KindIGO},
		{"World Health Organisation", "World Health Organization (WHO)", KindIGO},
		{"UNHCR", "UN High Commissioner for Refugees (UNHCR)", KindIGO},
		{"the UN refugee agency", "UN High Commissioner for Refugees (UNHCR)", KindIGO},
		{"UNICEF", "UNICEF", KindIGO},
		{"ICRC", "International Committee of the Red Cross (ICRC)", KindNGO},
		{"Doctors Without Borders", "Médecins Sans Frontières (MSF)", KindNGO},
		{"MSF", "Médecins Sans Frontières (MSF)", KindNGO},
		{"Amnesty", "Amnesty International", KindNGO},
		{"HRW", "Human Rights Watch (HRW)", KindNGO},
		{"the Pentagon", "US Department of Defense (DOD)", KindMilitary},
		{"Reuters", "Reuters", KindOutlet},
		{"AFP", "Agence France-Presse", KindOutlet},
		{"the Associated Press", "Associated Press", KindOutlet},
		{"AP", "Associated Press", KindOutlet},
		{"BBC", "BBC", KindOutlet},
		{"Al-Jazeera", "Al Jazeera", KindOutlet},
		{"SANA", "Syrian Arab News Agency", KindMedia},
		{"Damascus", "Syrian government", KindGovernment},
		{"Syria", "Syrian government", KindGovernment},
		{"the Syrian army", "Syrian military", KindMilitary},
		{"Syria's health ministry", "Syria Ministry of Health", KindGovernment},
		{"the Iraqi Health Ministry", "Iraq Ministry of Health", KindGovernment},
		{"the health ministry", "Ministry of Health", KindGovernment},
		{"Russian Defence Ministry", "Russia Ministry of Defence", KindMilitary},
		{"Union of Medical Care and Relief Organizations", "Union of Medical Care and Relief Organizations (UOSSM)", KindNGO},
		{"UOSSM", "Union of Medical Care and Relief Organizations (UOSSM)", KindNGO},
		{"HTS", "Hayat Tahrir al-Sham (HTS)", KindGroup},
		{"ISIS", "Islamic State (IS)", KindGroup},
		{"F.B.I.", "Federal Bureau of Investigation (FBI)", KindGovernment},
		{"state media", "state media", KindMedia},
		{"UNHCR", "UN High Commissioner for Refugees (UNHCR)", KindIGO},
		{"Union of Medical Care and Relief Organizations (UOSSM)", "Union of Medical Care and Relief Organizations (UOSSM)", KindNGO},
		{"BNPB", "National Disaster Mitigation Agency (BNPB)", KindGovernment},
		{"the UN Palestinian refugee agency", "UN Relief and Works Agency for Palestine Refugees (UNRWA)", KindIGO},
		{"UNICEF", "UNICEF", KindIGO},
	}
	for _, r := range rows {
		e, ok := Lookup(r.in)
		if !ok || e.Name != r.name || e.Kind != r.kind {
			t.Errorf("Lookup(%q) = %q %q %v, want %q %q", r.in, e.Name, e.Kind, ok, r.name, r.kind)
		}
	}
	for _, in := range []string{"who", "Who", "ap", "the", "", "police", "local activists", "is", "federal authorities"} {
		if e, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want no entity", in, e.Name)
		}
	}
}

func TestAliasesAreConsistent(t *testing.T) {
	kinds := map[string]bool{KindOutlet: true, KindNGO: true, KindIGO: true, KindGovernment: true, KindMilitary: true,
		KindMedia: true, KindPerson: true, KindGroup: true, KindUnknown: true}
	for _, e := range All() {
		if !kinds[e.Kind] {
			t.Errorf("%s: kind %q", e.Name, e.Kind)
		}
		if got, ok := Lookup(e.Name); !ok || got.Name != e.Name {
			t.Errorf("Lookup(%q) = %q, %v", e.Name, got.Name, ok)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	ms := []string{"the UN", "Syrian Observatory for Human Rights", "local activists", "OCHA", "Police Chief Ken Grace"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Lookup(ms[i%len(ms)])
	}
}
