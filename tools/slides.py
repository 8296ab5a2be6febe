"""Slide metadata for projecting a notebook as a reveal.js deck (``make slides``).

``python -m tools.slides`` marks the cells of the notebooks in :data:`DECKS`:
a ``#`` or ``##`` heading starts a slide, a ``###`` heading a sub-slide, every
other cell continues the current slide, and the exercises with their solutions
are left out of the deck (``skip``). ``make slides`` then renders the decks with
``jupyter nbconvert --to slides`` into ``build/slides/``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

__all__ = ["DECKS", "slide_type", "mark", "main"]

DECKS = ("03_single_sample_gradient.ipynb", "07_gradient_descent_explorer.ipynb")
#: Both editions have the decks: notebooks/ and notebooks/zh/.
FOLDERS = ("notebooks", "notebooks/zh")
#: The exercises' heading in either edition.
EXERCISES = ("## Exercises", "## 练习")


def slide_type(cell, in_exercises: bool) -> str:
    """The reveal.js slide type for ``cell``: "slide", "subslide", "-" (continue) or "skip"."""
    if in_exercises:
        return "skip"
    first = cell.source.lstrip().split("\n", 1)[0] if cell.cell_type == "markdown" else ""
    if first.startswith(("# ", "## ")):
        return "slide"
    if first.startswith("### "):
        return "subslide"
    return "-"


def mark(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Set ``metadata.slideshow.slide_type`` on every cell of ``nb`` (in place); return ``nb``."""
    in_exercises = False
    for cell in nb.cells:
        lines = cell.source.lstrip().splitlines() if cell.cell_type == "markdown" else []
        if lines and lines[0].startswith(EXERCISES):
            in_exercises = True
        elif lines and lines[0].startswith("---"):
            in_exercises = False  # the closing navigation links
        cell.metadata["slideshow"] = {"slide_type": slide_type(cell, in_exercises)}
        if any(line.startswith(EXERCISES) for line in lines[1:]):
            in_exercises = True  # a summary cell that ends with the exercises: shown, what follows is not
    return nb


def main(root: str | Path | None = None) -> list[Path]:
    """Mark the notebooks in :data:`DECKS`, in both editions; return those whose metadata changed."""
    root = Path(root) if root else Path(__file__).resolve().parents[1]
    changed = []
    for path in [root / folder / name for folder in FOLDERS for name in DECKS]:
        text = path.read_text(encoding="utf-8")
        nb = mark(nbformat.reads(text, as_version=4))
        new = nbformat.writes(nb) + "\n"
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for p in main():
        print(f"marked {p}")
