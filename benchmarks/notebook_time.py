"""Wall time of each notebook under nbval, one at a time; prints `name: value`.

The budget is about 15 s per notebook on a 2-core machine, of which about
3 s is pytest start-up plus a kernel start.
"""

import subprocess
import sys
import time
from pathlib import Path

root = Path(__file__).resolve().parents[1]
for nb in sorted((root / "notebooks").glob("*.ipynb")):
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-q", str(nb)], cwd=root, capture_output=True)
    status = "" if r.returncode == 0 else "  # FAILED"
    print(f"nbval_seconds_{nb.stem}: {time.perf_counter() - t0:.1f}{status}")
