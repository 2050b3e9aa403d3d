package source

import (
	"encoding/binary"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/claimscan/claimscan/jobs/entity"
	"github.com/claimscan/claimscan/schema"
)

// MaxAliases is the most aliases a row keeps: the smallest in byte order,
// so the list does not depend on the order in which they were seen.
const MaxAliases = 32

// maxCueClaims is how many claims per source are read for kind cues.
const maxCueClaims = 16

// Aggregator builds the sources table from articles and claims. The zero
// value is not usable; call New. It is not safe for concurrent use.
type Aggregator struct {
	rows    map[string]*acc
	lookups map[string]entity.Entity // entity.Lookup by mention; Name "" for a miss
	targets map[string]target        // what AddClaim resolved claims to, by targetKey
	key     []byte                   // targetKey's buffer
	last    struct{ id, outlet string }
	cues    cueScratch
}

// Kinds of targetKey.
const (
	targetCited  = iota // a cited source: its source and source_mention
	targetOutlet        // the own voice: the claim's outlet field, trimmed
	targetLast          // the own voice: the name of the last article's outlet
)

// target is the row a claim counts for, once the name, spelling and
// aliases the claim gives it have been recorded there: adding them again
// would change nothing, so a claim resolved to a known target only counts.
type target struct {
	r     *acc
	spell int    // index of the name in r.spellings, -1 when not kept
	name  string // the canonical name
	kind  string // the curated table's kind of a cited source
}

// acc accumulates one source.
type acc struct {
	spellings []spelling // the name's spellings (differing in case), at most MaxAliases
	tableKind string
	outlet    bool // published at least one article
	fromArts  bool // n_articles counted from AddArticle
	votes     [len(cueKinds)]int
	cueClaims int
	aliases   []string // sorted, at most MaxAliases
	nClaims   int64
	nArticles int64
	lastArt   string
	first     time.Time
	last      time.Time
}

// spelling is one spelling of a row's name and how often it was seen.
type spelling struct {
	name string
	n    int
}

// New returns an empty Aggregator.
func New() *Aggregator {
	return &Aggregator{rows: map[string]*acc{}, lookups: map[string]entity.Entity{},
		targets: map[string]target{}}
}

// AddArticle counts an article for its outlet: the article's outlet field,
// or its URL's host without "www." when the field is empty; a name the
// curated table knows (entity.Lookup) is replaced by the table's name and
// the spelling seen becomes an alias. Articles without either are skipped.
func (g *Aggregator) AddArticle(a *schema.Article) {
	raw, name := g.articleOutlet(a)
	g.last.id, g.last.outlet = a.ArticleID, name
	if name == "" {
		return
	}
	r, spell := g.row(name)
	r.count(spell)
	r.outlet, r.fromArts = true, true
	r.addAlias(raw)
	r.seen(a.ArticleID, a.Published)
}

// articleOutlet returns the outlet of a as written (raw) and its canonical
// name, or "" and "" when a names none.
func (g *Aggregator) articleOutlet(a *schema.Article) (raw, name string) {
	raw = strings.TrimSpace(a.Outlet)
	if raw == "" {
		raw = HostOf(a.URL)
	}
	if raw == "" {
		return "", ""
	}
	return raw, g.outletName(raw)
}

// AddClaim counts a claim for the source it is attributed to: its cited
// source, canonicalized with entity.Lookup, or for the article's own voice
// (source "") the claim's outlet (or, when that is empty, the outlet of the
// article last given to AddArticle if it is the claim's article). The
// source_mention becomes an alias, and the sentence around it votes for
// the kind when the curated table does not know the source.
//
// n_articles counts a source's distinct articles by comparing each claim's
// article with the previous one's, so the claims of one article must be
// added one after the other (as the claims table stores them).
func (g *Aggregator) AddClaim(c *schema.Claim) {
	t, ok := g.claimTarget(c)
	if !ok {
		return
	}
	r := t.r
	r.count(t.spell)
	if c.Source == "" {
		r.nClaims++
		if !r.fromArts {
			r.seen(c.ArticleID, c.Published)
		}
		return
	}
	if r.tableKind == "" && t.kind != "" {
		r.tableKind = t.kind
	}
	r.nClaims++
	r.seen(c.ArticleID, c.Published)
	if r.tableKind == "" && r.cueClaims < maxCueClaims {
		r.cueClaims++
		for _, v := range g.cues.votes(c.Sentence, c.SourceMention, t.name) {
			r.votes[v.kind] += v.weight
		}
	}
}

// maxTargets bounds the cache of claim targets.
const maxTargets = 1 << 16

// claimTarget returns the target c counts for, and false when it counts
// for none: from the cache, else resolved and cached.
func (g *Aggregator) claimTarget(c *schema.Claim) (target, bool) {
	if !g.targetKey(c) {
		return target{}, false
	}
	if t, ok := g.targets[string(g.key)]; ok {
		return t, t.r != nil
	}
	t := g.resolve(c)
	if len(g.targets) >= maxTargets {
		clear(g.targets) // a cache: bounded, whatever the corpus
	}
	g.targets[string(g.key)] = t
	return t, t.r != nil
}

// targetKey sets g.key to what the target of c depends on, following the
// cases of claimSource, or returns false when c counts for no source.
func (g *Aggregator) targetKey(c *schema.Claim) bool {
	k := g.key[:0]
	if c.Source != "" {
		k = append(k, targetCited)
		k = binary.AppendUvarint(k, uint64(len(c.Source)))
		k = append(append(k, c.Source...), c.SourceMention...)
	} else if outlet := strings.TrimSpace(c.Outlet); outlet != "" {
		k = append(append(k, targetOutlet), outlet...)
	} else if c.ArticleID == g.last.id && g.last.outlet != "" {
		k = append(append(k, targetLast), g.last.outlet...)
	} else {
		return false
	}
	g.key = k
	return true
}

// resolve returns the target of c, recording the name, spelling and
// aliases (for a cited source also the source and the cleaned mention) in
// its row.
func (g *Aggregator) resolve(c *schema.Claim) target {
	name, e := g.claimSource(c, g.last.id, g.last.outlet)
	if name == "" {
		return target{}
	}
	// the name is kept by the cache: copied from the claim's memory
	t := target{name: strings.Clone(name), kind: e.Kind}
	t.r, t.spell = g.row(name)
	if c.Source != "" {
		t.r.addAlias(c.Source)
		t.r.addAlias(cleanMention(c.SourceMention))
	}
	return t
}

// claimSource returns the name of the source c counts for ("" for none)
// and, for a cited source, the curated entity found for it. lastID and
// lastOutlet are the id and outlet name of the article last given to
// AddArticle.
func (g *Aggregator) claimSource(c *schema.Claim, lastID, lastOutlet string) (string, entity.Entity) {
	if c.Source == "" {
		if outlet := strings.TrimSpace(c.Outlet); outlet != "" {
			return g.outletName(outlet), entity.Entity{}
		}
		if c.ArticleID == lastID {
			return lastOutlet, entity.Entity{}
		}
		return "", entity.Entity{}
	}
	name := strings.TrimSpace(c.Source)
	e := g.lookup(name)
	if e.Name == "" && c.SourceMention != "" {
		e = g.lookup(c.SourceMention)
	}
	if e.Name != "" {
		name = e.Name
	}
	return name, e
}

// ArticleRow returns the key of the row AddArticle(a) counts a for, or ""
// when it counts a for none. With ClaimRow it lets an engine split the
// aggregation by row: feed one Aggregator per key only the articles and
// claims routed to that key, in the order Run gives them (each article
// before its claims), and it returns exactly that key's row of the
// Aggregator fed everything. Only the fields ArticleInput keeps are read.
func (g *Aggregator) ArticleRow(a *schema.Article) string {
	_, name := g.articleOutlet(a)
	return rowKey(name)
}

// ClaimRow returns the key of the row AddClaim(c) counts c for when c is
// added right after its article a, as Run adds them, or "" when it counts c
// for none. Only the fields ArticleInput and ClaimInput keep are read.
func (g *Aggregator) ClaimRow(a *schema.Article, c *schema.Claim) string {
	_, outlet := g.articleOutlet(a)
	name, _ := g.claimSource(c, a.ArticleID, outlet)
	return rowKey(name)
}

// ArticleInput returns a with only the fields AddArticle and ArticleRow
// read, the others zero: what an engine ships to the worker that
// aggregates a row.
func ArticleInput(a *schema.Article) schema.Article {
	return schema.Article{ArticleID: a.ArticleID, Outlet: a.Outlet, URL: a.URL, Published: a.Published}
}

// ClaimInput returns c with only the fields AddClaim and ClaimRow read, the
// others zero. The sentence, the bulk of a claim, is kept only when AddClaim
// may read it for kind cues: for a cited source the curated table does not
// know.
func (g *Aggregator) ClaimInput(c *schema.Claim) schema.Claim {
	in := schema.Claim{ArticleID: c.ArticleID, Source: c.Source, SourceMention: c.SourceMention,
		Outlet: c.Outlet, Published: c.Published}
	if c.Source != "" {
		if _, e := g.claimSource(c, "", ""); e.Kind == "" {
			in.Sentence = c.Sentence
		}
	}
	return in
}

// Rows returns one row per source, sorted by name. Kind is "outlet" for a
// source that published articles, else the curated table's kind, else the
// kind most voted for by the text cues, else "unknown".
func (g *Aggregator) Rows() []schema.Source {
	out := make([]schema.Source, 0, len(g.rows))
	for _, r := range g.rows {
		name := r.name()
		aliases := make([]string, 0, len(r.aliases))
		for _, a := range r.aliases {
			if a != name && len(aliases) < MaxAliases {
				aliases = append(aliases, a)
			}
		}
		out = append(out, schema.Source{
			SourceID:  schema.SourceID(name),
			Name:      name,
			Kind:      r.kind(),
			Aliases:   aliases,
			NClaims:   r.nClaims,
			NArticles: r.nArticles,
			FirstSeen: r.first,
			LastSeen:  r.last,
		})
	}
	slices.SortFunc(out, func(a, b schema.Source) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// name is the most frequent spelling, ties going to the first in byte
// order.
func (r *acc) name() string {
	best, n := "", 0
	for _, s := range r.spellings {
		if s.n > n || s.n == n && s.name < best {
			best, n = s.name, s.n
		}
	}
	return best
}

func (r *acc) kind() string {
	switch {
	case r.outlet:
		return entity.KindOutlet
	case r.tableKind != "":
		return r.tableKind
	}
	best, n := -1, 0
	for k, v := range r.votes {
		if v > n {
			best, n = k, v
		}
	}
	if best < 0 {
		return entity.KindUnknown
	}
	return cueKinds[best].kind
}

// row returns the accumulator of name, one for all spellings that differ
// only in case, with name among its aliases, and the index of name among
// its spellings (-1 when MaxAliases others came first) for count.
func (g *Aggregator) row(name string) (*acc, int) {
	key := rowKey(name)
	r := g.rows[key]
	if r == nil {
		r = &acc{}
		// Strings kept for the whole run are copied: a claim's strings
		// point into its article's text, which would stay alive with them.
		g.rows[strings.Clone(key)] = r
	}
	r.addAlias(name)
	for i := range r.spellings {
		if r.spellings[i].name == name {
			return r, i
		}
	}
	if len(r.spellings) == MaxAliases {
		return r, -1
	}
	r.spellings = append(r.spellings, spelling{name: strings.Clone(name)})
	return r, len(r.spellings) - 1
}

// count counts one more sighting of the spelling row returned.
func (r *acc) count(spell int) {
	if spell >= 0 {
		r.spellings[spell].n++
	}
}

// rowKey is the key of name's row: one for all spellings that differ only
// in case, and for a generic source one for all the phrases with the same
// generic name ("the police", "Police", "police department": "police").
func rowKey(name string) string {
	if gn, ok := genericName(name); ok {
		name = gn
	}
	return strings.ToLower(name)
}

// seen counts article id (once per run of claims of one article) and
// widens first/last seen to published.
func (r *acc) seen(article string, published time.Time) {
	if article != r.lastArt || r.nArticles == 0 {
		r.nArticles++
		r.lastArt = article
	}
	if published.IsZero() {
		return
	}
	if r.first.IsZero() || published.Before(r.first) {
		r.first = published
	}
	if published.After(r.last) {
		r.last = published
	}
}

// addAlias inserts s into the sorted alias list unless it is empty or
// already there, keeping the MaxAliases+1 smallest. Rows leaves the name
// out and keeps MaxAliases. The list depends only on the set of strings
// added: adding one again changes nothing.
func (r *acc) addAlias(s string) {
	if s == "" {
		return
	}
	i, found := slices.BinarySearch(r.aliases, s)
	if found {
		return
	}
	// one more than MaxAliases: the name, left out by Rows, may be among them
	const keep = MaxAliases + 1
	if len(r.aliases) == keep {
		if i == keep {
			return
		}
		r.aliases = r.aliases[:keep-1]
	}
	r.aliases = slices.Insert(r.aliases, i, strings.Clone(s))
}

// maxLookups bounds the cache of curated-table look-ups.
const maxLookups = 1 << 16

func (g *Aggregator) lookup(mention string) entity.Entity {
	if e, ok := g.lookups[mention]; ok {
		return e
	}
	e, ok := entity.Lookup(mention)
	if !ok {
		e = entity.Entity{}
	}
	if len(g.lookups) >= maxLookups {
		clear(g.lookups) // a cache: bounded, whatever the corpus
	}
	g.lookups[strings.Clone(mention)] = e
	return e
}

// outletName returns the canonical name of an outlet: the curated name for
// the outlet's name or, for a host name, for its main label
// ("www.reuters.com" → "reuters" → Reuters) when that is an outlet or
// media entity; else the name as given.
func (g *Aggregator) outletName(raw string) string {
	if e := g.lookup(raw); e.Name != "" {
		return e.Name
	}
	if label := hostLabel(raw); label != "" {
		if e := g.lookup(label); e.Kind == entity.KindOutlet || e.Kind == entity.KindMedia {
			return e.Name
		}
	}
	return raw
}

// HostOf returns the lower-case host of a URL without "www." and port, or
// "" when rawURL has none.
func HostOf(rawURL string) string {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		return ""
	}
	if !strings.Contains(rawURL, "://") {
		rawURL = "http://" + rawURL
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	return strings.TrimPrefix(h, "www.")
}

// hostLabel returns the main label of a host name ("news.bbc.co.uk" →
// "bbc"), or "" when s is not a host name.
func hostLabel(s string) string {
	if strings.ContainsAny(s, " /") || !strings.Contains(s, ".") {
		return ""
	}
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(s), "www."), ".")
	// drop the public suffix: one label, or two for "co.uk"-style hosts
	n := len(labels) - 1
	if n >= 2 && len(labels[n]) == 2 && len(labels[n-1]) <= 3 {
		n--
	}
	if n < 1 {
		return ""
	}
	return labels[n-1]
}

// cleanMention trims spaces and trailing punctuation from a mention and a
// leading "that" or "what" the sentence left on it ("said that they"),
// and returns "" for a pronoun ("he", "they"): not a name of the source.
func cleanMention(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), ",;:.")
	for _, lead := range []string{"that ", "That ", "what "} {
		s = strings.TrimPrefix(s, lead)
	}
	if pronouns[strings.ToLower(s)] {
		return ""
	}
	return s
}

var pronouns = setOf("i", "we", "you", "he", "she", "it", "they", "him", "her", "them", "his",
	"hers", "its", "their", "theirs", "us", "me", "who", "whom", "which", "that", "this",
	"these", "those", "one", "someone", "somebody", "anyone")
