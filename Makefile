# Two commands do all set-up:  `make serve`  and  `make test`.
# Both create .venv and install the pinned, hash-checked packages first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

# Material 9.8 prints an end-of-life notice on every run; keep logs readable.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build test test-fast lint bench packages browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements/docs.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt
	@touch $@

$(VENV)/.test-deps: requirements/docs.txt requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt -r requirements/test.txt
	@touch $@ $(VENV)/.site-deps

# A second environment with ProperDocs, the maintained MkDocs 1.x fork: the
# tests build the site with it too, so the exit path of decision 0002 stays proven.
.venv-properdocs/.deps: requirements/properdocs.txt
	$(PYTHON) -m venv .venv-properdocs
	.venv-properdocs/bin/pip install --quiet --require-hashes -r requirements/properdocs.txt
	@touch $@

## serve: the site at http://127.0.0.1:8000, rebuilt on every change
serve: $(VENV)/.site-deps packages
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## build: a strict build into site/
build: $(VENV)/.site-deps packages
	$(BIN)/mkdocs build --strict

## test: every test, with coverage of study/ (installs Debian's chromium if it is missing)
test: $(VENV)/.test-deps .venv-properdocs/.deps browser
	rm -f .coverage .coverage.*
	$(BIN)/coverage run -m pytest -n 2
	$(BIN)/coverage combine -q
	$(BIN)/coverage report

## test-fast: the edit loop: data, pages, rendering and code checks, no builds and no browser (under a minute)
test-fast: $(VENV)/.test-deps packages
	$(BIN)/python -m pytest -q -m "not slow and not browser"

## lint: ruff and mypy over the code
lint: $(VENV)/.test-deps
	$(BIN)/ruff check study hooks scripts tests
	$(BIN)/mypy

## packages: Debian's graphviz and fonts-liberation, if missing (browser adds chromium)
packages:
	@scripts/install-debian-packages.sh

browser:
	@scripts/install-debian-packages.sh --browser

## bench: build overhead, page weight and (if installed) Lighthouse, into benchmarks/latest.json
bench: $(VENV)/.test-deps browser
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .venv-properdocs site .pytest_cache .coverage .coverage.*
