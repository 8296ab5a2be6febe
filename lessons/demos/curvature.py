"""Notebook 06's widget: the loss curves upwards everywhere, yet it has a minimiser only when it grows in every
direction; λ > 0 guarantees one.

The data are the notebook's own: §4's overlapping classes (60 points, the centred feature) and §6's four separable
points. The model has one weight and a bias, so the parameters ``(w, b)`` are the whole story. At a point the
reader chooses, the Hessian's eigenvectors, each scaled by its eigenvalue, show how strongly ``J`` curves there.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from lessons import model, optimize
from lessons._validate import as_matrix, as_nonnegative, as_positive, as_scalar, require_finite
from lessons.demos.base import Demo, choice, slider
from lessons.descent import learning_rate_bounds
from lessons.i18n import N_, translator
from lessons.surface import loss_at

_ = translator(__name__)

__all__ = [
    "DATA_SETS",
    "LAMBDAS",
    "EXTENT",
    "SCALE",
    "data_set",
    "minimiser",
    "falling_direction",
    "curvature",
    "curvature_cross",
    "surface",
    "CurvatureDemo",
]

#: The data sets: key -> what the menu calls them (in English; translated where shown).
DATA_SETS = {"overlapping": N_("overlapping (§4, centred)"), "separable": N_("separable (§6, 4 points)")}
#: Their short names, in the panel's title.
_SHORT_NAMES = {"overlapping": N_("overlapping"), "separable": N_("separable")}
#: The penalties offered, 0 and then one per decade.
LAMBDAS = (0.0, 1e-4, 1e-3, 1e-2, 0.1, 1.0)
#: The window ``(w_min, w_max, b_min, b_max)`` shown, for both data sets.
EXTENT = (-2.0, 12.0, -3.0, 3.0)
#: How far the falling-direction arrow is drawn to the side of the origin.
ARROW_OFFSET = (EXTENT[3] - EXTENT[2]) / 4
#: Drawn half-length of a curvature direction per unit of curvature (eigenvalue).
SCALE = 2.0
_X_CURVE = np.linspace(-4.0, 4.0, 161)


def data_set(key: str) -> tuple[np.ndarray, np.ndarray]:
    """The notebook's data: ``"overlapping"`` (§4's 60 points, feature centred) or ``"separable"`` (§6's 4 points).

    Parameters
    ----------
    key : str
        A key of :data:`DATA_SETS`.

    Returns
    -------
    X : ndarray, shape (n, 1)
    y : ndarray, shape (n,)
    """
    if key == "overlapping":
        rng = np.random.default_rng(8)  # as in the notebook's §4: class 0 around x = 1, class 1 around x = 3
        x = np.concatenate([rng.normal(1, 1, 30), rng.normal(3, 1, 30)])[:, None]
        return x - x.mean(), np.concatenate([np.zeros(30), np.ones(30)])
    if key == "separable":
        return np.array([[-2.0], [-1.0], [1.0], [2.0]]), np.array([0.0, 0.0, 1.0, 1.0])
    raise ValueError(_("data: expected one of {choices}, got {key!r}").format(choices=list(DATA_SETS), key=key))


def minimiser(X, y, lam: float) -> np.ndarray | None:
    """The minimiser ``(w..., b)`` of ``J``, or None when it has none.

    Whether one exists is decided by :func:`lessons.descent.learning_rate_bounds` (it has no edge of stability
    exactly when there is no minimiser: ``J`` keeps falling along some direction); the minimiser itself is found
    by Newton's method (:func:`lessons.optimize.fit`).

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lam : float, >= 0

    Returns
    -------
    ndarray, shape (d + 1,), or None
    """
    if learning_rate_bounds(X, y, lam).edge is None:
        return None
    return optimize.fit(X, y, lam, "newton").theta


def falling_direction(X, y) -> np.ndarray | None:
    """A unit direction ``(v_w, v_b)`` along which the unpenalised ``J`` of one feature keeps falling, or None.

    There is one exactly when a threshold puts each class on its own side (or only one class occurs): then
    every margin ``±(x_i v_w + v_b)`` is ``>= 0`` along ``v`` and some is ``> 0``, so every sample's loss
    falls (or stays) as one moves along ``v``, for ever. The threshold chosen is midway across the gap.

    Parameters
    ----------
    X : array_like, shape (n, 1)
    y : array_like, shape (n,), values in {0, 1}

    Returns
    -------
    ndarray, shape (2,), or None
    """
    X = as_matrix(X, "X")
    if X.shape[1] != 1:
        raise ValueError(_("X: expected one feature, shape (n, 1), got {shape}").format(shape=X.shape))
    x, y = X[:, 0], np.asarray(y, dtype=float)
    if y.shape != x.shape or not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(_("y: expected {n} labels in {{0, 1}}, got {y!r}").format(n=len(x), y=y))
    x0, x1 = x[y == 0], x[y == 1]
    if x0.size == 0 or x1.size == 0:
        return np.array([0.0, 1.0 if x0.size == 0 else -1.0])  # one class: the bias alone runs off
    for sign, low, high in ((1.0, x0, x1), (-1.0, x1, x0)):
        if low.max() <= high.min() and low.min() < high.max():
            v = sign * np.array([1.0, -(low.max() + high.min()) / 2])
            return v / np.linalg.norm(v)
    return None


def curvature(X, y, w: float, b: float, lam: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The Hessian's eigenvalues and eigenvectors at ``(w, b)`` (one feature), from :func:`lessons.model.hessian`.

    Parameters
    ----------
    X : array_like, shape (n, 1)
    y : array_like, shape (n,), values in {0, 1}
    w, b : float
    lam : float, >= 0

    Returns
    -------
    mu : ndarray, shape (2,)
        The curvatures, ascending: ``v.T H v`` along each eigenvector ``v``.
    vectors : ndarray, shape (2, 2)
        Column ``k`` is the unit eigenvector of ``mu[k]``, in ``(w, b)``.
    """
    return np.linalg.eigh(model.hessian(X, y, [as_scalar(w, "w")], as_scalar(b, "b"), lam))


def curvature_cross(centre, mu, vectors, scale: float = SCALE) -> tuple[np.ndarray, np.ndarray]:
    """What is drawn at a point: the two curvature directions, and the ellipse they span.

    Parameters
    ----------
    centre : array_like, shape (2,)
    mu : array_like, shape (2,)
        Curvatures (eigenvalues), ``>= 0``.
    vectors : array_like, shape (2, 2)
        Unit eigenvectors, one per column.
    scale : float, > 0
        Half-length drawn per unit of curvature.

    Returns
    -------
    axes : ndarray, shape (2, 2, 2)
        ``axes[k]`` is the segment ``centre ± scale * mu[k] * vectors[:, k]``, as its two end points.
    ellipse : ndarray, shape (73, 2)
        ``centre + scale * V diag(mu) (cos t, sin t)``: the image of the unit circle under ``scale * H``.
    """
    centre = np.asarray(centre, dtype=float)
    mu, vectors = np.asarray(mu, dtype=float), np.asarray(vectors, dtype=float)
    if centre.shape != (2,) or mu.shape != (2,) or vectors.shape != (2, 2):
        raise ValueError(
            _("centre, mu, vectors: expected shapes (2,), (2,), (2, 2); got {centre}, {mu}, {vectors}").format(
                centre=centre.shape, mu=mu.shape, vectors=vectors.shape
            )
        )
    require_finite(mu, "mu")
    if (mu < 0).any():
        raise ValueError(_("mu: curvatures must be >= 0, got {mu}").format(mu=mu))
    scale = as_positive(scale, "scale")
    half = scale * mu * vectors  # column k: the half-axis along eigenvector k
    axes = np.stack([[centre - half[:, k], centre + half[:, k]] for k in range(2)])
    t = np.linspace(0.0, 2 * np.pi, 73)
    return axes, centre + (half @ np.stack([np.cos(t), np.sin(t)])).T


@lru_cache(maxsize=32)
def surface(key: str, lam: float, size: tuple[int, int] = (151, 91)) -> tuple:
    """``J`` over the window :data:`EXTENT`, its minimiser and its infimum, computed once per (data set, λ).

    Parameters
    ----------
    key : str
        A key of :data:`DATA_SETS`.
    lam : float, >= 0
    size : (int, int)
        Grid points along ``w`` and along ``b``.

    Returns
    -------
    w_axis : ndarray, shape (size[0],)
    b_axis : ndarray, shape (size[1],)
    J : ndarray, shape (size[1], size[0])
        ``J[i, j]`` is the loss at ``(w_axis[j], b_axis[i])``.
    star : ndarray, shape (2,), or None
        The minimiser (None: there is none).
    infimum : float
        ``J(star)``, or 0 when there is no minimiser (``J`` tends to 0 along :func:`falling_direction`).
    """
    X, y = data_set(key)
    lam = as_nonnegative(lam, "lam")
    w_axis, b_axis = np.linspace(*EXTENT[:2], size[0]), np.linspace(*EXTENT[2:], size[1])
    W, B = np.meshgrid(w_axis, b_axis)
    J = loss_at(X, y, np.column_stack([W.ravel(), B.ravel()]), lam).reshape(W.shape)
    star = minimiser(X, y, lam)
    infimum = 0.0 if star is None else model.loss(X, y, star[:1], star[1], lam)
    for a in (w_axis, b_axis, J) + (() if star is None else (star,)):
        a.flags.writeable = False
    return w_axis, b_axis, J, star, infimum


def _arrow(direction: np.ndarray) -> np.ndarray:
    """The arrow drawn for a falling direction ``v``: its tail and head ``(w0, b0, w1, b1)``.

    ``J`` falls along ``v`` from every point, so the arrow need not start at the origin: it starts half the window's
    height to the right of ``v`` (below it, for ``v = (1, 0)``), clear of the line ``b = 0`` where the notebook
    puts the point, and runs 90 % of the way to the window's edge.
    """
    tail = ARROW_OFFSET * np.array([direction[1], -direction[0]])
    lo, hi = np.array(EXTENT[::2]), np.array(EXTENT[1::2])
    room = min((hi[k] - tail[k] if d > 0 else lo[k] - tail[k]) / d for k, d in enumerate(direction) if d != 0)
    return np.r_[tail, tail + 0.9 * room * direction]


class CurvatureDemo(Demo):
    """Left: contours of ``J(w, b)``, the minimiser (a star) or the direction it falls along for ever (an arrow),
    and at the chosen point the Hessian's eigenvectors scaled by their eigenvalues. Right: the data and the
    model ``σ(w x + b)`` at that point.

    Controls: ``data`` (a data set of :data:`DATA_SETS`), ``lam`` (λ, one of :data:`LAMBDAS`), and ``w``, ``b``
    (the point; a click on the contours moves it there, see :meth:`click`).
    """

    title = N_("Positive curvature everywhere, and a minimiser only when J grows in every direction")
    fast_controls = frozenset({"w", "b"})

    def __init__(
        self, data: str = "separable", lam: float = 0.0, w: float = 1.0, b: float = 0.0, interactive: bool = True
    ):
        super().__init__(
            {
                "data": choice(_("data"), [(_(label), key) for key, label in DATA_SETS.items()], data),
                "lam": choice("λ", [(f"{v:g}", v) for v in LAMBDAS], lam),
                "w": slider("w", w, EXTENT[0], EXTENT[1], 0.05),
                "b": slider("b", b, EXTENT[2], EXTENT[3], 0.05),
            },
            size=(11, 4.2),
            interactive=interactive,
        )
        self.ax_j, self.ax_d = self.figure.subplots(1, 2, width_ratios=(2.0, 1))
        ax = self.ax_j
        self.contours, self._shown = None, None
        self.star = ax.plot([], [], "*", color="#F0E442", mec="k", ms=20, label=_("minimiser"), zorder=4)[0]
        self.arrow = ax.annotate(
            "", (0, 0), (0, 0), arrowprops={"arrowstyle": "-|>", "color": "C3", "lw": 2.5, "mutation_scale": 22}
        )
        self.note = ax.text(
            0.98, 0.96, "", transform=ax.transAxes, ha="right", va="top", fontsize=13,
            bbox={"facecolor": "white", "edgecolor": "0.6", "boxstyle": "round"}, zorder=5,
        )  # fmt: skip
        kw = {"color": "C5", "animated": True, "zorder": 6}
        self.axis_lines = [ax.plot([], [], lw=3, solid_capstyle="round", **kw)[0] for _ in range(2)]
        self.axis_lines[0].set_label(_("curvature (∝ eigenvalues)"))
        self.ellipse = ax.plot([], [], lw=1.2, **kw)[0]
        self.point = ax.plot([], [], "o", color="k", ms=8, animated=True, zorder=7, label=_("the point"))[0]
        ax.set(xlim=EXTENT[:2], ylim=EXTENT[2:], aspect="equal", xlabel="w", ylabel="b")
        self.dots = [self.ax_d.plot([], [], "o", color=f"C{k}", ms=8, alpha=0.6, label=f"y = {k}")[0] for k in (0, 1)]
        self.curve = self.ax_d.plot(_X_CURVE, 0 * _X_CURVE, color="k", lw=2, animated=True, label="σ(w x + b)")[0]
        self.ax_d.set(xlim=(-4, 4), ylim=(-0.1, 1.1), xlabel="x", ylabel="y,  σ(w x + b)")
        self.ax_d.legend(loc="center left", bbox_to_anchor=(0.0, 0.7))
        self.figure.canvas.mpl_connect("button_press_event", self._on_click)
        # Constrained layout moves an equal-aspect axes a little at each of its first few passes, so a full redraw
        # would not match a blitted frame: lay the figure out once, with its titles and legends, and keep that.
        self.draw(self.compute(**self.values()))
        self.figure.get_layout_engine().execute(self.figure)
        self.figure.set_layout_engine("none")
        self.refresh()

    def click(self, w: float, b: float) -> None:
        """Move the point to ``(w, b)``, as a click on the contours does (clamped to the window)."""
        self.set(w=float(np.clip(w, *EXTENT[:2])), b=float(np.clip(b, *EXTENT[2:])))

    def _on_click(self, event) -> None:
        if event.inaxes is self.ax_j and event.xdata is not None:
            self.click(event.xdata, event.ydata)

    def compute(self, data: str, lam: float, w: float, b: float) -> dict[str, np.ndarray]:
        X, y = data_set(data)
        w_axis, b_axis, J, star, infimum = surface(data, lam)
        direction = falling_direction(X, y) if star is None else None
        mu, vectors = curvature(X, y, w, b, lam)
        axes, ellipse = curvature_cross((w, b), mu, vectors)
        return {
            "J": J,
            "levels": infimum + 0.01 * 2.0 ** np.arange(8),
            "star": np.empty(0) if star is None else np.asarray(star),
            "arrow": np.empty(0) if direction is None else _arrow(direction),
            "infimum": np.array([infimum]),
            "point": np.array([w, b]),
            "J_point": np.array([model.loss(X, y, [w], b, lam)]),
            "mu": mu,
            "axes": axes,
            "ellipse": ellipse,
            "curve": model.sigmoid(w * _X_CURVE + b),
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        data, lam = self.controls["data"].value, self.controls["lam"].value
        X, y = data_set(data)
        star, arrow = c["star"], c["arrow"]
        self.star.set_data(star[:1], star[1:])
        self.star.set_label(_("minimiser") if star.size else "_none")
        self.arrow.set_visible(arrow.size > 0)
        if arrow.size:
            self.arrow.xyann, self.arrow.xy = tuple(arrow[:2]), tuple(arrow[2:])
        if self._shown != (data, lam):  # the contours change only with the data set and λ
            w_axis, b_axis, *_rest = surface(data, lam)
            if self.contours is not None:
                self.contours.remove()
            self.contours = self.ax_j.contour(w_axis, b_axis, c["J"], levels=c["levels"], cmap="viridis")
            self.ax_j.set_title(_("J(w, b), {name} data, λ = {lam:g}").format(name=_(_SHORT_NAMES[data]), lam=lam))
            self.ax_j.legend(loc="upper left", framealpha=0.9)
            for k, dots in enumerate(self.dots):
                dots.set_data(X[y == k, 0], y[y == k])
            self.ax_d.set_title(_("the data ({n} points) and the model").format(n=len(y)))
            self._shown = (data, lam)
        self.note.set_text("" if star.size else _("no minimiser:\nJ keeps falling\nalong the arrow"))
        self.point.set_data(c["point"][:1], c["point"][1:])
        for line, seg in zip(self.axis_lines, c["axes"], strict=True):
            line.set_data(seg[:, 0], seg[:, 1])
        self.ellipse.set_data(c["ellipse"][:, 0], c["ellipse"][:, 1])
        self.curve.set_ydata(c["curve"])
        (w, b), mu = c["point"], c["mu"]
        if star.size:
            inside = EXTENT[0] <= star[0] <= EXTENT[1] and EXTENT[2] <= star[1] <= EXTENT[3]
            off = "" if inside else _(" (off the window)")
            w_star, b_star = np.round(star, 3) + 0.0  # no "-0.000"
            head = _("minimiser (w*, b*) = ({w:.3f}, {b:.3f}){off}, where J* = {J:.4f}").format(
                w=w_star, b=b_star, off=off, J=c["infimum"][0]
            )
        else:
            head = _("no minimiser: along the arrow J falls towards 0 and never reaches it")
        return _(
            "{head}.<br>At the point (w, b) = ({w:.2f}, {b:.2f}): J = {J:.4f}; "
            "the Hessian's eigenvalues are {mu0:.1e} and {mu1:.1e}, both &gt; 0."
        ).format(head=head, w=w, b=b, J=c["J_point"][0], mu0=mu[0], mu1=mu[1])

    def drawn(self) -> dict[str, np.ndarray]:
        xy = np.array(self.arrow.xyann + self.arrow.xy) if self.arrow.get_visible() else np.empty(0)
        return {
            "levels": np.asarray(self.contours.levels),
            "star": np.concatenate([self.star.get_xdata(), self.star.get_ydata()]),
            "arrow": xy,
            "point": np.concatenate([self.point.get_xdata(), self.point.get_ydata()]),
            "axes": np.stack([np.column_stack(line.get_data()) for line in self.axis_lines]),
            "ellipse": np.column_stack(self.ellipse.get_data()),
            "curve": np.asarray(self.curve.get_ydata()),
        }
