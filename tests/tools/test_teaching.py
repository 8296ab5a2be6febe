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


def test_the_guide_is_at_most_30_kb():
    assert len(GUIDE.encode("utf-8")) <= 30_000, f"TEACHING.md is {len(GUIDE.encode('utf-8'))} bytes"


def _minutes(table_text: str) -> list[int]:
    """The last column of each body row of the first Markdown table in ``table_text``, as whole minutes."""
    rows = [r for r in table_text.splitlines() if r.startswith("|")][2:]
    out = []
    for row in rows:
        if not row.strip():
            break
        cell = row.strip().strip("|").split("|")[-1].strip()
        out.append(int(re.match(r"\d+", cell).group()))
    return out


@pytest.mark.parametrize("entry", CURRICULUM, ids=lambda e: e.filename[:2])
def test_each_notebook_s_minutes_add_up_to_its_class_time(entry):
    body = SECTIONS[entry.filename[:2]]
    stated = re.search(r"Class (\d+) min", body)
    assert stated, f"{entry.filename[:2]}: no 'Class N min' line"
    table = body[body.index("| § |") :]
    assert sum(_minutes(table)) == int(stated.group(1))


def test_the_plans_fit_their_slots():
    plans = GUIDE[GUIDE.index("## Course plans") : GUIDE.index("## 00 ·")]
    blocks = re.split(r"^\*\*Plan \d", plans, flags=re.M)[1:]
    assert len(blocks) == 3, "three plans: one class, a second class for 07-08, a module"
    for block in blocks[:2]:
        total = int(re.search(r"Total (\d+)", block).group(1))
        assert sum(_minutes(block[block.index("|") :])) == total <= 90
    module = blocks[2]
    rows = [r for r in module.splitlines() if r.startswith("|")][2:]
    sessions = [int(r.strip("|").split("|")[2].strip()) for r in rows]
    assert len(sessions) == 4 and all(m <= 90 for m in sessions)
    assert f"= {sum(sessions)} of {90 * len(sessions)}" in module
