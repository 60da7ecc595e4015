# Jariya's two commands: `make run` and `make test`. Both install what is
# missing first, so a fresh Debian 12 machine with Swift needs nothing else.

SWIFT      ?= swift
DEMO_DB    ?= demo.sqlite
HOST       ?= 127.0.0.1
PORT       ?= 8080
JARIYA     := .build/debug/jariya

.PHONY: run test build system check-content clean screenshots fuzz bench

system:
	@scripts/install-system-packages

build: system
	$(SWIFT) build

## Build, create the demo database, serve it on http://$(HOST):$(PORT)/
run: build
	$(JARIYA) demo --db $(DEMO_DB) --reset --content .
	$(JARIYA) serve --db $(DEMO_DB) --host $(HOST) --port $(PORT)

## Check that every target imports only what its layer may (and test that
## check), build everything and run every test (the fuzz corpus replayed among
## them), then the officer's and HR's journeys in a real browser (Chromium
## through WebDriver), the server killed mid-load three times, and
## schemathesis over the served OpenAPI document as an officer and as HR.
test: system
	scripts/layer-check
	scripts/layer-check-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	@start=$$(date +%s) && scripts/browser-test && echo "browser-test: $$(( $$(date +%s) - start )) s"
	@start=$$(date +%s) && scripts/kill9-test && echo "kill9-test: $$(( $$(date +%s) - start )) s"
	@start=$$(date +%s) && scripts/api-schema-test && echo "api-schema-test: $$(( $$(date +%s) - start )) s"

## Coverage-guided fuzzing of the readers of untrusted input with libFuzzer,
## FUZZ_SECONDS per target (default 60); new inputs join the committed corpus.
fuzz: system
	scripts/fuzz

## Screenshots of the main pages at phone and desktop width, into docs/screenshots.
screenshots: build
	scripts/browser-test --screenshots docs/screenshots

## Check the sample courses and banks as a trainer would.
check-content: build
	$(JARIYA) course check Courses/*.xml Quizzes/*.xml

clean:
	rm -rf .build $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm

## The hardening figures of BENCHMARKS.md, from a release build (the longer
## benchmarks are listed at the top of Benchmarks/jariya-bench/main.swift),
## then the quiz load benchmark (Benchmarks/quiz-load; it builds the server itself).
bench: system
	$(SWIFT) build -c release --product jariya-bench
	.build/release/jariya-bench roster-preview 5000
	.build/release/jariya-bench checkin-guessing 3
	Benchmarks/quiz-load/run
