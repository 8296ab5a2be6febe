"""Notebook 04's widget: the L2 penalty is one more pull in ∇J_λ; on the bias it drags the boundary to the origin.

The data are the six samples of notebook 04 §5, and gradient descent starts where that section does,
``w = (−0.4, 0.9)``, ``b = 0``, with its learning rate η = 1. Each sample's term ``(ŷᵢ − yᵢ)(xᵢ, 1)/n`` of the
gradient is drawn, laid head to tail, followed by the penalty's term ``λw`` (and ``λb`` if the bias is penalised);
together they end at ``∇J_λ``, the gradient of the penalised loss. A step moves ``(w, b)`` against that sum.
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import MaxNLocator

from lessons import model
from lessons._validate import as_float_array, as_labels, as_matrix, as_nonnegative, as_positive, as_scalar, as_vector
from lessons.demos.base import Demo, int_slider, slider
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = ["X", "Y", "W0", "B0", "ETA", "K_MAX", "pulls", "descend", "boundary", "distance_from_origin", "PullsDemo"]

#: Notebook 04 §5's six samples (rows), their labels, the starting weights and bias, and its learning rate.
X = np.array([[1.0, 2.0], [2.0, 0.5], [-1.0, 1.5], [0.5, -1.0], [-1.5, -0.5], [2.5, 1.5]])
Y = np.array([1, 1, 0, 0, 0, 1], dtype=float)
W0, B0 = np.array([-0.4, 0.9]), 0.0
ETA = 1.0
K_MAX = 100
_HALF_LENGTH = 20.0  # half the length of the drawn boundary segment, far beyond the data plane's limits


def _as_bool(value: object, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(_("{name} must be True or False, got {type}").format(name=name, type=type(value).__name__))
    return bool(value)


def pulls(X, y, w, b, lam: float, penalise_bias: bool) -> tuple[np.ndarray, np.ndarray]:
    """Each sample's term of the gradient of the penalised mean loss, and the penalty's term.

    ``J_λ(w, b) = (1/n) Σᵢ Lᵢ + (λ/2)‖w‖²``, plus ``(λ/2)b²`` if ``penalise_bias``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w : array_like, shape (d,)
    b : float
    lam : float
        λ ≥ 0.
    penalise_bias : bool

    Returns
    -------
    samples : ndarray, shape (n, d + 1)
        Row i is ``(ŷᵢ − yᵢ)(xᵢ, 1)/n``: sample i's term of ``(∇_w J_λ, ∂J_λ/∂b)``.
    penalty : ndarray, shape (d + 1,)
        ``(λw, λb)``, with ``λb`` replaced by 0 when the bias is not penalised.
        ``samples.sum(axis=0) + penalty`` is the whole gradient ``(∇_w J_λ, ∂J_λ/∂b)``.
    """
    X = as_matrix(X, "X")
    n, d = X.shape
    y = as_labels(y, n, "y")
    w = as_vector(w, d, "w", "d = X.shape[1]")
    b = as_scalar(b, "b")
    lam = as_nonnegative(lam, "lam")
    penalise_bias = _as_bool(penalise_bias, "penalise_bias")
    residual = model.sigmoid(model.logits(X, w, b)) - y
    samples = residual[:, None] * np.hstack([X, np.ones((n, 1))]) / n
    penalty = np.append(lam * w, lam * b if penalise_bias else 0.0)
    return samples, penalty


def descend(X, y, w, b, lam: float, penalise_bias: bool, steps: int, eta: float = ETA) -> np.ndarray:
    """Plain gradient descent on the penalised mean loss of :func:`pulls`.

    Parameters
    ----------
    X, y, w, b, lam, penalise_bias
        As in :func:`pulls`; ``w``, ``b`` are the start.
    steps : int
        Number of steps, ≥ 0.
    eta : float
        Learning rate, > 0.

    Returns
    -------
    ndarray, shape (steps + 1, d + 1)
        Row k is ``(w, b)`` after k steps (row 0 is the start).
    """
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise TypeError(_("steps must be an integer, got {type}").format(type=type(steps).__name__))
    if steps < 0:
        raise ValueError(_("steps must be >= 0, got {steps}").format(steps=steps))
    eta = as_positive(eta, "eta")
    X = as_matrix(X, "X")
    w = as_vector(w, X.shape[1], "w", "d = X.shape[1]")
    theta = np.empty((steps + 1, X.shape[1] + 1))
    theta[0] = np.append(w, as_scalar(b, "b"))
    for k in range(steps):
        samples, penalty = pulls(X, y, theta[k, :-1], theta[k, -1], lam, penalise_bias)
        theta[k + 1] = theta[k] - eta * (samples.sum(axis=0) + penalty)
    return theta


def boundary(w, b) -> np.ndarray:
    """Two points, far apart, on the decision boundary ``w·x + b = 0`` in the plane of two features.

    Parameters
    ----------
    w : array_like, shape (2,)
    b : float

    Returns
    -------
    ndarray, shape (2, 2)
        Rows are the points ``p ± 20 u``, where ``p = −b w/‖w‖²`` is the boundary's point nearest the origin and
        ``u`` a unit vector along it. All NaN if ``w = 0`` (then there is no boundary).
    """
    w = as_vector(w, 2, "w", "two features")
    b = as_scalar(b, "b")
    norm = float(np.hypot(*w))
    if norm == 0.0:
        return np.full((2, 2), np.nan)
    unit = w / norm
    nearest = -(b / norm) * unit
    along = np.array([-unit[1], unit[0]])
    return np.vstack([nearest - _HALF_LENGTH * along, nearest + _HALF_LENGTH * along])


def distance_from_origin(w, b) -> float:
    """The distance ``|b|/‖w‖`` from the origin to the boundary ``w·x + b = 0`` (``inf`` if ``w = 0``, ``b ≠ 0``).

    Parameters
    ----------
    w : array_like, shape (d,)
    b : float
    """
    w = as_vector(w, as_float_array(w, "w").size, "w", "d")
    b = as_scalar(b, "b")
    norm = float(np.linalg.norm(w))
    if norm == 0.0:
        return 0.0 if b == 0.0 else float("inf")
    return abs(b) / norm


@functools.lru_cache(maxsize=64)
def _run(lam: float, penalise_bias: bool) -> tuple[np.ndarray, np.ndarray]:
    """The whole run for one setting: (w, b) after k = 0..K_MAX steps, shape (K_MAX + 1, 3), and every step's
    terms of the gradient (n samples, then the penalty), shape (K_MAX + 1, n + 1, 3)."""
    theta = descend(X, Y, W0, B0, lam, penalise_bias, K_MAX)
    terms = np.array([np.vstack(pulls(X, Y, t[:-1], t[-1], lam, penalise_bias)) for t in theta])
    theta.flags.writeable = terms.flags.writeable = False
    return theta, terms


def _nice_limits(values: np.ndarray) -> tuple[float, float]:
    """Limits around ``values`` (and 0) on multiples of a 1-2-5 step about a quarter of their span: they stay the
    same while the arrows change a little, so that most moves of k only move arrows (and are blitted)."""
    lo, hi = min(0.0, float(values.min())), max(0.0, float(values.max()))
    span = max(hi - lo, 1e-4)
    exponent = 10.0 ** np.floor(np.log10(span / 4))
    step = exponent * next(m for m in (1, 2, 5, 10) if span / 4 <= m * exponent)
    return float(np.floor((lo - 0.04 * span) / step) * step), float(np.ceil((hi + 0.04 * span) / step) * step)


class PullsDemo(Demo):
    """Three panels: the data with the boundary after k steps; the terms of ∇_w J_λ head to tail; those of ∂J_λ/∂b.

    Controls: ``lam`` (λ, 0 to 1), ``penalise_bias`` (a check box) and ``k`` (steps, 0 to 100). A move of k is
    blitted unless it changes the limits of the two gradient panels (:func:`_nice_limits`), then redrawn in full.
    """

    title = N_("Every sample pulls, and so does the L2 penalty")
    fast_controls = frozenset({"k"})

    def __init__(self, lam: float = 1.0, penalise_bias: bool = True, k: int = K_MAX, interactive: bool = True):
        box = widgets.Checkbox(
            value=penalise_bias, description=_("penalise b (adds λb²/2)"), indent=False,
            layout=widgets.Layout(width="300px"),
        )  # fmt: skip
        super().__init__(
            {
                "lam": slider("λ", lam, 0.0, 1.0, 0.05),
                "penalise_bias": box,
                "k": int_slider(_("k (steps)"), k, 0, K_MAX),
            },
            size=(11, 4.2),
            interactive=interactive,
        )
        # Fixed margins, not constrained layout: its result depends on the tick labels, which change with k, and
        # it would move the panels a little between two draws of the same view (and cost half of each draw).
        self.figure.set_layout_engine("none")
        self.ax_x, self.ax_w, self.ax_b = self.figure.subplots(
            1, 3, width_ratios=[1.3, 1, 1],
            gridspec_kw={"left": 0.06, "right": 0.975, "bottom": 0.14, "top": 0.92, "wspace": 0.42},
        )  # fmt: skip
        n = len(Y)
        colours = np.where(Y == 1, "C0", "C1")

        def arrow(ax, row=0.0, color="k", **style):
            props = {"arrowstyle": "->", "lw": 2, "color": color, "shrinkA": 0, "shrinkB": 0, **style}
            return ax.annotate("", xy=(0, row), xytext=(0, row), arrowprops=props, animated=True)

        # the data plane: samples, the boundary after k steps and its w, the boundary if b were not penalised
        ax = self.ax_x
        ax.scatter(X[:, 0], X[:, 1], c=colours, s=60, zorder=3)
        for i, xi in enumerate(X):
            ax.annotate(f" {i}", xi)
        ax.plot([0], [0], "+", color="k", ms=12, mew=1.5)
        self.line = ax.plot([], [], color="k", lw=2, animated=True)[0]
        self.free_line = ax.plot([], [], color="0.45", ls="--", lw=2, label=_("b not penalised"), animated=True)[0]
        self.w_arrow = arrow(ax)
        self.w_label = ax.annotate("w", (0, 0), textcoords="offset points", xytext=(4, 4), animated=True)
        ax.set(xlim=(-2.5, 3.5), ylim=(-1.8, 2.8), aspect="equal", anchor="N", xlabel="x₁", ylabel="x₂")
        ax.set_title(_("Boundary after k steps of η = {eta:g}").format(eta=ETA))

        # the terms of ∇_w J_λ head to tail, each sample's then λw; the dashed arrow (and the dot) is ∇_w J_λ
        ax = self.ax_w
        self.w_pulls = [arrow(ax, color=c) for c in colours]
        self.w_numbers = [
            ax.annotate(f"{i}", (0, 0), textcoords="offset points", xytext=(3, 3), animated=True) for i in range(n)
        ]
        self.w_penalty = arrow(ax, color="C3", arrowstyle="-|>", lw=3)
        self.w_penalty_label = ax.annotate(
            "λw", (0, 0), textcoords="offset points", xytext=(4, -14), color="C3", animated=True
        )
        self.w_grad = arrow(ax, ls="--", lw=2.5)
        self.w_tip = ax.plot([], [], "o", color="k", ms=6, animated=True)[0]
        ax.set(xlabel=r"$\partial J_\lambda/\partial w_1$", ylabel=r"$\partial J_\lambda/\partial w_2$")
        ax.set_title(_("On w: (ŷᵢ − yᵢ)xᵢ/n, then λw"))

        # the terms of ∂J_λ/∂b, one row each, head to tail, then λb; the last row is ∂J_λ/∂b
        ax = self.ax_b
        self.b_pulls = [arrow(ax, i, c) for i, c in enumerate(colours)]
        self.b_penalty = arrow(ax, n, "C3", arrowstyle="-|>", lw=3)
        self.b_off = ax.text(0.03, n, _("b not penalised"), transform=ax.get_yaxis_transform(), va="center", color="C3")
        self.b_grad = arrow(ax, n + 1, ls="--", lw=2.5)
        self.b_tip = ax.plot([], [], "o", color="k", ms=6, animated=True)[0]
        ax.set_yticks(range(n + 2), [*(f"{i}" for i in range(n)), "λb", r"$\partial J_\lambda/\partial b$"])
        ax.set_ylim(n + 1.6, -0.6)
        ax.set(xlabel=r"$\partial J_\lambda/\partial b$", title=_("On b: (ŷᵢ − yᵢ)/n, then λb"))
        for a in (self.ax_w, self.ax_b):
            a.axvline(0, color="0.6", lw=1)
            a.xaxis.set_major_locator(MaxNLocator(3))  # room for labels such as −0.015
        self.ax_w.axhline(0, color="0.6", lw=1)
        for a in self.figure.axes:
            a.grid(alpha=0.3)
        self.refresh()

    def compute(self, lam: float, penalise_bias: bool, k: int) -> dict[str, np.ndarray]:
        theta, terms = _run(float(lam), bool(penalise_bias))
        free = _run(float(lam), False)[0][k]
        heads = np.vstack([np.zeros(3), np.cumsum(terms[k], axis=0)])  # (n + 2, 3): 0, then after each term
        return {
            "w": theta[k, :-1].copy(),
            "b": theta[k, -1:].copy(),
            "free": free.copy(),
            "boundary": boundary(theta[k, :-1], theta[k, -1]),
            "free_boundary": boundary(free[:-1], free[-1]),
            "heads": heads,
            "gradient": heads[-1].copy(),
            "limits": np.array([_nice_limits(heads[:, j]) for j in range(3)]),
        }

    def _changed(self, name: str) -> None:
        """Blit a move of k only if the gradient panels keep their limits (else their ticks change too)."""
        shown = np.array([self.ax_w.get_xlim(), self.ax_w.get_ylim(), self.ax_b.get_xlim()])
        same = np.array_equal(self.compute(**self.values())["limits"], shown)
        self.refresh(blit=name in self.fast_controls and same)

    def draw(self, c: dict[str, np.ndarray]) -> str:
        heads, w = c["heads"], c["w"]
        n = len(Y)
        lam, penalise, k = self.controls["lam"].value, self.controls["penalise_bias"].value, self.controls["k"].value
        self.line.set_data(c["boundary"].T)
        self.free_line.set_data(c["free_boundary"].T)
        if self.free_line.get_visible() != bool(penalise) or self.ax_x.get_legend() is None:
            self.free_line.set_visible(bool(penalise))
            self.line.set_label(_("b penalised") if penalise else _("b not penalised"))
            shown = [self.line, self.free_line] if penalise else [self.line]
            self.ax_x.legend(
                handles=shown, loc="upper center", bbox_to_anchor=(0.5, -0.17), ncols=2, handlelength=1.5,
                columnspacing=1.0, frameon=False,
            )  # fmt: skip
        self.w_arrow.xy = self.w_label.xy = tuple(w)
        for i in range(n):
            self.w_pulls[i].set_position(tuple(heads[i, :2]))
            self.w_pulls[i].xy = tuple(heads[i + 1, :2])
            self.w_numbers[i].xy = tuple((heads[i, :2] + heads[i + 1, :2]) / 2)
            self.b_pulls[i].set_position((heads[i, 2], i))
            self.b_pulls[i].xy = (heads[i + 1, 2], i)
        self.w_penalty.set_position(tuple(heads[n, :2]))
        self.w_penalty.xy = tuple(heads[n + 1, :2])
        self.w_penalty_label.xy = tuple((heads[n, :2] + heads[n + 1, :2]) / 2)
        self.b_penalty.set_position((heads[n, 2], n))
        self.b_penalty.xy = (heads[n + 1, 2], n)
        self.w_grad.xy = tuple(heads[-1, :2])
        self.w_tip.set_data([heads[-1, 0]], [heads[-1, 1]])
        self.b_grad.xy = (heads[-1, 2], n + 1)
        self.b_tip.set_data([heads[-1, 2]], [n + 1])
        self.b_off.set_visible(not penalise)
        self.ax_w.set_xlim(*c["limits"][0])
        self.ax_w.set_ylim(*c["limits"][1])
        self.ax_b.set_xlim(*c["limits"][2])
        for ann in [*self.w_pulls, self.w_penalty, self.w_grad, *self.b_pulls, self.b_penalty, self.b_grad]:
            self._hide_if_tiny(ann)
        self.w_penalty_label.set_visible(self.w_penalty.get_visible())

        b, free = float(c["b"][0]), c["free"]
        J = model.loss(X, Y, w, b, lam) + (lam / 2 * b**2 if penalise else 0.0)
        if penalise:
            other = _(" ({distance:.2f} if b is not penalised)").format(
                distance=distance_from_origin(free[:-1], free[-1])
            )
        else:
            other = ""
        on_b = np.round([heads[n, 2], heads[n + 1, 2] - heads[n, 2], heads[-1, 2]], 4) + 0.0  # no "−0.0000"
        first = _(
            "After k = {k} steps: w = ({w1:.3f}, {w2:.3f}), b = {b:+.3f}, J<sub>λ</sub> = {J:.4f}; "
            "the boundary passes {distance:.2f} from the origin{other}."
        ).format(k=k, w1=w[0], w2=w[1], b=b, J=J, distance=distance_from_origin(w, b), other=other)
        second = _(
            "On b: the samples' terms add up to {samples:+.4f} and λb = {penalty:+.4f}, "
            "so ∂J<sub>λ</sub>/∂b = {total:+.4f}; ‖∇<sub>w</sub>J<sub>λ</sub>‖ = {norm:.4f}."
        ).format(samples=on_b[0], penalty=on_b[1], total=on_b[2], norm=np.hypot(*heads[-1, :2]))
        return f"{first}<br>{second}"

    @staticmethod
    def _hide_if_tiny(ann) -> None:
        """An arrow shorter than about a pixel is not drawn (it would be a stray arrowhead)."""
        tail = ann.axes.transData.transform(ann.xyann)
        head = ann.axes.transData.transform(ann.xy)
        ann.set_visible(bool(np.hypot(*(head - tail)) > 1.0))

    def drawn(self) -> dict[str, np.ndarray]:
        n = len(Y)
        heads = np.zeros((n + 2, 3))
        heads[0] = [*self.w_pulls[0].xyann, self.b_pulls[0].xyann[0]]
        for i in range(n):
            heads[i + 1] = [*self.w_pulls[i].xy, self.b_pulls[i].xy[0]]
        heads[n + 1] = [*self.w_penalty.xy, self.b_penalty.xy[0]]
        return {
            "w": np.asarray(self.w_arrow.xy, dtype=float),
            "boundary": np.asarray(self.line.get_xydata()),
            "free_boundary": np.asarray(self.free_line.get_xydata()),
            "heads": heads,
            "gradient": np.array([*self.w_grad.xy, self.b_grad.xy[0]]),
            "limits": np.array([self.ax_w.get_xlim(), self.ax_w.get_ylim(), self.ax_b.get_xlim()]),
        }
