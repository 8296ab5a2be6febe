"""The explorer's figure: three linked panels, their artists, and blitting.

* parameter view (``figure.axes[0]``): contours of J, the path, the current point, the minimiser,
  and the gradient as the sum of the classes' pulls (:func:`lessons.explorer.layout.pull_chain`);
* data view: the samples, the current model, and each sample's pull;
* curves: ``J - J*`` (or ``J`` when there is no minimiser) and ``||grad J||`` against the step.

Everything that depends on the run or the step is an *animated* artist, drawn over a cached
background. Only a new data set, a new λ or a switch to the race redraws the whole figure; a new
learning rate, start, step or selected sample redraws the moving artists alone.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from lessons import descent, model
from lessons.display import still_png
from lessons.explorer.layout import pull_chain
from lessons.i18n import translator
from lessons.style import OPTIMISER_STYLES

_ = translator(__name__)

__all__ = ["ExplorerView", "FONT", "CLASS_COLOURS"]

FONT = 12  # points: every text in the figure is readable on a projector
CLASS_COLOURS = np.array(["#d62728", "#1f77b4"])  # label 0 red, label 1 blue (as the RdBu shading)
FLOOR = 1e-12  # the curves' lowest value: J - J* reaches rounding level there
HALO = [patheffects.withStroke(linewidth=4, foreground="white")]


def _arrows(ax, m: int, colors, width: float):
    """``m`` animated arrows in data units, all of zero length for now."""
    zeros = np.zeros(m)
    return ax.quiver(
        zeros, zeros, zeros, zeros, color=colors, angles="xy", scale_units="xy", scale=1, width=width,
        minlength=0, animated=True, zorder=6,
    )  # fmt: skip


def _set_arrows(quiver, tails, vectors) -> None:
    quiver.set_offsets(np.asarray(tails, dtype=float).reshape(-1, 2))
    v = np.asarray(vectors, dtype=float).reshape(-1, 2)
    quiver.set_UVC(v[:, 0], v[:, 1])


class ExplorerView:
    """The figure of :class:`lessons.explorer.Explorer`.

    Parameters
    ----------
    interactive : bool
        True: a figure of the notebook's backend (ipympl's canvas widget). False: a plain Agg canvas,
        for still images and GIFs.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        ``figure.axes[0]`` is the parameter view, ``[1]`` the data view, ``[2]`` the curves.
    """

    def __init__(self, interactive: bool = True):
        size = (12.8, 6.6)
        if interactive:
            with plt.ioff():
                fig = plt.figure(figsize=size, dpi=72)
        else:
            fig = Figure(figsize=size, dpi=72)
            FigureCanvasAgg(fig)
        gs = fig.add_gridspec(2, 2, width_ratios=[1.15, 1], height_ratios=[1.2, 1], wspace=0.28, hspace=0.45)
        self.figure = fig
        self.ax_p = fig.add_subplot(gs[:, 0])
        self.ax_d = fig.add_subplot(gs[0, 1])
        self.ax_c = fig.add_subplot(gs[1, 1])
        fig.subplots_adjust(left=0.07, right=0.98, top=0.88, bottom=0.09)
        canvas = fig.canvas
        for name in ("header_visible", "footer_visible", "toolbar_visible"):
            if hasattr(canvas, name):
                setattr(canvas, name, False)
        if hasattr(canvas, "resizable"):
            canvas.resizable = False
        for axis in (self.ax_p, self.ax_d, self.ax_c):
            axis.tick_params(labelsize=FONT)

        a = {"animated": True}
        ax = self.ax_p
        self.contours: list = []
        self.path = ax.plot([], [], "-", color="k", lw=1.6, zorder=4, **a)[0]
        self.point = ax.plot([], [], "o", color="k", ms=8, zorder=7, **a)[0]
        self.start = ax.plot([], [], "s", color="0.35", ms=7, zorder=4, **a)[0]
        self.minimum = ax.plot([], [], "*", color="#F0E442", mec="k", ms=16, zorder=5)[0]
        self.chain = _arrows(ax, 3, [*CLASS_COLOURS, "0.45"], 0.006)
        self.resultant = _arrows(ax, 1, "k", 0.009)
        self.own = _arrows(ax, 1, "k", 0.014)  # the selected sample's pull, recoloured per sample
        self.racers = {
            m: ax.plot([], [], lw=2.2, ms=9, markevery=[-1], label=descent.method_label(m), path_effects=HALO,
                       zorder=5, **style, **a)[0]
            for m, style in OPTIMISER_STYLES.items()
        }  # fmt: skip
        self.legend = ax.legend(handles=list(self.racers.values()), loc="lower left", fontsize=FONT, framealpha=0.85)
        self.legend.set_visible(False)

        d = self.ax_d
        self.shading = d.imshow(np.zeros((2, 2)), cmap="RdBu", vmin=0, vmax=1, alpha=0.35, origin="lower",
                                aspect="auto", **a)  # fmt: skip
        self.curve = d.plot([], [], "k-", lw=2, **a)[0]
        self.boundary = d.plot([], [], "k-", lw=2, **a)[0]
        self.pulls = _arrows(d, 1, "k", 0.006)  # rebuilt per data set: one arrow per sample
        self.scatter = d.scatter([], [], s=30, edgecolors="k", linewidths=0.5, zorder=3)
        self.ring = d.plot([], [], "o", ms=16, mfc="none", mec="k", mew=2.5, zorder=7, **a)[0]

        c = self.ax_c
        self.J = c.semilogy([], [], color="#0072B2", lw=2, label="J − J*", **a)[0]
        self.g = c.semilogy([], [], color="#E69F00", lw=2, ls="--", label="‖∇J‖", **a)[0]
        self.gaps = {
            m: c.semilogy([], [], lw=2, ms=7, markevery=[-1], **style, **a)[0] for m, style in OPTIMISER_STYLES.items()
        }
        self.curve_legend = c.legend(handles=[self.J, self.g], loc="upper right", fontsize=FONT)
        self.cursor = c.axvline(0, color="k", lw=1, **a)
        c.set_xlabel(_("step k"), fontsize=FONT)
        self.title = fig.text(0.07, 0.955, "", fontsize=FONT, fontweight="bold", va="center", **a)

        self.problem: descent.Problem | None = None
        self.run: descent.Run | None = None
        self.others: dict[str, descent.Run] = {}
        self.race = False
        self.lam = 0.0
        self.selected: int | None = None
        self.frame = 0
        self.headline = ""
        self.background = None
        self._xgrid = np.zeros(0)
        self._dgrid = np.zeros((0, 2))
        self._pull_scale = 1.0
        self._surface_key: tuple | None = None
        canvas.mpl_connect("draw_event", self._on_draw)

    # ------------------------------------------------------------------ layers that need a full draw

    def set_problem(self, p: descent.Problem) -> None:
        """Draw what depends on the data set alone: the samples and the data view's axes."""
        self.problem, self.selected, self._surface_key = p, None, None
        ax = self.ax_d
        X, y = p.X, p.y
        if p.fit_bias:
            points = np.column_stack([X[:, 0], y])
            lo, hi = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
            ax.set(xlim=(lo, hi), ylim=(-0.15, 1.15))
            ax.set_xlabel("x", fontsize=FONT)
            ax.set_ylabel("y,  ŷ = σ(wx + b)", fontsize=FONT)
            self._xgrid = np.linspace(lo, hi, 200)
        else:
            points = X
            pad = 0.15 * (X.max(axis=0) - X.min(axis=0))
            lo, hi = X.min(axis=0) - pad, X.max(axis=0) + pad
            ax.set(xlim=(lo[0], hi[0]), ylim=(lo[1], hi[1]))
            ax.set_xlabel("x₁", fontsize=FONT)
            ax.set_ylabel("x₂", fontsize=FONT)
            g0, g1 = np.meshgrid(np.linspace(lo[0], hi[0], 60), np.linspace(lo[1], hi[1], 60))
            self._dgrid = np.column_stack([g0.ravel(), g1.ravel()])
            self.shading.set_extent((lo[0], hi[0], lo[1], hi[1]))
            self._pull_scale = 0.5 * float(np.min(hi - lo)) / float(np.abs(X).max())
        self.points = points
        self.scatter.set_offsets(points)
        self.scatter.set_facecolor(CLASS_COLOURS[y.astype(int)])
        self.curve.set_visible(p.fit_bias)
        self.boundary.set_visible(not p.fit_bias)
        self.shading.set_visible(not p.fit_bias)
        self.pulls.remove()
        self.pulls = _arrows(ax, len(y), CLASS_COLOURS[y.astype(int)], 0.006)

    def set_surface(self, lam: float, race: bool, method: str = "gd") -> None:
        """Draw what depends on the data set and λ: the contours, the minimiser, the curves' axes."""
        p = self.problem
        self.lam, self.race = lam, race
        key = (p.key, lam, race, method if race else "")
        if key == self._surface_key:
            return
        ax = self.ax_p
        for c in self.contours:
            c.remove()
        p0, p1, J = descent.loss_grid(p.key, lam)
        levels = np.unique(np.concatenate([[J.min()], np.quantile(J, np.linspace(0.004, 0.95, 18))]))
        self.contours = [
            ax.contourf(p0, p1, J, levels=levels, cmap="viridis", alpha=0.55),
            ax.contour(p0, p1, J, levels=levels, colors="k", linewidths=0.4, alpha=0.5),
        ]
        ax.set(xlim=p.extent[:2], ylim=p.extent[2:])
        ax.set_xlabel(p.param_names[0], fontsize=FONT)
        ax.set_ylabel(p.param_names[1], fontsize=FONT)
        ax.set_title(_("the loss J over the parameters (click to start there)"), fontsize=FONT)
        m = descent.minimiser(p.key, lam)
        self.minimum.set_data(([m[0]], [m[1]]) if m is not None else ([], []))
        J_star = descent.optimum(p.key, lam)
        top = float(J.max()) - (J_star or 0.0)
        reach = float(np.linalg.norm(p.design(), axis=1).max()) + lam * float(np.abs(p.extent).max())
        self.ax_c.set_ylim(FLOOR, 3 * max(top, reach))
        self.ax_c.set_ylabel("J − J*" if J_star is not None else "J", fontsize=FONT)
        self.J.set_label("J − J*" if J_star is not None else "J")
        self.curve_legend.remove()
        handles = list(self.gaps.values()) if race else [self.J, self.g]
        labels = [descent.method_label(m) for m in self.gaps] if race else [self.J.get_label(), "‖∇J‖"]
        self.curve_legend = self.ax_c.legend(
            handles, labels, loc="center right" if race else "upper right", fontsize=FONT
        )
        if race:
            title = _("the data and {method}'s model").format(method=descent.method_label(method))
        else:
            title = _("the data and the current model")
        self.ax_d.set_title(title, fontsize=FONT)
        self.legend.set_visible(False)  # the curves' legend names the racers
        self._surface_key = key

    def set_steps(self, steps: int) -> None:
        self.ax_c.set_xlim(0, max(steps, 1))

    # ------------------------------------------------------------------ the moving layer

    def set_run(self, run: descent.Run, others: dict[str, descent.Run], headline: str) -> None:
        """A new run (new rate or start): the curves and the headline; no drawing yet."""
        self.run, self.others, self.headline = run, others, headline
        J_star = descent.optimum(self.problem.key, self.lam)
        shift = J_star if J_star is not None else 0.0
        k = np.arange(run.steps + 1)
        self.J.set_data(k, np.maximum(run.losses - shift, FLOOR))
        self.g.set_data(k, np.maximum(run.grad_norms, FLOOR))
        for m, line in self.gaps.items():
            r = others.get(m)
            line.set_data((np.arange(r.steps + 1), np.maximum(r.losses - shift, FLOOR)) if r else ([], []))
        for line in (self.J, self.g):
            line.set_visible(not self.race)
        self.frame = min(self.frame, run.steps)

    def set_frame(self, k: int) -> None:
        """Move every animated artist to step ``k`` (no drawing)."""
        run, p = self.run, self.problem
        k = self.frame = int(min(max(k, 0), run.steps))
        theta = run.path[k]
        solo = not self.race
        self.title.set_text(self.headline)
        self.path.set_data(run.path[: k + 1, 0], run.path[: k + 1, 1])
        self.point.set_data([theta[0]], [theta[1]])
        self.start.set_data([run.path[0, 0]], [run.path[0, 1]])
        for m, line in self.racers.items():
            path = self.others[m].path[: k + 1] if m in self.others else np.empty((0, 2))
            line.set_data(path[:, 0], path[:, 1])
        chain = pull_chain(run, k, p.y, p.extent, self.selected)
        _set_arrows(self.chain, chain.tails, chain.vectors)
        _set_arrows(self.resultant, theta, chain.resultant)
        _set_arrows(self.own, theta, chain.selected)
        if self.selected is not None:
            self.own.set_color(CLASS_COLOURS[int(p.y[self.selected])])
            self.ring.set_data([self.points[self.selected, 0]], [self.points[self.selected, 1]])
        else:
            self.ring.set_data([], [])
        for artist in (self.path, self.point, self.chain, self.resultant, self.own, self.pulls, self.ring):
            artist.set_visible(solo)

        w, b = p.split(theta)
        p_hat = model.sigmoid(p.X @ w + b)
        if p.fit_bias:  # each sample's pull: from its prediction to its label
            self.curve.set_data(self._xgrid, model.sigmoid(w[0] * self._xgrid + b))
            _set_arrows(self.pulls, np.column_stack([p.X[:, 0], p_hat]), np.column_stack([0 * p_hat, p.y - p_hat]))
        else:
            self.shading.set_data(model.sigmoid(self._dgrid @ w).reshape(60, 60))
            norm = float(np.hypot(*w))
            if norm > 0:
                along = np.array([-w[1], w[0]]) / norm * 1e3
                self.boundary.set_data([-along[0], along[0]], [-along[1], along[1]])
            else:
                self.boundary.set_data([], [])
            _set_arrows(self.pulls, p.X, -(p_hat - p.y)[:, None] * p.X * self._pull_scale)
        self.cursor.set_xdata([k, k])

    @property
    def animated(self) -> list:
        """The moving artists, in drawing order."""
        return [
            self.shading, self.curve, self.boundary, self.pulls, self.ring, self.start, *self.racers.values(),
            self.path, self.chain, self.own, self.resultant, self.point, self.J, self.g, *self.gaps.values(),
            self.cursor, self.title,
        ]  # fmt: skip

    # ------------------------------------------------------------------ drawing

    def _draw_animated(self) -> None:
        for artist in self.animated:
            if artist.get_visible():
                self.figure.draw_artist(artist)

    def _on_draw(self, event) -> None:
        """After every full draw (but a save's, see :meth:`still_png`): cache the background, then draw the
        moving artists on it."""
        if getattr(self.figure.canvas, "_is_saving", False):
            return
        self.background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        if self.run is not None:
            self.set_frame(self.frame)
            self._draw_animated()

    def redraw(self) -> None:
        """Ask for a full draw (the static layers changed).

        ``draw_idle``, not ``draw``: with ipympl it asks the browser to request the draw, and drawing
        before the browser has shown the canvas leaves it blank. On an Agg canvas it draws at once.
        """
        self.background = None
        self.figure.canvas.draw_idle()

    def show(self, k: int) -> None:
        """Step ``k``: the moving artists over the cached background, then blit."""
        self.set_frame(k)
        if self.background is None:  # nothing drawn yet: the full draw will draw step k
            self.figure.canvas.draw_idle()
            return
        self.figure.canvas.restore_region(self.background)
        self._draw_animated()
        self.figure.canvas.blit(self.figure.bbox)

    def still_png(self) -> bytes:
        """The current step drawn in full, as PNG bytes: a still picture for readers without a kernel. Saved
        through Agg (never the widget's own draw, so nothing is sent to a browser) with the moving artists
        drawn as ordinary ones; the cached background is left alone."""
        if self.run is not None:
            self.set_frame(self.frame)
        return still_png(self.figure, self.animated)

    def frame_rgb(self, k: int, redraw: bool = False) -> np.ndarray:
        """Step ``k`` rendered, as an RGB array (h, w, 3); blitted unless ``redraw`` (same pixels)."""
        canvas = self.figure.canvas
        self.frame = k
        if redraw or self.background is None:
            canvas.draw()  # _on_draw caches the background and draws the moving artists
        else:
            self.set_frame(k)
            canvas.restore_region(self.background)
            self._draw_animated()
        return np.asarray(canvas.buffer_rgba())[:, :, :3].copy()
