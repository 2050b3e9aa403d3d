package input

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	json "github.com/goccy/go-json"

	"github.com/claimscan/claimscan/schema"
)

// jsonCases are records decodeArticle must read as goccy/go-json does;
// fast says whether decodeArticle reads it itself (true) or leaves it to
// json.Unmarshal.
var jsonCases = []struct {
	rec  string
	fast bool
}{
	{`{"id":"a","title":"T","text":"Police said 12 people were killed.","outlet":"o","url":"https://x.example/a","published":"2019-08-24","lang":"en","cluster":" c1 "}`, true},
	{`{}`, true},
	{` { "id" : "a" , "text" : "x" } `, true},
	{"{\"id\":\"a\",\r\n\t\"text\":\"x\"}", true},
	// escapes
	{`{"id":"a","text":"line\nnext\r\ttab \"quoted\" back\\slash \/ \b\f"}`, true},
	{`{"id":"a","text":"caf\u00e9 \u00E9 \u4e2d \u0000 nul"}`, true},
	{`{"id":"a","text":"\u0041\u0042"}`, true},
	{`{"id":"a","text":"\\"}`, true},
	{`{"id":"a","text":"\\\""}`, true},
	{`{"id":"a","text":"end\\\\"}`, true},
	{`{"id":"a","text":"\"","title":"\""}`, true},
	// surrogates
	{`{"id":"a","text":"smile \ud83d\ude00 end"}`, true},
	{`{"id":"a","text":"smile \uD83D\uDE00"}`, true},
	{`{"id":"a","text":"lone high \ud83d end"}`, true},
	{`{"id":"a","text":"lone high at end \ud83d"}`, true},
	{`{"id":"a","text":"lone low \ude00 end"}`, true},
	{`{"id":"a","text":"high high \ud83d\ud83d\ude00"}`, true},
	{`{"id":"a","text":"high then escape \ud83d\n"}`, true},
	{`{"id":"a","text":"high then other \ud83d\u0041"}`, true},
	{`{"id":"a","text":"high, backslash \ud83d\\ude00"}`, true},
	// broken escapes
	{`{"id":"a","text":"bad \x escape"}`, false},
	{`{"id":"a","text":"bad \u12 escape"}`, false},
	{`{"id":"a","text":"bad \u12g4 escape"}`, false},
	{`{"id":"a","text":"short \u12"}`, false},
	{`{"id":"a","text":"trailing \`, false},
	{`{"id":"a","text":"trailing \"}`, false},
	// broken lines
	{`{broken`, false},
	{`{"id":"a"`, false},
	{`{"id":"a",}`, false},
	{`{"id":"a" "text":"x"}`, false},
	{`{"id":"a","text":"x"} trailing`, false},
	{`{"id":"a","text":"x"}}`, false},
	{`{"id":"a","text":"unterminated}`, false},
	{`{"id" "a"}`, false},
	{`{id:"a"}`, false},
	{`["a"]`, false},
	{`"a"`, false},
	{`12`, false},
	{`null`, false},
	{`nul`, false},
	{`{"id":"a","text":nul}`, false},
	{`{"id":"a","text":nulx}`, false},
	{`{"id":"a","text":12}`, false},
	{`{"id":"a","text":true}`, false},
	{`{"id":"a","text":["x"]}`, false},
	{`{"id":"a","title":{"x":1}}`, false},
	{`{"id":"a","title":-1}`, false},
	{`{"id":"a","extra":}`, false},
	{`{"id":"a","extra":tru}`, false},
	{`{"id":"a","extra":[1,}`, false},
	{`{"id":"a","extra":{"x"}}`, false},
	{"{\"id\":\"a\",\"text\":\"nul\x00byte\"}", false},
	{"{\"id\":\"a\",\"text\":\"x\"}\x00", false},
	{"{\"id\":\"a\",\"text\":\"x\"}\x00junk", false},
	{"{\"id\":\"a\",\"t\x00\":\"x\"}", false},
	// ids
	{`{"id":12,"text":"x"}`, true},
	{`{"id":-12.5e3,"text":"x"}`, true},
	{`{"id":1-2,"text":"x"}`, true},
	{`{"id":1.2.3e,"text":"x"}`, true},
	{`{"id":-,"text":"x"}`, true},
	{`{"id":true,"text":"x"}`, true},
	{`{"id":false,"text":"x"}`, true},
	{`{"id":null,"text":"x"}`, true},
	{`{"id":"","text":"x"}`, true},
	{`{"id":{"a":[1,"b"]},"text":"x"}`, true},
	{`{"id":[],"text":"x"}`, true},
	{`{"id":"caf\u00e9","text":"x"}`, true},
	{`{"id":"a\x","text":"x"}`, true},
	{`{"id":" a ","text":"x"}`, true},
	{`{"text":"x"}`, true},
	// nulls
	{`{"id":"a","title":null,"text":null,"body":"b"}`, true},
	{`{"id":"a","text":null,"body":null,"content":"c"}`, true},
	{`{"id":"a","text":"","body":"b"}`, true},
	{`{"id":"a","published":null,"text":"x"}`, true},
	{`{"id":"a","cluster":null,"text":"x"}`, true},
	// duplicate keys
	{`{"id":"a","id":"b","text":"x","text":"y"}`, true},
	{`{"id":"a","id":null,"text":"x"}`, true},
	{`{"id":"a","title":"t","title":null,"text":"x"}`, true},
	{`{"id":"a","text":"x","text":null}`, true},
	{`{"id":"a","text":null,"text":"y"}`, true},
	{`{"id":"a","published":"2019-01-01","published":"bad"}`, true},
	// key case and unknown keys
	{`{"ID":"a","Text":"x","TITLE":"t","PubLished":"2019-01-01"}`, true},
	{`{"id":"a","texts":"x","tex":"y","":"z","t":"w"}`, true},
	{`{"id":"a","caf\u00e9":"x","text":"y"}`, false},
	{`{"id":"a","t\u0065xt":"x"}`, false},
	{"{\"id\":\"a\",\"t\xc3\xa9xt\":\"x\",\"text\":\"y\"}", true},
	{`{"id":"a","extra":{"n":[1,2,{"x":null}],"s":"\x"},"more":[true,false,null,-1e5],"text":"y"}`, true},
	{`{"id":"a","extra":{},"more":[],"text":"y"}`, true},
	{`{"id":"a","extra":"x\"y","text":"y"}`, true},
	{`{"id":"a","extra":1e,"text":"y"}`, true},
	// published
	{`{"id":"a","text":"x","published":1566600000}`, true},
	{`{"id":"a","text":"x","published":"Sat, 24 Aug 2019 10:00:00 +0000"}`, true},
	{`{"id":"a","text":"x","published":"2019-08-24 10:00:00"}`, true},
	{`{"id":"a","text":"x","published":"yesterday"}`, true},
	{`{"id":"a","text":"x","published":""}`, true},
	{`{"id":"a","text":"x","published":"\u0032019-08-24"}`, true},
	{`{"id":"a","text":"x","published":"bad \q"}`, true},
	{`{"id":"a","text":"x","published":{"y":2019}}`, true},
	{`{"id":"a","text":"x","published":1e}`, true},
	// invalid UTF-8 and control characters, kept as they are
	{"{\"id\":\"a\",\"text\":\"caf\xe9 30 hurt\"}", true},
	{"{\"id\":\"a\",\"text\":\"\xff\xfe\xc3\"}", true},
	{"{\"id\":\"a\",\"text\":\"tab\there\nnewline\"}", true},
	{"{\"id\":\"a\",\"text\":\"\xef\xbf\xbd\"}", true},
	// body and content
	{`{"id":"a","body":"b","content":"c"}`, true},
	{`{"id":"a","content":"c"}`, true},
	// nesting deeper than decodeArticle skips
	{`{"id":"a","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `,"text":"y"}`, false},
}

// sameArticle reports how a and b differ, or "".
func sameArticle(a, b *jsonArticle) string {
	raw := func(r json.RawMessage) string {
		if r == nil {
			return "<nil>"
		}
		return strconv.Quote(string(r))
	}
	ptr := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return strconv.Quote(*p)
	}
	show := func(j *jsonArticle) string {
		return fmt.Sprintf("id=%s title=%q text=%s body=%s content=%s outlet=%q url=%q published=%s lang=%q cluster=%q",
			raw(j.ID), j.Title, ptr(j.Text), ptr(j.Body), ptr(j.Content), j.Outlet, j.URL, raw(j.Published), j.Lang, j.Cluster)
	}
	if sa, sb := show(a), show(b); sa != sb {
		return sa + "\n  vs\n" + sb
	}
	return ""
}

// checkDecode compares decodeArticle with json.Unmarshal, and parseJSONL
// with a parse that uses only json.Unmarshal, on one record. It returns
// whether decodeArticle read the record itself.
func checkDecode(t *testing.T, rec []byte) bool {
	t.Helper()
	var fast, slow jsonArticle
	ok := decodeArticle(bytes.Clone(rec), &fast)
	var err error
	if panicked(func() { err = json.Unmarshal(rec, &slow) }) {
		// goccy/go-json panics on some broken records (unmarshalRecord turns
		// that into a parse_error); decodeArticle must leave those to it.
		if ok {
			t.Fatalf("%q: decodeArticle read a record json.Unmarshal panics on", rec)
		}
		return false
	}
	if ok {
		if err != nil {
			t.Fatalf("%q: decodeArticle read a record json.Unmarshal rejects: %v", rec, err)
		}
		if d := sameArticle(&fast, &slow); d != "" {
			t.Fatalf("%q: decodeArticle and json.Unmarshal differ:\n%s", rec, d)
		}
	}
	r := &Record{raw: bytes.Clone(rec), path: "f.jsonl", line: 3}
	var got, want Fields
	if panicked(func() { want = goccyParseJSONL(r) }) {
		return ok // a panic on the id or published field
	}
	got = parseJSONL(r)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: parseJSONL\n%+v\nwant\n%+v", rec, got, want)
	}
	return ok
}

func panicked(f func()) (p bool) {
	defer func() {
		if recover() != nil {
			p = true
		}
	}()
	f()
	return false
}

func TestDecodeArticle(t *testing.T) {
	for _, c := range jsonCases {
		if got := checkDecode(t, []byte(c.rec)); got != c.fast {
			t.Errorf("%q: decodeArticle ok %v, want %v", c.rec, got, c.fast)
		}
	}
}

// TestParseJSONLErrors checks the messages of broken records, which come
// from goccy/go-json.
func TestParseJSONLErrors(t *testing.T) {
	for rec, want := range map[string]string{
		`{broken`:                   "invalid JSON: ",
		`{"id":"a","text":"\x"}`:    "invalid JSON: ",
		`{"id":"a","text":12}`:      "invalid JSON: json: cannot unmarshal number into Go struct field jsonArticle.Text of type string",
		`{"id":"a","text":"x"} xyz`: "invalid JSON: ",
	} {
		f := parseJSONL(&Record{raw: []byte(rec), path: "f.jsonl", line: 7})
		if f.status != schema.StatusParseError || !strings.HasPrefix(f.err, want) || f.id != "f.jsonl#L7" {
			t.Errorf("%s: status %q id %q error %q, want parse_error starting %q", rec, f.status, f.id, f.err, want)
		}
	}
}

// TestParseJSONLDecoderPanic checks that a panic inside the JSON decoder
// is the record's parse error, not a crashed run or an extraction error.
func TestParseJSONLDecoderPanic(t *testing.T) {
	saved := unmarshal
	defer func() { unmarshal = saved }()
	unmarshal = func([]byte, any) error { panic("index out of range [12] with length 12") }
	f := parseJSONL(&Record{raw: []byte(`{"id":"1","\`), path: "f.jsonl", line: 3})
	want := "invalid JSON: the JSON decoder failed on this record: index out of range"
	if f.status != schema.StatusParseError || !strings.HasPrefix(f.err, want) || f.id != "f.jsonl#L3" {
		t.Errorf("status %q id %q error %q, want parse_error %q", f.status, f.id, f.err, want)
	}
}

func FuzzDecodeArticle(f *testing.F) {
	for _, c := range jsonCases {
		f.Add([]byte(c.rec))
	}
	f.Fuzz(func(t *testing.T, rec []byte) {
		checkDecode(t, rec)
	})
}

// goccyParseJSONL is parseJSONL as it was before decodeArticle: every
// record and field decoded by json.Unmarshal.
func goccyParseJSONL(rec *Record) Fields {
	var j jsonArticle
	if err := json.Unmarshal(rec.raw, &j); err != nil {
		return invalidJSON(rec, err)
	}
	return fromJSON(rec, &j, goccyJSONID, goccyParsePublished)
}

func goccyJSONID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("id: %v", err)
		}
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("id is neither a string nor a number: %s", truncate(string(raw), 40))
	}
	return n.String(), nil
}

func goccyParsePublished(raw json.RawMessage) (t time.Time, ok bool, note string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return time.Time{}, false, ""
	}
	if raw[0] != '"' {
		return unixNumber(string(raw))
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, false, "published: " + err.Error()
	}
	s = strings.TrimSpace(s)
	return publishedString(s)
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "a", "café", "abcdefgh", "abcdefghé", "\u00e9\u4e2d\U0001F600 and some ASCII after it",
		strings.Repeat("x\u00e9\u4e2d\U0001F600", 37), strings.ToValidUTF8("caf\xe9\xff\xfe 30 hurt", "\uFFFD")} {
		for i := 0; i <= len(s); i++ {
			if sub := s[i:]; utf8.ValidString(sub) {
				if got, want := runeCount(sub), utf8.RuneCountInString(sub); got != want {
					t.Errorf("runeCount(%q) = %d, want %d", sub, got, want)
				}
			}
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	f.Add("café 12 \U0001F600")
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCount(%q) = %d, want %d", s, got, want)
		}
	})
}
