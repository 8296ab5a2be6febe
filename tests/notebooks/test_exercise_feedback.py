"""Each exercise's check names the typical wrong answers of that exercise.

A solution cell may list, in its metadata, the typical mistakes of its exercise and a line of code that makes
each one::

    "wrong_answers": [{"mistake": "a forgotten 1/n", "code": "J = np.sum(losses)"}]

For every notebook with such lists, one kernel runs the notebook from the top; after each of those solution
cells and its check cell (the next code cell) have run as committed, each wrong answer is run in place of the
solution and the check cell again: its feedback must fail (✗) and name that mistake. Then the solution is run
again, so the notebook goes on as committed. The right answers passing is what nbval already shows (the
committed outputs say ✓).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
import pytest

from tools.curriculum import all_notebooks, notebook_id

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/
SOLUTION = "solution"


def wrong_answers(cell) -> list[dict]:
    return cell.get("metadata", {}).get("wrong_answers", [])


def with_wrong_answers(path: Path) -> bool:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return any(wrong_answers(c) for c in nb["cells"])


LISTED = [p for p in NOTEBOOKS if with_wrong_answers(p)]


def feedback(cell) -> str:
    """All the text a cell's outputs show (stream text, text/plain and text/html)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append(f"{out.get('ename')}: {out.get('evalue')}")
        for kind in ("text/plain", "text/html"):
            value = out.get("data", {}).get(kind)
            if value:
                parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def test_the_lists_are_well_formed():
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            for wrong in wrong_answers(cell):
                assert SOLUTION in cell["metadata"].get("tags", []), f"{path.name} cell {i}: not a solution cell"
                assert set(wrong) == {"mistake", "code"}, f"{path.name} cell {i}: {wrong}"
                assert wrong["mistake"].strip() and wrong["code"].strip()


@pytest.mark.parametrize("path", LISTED, ids=[notebook_id(p) for p in LISTED])
def test_each_typical_wrong_answer_is_named(path):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    missed = []
    with client.setup_kernel():
        pending: tuple[int, list[dict]] | None = None
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, i)
            if pending is not None:  # this is the check cell of the solution at index pending[0]
                solution_index, wrongs = pending
                for wrong in wrongs:
                    attempt = nbformat.v4.new_code_cell(wrong["code"])
                    client.execute_cell(attempt, solution_index)
                    check = copy.deepcopy(cell)
                    client.execute_cell(check, i)
                    text = feedback(check) + feedback(attempt)
                    if wrong["mistake"] not in text or "✗" not in text:
                        missed.append(f"cell {i}, {wrong['mistake']!r} ({wrong['code']!r}) gave:\n{text[-400:]}")
                client.execute_cell(copy.deepcopy(nb.cells[solution_index]), solution_index)  # back on track
                pending = None
            if SOLUTION in cell.metadata.get("tags", []) and wrong_answers(cell):
                pending = (i, wrong_answers(cell))
    assert not missed, f"{path.name}:\n" + "\n".join(missed)
