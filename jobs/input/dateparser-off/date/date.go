// Package date is the result type of the stand-in for go-dateparser.
package date

import "time"

// Date is a parsed date; the stand-in parser never returns one that is set.
type Date struct {
	Time time.Time
}

// IsZero reports whether no date was found.
func (d Date) IsZero() bool { return d.Time.IsZero() }
