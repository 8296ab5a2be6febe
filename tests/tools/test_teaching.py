"""TEACHING.md quotes what the notebooks print. These tests keep the quotes true.

Every inline-code span with a digit in a notebook's section of the guide (for example
``badly_scaled 667`` or ``|Newton − IRLS| = 4.7e-15``) must appear in that notebook's committed
sources or outputs. nbval re-computes those outputs on every run, so together the two make
"numbers quoted in this guide are ones the notebooks print" a checked statement. An ellipsis
(``…`` or ``...``) in a quote stands for elided text: each piece around it must appear.
"""

import re
from pathlib import Path

import nbformat
import pytest

from tools.curriculum import CURRICULUM

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "TEACHING.md").read_text(encoding="utf-8")
SECTION = re.compile(r"^## (\d\d) · .*?$(.*?)(?=^---$|\Z)", re.M | re.S)
SECTIONS = {number: body for number, body in SECTION.findall(GUIDE)}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _printed(path: Path) -> str:
    """All the text a reader can see in a notebook: sources and text outputs."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            for mime in ("text/plain", "text/markdown", "text/html"):
                parts.append(out.get("data", {}).get(mime, ""))
    return _squash("\n".join(parts))


def _quotes(body: str) -> list[str]:
    return [q for q in re.findall(r"(?<!`)`([^`]+)`(?!`)", body) if re.search(r"\d", q)]


def test_every_notebook_has_a_section():
    numbers = {entry.filename[:2] for entry in CURRICULUM}
    assert numbers == set(SECTIONS), f"sections in TEACHING.md: {sorted(SECTIONS)}"


@pytest.mark.parametrize("entry", CURRICULUM, ids=lambda e: e.filename[:2])
def test_quoted_numbers_are_printed_by_the_notebook(entry):
    printed = _printed(ROOT / "notebooks" / entry.filename)
    missing = []
    for quote in _quotes(SECTIONS[entry.filename[:2]]):
        pieces = [p.strip() for p in re.split(r"…|\.\.\.", quote) if p.strip()]
        if not all(_squash(p) in printed for p in pieces):
            missing.append(quote)
    assert not missing, f"TEACHING.md quotes what {entry.filename} does not print: {missing}"


def test_the_checks_find_a_wrong_quote():
    """The search is not vacuous: a number the notebook does not print is reported."""
    printed = _printed(ROOT / "notebooks" / CURRICULUM[1].filename)
    assert _squash("J = 123456.789") not in printed
    assert _quotes("a `J = 1.5` and a `name`") == ["J = 1.5"]
