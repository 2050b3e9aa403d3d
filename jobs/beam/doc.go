// Package beam runs claimscan as an Apache Beam pipeline, so that a corpus
// too large for one machine is processed by an existing distributed engine
// (Flink, Spark, Dataflow, or the local prism runner), with the very stage
// functions of the single-machine runner: jobs.ProcessFile reads and
// extracts, conflict.DetectGroup compares the claims of one claim_key,
// source.Aggregator builds each source's row, and output writes the
// Parquet parts and commits the dataset.
//
// In: Config.Paths, local files and directories (resolved as `claimscan
// run` resolves them, jobs.PlanFiles) and file patterns of Beam file systems
// (gs://bucket/news/*.warc.gz, s3://...). Out: the dataset of `claimscan
// run` at Config.Out (a local directory or a Beam file system URL): the
// same tables with the same rows, in different parts, and a manifest.
//
// The pipeline (NewJob builds it; the engine runs it):
//
//	files ─▶ Reshuffle ─▶ read (ParDo: ProcessFile per file; remote files copied to local disk first)
//	          │ KV<article_id, record>
//	          ▼
//	        GroupByKey ─▶ records (ParDo: the first record of an id in input order kept, the others
//	          │            marked duplicate_id; articles and claims parts written per bundle)
//	          ├─ KV<claim_key, conflict.Item> ─▶ GroupByKey ─▶ conflicts (DetectGroup; parts per bundle)
//	          └─ KV<source row, call> ─▶ GroupByKey ─▶ one source row (Aggregator replayed in input order)
//	                                                   ─▶ GroupByKey(one key) ─▶ sources part
//	parts, inputs, status counts ─▶ Flatten ─▶ GroupByKey(one key) ─▶ commit (parts renamed
//	                                                                  part-NNNNN, manifest, rename)
//
// Input order is (file, record): files in the order `claimscan run` reads
// them, records in file order. The stages that depend on order (duplicate
// ids, the sources rows) sort their groups by it, so the tables hold the
// rows of `claimscan run` over the same inputs. What differs: the split of
// rows into parts and their order within a part, the manifest's timings
// and configuration, and the absence of the --since chain.
package beam
