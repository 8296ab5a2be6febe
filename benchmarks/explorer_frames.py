"""Server-side cost of one explorer frame, against a full redraw; prints `name: value`.

Uses ipympl's real canvas (the one JupyterLab talks to). ipympl encodes a PNG
(of the changed pixels) for the browser after each draw or blit; the script
forces that encode too, so both figures include it.
"""

import statistics
import time

import matplotlib

matplotlib.use("module://ipympl.backend_nbagg")

from lessons.explorer import Explorer  # noqa: E402


def timed(fn, repeats):
    out = []
    for i in range(repeats):
        t0 = time.perf_counter()
        fn(i)
        out.append(1e3 * (time.perf_counter() - t0))
    return out


ex = Explorer("overlapping", steps=120)
canvas = ex.figure.canvas
# What JupyterLab's ipympl frontend sends once it shows the figure: from then on the kernel sends only
# PNG diffs, and stops re-encoding the whole figure into the widget's saved state at every frame.
canvas._handle_message(canvas, {"type": "initialized"}, [])
canvas.draw()
canvas.get_diff_image()
assert type(canvas).__module__.startswith("ipympl"), type(canvas)


def frame(i):
    ex.w_step.value = i % (ex.run.steps + 1)  # exactly what Play does: one step of the slider
    canvas.get_diff_image()  # the PNG the browser receives


def full_redraw(i):
    ex.view._surface_key = None  # forget the cached contour artists: redraw everything from scratch
    ex.view.set_surface(ex.w_lam.value, ex.race, ex.method)
    canvas._force_full = True
    canvas.draw()
    canvas.get_diff_image()


timed(frame, 5)  # warm-up
frames = timed(frame, 100)
full = timed(full_redraw, 15)
median_frame, median_full = statistics.median(frames), statistics.median(full)
print(f"explorer_frame_ms_median: {median_frame:.1f}")
print(f"explorer_full_redraw_ms_median: {median_full:.1f}")
print(f"explorer_frame_ratio_vs_full_redraw: {median_frame / median_full:.3f}")


def new_rate(i):
    ex.w_eta.value = ex.w_eta.value * (1.02 if i % 2 else 1 / 1.02)  # one key press on the slider: a new run,
    canvas.get_diff_image()  # blitted over the cached background, and the PNG the browser receives


rates = timed(new_rate, 40)
print(f"explorer_rate_change_ms_median: {statistics.median(rates):.1f}")
