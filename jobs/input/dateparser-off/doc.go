// Package dateparser stands in for github.com/markusmobius/go-dateparser
// in claimscan's build (a replace directive in claimscan's go.mod).
//
// go-htmldate, which go-trafilatura uses for publication dates, imports
// go-dateparser for one thing only: its "extensive search", a slow
// last resort over free text that claimscan turns off
// (htmldate.Options.SkipExtensiveSearch). The real package still compiles
// about 4,000 regular expressions of its locale data when the program
// starts, whether a page is ever read or not: 0.2–0.3 s of CPU and about
// 78 MB of allocations on every run, a JSONL run included, and some 25 MB
// kept on the heap. This package has the same API as far as go-htmldate
// uses it, and Parse always fails, so that a caller that turned the
// extensive search on gets no date rather than a wrong one.
package dateparser

import (
	"errors"
	"time"

	"github.com/markusmobius/go-dateparser/date"
)

// ErrDisabled is what Parse returns: the free-text date parser is not part
// of claimscan's build.
var ErrDisabled = errors.New("dateparser: free-text date parsing is not built into claimscan")

// Parser is the free-text date parser; ParserTypes is kept for source
// compatibility and has no effect.
type Parser struct {
	ParserTypes []ParserType
}

// ParserType names one of the real package's parsers.
type ParserType uint8

// The parsers of the real package.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says how the real package fills an incomplete date.
type PreferredDateSource uint8

// The date sources of the real package.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration is the real package's parser configuration, as far as
// go-htmldate sets it.
type Configuration struct {
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
	// CurrentTime is the time incomplete dates are read against; zero
	// means now.
	CurrentTime time.Time
}

// Parse returns ErrDisabled and a zero date.
func (p *Parser) Parse(cfg *Configuration, str string, formats ...string) (date.Date, error) {
	return date.Date{}, ErrDisabled
}
