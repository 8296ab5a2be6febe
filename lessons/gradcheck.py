"""Finite-difference gradients, for checking analytic ones."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lessons._validate import as_float_array, as_positive, require_finite
from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["numerical_gradient", "relative_error"]


def numerical_gradient(f: Callable[[np.ndarray], float], theta, h: float = 1e-6) -> np.ndarray:
    """Central-difference gradient ``(f(theta + h e_k) - f(theta - h e_k)) / 2h``.

    Parameters
    ----------
    f : callable
        Takes an array of shape (p,) and returns a real number.
    theta : array_like, shape (p,)
        The point; finite.
    h : float, default 1e-6
        Step, ``h > 0``. The truncation error is O(h^2) and the rounding
        error O(eps / h), so 1e-6 to 1e-5 suits float64.

    Returns
    -------
    ndarray, shape (p,)

    Raises
    ------
    TypeError
        If ``f`` is not callable or does not return a real number.
    ValueError
        If ``theta`` is not a finite, non-empty 1-D array, ``h <= 0``, or
        ``f`` returns a non-finite value.
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

    def call(t: np.ndarray) -> float:
        v = f(t)
        try:
            v = float(v)
        except (TypeError, ValueError):
            raise TypeError(_("f must return a real number, got {type}").format(type=type(v).__name__)) from None
        if not np.isfinite(v):
            raise ValueError(_("f returned {value} at theta = {theta}").format(value=v, theta=t))
        return v

    grad = np.empty_like(theta)
    for k in range(theta.size):  # loops over parameters, not samples
        step = np.zeros_like(theta)
        step[k] = h
        grad[k] = (call(theta + step) - call(theta - step)) / (2.0 * h)
    return grad


def relative_error(a, b, floor: float = 1e-300) -> float:
    """``||a - b|| / max(||a||, ||b||)``, the usual gradient-check figure.

    Parameters
    ----------
    a, b : array_like, same shape
    floor : float
        Lower bound of the denominator, so that two zero vectors give 0.

    Returns
    -------
    float
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(_("a and b must have the same shape, got {a} and {b}").format(a=a.shape, b=b.shape))
    denom = max(np.linalg.norm(a), np.linalg.norm(b), floor)
    return float(np.linalg.norm(a - b) / denom)
