"""The generated student edition (tools.student, make student): no solution leaks into it, it runs from
top to bottom under nbval-lax, and putting the solutions back gives the teacher's edition exactly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tools import student
from tools.curriculum import all_notebooks, language_of, notebook_id

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = all_notebooks()  # both editions
ENGLISH = [p for p in NOTEBOOKS if language_of(p) == "en"]


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    """Both student editions, laid out as notebooks/ is: English at the top, Chinese in zh/."""
    out = tmp_path_factory.mktemp("student")
    student.build_both(out)
    return out


def pupil_path(edition: Path, path: Path) -> Path:
    return edition / path.relative_to(ROOT / "notebooks")


def solution_cells(nb):
    return [c for c in nb.cells if student.is_solution(c)]


def test_every_notebook_is_in_the_edition(edition):
    built = sorted(edition.glob("*.ipynb")) + sorted((edition / "zh").glob("*.ipynb"))
    assert [p.relative_to(edition) for p in built] == [p.relative_to(ROOT / "notebooks") for p in NOTEBOOKS]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_no_solution_content_remains(path, edition):
    teacher = nbformat.read(path, as_version=4)
    pupil = nbformat.read(pupil_path(edition, path), as_version=4)
    for t, s in zip(solution_cells(teacher), solution_cells(pupil), strict=True):
        assert s.outputs == [] and s.execution_count is None
        teacher_lines = {ln.strip() for ln in t.source.splitlines()}
        for node in ast.parse(s.source).body:  # only imports, stubbed functions and `name = ...`
            if isinstance(node, ast.FunctionDef):
                body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
                assert len(body) == 1 and isinstance(body[0], ast.Raise), ast.unparse(node)
            elif isinstance(node, ast.Assign):
                assert isinstance(node.value, ast.Constant) and node.value.value is Ellipsis, ast.unparse(node)
            else:
                assert isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr)), ast.unparse(node)
        leaked = [
            ln
            for ln in s.source.splitlines()
            if ln.strip() in teacher_lines and ln.strip() and not ln.lstrip().startswith(("import ", "from ", "def "))
        ]
        assert not leaked, f"{path.name}: solution lines left in the stub: {leaked}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_restoring_the_solutions_gives_the_teacher_edition(path, edition):
    teacher = nbformat.read(path, as_version=4)
    pupil = nbformat.read(pupil_path(edition, path), as_version=4)
    assert student.restore(pupil, teacher) == teacher


# The Chinese student notebooks run the same code with the same stubs (tests/notebooks/test_translation.py
# checks that the code is the same); zh/03 runs in full below, in Chinese.
@pytest.mark.parametrize("path", ENGLISH, ids=notebook_id)
def test_student_edition_runs_under_nbval_lax(path, edition):
    """Top to bottom, with every solution a stub: nothing may crash (the checkers say "not attempted yet")."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider", "-q",
         "-p", "no:randomly", str(edition / path.name)],
        cwd=edition, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]


@pytest.mark.parametrize(("folder", "said"), [("", "not attempted"), ("zh", "尚未作答")], ids=["03", "zh/03"])
def test_stubs_are_reported_as_not_attempted(edition, folder, said):
    """Executed in full, the student edition of notebook 03 shows "not attempted yet" at every check cell (in
    Chinese in the Chinese edition), and its stubs and answer prompts speak the edition's language."""
    from nbclient import NotebookClient

    where = edition / folder
    nb = nbformat.read(where / "03_single_sample_gradient.ipynb", as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(where)}}).execute()
    checks = [c for c in nb.cells if c.cell_type == "code" and "check_" in c.source and not student.is_solution(c)]
    assert checks, "notebook 03 has no check cell"
    for cell in checks:
        text = " ".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in cell.outputs)
        assert said in text, cell.source
    language = "zh" if folder else "en"
    stubs = [c for c in nb.cells if student.is_solution(c)]
    assert stubs and all(c.source.startswith(student.STUB_HEADERS[language]) for c in stubs)


def test_a_stub_shows_only_the_names_later_cells_read():
    """The solution's own helpers are the learner's business: listing them next to the graded name would give
    the plan away. A name a later cell reads stays (else the student edition would stop with a NameError)."""
    source = "import numpy as np\n\ndef helper(a):\n    return a\n\nth = helper(0.5)\norder = [1, 2]\nanswer = th * 2\n"
    assert student.stub_source(source, {"answer"}) == f"{student.STUB_HEADER}\nimport numpy as np\nanswer = ..."
    assert "helper" in student.stub_source(source, {"answer", "helper"})
    assert "order = ..." in student.stub_source(source)  # no later cells known: everything stays


def test_a_why_question_gets_an_empty_answer_cell_and_the_model_answer_comes_back():
    nb = nbformat.v4.new_notebook()
    answer = nbformat.v4.new_markdown_cell("Because the loss is convex.", metadata={"tags": [student.ANSWER_TAG]})
    nb.cells = [
        nbformat.v4.new_markdown_cell("**Why** is every local minimum global?"),
        answer,
        nbformat.v4.new_code_cell("x = helper()\ny = x + 1", metadata={"tags": [student.SOLUTION_TAG]}),
        nbformat.v4.new_code_cell("check(y)"),
    ]
    pupil = student.student_notebook(nb)
    assert pupil.cells[1].source == student.ANSWER_PROMPT and "convex" not in str(pupil)
    assert pupil.cells[2].source.splitlines()[1:] == ["y = ..."]
    assert student.restore(pupil, nb) == nb
