"""Gradient descent on the binary loss, as a trajectory (no drawing).

The full ``fit(method=...)`` family (SGD, momentum, Adam, Newton) builds on
:func:`gradient_descent`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons import model
from lessons._validate import (
    as_labels,
    as_matrix,
    as_nonnegative,
    as_positive,
    as_positive_int,
    as_scalar,
    as_vector,
)

__all__ = ["Trajectory", "gradient_descent"]


@dataclass
class Trajectory:
    """The iterates of a descent run.

    Attributes
    ----------
    path : ndarray, shape (k + 1, d + 1)
        ``(w..., b)`` at steps 0..k; row 0 is the start.
    losses : ndarray, shape (k + 1,)
        ``J`` at each row of ``path``.
    grad_norms : ndarray, shape (k + 1,)
        ``||grad J||`` at each row of ``path``.
    diverged_at : int or None
        The step at which the iterates left the range where the loss can be
        evaluated (the logits overflowed), or None.
    """

    path: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    diverged_at: int | None = None

    @property
    def w(self) -> np.ndarray:
        return self.path[-1, :-1]

    @property
    def b(self) -> float:
        return float(self.path[-1, -1])


def gradient_descent(
    X, y, w0, b0, lam: float = 0.0, learning_rate: float = 0.1, steps: int = 100, fit_bias: bool = True
) -> Trajectory:
    """Plain (full-batch) gradient descent, ``theta <- theta - eta * grad J(theta)``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    w0 : array_like, shape (d,)
        Start weights.
    b0 : float
        Start bias.
    lam : float, default 0.0
        L2 strength, ``>= 0``.
    learning_rate : float, default 0.1
        ``eta > 0``.
    steps : int, default 100
        Number of updates, ``>= 1``.
    fit_bias : bool, default True
        If False, ``b`` stays at ``b0`` (a model without a trainable bias);
        ``grad_norms`` then measure the gradient in ``w`` only.

    Returns
    -------
    Trajectory
        With ``steps + 1`` rows, or fewer if the run diverged (then
        ``diverged_at`` is set and no row contains inf or NaN).
    """
    X = as_matrix(X, "X")
    d = X.shape[1]
    w = as_vector(w0, d, "w0", "d = X.shape[1]").copy()
    b = as_scalar(b0, "b0")
    eta = as_positive(learning_rate, "learning_rate")
    steps = as_positive_int(steps, "steps")
    y = as_labels(y, X.shape[0], "y")
    lam = as_nonnegative(lam, "lam")

    path, losses, norms = [np.append(w, b)], [], []
    diverged_at = None
    for k in range(steps + 1):
        try:
            J, dw, db = model._loss_and_gradient(X, y, w, b, lam)
        except ValueError:  # the logits or the penalty overflowed: divergence
            path.pop()
            diverged_at = k
            break
        if not fit_bias:
            db = 0.0
        losses.append(J)
        norms.append(float(np.sqrt(dw @ dw + db * db)))
        if k == steps:
            break
        with np.errstate(over="ignore", invalid="ignore"):
            w, b = w - eta * dw, b - eta * db
        if not (np.isfinite(w).all() and np.isfinite(b)):
            diverged_at = k + 1
            break
        path.append(np.append(w, b))
    return Trajectory(np.array(path), np.array(losses), np.array(norms), diverged_at)
