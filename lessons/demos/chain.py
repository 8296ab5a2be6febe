"""Notebook 03's widget: ∂L/∂ŷ blows up exactly where ∂ŷ/∂z vanishes, and their product ŷ − y stays in (−1, 1).

One sample, the one of notebook 03's section 5: ``x = (1.5, 1.0)``, bias ``b = 0``, second weight ``w₂ = 0.2``.
The reader moves ``w₁`` (so the logit ``z = wᵀx + b``) and flips the label ``y``. The left panel shows the sizes
of the chain's first two links over ``z`` and of their product ``∂L/∂z = ŷ − y``; the right panel the last link,
``∂z/∂w = x``, and the step ``−∇L = (y − ŷ) x`` it gives in the (w₁, w₂) plane.
"""

from __future__ import annotations

import numpy as np
from matplotlib.lines import Line2D

from lessons import model
from lessons._validate import as_float_array, as_scalar, as_vector, require_finite
from lessons.demos.base import Demo, choice, slider
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = ["chain_factors", "sample_gradient", "ChainDemo", "X_SAMPLE", "W2", "B", "Z_GRID", "Z_MAX"]

#: Largest |z| accepted: beyond about 709, 1/ŷ (or 1/(1 − ŷ)) overflows float64.
Z_MAX = 700.0
X_SAMPLE = np.array([1.5, 1.0])
W2 = 0.2
B = 0.0
Z_GRID = np.linspace(-8.0, 8.0, 321)
HEAD_MIN = 0.35  # shortest step (in w units) drawn with an arrow head


def _label(y: object) -> float:
    """``y`` as 0.0 or 1.0, or a ValueError / TypeError naming it."""
    if isinstance(y, (bool, np.bool_)) or not isinstance(y, (int, float, np.integer, np.floating)):
        raise TypeError(_("y must be the number 0 or 1, got {type}").format(type=type(y).__name__))
    if y not in (0, 1):
        raise ValueError(_("y must be 0 or 1, got {y!r}").format(y=y))
    return float(y)


def chain_factors(z: np.ndarray | float, y: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The chain's first two links at each logit, and their product.

    Parameters
    ----------
    z : float or array_like, shape (m,) or any shape
        Logits, finite, with ``|z| <= Z_MAX`` (700).
    y : {0, 1}
        The sample's label.

    Returns
    -------
    dL_dyhat : ndarray, same shape as ``z``
        ``∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ)``: ``−1/ŷ`` for y = 1 and ``1/(1 − ŷ)`` for y = 0. It grows like
        ``e^|z|`` where the prediction is confidently wrong.
    dyhat_dz : ndarray, same shape as ``z``
        ``∂ŷ/∂z = ŷ(1 − ŷ)``, in (0, 1/4]. It shrinks like ``e^−|z|`` at both ends.
    dL_dz : ndarray, same shape as ``z``
        ``∂L/∂z = ŷ − y``, in (−1, 1), computed directly (not as the product of the first two).

    Notes
    -----
    ``1 − ŷ`` is computed as ``σ(−z)``, never as a difference, so every value keeps its relative precision.
    """
    arr = as_float_array(z, "z")
    require_finite(arr, "z")
    if np.any(np.abs(arr) > Z_MAX):
        raise ValueError(
            _("z must satisfy |z| <= {most:g} (1/ŷ overflows beyond), got max |z| = {largest!r}").format(
                most=Z_MAX, largest=np.abs(arr).max()
            )
        )
    y = _label(y)
    p, q = np.asarray(model.sigmoid(arr)), np.asarray(model.sigmoid(-arr))  # ŷ and 1 − ŷ
    if y == 1:
        return -1.0 / p, p * q, -q
    return 1.0 / q, p * q, p


def sample_gradient(x: np.ndarray, w: np.ndarray, b: float, y: int) -> tuple[float, np.ndarray]:
    """One sample's logit and its loss gradient with respect to the weights, as the chain's product.

    Parameters
    ----------
    x : array_like, shape (d,)
        The sample's features.
    w : array_like, shape (d,)
        The weights.
    b : float
        The bias.
    y : {0, 1}
        The label.

    Returns
    -------
    z : float
        ``wᵀx + b``.
    grad : ndarray, shape (d,)
        ``∇_w L = ∂L/∂z · ∂z/∂w = (ŷ − y) x``.
    """
    x = as_float_array(x, "x")
    if x.ndim != 1 or x.size == 0:
        raise ValueError(_("x must be a non-empty 1-D array of shape (d,), got shape {shape}").format(shape=x.shape))
    require_finite(x, "x")
    w = as_vector(w, x.size, "w", "d = len(x)")
    z = float(model.logits(x[None, :], w, as_scalar(b, "b"))[0])
    dL_dz = chain_factors(z, y)[2]
    return z, float(dL_dz) * x


class ChainDemo(Demo):
    """Left: |∂L/∂ŷ|, ∂ŷ/∂z and |∂L/∂z| over z (log scale); right: x = ∂z/∂w and the step −∇L in the w-plane.

    Controls: ``w1`` (the weight w₁, −5 to 5, which moves z = 1.5 w₁ + 0.2) and ``y`` (the label, 1 or 0).
    """

    title = N_("The chain rule for one sample: ∂L/∂ŷ · ∂ŷ/∂z = ŷ − y, and the step along ±x")
    fast_controls = frozenset({"w1"})

    def __init__(self, w1: float = -4.0, y: int = 1, interactive: bool = True):
        super().__init__(
            {"w1": slider("w₁", w1, -5.0, 5.0, 0.1), "y": choice(_("y (label)"), [("1", 1), ("0", 0)], y)},
            size=(11, 4.2),
            interactive=interactive,
        )
        self.ax_z, self.ax_w = self.figure.subplots(1, 2)
        ax = self.ax_z
        self.curves = [
            ax.plot(Z_GRID, np.ones_like(Z_GRID), color=c, lw=w)[0] for c, w in (("C0", 2.0), ("C1", 2.0), ("k", 3.0))
        ]
        self.z_line = ax.axvline(0.0, color="0.5", ls="--", lw=1.2, animated=True)
        self.dots = [
            ax.plot([], [], "o", color=c, ms=m, animated=True)[0] for c, m in (("C0", 10), ("C1", 10), ("k", 6))
        ]
        ax.set(yscale="log", ylim=(1e-4, 1e5), xlim=(Z_GRID[0], Z_GRID[-1]), xlabel="z = wᵀx + b")
        ax.set_ylabel(_("size (log scale)"))
        ax.set_title("∂L/∂ŷ  ×  ∂ŷ/∂z  =  ∂L/∂z = ŷ − y")

        ax = self.ax_w
        ax.annotate(
            "", xy=X_SAMPLE, xytext=(0, 0), arrowprops={"arrowstyle": "->", "color": "0.5", "lw": 1.5, "ls": "--"}
        )
        ax.text(X_SAMPLE[0] + 0.15, X_SAMPLE[1] + 0.1, "x = ∂z/∂w", color="0.4")
        self.reach = ax.plot([], [], color="0.8", lw=6, solid_capstyle="round", animated=True)[0]
        self.w_dot = ax.plot([], [], "o", color="k", ms=8, animated=True)[0]
        self.arrow = ax.annotate(
            "", xy=(0, 0), xytext=(0, 0), animated=True,
            arrowprops={"arrowstyle": "-|>", "color": "k", "lw": 2.5, "shrinkA": 0, "shrinkB": 0, "mutation_scale": 18},
        )  # fmt: skip
        ax.legend(
            handles=[
                Line2D([], [], color="k", marker="o", ms=8, lw=2.5, label=_("w, and the step −∇L from it")),
                Line2D([], [], color="0.8", lw=6, label=_("w ± x: the longest possible step")),
            ],
            loc="upper left",
        )  # fmt: skip
        ax.set(xlim=(-7.0, 7.0), ylim=(-1.6, 2.6), xlabel="w₁", ylabel="w₂")
        ax.grid(alpha=0.3)
        self.refresh()

    def compute(self, w1: float, y: int) -> dict[str, np.ndarray]:
        w = np.array([w1, W2])
        z, grad = sample_gradient(X_SAMPLE, w, B, y)
        signed = np.array(chain_factors(z, y))
        return {
            "curves": np.abs(np.array(chain_factors(Z_GRID, y))),
            "z": np.array([z]),
            "dots": np.abs(signed),
            "signed": signed,
            "w": w,
            "step": -grad,
            "tip": w - grad,
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        y = self.controls["y"].value
        z = float(c["z"][0])
        for line, values in zip(self.curves, c["curves"], strict=True):
            line.set_ydata(values)
        for dot, value in zip(self.dots, c["dots"], strict=True):
            dot.set_data([z], [value])
        self.z_line.set_xdata([z, z])
        names = (
            ("|∂L/∂ŷ| = 1/ŷ", "∂ŷ/∂z = ŷ(1 − ŷ)", "|∂L/∂z| = 1 − ŷ")
            if y == 1
            else ("∂L/∂ŷ = 1/(1 − ŷ)", "∂ŷ/∂z = ŷ(1 − ŷ)", "∂L/∂z = ŷ")
        )
        for line, name in zip(self.curves, names, strict=True):
            line.set_label(name)
        self.ax_z.legend(loc="upper right" if y == 1 else "upper left")
        w, step = c["w"], c["step"]
        self.w_dot.set_data([w[0]], [w[1]])
        self.reach.set_data([w[0] - X_SAMPLE[0], w[0] + X_SAMPLE[0]], [w[1] - X_SAMPLE[1], w[1] + X_SAMPLE[1]])
        self.arrow.xy = tuple(c["tip"])
        self.arrow.set_position(tuple(w))
        # a head longer than its arrow would point anywhere: below HEAD_MIN the step is a bare line under the dot
        self.arrow.arrow_patch.set_arrowstyle("-|>" if np.hypot(*step) >= HEAD_MIN else "-")
        toward = _("towards +x") if y == 1 else _("towards −x")
        self.ax_w.set_title(_("step −∇L = (y − ŷ)·x, y = {y}: {toward}").format(y=y, toward=toward))
        d1, d2, d3 = c["signed"]
        y_hat = d3 + y
        first = (
            f"z = wᵀx + b = {z:.2f}, ŷ = {y_hat:.4f}:&nbsp; ∂L/∂ŷ = {d1:.5g} &nbsp;×&nbsp; ∂ŷ/∂z = {d2:.4g}"
            f" &nbsp;=&nbsp; ∂L/∂z = ŷ − y = {d3:+.4f}"
        )
        second = _("∇L = (ŷ − y)·x = ({g1:+.4f}, {g2:+.4f}), so the step −∇L is {size:.4f} × {direction}").format(
            g1=-step[0], g2=-step[1], size=abs(d3), direction="x" if y == 1 else "(−x)"
        )
        return f"{first}<br>{second}"

    def drawn(self) -> dict[str, np.ndarray]:
        w = np.array([self.w_dot.get_xdata()[0], self.w_dot.get_ydata()[0]])
        return {
            "curves": np.array([line.get_ydata() for line in self.curves]),
            "z": np.array([self.z_line.get_xdata()[0]]),
            "dots": np.array([dot.get_ydata()[0] for dot in self.dots]),
            "w": w,
            "tip": np.array(self.arrow.xy, dtype=float),
        }
