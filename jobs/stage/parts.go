package stage

import (
	"github.com/claimscan/claimscan/output"
	"github.com/claimscan/claimscan/schema"
)

// PartOptions returns the writer options of every Parquet part of a
// dataset, whichever runner writes it: claimscan's version in the footer,
// no statistics for free text and hashes, hashes compressed fast.
func PartOptions() output.Options {
	return output.Options{CreatedBy: "claimscan " + schema.ToolVersion, NoStats: schema.NoStats, Fast: schema.Hashes}
}
