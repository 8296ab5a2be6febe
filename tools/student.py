"""The student edition: the committed notebooks with every solution replaced by a stub.

The committed notebooks are the teacher's edition: each exercise's solution sits in
a code cell tagged ``solution``. ``python -m tools.student [OUT]`` (``make
student``) writes a copy of every notebook to ``build/student/`` in which each
such cell keeps only what a learner needs to start:

* its imports;
* the signature and docstring of each function that a later cell uses (the check cell, mostly), with the body
  replaced by ``raise NotImplementedError``;
* each top-level name it assigns that a later cell uses, set to ``...`` (to be replaced by the answer);

and nothing else: no comments (they often give the answer away), no outputs, and none of the solution's own
helpers (names no later cell reads are the learner's own business: listing them would give the plan away). The
checkers in :mod:`lessons.checks` report such stubs as "not attempted yet", so the student edition runs from top
to bottom.

A "Why…?" question is answered in a markdown cell tagged ``answer``: the teacher's edition holds a model answer
there, the student edition an empty answer cell (:data:`ANSWER_PROMPT`).

:func:`restore` puts the solutions and the model answers back, which must give the teacher's edition exactly (a
test checks it).
"""

from __future__ import annotations

import ast
import copy
import sys
from pathlib import Path

import nbformat

__all__ = ["SOLUTION_TAG", "ANSWER_TAG", "ANSWER_PROMPT", "stub_source", "student_notebook", "restore", "build"]

SOLUTION_TAG = "solution"
ANSWER_TAG = "answer"
ANSWER_PROMPT = "**Your answer:** *(double-click this cell and write it here)*"
STUB_HEADER = "# Your answer here: replace every `...` and `raise NotImplementedError` below."
#: The same two texts in the Chinese edition (notebooks/zh/).
ANSWER_PROMPTS = {"en": ANSWER_PROMPT, "zh": "**你的回答：** *（双击本单元格，在这里写下你的回答）*"}
STUB_HEADERS = {"en": STUB_HEADER, "zh": "# 在这里作答：把下面每个 `...` 和 `raise NotImplementedError` 换成你的代码。"}


def is_solution(cell) -> bool:
    return cell.get("cell_type") == "code" and SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def is_answer(cell) -> bool:
    return cell.get("cell_type") == "markdown" and ANSWER_TAG in cell.get("metadata", {}).get("tags", [])


def names_read(source: str) -> set[str]:
    """Every name that ``source`` reads (loads); none if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def stub_source(source: str, used: set[str] | None = None, language: str = "en") -> str:
    """The stub that replaces a solution cell's ``source``.

    Parameters
    ----------
    source : str
        Python code (a notebook cell).
    used : set of str, optional
        The names later cells read: only those functions and assignments are kept (all, if ``None``).
    language : {"en", "zh"}
        The language of the first line, which tells the learner what to do.

    Returns
    -------
    str
        Imports, function signatures with their docstrings and a ``raise
        NotImplementedError`` body, and ``name = ...`` for every kept top-level
        assignment, in the original order.
    """
    header = STUB_HEADERS[language]
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return f"{header}\n..."
    lines: list[str] = [header]
    seen: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines.append(ast.unparse(node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if used is None or node.name in used:
                lines.append(_function_stub(node))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for name in _names(targets):
                if name not in seen and (used is None or name in used):
                    seen.add(name)
                    lines.append(f"{name} = ...")
    if len(lines) == 1:
        lines.append("...")
    return "\n".join(lines)


def _names(targets) -> list[str]:
    out = []
    for t in targets:
        if isinstance(t, ast.Name):
            out.append(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            out.extend(_names(t.elts))
        elif isinstance(t, ast.Starred):
            out.extend(_names([t.value]))
    return out


def _function_stub(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    stub = copy.deepcopy(node)
    stub.decorator_list = []
    body: list[ast.stmt] = []
    doc = ast.get_docstring(node, clean=False)
    if doc is not None:
        body.append(ast.Expr(ast.Constant(doc)))
    body.append(ast.Raise(exc=ast.Name("NotImplementedError", ast.Load()), cause=None))
    stub.body = body
    text = ast.unparse(ast.fix_missing_locations(stub))
    head, _, tail = text.rpartition("\n")
    return f"{head}\n    # your code here\n{tail}" if head else text


def student_notebook(nb: nbformat.NotebookNode, language: str = "en") -> nbformat.NotebookNode:
    """A copy of ``nb`` with every ``solution`` cell stubbed (keeping the names later cells read) and its outputs
    removed, and every ``answer`` cell emptied; the stubs' and answers' prompts in ``language``."""
    out = copy.deepcopy(nb)
    code = [c.source if c.cell_type == "code" else "" for c in out.cells]
    for i, cell in enumerate(out.cells):
        if is_answer(cell):
            cell.source = ANSWER_PROMPTS[language]
        if is_solution(cell):
            later = set().union(*(names_read(src) for src in code[i + 1 :]))
            cell.source = stub_source(cell.source, later, language)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("jupyter", None)  # the stub is meant to be seen, not collapsed
            cell.metadata.pop("execution", None)
    return out


def restore(student: nbformat.NotebookNode, teacher: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``student`` with its stubs and empty answers replaced by the teacher's cells (matched by cell id)."""
    solutions = {cell.id: cell for cell in teacher.cells if is_solution(cell) or is_answer(cell)}
    out = copy.deepcopy(student)
    out.cells = [copy.deepcopy(solutions[c.id]) if is_solution(c) or is_answer(c) else c for c in out.cells]
    return out


def build(src: str | Path, dst: str | Path, language: str = "en") -> list[Path]:
    """Write the student edition of every notebook in ``src`` to ``dst``; return the files written."""
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        target = dst / path.name
        nbformat.write(student_notebook(nb, language), target)
        written.append(target)
    return written


def build_both(out: str | Path) -> list[Path]:
    """Both editions' student notebooks: English in ``out``, Chinese in ``out/zh`` (as in ``notebooks/``)."""
    root = Path(__file__).resolve().parents[1]
    out = Path(out)
    return build(root / "notebooks", out) + build(root / "notebooks" / "zh", out / "zh", "zh")


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "build" / "student"
    files = build_both(out)
    print(f"student edition: {len(files)} notebooks in {out} (English) and {out / 'zh'} (中文)")
