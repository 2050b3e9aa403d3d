package schema

import (
	"fmt"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// BenchmarkClaimsBuilder builds claims batches of the size a worker's chunk
// gives (about 5,000 claims), with the repetition of real output: many
// claims per article, few outlets, predicates and sources. Rows are
// appended an article (19 claims) at a time, as the workers do.
func BenchmarkClaimsBuilder(b *testing.B) {
	base := sampleClaims()[0]
	rows := make([]Claim, 5000)
	var bytes int64
	for i := range rows {
		c := base
		c.ArticleID = fmt.Sprint("article-", i/19)
		c.ClaimID = ClaimID(c.ArticleID, int32(i), int32(i+10), KindQuantity)
		c.Sentence = fmt.Sprintf("%s (sentence %d)", base.Sentence, i/2)
		c.Outlet = fmt.Sprint("outlet-", i/19%40)
		c.Source = []string{"Syrian Observatory for Human Rights", "", "UN OCHA", "UOSSM"}[i%4]
		c.Predicate = []string{"killed", "injured", "displaced"}[i%3]
		c.Location = fmt.Sprint("place-", i/19%90)
		bytes += int64(len(c.Sentence) + len(c.Quote) + len(c.ArticleID) + len(c.ClaimID) + len(c.ClaimKey) + len(c.SourceMention))
		rows[i] = c
	}
	mem := memory.NewGoAllocator()
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		bl := Claims.NewBuilder(mem)
		for i := 0; i < len(rows); i += 19 {
			bl.Append(rows[i:min(i+19, len(rows))]...)
		}
		rec := bl.NewRecordBatch()
		rec.Release()
		bl.Release()
	}
}
