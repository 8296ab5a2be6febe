"""nbval starts each kernel in notebooks/, as JupyterLab and Binder do. Some
people start Jupyter at the repository root instead; the notebooks must run
there too (no relative paths to data or helpers)."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tools.curriculum import all_notebooks, notebook_id

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = all_notebooks()  # both editions: notebooks/ and notebooks/zh/


@pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
def test_runs_with_the_kernel_started_at_the_repo_root(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [
        o
        for c in nb.cells
        if c.cell_type == "code" and "raises-exception" not in c.metadata.get("tags", [])
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert not errors
