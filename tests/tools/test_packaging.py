"""The package as a user installs it: a wheel, built and installed into a fresh virtual environment without
requirements.txt, imports every module of lessons (the ones the notebooks import among them)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def lessons_modules() -> list[str]:
    names = []
    for path in sorted((ROOT / "lessons").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def notebook_imports() -> set[str]:
    found = set()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        found |= set(re.findall(r"(?:from|import) (lessons(?:\.\w+)*)", nb.read_text(encoding="utf-8")))
    return found


def test_every_module_the_notebooks_import_is_in_the_package():
    assert notebook_imports() <= set(lessons_modules())


def test_a_wheel_in_a_fresh_environment_imports_every_module(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True, cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = wheels.glob("lessons-*.whl")
    env = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    # Without PYTHONPATH: a checkout on it (with the egg-info a build leaves there) would make pip think lessons is
    # installed already, and skip it.
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(wheel)], check=True, cwd=tmp_path, env=clean)
    modules = lessons_modules()
    code = (
        "import importlib, matplotlib\n"
        "matplotlib.use('Agg')\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import lessons; print(lessons.__file__)\n"
    )
    out = subprocess.run(
        [python, "-c", code], check=True, cwd=tmp_path, capture_output=True, text=True, env=clean
    ).stdout
    assert str(env) in out  # the installed copy, not the checkout
