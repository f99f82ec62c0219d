# Two commands set everything up: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint layers typecheck test-min bench demo pictures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/gespreks $(ARGS)

demo: $(VENV)/.installed-run
	$(BIN)/gespreks demo

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks

# The layers (which package may import which) and the type checker, configured
# in pyproject.toml.
layers: $(VENV)/.installed-test
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# The lowest versions pyproject.toml allows (constraints/minimum.txt), in a venv
# of their own: the store, the command line and a few screens. Reinstalled only
# when pyproject.toml or the constraints change.
VENV_MIN := .venv-min
MIN_TESTS := tests/test_store.py tests/test_cycle_store.py tests/test_appraisal.py \
	tests/test_db_open.py tests/test_cli.py tests/test_cycle_cli.py tests/test_minutes_cli.py \
	tests/test_privacy_cli.py tests/test_templates.py tests/test_minutes_render.py \
	tests/test_dependency_floors.py tests/test_tui_timer.py tests/test_minutes_pdf.py \
	tests/test_robust_hostile.py::test_bad_due_dates_are_refused_with_the_message_and_nothing_is_lost

$(VENV_MIN)/bin/python:
	$(PYTHON) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python -m pip install --quiet --upgrade pip

$(VENV_MIN)/.installed: pyproject.toml constraints/minimum.txt | $(VENV_MIN)/bin/python
	$(VENV_MIN)/bin/python -m pip install --quiet -c constraints/minimum.txt \
		-e . "pytest>=8.0" "pytest-asyncio>=0.23" "hypothesis>=6.100" "pypdf>=4.0"
	touch $@

test-min: $(VENV_MIN)/.installed
	GESPREKS_MINIMUM_VERSIONS=constraints/minimum.txt \
		$(VENV_MIN)/bin/python -m pytest -p no:cacheprovider $(MIN_TESTS)

test: $(VENV)/.installed-test lint layers typecheck test-min
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/run.py

# The README's pictures (docs/): screenshots of the app on the demo data, as SVG, and
# as PNG where rsvg-convert is installed; the PDF minutes' first pages with pdftoppm.
pictures: $(VENV)/.installed-run
	$(BIN)/python scripts/readme_pictures.py --out docs

clean:
	rm -rf $(VENV) $(VENV_MIN) dist build .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .grimp_cache
