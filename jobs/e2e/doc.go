// Package e2e holds claimscan's end-to-end tests: a whole run over the
// fixtures corpus, read back by DuckDB and by an independent Parquet reader,
// the byte-for-byte determinism of the output across worker counts, and the
// direction of the imports between the module's packages.
package e2e
