"""Every markdown cell of every notebook, as JupyterLab itself renders it in Chromium, shows no markdown syntax
as text: no link syntax ``](``, no ``**``, no ``$$``, no line starting with a heading ``#``, outside code and
typeset math. (tests/notebooks/test_markdown_rendering.py checks the same with nbconvert's and a CommonMark
renderer, without a browser.) A trap notebook, with the badge line wrapped in HTML comments that once hid the
badges, shows that the check sees what a reader would.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import nbformat
import pytest
from helpers import ROOT, tag

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")) + sorted(
    f"zh/{p.name}" for p in (ROOT / "notebooks" / "zh").glob("*.ipynb")
)

# In the page: for each markdown cell, the lines of text a reader sees, outside code, preformatted text and
# typeset math (MathJax's containers), split at each block (paragraph, list item, heading, table cell) and at
# each line break; text that sits outside any block (left over from a raw HTML block) counts line by line.
VISIBLE_LINES = """() => [...document.querySelectorAll('.jp-NotebookPanel .jp-MarkdownCell')].map(cell => {
    const md = cell.querySelector('.jp-RenderedMarkdown');
    if (!md) return null;
    const skip = 'code, pre, mjx-container, .MathJax, script, style';
    const walker = document.createTreeWalker(md, NodeFilter.SHOW_TEXT, {acceptNode: n =>
        n.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
    const lines = [];
    let block = null, text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const b = n.parentElement.closest('p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, .jp-RenderedMarkdown');
        if (b !== block) { lines.push(...text.split('\\n')); text = ''; block = b; }
        text += n.textContent;
    }
    lines.push(...text.split('\\n'));
    return lines.filter(l => l.trim());
})"""
# In the page: [cell number among the markdown cells, the line] for each line that shows markdown syntax.
LEFTOVERS = f"""() => ({VISIBLE_LINES})().flatMap((lines, i) => (lines || [])
    .filter(l => l.includes('](') || l.includes('**') || l.includes('$$') || /^\\s*#+ /.test(l))
    .map(l => [i, l.trim().slice(0, 80)]))"""
# In the page: the number of markdown cells rendered, and whether MathJax has typeset the math (no "$" left
# outside code: every "$...$" has become a container).
RENDERED = f"""(n) => {{
    const lines = ({VISIBLE_LINES})();
    return lines.length === n && lines.every(l => l !== null) && !lines.flat().some(l => l.includes('$'));
}}"""


def markdown_cells(path: Path) -> list[int]:
    """The cell number of each markdown cell of ``path``."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [i for i, c in enumerate(cells) if c["cell_type"] == "markdown"]


def sessions(lab) -> set[str]:
    """The ids of the server's kernel sessions."""
    with urllib.request.urlopen(f"{lab['base']}/api/sessions?token={lab['token']}") as r:
        return {s["id"] for s in json.load(r)}


def shut_down_new_sessions(lab, before: set[str]) -> None:
    """End the kernel sessions started since ``before`` (opening a notebook starts one; the check needs none).
    Only those: other tests' pages keep their notebooks' kernels on the same server, and opening a notebook that
    another page has open reuses its session."""
    for sid in sessions(lab) - before:
        req = urllib.request.Request(f"{lab['base']}/api/sessions/{sid}?token={lab['token']}", method="DELETE")
        urllib.request.urlopen(req).close()


def leftovers(page, lab, name: str, n_markdown: int) -> list[str]:
    """Open ``name`` in JupyterLab, wait until its ``n_markdown`` markdown cells are rendered and typeset, and
    return the lines that show markdown syntax as text, as ``"cell k: line"`` (k counts all cells)."""
    before = sessions(lab)
    page.goto(f"{lab['base']}/lab/tree/{name}?reset&token={lab['token']}")
    page.wait_for_selector(".jp-NotebookPanel .jp-MarkdownCell .jp-RenderedMarkdown", timeout=60_000)
    try:
        page.wait_for_function(RENDERED, arg=n_markdown, timeout=30_000, polling=200)
    except Exception as e:  # a leftover "$$" never goes away: report what is shown
        if type(e).__name__ != "TimeoutError":
            raise
    found = page.evaluate(LEFTOVERS)
    shut_down_new_sessions(lab, before)
    return found


@pytest.fixture(scope="module")
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield ctx.new_page()
    ctx.close()


@pytest.mark.parametrize("name", NOTEBOOKS, ids=tag)
def test_jupyterlab_shows_no_markdown_syntax(name, page, lab, screenshots):
    cells = markdown_cells(ROOT / "notebooks" / name)
    found = leftovers(page, lab, name, len(cells))
    if found:
        page.screenshot(path=str(screenshots / f"{tag(name)}_markdown_leftovers.png"))
    assert not found, f"{name}:\n" + "\n".join(f"cell {cells[i]}: {line!r}" for i, line in found)


def test_the_check_catches_the_badge_trap(page, lab):
    """The badge line wrapped in HTML comments: JupyterLab shows its markdown source as text, and the check
    sees it; the same cell without the comments passes."""
    badge = "[![Open in Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org)"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# Trap\n\n<!-- badges:begin -->{badge}<!-- badges:end -->\n\nNext **bold**."),
        nbformat.v4.new_markdown_cell(f"# Fine\n\n{badge}\n\nNext **bold**, and $x^2$."),
    ]
    nbformat.write(nb, lab["root"] / "trap.ipynb")
    found = leftovers(page, lab, "trap.ipynb", 2)
    assert found and {i for i, _ in found} == {0}, found
