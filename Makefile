# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: fit-reading install run index serve test lint bench fit clean

install: $(STAMP)

# torch is pinned first: this machine ships a CPU build of 2.13.0, and an unpinned torch
# (pulled in by sentence-transformers) would download a multi-GB CUDA build.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

index: install
	$(BIN)/assistant index

# Both apps: public (widget /widget, API /api/*, docs /docs, viewer /view) on ASSISTANT_PORT
# (7860); staff (chat /, admin, behind sign-in: `assistant users add NAME`) on ASSISTANT_STAFF_PORT (7861).
run: index
	$(BIN)/assistant serve

serve: install
	$(BIN)/assistant serve

# axe-core (accessibility tests) from npm, pinned in package-lock.json; skipped where npm is absent.
node_modules/.package-lock.json: package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund; fi

test: install node_modules/.package-lock.json
	HF_HUB_OFFLINE=1 $(BIN)/pytest -q

lint: install
	$(BIN)/ruff check assistant tests app.py
	$(BIN)/ruff format --check assistant tests app.py

# Benchmarks (under 15 minutes on 2 cores): report and plot in bench/results/ (git-ignored).
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e ".[test,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m bench

# Re-fit the answer-or-refuse decision after a change to retrieval, answering or ingest (README
# "Quality"): asks eval/suite.toml's sets (indexes cached), writes eval/decision-features.csv and
# assistant/data/decision.json. `python -m assistant.fit_decision --from-csv` re-fits the table only.
fit: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m assistant.fit_decision

# How a word typed without diacritics is read (spelling.READING_GAP): prints the grid's errors.
fit-reading: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m assistant.fit_reading

clean:
	rm -rf index .pytest_cache
