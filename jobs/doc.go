// Package jobs is claimscan's runner and its stages. Run takes paths (files
// and directories of .txt, .md, .jsonl, .ndjson, .html and .warc articles,
// each plain, .gz or .zst, and .parquet article tables) and writes a dataset of four Parquet tables — articles,
// claims, sources, conflicts — plus a manifest, through package output.
//
// Reading, extraction and writing stream: memory is bounded by the number
// of workers times the chunk size, not by the corpus. Extraction is a pure
// function of one article (package extract); sources and conflicts need the
// whole set and run over the claims after extraction.
package jobs
