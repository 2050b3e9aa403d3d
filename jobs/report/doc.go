// Package report turns a claimscan dataset into what a journalist reads
// first.
//
// In: rows already loaded from a dataset (Dataset: claims, sources,
// conflicts); the report reads no Parquet itself, and ClaimsNeeded tells a
// loader which claims it needs, so that a large claims table can be
// filtered while it streams. Out: a text summary for the terminal
// (WriteText) and one static HTML page (WriteHTML), both from a Summary
// (Summarize); Write does all three with the default Options, writing the
// page through a temporary file renamed into place.
//
// Both hold the counts, the top conflicts by severity (ties by conflict
// id) with both quotes, sources, outlets and dates, and the most-cited
// sources (by n_claims, outlets left out). The page adds, for each of the
// claim keys with the most severe conflicts, an inline SVG chart of the
// value spread: one bar per claim (its compared interval), a dot at its
// best value, an arrow for an open end. The page has no scripts, fonts or
// external references, and a Content-Security-Policy that forbids loading
// anything; every string goes through html/template's escaping. The output
// is a function of the rows: the same dataset gives the same bytes.
package report
