"""TEACHING.md (and its Chinese twin TEACHING.zh.md, for notebooks/zh/) quotes what the notebooks print. These
tests keep the quotes true, in both guides.

Every inline-code span with a digit in a notebook's section of the guide (for example
``badly_scaled 667`` or ``|Newton − IRLS| = 4.7e-15``) must appear in that notebook's committed
sources or outputs. nbval re-computes those outputs on every run, so together the two make
"numbers quoted in this guide are ones the notebooks print" a checked statement. An ellipsis
(``…`` or ``...``) in a quote stands for elided text: each piece around it must appear.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

from tools.curriculum import CURRICULUM

ROOT = Path(__file__).resolve().parents[2]
SECTION = re.compile(r"^## (\d\d) · .*?$(.*?)(?=^---$|\Z)", re.M | re.S)


@dataclass(frozen=True)
class Guide:
    """One edition's guide, and the words its machine-checked lines use."""

    file: str
    notebooks: str
    max_bytes: int
    class_time: str  # "Class 45 min"
    plans: str  # the heading of the course plans
    plan: str  # how each plan's block starts
    total: str  # "Total 85"
    module_total: str  # "= 346 of 360"

    @property
    def text(self) -> str:
        return (ROOT / self.file).read_text(encoding="utf-8")

    @property
    def sections(self) -> dict[str, str]:
        return dict(SECTION.findall(self.text))


GUIDES = [
    Guide("TEACHING.md", "notebooks", 30_000, r"Class (\d+) min", "## Course plans", r"^\*\*Plan \d",
          r"Total (\d+)", "= {used} of {slots}"),
    # Chinese takes three bytes a character in UTF-8: the same length of text is about a third more bytes.
    Guide("TEACHING.zh.md", "notebooks/zh", 40_000, r"课堂 (\d+) 分钟", "## 课程方案", r"^\*\*方案 \d",
          r"合计 (\d+)", "= {used} / {slots}"),
]  # fmt: skip
GUIDE_IDS = ["en", "zh"]
PAIRS = [(g, e) for g in GUIDES for e in CURRICULUM]
PAIR_IDS = [f"{g.file}-{e.filename[:2]}" for g, e in PAIRS]


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


@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_every_notebook_has_a_section(guide):
    numbers = {entry.filename[:2] for entry in CURRICULUM}
    assert numbers == set(guide.sections), f"sections in {guide.file}: {sorted(guide.sections)}"


@pytest.mark.parametrize(("guide", "entry"), PAIRS, ids=PAIR_IDS)
def test_quoted_numbers_are_printed_by_the_notebook(guide, entry):
    printed = _printed(ROOT / guide.notebooks / entry.filename)
    missing = []
    for quote in _quotes(guide.sections[entry.filename[:2]]):
        pieces = [p.strip() for p in re.split(r"…|\.\.\.", quote) if p.strip()]
        if not all(_squash(p) in printed for p in pieces):
            missing.append(quote)
    assert not missing, f"{guide.file} quotes what {guide.notebooks}/{entry.filename} does not print: {missing}"


def test_the_checks_find_a_wrong_quote():
    """The search is not vacuous: a number the notebook does not print is reported."""
    printed = _printed(ROOT / "notebooks" / CURRICULUM[1].filename)
    assert _squash("J = 123456.789") not in printed
    assert _quotes("a `J = 1.5` and a `name`") == ["J = 1.5"]


@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_the_guide_is_short(guide):
    size = len(guide.text.encode("utf-8"))
    assert size <= guide.max_bytes, f"{guide.file} is {size} bytes"


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


@pytest.mark.parametrize(("guide", "entry"), PAIRS, ids=PAIR_IDS)
def test_each_notebook_s_minutes_add_up_to_its_class_time(guide, entry):
    body = guide.sections[entry.filename[:2]]
    stated = re.search(guide.class_time, body)
    assert stated, f"{guide.file} {entry.filename[:2]}: no {guide.class_time!r} line"
    table = body[body.index("| § |") :]
    assert sum(_minutes(table)) == int(stated.group(1))


@pytest.mark.parametrize("guide", GUIDES, ids=GUIDE_IDS)
def test_the_plans_fit_their_slots(guide):
    text = guide.text
    plans = text[text.index(guide.plans) : text.index("## 00 ·")]
    blocks = re.split(guide.plan, plans, flags=re.M)[1:]
    assert len(blocks) == 3, "three plans: one class, a second class for 07-08, a module"
    for block in blocks[:2]:
        total = int(re.search(guide.total, block).group(1))
        assert sum(_minutes(block[block.index("|") :])) == total <= 90
    module = blocks[2]
    rows = [r for r in module.splitlines() if r.startswith("|")][2:]
    sessions = [int(r.strip("|").split("|")[2].strip()) for r in rows]
    assert len(sessions) == 4 and all(m <= 90 for m in sessions)
    assert guide.module_total.format(used=sum(sessions), slots=90 * len(sessions)) in module
