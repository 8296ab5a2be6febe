"""Figures readable on a projector and safe for colour-blind readers (lessons.style), everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib as mpl
import pytest

import lessons
from lessons.style import COLOUR_MAPS, MIN_FONT_SIZE, RC
from tools.curriculum import all_notebooks, notebook_id

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "lessons").rglob("*.py"))
NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_every_notebook_applies_the_style_in_its_setup_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    setup = next("".join(c["source"]) for c in cells if c["cell_type"] == "code" and "lessons" in "".join(c["source"]))
    assert "lessons.style.apply()" in setup, f"{path.name}: its first cell that imports lessons must apply the style"


@pytest.mark.parametrize("path", SOURCES + NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_small_fonts_and_only_safe_colour_maps(path):
    code = code_of(path)
    sizes = re.findall(r"(?:fontsize|labelsize|titlesize)\s*=\s*(\d+(?:\.\d+)?)\b", code)
    small = [float(v) for v in sizes if float(v) < MIN_FONT_SIZE]
    assert not small, f"{path.name}: font sizes below {MIN_FONT_SIZE} pt: {small}"
    for cmap in re.findall(r"cmap\s*=\s*['\"]([A-Za-z_]+)['\"]", code):
        assert cmap.removesuffix("_r") in COLOUR_MAPS, f"{path.name}: colour map {cmap!r} is not in lessons.style"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_every_figure_is_described_in_the_text_next_to_it(path):
    """For readers who cannot see a figure (screen readers): a markdown cell right before or after it."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if not images:
            continue
        neighbours = [cells[j]["cell_type"] for j in (i - 1, i + 1) if 0 <= j < len(cells)]
        assert "markdown" in neighbours, f"{path.name}: the figure of cell {i} has no text next to it"


def test_chinese_text_renders_with_no_missing_glyph(tmp_path, caplog):
    """After apply(), a figure with Chinese title, labels, legend and ticks draws without a single warning (a
    missing glyph warns), in Noto Sans CJK SC from the pinned mplfonts wheel, at the series' font sizes."""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    with matplotlib.rc_context():
        lessons.style.apply()
        assert Path(lessons.style.cjk_font_path()).is_file()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig, ax = plt.subplots()
            ax.plot([0, 1], [1, 0], label="梯度下降（学习率 η = 0.5）")
            ax.set(xlabel="权重 w₁", ylabel="损失 −log ŷ")
            ax.set_title("负对数似然 J(w) 与 ‖∇J‖", fontweight="bold")  # the CJK font has no bold: logs nothing
            ax.set_xticks([0, 1], ["正类", "负类"])
            ax.legend()
            fig.savefig(tmp_path / "zh.png", dpi=60)
            plt.close(fig)
        assert not [r for r in caplog.records if r.levelno >= 30], [r.getMessage() for r in caplog.records]
        found = font_manager.findfont(font_manager.FontProperties(family=lessons.style.FONT_FAMILY[1]))
        assert Path(found).name == lessons.style.CJK_FONT_FILE
        assert min(matplotlib.rcParams[k] for k in ("font.size", "legend.fontsize")) >= MIN_FONT_SIZE
