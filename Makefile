# The project's interface. Every target installs what it needs into .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: serve build test check lint clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

## serve: live preview at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/python -m mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## build: check the content, then build site/ (the previous site/ is kept if anything fails)
build: $(STAMP)
	$(BIN)/python -m scripts build

## test: the whole test suite
test: lint
	$(BIN)/python -m pytest

## lint: ruff format check and lint of the Python code
lint: $(STAMP)
	$(BIN)/ruff format --check scripts tests
	$(BIN)/ruff check scripts tests

clean:
	rm -rf site .site-build-*
