// Package stage holds the stages of claimscan that both runners run, the
// single-machine runner (package jobs) and the Beam pipeline (package
// beam): what they differ in is only how data moves between them.
//
//   - Processor.Process: one record (input.Record) to its rows (Rows): the
//     articles row and the claims, with claim keys, within the limits
//     MaxSentenceClaims and MaxArticleClaims. ProcessFile does it for every
//     record of one file.
//   - IDs and MarkDuplicate: the first record of an article id, in input
//     order, keeps it; the later ones are duplicate_id rows without claims.
//   - Conflicts: the conflicts among the claims given (conflict.Detector,
//     spilling to disk past its memory budget).
//   - PartOptions: how every Parquet part is written.
//
// The sources table is built by source.Aggregator, which both runners feed
// in input order.
package stage
