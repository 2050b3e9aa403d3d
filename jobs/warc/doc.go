// Package warc reads WARC files (ISO 28500: WARC/1.0, WARC/1.1 and the
// older WARC/0.x drafts) as a stream of records.
//
// In: an io.Reader holding a WARC file, plain or gzipped (a gzipped file
// is recognised by its first bytes, whatever its name). Out: records, one
// at a time from Reader.Next, each with its header fields, its offset in
// the input, and its block as an io.Reader of exactly Content-Length bytes.
// Nothing is read ahead beyond a few buffers: memory does not grow with the
// file or with a record's size.
//
// # Errors and recovery
//
// A damaged part of the input does not end the reading. Next and a
// record's Body report it as an *Error carrying the offset of the damaged
// part and one of ErrTruncated, ErrCorrupt or ErrFormat; the next call to
// Next goes on with the first good record after it. The rules:
//
//   - Records are delimited by Content-Length alone. After a block the
//     reader skips up to four CR or LF bytes (the record's closing
//     CRLF CRLF, leniently) and expects the next version line ("WARC/...").
//     Blank lines (also lines of spaces and tabs) before it are skipped.
//   - A record whose header is malformed (no Content-Length, a line that
//     is too long, a header over 256 KiB) is reported as ErrFormat, and so
//     is anything other than a version line where a record should start.
//     Reading resumes at the next line that starts with "WARC/".
//   - A gzipped file is read gzip member by member. A member that cannot be
//     decoded (bad header, corrupt deflate data, wrong CRC or size) is
//     reported as ErrCorrupt; one cut short by the end of the input as
//     ErrTruncated. Reading resumes at the first gzip header (the bytes
//     1f 8b 08 followed by a plausible flag, XFL and OS byte) that starts
//     after the first byte of the bad member, searching the bytes the bad
//     member consumed too, so a good member that a corrupt one ran into is
//     not lost. That look-back is kept for members of up to 4 MiB of
//     compressed data; after a larger bad member the search starts where
//     decoding stopped. The record that was being read from the bad member
//     is reported, not returned, and reading resumes at the next version
//     line after the member boundary.
//   - A member's CRC and size are checked when its end is reached. With one
//     record per member (as the WARC standard recommends and Common Crawl
//     writes), the check happens before the record's Body returns io.EOF, so
//     a record is either read whole and checked, or reported. When a member
//     holds several records, a failure is reported on the record being read
//     when the member ends. When a record starts a member and more than
//     blank lines follow its block inside that member, the reader reads on
//     to the member's end (or the next version line): if the member then
//     fails, the record is reported with it; if not, the extra bytes are
//     reported as ErrFormat after the record.
//   - A record cut short by the end of the input is reported as
//     ErrTruncated with the offset of the record (of its member in a
//     gzipped file).
//
// Offsets are byte offsets in the input as given: of the record's version
// line in a plain file, of the gzip member that holds the record's start in
// a gzipped one (the offset a CDX index stores). Errors that come from the
// underlying io.Reader itself are returned as they are and end the reading.
package warc
