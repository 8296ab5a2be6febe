"""Re-run notebooks in place from a fresh kernel, as *Restart Kernel and Run All* would, and save them as
JupyterLab saves them: without widget state. So each widget's output keeps its picture for readers without a
kernel (nbconvert, nbviewer and GitHub show a widget's PNG only when the notebook holds no state for it).

    python -m tools.execute notebooks/02_likelihood_to_loss.ipynb [...]

(all notebooks of both editions if none is given)
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbconvert.preprocessors import ExecutePreprocessor

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, timeout: int = 600) -> None:
    """Run ``path`` top to bottom in a fresh kernel, in its own folder, and write it back."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    run = ExecutePreprocessor(timeout=timeout, store_widget_state=False)
    run.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
        (ROOT / "notebooks" / "zh").glob("*.ipynb")
    )
    for path in paths:
        print(f"running {path.name}", flush=True)
        execute(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
