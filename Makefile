# Two commands on a fresh clone: `make demo` and `make test`. Each creates the
# virtual environment it needs (.venv) on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz lint bless bench real clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

## demo: run the extractor over examples/, print a summary, write out/examples.jsonl
demo: $(STAMP)
	@mkdir -p out
	$(BIN)/inspection-extract --quiet --format summary examples/
	$(BIN)/inspection-extract --format jsonl --output out/examples.jsonl examples/
	@echo "wrote out/examples.jsonl ($$(wc -l < out/examples.jsonl) records)"

## test: the whole test suite, then ruff and mypy
test: $(STAMP)
	$(BIN)/pytest
	$(BIN)/ruff check src tests benchmarks fixtures tools
	$(BIN)/mypy

## fuzz: the property tests at length (10,000+ random cases; a few minutes)
fuzz: $(STAMP)
	INSPECTION_EXTRACT_FUZZ=1 $(BIN)/pytest -m fuzz -p no:cacheprovider --hypothesis-show-statistics

## bless: rewrite the golden records in fixtures/ from the current output (review the diff!)
bless: $(STAMP)
	INSPECTION_EXTRACT_BLESS=1 $(BIN)/pytest tests/test_golden.py -q

## bench: speed and memory figures quoted in the README
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_limits.py
	$(BIN)/python benchmarks/bench_adversarial.py
	$(BIN)/python benchmarks/bench_scaling.py
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/batch_check.py --n 10000 --corrupt 100

## real: score the real published documents whose texts are in .real/ (fetches nothing)
real: $(STAMP)
	$(BIN)/python tools/real.py --families

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
