# The two commands: `make lab` and `make test`. Each builds .venv first if it
# is missing (or if requirements.txt / pyproject.toml changed since).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Extra flags for JupyterLab, e.g. LAB_ARGS="--no-browser --allow-root --port 8899"
LAB_ARGS ?=
PYTEST_ARGS ?=

.PHONY: lab test unit notebooks lint bench clean

$(STAMP): requirements.txt pyproject.toml binder/overrides.json
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v[:2] == (3, 11) else print(f"warning: Python {v[0]}.{v[1]}; the pins are tested on 3.11"))' || true
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	# The same JupyterLab settings as on Binder (widget-friendly windowing, no news pop-up).
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(LAB_ARGS)

# Lint, unit tests, then every notebook re-executed and compared by nbval.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --nbval -n auto --dist loadscope $(PYTEST_ARGS) tests notebooks

unit: $(STAMP)
	$(BIN)/python -m pytest -n auto tests $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval -n auto --dist loadscope notebooks $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	@for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV)
