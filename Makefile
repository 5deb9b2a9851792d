# 触点营销 course site. `make help` lists the targets.
# On a fresh machine `make serve` and `make test` do their own set-up (venv, pinned deps, npm ci).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
HOST ?= 127.0.0.1:8000
# A curriculum (curricula/<id>.yml) to build or serve instead of the full course
CURRICULUM ?=
# participant (default) or trainer: a trainer's site also shows the facilitator notes
AUDIENCE ?=
HANDOUT_SITE = .stamps/handout-site
DIST_SITE = .stamps/dist-site
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.DEFAULT_GOAL := help
.PHONY: help setup serve build classroom dist handouts check test test-python lint bench lock schema clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

# pip's own chatter (and setuptools' warnings while installing the package itself) goes to a
# log that is shown only when an install fails, so a clean set-up looks clean.
PIP = $(BIN)/python -m pip --disable-pip-version-check
define pip_quietly
	@$(PIP) $(1) > $(STAMPS)/pip.log 2>&1 || { cat $(STAMPS)/pip.log; echo "pip $(1) failed (log above)"; exit 1; }
endef

# What serving needs: the site's Python packages and its two browser libraries.
$(STAMPS)/venv: requirements.lock pyproject.toml
	@mkdir -p $(STAMPS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV). On Debian/Ubuntu install the venv module first:"; \
	  echo "    sudo apt-get install -y python3-venv"; exit 1; }
	@echo "Installing the site's Python packages (requirements.lock) into $(VENV)..."
	$(call pip_quietly,install --upgrade pip)
	$(call pip_quietly,install -r requirements.lock)
	$(call pip_quietly,install --no-deps -e .)
	@touch $@

$(STAMPS)/npm: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	@rm -f $(STAMPS)/npm-test
	@touch $@

# What testing adds: pytest, Playwright, ruff, mypy (requirements-test.lock) and axe-core.
$(STAMPS)/test-deps: $(STAMPS)/venv requirements-test.lock
	@echo "Installing the test tools (requirements-test.lock)..."
	$(call pip_quietly,install -r requirements-test.lock)
	@touch $@

$(STAMPS)/npm-test: $(STAMPS)/npm package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STAMPS)/chromium:
	@mkdir -p $(STAMPS)
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium (browser tests) and poppler-utils (print tests)..."; \
	    (apt-get install -y chromium fonts-noto-cjk poppler-utils || (apt-get update && apt-get install -y chromium fonts-noto-cjk poppler-utils)) >/dev/null; \
	  else \
	    echo "The browser and print tests need Debian's chromium and poppler-utils. Install them with:"; \
	    echo "    sudo apt-get install -y chromium fonts-noto-cjk poppler-utils"; \
	    echo "then run make test again."; exit 1; \
	  fi; \
	fi
	@touch $@

setup: $(STAMPS)/venv $(STAMPS)/npm ## create .venv and install what serving and building need (pinned)

serve: setup ## build and serve the site at http://127.0.0.1:8000 with live reload (CURRICULUM=<id>: one curriculum's site)
	COURSE_CURRICULUM=$(CURRICULUM) COURSE_AUDIENCE=$(AUDIENCE) $(BIN)/mkdocs serve --livereload --no-strict -a $(HOST)

build: setup ## strict build of the site into site/ (CURRICULUM=<id>: one curriculum's site, into site-<id>/; AUDIENCE=trainer: with the notes)
	COURSE_CURRICULUM=$(CURRICULUM) COURSE_AUDIENCE=$(AUDIENCE) $(BIN)/mkdocs build --strict

dist: setup ## a zip of the offline site in dist/ (CURRICULUM=<id> for a curriculum's site)
	COURSE_CURRICULUM=$(CURRICULUM) $(BIN)/mkdocs build --strict -q -d $(DIST_SITE)
	$(BIN)/course dist --site $(DIST_SITE) --out dist/touchpoint-marketing$(if $(CURRICULUM),-$(CURRICULUM)).zip

handouts: setup ## the workbook and the trainer guide as PDF in handouts/ (CURRICULUM=<id> for a curriculum's)
	COURSE_CURRICULUM=$(CURRICULUM) $(BIN)/mkdocs build --strict -q -d $(HANDOUT_SITE)
	COURSE_CURRICULUM=$(CURRICULUM) COURSE_AUDIENCE=trainer $(BIN)/mkdocs build --strict -q -d $(HANDOUT_SITE)-trainer
	$(BIN)/course handouts --site $(HANDOUT_SITE) --name $(or $(CURRICULUM),course)
	$(BIN)/course handouts --site $(HANDOUT_SITE)-trainer --name $(or $(CURRICULUM),course)

# The classroom: the built site on the laptop's network, gzipped, with the address and a QR code.
CLASSROOM_PORT ?= 8000
classroom: build ## build, then serve site/ to the phones in the room (gzip; address and QR code)
	@test -f site/index.html || { echo "site/index.html is missing: the build did not write the site (see above)."; exit 1; }
	$(BIN)/course classroom --dir site --port $(CLASSROOM_PORT)

check: setup ## check every case, scale and chapter file; list every error with file, line and field
	$(BIN)/course check

schema: setup ## regenerate the JSON Schemas in macros/schemas from the models
	$(BIN)/course schema

lint: setup $(STAMPS)/test-deps ## ruff and mypy
	$(BIN)/ruff check macros tests scripts
	$(BIN)/mypy

test: setup $(STAMPS)/test-deps $(STAMPS)/npm-test $(STAMPS)/chromium lint ## run every test (unit, strict build, search, browser, Node)
	$(BIN)/course schema --check
	$(BIN)/course scales-json $(STAMPS)/scales.json
	SCALES_JSON=$(STAMPS)/scales.json node --test tests/js/
	$(BIN)/python -m pytest

bench: setup ## build synthetic libraries of 100 and 1,000 cases; compare with plain Material
	$(BIN)/python scripts/bench.py

LOCK_FLAGS = --quiet --strip-extras --no-emit-index-url --no-emit-find-links

lock: $(STAMPS)/venv ## re-resolve requirements.lock and requirements-test.lock from pyproject.toml
	$(call pip_quietly,install pip-tools==7.6.2)
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra test --output-file requirements-test.lock pyproject.toml
	@# the serving lock is resolved with the test lock's pins as preferences, so both agree
	cp requirements-test.lock requirements.lock
	$(BIN)/pip-compile $(LOCK_FLAGS) --output-file requirements.lock pyproject.toml

clean: ## remove everything generated (keeps .venv and node_modules)
	rm -rf site site-* handouts dist .stamps/handout-site* .stamps/dist-site .pytest_cache .ruff_cache .mypy_cache test-results $(STAMPS)/scales.json
	@# pages and vendor files that versions before the in-memory build wrote into docs/
	rm -rf docs/cases docs/scales docs/javascripts/vendor
	find . -name __pycache__ -type d -not -path './.venv/*' -not -path './node_modules/*' -prune -exec rm -rf {} +
