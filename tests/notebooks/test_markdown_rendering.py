"""Every markdown cell renders as readers' tools render it, with no markdown syntax left showing as text.

Two renderers: nbconvert's (mistune, which nbviewer and the HTML export use) and a strict CommonMark one
(markdown-it-py, as GitHub and JupyterLab follow CommonMark). In the rendered HTML, outside code and math,
no link syntax ``](``, no ``**``, no ``$$`` and no line that starts with a heading ``#`` may be left: each means
that a construct was not parsed (the classic case is a line that starts with ``<!--``, which opens a raw HTML
block and swallows the markdown after it). JupyterLab's own rendering is checked in the browser suite.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from tools.curriculum import all_notebooks, notebook_id

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/
LEFTOVERS = [("](", "link syntax"), ("**", "bold markers"), ("$$", "display-math markers")]
COMMONMARK = MarkdownIt("commonmark").enable("table")


class _Text(HTMLParser):
    """The text of an HTML fragment outside <code>, <pre>, <script> and <style>, line by line."""

    SKIP = {"code", "pre", "script", "style"}

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.depth += 1
        elif tag in {"p", "li", "br", "h1", "h2", "h3", "h4", "tr", "div"}:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def without_math(source: str) -> str:
    """Replace $$…$$ and $…$ by a placeholder, as JupyterLab does (``@@n@@``) before it parses the markdown:
    math is left to MathJax, not to markdown."""
    source = re.sub(r"\$\$.+?\$\$", "@@0@@", source, flags=re.S)
    return re.sub(r"(?<![\\$])\$(?!\s)[^$\n]+?(?<![\\\s])\$", "@@1@@", source)


def problems(html: str) -> list[str]:
    text = visible_text(html)
    found = [f"{what} ({mark!r}) shown as text" for mark, what in LEFTOVERS if mark in text]
    headings = [line for line in text.splitlines() if re.match(r"\s*#+ ", line)]
    found += [f"a heading shown as text: {line.strip()[:40]!r}" for line in headings]
    return found


def markdown_cells(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, "".join(c["source"])) for i, c in enumerate(cells) if c["cell_type"] == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_markdown_renders_with_nothing_left_as_text(path):
    found = []
    for i, source in markdown_cells(path):
        plain = without_math(source)
        for name, html in (("nbconvert", markdown2html_mistune(plain)), ("CommonMark", COMMONMARK.render(plain))):
            found += [f"cell {i} ({name}): {p}" for p in problems(html)]
    assert not found, f"{path.name}:\n" + "\n".join(found)


def test_the_check_catches_the_badge_trap():
    """A badge line wrapped in HTML comments at the start of a line shows its markdown source: caught."""
    trap = "# Title\n\n<!-- b -->[![Open in Binder](https://x/badge.svg)](https://x) text<!-- e -->\n\nnext **bold**\n"
    assert any("link syntax" in p for p in problems(COMMONMARK.render(trap)))
    assert not problems(COMMONMARK.render("# Title\n\n[![Open](https://x/badge.svg)](https://x)\n\nnext **bold**\n"))
