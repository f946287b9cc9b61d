# Two commands on a fresh machine with Python >= 3.11 (the README's quick start):
#   make explorer   builds the Battle of Aleppo explorer (and its classroom preset), prints the paths
#   make test       runs ruff, tsc, ESLint and the whole test suite (doctests, browser, notebooks, Spark)
# Both create and use their own virtual environment in .venv/. While working,
#   make test-fast  runs ruff and the tests without a browser, Spark or a long run (about two minutes of CPU).

VENV := .venv
BIN := $(VENV)/bin
# The first Python that is 3.11 or newer.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && { echo $$p; break; }; done)

.PHONY: explorer test test-fast install clean

explorer: $(VENV)/.installed
	@$(BIN)/alliance-graph build -o explorer/aleppo.html
	@$(BIN)/alliance-graph build -o explorer/aleppo-classroom.html --preset classroom

# Tests run on every core (pytest-xdist); --dist loadfile keeps each test file,
# with its module-wide browser or kernel, on one worker. `make test PYTEST_JOBS=0`
# runs them in one process (faster where the cores are shared with other work).
PYTEST_JOBS ?= auto

test: $(VENV)/.installed-test $(VENV)/.installed-spark node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx tsc -p .
	npx eslint graph/outputs/explorer/assets
	$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile

# The tests marked neither browser, slow nor spark (pyproject.toml): no Chromium,
# Java, Node or PySpark needed.
test-fast: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(PYTEST_JOBS) --dist loadfile -m "not browser and not slow and not spark"

install: $(VENV)/.installed

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@mkdir -p explorer
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@mkdir -p explorer
	@touch $@ $(VENV)/.installed

# PySpark (about 320 MB) only for the Spark tests, which `make test` runs and `make test-fast` skips.
$(VENV)/.installed-spark: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[spark]'
	@touch $@

# TypeScript (tsc --checkJs) and ESLint for the explorer's JavaScript, pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) explorer test-artifacts node_modules
