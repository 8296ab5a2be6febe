"""Wall time of each notebook under nbval, one at a time; prints `name: value`.

Each figure is the whole `python -m pytest --nbval` process: interpreter and
plugin start-up, kernel start and the notebook's cells. The budgets are 15 s
for 02-06 and 12 and 20 s for 08-11 on a 2-core machine. The first line,
`nbval_seconds_floor_one_cell_notebook`, is the fixed part: the same command on
a notebook with a single `1 + 1` cell. Both editions are timed (`nbval_seconds_zh_...` for notebooks/zh/).
"""

import subprocess
import sys
import time
from pathlib import Path

import nbformat

root = Path(__file__).resolve().parents[1]


def nbval_seconds(nb: Path) -> tuple[float, bool]:
    t0 = time.perf_counter()
    # -p no:hypothesispytest: the notebooks use no hypothesis, and its plugin costs about a second of start-up
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval", "-q", "-p", "no:hypothesispytest", str(nb)],
        cwd=root,
        capture_output=True,
    )
    return time.perf_counter() - t0, r.returncode == 0


floor = root / "build" / "bench" / "floor_one_cell_notebook.ipynb"
floor.parent.mkdir(parents=True, exist_ok=True)
one_cell = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
one_cell.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(one_cell, floor)
seconds, ok = nbval_seconds(floor)  # no outputs stored, so nothing to compare: it only runs
print(f"nbval_seconds_floor_one_cell_notebook: {seconds:.1f}{'' if ok else '  # FAILED'}")

for nb in sorted((root / "notebooks").glob("*.ipynb")) + sorted((root / "notebooks" / "zh").glob("*.ipynb")):
    seconds, ok = nbval_seconds(nb)
    edition = "zh_" if nb.parent.name == "zh" else ""  # the Chinese edition: the same budgets
    print(f"nbval_seconds_{edition}{nb.stem}: {seconds:.1f}{'' if ok else '  # FAILED'}")
