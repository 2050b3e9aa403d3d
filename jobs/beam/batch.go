package beam

// Sizes. A read bundle writes its records as parts of at most
// rowsPerPart articles or claims, and sends a kind's batches when they hold
// batchBytes (before compression).
const (
	rowsPerPart         = 128 << 10
	conflictRowsPerPart = 256 << 10
	batchBytes          = 4 << 20
)

// shardOf returns key's shard among n: FNV-1a, the same on every worker.
func shardOf(key string, n int) int {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return int(h % uint64(n))
}

// batcher gathers encoded entries per shard and emits them as packed
// batches.
type batcher struct {
	shards []enc
	size   int
}

func newBatcher(n int) *batcher { return &batcher{shards: make([]enc, n)} }

// add encodes one entry into shard's batch with write, and emits every
// batch when they hold batchBytes.
func (b *batcher) add(shard int, write func(*enc), emit func(int, []byte)) {
	e := &b.shards[shard]
	before := len(e.b)
	write(e)
	b.size += len(e.b) - before
	if b.size >= batchBytes {
		b.flush(emit)
	}
}

// flush emits every non-empty batch.
func (b *batcher) flush(emit func(int, []byte)) {
	for i := range b.shards {
		if len(b.shards[i].b) > 0 {
			emit(i, pack(b.shards[i].b))
			b.shards[i].b = b.shards[i].b[:0]
		}
	}
	b.size = 0
}

// unpackAll decodes the entries of a shard's batches with next, keeping
// those keep accepts (all when keep is nil).
func unpackAll[T any](batches func(*[]byte) bool, next func(*dec) T, keep func(T) bool) ([]T, error) {
	var out []T
	var b []byte
	for batches(&b) {
		d, err := unpack(b)
		if err != nil {
			return nil, err
		}
		for d.more() {
			if v := next(d); d.err == nil && (keep == nil || keep(v)) {
				out = append(out, v)
			}
		}
		if d.err != nil {
			return nil, d.err
		}
	}
	return out, nil
}
