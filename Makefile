# The project's interface. Every target installs what it needs into .venv from requirements.txt.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Material's end-of-life notice (the variable it names itself); see README, Maintenance.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check stale translations synced page lint clean system-check audit preview-prod bench bench-search deploy-config

$(STAMP): requirements.txt pyproject.toml
	@# Debian's python3 lacks venv until python3-venv is installed (a command that never exists forces it).
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || bash scripts/serving/system-packages.sh ensurepip-missing=python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@# The build plugin (scripts/plugin/) is found by its entry point: install this folder as a
	@# package, editable (the code runs from here), with the pinned setuptools just installed.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation \
		--config-settings editable_mode=compat -e .
	touch $(STAMP)

# Browser-side test and audit tools (axe-core, Lighthouse), pinned in package-lock.json.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@bash scripts/serving/system-packages.sh node=nodejs npm=npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# System packages the browser tests, serving tests and the audit need (Debian names), installed
# with apt-get when missing (scripts/serving/system-packages.sh says how when it cannot).
system-check:
	@bash scripts/serving/system-packages.sh chromium=chromium nginx=nginx node=nodejs npm=npm

## serve: live preview at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/python -m scripts serve --port $(PORT)

## build: check the content, then build site/ (the previous site/ is kept if anything fails)
build: $(STAMP)
	$(BIN)/python -m scripts build

## check: fast content checks, no build (errors as path:line: what — how to fix)
check: $(STAMP)
	$(BIN)/python -m scripts check

## stale: contacts and laws last checked more than six months ago (exit 1 if any; monthly workflow)
stale: $(STAMP)
	$(BIN)/python -m scripts stale

## translations: every translation pair: up to date, outdated or missing (exit 1 if any is not)
translations: $(STAMP)
	$(BIN)/python -m scripts translations

## synced: mark a translation as up to date after editing it, e.g. make synced PAGE=docs/id/help/index.md
synced: $(STAMP)
	@test -n "$(PAGE)" || { echo "Give the translation's file: make synced PAGE=docs/id/help/index.md"; exit 2; }
	$(BIN)/python -m scripts synced "$(PAGE)"

## page: create a page in both languages and add it to the nav, e.g. make page PAGE=treatment/example
page: $(STAMP)
	@test -n "$(PAGE)" || { echo "Give the page: make page PAGE=treatment/example"; exit 2; }
	$(BIN)/python -m scripts page "$(PAGE)"

## audit: build, serve with nginx, Lighthouse on sampled pages and axe-core on every page (a report)
audit: $(STAMP) $(NODE_STAMP) system-check
	$(BIN)/python -m scripts audit

## preview-prod: build if needed and serve site/ with nginx as production would, e.g. PORT=8080
preview-prod: $(STAMP)
	@bash scripts/serving/system-packages.sh nginx=nginx
	@test -f site/index.html || $(BIN)/python -m scripts build
	$(BIN)/python -m scripts preview-prod --port $(if $(filter command line environment,$(origin PORT)),$(PORT),8080)

## deploy-config: the production nginx server block deploy/nginx/kb-site.conf, from a fresh build
deploy-config: build
	$(BIN)/python -m scripts deploy-config

## bench: build cost at 100, 1,000 and 5,000 pages per language, against plain Material (a report)
bench: $(STAMP)
	$(BIN)/python -m scripts bench

## bench-search: search payload, keystroke-to-results time and hit rate, vs Material's lunr
bench-search: $(STAMP) system-check
	$(BIN)/python -m scripts bench-search

## test: the whole test suite
test: lint system-check $(NODE_STAMP)
	$(BIN)/python -m pytest

## lint: ruff format check and lint of the Python code
lint: $(STAMP)
	$(BIN)/ruff format --check scripts tests
	$(BIN)/ruff check scripts tests

clean:
	rm -rf site .site-build-*
