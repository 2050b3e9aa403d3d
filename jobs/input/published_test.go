package input

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/claimscan/claimscan/schema"
)

// TestPublishedNumbers: numeric dates are Unix seconds or milliseconds by
// magnitude; a number too large for either, and a date before 1900 or after
// the run's date and a day, is left null with a note, the article kept.
func TestPublishedNumbers(t *testing.T) {
	want := time.Date(2019, 8, 24, 9, 30, 0, 0, time.UTC)
	tomorrow := time.Now().UTC().Add(24 * time.Hour).Format("2006-01-02")
	cases := []struct {
		published string // as written in the JSON record
		want      time.Time
		note      string
	}{
		{`1566639000`, want, ""},
		{`1566639000000`, want, ""},
		{`1566639000.25`, want.Add(250 * time.Millisecond), ""},
		{`"2019-08-24T09:30:00Z"`, want, ""},
		{`"` + tomorrow + `"`, time.Time{}, ""}, // accepted: checked below
		{`1e20`, time.Time{}, "neither Unix seconds nor milliseconds"},
		{`9223372036854775807`, time.Time{}, "neither Unix seconds nor milliseconds"},
		{`1e400`, time.Time{}, "neither Unix seconds nor milliseconds"},
		{`-1e10`, time.Time{}, "before 1900"},
		{`"1899-12-31"`, time.Time{}, "before 1900"},
		{`"0001-01-01T00:00:00Z"`, time.Time{}, "before 1900"},
		{`"2999-01-01"`, time.Time{}, "after the run's date"},
		{`99999999999`, time.Time{}, "after the run's date"},
	}
	var lines strings.Builder
	for i, c := range cases {
		fmt.Fprintf(&lines, `{"id":"p%d","text":"Police said 3 people were hurt.","published":%s}`+"\n", i, c.published)
	}
	in := filepath.Join(t.TempDir(), "a.jsonl")
	writeFile(t, in, []byte(lines.String()))
	arts := map[string]schema.Article{}
	latest := LatestPublished(time.Now())
	for _, rec := range readRecords(t, 1<<20, in) {
		a := rec.Article(latest).Row
		arts[a.ArticleID] = a
	}
	for i, c := range cases {
		a := arts[fmt.Sprintf("p%d", i)]
		if a.Status != schema.StatusOK {
			t.Errorf("%s: status %s", c.published, a.Status)
		}
		if i == 4 {
			if a.Published.IsZero() || a.Error != "" {
				t.Errorf("tomorrow's date refused: %v %q", a.Published, a.Error)
			}
			continue
		}
		if !a.Published.Equal(c.want) {
			t.Errorf("%s: published %v, want %v", c.published, a.Published, c.want)
		}
		if c.note == "" && a.Error != "" || !strings.Contains(a.Error, c.note) {
			t.Errorf("%s: error %q, want a note with %q", c.published, a.Error, c.note)
		}
	}
}

// TestParquetPublishedNumbers: a Parquet column of numbers is read as JSONL
// numbers are.
func TestParquetPublishedNumbers(t *testing.T) {
	b := array.NewInt64Builder(memory.NewGoAllocator())
	b.AppendValues([]int64{1566639000, 1566639000000, 1 << 62}, nil)
	col := b.NewArray()
	defer col.Release()
	want := time.Date(2019, 8, 24, 9, 30, 0, 0, time.UTC)
	for i, w := range []time.Time{want, want, {}} {
		got, ok, note := timeAt(col, i)
		if !got.Equal(w) || ok == w.IsZero() || (note != "") != w.IsZero() {
			t.Errorf("row %d: %v %v %q, want %v", i, got, ok, note, w)
		}
	}
}

func TestLatestPublished(t *testing.T) {
	now := time.Date(2026, 11, 22, 23, 59, 0, 0, time.UTC)
	if got, want := LatestPublished(now), time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("LatestPublished = %v, want %v", got, want)
	}
}
