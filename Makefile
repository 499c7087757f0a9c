# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
#: the demo needs only the package's own dependencies, not the test tools (browser driver, notebook kernel, ...)
DEMO_STAMP := $(VENV)/.installed-demo
LISTING := examples/hf-daily-papers-listing.txt

.PHONY: demo test install neo4j-start neo4j-stop clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python >= 3.11 is needed)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $(DEMO_STAMP)

$(DEMO_STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python >= 3.11 is needed)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(DEMO_STAMP)

## Build the example listing into ./kg.db with no server and no Semantic Scholar, then write the views.
demo: $(DEMO_STAMP)
	bash tools/demo.sh

## Run the whole suite, starting the real Neo4j (and installing Chromium) it needs.
test: $(STAMP)
	bash tools/run-tests.sh

neo4j-start:
	bash tools/neo4j-test-server/server.sh start

neo4j-stop:
	bash tools/neo4j-test-server/server.sh stop

clean:
	rm -rf kg.db out .pytest_cache
