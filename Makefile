# Skillstack — two commands on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
CORE_VENV := .venv-core
BIN := $(VENV)/bin
STAMPS := .make-stamps
ADDR ?= 127.0.0.1:8000

.PHONY: install demo test lint test-core test-app test-browser test-postgres clean help

help:
	@echo "make demo   install, load demo data, run the app on http://$(ADDR)"
	@echo "make test   install, lint, run every test (browser tests included)"

## install: everything the app and its tests need; idempotent and quick when nothing changed
install: $(STAMPS)/python $(STAMPS)/core $(STAMPS)/node

$(STAMPS)/python: pyproject.toml obcore/pyproject.toml scripts/ensure-weasyprint.sh
	@mkdir -p $(STAMPS)
	bash scripts/ensure-weasyprint.sh
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ./obcore -e ".[dev]"
	@touch $@

# obcore's tests run in a venv without Django: proof that the standards core stands alone.
$(STAMPS)/core: obcore/pyproject.toml
	@mkdir -p $(STAMPS)
	test -x $(CORE_VENV)/bin/python || $(PYTHON) -m venv $(CORE_VENV)
	$(CORE_VENV)/bin/pip install --quiet --disable-pip-version-check -e "./obcore[test]"
	@touch $@

$(STAMPS)/node: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

demo: install
	$(BIN)/skillstack migrate --noinput
	$(BIN)/skillstack demo
	$(BIN)/skillstack serve --with-worker --addr $(ADDR)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/codespell src obcore/src tests e2e benchmarks docs README.md
	$(BIN)/lint-imports
	$(BIN)/mypy --strict obcore/src/obcore
	$(BIN)/mypy src/skillstack

test-core: install
	CI=$${CI:-} $(CORE_VENV)/bin/python -c "import importlib.util as u, sys; sys.exit(u.find_spec('django') is not None)" \
	  || { echo "obcore's venv must not have Django"; exit 1; }
	$(CORE_VENV)/bin/python -m pytest -q -p no:cacheprovider obcore/tests

# Two workers (pytest-xdist): each gets its own test database; shared caches are locked.
test-app: install
	$(BIN)/python -m pytest -q -n 2 tests

test-browser: install
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q e2e

## test: lint, the standards core without Django, the app, and the browser tests
test: lint test-core test-app test-browser

clean:
	rm -rf $(VENV) $(CORE_VENV) $(STAMPS) node_modules var
