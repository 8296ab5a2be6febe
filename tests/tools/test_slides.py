"""The projector decks (make slides): notebooks 03 and 07 carry slide metadata and render as reveal.js."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbconvert import SlidesExporter

from tools.slides import DECKS, FOLDERS, mark, slide_type

ROOT = Path(__file__).resolve().parents[2]
PATHS = [ROOT / folder / name for folder in FOLDERS for name in DECKS]
IDS = [f"{folder}/{name[:2]}" for folder in FOLDERS for name in DECKS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_slide_metadata_is_in_sync(path):
    nb = nbformat.read(path, as_version=4)
    assert mark(copy.deepcopy(nb)) == nb, "run: python -m tools.slides"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_deck_renders_with_a_slide_per_section_and_no_solutions(path):
    nb = nbformat.read(path, as_version=4)
    html, _ = SlidesExporter().from_notebook_node(nb)
    sections = html.count("<section")
    headings = sum(1 for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(("# ", "## ", "### ")))
    assert sections >= 5 and "reveal" in html.lower()
    assert sections >= headings - 3  # the exercises and summary headings may be skipped
    for cell in nb.cells:
        if "solution" in cell.metadata.get("tags", []):
            assert cell.metadata["slideshow"]["slide_type"] == "skip"


def test_slide_types():
    md = nbformat.v4.new_markdown_cell
    assert slide_type(md("## 2. The chain rule"), False) == "slide"
    assert slide_type(md("### A detail"), False) == "subslide"
    assert slide_type(md("Some prose"), False) == "-"
    assert slide_type(nbformat.v4.new_code_cell("x = 1"), True) == "skip"


def test_the_exercises_are_left_out_in_either_language():
    md = nbformat.v4.new_markdown_cell
    for heading in ("## Exercises", "## 练习"):
        nb = nbformat.v4.new_notebook(cells=[md("## 1. A section"), md(heading), md("1. Do this.")])
        assert [c.metadata["slideshow"]["slide_type"] for c in mark(nb).cells] == ["slide", "skip", "skip"]
