"""Figures readable on a projector and safe for colour-blind readers (lessons.style), everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib as mpl
import pytest

import lessons
from lessons.style import COLOUR_MAPS, MIN_FONT_SIZE, RC

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "lessons").rglob("*.py"))
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def code_of(path: Path) -> str:
    if path.suffix == ".py":
        return path.read_text(encoding="utf-8")
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def test_apply_sets_the_style():
    mpl.rcParams["font.size"] = 8
    lessons.style.apply()
    for key, value in RC.items():
        assert mpl.rcParams[key] == value, key
    sizes = [mpl.rcParams[k] for k in RC if "size" in k]
    assert all(isinstance(s, (int, float)) and s >= MIN_FONT_SIZE for s in sizes)
    colours = [c["color"] for c in mpl.rcParams["axes.prop_cycle"]]
    assert colours[0].lower() == "#006ba4"  # tableau-colorblind10


def test_importing_lessons_changes_no_global_state():
    """A fresh interpreter: importing every module of the package leaves matplotlib's settings as they were."""
    import subprocess
    import sys

    modules = sorted(
        "lessons." + ".".join(p.relative_to(ROOT / "lessons").with_suffix("").parts).removesuffix(".__init__")
        for p in SOURCES
    )
    code = (
        "import importlib, matplotlib as mpl\n"
        "before = {k: repr(v) for k, v in mpl.rcParams.items()}\n"
        f"for m in {[m.removesuffix('.__init__') for m in modules]!r}: importlib.import_module(m)\n"
        "changed = [k for k, v in mpl.rcParams.items() if repr(v) != before[k]]\n"
        "assert not changed, changed\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_applies_the_style_in_its_setup_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    setup = next("".join(c["source"]) for c in cells if c["cell_type"] == "code" and "lessons" in "".join(c["source"]))
    assert "lessons.style.apply()" in setup, f"{path.name}: its first cell that imports lessons must apply the style"


@pytest.mark.parametrize("path", SOURCES + NOTEBOOKS, ids=lambda p: p.name)
def test_no_small_fonts_and_only_safe_colour_maps(path):
    code = code_of(path)
    sizes = re.findall(r"(?:fontsize|labelsize|titlesize)\s*=\s*(\d+(?:\.\d+)?)\b", code)
    small = [float(v) for v in sizes if float(v) < MIN_FONT_SIZE]
    assert not small, f"{path.name}: font sizes below {MIN_FONT_SIZE} pt: {small}"
    for cmap in re.findall(r"cmap\s*=\s*['\"]([A-Za-z_]+)['\"]", code):
        assert cmap.removesuffix("_r") in COLOUR_MAPS, f"{path.name}: colour map {cmap!r} is not in lessons.style"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_is_described_in_the_text_next_to_it(path):
    """For readers who cannot see a figure (screen readers): a markdown cell right before or after it."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            continue
        neighbours = [cells[j]["cell_type"] for j in (i - 1, i + 1) if 0 <= j < len(cells)]
        assert "markdown" in neighbours, f"{path.name}: the figure of cell {i} has no text next to it"
