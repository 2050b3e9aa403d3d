package input

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	json "github.com/goccy/go-json"
)

// publishedLayouts are the date forms accepted in the published field.
// A form without a zone is taken as UTC.
var publishedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
}

// unixNumber reads a published date given as a JSON number: Unix seconds
// or milliseconds, told apart by magnitude (see unixTime).
func unixNumber(num string) (time.Time, bool, string) {
	v, err := strconv.ParseFloat(num, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return time.Time{}, false, "published: not a date: " + truncate(num, 40)
	}
	return unixTime(v)
}

// Numbers of Unix time: under unixMillisFrom (in absolute value) they are
// seconds (up to the year 5138), from it to unixMillisTo milliseconds
// (1973 to 5138); larger ones are neither.
const (
	unixMillisFrom = 1e11
	unixMillisTo   = 1e14
)

// unixTime reads a number of Unix time as seconds or milliseconds by its
// magnitude: a millisecond timestamp of today (1566639000000) is 1e12,
// seconds are 1e9. Fractions are kept to the microsecond. A number too large
// for either (1e20, 2^63-1, infinity) is refused with a note.
func unixTime(v float64) (time.Time, bool, string) {
	switch a := math.Abs(v); {
	case math.IsNaN(v) || a >= unixMillisTo:
		return time.Time{}, false, fmt.Sprintf("published: %g is neither Unix seconds nor milliseconds", v)
	case a >= unixMillisFrom:
		return time.UnixMicro(int64(math.Round(v * 1e3))).UTC(), true, ""
	}
	return time.UnixMicro(int64(math.Round(v * 1e6))).UTC(), true, ""
}

// earliestPublished is the earliest publication date accepted; the latest
// is the run's date plus one day (LatestPublished).
var earliestPublished = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// LatestPublished is the latest publication date a run started at now
// accepts: its date and a day (clocks and zones differ).
func LatestPublished(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d+2, 0, 0, 0, 0, time.UTC)
}

// publishedInRange checks a publication date against earliestPublished and
// latest; a date outside is a mistake of the input (a wrong unit, a
// placeholder such as 0001-01-01 or 2099-12-31), not a date to compare
// claims by.
func publishedInRange(t, latest time.Time) (ok bool, note string) {
	switch {
	case t.Before(earliestPublished):
		return false, fmt.Sprintf("published: %s is before 1900; left empty", t.Format(time.RFC3339))
	case !latest.IsZero() && t.After(latest):
		return false, fmt.Sprintf("published: %s is after the run's date and a day; left empty", t.Format(time.RFC3339))
	}
	return true, ""
}

// parsePublished reads the published field: a date string in one of
// publishedLayouts, or Unix seconds or milliseconds (unixNumber). ok is false when it is absent or
// unreadable; note then says why, for the article's error column.
func parsePublished(raw json.RawMessage) (t time.Time, ok bool, note string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
		return time.Time{}, false, ""
	}
	if raw[0] != '"' {
		return unixNumber(string(raw))
	}
	s, err := jsonString(raw)
	if err != nil {
		return time.Time{}, false, "published: " + err.Error()
	}
	s = strings.TrimSpace(s)
	return publishedString(s)
}

// publishedString reads a date string in one of publishedLayouts.
func publishedString(s string) (t time.Time, ok bool, note string) {
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.IsZero() {
				// The zero time (0001-01-01), a placeholder: not "absent".
				return time.Time{}, false, "published: " + strconv.Quote(s) + " is before 1900; left empty"
			}
			return t.UTC(), true, ""
		}
	}
	return time.Time{}, false, "published: unrecognised date " + strconv.Quote(truncate(s, 40))
}
