// Package e2e holds claimscan's end-to-end tests: a whole run over the
// fixtures corpus, read back by DuckDB and by an independent Parquet reader,
// and the byte-for-byte determinism of the output across worker counts.
package e2e
