package gen

import (
	"math"
	"strconv"
)

// The gold claims written beside the articles (Config.Gold).

func (g *generator) writeGold(c *composer) {
	if len(c.claims) == 0 {
		return
	}
	b := g.gold
	idStart := len(b)
	b = append(b, `{"article_id":`...)
	b = appendJSONString(b, g.id)
	b = append(b, `,"quote":`...)
	prefix := len(b) - idStart
	for i := range c.claims {
		cl := &c.claims[i]
		if i > 0 { // the first line's prefix is written above
			b = append(b, b[idStart:idStart+prefix]...)
		}
		b = appendJSONString(b, c.text[cl.qs:cl.qe])
		b = append(b, `,"predicate":"`...)
		b = append(b, cl.pred...)
		b = append(b, `","subject":"`...)
		b = append(b, cl.subj...)
		b = append(b, `","value_low":`...)
		b = appendNum(b, cl.v.lo, cl.v.hasLo)
		b = append(b, `,"value_high":`...)
		b = appendNum(b, cl.v.hi, cl.v.hasHi)
		if cl.v.approx {
			b = append(b, `,"approx":true,"source":`...)
		} else {
			b = append(b, `,"approx":false,"source":`...)
		}
		if cl.src == nil {
			b = append(b, `""`...)
		} else {
			b = append(b, cl.src.nameJSON...)
		}
		b = append(b, `,"scope":`...)
		if cl.ss >= 0 {
			b = appendJSONString(b, c.text[cl.ss:cl.se])
		} else {
			b = append(b, `""`...)
		}
		if cl.src != nil && cl.src.aliasJSON != nil {
			b = append(b, `,"source_aliases":`...)
			b = append(b, cl.src.aliasJSON...)
		}
		b = append(b, "}\n"...)
	}
	g.gold = b
}

func appendNum(b []byte, v float64, ok bool) []byte {
	if !ok {
		return append(b, "null"...)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.AppendInt(b, int64(v), 10)
	}
	return strconv.AppendFloat(b, v, 'f', -1, 64)
}
