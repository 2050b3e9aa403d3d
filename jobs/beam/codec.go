package beam

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/claimscan/claimscan/jobs/conflict"
	"github.com/claimscan/claimscan/schema"
)

// What the read step sends to the grouped steps is many small values (an
// id, a conflict item, a sources call per claim). Sent one element each,
// they would cost the engine more than their bytes; so the read step packs
// them per shard into batches, encoded compactly and compressed with zstd,
// and a grouped step unpacks the batches of its shard. The encodings are
// internal to one pipeline run: every worker runs the same binary.

// enc appends values to a batch.
type enc struct{ b []byte }

func (e *enc) str(s string) {
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *enc) int(v int64) { e.b = binary.AppendVarint(e.b, v) }

func (e *enc) float(f schema.Float) {
	if !f.Valid {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(f.V))
}

func (e *enc) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

// time keeps the instant (UTC) to the nanosecond; the zero time stays zero.
func (e *enc) time(t time.Time) {
	if t.IsZero() {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.int(t.Unix())
	e.int(int64(t.Nanosecond()))
}

// errCorrupt reports a batch that does not decode.
var errCorrupt = errors.New("corrupt batch")

// dec reads values from a batch; the first error sticks.
type dec struct {
	b   []byte
	err error
}

func (d *dec) more() bool { return d.err == nil && len(d.b) > 0 }

func (d *dec) fail() { d.err, d.b = errCorrupt, nil }

func (d *dec) str() string {
	n, w := binary.Uvarint(d.b)
	if w <= 0 || uint64(len(d.b)-w) < n {
		d.fail()
		return ""
	}
	s := string(d.b[w : w+int(n)])
	d.b = d.b[w+int(n):]
	return s
}

func (d *dec) int() int64 {
	v, w := binary.Varint(d.b)
	if w <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[w:]
	return v
}

func (d *dec) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *dec) bool() bool { return d.byte() == 1 }

func (d *dec) float() schema.Float {
	if d.byte() == 0 {
		return schema.Float{}
	}
	if len(d.b) < 8 {
		d.fail()
		return schema.Float{}
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(d.b))
	d.b = d.b[8:]
	return schema.F(v)
}

func (d *dec) time() time.Time {
	if d.byte() == 0 {
		return time.Time{}
	}
	sec := d.int()
	nsec := d.int()
	return time.Unix(sec, nsec).UTC()
}

// idEntry is one record's article id and position, for the duplicate check.
type idEntry struct {
	ID       string
	Seq, Rec int64
	Status   string
}

func (e *enc) idEntry(v *idEntry) {
	e.str(v.ID)
	e.int(v.Seq)
	e.int(v.Rec)
	e.str(v.Status)
}

func (d *dec) idEntry() idEntry {
	return idEntry{ID: d.str(), Seq: d.int(), Rec: d.int(), Status: d.str()}
}

// itemEntry is one claim's conflict item, with the position of its record
// (to drop the claims of duplicate records).
type itemEntry struct {
	Seq, Rec int64
	Item     conflict.Item
}

func (e *enc) itemEntry(v *itemEntry) {
	it := &v.Item
	e.int(v.Seq)
	e.int(v.Rec)
	for _, s := range [...]string{it.Key, it.ClaimID, it.ArticleID, it.Source, it.Outlet, it.Bound, it.Quote, it.Location, it.Event} {
		e.str(s)
	}
	e.float(it.Low)
	e.float(it.Best)
	e.float(it.High)
	e.time(it.Published)
	e.bool(it.Negated)
	e.bool(it.Hedged)
	e.bool(it.Since)
	e.bool(it.AsOf)
}

func (d *dec) itemEntry() itemEntry {
	v := itemEntry{Seq: d.int(), Rec: d.int()}
	it := &v.Item
	for _, p := range [...]*string{&it.Key, &it.ClaimID, &it.ArticleID, &it.Source, &it.Outlet, &it.Bound, &it.Quote, &it.Location, &it.Event} {
		*p = d.str()
	}
	it.Low, it.Best, it.High = d.float(), d.float(), d.float()
	it.Published = d.time()
	it.Negated, it.Hedged = d.bool(), d.bool()
	it.Since, it.AsOf = d.bool(), d.bool()
	return v
}

// sourceCall is one call of the sources aggregation for row Key:
// AddArticle(Article) when Index is -1, else AddClaim(Claim) for claim
// Index of the record at (Seq, Rec). Article and Claim hold only the fields
// the aggregation reads (source.ArticleInput, Aggregator.ClaimInput).
type sourceCall struct {
	Key      string
	Seq, Rec int64
	Index    int64
	Article  schema.Article
	Claim    schema.Claim
}

func (e *enc) sourceCall(v *sourceCall) {
	e.str(v.Key)
	e.int(v.Seq)
	e.int(v.Rec)
	e.int(v.Index)
	if v.Index < 0 {
		a := &v.Article
		e.str(a.ArticleID)
		e.str(a.Outlet)
		e.str(a.URL)
		e.time(a.Published)
		return
	}
	c := &v.Claim
	for _, s := range [...]string{c.ArticleID, c.Source, c.SourceMention, c.Sentence, c.Outlet} {
		e.str(s)
	}
	e.time(c.Published)
}

func (d *dec) sourceCall() sourceCall {
	v := sourceCall{Key: d.str(), Seq: d.int(), Rec: d.int(), Index: d.int()}
	if v.Index < 0 {
		a := &v.Article
		a.ArticleID, a.Outlet, a.URL = d.str(), d.str(), d.str()
		a.Published = d.time()
		return v
	}
	c := &v.Claim
	for _, p := range [...]*string{&c.ArticleID, &c.Source, &c.SourceMention, &c.Sentence, &c.Outlet} {
		*p = d.str()
	}
	c.Published = d.time()
	return v
}

// The codecs; EncodeAll and DecodeAll are safe for concurrent use.
var (
	zenc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	zdec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
)

// pack compresses a batch.
func pack(b []byte) []byte { return zenc.EncodeAll(b, make([]byte, 0, len(b)/4+64)) }

// unpack decompresses a batch.
func unpack(b []byte) (*dec, error) {
	raw, err := zdec.DecodeAll(b, nil)
	if err != nil {
		return nil, err
	}
	return &dec{b: raw}, nil
}
