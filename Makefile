# claimscan: build, run, test.
GO       ?= go
BIN      := bin/claimscan
FUZZTIME ?= 30s
FUZZFLAGS ?=
# Tests of ./jobs/input run before its first fuzz target (none by default).
INPUTRUN ?= ^$$
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

# The runner's packages under the race detector (./jobs: reader, workers,
# sequencer, part writers; ./jobs/stage), then every fuzz target for 10 s
# under it too; the readers' tests (./jobs/input) run in the race- and
# fuzz-instrumented build of their first fuzz target, where a separate
# build would cost as much again.
race-fuzz:
	$(GO) test -race -count=1 ./jobs ./jobs/stage
	$(MAKE) fuzz FUZZTIME=10s FUZZFLAGS='-race -count=1' INPUTRUN=.

# What CI runs (.ci/run).
ci: test race-fuzz

check:
	@test -z "$$(gofmt -l cmd jobs schema output fixtures)" || (gofmt -l cmd jobs schema output fixtures; exit 1)
	$(GO) vet $(PKGS)

tidy-check:
	$(GO) mod tidy && git diff --exit-code go.mod go.sum

# Benchmarks of every stage (MB/s) and of the whole job on a generated corpus.
bench:
	$(GO) test -run '^$$' -bench . -benchtime 3x ./jobs ./jobs/input ./jobs/extract ./jobs/source ./jobs/conflict ./schema ./output
	$(GO) test -run '^$$' -bench BenchmarkJob -benchtime 1x -timeout 60m ./jobs/e2e

# Rewrite the golden tables from the fixtures corpus (on purpose only).
golden:
	$(GO) test ./jobs/e2e -run TestGolden -update

fuzz:
	$(GO) test $(FUZZFLAGS) ./jobs/input -run '$(INPUTRUN)' -fuzz '^FuzzJSONL$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/input -run '^$$' -fuzz '^FuzzDecodeArticle$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/input -run '^$$' -fuzz '^FuzzRuneCount$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/extract -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/extract -run '^$$' -fuzz '^FuzzSentences$$' -fuzztime $(FUZZTIME)
	$(GO) test $(FUZZFLAGS) ./jobs/warc -run '^$$' -fuzz '^FuzzReader$$' -fuzztime $(FUZZTIME)

fuzz-smoke:
	$(MAKE) fuzz FUZZTIME=5s

clean:
	rm -rf bin out
