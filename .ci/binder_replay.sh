#!/usr/bin/env bash
# Replay what mybinder.org (repo2docker) does with binder/, without Docker, then test the result.
#
#  1. `jupyter-repo2docker --no-build` prints the Dockerfile it would build; check that it picks
#     Python 3.11, one environment, and the order: requirements, source, postBuild.
#  2. A fresh Python 3.11 venv with repo2docker's own base packages (JupyterLab, notebook, ipywidgets,
#     ... at the versions of its conda lock file), as on mybinder.org.
#  3. `pip install -r binder/requirements.txt` from a folder that holds only that file: the source is
#     not there yet at that point of the build. Then `pip check`.
#  4. The source added, `binder/postBuild` run in it.
#  5. Every notebook of both editions under nbval in that environment (the kernel starts in its folder).
#  6. The browser suite against that environment's JupyterLab, configured as Binder configures it (the
#     English edition in full, and the Chinese 01 and 07).
#
# Usage: bash .ci/binder_replay.sh   (make test-binder)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BINDER_REPLAY_DIR:-$(mktemp -d /tmp/binder-replay.XXXXXX)}"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null || PY=python3
echo "binder replay in $WORK"
stage() { echo "== binder: $* =="; }

stage "the source, as committed (tracked files of the working tree)"
rm -rf "$WORK/repo" && mkdir -p "$WORK/repo"
(cd "$ROOT" && git ls-files -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$WORK/repo"

stage "repo2docker --no-build"
"$PY" -m venv "$WORK/r2d"
"$WORK/r2d/bin/pip" install -q --disable-pip-version-check -r "$ROOT/.ci/requirements-repo2docker.txt"
"$WORK/r2d/bin/jupyter-repo2docker" --no-build --debug "$WORK/repo" >"$WORK/dockerfile.txt" 2>&1
"$WORK/r2d/bin/python" "$ROOT/.ci/check_repo2docker.py" "$WORK/dockerfile.txt" "$WORK/base-requirements.txt"

stage "base environment (Python 3.11 and repo2docker's base packages)"
"$PY" -m venv "$WORK/env"
ENV="$WORK/env/bin"
"$ENV/python" -c 'import sys; v = sys.version_info; assert v[:2] == (3, 11), f"Python {v[0]}.{v[1]}, not 3.11"; print(sys.version)'
"$ENV/pip" install -q --disable-pip-version-check -r "$WORK/base-requirements.txt"

stage "pip install -r binder/requirements.txt, from a folder holding only that file"
rm -rf "$WORK/context" && mkdir -p "$WORK/context/binder"
cp "$WORK/repo/binder/requirements.txt" "$WORK/context/binder/"
(cd "$WORK/context" && "$ENV/pip" install -q --disable-pip-version-check --no-cache-dir -r binder/requirements.txt)
"$ENV/pip" check

stage "postBuild"
(cd "$WORK/repo" && PATH="$ENV:$PATH" ./binder/postBuild)
"$ENV/python" - <<'PY'
import json, sys
from pathlib import Path
settings = Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json"
cfg = json.loads(settings.read_text())
assert cfg["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "defer", cfg
print(f"JupyterLab overrides in place: {settings}")
PY

stage "nbval, every notebook"
(cd "$WORK/repo" && "$ENV/python" -m pytest --nbval -n auto --dist loadscope notebooks -p no:cacheprovider -q)

# Both editions run the same code on the same packages, and `make test-browser` runs every notebook of both: here,
# where what is tested is Binder's environment and settings, the English edition in full and the Chinese 01 and 07
# (the z demo and the explorer, with their Chinese labels).
stage "browser, JupyterLab as Binder configures it"
(cd "$WORK/repo" && BROWSER_SCREENSHOTS="${BROWSER_SCREENSHOTS:-$ROOT/screenshots}/binder" \
  "$ENV/python" -m pytest tests/browser -p no:cacheprovider -q -k "not zh_ or zh_01 or zh_07")
echo "== binder replay passed =="
