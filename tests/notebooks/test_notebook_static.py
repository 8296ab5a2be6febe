"""The notebooks as readers without a kernel meet them: GitHub, nbviewer, an HTML export."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter

from tools.curriculum import all_notebooks, notebook_id

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
#: Notebooks whose lesson is motion: each must carry an animation that plays without a kernel.
ANIMATED = ["07_gradient_descent_explorer.ipynb", "08_optimizers.ipynb"]
MAX_BYTES = 3 * 1024 * 1024


def ids(paths):
    return [notebook_id(p) for p in paths]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_converts_to_html_without_a_kernel(path):
    nb = nbformat.read(path, as_version=4)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "<html" in html and len(html) > 10_000
    title = "".join(nb.cells[0].source).splitlines()[0].lstrip("# ").strip()
    assert title.split(" · ")[-1] in html


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name in ANIMATED], ids=notebook_id)
def test_animated_notebooks_carry_an_animation_that_plays_in_html(path):
    nb = nbformat.read(path, as_version=4)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert re.search(r'<img [^>]*src="data:image/gif;base64,R0lGOD', html), f"{path}: no GIF animation in its outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_saved_without_widget_state(path):
    """As JupyterLab saves a notebook by default (tools/execute.py does the same): with widget state, nbconvert
    and GitHub would try to rebuild the widgets from it (and show nothing offline) instead of their picture."""
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
    assert "widgets" not in meta, f"{path.name}: re-run it with `make execute NB={path.relative_to(ROOT)}`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_every_widget_shows_its_picture_without_a_kernel(path):
    """Each widget output carries a PNG of its figure, and the HTML export shows that PNG. (Not 00's: its
    widget, the environment check, is a slider and a label, with no figure.)"""
    if path.name.startswith("00_"):
        return
    nb = nbformat.read(path, as_version=4)
    pictures = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                assert "image/png" in data, f"{path.name} cell {i}: a widget output without a picture"
                pictures.append(data["image/png"].replace("\n", "")[:200])
    if pictures:
        html, _ = HTMLExporter().from_notebook_node(nb)
        for png in pictures:
            assert f"data:image/png;base64,{png}" in html, f"{path.name}: a widget's picture is not in the HTML"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids(NOTEBOOKS))
def test_no_notebook_is_over_3_mb(path):
    assert path.stat().st_size <= MAX_BYTES, f"{path.name}: {path.stat().st_size / 2**20:.1f} MB"


def test_every_widget_notebook_is_tested_in_the_browser():
    """A notebook with widget outputs must be listed in the browser suite (tests/browser)."""
    suite = (ROOT / "tests/browser/test_widget_notebooks.py").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(\d\d_\w+\.ipynb)": move_', suite))
    with_widgets = {p.name for p in NOTEBOOKS if WIDGET_VIEW in p.read_text(encoding="utf-8")}
    assert with_widgets, "no notebook has widget outputs?"
    assert with_widgets <= listed, f"add to tests/browser/test_widget_notebooks.py: {sorted(with_widgets - listed)}"
