// Package gen writes a synthetic news corpus with planted quantity claims
// and its ground truth, for measuring recall and speed at scale.
//
// In: a [Config] (size in bytes, seed, output directory, zstd or not). Out:
// articles.jsonl, one article a line with the fields the reader takes (id,
// title, text, outlet, url, published, lang, cluster), and claims.gold.jsonl, every
// planted quantity claim in the eval gold format (see package jobs/eval), so
// `claimscan eval --gold DIR/claims.gold.jsonl` scores a run on the corpus. With
// Config.Zstd both files are zstd-compressed (articles.jsonl.zst,
// claims.gold.jsonl.zst); Config.Size counts the uncompressed article bytes.
//
// The same seed and size give byte-identical files. All randomness comes
// from one math/rand/v2 PCG source seeded with Config.Seed; nothing depends
// on time, maps or goroutines.
//
// # What the corpus looks like
//
// A world is drawn from the seed: a few dozen invented countries whose
// regions and towns get names built from syllables (each town with up to
// four spellings, which outlets pick between), several hundred outlets
// (wires, broadcasters, local papers, each with its dateline, byline and
// trailer habits), and the organisations that events quote: ministries,
// disaster agencies, police, armies, Red Cross and Red Crescent societies,
// opposition parties, rights monitors, NGOs with acronyms, UN agencies.
//
// Events (earthquakes, floods, offensives, shootings, factory fires,
// shipwrecks, outbreaks, protests, storms, landslides, crashes, explosions)
// have true counts for several quantities. Each event is covered by a few to
// forty articles over its days. Each source reports each quantity with its
// own bias and a fixed jitter, cumulative tolls rise over the days, and
// every outlet quoting a source on a day prints that source's number, with
// its own modifier (exact, "more than", "about", "nearly", "up to",
// ranges, number words, "dozens of" ... "hundreds of thousands of",
// "several", "a dozen"). Claims are attributed in the ways news does
// ("X said on Monday", "according to X", "said X", direct quotes,
// acronyms after the first mention, short forms such as "the ministry"),
// denied ("the army denied that any civilians were killed"), stated in the
// article's own voice, or scoped ("since Monday", "since March", "In
// 2009"). Populations, earlier disasters, inflation figures, aid amounts and
// "no one was killed" are planted too. The rest of the text is composed
// from interchangeable parts (weather, politics, the economy, daily life,
// aid, witnesses, official statements) and sprinkled with numbers that are
// not claims: times, dates, years, ages, durations, distances, rainfall,
// temperatures, ordinals, addresses, phone numbers, road names, thresholds.
//
// Only the text carries gold claims; the numbers in titles are not in the
// gold file.
//
// # Speed
//
// Text is built by appending precomputed strings to reused buffers; numbers
// are formatted with strconv, JSON escaping is a single pass, and nothing in
// the loop uses fmt or reflection. BenchmarkWrite reports MB/s.
package gen
