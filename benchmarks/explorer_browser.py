"""How fast notebook 07's explorer answers the keyboard, in real JupyterLab in headless Chromium.

Starts JupyterLab on a copy of notebooks/ without outputs (tests/browser/helpers.py's ``lab_server``),
opens 07_gradient_descent_explorer.ipynb in Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) driven by
Playwright, runs all cells and waits for the explorer's figure (ipympl). The explorer is measured in the
state Run All leaves it in. Every time is taken inside the page, on its clock (``performance.now()``): a
``keydown`` listener notes when each key press arrived, and a ``requestAnimationFrame`` loop hashes the
figure canvas's pixels (``getImageData``) at every frame and notes when the hash changed. So a time runs
from the browser receiving the key to the first animation frame showing new pixels: the slider's message
to the kernel, the kernel's recomputation and redraw, the PNG back, and its drawing on the canvas
(resolution: one frame, about 17 ms).

* ``explorer_browser_latency_ms_p50`` / ``_p95``: with the learning-rate slider's handle focused (the first
  slider whose label contains "η"), single ArrowRight presses from Playwright's keyboard (real input
  events), then as many ArrowLeft (after one warm-up press each way, not counted); each from a quiet
  canvas, waiting for the change and then for 0.5 s without one. ``explorer_browser_latency_presses`` is
  how many presses were timed (a press that changes nothing within 10 s is left out, and
  ``explorer_browser_latency_missed`` says so).
* ``explorer_flood_settle_ms``: 30 ArrowRight presses 20 ms apart, then the time from the last press to the
  last change of the canvas, a change counting as the last once 1.5 s pass without another. The presses
  are timed in the page (keydown/keyup events dispatched on the focused handle by a setTimeout chain):
  Playwright's keyboard costs a round trip per press, which on a busy machine stretched 20 ms to 40.
  ``explorer_flood_press_span_ms`` is the span the page saw from the first to the last (ideally 580);
  ``explorer_flood_frames``, the canvas changes seen from the first press on.

Prints ``name: value`` lines, or ``explorer_browser: skipped (no Chromium)`` and exits 0 when Chromium or
Playwright is missing. Takes well under a minute (JupyterLab's start and Run All are most of it). On a
failure, the page and JupyterLab's log are saved in build/bench/.
"""

import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from helpers import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_FLAGS,
    FIGURE_CANVAS,
    canvas_changes,
    focus_slider_handle,
    key_times,
    lab_server,
    now_ms,
    open_and_run_all,
    press_keys_in_page,
    problems,
    readout,
    wait_canvas_change,
    wait_canvas_quiet,
    watch_canvas,
)

NOTEBOOK = "07_gradient_descent_explorer.ipynb"
ETA = "η"  # in the learning-rate slider's label, whatever else the label says
PRESSES_EACH_WAY = 12  # timed presses right, then as many left
FLOOD_PRESSES, FLOOD_INTERVAL_MS = 30, 20
QUIET_MS, FLOOD_QUIET_MS = 500, 1500


def latencies(page) -> tuple[list[float], int]:
    """Time single presses on the focused slider; return the latencies (ms) and how many presses missed."""
    times, missed = [], 0
    keys = ["ArrowRight", "ArrowLeft"] + ["ArrowRight"] * PRESSES_EACH_WAY + ["ArrowLeft"] * PRESSES_EACH_WAY
    for i, key in enumerate(keys):
        wait_canvas_quiet(page, QUIET_MS)
        t0 = now_ms(page)
        page.keyboard.press(key)
        try:
            changed = wait_canvas_change(page, t0, timeout_ms=10_000)
        except Exception:  # Playwright's TimeoutError: this press changed nothing
            missed += 1
            continue
        if i >= 2:  # the first two presses warm up
            times.append(changed - key_times(page, t0)[0])
    wait_canvas_quiet(page, QUIET_MS)
    return times, missed


def flood(page) -> dict[str, float]:
    """Press ArrowRight FLOOD_PRESSES times FLOOD_INTERVAL_MS apart; time how long the canvas takes to settle."""
    wait_canvas_quiet(page, FLOOD_QUIET_MS)
    t0 = now_ms(page)
    press_keys_in_page(page, "ArrowRight", FLOOD_PRESSES, FLOOD_INTERVAL_MS)
    keys = key_times(page, t0)
    assert len(keys) == FLOOD_PRESSES, f"the page saw {len(keys)} of {FLOOD_PRESSES} key presses"
    last_change = wait_canvas_quiet(page, FLOOD_QUIET_MS, since=keys[-1], timeout_ms=120_000)
    return {
        "explorer_flood_settle_ms": last_change - keys[-1],
        "explorer_flood_press_span_ms": keys[-1] - keys[0],
        "explorer_flood_frames": len(canvas_changes(page, t0)),
    }


def measure(page, lab) -> dict[str, float]:
    open_and_run_all(page, lab, NOTEBOOK)
    page.wait_for_function(
        "(s) => { const c = document.querySelector(s); return c && c.width > 0 && c.height > 0; }",
        arg=FIGURE_CANVAS,
        timeout=60_000,
    )
    assert problems(page) == [], problems(page)
    watch_canvas(page)
    wait_canvas_quiet(page, FLOOD_QUIET_MS, timeout_ms=60_000)
    handle = focus_slider_handle(page, ETA)
    start = readout(page, ETA)
    times, missed = latencies(page)
    assert readout(page, ETA) == start, (start, readout(page, ETA))  # as many presses left as right
    assert times, "no key press on the η slider changed the figure"
    if not handle.evaluate("el => el === document.activeElement"):
        focus_slider_handle(page, ETA)
    out = {
        "explorer_browser_latency_ms_p50": float(np.percentile(times, 50)),
        "explorer_browser_latency_ms_p95": float(np.percentile(times, 95)),
        "explorer_browser_latency_presses": len(times),
    }
    if missed:
        out["explorer_browser_latency_missed"] = missed
    out.update(flood(page))
    return out


def main() -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not Path(CHROMIUM).exists():
        why = "Playwright is not installed" if sync_playwright is None else f"no Chromium at {CHROMIUM}"
        print(why, file=sys.stderr)
        print("explorer_browser: skipped (no Chromium)")
        return 0
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as tmp, lab_server(Path(tmp)) as lab:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                results = measure(page, lab)
            except Exception:
                out = ROOT / "build" / "bench"
                out.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out / "explorer_browser_failed.png"))
                shutil.copy(lab["root"] / "lab.log", out / "explorer_browser_lab.log")
                print(f"failed: the page and JupyterLab's log are in {out}", file=sys.stderr)
                raise
            finally:
                browser.close()
    for name, value in results.items():
        print(f"{name}: {value:.0f}" if isinstance(value, int) else f"{name}: {value:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
