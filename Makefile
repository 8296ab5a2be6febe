# The two commands: `make lab` and `make test`. Each builds .venv first if it
# is missing (or if requirements.txt / pyproject.toml changed since).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Extra flags for JupyterLab, e.g. LAB_ARGS="--no-browser --allow-root --port 8899"
LAB_ARGS ?=
PYTEST_ARGS ?=

.PHONY: lab lab-zh test test-browser test-binder test-latest unit notebooks execute repoint lint bench gif student slides clean

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

# The Chinese edition (中文版): the same, opening notebooks/zh/00_start_here.ipynb.
lab-zh: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/zh/00_start_here.ipynb $(LAB_ARGS)

# Lint, unit tests, then every notebook re-executed and compared by nbval.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest --nbval -n auto --dist loadscope --ignore=tests/browser $(PYTEST_ARGS) tests notebooks

# Every notebook with widgets in a real JupyterLab in headless Chromium (Debian's /usr/bin/chromium;
# skipped without it). Screenshots go to screenshots/ (or $$BROWSER_SCREENSHOTS).
test-browser: $(STAMP)
	$(BIN)/python -m pytest -s -rs tests/browser $(PYTEST_ARGS)

# What mybinder.org builds from binder/, replayed without Docker in a fresh environment, then nbval and
# the browser suite in it (see .ci/binder_replay.sh). Needs no .venv; takes a few minutes.
test-binder:
	bash .ci/binder_replay.sh

unit: $(STAMP)
	$(BIN)/python -m pytest -n auto --ignore=tests/browser tests $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(BIN)/python -m pytest --nbval -n auto --dist loadscope -p no:hypothesispytest notebooks $(PYTEST_ARGS)

# The canary: unit tests and nbval against the newest release of every dependency, in build/latest (a copy of
# the source and its own environment: .venv and the committed notebooks are not touched). Prints a report.
LATEST_REPORT ?= build/latest-report.md
test-latest:
	$(PYTHON) -m tools.latest --report $(LATEST_REPORT)

# Point every Binder and nbviewer link at a fork: `make repoint REPO=someone/fork` (default: the GitHub
# repository of `git remote get-url origin`). See tools/repoint.py.
REPO ?=
repoint: $(STAMP)
	$(BIN)/python -m tools.repoint $(REPO)

# Re-run notebooks in place from a fresh kernel and save them as JupyterLab does, without widget state (see
# tools/execute.py): `make execute NB=notebooks/02_likelihood_to_loss.ipynb`; all of them, both editions, by default.
NB ?=
execute: $(STAMP)
	$(BIN)/python -m tools.execute $(NB)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	@for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

# The student edition of both editions: every notebook with its solution cells replaced by stubs, in
# build/student/ (English) and build/student/zh/ (Chinese); generated, never committed (see tools/student.py).
student: $(STAMP)
	$(BIN)/python -m tools.student build/student

# Reveal.js decks of notebooks 03 and 07 for projecting, in build/slides/ and build/slides/zh/ (the Chinese
# edition's); slide metadata: tools/slides.py.
slides: $(STAMP)
	$(BIN)/jupyter nbconvert --to slides --output-dir build/slides \
		notebooks/03_single_sample_gradient.ipynb notebooks/07_gradient_descent_explorer.ipynb
	$(BIN)/jupyter nbconvert --to slides --output-dir build/slides/zh \
		notebooks/zh/03_single_sample_gradient.ipynb notebooks/zh/07_gradient_descent_explorer.ipynb

# The small animation shown in the README.
gif: $(STAMP)
	$(BIN)/python -m tools.gif

clean:
	rm -rf $(VENV) build
