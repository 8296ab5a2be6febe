"""Static checks of every committed notebook (reads JSON, runs nothing).

A notebook must come from a clean Restart Kernel and Run All: executed in
order from 1, no errors, no warnings on stderr, no SVG, widget state saved
properly, under 3 MB, with the plain python3 kernel.
"""

from __future__ import annotations

import json
import re

import pytest

from tools.curriculum import all_notebooks, language_of, notebook_id

NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/
MAX_BYTES = 3_000_000


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


def tags(cell):
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.fixture(params=NOTEBOOKS, ids=notebook_id)
def notebook(request):
    path = request.param
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 2


def test_executed_in_order_from_one(notebook):
    path, nb = notebook
    counts = [c["execution_count"] for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: execution counts {counts}"


def test_no_error_outputs(notebook):
    """Errors only where a cell is tagged raises-exception (nbval and JupyterLab then expect
    the error and go on), e.g. to show that a listing from the source text does not run."""
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        errors = [o for o in cell.get("outputs", []) if o["output_type"] == "error"]
        if "raises-exception" in tags(cell):
            assert errors, f"{path.name} code cell {i} is tagged raises-exception but raised nothing"
        else:
            assert not errors, f"{path.name} code cell {i}: {errors[0].get('ename') if errors else ''}"


def test_no_warnings_on_stderr(notebook):
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        for out in cell.get("outputs", []):
            if out["output_type"] == "stream" and out["name"] == "stderr":
                text = "".join(out["text"])
                assert not re.search(r"Warning|Traceback", text), f"{path.name} code cell {i}: {text[:200]}"


def test_no_svg_outputs(notebook):
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        for out in cell.get("outputs", []):
            assert "image/svg+xml" not in out.get("data", {}), f"{path.name} code cell {i} has SVG"


def test_size_under_3_mb(notebook):
    path, _ = notebook
    assert path.stat().st_size <= MAX_BYTES, f"{path.name} is {path.stat().st_size / 1e6:.1f} MB"


def test_kernelspec_is_python3(notebook):
    path, nb = notebook
    assert nb["metadata"].get("kernelspec", {}).get("name") == "python3", path.name


def test_no_trailing_semicolon_to_hide_output(notebook):
    """nbval does not honour a trailing ';' (use plt.show() or `_ =`)."""
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        last = "".join(cell["source"]).rstrip().splitlines()[-1]
        assert not (last.rstrip().endswith(";") and not last.lstrip().startswith("#")), f"{path.name} cell {i}"


def test_ignored_outputs_are_followed_by_an_assertion(notebook):
    """nbval-ignore-output is for non-deterministic output only, and what
    matters in it is asserted by a later cell."""
    path, nb = notebook
    cells = code_cells(nb)
    for i, cell in enumerate(cells):
        if "nbval-ignore-output" in tags(cell):
            later = "".join("".join(c["source"]) for c in cells[i + 1 :])
            assert "assert" in later, f"{path.name}: ignored cell {i} is never followed by an assert"


def test_opens_with_objectives_and_closes_with_summary_and_exercises(notebook):
    path, nb = notebook
    md = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    assert md and md[0].startswith("# "), f"{path.name}: first cell must be the title"
    text = "\n".join(md)
    headings = (
        ("学习目标", "小结", "练习") if language_of(path) == "zh" else ("What you will learn", "Summary", "Exercises")
    )
    for heading in headings:
        assert heading in text, f"{path.name}: no '{heading}' section"


def test_every_solution_is_collapsed(notebook):
    """The text promises a collapsed solution after each exercise: JupyterLab hides a cell's source and outputs
    when its metadata says so."""
    path, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        if "solution" in cell["metadata"].get("tags", []):
            shown = cell["metadata"].get("jupyter", {})
            assert shown.get("source_hidden") and shown.get("outputs_hidden"), f"{path.name} cell {i} is not collapsed"
