# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench vectors classifier clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Index the knowledge base, then start the bot on Telegram if TELEGRAM_BOT_TOKEN is set, else the terminal chat.
run: $(STAMP)
	$(BIN)/python -m bot start

## The whole suite: unit, integration and end-to-end tests.
test: $(STAMP)
	$(BIN)/python -m pytest

## The inner loop: everything but the tests that start the bot as a separate process (marked e2e).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e"

lint: $(STAMP)
	$(BIN)/ruff check bot tests scripts
	$(BIN)/ruff format --check bot tests scripts

bench: $(STAMP)
	$(BIN)/python scripts/bench_engine.py

## After editing cards: ship their e5 vectors (knowledge/vectors/) so that a first index build embeds nothing.
vectors: $(STAMP)
	$(BIN)/python scripts/ship_vectors.py

## After adding or removing cards, or adding a dev question file: fit the card classifier again (about 4 min).
classifier: $(STAMP)
	$(BIN)/python scripts/fit_classifier.py

clean:
	rm -rf $(VENV) data
