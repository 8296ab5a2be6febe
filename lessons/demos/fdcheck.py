"""Notebook 05's widget: a gradient check's verdict means something only at the bottom of the V-curve.

The problem is §2's: the source's 4-point example at its starting point θ₀ = (0.1, 0.2, 0), without a penalty,
where ‖∇J(θ₀)‖ ≈ 0.80 (far from any minimum, so the relative error is a fair measure: see §3). A gradient, correct
or with one planted bug, is compared with forward or central differences of J with step h, and the relative
error (:func:`lessons.gradcheck.relative_error`) is judged by the notebook's rule (§2): "ok" below 1e-6, "BUG"
otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from lessons import model
from lessons._validate import as_float_array, as_positive, require_finite
from lessons.data import source_example
from lessons.demos.base import Demo, choice, log_slider
from lessons.gradcheck import numerical_gradient, relative_error
from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = [
    "BUGS",
    "bug_label",
    "METHODS",
    "THRESHOLD",
    "H_GRID",
    "forward_gradient",
    "planted_gradient",
    "check_errors",
    "passing_band",
    "FDCheckDemo",
]

#: The planted bugs: code -> what the menu calls it, in English (:func:`bug_label` gives it in the current language).
BUGS = {
    "none": N_("none (correct)"),
    "sum": N_("forgot the 1/n"),
    "sign": N_("sign flipped (y − ŷ)"),
    "sigma_prime": N_("extra σ′ = ŷ(1 − ŷ)"),
    "db_missing": N_("db missing (db = 0)"),
}
#: The finite differences: code -> what the menu calls it (in English; translated where shown).
METHODS = {"central": N_("central"), "forward": N_("forward")}
#: How the readout names them.
_METHOD_NAMES = {"central": N_("Central difference"), "forward": N_("Forward difference")}
#: The notebook's rule (§2): a relative error below this is "ok", anything else "BUG".
THRESHOLD = 1e-6
#: The steps drawn, 1e-12 to 1e-1 at the slider's own steps (a quarter decade), so the marker sits on the curves.
H_GRID = 10.0 ** np.arange(-12.0, -0.99, 0.25)

_X, _Y, _W, _B = source_example()[:4]
THETA0 = np.append(_W, _B)


def bug_label(bug: str) -> str:
    """What the menu calls ``bug`` (a key of :data:`BUGS`), in the current language."""
    return _(BUGS[bug])


def _J(theta: np.ndarray) -> float:
    return model.loss(_X, _Y, theta[:-1], theta[-1])


def forward_gradient(f: Callable[[np.ndarray], float], theta, h: float) -> np.ndarray:
    """Forward-difference gradient ``(f(theta + h e_k) - f(theta)) / h`` (error O(h), against central's O(h²)).

    Parameters
    ----------
    f : callable
        Takes an array of shape (p,) and returns a real number.
    theta : array_like, shape (p,)
        The point; finite.
    h : float
        Step, ``h > 0``.

    Returns
    -------
    ndarray, shape (p,)

    Raises
    ------
    TypeError
        If ``f`` is not callable.
    ValueError
        If ``theta`` is not a finite, non-empty 1-D array or ``h <= 0``.
    """
    if not callable(f):
        raise TypeError(_("f must be callable, got {type}").format(type=type(f).__name__))
    theta = as_float_array(theta, "theta")
    if theta.ndim != 1 or theta.size == 0:
        raise ValueError(
            _("theta must be a non-empty 1-D array of shape (p,), got shape {shape}").format(shape=theta.shape)
        )
    require_finite(theta, "theta")
    h = as_positive(h, "h")
    f0 = float(f(theta))
    return np.array([(float(f(theta + h * e)) - f0) / h for e in np.eye(theta.size)])


def planted_gradient(X, y, w, b, bug: str = "none") -> np.ndarray:
    """The gradient of the mean NLL (no penalty), ``(dw, db)`` stacked, with one bug planted.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,)
        Labels in {0, 1}.
    w : array_like, shape (d,)
    b : float
    bug : str
        A key of :data:`BUGS`: ``"none"`` (:func:`lessons.model.gradient`), ``"sum"`` (no 1/n), ``"sign"``
        (residual y − ŷ), ``"sigma_prime"`` (residual times σ′(z) = ŷ(1 − ŷ)) or ``"db_missing"`` (db = 0).

    Returns
    -------
    ndarray, shape (d + 1,)

    Raises
    ------
    ValueError
        If ``bug`` is not a key of :data:`BUGS` (or the data do not fit, as in :func:`lessons.model.gradient`).
    """
    if bug not in BUGS:
        raise ValueError(_("bug: expected one of {choices}, got {bug!r}").format(choices=list(BUGS), bug=bug))
    dw, db = model.gradient(X, y, w, b)
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    y_hat = model.sigmoid(X @ w + b)
    r = y_hat - y
    if bug == "sum":
        dw, db = X.T @ r, r.sum()
    elif bug == "sign":
        dw, db = -dw, -db
    elif bug == "sigma_prime":
        rs = r * y_hat * (1.0 - y_hat)
        dw, db = X.T @ rs / len(y), rs.mean()
    elif bug == "db_missing":
        db = 0.0
    return np.append(dw, db)


@lru_cache(maxsize=1024)
def _differences(method: str, h: float) -> np.ndarray:
    if method == "central":
        return numerical_gradient(_J, THETA0, h)
    return forward_gradient(_J, THETA0, h)


def check_errors(bug: str, method: str, hs) -> np.ndarray:
    """The gradient check on §2's problem: relative error of the ``bug`` gradient at θ₀ against differences.

    Parameters
    ----------
    bug : str
        A key of :data:`BUGS`.
    method : {"central", "forward"}
        The difference: :func:`lessons.gradcheck.numerical_gradient` or :func:`forward_gradient`.
    hs : array_like, shape (m,)
        Steps, each ``> 0``.

    Returns
    -------
    ndarray, shape (m,)
        ``relative_error(planted_gradient(..., bug), differences with step h)`` for each h.

    Raises
    ------
    ValueError
        If ``bug`` or ``method`` is unknown, or a step is not positive and finite.
    """
    if method not in METHODS:
        raise ValueError(
            _("method: expected one of {choices}, got {method!r}").format(choices=list(METHODS), method=method)
        )
    hs = as_float_array(hs, "hs")
    if hs.ndim != 1 or hs.size == 0:
        raise ValueError(_("hs must be a non-empty 1-D array of shape (m,), got shape {shape}").format(shape=hs.shape))
    if not np.all(np.isfinite(hs) & (hs > 0)):
        raise ValueError(_("hs: every step must be positive and finite"))
    g = planted_gradient(_X, _Y, _W, _B, bug)
    return np.array([relative_error(g, _differences(method, float(h))) for h in hs])


def passing_band(hs, errors) -> np.ndarray:
    """The smallest and largest step at which the check says "ok" (relative error below :data:`THRESHOLD`).

    Parameters
    ----------
    hs, errors : array_like, shape (m,)

    Returns
    -------
    ndarray, shape (2,)
        ``[h_lo, h_hi]``, or ``[nan, nan]`` if no step passes.
    """
    hs, errors = as_float_array(hs, "hs"), as_float_array(errors, "errors")
    if hs.shape != errors.shape or hs.ndim != 1:
        raise ValueError(
            _("hs and errors must be 1-D of the same shape, got {hs} and {errors}").format(
                hs=hs.shape, errors=errors.shape
            )
        )
    ok = hs[errors < THRESHOLD]
    return np.array([ok.min(), ok.max()]) if ok.size else np.array([np.nan, np.nan])


def _verdict(err: float) -> str:
    return "ok" if err < THRESHOLD else "BUG"


class FDCheckDemo(Demo):
    """One log-log panel: the relative error of a gradient check against the step h.

    Blue and orange: the V-curves of a correct gradient (forward and central differences, §2's data); black: the
    checked gradient (the bug chosen) with the chosen difference; dashed: the threshold 1e-6; shaded: the steps at
    which a correct gradient passes. Controls: ``bug``, ``method`` and ``h`` (the step marked on the curves).
    """

    title = N_("A gradient check's relative error against the step h, with a planted bug")
    fast_controls = frozenset({"h"})

    def __init__(self, bug: str = "none", method: str = "central", h: float = 1e-6, interactive: bool = True):
        super().__init__(
            {
                "bug": choice(_("bug"), [(bug_label(code), code) for code in BUGS], bug),
                "method": choice(_("difference"), [(_(label), code) for code, label in METHODS.items()], method),
                "h": log_slider("h", h, -12, -1),
            },
            size=(11, 4.2),
            interactive=interactive,
        )
        ax = self.ax = self.figure.subplots()
        self.band = ax.axvspan(1e-12, 1e-1, color="0.85", lw=0, label=_("V's bottom: a correct\ngradient passes"))
        ax.axhline(THRESHOLD, color="0.35", ls="--", lw=1.5, label=_("threshold 10⁻⁶"))
        self.line_f = ax.loglog(H_GRID, H_GRID, "o-", color="C0", ms=4, lw=1.5, label=_("correct, forward"))[0]
        self.line_c = ax.loglog(H_GRID, H_GRID, "s-", color="C1", ms=4, lw=1.5, label=_("correct, central"))[0]
        self.line_bug = ax.loglog(H_GRID, H_GRID, "-", color="k", lw=2.5, label=_("checked gradient"))[0]
        self.h_line = ax.axvline(1e-6, color="k", lw=1, ls=":", animated=True)
        self.dot_ok = ax.plot([], [], "o", mfc="white", mec="k", mew=2, ms=11, animated=True)[0]
        self.dot_bug = ax.plot([], [], "o", color="k", ms=9, animated=True)[0]
        ax.set(xlim=(10**-12.2, 10**-0.8), ylim=(1e-13, 10), xlabel=_("step h"), ylabel=_("relative error"))
        ax.set_title(_("Gradient check at θ₀ against the step h"))
        ax.grid(alpha=0.3, which="major")
        handles = [self.line_f, self.line_c, self.band, ax.lines[0], self.line_bug]  # ax.lines[0]: the threshold
        self.legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.02, 1))
        self.refresh()

    def compute(self, bug: str, method: str, h: float) -> dict[str, np.ndarray]:
        forward = check_errors("none", "forward", H_GRID)
        central = check_errors("none", "central", H_GRID)
        correct = central if method == "central" else forward
        at_h = np.array([h, check_errors(bug, method, [h])[0], check_errors("none", method, [h])[0]])
        return {
            "forward": forward,
            "central": central,
            "checked": check_errors(bug, method, H_GRID),
            "at_h": at_h,
            "band": passing_band(H_GRID, correct),
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        self.line_f.set_ydata(c["forward"])
        self.line_c.set_ydata(c["central"])
        self.line_bug.set_ydata(c["checked"])
        h, err, err_ok = c["at_h"]
        lo, hi = c["band"]
        self.band.set_x(lo)
        self.band.set_width(hi - lo)
        self.h_line.set_xdata([h, h])
        self.dot_bug.set_data([h], [err])
        self.dot_ok.set_data([h], [err_ok])
        bug, method = self.controls["bug"].value, self.controls["method"].value
        checked = _("checked: {bug}").format(bug=bug_label(bug))
        self.line_bug.set_label(checked)
        self.legend.get_texts()[-1].set_text(checked)
        inside = lo <= h * (1 + 1e-9) and h <= hi * (1 + 1e-9)
        if inside:
            where = _("this h is in the V's bottom (shaded: {lo:.0e} ≤ h ≤ {hi:.0e})").format(lo=lo, hi=hi)
        else:
            where = _("this h is outside the V's bottom (shaded: {lo:.0e} ≤ h ≤ {hi:.0e})").format(lo=lo, hi=hi)
        trusted = _(", where the verdict can be trusted")
        if bug == "none":
            first = _("the correct gradient's relative error is {err:.1e} → <b>{verdict}</b>").format(
                err=err, verdict=_verdict(err)
            )
            second = where + (trusted if inside else _(": this BUG is a false alarm"))
        else:
            first = _("with the bug “{bug}” the relative error is {err:.2e} → <b>{verdict}</b>").format(
                bug=bug_label(bug), err=err, verdict=_verdict(err)
            )
            tail = trusted if inside else _(": a correct gradient fails too")
            second = _("a correct gradient would score {err:.1e} → {verdict}; {where}{tail}").format(
                err=err_ok, verdict=_verdict(err_ok), where=where, tail=tail
            )
        return _("{method}, h = {h:.1e}: {first}.<br>{second}.").format(
            method=_(_METHOD_NAMES[method]), h=h, first=first, second=f"{second[0].upper()}{second[1:]}"
        )

    def drawn(self) -> dict[str, np.ndarray]:
        x0 = self.band.get_x()
        return {
            "forward": np.asarray(self.line_f.get_ydata()),
            "central": np.asarray(self.line_c.get_ydata()),
            "checked": np.asarray(self.line_bug.get_ydata()),
            "at_h": np.array([self.dot_bug.get_xdata()[0], self.dot_bug.get_ydata()[0], self.dot_ok.get_ydata()[0]]),
            "band": np.array([x0, x0 + self.band.get_width()]),
        }
