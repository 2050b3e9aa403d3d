// Package schema holds the row types of claimscan's four tables (articles,
// claims, sources, conflicts), one Arrow schema per table, and the builders
// that turn rows into Arrow record batches and back. It imports nothing else
// of claimscan's.
package schema
