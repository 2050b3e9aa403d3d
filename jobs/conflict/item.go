package conflict

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"time"

	"github.com/claimscan/claimscan/schema"
)

// Item is what the detector needs of a claim: about a tenth of a
// schema.Claim. Build it with ItemOf.
type Item struct {
	ClaimID   string       // claims.claim_id
	ArticleID string       // claims.article_id
	Key       string       // claim_key; items with "" are ignored
	Source    string       // canonical source; "" for the article's own voice
	Outlet    string       // the article's outlet: the voice of source ""
	Bound     string       // claims.bound (schema.BoundExact, ...)
	Low       schema.Float // claims.value_low
	Best      schema.Float // claims.value_best
	High      schema.Float // claims.value_high
	Published time.Time    // zero when unknown
	Negated   bool         // the claim is denied or its verb negated
	Hedged    bool         // the claim is hedged ("reportedly")
	Quote     string       // claims.quote, for the conflicts table
	Location  string       // claims.location, for the conflicts table
	Event     string       // what the detector reads of the claim's event beyond the key: its place's gazetteer path (under a country key), day and kind (see ItemOf); "" when none is known
	Since     bool         // a running total over a period (the key's TotalSince)
	AsOf      bool         // a running total at a stated time (the key's TotalAsOf)
}

// ItemOf projects c onto an Item. The key is c.ClaimKey, or Key(c) when
// c.ClaimKey is empty, without its marks: the running-total mark sets
// Since or AsOf; the event's day and kind go into Event, with the
// gazetteer path of the claim's place under a country key.
func ItemOf(c *schema.Claim) Item {
	key := c.ClaimKey
	if key == "" {
		key = Key(c)
	}
	m := keyMarks(key)
	key = m.group
	path := ""
	if pk := keyPlace(key); strings.HasPrefix(pk, "=") {
		// the gazetteer is read only without a cluster
		if p, ok := placeOf(placeName(c)); ok && pk == "="+p.Country {
			path = p.Path()
		}
	}
	return Item{
		Event:     eventSig(path, m.day, m.kind),
		Since:     m.total == TotalSince,
		AsOf:      m.total == TotalAsOf,
		ClaimID:   c.ClaimID,
		ArticleID: c.ArticleID,
		Key:       key,
		Source:    c.Source,
		Outlet:    c.Outlet,
		Bound:     c.Bound,
		Low:       c.ValueLow,
		Best:      c.ValueBest,
		High:      c.ValueHigh,
		Published: c.Published,
		Negated:   c.Negated,
		Hedged:    c.Hedged,
		Quote:     c.Quote,
		Location:  c.Location,
	}
}

// eventSig is an Item's Event: the gazetteer path of the claim's place,
// the day of its event (YYYYMMDD) and the event's kind, each "" when
// unknown, joined by "|"; "" when all three are.
func eventSig(path string, day time.Time, kind string) string {
	if path == "" && day.IsZero() && kind == "" {
		return ""
	}
	var tmp [8]byte
	d := ""
	if !day.IsZero() {
		d = string(appendDay(tmp[:0], day))
	}
	return path + "|" + d + "|" + kind
}

// event is an Item's Event read back: the place's gazetteer path, the
// event's day (days since 1970, valid when hasDay) and kind.
type event struct {
	path, kind string
	day        int64
	hasDay     bool
}

// parseEvent reads an Item's Event; an Event of another form is read as a
// gazetteer path alone.
func parseEvent(s string) event {
	path, rest, ok := strings.Cut(s, "|")
	if !ok {
		return event{path: s}
	}
	d, kind, _ := strings.Cut(rest, "|")
	e := event{path: path, kind: kind}
	if t, ok := parseDay(d); ok {
		e.day, e.hasDay = floorDiv(t.Unix(), 86400), true
	}
	return e
}

// placeName is the place a claim is keyed on: its location, else the
// place as written.
func placeName(c *schema.Claim) string {
	if strings.TrimSpace(c.Location) != "" {
		return c.Location
	}
	return c.LocationMention
}

// keyPlace returns the place field of a claim_key.
func keyPlace(key string) string {
	_, rest, _ := strings.Cut(key, "|")
	_, rest, _ = strings.Cut(rest, "|")
	place, _, _ := strings.Cut(rest, "|")
	return place
}

// Record flags.
const (
	flagLow = 1 << iota
	flagBest
	flagHigh
	flagPub
	flagNegated
	flagHedged
	flagSince
	flagAsOf
)

// bounds maps a bound to its one-byte code in a record; unknown bounds are
// kept as their string after code 0.
var bounds = []string{"", schema.BoundExact, schema.BoundApprox, schema.BoundAtLeast,
	schema.BoundMoreThan, schema.BoundAtMost, schema.BoundLessThan, schema.BoundRange, schema.BoundVague}

func boundCode(b string) byte {
	for i := 1; i < len(bounds); i++ {
		if bounds[i] == b {
			return byte(i)
		}
	}
	return 0
}

// appendRecord encodes it (whose key hashes to h) as one record:
//
//	hash u64 | flags u8 | bound u8 | key, claim, article, source, outlet,
//	quote, location, event (uvarint length + bytes each) | [bound string] | low, best, high f64
//	(when valid) | published varint, unix µs (when valid)
func appendRecord(dst []byte, h uint64, it *Item) []byte {
	var flags byte
	if it.Low.Valid {
		flags |= flagLow
	}
	if it.Best.Valid {
		flags |= flagBest
	}
	if it.High.Valid {
		flags |= flagHigh
	}
	if !it.Published.IsZero() {
		flags |= flagPub
	}
	if it.Negated {
		flags |= flagNegated
	}
	if it.Hedged {
		flags |= flagHedged
	}
	if it.Since {
		flags |= flagSince
	}
	if it.AsOf {
		flags |= flagAsOf
	}
	code := boundCode(it.Bound)
	dst = binary.LittleEndian.AppendUint64(dst, h)
	dst = append(dst, flags, code)
	for _, s := range [...]string{it.Key, it.ClaimID, it.ArticleID, it.Source, it.Outlet, it.Quote, it.Location, it.Event} {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	if code == 0 {
		dst = binary.AppendUvarint(dst, uint64(len(it.Bound)))
		dst = append(dst, it.Bound...)
	}
	for _, f := range [...]schema.Float{it.Low, it.Best, it.High} {
		if f.Valid {
			dst = binary.LittleEndian.AppendUint64(dst, math.Float64bits(f.V))
		}
	}
	if flags&flagPub != 0 {
		dst = binary.AppendVarint(dst, it.Published.UnixMicro())
	}
	return dst
}

// rec is a decoded record; its strings share the memory of the partition.
type rec struct {
	hash                                    uint64
	key, claim, article, source, outlet, bd string
	quote, location, event                  string
	low, best, high                         schema.Float
	pub                                     int64
	flags                                   byte
}

var errCorrupt = errors.New("conflict: corrupt spill record")

// decodeRecords decodes every record of data, a string holding a whole
// partition, and appends them to recs.
func decodeRecords(data string, recs []rec) ([]rec, error) {
	pos := 0
	str := func() (string, bool) {
		n, w := uvarint(data[pos:])
		if w <= 0 || uint64(len(data)-pos-w) < n {
			return "", false
		}
		pos += w
		s := data[pos : pos+int(n)]
		pos += int(n)
		return s, true
	}
	for pos < len(data) {
		if len(data)-pos < 10 {
			return recs, errCorrupt
		}
		var r rec
		r.hash = le64(data[pos:])
		r.flags = data[pos+8]
		code := data[pos+9]
		pos += 10
		var ok [8]bool
		r.key, ok[0] = str()
		r.claim, ok[1] = str()
		r.article, ok[2] = str()
		r.source, ok[3] = str()
		r.outlet, ok[4] = str()
		r.quote, ok[5] = str()
		r.location, ok[6] = str()
		r.event, ok[7] = str()
		if ok != [8]bool{true, true, true, true, true, true, true, true} || int(code) >= len(bounds) {
			return recs, errCorrupt
		}
		if code == 0 {
			var good bool
			if r.bd, good = str(); !good {
				return recs, errCorrupt
			}
		} else {
			r.bd = bounds[code]
		}
		for i, f := range [...]*schema.Float{&r.low, &r.best, &r.high} {
			if r.flags&(flagLow<<i) != 0 {
				if len(data)-pos < 8 {
					return recs, errCorrupt
				}
				*f = schema.F(math.Float64frombits(le64(data[pos:])))
				pos += 8
			}
		}
		if r.flags&flagPub != 0 {
			v, w := varint(data[pos:])
			if w <= 0 {
				return recs, errCorrupt
			}
			r.pub = v
			pos += w
		}
		recs = append(recs, r)
	}
	return recs, nil
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// uvarint is binary.Uvarint on a string.
func uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

func varint(s string) (int64, int) {
	ux, n := uvarint(s)
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x, n
}

// keyHash is 64-bit FNV-1a of the key with a final mix: fixed across runs
// and machines, so partitions and the output order are too.
func keyHash(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h
}
