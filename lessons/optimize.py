"""Optimisers for the loss, as trajectories (no drawing).

- :func:`gradient_descent`: plain gradient descent from a given start, as used
  by the explorer (notebook 07).
- :func:`fit`: the binary model fitted by ``"gd"``, ``"sgd"``, ``"momentum"``,
  ``"adam"`` or ``"newton"`` (notebook 08). The engine, :func:`minimize`, works
  on any :class:`Objective`; :mod:`lessons.softmax` uses it too.
"""

from __future__ import annotations

import numbers
import time
from dataclasses import dataclass
from typing import Protocol

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

__all__ = ["Trajectory", "gradient_descent", "FitResult", "Objective", "METHODS", "fit", "minimize", "check_options"]


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

    ws, bs, losses, norms = [w], [b], [], []  # the path, as weights and biases
    diverged_at = None
    for k in range(steps + 1):
        try:
            J, dw, db = model._loss_and_gradient(X, y, w, b, lam)
        except ValueError:  # the logits or the penalty overflowed: divergence
            ws.pop()
            bs.pop()
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
        ws.append(w)
        bs.append(b)
    path = np.column_stack([np.array(ws).reshape(len(ws), d), bs])
    return Trajectory(path, np.array(losses), np.array(norms), diverged_at)


# --------------------------------------------------------------------------------------------
# fit(method=...): one engine for every optimiser, on a flat parameter vector theta
# --------------------------------------------------------------------------------------------

METHODS = ("gd", "sgd", "momentum", "adam", "newton")

#: Options each method accepts, besides ``steps``, ``tol``, ``w0`` and ``b0``.
_METHOD_OPTIONS = {
    "gd": {"learning_rate"},
    "sgd": {"learning_rate", "batch_size", "seed"},
    "momentum": {"learning_rate", "momentum"},
    "adam": {"learning_rate", "beta1", "beta2", "eps"},
    "newton": set(),
}
_COMMON_OPTIONS = {"steps", "tol"}
_DEFAULT_STEPS = {"gd": 1000, "sgd": 1000, "momentum": 1000, "adam": 1000, "newton": 50}


@dataclass
class FitResult:
    """What :func:`fit` returns.

    Attributes
    ----------
    path : ndarray, shape (k + 1, p)
        The parameters after each update; row 0 is the start. For the binary
        model ``p = d + 1`` and a row is ``(w..., b)``.
    losses : ndarray, shape (k + 1,)
        The full objective ``J`` at each row of ``path``.
    grad_norms : ndarray, shape (k + 1,)
        ``||grad J||`` (full batch) at each row of ``path``.
    times : ndarray, shape (k + 1,)
        Seconds of work up to each row: the gradients and updates the method
        needs. For ``sgd`` the full-batch loss and gradient that fill
        ``losses`` are bookkeeping and are not counted. Machine dependent.
    converged : bool
        True if ``||grad J|| <= tol`` was reached.
    diverged_at : int or None
        The update at which the iterates overflowed, or None. Then ``path``
        stops before it and holds no inf or NaN.
    method : str
    """

    path: np.ndarray
    losses: np.ndarray
    grad_norms: np.ndarray
    times: np.ndarray
    converged: bool
    diverged_at: int | None
    method: str

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


class Objective(Protocol):
    """What :func:`minimize` needs to know about a model (the binary and softmax models supply one)."""

    n: int

    def value_and_grad(self, theta: np.ndarray, rows: np.ndarray | None = None) -> tuple[float, np.ndarray]:
        """``(J, grad J)`` at ``theta``, on all samples or on ``rows`` only (the penalty always included).

        Raises ``ValueError`` when the logits overflow."""
        ...

    def hessian(self, theta: np.ndarray) -> np.ndarray:
        """The full Hessian, shape (p, p)."""
        ...


def check_options(method: object, options: dict, n: int) -> tuple[str, dict]:
    """Validate ``method`` and its options; return them with the defaults filled in.

    ``learning_rate`` stays None if not given (the caller supplies a
    model-specific default).
    """
    if not isinstance(method, str):
        raise TypeError(f"method must be a string, one of {', '.join(map(repr, METHODS))}; got {type(method).__name__}")
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, METHODS))}; got {method!r}")
    allowed = _METHOD_OPTIONS[method] | _COMMON_OPTIONS
    unknown = sorted(set(options) - allowed)
    if unknown:
        raise TypeError(
            f"method={method!r} does not take option(s) {', '.join(unknown)}; it takes {', '.join(sorted(allowed))}"
        )
    out: dict = {
        "steps": as_positive_int(options.get("steps", _DEFAULT_STEPS[method]), "steps"),
        "tol": as_nonnegative(options.get("tol", 1e-6), "tol"),
    }
    if "learning_rate" in allowed:
        lr = options.get("learning_rate")
        out["learning_rate"] = None if lr is None else as_positive(lr, "learning_rate")
    if method == "sgd":
        bs = as_positive_int(options.get("batch_size", min(32, n)), "batch_size")
        if bs > n:
            raise ValueError(f"batch_size must be <= n = {n} (the number of samples), got {bs}")
        out["batch_size"] = bs
        seed = options.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
            raise TypeError(f"seed must be a non-negative integer, got {seed!r}")
        out["seed"] = int(seed)
    if method == "momentum":
        out["momentum"] = _in_unit_interval(options.get("momentum", 0.9), "momentum")
    if method == "adam":
        out["beta1"] = _in_unit_interval(options.get("beta1", 0.9), "beta1")
        out["beta2"] = _in_unit_interval(options.get("beta2", 0.999), "beta2")
        out["eps"] = as_positive(options.get("eps", 1e-8), "eps")
    return method, out


def _in_unit_interval(value: object, name: str) -> float:
    out = as_nonnegative(value, name)
    if out >= 1:
        raise ValueError(f"{name} must be in [0, 1), got {out!r}")
    return out


def minimize(objective: Objective, theta0: np.ndarray, method: str, options: dict) -> FitResult:
    """Run one optimiser on ``objective`` from ``theta0``.

    ``options`` must come from :func:`check_options` with ``learning_rate``
    filled in (for the first-order methods).

    The update rules, with ``g`` the gradient and ``eta`` the learning rate:

    - ``gd``: ``theta -= eta * g``.
    - ``sgd``: the same with ``g`` from a mini-batch of ``batch_size`` rows,
      taken in a fresh random order each epoch. ``batch_size = n`` is exactly ``gd``.
    - ``momentum`` (heavy ball): ``v = beta * v + g``; ``theta -= eta * v``.
    - ``adam``: ``m = b1 m + (1 - b1) g``; ``s = b2 s + (1 - b2) g**2``;
      ``theta -= eta * m_hat / (sqrt(s_hat) + eps)`` with the bias-corrected
      ``m_hat = m / (1 - b1**t)`` and ``s_hat = s / (1 - b2**t)``.
    - ``newton``: ``theta -= alpha * p`` with ``H p = g`` (least-squares
      solution, so a singular ``H`` is fine) and ``alpha`` halved from 1 until
      the loss decreases enough (Armijo); near the optimum ``alpha = 1``.

    Returns
    -------
    FitResult
    """
    theta = np.array(theta0, dtype=float)
    n, steps, tol = objective.n, options["steps"], options["tol"]
    eta = options.get("learning_rate")
    rng = np.random.default_rng(options.get("seed", 0))
    order, pos = np.arange(n), n  # sgd: the current epoch's order, and where we are in it
    v = np.zeros_like(theta)  # momentum's velocity, Adam's first moment
    s = np.zeros_like(theta)  # Adam's second moment
    path, losses, norms, times = [], [], [], []
    elapsed, converged, diverged_at = 0.0, False, None

    for k in range(steps + 1):
        t0 = time.perf_counter()
        try:
            J, g = objective.value_and_grad(theta)
        except ValueError:  # the logits overflowed: the previous update diverged
            diverged_at = k
            break
        if method != "sgd":  # the full gradient is the step's work; for sgd it is only bookkeeping
            elapsed += time.perf_counter() - t0
        path.append(theta.copy())
        losses.append(J)
        norms.append(float(np.sqrt(g @ g)))
        times.append(elapsed)
        if norms[-1] <= tol:
            converged = True
            break
        if k == steps:
            break
        t0 = time.perf_counter()
        with np.errstate(over="ignore", invalid="ignore"):
            if method == "gd":
                step = eta * g
            elif method == "sgd":
                bs = options["batch_size"]
                if bs == n:
                    rows = None
                else:
                    if pos + bs > n:
                        order, pos = rng.permutation(n), 0
                    rows, pos = order[pos : pos + bs], pos + bs
                gb = g if rows is None else objective.value_and_grad(theta, rows)[1]
                step = eta * gb
            elif method == "momentum":
                v = options["momentum"] * v + g
                step = eta * v
            elif method == "adam":
                b1, b2 = options["beta1"], options["beta2"]
                v = b1 * v + (1 - b1) * g
                s = b2 * s + (1 - b2) * g * g
                step = eta * (v / (1 - b1 ** (k + 1))) / (np.sqrt(s / (1 - b2 ** (k + 1))) + options["eps"])
            else:
                step = _newton_step(objective, theta, J, g)
            theta = theta - step
        elapsed += time.perf_counter() - t0
        if not np.isfinite(theta).all():
            diverged_at = k + 1
            break
    return FitResult(np.array(path), np.array(losses), np.array(norms), np.array(times), converged, diverged_at, method)


def _newton_step(objective: Objective, theta: np.ndarray, J: float, g: np.ndarray) -> np.ndarray:
    H = objective.hessian(theta)
    p = np.linalg.lstsq(H, g, rcond=None)[0]
    slope = float(g @ p)
    if not slope > 0:  # not a descent direction (cannot happen for a PSD H): fall back to the gradient
        p, slope = g, float(g @ g)
    g_norm = float(np.sqrt(g @ g))
    alpha = 1.0
    for _ in range(40):
        try:
            J_new, g_new = objective.value_and_grad(theta - alpha * p)
        except ValueError:  # overflow: far too long a step
            alpha /= 2
            continue
        if J_new <= J - 1e-4 * alpha * slope:  # Armijo: the loss fell enough
            break
        # Near the minimum the decrease Newton predicts, slope / 2, drops below the rounding error of J,
        # and the loss can no longer confirm progress. The gradient still can: accept a step that shrinks it.
        if alpha * slope <= 1e3 * np.finfo(float).eps * max(abs(J), 1e-300) and np.sqrt(g_new @ g_new) < g_norm:
            break
        alpha /= 2
    return alpha * p


class _Binary:
    """The binary model's objective on ``theta = (w..., b)``."""

    def __init__(self, X: np.ndarray, y: np.ndarray, lam: float):
        self.X, self.y, self.lam, self.n = X, y, lam, X.shape[0]

    def value_and_grad(self, theta, rows=None):
        X, y = (self.X, self.y) if rows is None else (self.X[rows], self.y[rows])
        J, dw, db = model._loss_and_gradient(X, y, theta[:-1], theta[-1], self.lam)
        return J, np.append(dw, db)

    def hessian(self, theta):
        return model.hessian(self.X, self.y, theta[:-1], theta[-1], self.lam)


def default_learning_rate(X: np.ndarray, lam: float, curvature: float = 0.25) -> float:
    """``1 / L`` with ``L = curvature * lambda_max(A.T A) / n + lam`` and ``A = [X 1]``.

    ``L`` bounds the Hessian's largest eigenvalue: ``curvature = 1/4`` for the
    binary model (``p (1 - p) <= 1/4``), ``1/2`` for softmax. Gradient descent
    with ``1 / L`` decreases the loss at every step.
    """
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    top = np.linalg.eigvalsh(A.T @ A / X.shape[0])[-1]
    return float(1.0 / (curvature * top + lam))


def fit(X, y, lam: float = 0.0, method: str = "gd", *, w0=None, b0: float = 0.0, **options) -> FitResult:
    """Fit the binary logistic-regression model by one of five optimisers.

    Minimises ``J(w, b) = mean NLL + lam / 2 * ||w||^2``; see :func:`minimize`
    for the update rules.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lam : float, default 0.0
        L2 strength, ``>= 0`` (the bias is not penalised).
    method : {"gd", "sgd", "momentum", "adam", "newton"}
    w0 : array_like, shape (d,), optional
        Start weights; zeros by default.
    b0 : float, default 0.0
        Start bias.
    **options
        ``steps`` (int >= 1, the most updates to make; default 1000, Newton 50);
        ``tol`` (stop once ``||grad J|| <= tol``; default 1e-6);
        ``learning_rate`` (> 0; gd, sgd, momentum, adam; default ``1 / L`` from
        :func:`default_learning_rate`, 0.01 for Adam);
        ``batch_size`` (1..n, default min(32, n)) and ``seed`` (default 0) for sgd;
        ``momentum`` (in [0, 1), default 0.9);
        ``beta1``, ``beta2`` (in [0, 1), defaults 0.9, 0.999) and ``eps`` (> 0, default 1e-8) for Adam.

    Returns
    -------
    FitResult
        ``.w`` (d,), ``.b``, ``.path`` (k + 1, d + 1), ``.losses``, ``.converged``.

    Raises
    ------
    ValueError, TypeError
        For bad data, an unknown method, an option the method does not take, or
        a bad option value; each message names the argument.
    """
    X = as_matrix(X, "X")
    n, d = X.shape
    y = as_labels(y, n, "y")
    lam = as_nonnegative(lam, "lam")
    method, opts = check_options(method, options, n)
    w = np.zeros(d) if w0 is None else as_vector(w0, d, "w0", "d = X.shape[1]")
    b = as_scalar(b0, "b0")
    if "learning_rate" in opts and opts["learning_rate"] is None:
        opts["learning_rate"] = 0.01 if method == "adam" else default_learning_rate(X, lam)
    return minimize(_Binary(X, y, lam), np.append(w, b), method, opts)
