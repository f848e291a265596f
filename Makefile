# Two commands do all set-up:  `make serve`  and  `make test`.
# Both create .venv and install the pinned, hash-checked packages first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

# Material 9.8 prints an end-of-life notice on every run; keep logs readable.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: serve build test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements/docs.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt
	@touch $@

$(VENV)/.test-deps: requirements/docs.txt requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt -r requirements/test.txt
	@touch $@ $(VENV)/.site-deps

## serve: the site at http://127.0.0.1:8000, rebuilt on every change
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## build: a strict build into site/
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

## test: every test (installs Debian's chromium if it is missing)
test: $(VENV)/.test-deps browser
	$(BIN)/python -m pytest

browser:
	@scripts/install-browser.sh

clean:
	rm -rf $(VENV) site .pytest_cache
