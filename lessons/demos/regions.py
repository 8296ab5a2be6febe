"""Notebook 10's widget: a decision boundary is where two classes' scores tie, and nothing else moves it.

The model is section 6's toy problem (three classes of 50 points round three centres in the plane), fitted with
λ = 0.01 as in that section. Class 0's weight vector can be turned and its bias shifted; every score can be divided
by a temperature ``T``, ``p = softmax(z / T)``. The figure shows the predicted class (argmax) with the straight
boundaries, the largest probability as a shaded map, and the three probabilities at one marked point as bars.
What the reader sees: turning or shifting class 0 moves only class 0's two boundaries (the boundary of classes 1
and 2 does not involve class 0), and ``T`` moves no boundary at all, because dividing every score by the same
positive number keeps their order; it changes only how confident the probabilities are.
"""

from __future__ import annotations

import functools
import itertools
import numbers

import numpy as np
from matplotlib.colors import ListedColormap

from lessons import softmax as sm
from lessons._validate import as_matrix, as_positive, as_scalar, as_vector
from lessons.demos.base import Demo, slider
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = [
    "toy_problem",
    "adjust_class",
    "tempered_proba",
    "boundary_segments",
    "RegionsDemo",
    "LAM",
    "BOX",
    "MARKED",
]

LAM = 0.01
#: The part of the plane that is drawn, (x₁ min, x₁ max, x₂ min, x₂ max), as in section 7's figure.
BOX = (-5.0, 5.0, -4.5, 5.5)
#: The marked point whose probabilities are shown as bars: near the boundary of classes 0 and 2.
MARKED = np.array([1.5, 1.0])
N_GRID = 200
CLASS_COLOURS = ("C0", "C1", "C2")  # blue, orange, grey: as in section 7's figure
SIZE = (11.0, 4.2)
#: Where the panels go, in inches from the figure's lower left corner: (left, bottom, width, height) of the
#: regions map, the confidence map, its colour bar, and the bars.
LAYOUT = ((0.6, 0.55, 3.3, 3.3), (4.55, 0.55, 3.3, 3.3), (7.95, 0.55, 0.15, 3.3), (9.2, 0.55, 1.7, 3.3))


def _inches(left: float, bottom: float, width: float, height: float) -> tuple[float, float, float, float]:
    return left / SIZE[0], bottom / SIZE[1], width / SIZE[0], height / SIZE[1]


@functools.cache
def _toy() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    centres = np.array([[0.0, 2.0], [-1.8, -1.0], [1.8, -1.0]])
    X = np.vstack([ctr + rng.normal(size=(50, 2)) for ctr in centres])
    y = np.repeat(np.arange(3), 50)
    fitted = sm.fit(X, y, LAM, method="newton", tol=1e-12)
    return X, y, fitted.W, fitted.b


def toy_problem() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Section 6's toy problem and its softmax fit with λ = :data:`LAM` (Newton, from 0).

    Returns
    -------
    X : ndarray, shape (150, 2)
        50 points round each of the centres (0, 2), (−1.8, −1) and (1.8, −1), drawn with seed 0.
    y : ndarray of int, shape (150,)
        Labels 0, 1, 2, fifty of each.
    W : ndarray, shape (2, 3)
        Fitted weights, one column per class.
    b : ndarray, shape (3,)
        Fitted biases.
    """
    return tuple(a.copy() for a in _toy())


def _class_index(k: object, n_classes: int) -> int:
    if isinstance(k, bool) or not isinstance(k, numbers.Integral):
        raise TypeError(_("k must be an integer class index, got {type}").format(type=type(k).__name__))
    if not 0 <= k < n_classes:
        raise ValueError(_("k must be a class index from 0 to {last}, got {k}").format(last=n_classes - 1, k=k))
    return int(k)


def _weights_2d(W: object, b: object) -> tuple[np.ndarray, np.ndarray]:
    W = as_matrix(W, "W")
    if W.shape[0] != 2 or W.shape[1] < 2:
        raise ValueError(
            _("W must have shape (2, K), K >= 2 (two features, one column per class), got {shape}").format(
                shape=W.shape
            )
        )
    return W, as_vector(b, W.shape[1], "b", "K = W.shape[1]")


def adjust_class(W, b, k: int, angle: float, shift: float) -> tuple[np.ndarray, np.ndarray]:
    """Class ``k``'s weight vector turned by ``angle`` degrees (same length) and its bias shifted by ``shift``.

    Parameters
    ----------
    W : array_like, shape (2, K)
        Weights of a model with two features, one column per class.
    b : array_like, shape (K,)
    k : int
        The class to change, ``0 <= k < K``.
    angle : float
        Degrees, counter-clockwise.
    shift : float
        Added to ``b[k]``.

    Returns
    -------
    W_new : ndarray, shape (2, K)
        ``W`` with column ``k`` rotated; the other columns unchanged.
    b_new : ndarray, shape (K,)
        ``b`` with ``b[k] + shift``; the other entries unchanged.

    Raises
    ------
    TypeError, ValueError
        For bad input; the message names the argument.
    """
    W, b = _weights_2d(W, b)
    k = _class_index(k, W.shape[1])
    a = np.radians(as_scalar(angle, "angle"))
    shift = as_scalar(shift, "shift")
    W, b = W.copy(), b.copy()
    W[:, k] = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) @ W[:, k]
    b[k] += shift
    return W, b


def tempered_proba(X, W, b, T: float) -> np.ndarray:
    """Class probabilities at temperature ``T``: ``softmax((X @ W + b) / T)``, row by row.

    Parameters
    ----------
    X : array_like, shape (n, d)
    W : array_like, shape (d, K)
    b : array_like, shape (K,)
    T : float
        The temperature, ``> 0``. ``T = 1`` is the model itself; ``T < 1`` sharpens the probabilities towards
        one-hot, ``T > 1`` flattens them towards ``1/K``. The order of each row's scores, and so the argmax, does
        not depend on ``T``.

    Returns
    -------
    ndarray, shape (n, K)
        Each row sums to 1.
    """
    T = as_positive(T, "T")
    return sm.softmax(sm.scores(X, W, b) / T)


def boundary_segments(W, b, box: tuple[float, float, float, float] = BOX) -> tuple[list, np.ndarray]:
    """The visible pieces of the decision boundaries of a model with two features.

    Classes ``k`` and ``m`` share a boundary where their scores tie and no other class scores higher: on the
    line ``(w_k − w_m)ᵀx + (b_k − b_m) = 0``, the part where ``z_k ≥ z_j`` for every other ``j``. Clipped to
    ``box``, that part is one segment (or nothing).

    Parameters
    ----------
    W : array_like, shape (2, K)
    b : array_like, shape (K,)
    box : (float, float, float, float)
        ``(x₁ min, x₁ max, x₂ min, x₂ max)``.

    Returns
    -------
    pairs : list of (int, int)
        ``(k, m)`` with ``k < m``, in the order of ``itertools.combinations(range(K), 2)``.
    segments : ndarray, shape (len(pairs), 2, 2)
        ``segments[i]`` holds the two end points (one per row) of pair ``i``'s boundary, or NaN where the two
        classes share no boundary inside the box (also when ``w_k = w_m``: the scores then never tie on a line).
    """
    W, b = _weights_2d(W, b)
    lo1, hi1, lo2, hi2 = (as_scalar(v, "box") for v in box)
    if not (lo1 < hi1 and lo2 < hi2):
        raise ValueError(_("box must be (x₁ min, x₁ max, x₂ min, x₂ max) with min < max, got {box}").format(box=box))
    reach = max(np.hypot(x1, x2) for x1 in (lo1, hi1) for x2 in (lo2, hi2))
    K = W.shape[1]
    pairs = list(itertools.combinations(range(K), 2))
    segments = np.full((len(pairs), 2, 2), np.nan)
    for i, (k, m) in enumerate(pairs):
        normal, offset = W[:, k] - W[:, m], b[k] - b[m]
        size = float(np.hypot(*normal))
        if size == 0.0 or abs(offset) > reach * size:  # no line, or one farther from 0 than the box reaches
            continue
        unit = normal / size
        origin = -(offset / size) * unit  # the point of the line closest to 0
        along = np.array([-unit[1], unit[0]])
        t_lo, t_hi = -np.inf, np.inf
        # each condition is linear along the line: c0 + c1 t >= 0
        conditions = [(origin[0] - lo1, along[0]), (hi1 - origin[0], -along[0])]
        conditions += [(origin[1] - lo2, along[1]), (hi2 - origin[1], -along[1])]
        for j in range(K):
            if j not in (k, m):  # z_k - z_j >= 0 on the line
                gap = W[:, k] - W[:, j]
                conditions.append((gap @ origin + b[k] - b[j], gap @ along))
        for c0, c1 in conditions:
            with np.errstate(over="ignore"):  # a nearly parallel condition: its bound is ±inf, which is right
                bound = -np.float64(c0) / c1 if c1 != 0 else None
            if c1 > 0:
                t_lo = max(t_lo, bound)
            elif c1 < 0:
                t_hi = min(t_hi, bound)
            elif c0 < 0:
                t_lo, t_hi = np.inf, -np.inf
        if t_lo < t_hi and np.isfinite(t_lo) and np.isfinite(t_hi):
            segments[i] = [origin + t_lo * along, origin + t_hi * along]
    return pairs, segments


def _signed(value: float, fmt: str) -> str:
    """``value`` formatted with a true minus sign (−), as in the notebook's text."""
    return format(value + 0.0, fmt).replace("-", "−")


class RegionsDemo(Demo):
    """Three panels: the predicted class with its boundaries, the largest probability, and p at the marked point.

    Controls: ``turn`` (class 0's weight vector turned by Δθ₀ degrees), ``shift`` (added to class 0's bias, Δb₀)
    and ``T`` (the temperature that divides every score). Every control is fast: all that moves is animated.
    """

    title = N_("Decision regions, class 0's weights and the temperature T")
    fast_controls = frozenset({"turn", "shift", "T"})

    def __init__(self, turn: float = 0.0, shift: float = 0.0, T: float = 1.0, interactive: bool = True):
        super().__init__(
            {
                "turn": slider("Δθ₀ (°)", turn, -90.0, 90.0, 5.0, ".0f"),
                "shift": slider("Δb₀", shift, -3.0, 3.0, 0.1, ".1f"),
                "T": slider("T", T, 0.2, 5.0, 0.05),
            },
            size=SIZE,
            interactive=interactive,
        )
        self.X, self.y, self.W_fit, self.b_fit = toy_problem()
        g1, g2 = np.meshgrid(np.linspace(BOX[0], BOX[1], N_GRID), np.linspace(BOX[2], BOX[3], N_GRID))
        self.grid = np.column_stack([g1.ravel(), g2.ravel()])
        self.region_fit = tempered_proba(self.grid, self.W_fit, self.b_fit, 1.0).argmax(axis=1)
        fit_segments = boundary_segments(self.W_fit, self.b_fit)[1]

        fig = self.figure
        fig.set_layout_engine("none")  # constrained layout does not settle with square axes: place them by hand
        self.ax_r, self.ax_p, cax, self.ax_b = (fig.add_axes(_inches(*rect)) for rect in LAYOUT)
        blank = np.zeros((N_GRID, N_GRID))
        shown = {"extent": BOX, "origin": "lower", "interpolation": "nearest", "aspect": "auto", "animated": True}
        self.img_region = self.ax_r.imshow(
            blank, cmap=ListedColormap(CLASS_COLOURS), vmin=-0.5, vmax=2.5, alpha=0.3, **shown
        )
        self.img_conf = self.ax_p.imshow(blank, cmap="viridis", vmin=1 / 3, vmax=1.0, **shown)
        for cls in range(3):  # drawn after (over) the region image, so animated too
            pts = self.X[self.y == cls]
            self.ax_r.scatter(pts[:, 0], pts[:, 1], s=14, c=CLASS_COLOURS[cls], edgecolor="k", linewidth=0.4,
                              animated=True)  # fmt: skip
        for ax, colour in ((self.ax_r, "k"), (self.ax_p, "w")):
            for seg in fit_segments:
                ax.plot(seg[:, 0], seg[:, 1], color=colour, ls=(0, (3, 3)), lw=1.2, animated=True)
        self.lines_r = [self.ax_r.plot([], [], color="k", lw=2, animated=True)[0] for _ in fit_segments]
        self.lines_p = [self.ax_p.plot([], [], color="w", lw=2, animated=True)[0] for _ in fit_segments]
        for ax in (self.ax_r, self.ax_p):
            ax.plot(*MARKED, marker="*", ms=17, color="w", mec="k", mew=1.2, animated=True)
            for spine in ax.spines.values():  # over the images
                spine.set_animated(True)
            ax.set(xlim=BOX[:2], ylim=BOX[2:], xlabel="x₁", ylabel="x₂")  # square: equal scales
        self.ax_r.set_title(_("predicted class (argmax)"))
        self.ax_p.set_title(_("largest $p_k$"))
        fig.colorbar(self.img_conf, cax=cax, ticks=[1 / 3, 0.5, 0.75, 1.0], format="%.2f")

        self.bars = self.ax_b.bar(range(3), np.zeros(3), color=CLASS_COLOURS, edgecolor="k", animated=True)
        self.bar_labels = [
            self.ax_b.text(k, 0.0, "", ha="center", va="bottom", animated=True) for k in range(3)
        ]  # fmt: skip
        self.ax_b.axhline(1 / 3, color="0.4", ls=":", lw=1.2)
        self.ax_b.set(xticks=range(3), xticklabels=["$p_0$", "$p_1$", "$p_2$"], ylim=(0, 1.12),
                      yticks=[0, 1 / 3, 0.5, 1], yticklabels=["0", "1/3", "0.5", "1"],
                      title=_("p at ★ = (1.5, 1.0)"))  # fmt: skip
        self.refresh()

    def compute(self, turn: float, shift: float, T: float) -> dict[str, np.ndarray]:
        W, b = adjust_class(self.W_fit, self.b_fit, 0, turn, shift)
        P = tempered_proba(self.grid, W, b, T)
        region = P.argmax(axis=1)
        segments = boundary_segments(W, b)[1]
        return {
            "region": region.reshape(N_GRID, N_GRID).astype(float),
            "confidence": P.max(axis=1).reshape(N_GRID, N_GRID),
            "segments": segments,
            "p_marked": tempered_proba(MARKED[None, :], W, b, T)[0],
            "changed": np.array([np.mean(region != self.region_fit)]),
            "b0": np.array([b[0]]),
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        self.img_region.set_data(c["region"])
        self.img_conf.set_data(c["confidence"])
        for seg, line_r, line_p in zip(c["segments"], self.lines_r, self.lines_p, strict=True):
            line_r.set_data(seg[:, 0], seg[:, 1])
            line_p.set_data(seg[:, 0], seg[:, 1])
        p = c["p_marked"]
        for bar, label, value in zip(self.bars, self.bar_labels, p, strict=True):
            bar.set_height(value)
            label.set_position((bar.get_x() + bar.get_width() / 2, value + 0.01))
            label.set_text(f"{value:.2f}")
        v = self.values()
        conf = c["confidence"]
        settings = _("w₀ turned by {turn}°, b₀ = {b_fit} {sign} {shift:.1f} = {b0}, T = {T:.2f}.").format(
            turn=_signed(v["turn"], "+.0f"), b_fit=_signed(self.b_fit[0], ".2f"), sign="−+"[v["shift"] >= 0],
            shift=abs(v["shift"]), b0=_signed(c["b0"][0], ".2f"), T=v["T"],
        )  # fmt: skip
        marked = _("  At ★: p = ({p}), predicted class {k}.").format(p=", ".join(f"{x:.3f}" for x in p), k=np.argmax(p))
        area = _(
            "<br>Map area whose predicted class differs from the fitted model's: {percent:.1f} %;"
            "  largest p<sub>k</sub> on the map from {lo:.2f} to {hi:.2f}."
        ).format(percent=100 * c["changed"][0], lo=conf.min(), hi=conf.max())
        return settings + marked + area

    def drawn(self) -> dict[str, np.ndarray]:
        segments = np.array([np.column_stack(line.get_data()) for line in self.lines_r], dtype=float)
        return {
            "region": np.asarray(self.img_region.get_array(), dtype=float),
            "confidence": np.asarray(self.img_conf.get_array(), dtype=float),
            "segments": segments,
            "p_marked": np.array([bar.get_height() for bar in self.bars]),
        }
