"""What the optimisers return, and what they optimise: one result type and one model adapter.

* :class:`FitResult`: a run's path, losses, gradient norms and times (``Trajectory`` is the same type);
* :class:`Objective`: what :func:`lessons.optimize.minimize` needs from a model;
* :class:`ModelObjective`: the one adapter that turns a model (loss-and-gradient, Hessian, parameter split) into
  an :class:`Objective`; :func:`binary_objective` builds it for the binary model. The softmax model and the
  explorer's two-parameter view use it too.

:mod:`lessons.optimize` re-exports every name here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Protocol

import numpy as np

from lessons import model

__all__ = ["FitResult", "Trajectory", "Objective", "ModelObjective", "binary_objective"]


# --------------------------------------------------------------------------------------------
# the result
# --------------------------------------------------------------------------------------------


@dataclass
class FitResult:
    """What :func:`minimize`, :func:`fit` and :func:`gradient_descent` return.

    Attributes
    ----------
    path : ndarray, shape (k + 1, p)
        The parameters after each update; row 0 is the start. For the binary
        model ``p = d + 1`` and a row is ``(w..., b)`` (also when the bias is
        held fixed, as by ``gradient_descent(..., fit_bias=False)``).
    losses : ndarray, shape (k + 1,)
        The full objective ``J`` at each row of ``path``.
    grad_norms : ndarray, shape (k + 1,)
        ``||grad J||`` (full batch, over the parameters being fitted) at each
        row of ``path``.
    times : ndarray, shape (k + 1,)
        Seconds of work up to each row: the gradients and updates the method
        needs. For ``sgd`` the full-batch loss and gradient that fill
        ``losses`` are bookkeeping and are not counted. Machine dependent.
    converged : bool
        True if ``||grad J|| <= tol`` was reached; under the default
        tolerance of ``newton`` and ``lbfgs``, also if no step could make
        further progress (the minimum to float64 precision). Always False
        for a run with ``tol=None``.
    diverged_at : int or None
        The update at which the iterates overflowed, or None. Then ``path``
        stops before it and holds no inf or NaN.
    method : str
        The method that ran (``"auto"`` resolved to ``"newton"`` or ``"lbfgs"``).
    message : str
        Why the run stopped, in words.
    """

    path: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    times: np.ndarray
    converged: bool
    diverged_at: int | None
    method: str
    message: str = ""

    @property
    def theta(self) -> np.ndarray:
        """The final parameters, shape (p,)."""
        return self.path[-1]

    @property
    def w(self) -> np.ndarray:
        """The final weights, shape (d,) (binary model: all but the last entry)."""
        return self.path[-1, :-1]

    @property
    def b(self) -> float:
        """The final bias (binary model: the last entry)."""
        return float(self.path[-1, -1])

    @property
    def n_iter(self) -> int:
        """The number of updates made."""
        return len(self.path) - 1

    @property
    def diverged(self) -> bool:
        return self.diverged_at is not None

    def _fields(self) -> dict:
        """The dataclass fields of this result, by name (to build a subclass from it)."""
        return {f.name: getattr(self, f.name) for f in fields(FitResult)}


#: What :func:`gradient_descent` returns: the same :class:`FitResult` (the name is kept for old code).
Trajectory = FitResult


# --------------------------------------------------------------------------------------------
# the adapter: a model's loss as a function of one flat parameter vector theta
# --------------------------------------------------------------------------------------------


class Objective(Protocol):
    """What :func:`minimize` needs to know about a model (:class:`ModelObjective` supplies it)."""

    n: int

    def value_and_grad(self, theta: np.ndarray, rows: np.ndarray | None = None) -> tuple[float, np.ndarray]:
        """``(J, grad J)`` at ``theta``, on all samples or on ``rows`` only (the penalty always included).

        Raises ``ValueError`` when the logits overflow."""
        ...

    def hessian(self, theta: np.ndarray) -> np.ndarray:
        """The full Hessian, shape (p, p)."""
        ...


class ModelObjective:
    """A model's loss as a function of one flat parameter vector ``theta``: an :class:`Objective`.

    A model has weights (an array of ``weights_shape``) and a bias (a number
    for a vector of weights, one per column for a matrix of weights); ``theta``
    is ``(weights.ravel(), bias)``. With ``fixed_bias`` the bias is held at that
    value instead and ``theta`` is the weights alone.

    Parameters
    ----------
    X : ndarray, shape (n, d)
        Validated features.
    y : ndarray, shape (n,)
        Validated labels.
    lam : float
        L2 strength, ``>= 0``.
    loss_and_gradient : callable
        ``(X, y, weights, bias, lam) -> (J, dweights, dbias)``, unvalidated,
        raising ``ValueError`` when the logits overflow (e.g.
        ``lessons.model._loss_and_gradient``).
    hessian : callable
        ``(X, y, weights, bias, lam) -> H``, shape (q, q) over
        ``(weights.ravel(), bias)`` (e.g. :func:`lessons.model.hessian`).
    weights_shape : tuple of int
        ``(d,)`` for the binary model (bias: a float), ``(d, K)`` for softmax
        (bias: shape (K,)).
    fixed_bias : float or ndarray, optional
        Hold the bias at this value: ``theta`` is then the weights alone, and
        the gradient and Hessian are those over the weights.

    Attributes
    ----------
    n : int
        The number of samples.
    n_params : int
        The length of ``theta``.
    """

    def __init__(
        self,
        X: np.ndarray,
        y: np.ndarray,
        lam: float,
        loss_and_gradient: Callable,
        hessian: Callable,
        weights_shape: tuple[int, ...],
        *,
        fixed_bias: float | np.ndarray | None = None,
    ):
        self.X, self.y, self.lam, self.n = X, y, lam, X.shape[0]
        self.weights_shape = tuple(weights_shape)
        self.bias_shape = self.weights_shape[1:]  # () for a vector of weights, (K,) for a (d, K) matrix
        self.n_weights = math.prod(self.weights_shape)
        self.fixed_bias = fixed_bias
        self.n_params = self.n_weights + (0 if fixed_bias is not None else math.prod(self.bias_shape))
        self._loss_and_gradient, self._hessian = loss_and_gradient, hessian

    def split(self, theta: np.ndarray) -> tuple[np.ndarray, float | np.ndarray]:
        """``(weights, bias)`` from ``theta`` (views, not copies)."""
        weights = theta[: self.n_weights].reshape(self.weights_shape)
        if self.fixed_bias is not None:
            return weights, self.fixed_bias
        return weights, (theta[self.n_weights] if self.bias_shape == () else theta[self.n_weights :])

    def value_and_grad(self, theta: np.ndarray, rows: np.ndarray | None = None) -> tuple[float, np.ndarray]:
        """``(J, grad J)`` at ``theta``, shapes () and (p,); on ``rows`` only if given (a mini-batch)."""
        X, y = (self.X, self.y) if rows is None else (self.X[rows], self.y[rows])
        J, dw, db = self._loss_and_gradient(X, y, *self.split(theta), self.lam)
        if self.fixed_bias is not None:
            return J, dw.ravel()
        return J, np.concatenate([dw.ravel(), np.ravel(db)])

    def hessian(self, theta: np.ndarray) -> np.ndarray:
        """The Hessian over ``theta``, shape (p, p)."""
        H = self._hessian(self.X, self.y, *self.split(theta), self.lam)
        return H if self.fixed_bias is None else H[: self.n_weights, : self.n_weights]


def binary_objective(X: np.ndarray, y: np.ndarray, lam: float, fixed_bias: float | None = None) -> ModelObjective:
    """The binary model's loss on ``theta = (w..., b)``, or on ``theta = w`` with the bias held at ``fixed_bias``.

    Parameters
    ----------
    X : ndarray, shape (n, d)
        Validated (see :func:`lessons._validate.as_matrix`).
    y : ndarray, shape (n,)
        Validated labels in {0, 1}.
    lam : float
        L2 strength on ``w``.
    fixed_bias : float, optional

    Returns
    -------
    ModelObjective
        With ``p = d + 1`` parameters, or ``d`` with a fixed bias.
    """
    return ModelObjective(X, y, lam, model._loss_and_gradient, model.hessian, (X.shape[1],), fixed_bias=fixed_bias)
