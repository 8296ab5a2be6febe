"""Notebook 02's widget: the likelihood underflows as n grows, the mean NLL stays a smooth bowl.

The model is 02's one-weight logistic model, ŷ = σ(w x) (no bias), on samples drawn with w = 1.5. The first
``n`` of one fixed draw are used, so that moving ``n`` adds samples and changes nothing else.
"""

from __future__ import annotations

import numpy as np

from lessons import model
from lessons.demos.base import Demo, int_slider, slider
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = ["samples", "likelihood_and_loss", "LikelihoodDemo", "W_GRID", "N_MAX"]

N_MAX = 3000
W_TRUE = 1.5
W_GRID = np.linspace(-1.0, 4.0, 201)


def samples(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The first ``n`` of ``N_MAX`` samples ``x ~ N(0, 1)``, ``y ~ Bernoulli(σ(1.5 x))``.

    Returns
    -------
    x, y : ndarray, shape (n,)
    """
    if not isinstance(n, (int, np.integer)) or not 1 <= n <= N_MAX:
        raise ValueError(_("n: expected an integer from 1 to {most}, got {n!r}").format(most=N_MAX, n=n))
    rng = np.random.default_rng(seed)
    x = rng.normal(size=N_MAX)
    y = (rng.random(N_MAX) < model.sigmoid(W_TRUE * x)).astype(float)
    return x[:n], y[:n]


def likelihood_and_loss(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The likelihood as the plain product, and the mean NLL, at each weight in ``w``.

    Parameters
    ----------
    x, y : ndarray, shape (n,)
    w : ndarray, shape (m,)

    Returns
    -------
    likelihood : ndarray, shape (m,)
        ``∏ᵢ ŷᵢ^yᵢ (1 − ŷᵢ)^(1−yᵢ)`` multiplied out in float64: it underflows to 0.0 once it falls below
        about 5e-324, as the naive computation does.
    J : ndarray, shape (m,)
        ``−(1/n) Σᵢ log(...)``, summed from the stable per-sample losses: it never underflows.
    """
    w = np.atleast_1d(np.asarray(w, dtype=float))
    z = np.outer(w, x)  # (m, n)
    factors = np.where(y == 1, model.sigmoid(z), model.sigmoid(-z))
    J = np.mean(np.where(y == 1, model.softplus(-z), model.softplus(z)), axis=1)
    return np.prod(factors, axis=1), J


class LikelihoodDemo(Demo):
    """Two panels over the weight w: the likelihood ℒ(w), multiplied out, and J(w) = −(1/n) log ℒ(w).

    Controls: ``n`` (samples, 10 to 3000) and ``w`` (the weight marked on both curves).
    """

    title = N_("The likelihood and the mean NLL as n grows")
    fast_controls = frozenset({"w"})

    def __init__(self, n: int = 40, w: float = 1.0, interactive: bool = True):
        super().__init__(
            {"n": int_slider(_("n (samples)"), n, 10, N_MAX, 10), "w": slider("w", w, -1.0, 4.0, 0.05)},
            size=(11, 4.2),
            interactive=interactive,
        )
        self.ax_l, self.ax_j = self.figure.subplots(1, 2)
        self.line_l = self.ax_l.plot(W_GRID, 0 * W_GRID, color="C0", lw=2)[0]
        self.line_j = self.ax_j.plot(W_GRID, 0 * W_GRID, color="C0", lw=2)[0]
        self.dot_l = self.ax_l.plot([], [], "o", color="k", ms=9, animated=True)[0]
        self.dot_j = self.ax_j.plot([], [], "o", color="k", ms=9, animated=True)[0]
        self.best_l = self.ax_l.axvline(0, color="C1", ls="--", lw=1.5, label=_("largest ℒ on the grid"))
        self.best_j = self.ax_j.axvline(0, color="C1", ls="--", lw=1.5, label=_("smallest J on the grid"))
        self.zero_note = self.ax_l.text(
            0.5, 0.6, "", transform=self.ax_l.transAxes, ha="center", fontsize=13,
            bbox={"facecolor": "white", "edgecolor": "0.6", "boxstyle": "round"},
        )  # fmt: skip
        self.ax_l.set(xlabel="w", ylabel=_("ℒ(w), multiplied out"), title=_("likelihood ℒ(w)"))
        self.ax_j.set(xlabel="w", ylabel="J(w)", title=_("mean NLL  J(w) = −(1/n) log ℒ(w)"))
        self.ax_l.legend(loc="upper right")
        self.ax_j.legend(loc="upper right")
        self.refresh()

    def compute(self, n: int, w: float) -> dict[str, np.ndarray]:
        x, y = samples(n)
        L, J = likelihood_and_loss(x, y, W_GRID)
        L_w, J_w = likelihood_and_loss(x, y, np.array([w]))
        top = L.max()
        # the left panel's unit: the power of ten of ℒ's peak (matplotlib cannot scale an axis to 1e-300 itself)
        exponent = int(np.floor(np.log10(top))) if top > 0 else 0
        unit = 10.0**exponent
        return {
            "likelihood": L / unit,
            "J": J,
            "at_w": np.array([w, L_w[0] / unit, J_w[0]]),
            "best_l": np.array([W_GRID[np.argmax(L)] if top > 0 else np.nan]),
            "best_j": np.array([W_GRID[np.argmin(J)]]),
            "raw": np.array([L_w[0], top, exponent, np.sum(L == 0.0)]),
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        L, J = c["likelihood"], c["J"]
        w, L_w, J_w = c["at_w"]
        raw_w, top, exponent, zeros = c["raw"]
        self.line_l.set_ydata(L)
        self.line_j.set_ydata(J)
        self.dot_l.set_data([w], [L_w])
        self.dot_j.set_data([w], [J_w])
        best_l, best_j = c["best_l"][0], c["best_j"][0]
        self.best_l.set_visible(top > 0)
        if top > 0:
            self.best_l.set_xdata([best_l, best_l])
        self.best_j.set_xdata([best_j, best_j])
        peak = float(L.max()) or 1.0
        self.ax_l.set_ylim(-0.05 * peak, 1.15 * peak)
        self.ax_l.set_ylabel(f"ℒ(w) ÷ 1e{int(exponent)}" if top > 0 else "ℒ(w)")
        self.zero_note.set_text("" if top > 0 else _("ℒ(w) = 0.0 at every w:\nunderflow"))
        self.ax_j.set_ylim(0, max(2.0, float(J.max()) * 1.05))
        n = self.controls["n"].value
        log10_L = -n * J_w / np.log(10)
        shown = f"{raw_w:.2e}" if raw_w > 0 else _("0.0 (underflow)")
        return _(
            "n = {n}: at w = {w:.2f}, ℒ(w) = {shown}, while log₁₀ ℒ(w) = −n·J/ln 10 = {log10_L:.1f} "
            "and J(w) = {J_w:.3f}.<br>ℒ is exactly 0.0 at {zeros} of {points} grid points; "
            "J is smallest at w = {best:.2f} (the data were made with w = {w_true})."
        ).format(
            n=n, w=w, shown=shown, log10_L=log10_L, J_w=J_w, zeros=int(zeros), points=W_GRID.size, best=best_j,
            w_true=W_TRUE,
        )  # fmt: skip

    def drawn(self) -> dict[str, np.ndarray]:
        x_dot, y_dot = self.dot_l.get_data()
        best_l = self.best_l.get_xdata()[0] if self.best_l.get_visible() else np.nan
        return {
            "likelihood": np.asarray(self.line_l.get_ydata()),
            "J": np.asarray(self.line_j.get_ydata()),
            "at_w": np.array([x_dot[0], y_dot[0], self.dot_j.get_ydata()[0]]),
            "best_l": np.array([best_l]),
            "best_j": np.array([self.best_j.get_xdata()[0]]),
        }
