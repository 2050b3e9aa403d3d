package gen

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// Config says what corpus to generate.
type Config struct {
	Size int64  // bytes of article JSONL to write (uncompressed); the result is within a few KB
	Seed uint64 // same Seed and Size give byte-identical output
	Out  string // directory for Run; created if missing
	Zstd bool   // Run compresses both files with zstd (.zst)
}

// Stats describes a generated corpus.
type Stats struct {
	Articles  int64         // JSONL lines written
	Events    int64         // events covered (article clusters)
	Claims    int64         // gold lines written
	Bytes     int64         // uncompressed bytes of article JSONL
	GoldBytes int64         // uncompressed bytes of gold JSONL
	Elapsed   time.Duration // Run only: wall time including compression and file I/O
}

// Names of the files Run writes in Config.Out; Run appends ".zst" to both
// when Config.Zstd is set.
const (
	ArticlesFile = "articles.jsonl"
	GoldFile     = "claims.gold.jsonl"
)

// ErrConfig is wrapped by the errors of a bad Config.
var ErrConfig = errors.New("gen: bad config")

// Run writes DIR/articles.jsonl and DIR/claims.gold.jsonl (or .zst with
// Config.Zstd). Each file is written under a temporary name and renamed when
// complete, so an interrupted run leaves no file that looks finished. It
// stops with ctx.Err() soon after ctx is cancelled.
func Run(ctx context.Context, cfg Config) (Stats, error) {
	start := time.Now()
	if cfg.Out == "" {
		return Stats{}, fmt.Errorf("%w: no output directory", ErrConfig)
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return Stats{}, err
	}
	ext := ""
	if cfg.Zstd {
		ext = ".zst"
	}
	art, err := newOutFile(filepath.Join(cfg.Out, ArticlesFile+ext), cfg.Zstd)
	if err != nil {
		return Stats{}, err
	}
	defer art.abort()
	gold, err := newOutFile(filepath.Join(cfg.Out, GoldFile+ext), cfg.Zstd)
	if err != nil {
		return Stats{}, err
	}
	defer gold.abort()

	st, err := write(ctx, art.w, gold.w, cfg)
	if err != nil {
		return st, err
	}
	if err := art.commit(); err != nil {
		return st, err
	}
	if err := gold.commit(); err != nil {
		return st, err
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

// Write writes the article JSONL to w and the gold JSONL to gold (nil: no
// gold is produced, which is faster). It is what Run does without files;
// benchmarks use it with io.Discard. Config.Out and Config.Zstd are ignored.
func Write(w io.Writer, gold io.Writer, cfg Config) (Stats, error) {
	return write(context.Background(), w, gold, cfg)
}

func write(ctx context.Context, w, gold io.Writer, cfg Config) (Stats, error) {
	if cfg.Size <= 0 {
		return Stats{}, fmt.Errorf("%w: size %d", ErrConfig, cfg.Size)
	}
	g := newGenerator(cfg.Seed, gold != nil)
	var st Stats
	flushEvery := 256 << 10
	for st.Bytes < cfg.Size {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		e := g.newEvent()
		st.Events++
		plan := g.plan(e)
		last := false
		for _, p := range plan {
			remaining := cfg.Size - st.Bytes - int64(len(g.out))
			if remaining <= 0 {
				last = true
				break
			}
			target := g.target()
			if remaining < int64(target)+3000 {
				target = max(600, int(remaining)-500)
				last = true
			}
			g.article(e, p, target)
			st.Articles++
			if last {
				break
			}
		}
		st.Claims += g.nClaims
		g.nClaims = 0
		if len(g.out) >= flushEvery || last || st.Bytes+int64(len(g.out)) >= cfg.Size {
			if err := g.flush(w, gold, &st); err != nil {
				return st, err
			}
		}
		if last {
			break
		}
	}
	if err := g.flush(w, gold, &st); err != nil {
		return st, err
	}
	return st, nil
}

// generator holds the world, the random source and the output buffers.
type generator struct {
	r        *rand.Rand
	w        *world
	c        composer
	withGold bool
	out      []byte
	gold     []byte
	title    []byte
	id       []byte
	nextID   int64
	nextEv   int64
	nClaims  int64
	local    []source // event-local sources; capacity fixed so pointers stay valid
}

type planned struct {
	o   int // outlet index
	day int
}

const maxLocal = 16

func newGenerator(seed uint64, withGold bool) *generator {
	r := rand.New(rand.NewPCG(seed, seed^0x636c61696d7363))
	g := &generator{r: r, withGold: withGold, local: make([]source, 0, maxLocal)}
	g.w = newWorld(r)
	g.c.r = r
	g.c.w = g.w
	g.c.text = make([]byte, 0, 16<<10)
	g.out = make([]byte, 0, 512<<10)
	g.gold = make([]byte, 0, 256<<10)
	return g
}

func (g *generator) flush(w, gold io.Writer, st *Stats) error {
	if len(g.out) > 0 {
		if _, err := w.Write(g.out); err != nil {
			return err
		}
		st.Bytes += int64(len(g.out))
		g.out = g.out[:0]
	}
	if gold != nil && len(g.gold) > 0 {
		if _, err := gold.Write(g.gold); err != nil {
			return err
		}
		st.GoldBytes += int64(len(g.gold))
		g.gold = g.gold[:0]
	}
	return nil
}

// target draws an article length: log-uniform between 1 and 10 KB.
func (g *generator) target() int {
	return int(math.Exp(math.Log(1000) + g.r.Float64()*math.Log(10)))
}

// first and last days the generated events may start on: 2012-01-01 and
// 2025-06-30.
const (
	firstDay = 15340
	lastDay  = 20269
)

func (g *generator) newEvent() *event {
	r, w := g.r, g.w
	e := &event{id: g.nextEv, typ: &eventTypes[r.IntN(len(eventTypes))], seed: r.Uint64(), denier: -1}
	g.nextEv++
	e.ci = r.IntN(len(w.countries))
	e.c = &w.countries[e.ci]
	e.reg = &w.regions[pick(r, e.c.regions)]
	e.town = &w.towns[pick(r, e.reg.towns)]
	e.start = firstDay + int64(r.IntN(lastDay-firstDay))
	e.days = 1 + r.IntN(e.typ.maxDays)
	e.g0 = 0.3 + 0.5*r.Float64()
	e.tau = 0.7 + 2.5*r.Float64()
	e.nouns = e.typ.nouns
	if e.typ.oneNoun {
		n := r.IntN(len(e.nouns))
		e.nouns = e.nouns[n : n+1]
	}
	e.truth = make([]float64, len(e.typ.preds))
	for i, p := range e.typ.preds {
		e.truth[i] = math.Exp(math.Log(p.lo) + r.Float64()*(math.Log(p.hi)-math.Log(p.lo)))
		if i > 0 && p.ratio[1] > 0 {
			e.truth[i] = e.truth[0] * (p.ratio[0] + (p.ratio[1]-p.ratio[0])*r.Float64())
		}
	}

	g.local = g.local[:0]
	add := func(role string) int {
		s := g.resolve(e, role)
		if s == nil {
			return -1
		}
		for i, x := range e.srcs {
			if x.s == s {
				return i
			}
		}
		e.srcs = append(e.srcs, evSrc{s: s, role: role, mask: maskFor(e.typ, role), bias: s.bias})
		return len(e.srcs) - 1
	}
	e.primary = add(pick(r, e.typ.primary))
	for n := 1 + r.IntN(4); n > 0; n-- {
		add(pick(r, e.typ.others))
	}
	if e.typ.denial != nil && r.IntN(10) < 7 {
		e.denier = add(pick(r, e.typ.denial))
		if e.denier == e.primary {
			e.denier = -1
		}
	}
	return e
}

// maskFor says which of an event type's quantities a source in this role
// reports.
func maskFor(t *evType, role string) uint32 {
	var m uint32
	for i, p := range t.preds {
		ok := true
		if p.pred == "arrested" {
			switch role {
			case "police", "policechief", "interior", "prosecutors", "lawyers", "coastguard", "ngo", "opposition", "govt", "officials", "activists", "minister":
			default:
				ok = false
			}
		}
		switch role {
		case "hospital":
			ok = p.pred == "killed" || p.pred == "injured"
		case "prosecutors", "lawyers":
			ok = p.pred == "arrested"
		case "witnesses", "residents", "survivors", "activists":
			ok = ok && p.pred != "population"
		case "worldbank":
			ok = p.pred == "affected" || p.pred == "displaced"
		}
		if ok {
			m |= 1 << i
		}
	}
	return m
}

var generic = map[string]*source{}

func init() {
	for _, n := range []string{"officials", "residents", "witnesses", "activists", "survivors", "lawyers"} {
		s := &source{name: n, kind: skGeneric, full: []string{n, "local " + n}, later: []string{n}, bias: 1}
		if n == "officials" {
			s.bias = 0.9
		}
		if n == "residents" || n == "witnesses" || n == "activists" || n == "survivors" {
			s.bias = 1.2
		}
		s.nameJSON = appendJSONString(nil, n)
		s.aliasJSON = aliasesJSON(n, []string{"local " + n})
		generic[n] = s
	}
}

// resolve maps a role to a standing source or makes an event-local one.
func (g *generator) resolve(e *event, role string) *source {
	w, r := g.w, g.r
	switch role {
	case "health":
		return &w.sources[e.c.sources[roleHealth]]
	case "interior":
		return &w.sources[e.c.sources[roleInterior]]
	case "agency":
		return &w.sources[e.c.sources[roleAgency]]
	case "army":
		return &w.sources[e.c.sources[roleArmy]]
	case "redcross":
		return &w.sources[e.c.sources[roleRedCross]]
	case "govt":
		return &w.sources[e.c.sources[roleGovt]]
	case "opposition":
		return &w.sources[e.c.sources[roleOpposition]]
	case "police":
		return &w.sources[e.reg.police]
	case "monitor":
		return &w.sources[e.reg.monitor]
	case "ngo":
		return &w.sources[w.ngo[r.IntN(len(w.ngo))]]
	case "un":
		return &w.sources[w.igo[0]]
	case "ocha":
		return &w.sources[w.igo[1]]
	case "who":
		return &w.sources[w.igo[2]]
	case "iom":
		return &w.sources[w.igo[3]]
	case "unhcr":
		return &w.sources[w.igo[4]]
	case "unicef":
		return &w.sources[w.igo[5]]
	case "worldbank":
		return &w.sources[w.igo[6]]
	}
	if s, ok := generic[role]; ok {
		return s
	}
	if len(g.local) == cap(g.local) {
		return nil
	}
	f := e.c.fam
	first, last := pick(r, f.first), pick(r, f.last)
	name := first + " " + last
	town := e.town.variants[0]
	var s source
	switch role {
	case "governor":
		s = source{name: name, kind: skPerson, bias: 1.0 + 0.5*r.Float64(),
			full:    []string{"Governor " + name, e.reg.name + " Governor " + name, "regional governor " + name},
			later:   []string{last, "the governor"},
			aliases: []string{last, "governor", e.reg.name + " governor"}}
	case "mayor":
		s = source{name: name, kind: skPerson, bias: 1.0 + 0.6*r.Float64(),
			full:    []string{"Mayor " + name, town + " Mayor " + name, "the mayor of " + town + ", " + name + ","},
			later:   []string{last, "the mayor"},
			aliases: []string{last, "mayor", town + " municipality"}}
	case "policechief":
		s = source{name: name, kind: skPerson, bias: 0.9 + 0.1*r.Float64(),
			full:    []string{"police chief " + name, "Police Chief " + name, e.reg.name + " police chief " + name},
			later:   []string{last, "the police chief"},
			aliases: []string{last, "police", e.reg.name + " Police"}}
	case "minister":
		s = source{name: name, kind: skPerson, bias: 0.7 + 0.25*r.Float64(),
			full:    []string{"Health Minister " + name, "Interior Minister " + name, "minister " + name},
			later:   []string{last, "the minister"},
			aliases: []string{last, "minister", "ministry", e.c.adj + " government"}}
	case "hospital":
		h := town + " General Hospital"
		s = source{name: h, kind: skGov, bias: 0.3 + 0.5*r.Float64(),
			full:    []string{h, "the " + h, "doctors at " + h},
			later:   []string{"the hospital", "hospital officials"},
			aliases: []string{"hospital", "doctors"}}
	case "coastguard":
		cg := e.c.adj + " Coast Guard"
		s = source{name: cg, kind: skGov, bias: 0.8 + 0.2*r.Float64(),
			full:    []string{"the " + e.c.adj + " coast guard", "the coast guard", e.c.name + "'s coast guard"},
			later:   []string{"the coast guard"},
			aliases: []string{"coast guard"}}
	case "prosecutors":
		p := town + " prosecutors"
		s = source{name: p, kind: skGov, bias: 1,
			full: []string{"prosecutors in " + town, p}, later: []string{"prosecutors"}, aliases: []string{"prosecutors"}}
	default:
		return nil
	}
	s.nameJSON = appendJSONString(nil, s.name)
	s.aliasJSON = aliasesJSON(s.name, s.aliases)
	g.local = append(g.local, s)
	return &g.local[len(g.local)-1]
}

// plan picks the outlets and days of an event's articles, in day order.
func (g *generator) plan(e *event) []planned {
	r, w := g.r, g.w
	n := 2 + int(r.ExpFloat64()*6)
	if n > 40 {
		n = 40
	}
	out := make([]planned, n)
	loc := w.local[e.ci]
	for i := range out {
		if len(loc) > 0 && r.IntN(10) < 6 {
			out[i].o = pick(r, loc)
		} else {
			out[i].o = pick(r, w.intl)
		}
		d := int(r.ExpFloat64() * float64(e.days) / 3)
		out[i].day = min(d, e.days-1)
	}
	slices.SortStableFunc(out, func(a, b planned) int { return a.day - b.day })
	return out
}

// article composes one article and appends its JSON line and gold lines.
func (g *generator) article(e *event, p planned, target int) {
	o := &g.w.outlets[p.o]
	c := &g.c
	c.reset(e, o, p.day)
	c.compose(target)

	r := g.r
	y, m, d := civil(c.abs)
	g.id = g.id[:0]
	slug := o.slug
	if len(slug) > 16 {
		slug = slug[:16]
	}
	for len(slug) > 0 && slug[len(slug)-1] == '-' {
		slug = slug[:len(slug)-1]
	}
	g.id = append(g.id, slug...)
	g.id = append(g.id, '-')
	g.id = appendDate(g.id, y, m, d, false)
	g.id = append(g.id, '-')
	g.id = strconv.AppendInt(g.id, g.nextID, 36)
	g.nextID++

	g.makeTitle(e, c)

	b := g.out
	b = append(b, `{"id":`...)
	b = appendJSONString(b, g.id)
	b = append(b, `,"title":`...)
	b = appendJSONString(b, g.title)
	b = append(b, `,"text":`...)
	b = appendJSONText(b, c.text)
	b = append(b, `,"outlet":`...)
	b = append(b, o.nameJSON...)
	b = append(b, `,"url":"https://`...)
	b = append(b, o.host...)
	b = append(b, '/')
	b = append(b, pick(r, sections)...)
	b = append(b, '/')
	b = appendDate(b, y, m, d, true)
	b = append(b, '/')
	b = appendSlug(b, g.title, 60)
	b = append(b, '-')
	b = strconv.AppendInt(b, g.nextID-1, 10)
	b = append(b, `","published":"`...)
	b = appendDate(b, y, m, d, true)
	switch k := r.IntN(10); {
	case k < 7:
		b = append(b, 'T')
		b = append2(b, 5+r.IntN(18))
		b = append(b, ':')
		b = append2(b, r.IntN(60))
		b = append(b, ":00Z"...)
	case k < 9:
		b = append(b, 'T')
		b = append2(b, 5+r.IntN(18))
		b = append(b, ':')
		b = append2(b, r.IntN(60))
		b = append(b, ":00+0"...)
		b = strconv.AppendInt(b, int64(1+r.IntN(8)), 10)
		b = append(b, ":00"...)
	}
	b = append(b, `","lang":"en","cluster":"ev-`...)
	b = strconv.AppendInt(b, e.id, 36)
	b = append(b, "-"...)
	b = append(b, e.typ.name...)
	b = append(b, "\"}\n"...)
	g.out = b

	if g.withGold {
		g.writeGold(c)
	}
	g.nClaims += int64(len(c.claims))
}
