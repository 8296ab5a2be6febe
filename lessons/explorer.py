"""The gradient-descent explorer: a widget app over :mod:`lessons.descent`.

One construction call, ``Explorer()``, builds the controls and one persistent
matplotlib figure with three linked views:

* parameter space: contours of J, the path so far, the current point, the
  step ``-eta * grad J`` drawn as the chain of every sample's share, and the
  minimiser;
* data space: the samples and the current model, with each sample's pull;
* curves: J and ||grad J|| against the step, with a cursor.

The numbers (step, parameters, gradient, the update with its values) go to an
HTML widget. Changing a setting recomputes the whole run (milliseconds) and
redraws the figure once; a frame of the animation only indexes into the run
and redraws the moving artists over a cached background (blitting).
"""

from __future__ import annotations

import html
import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from lessons import descent, model

__all__ = ["Explorer"]

BASE_PROBLEMS = ("overlapping", "separable", "overlapping2d", "badly_scaled", "source")
METHOD_LABELS = {
    "gd": "gradient descent",
    "sgd": "SGD (mini-batches of 10)",
    "momentum": "momentum (β = 0.9)",
    "adam": "Adam",
    "newton": "Newton",
}
FONT = 12  # points: every text in the figure is readable on a projector
METHOD_COLORS = {"gd": "C0", "sgd": "C1", "momentum": "C2", "adam": "C3", "newton": "C4"}
COLORS = np.array(["#d62728", "#1f77b4"])  # label 0 red, label 1 blue


def _arrows(ax, tails: np.ndarray, colors, width: float):
    """An animated quiver of arrows in data units, with tails at ``tails`` (shape (m, 2)) and zero length."""
    zeros = np.zeros(len(tails))
    return ax.quiver(
        tails[:, 0], tails[:, 1], zeros, zeros, color=colors, angles="xy", scale_units="xy", scale=1,
        width=width, minlength=0, animated=True,
    )  # fmt: skip


class Explorer:
    """Gradient descent on the logistic loss, animated and linked to the data.

    Parameters
    ----------
    problem : str
        One of ``"overlapping"``, ``"separable"``, ``"overlapping2d"``,
        ``"badly_scaled"``, ``"source"``.
    learning_rate : float, optional
        Default: ``1 / L``, half the stability bound.
    lam : float
    steps : int
    start : (float, float), optional
        Default: the problem's own start point.
    standardise : bool
        Use standardised features (only for ``"badly_scaled"``).
    method : str
        The optimiser, one of ``"gd"``, ``"sgd"``, ``"momentum"``, ``"adam"``,
        ``"newton"`` (settings in :data:`lessons.descent.EXPLORER_OPTIONS`).
    compare : bool
        Also draw every optimiser's path from the same start, for comparison.
    interactive : bool
        False draws on a plain Agg canvas, whatever the notebook's backend:
        for static images and pre-rendered animations (:meth:`frame_png`,
        :meth:`gif`).

    Attributes
    ----------
    widget : ipywidgets.Widget
        Display this.
    run : lessons.descent.Run
        The current trajectory.
    """

    def __init__(
        self,
        problem: str = "overlapping",
        learning_rate: float | None = None,
        lam: float = 0.0,
        steps: int = 60,
        start: tuple[float, float] | None = None,
        standardise: bool = False,
        method: str = "gd",
        compare: bool = False,
        interactive: bool = True,
    ):
        if problem not in BASE_PROBLEMS:
            raise ValueError(f"problem must be one of {BASE_PROBLEMS}, got {problem!r}")
        if method not in METHOD_LABELS:
            raise ValueError(f"method must be one of {tuple(METHOD_LABELS)}, got {method!r}")
        self._busy = False
        self._background = None
        self.frame = 0
        self.others: dict[str, descent.Run] = {}
        self._build_controls(problem, lam, steps, standardise)
        self.w_method.value, self.w_compare.value = method, bool(compare)
        self._build_figure(interactive)
        self._set_problem(start=start, learning_rate=learning_rate)
        self._wire()

    # ------------------------------------------------------------------ construction

    def _build_controls(self, problem, lam, steps, standardise):
        style = {"description_width": "110px"}
        layout = widgets.Layout(width="360px")
        self.w_problem = widgets.Dropdown(
            options=[(descent.PROBLEMS[k].label, k) for k in BASE_PROBLEMS],
            value=problem,
            description="data set",
            style=style,
            layout=widgets.Layout(width="470px"),
        )
        self.w_standardise = widgets.Checkbox(value=standardise, description="standardise features", indent=False)
        self.w_method = widgets.Dropdown(
            options=[(label, key) for key, label in METHOD_LABELS.items()],
            value="gd",
            description="optimiser",
            style=style,
            layout=layout,
        )
        self.w_compare = widgets.Checkbox(value=False, description="overlay every optimiser", indent=False)
        self.w_eta = widgets.FloatLogSlider(
            value=0.1,
            base=10,
            min=-3,
            max=3,
            step=0.01,
            description="learning rate η",
            style=style,
            layout=layout,
            readout_format=".3g",
        )
        self.w_bound = widgets.HTML()
        self.w_lam = widgets.FloatSlider(
            value=lam, min=0.0, max=1.0, step=0.01, description="λ (L2)", style=style, layout=layout
        )
        self.w_steps = widgets.IntSlider(value=steps, min=1, max=300, description="steps", style=style, layout=layout)
        self.w_p0 = widgets.FloatSlider(description="start p₀", style=style, layout=layout, step=0.01)
        self.w_p1 = widgets.FloatSlider(description="start p₁", style=style, layout=layout, step=0.01)
        self.w_play = widgets.Play(value=0, min=0, max=steps, step=1, interval=150, description="play")
        self.w_step = widgets.IntSlider(value=0, min=0, max=steps, description="step k", style=style, layout=layout)
        widgets.jslink((self.w_play, "value"), (self.w_step, "value"))
        self.w_info = widgets.HTML(layout=widgets.Layout(width="470px"))

    def _build_figure(self, interactive: bool):
        if interactive:
            with plt.ioff():
                fig = plt.figure(figsize=(12.8, 6.2), dpi=72)
        else:
            fig = Figure(figsize=(12.8, 6.2), dpi=72)
            FigureCanvasAgg(fig)
        gs = fig.add_gridspec(2, 2, width_ratios=[1.15, 1], height_ratios=[1.2, 1], wspace=0.28, hspace=0.42)
        self.fig = fig
        self.ax_p = fig.add_subplot(gs[:, 0])
        self.ax_d = fig.add_subplot(gs[0, 1])
        self.ax_c = fig.add_subplot(gs[1, 1])
        fig.subplots_adjust(left=0.07, right=0.98, top=0.93, bottom=0.1)
        canvas = fig.canvas
        for name in ("header_visible", "footer_visible", "toolbar_visible"):
            if hasattr(canvas, name):
                setattr(canvas, name, False)
        if hasattr(canvas, "resizable"):
            canvas.resizable = False

        a = dict(animated=True)
        ax = self.ax_p
        self.contours = []
        self.a_path = ax.plot([], [], "-", color="k", lw=1.5, **a)[0]
        self.a_point = ax.plot([], [], "o", color="k", ms=7, **a)[0]
        self.a_chain = _arrows(ax, np.zeros((1, 2)), "k", 0.004)  # replaced per data set in _draw_data_layer
        self.a_step = _arrows(ax, np.zeros((1, 2)), "k", 0.007)
        self.s_min = ax.plot([], [], "*", color="gold", mec="k", ms=15, zorder=5)[0]
        self.s_start = ax.plot([], [], "s", color="0.5", ms=5)[0]
        self.s_others = {  # every optimiser's path up to the current step, when comparing: a race
            m: ax.plot([], [], "-", color=METHOD_COLORS[m], lw=1.4, alpha=0.9, label=label, **a)[0]
            for m, label in METHOD_LABELS.items()
        }
        handles = list(self.s_others.values())
        self.s_legend = ax.legend(handles=handles, loc="upper right", fontsize=FONT, framealpha=0.8)
        self.s_legend.set_visible(False)
        self.a_curve = self.ax_d.plot([], [], "k-", lw=2, **a)[0]
        self.a_boundary = self.ax_d.plot([], [], "k-", lw=2, **a)[0]
        self.a_image = self.ax_d.imshow(
            np.zeros((2, 2)), cmap="RdBu", vmin=0, vmax=1, alpha=0.35, origin="lower", aspect="auto", **a
        )
        self.a_pull = _arrows(self.ax_d, np.zeros((1, 2)), "k", 0.006)  # replaced per data set
        self.s_scatter = self.ax_d.scatter([], [], s=22, edgecolors="k", linewidths=0.5, zorder=3)
        self.s_J = self.ax_c.semilogy([], [], color="C0", label="J")[0]
        self.s_g = self.ax_c.semilogy([], [], color="C1", label="‖∇J‖")[0]
        self.ax_c.legend(loc="upper right", fontsize=FONT)
        self.ax_c.set_xlabel("step k", fontsize=FONT)
        self.a_cursor = self.ax_c.axvline(0, color="k", lw=1, **a)
        for axis in (self.ax_p, self.ax_d, self.ax_c):
            axis.tick_params(labelsize=FONT)
        canvas.mpl_connect("draw_event", self._on_draw)
        canvas.mpl_connect("button_press_event", self._on_click)

    def _wire(self):
        for w in (self.w_problem, self.w_standardise):
            w.observe(lambda change: self._set_problem(), names="value")
        for w in (self.w_eta, self.w_lam, self.w_steps, self.w_p0, self.w_p1, self.w_method, self.w_compare):
            w.observe(lambda change: self._recompute(), names="value")
        self.w_step.observe(lambda change: self.show_step(change["new"]), names="value")
        canvas = self.fig.canvas
        figure_widget = [canvas] if isinstance(canvas, widgets.DOMWidget) else []
        controls = widgets.VBox(
            [
                self.w_problem,
                self.w_standardise,
                widgets.HBox([self.w_method, self.w_compare]),
                widgets.HBox([self.w_eta, self.w_bound]),
                self.w_lam,
                self.w_p0,
                self.w_p1,
                self.w_steps,
                widgets.HBox([self.w_play, self.w_step]),
            ]
        )
        self.widget = widgets.VBox([*figure_widget, widgets.HBox([controls, self.w_info])])

    # ------------------------------------------------------------------ settings

    @property
    def problem(self) -> descent.Problem:
        return descent.get_problem(self.w_problem.value, self.w_standardise.value)

    def _set_problem(self, start=None, learning_rate=None):
        """A new data set: re-range the start sliders, draw the static layers, recompute."""
        self._busy = True
        try:
            self.w_standardise.disabled = f"{self.w_problem.value}_std" not in descent.PROBLEMS
            if self.w_standardise.disabled:
                self.w_standardise.value = False
            p = self.problem
            x0, x1, y0, y1 = p.extent
            s0, s1 = start if start is not None else p.start
            for slider, lo, hi, v in ((self.w_p0, x0, x1, s0), (self.w_p1, y0, y1, s1)):
                slider.min, slider.max = -1e9, 1e9  # widen first so that no clamping fires midway
                slider.value = float(np.clip(v, lo, hi))
                slider.min, slider.max = lo, hi
                slider.step = 0.01
            names = p.param_names
            self.w_p0.description, self.w_p1.description = f"start {names[0]}", f"start {names[1]}"
            bound = 2 / descent.smoothness(p, self.w_lam.value)
            self.w_eta.value = learning_rate if learning_rate is not None else bound / 2
            self._draw_data_layer(p)
        finally:
            self._busy = False
        self._recompute()

    def _recompute(self):
        if self._busy:
            return
        p = self.problem
        lam = self.w_lam.value
        bound = 2 / descent.smoothness(p, lam)
        self.w_bound.value = f"<span style='font-size:90%'>stable for η &lt; 2/L = <b>{bound:.3g}</b></span>"
        start = (self.w_p0.value, self.w_p1.value)
        method = self.w_method.value
        self.w_eta.disabled = method == "newton"  # Newton's step needs no learning rate
        self.run = descent.descend(p, lam, self.w_eta.value, self.w_steps.value, start, method)
        self.others = descent.race(p, lam, self.w_eta.value, self.w_steps.value, start) if self.w_compare.value else {}
        x0, x1 = p.extent[:2]
        self._arrow_length = 0.22 * (x1 - x0)
        self._draw_static(p, lam)
        k_max = self.run.steps
        self._busy = True
        try:
            self.w_play.max = self.w_step.max = k_max
            if self.w_step.value > k_max:
                self.w_step.value = k_max
        finally:
            self._busy = False
        self.frame = min(self.w_step.value, k_max)
        self._background = None
        self._set_frame_artists(self.frame)
        # Full redraw of the static layers, then the moving ones via _on_draw. draw_idle, not draw: with
        # ipympl it asks the browser to request the draw, and drawing before the browser has shown the
        # canvas leaves it blank (0 x 0 pixels). On a plain Agg canvas draw_idle draws at once.
        self.fig.canvas.draw_idle()
        self._update_info()

    def _draw_data_layer(self, p):
        """Things that depend on the data set only."""
        ax = self.ax_d
        X, y = p.X, p.y
        if p.fit_bias:
            pts = np.column_stack([X[:, 0], y])
            lo, hi = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
            ax.set(xlim=(lo, hi), ylim=(-0.15, 1.15))
            ax.set_xlabel("x", fontsize=FONT)
            ax.set_ylabel("y,  ŷ = σ(wx + b)", fontsize=FONT)
            self._xgrid = np.linspace(lo, hi, 200)
        else:
            pts = X
            pad = 0.15 * (X.max(axis=0) - X.min(axis=0))
            lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
            ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
            ax.set_xlabel("x₁", fontsize=FONT)
            ax.set_ylabel("x₂", fontsize=FONT)
            g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], 60), np.linspace(lo[1], hi[1], 60))
            self._dgrid = np.column_stack([g0.ravel(), g1.ravel()])
            self.a_image.set_extent((lo[0], hi[0], lo[1], hi[1]))
            self._pull_scale = 0.5 * float(np.min(hi - lo)) / float(np.abs(X).max())
        self.s_scatter.set_offsets(pts)
        self.s_scatter.set_facecolor(COLORS[y.astype(int)])
        self.a_curve.set_visible(p.fit_bias)
        self.a_boundary.set_visible(not p.fit_bias)
        self.a_image.set_visible(not p.fit_bias)
        ax.set_title("data and the current model", fontsize=FONT)
        label_colors = COLORS[y.astype(int)]
        self.a_pull.remove()  # one arrow per sample: rebuild for the new data set
        self.a_pull = _arrows(ax, pts, label_colors, 0.006)
        self.a_chain.remove()  # one arrow per sample, plus the penalty's (grey)
        self.a_chain = _arrows(self.ax_p, np.zeros((len(y) + 1, 2)), [*label_colors, "0.4"], 0.004)
        self._grid_key = None

    def _draw_static(self, p, lam):
        """Layers that change with the settings but not from frame to frame."""
        ax = self.ax_p
        key = (p.key, lam)
        if key != self._grid_key:  # the loss grid is cached per (problem, lam)
            for c in self.contours:
                c.remove()
            p0, p1, J = descent.loss_grid(p.key, lam)
            levels = np.unique(np.concatenate([[J.min()], np.quantile(J, np.linspace(0.004, 0.95, 18))]))
            self.contours = [
                ax.contourf(p0, p1, J, levels=levels, cmap="viridis", alpha=0.55),
                ax.contour(p0, p1, J, levels=levels, colors="k", linewidths=0.4, alpha=0.5),
            ]
            ax.set(xlim=p.extent[:2], ylim=p.extent[2:])
            names = p.param_names
            ax.set_xlabel(names[0], fontsize=FONT)
            ax.set_ylabel(names[1], fontsize=FONT)
            ax.set_title("loss J over the parameters", fontsize=FONT)
            m = descent.minimiser(p.key, lam)
            self.s_min.set_data(([m[0]], [m[1]]) if m is not None else ([], []))
            self._grid_key = key
        self.s_start.set_data([self.run.path[0, 0]], [self.run.path[0, 1]])
        self.s_legend.set_visible(bool(self.others))
        k = np.arange(self.run.steps + 1)
        self.s_J.set_data(k, self.run.losses)
        self.s_g.set_data(k, np.maximum(self.run.grad_norms, 1e-300))
        self.ax_c.set_xlim(0, max(self.run.steps, 1))
        vals = np.concatenate([self.run.losses, self.run.grad_norms])
        vals = vals[vals > 0]
        self.ax_c.set_ylim(max(vals.min() / 2, 1e-16), vals.max() * 2)

    # ------------------------------------------------------------------ frames

    def _set_frame_artists(self, k: int):
        """Move every animated artist to step k of the run (no drawing)."""
        run, p = self.run, self.problem
        theta = run.path[k]
        self.a_path.set_data(run.path[: k + 1, 0], run.path[: k + 1, 1])
        for m, line in self.s_others.items():
            path = self.others[m].path[: k + 1] if m in self.others else np.empty((0, 2))
            line.set_data(path[:, 0], path[:, 1])
        self.a_point.set_data([theta[0]], [theta[1]])
        # -grad J is drawn at a fixed length (its size is in the numbers and the curves), and the
        # per-sample shares at the same scale, so that they still add up to it.
        norm = float(np.linalg.norm(run.grads[k]))
        # at a minimum the gradient is rounding noise with no direction worth drawing: no arrows
        m = self._arrow_length / norm if norm > 1e-9 else 0.0
        shares = np.vstack([run.contributions[k], run.penalty[k][None, :]]) * -m  # (n + 1, 2)
        tails = theta + np.vstack([np.zeros(2), np.cumsum(shares, axis=0)[:-1]])
        self.a_chain.set_offsets(tails)
        self.a_chain.set_UVC(shares[:, 0], shares[:, 1])
        step = -m * run.grads[k]
        self.a_step.set_offsets([theta])
        self.a_step.set_UVC([step[0]], [step[1]])
        w, b = p.split(theta)
        p_hat = model.sigmoid(p.X @ w + b)
        if p.fit_bias:  # residual arrows from the prediction to the label
            self.a_curve.set_data(self._xgrid, model.sigmoid(w[0] * self._xgrid + b))
            self.a_pull.set_offsets(np.column_stack([p.X[:, 0], p_hat]))
            self.a_pull.set_UVC(np.zeros(len(p.y)), p.y - p_hat)
        else:
            self.a_image.set_data(model.sigmoid(self._dgrid @ w).reshape(60, 60))
            norm = float(np.hypot(*w))
            if norm > 0:
                direction = np.array([-w[1], w[0]]) / norm * 1e3
                self.a_boundary.set_data([-direction[0], direction[0]], [-direction[1], direction[1]])
            else:
                self.a_boundary.set_data([], [])
            pull = -(p_hat - p.y)[:, None] * p.X * self._pull_scale
            self.a_pull.set_UVC(pull[:, 0], pull[:, 1])
        self.a_cursor.set_xdata([k, k])

    @property
    def animated(self) -> list:
        """The moving artists, in drawing order (drawn over the cached background at each frame)."""
        return [
            self.a_image, self.a_curve, self.a_boundary, self.a_pull, *self.s_others.values(),
            self.a_path, self.a_chain, self.a_step, self.a_point, self.a_cursor,
        ]  # fmt: skip

    def _draw_animated(self):
        for artist in self.animated:
            if artist.get_visible():
                artist.axes.draw_artist(artist)

    def _draw_over_background(self):
        """Restore the cached background and draw the moving artists on it (the canvas is not blitted)."""
        self.fig.canvas.restore_region(self._background)
        self._draw_animated()

    def _on_draw(self, event):
        """After every full draw: cache the background, then draw the moving artists on it."""
        canvas = self.fig.canvas
        self._background = canvas.copy_from_bbox(self.fig.bbox)
        self._set_frame_artists(self.frame)
        self._draw_animated()

    def show_step(self, k: int) -> None:
        """Show step ``k`` of the current run: restore the background, redraw the moving artists, blit."""
        if self._busy:
            return
        self.frame = int(min(max(k, 0), self.run.steps))
        canvas = self.fig.canvas
        self._set_frame_artists(self.frame)
        if self._background is None:  # nothing drawn yet (or a setting just changed): full draw
            canvas.draw_idle()
        else:
            self._draw_over_background()
            canvas.blit(self.fig.bbox)
        self._update_info()

    def _on_click(self, event):
        if event.inaxes is not self.ax_p or event.xdata is None:
            return
        self._busy = True
        try:
            self.w_p0.value, self.w_p1.value = float(event.xdata), float(event.ydata)
        finally:
            self._busy = False
        self._recompute()

    # ------------------------------------------------------------------ numbers

    def _update_info(self):
        run, p, k = self.run, self.problem, self.frame
        names = p.param_names
        theta, grad, eta = run.path[k], run.grads[k], run.learning_rate

        def vec(v):
            return "(" + ", ".join(f"{x:+.4f}" for x in v) + ")"

        if run.method == "gd":
            update = f"update: θ ← θ − η∇J = {vec(theta)} − {eta:.3g} × {vec(grad)} = {vec(theta - eta * grad)}"
        elif k < run.steps:
            step = run.path[k + 1] - theta
            update = f"update ({METHOD_LABELS[run.method]}): θ ← θ + {vec(step)} = {vec(run.path[k + 1])}"
        else:
            update = f"update ({METHOD_LABELS[run.method]}): the last step of the run"
        rows = [
            f"<b>step k = {k}</b> of {run.steps}",
            f"({names[0]}, {names[1]}) = {vec(theta)}",
            f"J = {run.losses[k]:.6f}",
            f"∇J = {vec(grad)}, &nbsp;‖∇J‖ = {np.linalg.norm(grad):.3e}",
            update,
            "<span style='color:#555'>arrow: the direction of −∇J (black), drawn at a fixed length, as the "
            "sum of each sample's share (coloured) and the penalty's (grey)</span>",
        ]
        notes = []
        if run.diverged_at is not None:
            notes.append(
                f"<span style='color:#b00'><b>diverged at step {run.diverged_at}</b>: the loss rose from "
                f"{run.losses[0]:.3g} to {run.losses[-1]:.3g}. η = {eta:.3g} is too large "
                f"(stable below {2 / descent.smoothness(p, self.w_lam.value):.3g}).</span>"
            )
        if p.separable and self.w_lam.value == 0:
            notes.append("separable data and λ = 0: <b>no minimiser</b>, the weights grow without bound.")
        self.w_info.value = "<div style='font-family:monospace;font-size:90%'>" + "<br>".join(rows + notes) + "</div>"

    # ------------------------------------------------------------------ helpers for tests and notebooks

    def drawn_path(self) -> np.ndarray:
        """The path currently drawn in parameter space, shape (k + 1, 2)."""
        return np.column_stack(self.a_path.get_data())

    def frame_rgb(self, k: int, redraw: bool = False) -> np.ndarray:
        """Step ``k`` rendered (static and moving layers), as an RGB array (h, w, 3).

        Parameters
        ----------
        k : int
            The step, clipped to ``0..steps``.
        redraw : bool, default False
            Draw the whole figure. By default only the moving artists are drawn
            over the cached background (blitting, as in :meth:`show_step`),
            which gives the same pixels several times faster; the first frame
            after a change of settings is always drawn in full.
        """
        self.frame = int(min(max(k, 0), self.run.steps))
        canvas = self.fig.canvas
        if redraw or self._background is None:
            canvas.draw()  # _on_draw caches the background and draws the moving artists
        else:
            self._set_frame_artists(self.frame)
            self._draw_over_background()
        return np.asarray(canvas.buffer_rgba())[:, :, :3].copy()

    def frame_png(self, k: int | None = None) -> bytes:
        """Step ``k`` (default: the last) as PNG bytes, for a static figure."""
        k = self.run.steps if k is None else k
        with io.BytesIO() as out:
            Image.fromarray(self.frame_rgb(k)).save(out, format="png")
            return out.getvalue()

    def gif(self, frames: int = 40, ms_per_frame: int = 120, scale: float = 0.6) -> bytes:
        """An animated GIF of the run that plays without a kernel.

        Parameters
        ----------
        frames : int
            Number of frames, spread evenly over the run (the last step included).
        ms_per_frame : int
        scale : float
            Image size relative to the figure (smaller files).

        Returns
        -------
        bytes
        """
        ks = np.unique(np.linspace(0, self.run.steps, frames).round().astype(int))
        images = []
        for k in ks:
            im = Image.fromarray(self.frame_rgb(int(k)))
            im = im.resize((int(im.width * scale), int(im.height * scale)), Image.LANCZOS)
            images.append(im.convert("P", palette=Image.ADAPTIVE, colors=128))
        durations = [ms_per_frame] * (len(images) - 1) + [1500]
        with io.BytesIO() as out:
            images[0].save(out, format="gif", save_all=True, append_images=images[1:], duration=durations, loop=0)
            return out.getvalue()

    def info_text(self) -> str:
        """The numeric panel as plain text."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", " ", self.w_info.value.replace("<br>", "\n")))
