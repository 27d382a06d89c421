# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run index serve test lint bench clean

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

run: index
	$(BIN)/python app.py

test: install
	HF_HUB_OFFLINE=1 $(BIN)/pytest -q

lint: install
	$(BIN)/ruff check assistant tests app.py
	$(BIN)/ruff format --check assistant tests app.py

clean:
	rm -rf index .pytest_cache
