package gen

import "strconv"

// Titles, slugs and dates of the generated articles.

// append2 appends v as two digits.
func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

// appendDate appends 2021-04-06 (dashes) or 20210406.
func appendDate(b []byte, y, m, d int, dashes bool) []byte {
	b = strconv.AppendInt(b, int64(y), 10)
	if dashes {
		b = append(b, '-')
	}
	b = append2(b, m)
	if dashes {
		b = append(b, '-')
	}
	return append2(b, d)
}

func appendSlug(b, s []byte, max int) []byte {
	n := 0
	dash := true
	for _, c := range s {
		if n >= max {
			break
		}
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
			dash = false
			n++
		case c >= 'A' && c <= 'Z':
			b = append(b, c-'A'+'a')
			dash = false
			n++
		case c < 0x80 && !dash:
			b = append(b, '-')
			dash = true
			n++
		}
	}
	if dash && n > 0 {
		b = b[:len(b)-1]
	}
	return b
}

func (g *generator) makeTitle(e *event, c *composer) {
	r := g.r
	t := g.title[:0]
	v := e.reported(e.primary, 0, c.day)
	noun := capitalize(c.noun)
	switch r.IntN(6) {
	case 0:
		t = append(t, noun...)
		if noun[len(noun)-1] == 's' {
			t = append(t, " kill "...)
		} else {
			t = append(t, " kills "...)
		}
		t = appendInt(t, v)
		t = append(t, " in "...)
		t = append(t, c.place...)
	case 1:
		t = append(t, c.place...)
		t = append(t, ' ')
		t = append(t, c.noun...)
		t = append(t, ": death toll rises to "...)
		t = appendInt(t, v)
	case 2:
		t = appendInt(t, v)
		t = append(t, " dead after "...)
		t = append(t, c.noun...)
		t = append(t, " in "...)
		t = append(t, e.c.name...)
	case 3:
		t = append(t, e.c.name...)
		t = append(t, ": "...)
		t = appendInt(t, v)
		t = append(t, ' ')
		t = append(t, e.typ.preds[0].subj...)
		t = append(t, " killed in "...)
		t = append(t, c.noun...)
		t = append(t, ", officials say"...)
	case 4:
		t = append(t, pick(r, []string{"Thousands flee ", "Anger grows after ", "Rescuers race against time after ", "Aid arrives slowly after "})...)
		t = append(t, c.noun...)
		t = append(t, " in "...)
		t = append(t, e.reg.name...)
	default:
		t = append(t, noun...)
		t = append(t, " in "...)
		t = append(t, c.place...)
		t = append(t, ": what we know so far"...)
	}
	g.title = t
}
