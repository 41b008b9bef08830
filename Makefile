# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: run test check lint index bench clean install

run: index ## set up, build the index if needed, serve the web UI
	$(BIN)/searcher serve --host $(HOST) --port $(PORT)

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock -r requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Bring the index in line with corpus/: new and changed files indexed, deleted ones
# removed (by content hash); a full build only for a new index or an older schema.
# A partial batch (some article skipped, each named) still serves: exit 1 is not fatal.
index: $(STAMP)
	$(BIN)/searcher sync || test $$? -eq 1

test: $(STAMP) ## everything, browser tests included (CI)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -q

check: $(STAMP) ## the fast tier for the edit loop: no slow or browser tests (under 30 s)
	$(BIN)/ruff check .
	$(BIN)/pytest -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Baselines for the benchmarks only (tantivy, bm25s): never needed by `make test`.
$(BENCH_STAMP): $(STAMP) requirements-bench.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-bench.lock
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP) ## ranking, speed and load figures into BENCHMARKS.md (needs ../shared)
	$(PY) bench/segmentation.py
	$(PY) bench/relevance.py
	$(PY) bench/judged.py
	$(PY) bench/known_item.py
	$(PY) bench/spelling.py
	$(PY) bench/evaluate.py
	$(PY) bench/html_shapes.py
	$(PY) bench/speed.py
	$(PY) bench/load.py
	$(PY) bench/type_to_paint.py

	$(PY) bench/load.py --slow-clients --articles 3000 --seconds 30

clean:
	rm -rf $(VENV) index/* build *.egg-info
