"""How fast every notebook widget answers the keyboard, in real JupyterLab in headless Chromium.

For each notebook in ``RESPONSE_SLIDERS`` (tests/browser/helpers.py): open it (served without outputs), Run All,
wait for its widget, focus the listed slider's handle and time single arrow-key presses, from the browser
receiving the key to the first animation frame with new pixels in the widget's figure (timed in the page; see
``slider_response_ms``). Prints ``widget_response_ms_p95_<nn>`` for each notebook and
``widget_response_ms_p95_max``, the worst of them (target ≤ 300), or ``widget_response: skipped (no Chromium)``.
"""

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from helpers import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_FLAGS,
    RESPONSE_SLIDERS,
    lab_server,
    open_and_run_all,
    problems,
    slider_response_ms,
)

PRESSES = 12


def main() -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not Path(CHROMIUM).exists():
        print("widget_response: skipped (no Chromium)")
        return 0
    p95 = {}
    with tempfile.TemporaryDirectory(prefix="widget-bench-") as tmp, lab_server(Path(tmp)) as lab:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            for name, label in RESPONSE_SLIDERS.items():
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                open_and_run_all(page, lab, name)
                assert problems(page) == [], (name, problems(page))
                times = slider_response_ms(page, label, PRESSES)
                assert times, f"{name}: no key press on the {label!r} slider changed the figure"
                p95[name[:2]] = float(np.percentile(times, 95))
                page.close()
            browser.close()
    for nn, value in p95.items():
        print(f"widget_response_ms_p95_{nn}: {value:.1f}")
    print(f"widget_response_ms_p95_max: {max(p95.values()):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
