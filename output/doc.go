// Package output writes a dataset: one directory per table holding Parquet
// parts (`<table>/part-NNNNN.parquet`, zstd, Arrow schema stored,
// dictionary-encoded strings) and a manifest.json. Everything is written into
// a temporary sibling directory that Commit renames into place, so an
// interrupted or failed run never leaves a dataset that looks complete. The
// package knows nothing about claims: it takes Arrow record batches.
//
// A distributed engine, whose workers write parts into its own file system,
// writes each part with NewPartWriter to any io.Writer and commits a local
// temporary directory with CommitDir.
//
// It also reads a dataset back (ReadTable) for the commands that work on a
// finished dataset.
package output
