// Package beam runs claimscan as an Apache Beam pipeline, so that a corpus
// too large for one machine is processed by an existing distributed engine
// (Flink, Spark, Dataflow, or the local prism runner), with the very stages
// of the single-machine runner (package stage): stage.ProcessFile reads and
// extracts, stage.IDs finds the duplicate ids, stage.Conflicts compares the
// claims of one shard of claim keys, source.Aggregator builds each
// source's row, and output writes the Parquet parts and commits the
// dataset. Only how the data moves differs.
//
// In: Config.Paths, local files and directories (resolved as `claimscan
// run` resolves them, input.NewPlan) and file patterns of Beam file systems
// (gs://bucket/news/*.warc.gz, s3://...). Out: the dataset of `claimscan
// run` at Config.Out (a local directory or a Beam file system URL): the
// same tables with the same rows, in different parts, and a manifest.
//
// The pipeline (NewJob builds it; the engine runs it):
//
//	files ─▶ Reshuffle ─▶ Read (ProcessFile per file; a remote file copied to local disk first)
//	  │  writes each bundle's articles and claims parts, before duplicate ids are known
//	  ├─ id batches ──────▶ GroupByKey(shard) ─▶ Duplicates (stage.IDs in input order) ─▶ losers
//	  ├─ part pairs ──────▶ CoGroupByKey(shard, losers sent to every shard) ─▶ MarkDuplicates
//	  │                      (rewrites a pair only when it holds losers)
//	  ├─ item batches ────▶ CoGroupByKey(shard, losers sent to every shard) ─▶ Conflicts
//	  │                      (stage.Conflicts per shard; parts per bundle)
//	  └─ call batches ────▶ CoGroupByKey(shard, losers sent to every shard) ─▶ SourceRows
//	                         (Aggregator per source, input order) ─▶ GroupByKey(one key) ─▶ Sources (one part)
//	parts, inputs, status counts, losers ─▶ Flatten ─▶ GroupByKey(one key) ─▶ Commit
//	                                                    (part-NNNNN names, manifest, then rename)
//
// The steps that need the losers get them as grouped data, not as a side
// input: prism has been seen to hand a step an empty side input now and
// then (apache/beam#36563).
//
// Small values (an id, a claim's conflict item, a sources call) travel in
// zstd-compressed batches per shard (Config.Shards of them, by a hash of
// the key), not one element each; a grouped step unpacks its shard's
// batches and splits them by key. Duplicate ids are rare, so the read step
// writes the articles and claims parts at once and only the parts that
// hold a duplicate are rewritten.
//
// Input order is (file, record): files in the order `claimscan run` reads
// them, records in file order. The stages that depend on order (duplicate
// ids, the sources rows) sort their groups by it, so the tables hold the
// rows of `claimscan run` over the same inputs. What differs: the split of
// rows into parts and their order within a part, the manifest's timings
// and configuration, and the absence of the --since chain.
package beam
