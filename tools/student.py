"""The student edition: the committed notebooks with every solution replaced by a stub.

The committed notebooks are the teacher's edition: each exercise's solution sits in
a code cell tagged ``solution``. ``python -m tools.student [OUT]`` (``make
student``) writes a copy of every notebook to ``build/student/`` in which each
such cell keeps only what a learner needs to start:

* its imports;
* each function's signature and docstring, with the body replaced by
  ``raise NotImplementedError``;
* each top-level name it assigns, set to ``...`` (to be replaced by the answer);

and nothing else: no comments (they often give the answer away), no outputs. The
checkers in :mod:`lessons.checks` report such stubs as "not attempted yet", so the
student edition runs from top to bottom. :func:`restore` puts the solutions back,
which must give the teacher's edition exactly (a test checks it).
"""

from __future__ import annotations

import ast
import copy
import sys
from pathlib import Path

import nbformat

__all__ = ["SOLUTION_TAG", "stub_source", "student_notebook", "restore", "build"]

SOLUTION_TAG = "solution"
STUB_HEADER = "# Your answer here: replace every `...` and `raise NotImplementedError` below."


def is_solution(cell) -> bool:
    return cell.get("cell_type") == "code" and SOLUTION_TAG in cell.get("metadata", {}).get("tags", [])


def stub_source(source: str) -> str:
    """The stub that replaces a solution cell's ``source``.

    Parameters
    ----------
    source : str
        Python code (a notebook cell).

    Returns
    -------
    str
        Imports, function signatures with their docstrings and a ``raise
        NotImplementedError`` body, and ``name = ...`` for every top-level
        assignment, in the original order.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return f"{STUB_HEADER}\n..."
    lines: list[str] = [STUB_HEADER]
    seen: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            lines.append(ast.unparse(node))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines.append(_function_stub(node))
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for name in _names(targets):
                if name not in seen:
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


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every ``solution`` cell stubbed and its outputs removed."""
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if is_solution(cell):
            cell.source = stub_source(cell.source)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("jupyter", None)  # the stub is meant to be seen, not collapsed
            cell.metadata.pop("execution", None)
    return out


def restore(student: nbformat.NotebookNode, teacher: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``student`` with its stubs replaced by the teacher's solution cells (matched by cell id)."""
    solutions = {cell.id: cell for cell in teacher.cells if is_solution(cell)}
    out = copy.deepcopy(student)
    out.cells = [copy.deepcopy(solutions[c.id]) if is_solution(c) else c for c in out.cells]
    return out


def build(src: str | Path, dst: str | Path) -> list[Path]:
    """Write the student edition of every notebook in ``src`` to ``dst``; return the files written."""
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(src.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        target = dst / path.name
        nbformat.write(student_notebook(nb), target)
        written.append(target)
    return written


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build" / "student"
    files = build(root / "notebooks", out)
    print(f"student edition: {len(files)} notebooks in {out}")
