package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/claimscan/claimscan/fixtures"
)

// The peers' English number specs (Microsoft Recognizers-Text and
// quantulum3, see shared/peers/README.md) are read at test time. Only the
// subset that matters to claims is scored: plain numbers, separators,
// decimals, number words, scales, ranges and bounds, percentages, money.
// Out of scope by design: fractions ("two thirds", "1/4", "one over three",
// "out of"), exponents and powers (1e10, 1.1^23), "point" decimals in words,
// negative numbers ("minus five"), Indian and European digit grouping (lakh,
// crore, "1.111,11"), giga suffixes ("10G"), ordinals, ranges written with
// symbols (">= 30", "20~100") or compound ranges ("more than 10 and less than
// 20"), reversed percentages ("percent of 10") and measurement units other
// than money.

// rawNumbers parses s as one sentence and returns its number phrases.
func rawNumbers(s string) (numParser, []mention) {
	toks := tokenize(s, lowerASCII(s), 0, len(s), nil)
	p := numParser{text: s, low: lowerASCII(s), toks: toks}
	return p, p.parseMentions(nil, p.allStarts())
}

func (p *numParser) span(s, e int) string {
	if s >= e {
		return ""
	}
	return p.text[p.toks[s].s:p.toks[e-1].e]
}

func normText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 12, 64)
}

func peerValue(s string) string {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	return fmtNum(f)
}

type rtCase struct {
	Input   string
	Results []struct {
		Text       string
		TypeName   string
		Resolution map[string]any
	}
	NotSupported, NotSupportedByDesign string
}

func loadRT(t *testing.T, name string) []rtCase {
	p, ok := fixtures.Shared("peers/recognizers-text-number-en/" + name)
	if !ok {
		t.Skip("shared peers absent")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var cs []rtCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatal(err)
	}
	return cs
}

var outOfScope = regexp.MustCompile(`(?i)\b(halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|[a-z]+ieths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|over|out of|point|minus|negative|crore|lakh|dzs?|dozs?)\b|\d\s*/\s*\d|\^|\d[eE][+-]?\d|\d\s?[gG]\b|[⅔¾⅙½]|\d\.\d{3},\d|\d,\d{2}\b|\d,\d\b|\d,\d{2},\d{3}|(^|\s)-\s?\d|1 in twenty|\d+\.\d+\.\d+`)

func TestPeersNumberModel(t *testing.T) {
	cs := loadRT(t, "NumberModel.json")
	pass, total := 0, 0
	var fails []string
	for _, c := range cs {
		if outOfScope.MatchString(c.Input) {
			continue
		}
		skip := false
		var want []string
		for _, r := range c.Results {
			if r.TypeName != "number" {
				skip = true
			}
			if st, _ := r.Resolution["subtype"].(string); st == "fraction" || st == "power" {
				skip = true
			}
			v, _ := r.Resolution["value"].(string)
			want = append(want, normText(r.Text)+"="+peerValue(v))
		}
		if skip {
			continue
		}
		total++
		p, ms := rawNumbers(c.Input)
		var got []string
		for _, m := range ms {
			// Glued units and ordinals are not numbers for this model: "180ml", "4th", "1m".
			if m.zero || m.class == classMeasure && !p.toks[m.ue-1].ndec && m.ue < len(p.toks) && !p.toks[m.ue].space || m.class == classOrdinal {
				continue
			}
			if m.isRange {
				// The number model sees both ends.
				got = append(got, normText(p.span(m.cs, m.cs+1))+"="+fmtNum(m.v1))
				continue
			}
			if m.vague {
				continue
			}
			got = append(got, normText(p.span(m.cs, m.ce))+"="+fmtNum(m.v1))
		}
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(want, "|") == strings.Join(got, "|") {
			pass++
		} else {
			fails = append(fails, fmt.Sprintf("%q: want %v got %v", c.Input, want, got))
		}
	}
	report(t, "NumberModel", pass, total, fails, 0.88)
}

func TestPeersNumberRangeModel(t *testing.T) {
	cs := loadRT(t, "NumberRangeModel.json")
	supported := regexp.MustCompile(`^(more than|over|at least|no less than|up to|less than|fewer than|under|below|above|greater than|larger than|exceed|exceeding|surpass|no more than|at most|between \S+( \S+)* and \S+( \S+)*|from \S+( \S+)* to \S+( \S+)*|\S+( \S+)* to \S+( \S+)*|\S+( \S+)* through \S+|[\d.,k]+ ?[-–] ?[\d.,k]+)( \S+)*$`)
	compound := regexp.MustCompile(`(?i)(and|or|but) (less|more|smaller|greater|larger|lower|higher|below|above|no|at|equal)|or equal|equal to|equals|equaling|[<>=~]|\bin \d|\bhalf\b|quarter|tenth|fifteenth|\d/\d`)
	pass, total := 0, 0
	var fails []string
	for _, c := range cs {
		if compound.MatchString(c.Input) {
			continue
		}
		ok := true
		var want []string
		for _, r := range c.Results {
			if !supported.MatchString(normText(r.Text)) {
				ok = false
			}
			v, _ := r.Resolution["value"].(string)
			want = append(want, normText(r.Text)+"="+normInterval(v))
		}
		if !ok {
			continue
		}
		total++
		p, ms := rawNumbers(c.Input)
		var got []string
		for _, m := range ms {
			if m.bound == bExact || m.bound == bApprox || m.vague || m.class == classPhone || m.class == classYear {
				continue
			}
			lo, _, hi, okLo, _, okHi := m.values()
			iv := ""
			switch m.bound {
			case bMoreThan:
				iv = "(" + fmtNum(lo) + ","
			case bAtLeast:
				iv = "[" + fmtNum(lo) + ","
			case bAtMost:
				iv = "," + fmtNum(hi) + "]"
			case bLessThan:
				iv = "," + fmtNum(hi) + ")"
			case bRange:
				iv = "[" + fmtNum(lo) + "," + fmtNum(hi) + ")"
			}
			_, _ = okLo, okHi
			got = append(got, normText(p.span(m.ts, m.ue))+"="+normInterval(iv))
		}
		sort.Strings(want)
		sort.Strings(got)
		if strings.Join(want, "|") == strings.Join(got, "|") {
			pass++
		} else {
			fails = append(fails, fmt.Sprintf("%q: want %v got %v", c.Input, want, got))
		}
	}
	report(t, "NumberRangeModel", pass, total, fails, 0.90)
}

// normInterval writes "(20,)" and "(20," alike, with numbers normalized.
func normInterval(s string) string {
	s = strings.TrimSpace(s)
	open, close := "", ""
	if strings.HasPrefix(s, "(") || strings.HasPrefix(s, "[") {
		open, s = s[:1], s[1:]
	}
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]") {
		close, s = s[len(s)-1:], s[:len(s)-1]
	}
	a, b, _ := strings.Cut(s, ",")
	if a != "" {
		a = peerValue(a)
	} else {
		open = ""
	}
	if b != "" {
		b = peerValue(b)
	} else {
		close = ""
	}
	return open + a + "," + b + close
}

func TestPeersPercentModel(t *testing.T) {
	cs := loadRT(t, "PercentModel.json")
	pass, total := 0, 0
	var fails []string
	for _, c := range cs {
		low := strings.ToLower(c.Input)
		if strings.Contains(low, " of ") || strings.Contains(low, "minus") || strings.Contains(low, "http") {
			continue
		}
		var want []string
		skip := false
		for _, r := range c.Results {
			v, _ := r.Resolution["value"].(string)
			if v == "" || v == "null" {
				skip = true
			}
			want = append(want, normText(r.Text)+"="+v)
		}
		if skip {
			continue
		}
		total++
		p, ms := rawNumbers(c.Input)
		var got []string
		for _, m := range ms {
			if m.class == classPercent {
				got = append(got, normText(p.span(m.cs, m.ue))+"="+fmtNum(m.v1)+"%")
			}
		}
		if strings.Join(want, "|") == strings.Join(got, "|") {
			pass++
		} else {
			fails = append(fails, fmt.Sprintf("%q: want %v got %v", c.Input, want, got))
		}
	}
	report(t, "PercentModel", pass, total, fails, 0.95)
}

func TestPeersQuantulum(t *testing.T) {
	for _, file := range []string{"quantities.json", "quantities.ambiguity.json"} {
		t.Run(file, func(t *testing.T) {
			p, ok := fixtures.Shared("peers/quantulum3/" + file)
			if !ok {
				t.Skip("shared peers absent")
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var cs []struct {
				Req string
				Res []struct {
					Value       float64
					Unit        string
					Surface     string
					Uncertainty *float64
				}
			}
			if err := json.Unmarshal(b, &cs); err != nil {
				t.Fatal(err)
			}
			units := map[string]string{"dimensionless": "", "percentage": "percent", "dollar": "USD", "euro": "EUR", "pound sterling": "GBP"}
			pass, total := 0, 0
			var fails []string
			for _, c := range cs {
				if outOfScope.MatchString(c.Req) || strings.ContainsAny(c.Req, "×±") {
					continue
				}
				inScope := true
				var want []string
				for _, r := range c.Res {
					u, ok := units[r.Unit]
					if !ok {
						inScope = false
					}
					want = append(want, fmtNum(r.Value)+u)
				}
				if !inScope {
					continue
				}
				total++
				_, ms := rawNumbers(c.Req)
				var got []string
				for _, m := range ms {
					switch m.class {
					case classCount, classYear, classID, classPercent, classMoney, classDecade, classAge:
					default:
						continue
					}
					if m.vague || m.zero {
						continue
					}
					v := m.v1
					if m.isRange {
						v = (m.v1 + m.v2) / 2
					}
					got = append(got, fmtNum(v)+m.unit)
				}
				sort.Strings(want)
				sort.Strings(got)
				if strings.Join(want, "|") == strings.Join(got, "|") {
					pass++
				} else {
					fails = append(fails, fmt.Sprintf("%q: want %v got %v", c.Req, want, got))
				}
			}
			floor := 0.75
			if file == "quantities.ambiguity.json" {
				floor = 0.0
			}
			report(t, file, pass, total, fails, floor)
		})
	}
	t.Run("errors.json", func(t *testing.T) {
		p, ok := fixtures.Shared("peers/quantulum3/errors.json")
		if !ok {
			t.Skip("shared peers absent")
		}
		b, _ := os.ReadFile(p)
		var in []string
		if err := json.Unmarshal(b, &in); err != nil {
			t.Fatal(err)
		}
		for _, s := range in {
			run(t, s, fixedPub)
		}
	})
}

func report(t *testing.T, name string, pass, total int, fails []string, floor float64) {
	t.Helper()
	if total == 0 {
		t.Fatalf("%s: no case in scope", name)
	}
	rate := float64(pass) / float64(total)
	t.Logf("%s: %d/%d in-scope cases pass (%.1f%%)", name, pass, total, 100*rate)
	if testing.Verbose() {
		for _, f := range fails {
			t.Logf("  fail %s", f)
		}
	}
	if rate < floor {
		for _, f := range fails {
			t.Logf("  fail %s", f)
		}
		t.Errorf("%s: pass rate %.3f below floor %.2f", name, rate, floor)
	}
}

// allStarts lists the tokens where mayStart holds, as candidate does.
func (p *numParser) allStarts() []int32 {
	var out []int32
	for i := range p.toks {
		if p.mayStart(i) {
			out = append(out, int32(i))
		}
	}
	return out
}

// TestMayStart checks that trying only the tokens where mayStart holds
// finds the same number phrases as trying every token.
func TestMayStart(t *testing.T) {
	texts := append([]string{}, goldenTexts...)
	texts = append(texts, fuzzSeeds...)
	texts = append(texts, "half a dozen people, a dozen more, an estimated hundred, half a million, a few hundred and 5 million", "a a dozen half half a dozen one two three", "dozen dozens 5 million million a dozen 7 hundreds")
	for _, s := range texts {
		for _, sp := range Sentences(s) {
			txt := s[sp[0]:sp[1]]
			low := lowerASCII(txt)
			p := numParser{text: txt, low: low, toks: tokenize(txt, low, 0, len(txt), nil)}
			every := make([]int32, len(p.toks))
			for i := range every {
				every[i] = int32(i)
			}
			want := p.parseMentions(nil, every)
			got := p.parseMentions(nil, p.allStarts())
			x := analyzer{p: p}
			x.candidate()
			if len(x.starts) != len(p.allStarts()) || len(x.starts) > 0 && !reflect.DeepEqual(x.starts, p.allStarts()) {
				t.Fatalf("%q: candidate starts %v, want %v", txt, x.starts, p.allStarts())
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: mentions %+v, want %+v", txt, got, want)
			}
		}
	}
}
