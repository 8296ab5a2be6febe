"""Notebook 09's widget: the textbook loss and its chain-rule gradient break where ŷ rounds to 0 or 1; the forms
computed from z never do.

One sample with label ``y`` and logit ``z``, in float64 or float32. The *textbook* forms go through
``ŷ = 1/(1 + e^−z)`` (the source's σ): the loss ``−[y log ŷ + (1 − y) log(1 − ŷ)]`` and the gradient as notebook
03's two chain-rule factors multiplied out, ``(−y/ŷ + (1 − y)/(1 − ŷ)) · ŷ(1 − ŷ)``. The *stable* forms never form
ŷ: the loss is ``softplus(−z)`` or ``softplus(z)`` (:func:`lessons.model.softplus`) and the gradient ``ŷ − y`` is
``σ(z)`` or ``−σ(−z)`` with the sign-split σ of :func:`lessons.model.sigmoid`, kept in the chosen precision.
Where ŷ is exactly 1 (from z ≈ 36.74 in float64, 16.64 in float32) or exactly 0 (below z ≈ −709.78, −88.72) the
textbook forms return inf or nan; elsewhere they lose digits to cancellation as ŷ nears 1.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.ticker import FixedLocator, FuncFormatter

from lessons import model
from lessons._validate import as_float_array, require_finite
from lessons.demos.base import Demo, choice, slider
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = [
    "PRECISIONS",
    "Z_MAX",
    "textbook_sigmoid",
    "sigmoid_split",
    "textbook_forms",
    "stable_forms",
    "break_points",
    "break_points_rounded",
    "digits_right",
    "what_broke",
    "z_grid",
    "StabilityDemo",
]

#: The precisions offered: name -> NumPy type.
PRECISIONS = {"float64": np.float64, "float32": np.float32}
#: The slider and the plots cover −Z_MAX ≤ z ≤ Z_MAX.
Z_MAX = 1000.0
#: The symmetric log axis is linear for |z| ≤ this.
LINTHRESH = 10.0
#: Decimal digits each precision carries ("about 16" and "about 7").
_DIGITS = {"float64": 16, "float32": 7}


def _dtype(precision: str) -> type:
    if not isinstance(precision, str):
        raise TypeError(
            _("precision must be a str, one of {choices}, got {type}").format(
                choices=list(PRECISIONS), type=type(precision).__name__
            )
        )
    if precision not in PRECISIONS:
        raise ValueError(
            _("precision must be one of {choices}, got {precision!r}").format(
                choices=list(PRECISIONS), precision=precision
            )
        )
    return PRECISIONS[precision]


def _label(y: object) -> int:
    if isinstance(y, bool) or not isinstance(y, (int, np.integer)):
        raise TypeError(_("y must be the integer 0 or 1, got {type}").format(type=type(y).__name__))
    if y not in (0, 1):
        raise ValueError(_("y must be 0 or 1, got {y!r}").format(y=y))
    return int(y)


def _logits(z: object, precision: str) -> np.ndarray:
    dt = _dtype(precision)
    arr = as_float_array(z, "z")
    require_finite(arr, "z")
    return arr.astype(dt)


def textbook_sigmoid(z: np.ndarray | float, precision: str = "float64") -> np.ndarray:
    """``ŷ = 1/(1 + e^−z)`` as the source writes it, in ``precision``: exactly 0 once ``e^−z`` overflows.

    Parameters
    ----------
    z : float or array_like, any shape
        Finite logits; rounded to ``precision`` first.
    precision : {"float64", "float32"}

    Returns
    -------
    ndarray, same shape as ``z``, dtype ``precision``
        Computed with every floating-point warning silenced (the overflow of ``e^−z`` is the point).
    """
    t = _logits(z, precision)
    one = t.dtype.type(1)
    with np.errstate(all="ignore"):
        return one / (one + np.exp(-t))


def sigmoid_split(z: np.ndarray | float, precision: str = "float64") -> np.ndarray:
    """σ(z) split by sign, as :func:`lessons.model.sigmoid` computes it, but in ``precision``.

    With ``e = exp(−|z|)`` in (0, 1]: ``1/(1 + e)`` for ``z ≥ 0`` and ``e/(1 + e)`` for ``z < 0``.
    (:func:`lessons.model.sigmoid` always works in float64; in float64 the two agree bit for bit.)

    Parameters
    ----------
    z : float or array_like, any shape
        Finite logits; rounded to ``precision`` first.
    precision : {"float64", "float32"}

    Returns
    -------
    ndarray, same shape as ``z``, dtype ``precision``
    """
    t = _logits(z, precision)
    one = t.dtype.type(1)
    e = np.exp(-np.abs(t))
    return np.where(t >= 0, one / (one + e), e / (one + e))


def textbook_forms(z: np.ndarray | float, y: int, precision: str = "float64") -> tuple[np.ndarray, np.ndarray]:
    """The loss and its gradient as written, through ŷ = :func:`textbook_sigmoid`.

    Parameters
    ----------
    z : float or array_like, any shape
        Finite logits.
    y : {0, 1}
        The label.
    precision : {"float64", "float32"}

    Returns
    -------
    loss : ndarray, same shape as ``z``, dtype ``precision``
        ``−[y log ŷ + (1 − y) log(1 − ŷ)]``: inf or nan where ŷ is exactly 0 or 1.
    grad : ndarray, same shape as ``z``, dtype ``precision``
        ``∂L/∂z = (−y/ŷ + (1 − y)/(1 − ŷ)) · ŷ(1 − ŷ)``, notebook 03's chain-rule factors multiplied in
        floating point: nan where ŷ is exactly 0 or 1.

    Every floating-point warning is silenced: the inf and nan are what this function is for.
    """
    y = _label(y)
    yhat = textbook_sigmoid(z, precision)
    one, yy = yhat.dtype.type(1), yhat.dtype.type(y)
    with np.errstate(all="ignore"):
        loss = -(yy * np.log(yhat) + (one - yy) * np.log(one - yhat))
        grad = (-yy / yhat + (one - yy) / (one - yhat)) * (yhat * (one - yhat))
    return loss + 0, grad + 0  # + 0 turns −0.0 into 0.0


def stable_forms(z: np.ndarray | float, y: int, precision: str = "float64") -> tuple[np.ndarray, np.ndarray]:
    """The loss and its gradient computed from z, never forming ŷ.

    Parameters
    ----------
    z : float or array_like, any shape
        Finite logits.
    y : {0, 1}
        The label.
    precision : {"float64", "float32"}

    Returns
    -------
    loss : ndarray, same shape as ``z``, dtype ``precision``
        :func:`lessons.model.softplus` of ``−z`` (y = 1) or ``z`` (y = 0).
    grad : ndarray, same shape as ``z``, dtype ``precision``
        ``ŷ − y`` as ``σ(z)`` (y = 0) or ``−σ(−z)`` (y = 1), with :func:`sigmoid_split`, as
        :func:`lessons.model.gradient` forms it: no difference of two numbers near 1.
    """
    y = _label(y)
    t = _logits(z, precision)
    s = t.dtype.type(1 - 2 * y)  # +1 for y = 0, −1 for y = 1
    return model.softplus(s * t), s * sigmoid_split(s * t, precision) + 0  # + 0 turns −0.0 into 0.0


def break_points(precision: str = "float64") -> tuple[float, float]:
    """Where :func:`textbook_sigmoid` stops being strictly between 0 and 1.

    Parameters
    ----------
    precision : {"float64", "float32"}

    Returns
    -------
    z_zero : float
        The largest ``z`` of ``precision`` at which ŷ is exactly 0 (``e^−z`` overflows): about −709.78 in float64.
    z_one : float
        The smallest ``z`` of ``precision`` at which ŷ is exactly 1 (``e^−z`` below half of machine epsilon):
        about 36.74 in float64.
    """
    _dtype(precision)
    return _break_points(precision)


@cache
def _break_points(precision: str) -> tuple[float, float]:
    dt = PRECISIONS[precision]

    def first_true(lo: float, hi: float, test) -> float:  # the smallest z of dt in (lo, hi] with test(z)
        lo, hi = dt(lo), dt(hi)
        while np.nextafter(lo, hi) < hi:
            mid = dt(lo / 2 + hi / 2)
            if mid in (lo, hi):
                mid = np.nextafter(lo, hi)
            lo, hi = (lo, mid) if test(mid) else (mid, hi)
        return float(hi)

    z_one = first_true(0.0, 1e3, lambda t: textbook_sigmoid(t, precision) == 1)
    z_positive = first_true(-1e3, 0.0, lambda t: textbook_sigmoid(t, precision) > 0)
    return float(np.nextafter(dt(z_positive), dt(-np.inf))), z_one


def break_points_rounded(precision: str = "float64", decimals: int = 2) -> tuple[float, float]:
    """:func:`break_points` rounded outward to ``decimals`` places, so that "ŷ is exactly 0 for z ≤ z_zero" and
    "ŷ is exactly 1 for z ≥ z_one" hold for every z, not only near the printed digits.

    Parameters
    ----------
    precision : {"float64", "float32"}
    decimals : int, ≥ 0

    Returns
    -------
    z_zero, z_one : float
        ``z_zero`` rounded down (−709.79 in float64, −88.73 in float32), ``z_one`` rounded up (36.74, 16.64).
    """
    if isinstance(decimals, bool) or not isinstance(decimals, (int, np.integer)):
        raise TypeError(_("decimals must be an int, got {type}").format(type=type(decimals).__name__))
    if decimals < 0:
        raise ValueError(_("decimals must be ≥ 0, got {decimals}").format(decimals=decimals))
    z_zero, z_one = break_points(precision)
    scale = 10.0**decimals
    return float(np.floor(z_zero * scale) / scale), float(np.ceil(z_one * scale) / scale)


def digits_right(value: float, reference: float, precision: str = "float64") -> int:
    """How many significant decimal digits of ``value`` agree with ``reference``: ``⌊−log₁₀ |rel. error|⌋``,
    from 0 up to what ``precision`` carries (16 for float64, 7 for float32).

    Parameters
    ----------
    value, reference : float
        Finite; ``reference`` not 0.
    precision : {"float64", "float32"}

    Returns
    -------
    int
    """
    most = _DIGITS[_dtype(precision).__name__]
    for name, x in (("value", value), ("reference", reference)):
        if not np.isfinite(float(x)):
            raise ValueError(_("{name} must be finite, got {x!r}").format(name=name, x=x))
    if float(reference) == 0:
        raise ValueError(_("reference must not be 0"))
    rel = abs(float(value) - float(reference)) / abs(float(reference))
    return most if rel == 0 else int(np.clip(np.floor(-np.log10(rel)), 0, most))


def _tiny_note(z: float, y: int, value: float, precision: str, sign: str = "") -> str:
    """Why a stable form returns 0: its true value, ±e^−|z|, is below the smallest positive number."""
    small_side = z > 0 if y == 1 else z < 0
    if value != 0 or not small_side:
        return ""
    exponent = f"{-abs(z) / np.log(10):.0f}"
    return _("true ≈ {sign}10<sup>{exponent}</sup>, below the smallest {precision}: 0 is its correct rounding").format(
        sign=sign, exponent=exponent, precision=precision
    )


def what_broke(z: float, y: int, precision: str = "float64") -> tuple[str, str]:
    """Why the textbook loss and gradient at ``z`` return what they return.

    Parameters
    ----------
    z : float
        A finite logit.
    y : {0, 1}
    precision : {"float64", "float32"}

    Returns
    -------
    loss_note, grad_note : str
        What broke (overflow to inf, log 0 = −inf, 0/0 or 0·∞ = nan, catastrophic cancellation), or ``""`` where
        the textbook form is accurate (at most 2 digits short of what ``precision`` carries).
    """
    y = _label(y)
    t = _logits(z, precision)
    if t.ndim != 0:
        raise ValueError(_("z must be a single number, got shape {shape}").format(shape=t.shape))
    dt = t.dtype.type
    with np.errstate(all="ignore"):
        overflow = not np.isfinite(np.exp(-t))
    yhat = float(textbook_sigmoid(t, precision))
    loss, grad = (float(v) for v in textbook_forms(t, y, precision))
    ref_loss, ref_grad = (float(v) for v in stable_forms(float(t), y, "float64"))  # the reference, in float64
    eps = float(np.finfo(dt).eps)
    most = _DIGITS[precision]

    if overflow:
        if y == 1:
            loss_note = _("e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, log ŷ = log 0 = −∞")
            grad_note = _("ŷ = 0, −y/ŷ = −1/0 = −∞, times ŷ(1 − ŷ) = 0: −∞·0 = nan")
        else:
            loss_note = _("e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, y·log ŷ = 0·(−∞) = nan")
            grad_note = "ŷ = 0, y/ŷ = 0/0 = nan"
        return loss_note, grad_note
    if yhat == 1:
        if y == 1:
            loss_note = _("ŷ = 1, log(1 − ŷ) = log 0 = −∞, times 1 − y = 0: 0·(−∞) = nan")
            grad_note = "ŷ = 1, (1 − y)/(1 − ŷ) = 0/0 = nan"
        else:
            loss_note = "ŷ = 1, log(1 − ŷ) = log 0 = −∞"
            grad_note = _("ŷ = 1, (1 − y)/(1 − ŷ) = 1/0 = ∞, times ŷ(1 − ŷ) = 0: ∞·0 = nan")
        return loss_note, grad_note

    def cancelled(value: float, reference: float) -> str:
        if reference == 0 or digits_right(value, reference, precision) > most - 3:
            return ""
        k = digits_right(value, reference, precision)
        if yhat < 0.5 and dt(1) - dt(yhat) == 1:
            return _("1 − ŷ = 1 − {yhat:.2g} rounds to exactly 1, so log(1 − ŷ) = log 1 = 0: no digit is right").format(
                yhat=yhat
            )
        if yhat < float(np.finfo(dt).tiny):
            return _(
                "ŷ = {yhat:.2g} is subnormal (underflow) and carries fewer digits: only {k} of {most} are right"
            ).format(yhat=yhat, k=k, most=most)
        gap = f"ŷ = 1 − {1 - yhat:.2g}" if yhat > 0.5 else f"1 − ŷ = 1 − {yhat:.2g}"
        right = _("no digit is right") if k == 0 else _("only {k} of {most} digits are right").format(k=k, most=most)
        return _(
            "catastrophic cancellation: {gap}, and near 1 the {precision} numbers are {spacing:.2g} apart: {right}"
        ).format(gap=gap, precision=precision, spacing=eps / 2, right=right)

    return cancelled(loss, ref_loss), cancelled(grad, ref_grad)


def z_grid(precision: str = "float64") -> np.ndarray:
    """The logits at which the curves are drawn: dense on the symmetric log axis, from −Z_MAX to Z_MAX, with
    both sides of each :func:`break_points` included so that the textbook curves end exactly there.

    Returns
    -------
    ndarray, shape (m,), float64, increasing
        Every value exactly representable in ``precision``.
    """
    dt = _dtype(precision)
    outer = np.geomspace(LINTHRESH, Z_MAX, 300)
    z_zero, z_one = break_points(precision)
    edges = [z_zero, np.nextafter(dt(z_zero), dt(0)), z_one, np.nextafter(dt(z_one), dt(0))]
    z = np.concatenate([-outer, np.linspace(-LINTHRESH, LINTHRESH, 161), outer, np.asarray(edges, float)])
    return np.unique(z.astype(dt).astype(float))


def _finite(values) -> np.ndarray:
    """Values as drawn on a linear axis: inf and nan not at all (nan)."""
    out = np.asarray(values, dtype=float).copy()
    out[~np.isfinite(out)] = np.nan
    return out


def _on_log_axis(loss: np.ndarray, floor: float) -> np.ndarray:
    """Loss values as drawn on the log axis: 0 on the bottom edge (``floor``), inf and nan not at all."""
    out = np.asarray(loss, dtype=float).copy()
    out[~np.isfinite(out)] = np.nan
    out[out == 0] = floor
    return out


class StabilityDemo(Demo):
    """Two panels over the logit z (symmetric log axis): the loss of one sample (log scale) and its gradient
    ∂L/∂z, each as the textbook writes it (through ŷ) and as computed from z; shaded where ŷ is exactly 0 or 1.

    Controls: ``z`` (the logit marked on both panels, −1000 to 1000), ``y`` (the label) and ``precision``.
    """

    title = N_("Where the textbook loss and gradient break, and the forms computed from z do not")
    fast_controls = frozenset({"z"})

    def __init__(self, z: float = 40.0, y: int = 1, precision: str = "float64", interactive: bool = True):
        super().__init__(
            {
                "z": slider(_("z (logit)"), z, -Z_MAX, Z_MAX, 0.01),
                "y": choice(_("y (label)"), [("1", 1), ("0", 0)], _label(y)),
                "precision": choice(_("precision"), list(PRECISIONS), precision),
            },
            size=(11, 4.2),
            interactive=interactive,
        )
        self.ax_l, self.ax_g = self.figure.subplots(1, 2)
        self.zones = [
            ax.axvspan(0, 1, color="C2", alpha=0.3, lw=0) for ax in (self.ax_l, self.ax_l, self.ax_g, self.ax_g)
        ]
        self.zones[2].set_label(_("ŷ exactly 0 or 1"))
        where = self.ax_g.get_xaxis_transform()
        self.zone_notes = [
            self.ax_g.text(0, 0.75, " ← ŷ = 0", ha="left", va="center", transform=where, color="C3"),
            self.ax_g.text(0, 0.75, "ŷ = 1 → ", ha="right", va="center", transform=where, color="C3"),
        ]
        self.loss_stable = self.ax_l.plot([], [], color="C0", lw=3, label=_("softplus, from z"))[0]
        self.loss_text = self.ax_l.plot([], [], color="C1", lw=2, ls="--", label=_("textbook, through ŷ"))[0]
        self.grad_stable = self.ax_g.plot([], [], color="C0", lw=3, label=_("ŷ − y, from z"))[0]
        self.grad_text = self.ax_g.plot([], [], color="C1", lw=2, ls="--", label=_("chain rule, through ŷ"))[0]
        self.marks = [ax.axvline(0, color="k", lw=1, animated=True) for ax in (self.ax_l, self.ax_g)]
        style = {"ls": "none", "ms": 9, "animated": True}
        self.dots = [
            self.ax_l.plot([], [], "o", color="C0", **style)[0],
            self.ax_l.plot([], [], "s", color="C1", mfc="none", mew=2, **style)[0],
            self.ax_g.plot([], [], "o", color="C0", **style)[0],
            self.ax_g.plot([], [], "s", color="C1", mfc="none", mew=2, **style)[0],
        ]
        box = {"facecolor": "white", "edgecolor": "0.6", "boxstyle": "round", "alpha": 0.9}
        self.values_l = self.ax_l.text(0.45, 0.5, "", transform=self.ax_l.transAxes, ha="center", va="center",
                                       bbox=box, animated=True)  # fmt: skip
        self.values_g = self.ax_g.text(0.25, 0.3, "", transform=self.ax_g.transAxes, ha="center", va="center",
                                       bbox=box, animated=True)  # fmt: skip
        for ax in (self.ax_l, self.ax_g):
            ax.set_xscale("symlog", linthresh=LINTHRESH, linscale=0.5)
            ax.set_xlim(-Z_MAX, Z_MAX)
            ax.xaxis.set_major_locator(FixedLocator([-1000, -100, -10, 0, 10, 100, 1000]))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}".replace("-", "−")))
            ax.xaxis.set_minor_locator(FixedLocator([]))
            ax.set_xlabel(_("logit z  (symmetric log scale)"))
            ax.grid(alpha=0.3)
        self.ax_l.set_yscale("log")
        self.ax_l.yaxis.set_minor_locator(FixedLocator([]))
        self.ax_g.set_ylim(-1.15, 1.15)
        self.ax_l.legend(loc="lower left")
        self.ax_g.legend(handles=[self.grad_stable, self.grad_text, self.zones[2]], loc="lower right")
        self.refresh()

    def compute(self, z: float, y: int, precision: str) -> dict[str, np.ndarray]:
        grid = z_grid(precision)
        floor = float(np.finfo(PRECISIONS[precision]).smallest_subnormal)
        loss_t, grad_t = textbook_forms(grid, y, precision)
        loss_s, grad_s = stable_forms(grid, y, precision)
        at_t = [float(v) for v in textbook_forms(z, y, precision)]
        at_s = [float(v) for v in stable_forms(z, y, precision)]
        z_zero, z_one = break_points(precision)
        return {
            "z_grid": grid,
            "loss_stable": _on_log_axis(loss_s, floor),
            "loss_textbook": _on_log_axis(loss_t, floor),
            "grad_stable": np.asarray(grad_s, dtype=float),
            "grad_textbook": _finite(grad_t),
            "zones": np.array([z_zero, z_one]),
            "z": np.array([float(PRECISIONS[precision](z))]),
            "at_z": np.array([*at_s, *at_t]),
            "dots": np.concatenate([_on_log_axis(np.array([at_s[0], at_t[0]]), floor), _finite([at_s[1], at_t[1]])]),
            "floor": np.array([floor]),
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        grid = c["z_grid"]
        self.loss_stable.set_data(grid, c["loss_stable"])
        self.loss_text.set_data(grid, c["loss_textbook"])
        self.grad_stable.set_data(grid, c["grad_stable"])
        self.grad_text.set_data(grid, c["grad_textbook"])
        z_zero, z_one = c["zones"]
        for i in (0, 2):
            self.zones[i].set_x(-Z_MAX)
            self.zones[i].set_width(z_zero + Z_MAX)
            self.zones[i + 1].set_x(z_one)
            self.zones[i + 1].set_width(Z_MAX - z_one)
        self.zone_notes[0].set_x(z_zero)
        self.zone_notes[1].set_x(z_one)
        z = c["z"][0]
        loss_s, grad_s, loss_t, grad_t = c["at_z"]
        for mark in self.marks:
            mark.set_xdata([z, z])
        for dot, value in zip(self.dots, c["dots"], strict=True):
            dot.set_data([z], [value])
        floor = c["floor"][0]
        self.ax_l.set_ylim(floor, 1e5)
        y, precision = self.controls["y"].value, self.controls["precision"].value
        self.values_l.set_x(0.45 if y == 1 else 0.55)
        self.values_l.set_text(
            _("at z = {z:.2f}\ntextbook: {textbook:.4g}\nsoftplus: {softplus:.4g}").format(
                z=z, textbook=loss_t, softplus=loss_s
            )
        )
        self.values_g.set_text(
            _("at z = {z:.2f}\nchain rule: {chain:.4g}\nŷ − y: {stable:.4g}").format(z=z, chain=grad_t, stable=grad_s)
        )
        step = 100 if precision == "float64" else 10
        self.ax_l.yaxis.set_major_locator(FixedLocator(10.0 ** np.arange(0, np.log10(floor), -step)))
        self.ax_l.get_legend().set_loc("lower left" if y == 1 else "lower right")
        self.ax_l.set_title(_("loss of one sample, y = {y}  ({precision})").format(y=y, precision=precision))
        self.ax_g.set_title(_("its gradient ∂L/∂z, y = {y}").format(y=y))
        return self._readout(z, y, precision, loss_s, grad_s, loss_t, grad_t)

    def _readout(self, z, y, precision, loss_s, grad_s, loss_t, grad_t) -> str:
        z_zero, z_one = break_points_rounded(precision)
        yhat = float(textbook_sigmoid(z, precision))
        if yhat in (0.0, 1.0):
            shown = _("exactly {yhat:.0f}").format(yhat=yhat)
        elif yhat > 0.5:
            shown = f"1 − {1 - yhat:.3g}"
        else:
            shown = f"{yhat:.4g}"
        loss_note, grad_note = what_broke(z, y, precision)
        tiny_loss = _tiny_note(z, y, loss_s, precision)
        tiny_grad = _tiny_note(z, y, grad_s, precision, "−" if y == 1 else "")

        def value(v: float, note: str) -> str:
            text = f"<b>{v:.4g}</b>"
            return _("{v} ({n})").format(v=text, n=note) if note else text

        first = _(
            "{precision}, y = {y}, z = {z:.2f}: ŷ = 1/(1 + e<sup>−z</sup>) = {shown}. "
            "(ŷ is exactly 1 for z ≥ {z_one:.2f}, exactly 0 for z ≤ {z_zero:.2f}.)"
        ).format(precision=precision, y=y, z=z, shown=shown, z_one=z_one, z_zero=z_zero)
        loss = _("loss: textbook {textbook}; softplus {softplus}.").format(
            textbook=value(loss_t, loss_note), softplus=value(loss_s, tiny_loss)
        )
        grad = _("∂L/∂z: chain rule {chain}; ŷ − y {stable}.").format(
            chain=value(grad_t, grad_note), stable=value(grad_s, tiny_grad)
        )
        return f"{first}<br>{loss}<br>{grad}"

    def drawn(self) -> dict[str, np.ndarray]:
        (x0, w0), (x1, _) = ((r.get_x(), r.get_width()) for r in self.zones[:2])
        return {
            "z_grid": np.asarray(self.loss_stable.get_xdata()),
            "loss_stable": np.asarray(self.loss_stable.get_ydata()),
            "loss_textbook": np.asarray(self.loss_text.get_ydata()),
            "grad_stable": np.asarray(self.grad_stable.get_ydata()),
            "grad_textbook": np.asarray(self.grad_text.get_ydata()),
            "zones": np.array([x0 + w0, x1]),
            "z": np.array([self.marks[0].get_xdata()[0]]),
            "dots": np.array([d.get_ydata()[0] for d in self.dots]),
        }
