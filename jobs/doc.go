// Package jobs is claimscan's single-machine runner. Run takes paths (files
// and directories in the formats of package input) and writes a dataset of
// four Parquet tables — articles, claims, sources, conflicts — plus a
// manifest, through package output.
//
// The runner owns only how data moves: the plan, the reader goroutine that
// cuts records into chunks (reader.go), the worker pool (workers.go), the
// sequencer that puts results back in input order and cuts the articles
// and claims tables into parts (sequencer.go, parts.go), the --since chain
// (since.go) and the progress bar. What happens to the data is in the
// stage packages: input reads, stage processes each record and holds the
// duplicate rule and the conflicts stage, source aggregates sources.
//
// Reading, extraction and writing stream: memory is bounded by the number
// of workers times the chunk size, not by the corpus. Sources and
// conflicts need the whole set and run over the claims after extraction.
// The output is the same for any number of workers.
package jobs
