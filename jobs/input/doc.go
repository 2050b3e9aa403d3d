// Package input reads claimscan's input formats into articles.
//
// In: paths (files and directories) or an embedded corpus. Out: records in
// input order, each parsed and checked into an articles row and its text
// on demand (Record.Article), and the manifest's entries of the files read.
//
//	NewPlan(paths) ─▶ Plan{Files, Missing, Skipped}
//	Plan.Read ─▶ per file: open, count and hash, .gz/.zst ─▶ its format's Reader.Read ─▶ Record …
//	Record.Article (in a worker) ─▶ Reader.Parse ─▶ checks ─▶ Article{Row, Text}
//
// Every format is one Reader in the table formats (format.go): text (.txt,
// .md), JSONL (.jsonl, .ndjson; jsonrec.go decodes the common records
// without a JSON library), HTML (.html, .htm, with trafilatura), WARC
// (.warc, through package warc) and Parquet article tables (.parquet). A
// file of another extension is skipped and listed; a gold file
// (*.gold.jsonl) is not articles.
//
// Rules: directories are walked in lexical order, hidden names skipped,
// only regular files read (a pipe or device only when named). Bad input
// never stops the read: a file that cannot be opened or decompressed, a
// record over the size limit or not parseable, becomes a record with a
// status (read_error, too_large, parse_error), and the checks add
// invalid_utf8 and empty. Only the context's cancellation or an error from
// the caller's emit stops Read.
package input
