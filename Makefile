# claimscan: build, run, test.
GO       ?= go
BIN      := bin/claimscan
FUZZTIME ?= 30s
FUZZFLAGS ?=
# Tests of ./jobs run before its first fuzz target (none by default).
JOBSRUN  ?= ^$$
PKGS     := ./...

.PHONY: all build run test race race-fuzz ci check bench golden fuzz fuzz-smoke clean tidy-check

all: build

build:
	$(GO) build -o $(BIN) ./cmd/claimscan

# Run the job on the sample corpus built into the binary; replaces ./out/.
run: build
	./$(BIN) run --overwrite --out out

# Every test, including the read-back of a dataset by DuckDB.
test:
	$(GO) vet $(PKGS)
	@unformatted=$$(gofmt -l cmd jobs schema output fixtures); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) test -count=1 $(PKGS)

race:
	$(GO) test -race -count=1 ./jobs/... ./output/... ./schema/...

# The runner's package (./jobs: reader, workers, sequencer, part writers)
# under the race detector, then every fuzz target for 10 s under it too: one
# race- and fuzz-instrumented build serves both, where separate builds
# would cost as much again.
race-fuzz:
	$(MAKE) fuzz FUZZTIME=10s FUZZFLAGS='-race -count=1' JOBSRUN=.

# What CI runs (.ci/run).
ci: test race-fuzz

check:
	@test -z "$$(gofmt -l cmd jobs schema output fixtures)" || (gofmt -l cmd jobs schema output fixtures; exit 1)
	$(GO) vet $(PKGS)

tidy-check:
	$(GO) mod tidy && git diff --exit-code go.mod go.sum

# Benchmarks of every stage (MB/s) and of the whole job on a generated corpus.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./jobs ./jobs/extract ./jobs/source ./jobs/conflict ./schema ./output
	$(GO) test -run '^$$' -bench BenchmarkJob -benchtime 1x -timeout 60m ./jobs/e2e

# Rewrite the golden tables from the fixtures corpus (on purpose only).
golden:
	$(GO) test ./jobs/e2e -run TestGolden -update

fuzz:
	$(GO) test $(FUZZFLAGS) ./jobs -run '$(JOBSRUN)' -fuzz '^FuzzJSONL$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs -run '^$$' -fuzz '^FuzzDecodeArticle$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs -run '^$$' -fuzz '^FuzzRuneCount$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/extract -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/extract -run '^$$' -fuzz '^FuzzSentences$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/warc -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME)

fuzz-smoke:
	$(MAKE) fuzz FUZZTIME=5s

clean:
	rm -rf bin out
