"""The mathematics behind the gradient-descent explorer, with no drawing.

A *problem* is a data set together with a two-parameter model, so that the
loss surface shown is the whole story, not a slice through a larger space:

* one feature with a bias: parameters ``(w, b)``;
* two features without a bias: parameters ``(w1, w2)``, with ``b = 0`` fixed.

:func:`descend` computes a whole run at once (milliseconds), and the explorer
only indexes into it while it animates.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize

from lessons import data, model, optimize
from lessons._validate import as_nonnegative, as_positive, as_positive_int, as_scalar
from lessons.optimize import gradient_descent
from lessons.surface import loss_at

__all__ = [
    "Problem",
    "PROBLEMS",
    "get_problem",
    "smoothness",
    "minimiser",
    "loss_grid",
    "Run",
    "descend",
    "EXPLORER_OPTIONS",
    "race",
]


@dataclass(frozen=True)
class Problem:
    """A data set and a two-parameter model.

    Attributes
    ----------
    key : str
        Identifier used by :func:`get_problem`.
    label : str
        Human-readable name.
    X : ndarray, shape (n, d), d = 1 (with bias) or 2 (without)
    y : ndarray, shape (n,)
    fit_bias : bool
        True for ``(w, b)``, False for ``(w1, w2)``.
    extent : (float, float, float, float)
        ``(p0_min, p0_max, p1_min, p1_max)``, the parameter window to show.
    start : (float, float)
        A default start point.
    separable : bool
        Whether the classes are linearly separable (then ``lam = 0`` has no
        minimiser).
    """

    key: str
    label: str
    X: np.ndarray = field(repr=False)
    y: np.ndarray = field(repr=False)
    fit_bias: bool
    extent: tuple[float, float, float, float]
    start: tuple[float, float]
    separable: bool = False

    @property
    def param_names(self) -> tuple[str, str]:
        return ("w", "b") if self.fit_bias else ("w₁", "w₂")

    def split(self, theta) -> tuple[np.ndarray, float]:
        """Map the two displayed parameters to the model's ``(w, b)``."""
        theta = np.asarray(theta, dtype=np.float64)
        return (theta[:1], float(theta[1])) if self.fit_bias else (theta[:2], 0.0)

    def design(self) -> np.ndarray:
        """The matrix ``A`` with ``z = A @ theta``: ``[X, 1]`` or ``X``. Shape (n, 2)."""
        return np.hstack([self.X, np.ones((len(self.y), 1))]) if self.fit_bias else self.X


def _problems() -> dict[str, Problem]:
    X_src, y_src, *_ = data.source_example()
    X_bad, y_bad = data.badly_scaled_2d()
    return {
        "overlapping": Problem(
            "overlapping",
            "overlapping classes · 1 feature, (w, b)",
            *data.overlapping_1d(),
            True,
            (-2.0, 6.0, -4.0, 4.0),
            (-1.5, 3.0),
        ),
        "separable": Problem(
            "separable",
            "linearly separable · 1 feature, (w, b)",
            *data.separable_1d(),
            True,
            (-2.0, 8.0, -6.0, 4.0),
            (-1.0, 2.0),
            separable=True,
        ),
        "overlapping2d": Problem(
            "overlapping2d",
            "overlapping classes · 2 features, (w₁, w₂)",
            *data.overlapping_2d(),
            False,
            (-2.0, 4.0, -2.0, 4.0),
            (-1.5, 3.0),
        ),
        "badly_scaled": Problem(
            "badly_scaled",
            "badly scaled features · 2 features, (w₁, w₂)",
            X_bad,
            y_bad,
            False,
            (-2.0, 4.0, -0.5, 0.75),
            (-1.5, 0.6),
        ),
        "badly_scaled_std": Problem(
            "badly_scaled_std",
            "badly scaled, standardised · (w₁, w₂)",
            data.standardise(X_bad),
            y_bad,
            False,
            (-2.0, 4.0, -2.0, 4.0),
            (-1.5, 3.0),
        ),
        "source": Problem(
            "source",
            "the source's 4-point example · (w₁, w₂)",
            X_src,
            y_src,
            False,
            (-1.5, 1.5, -1.5, 1.5),
            (0.1, 0.2),
            separable=True,  # even without a bias: w = (1, -0.8) separates it
        ),
    }


PROBLEMS: dict[str, Problem] = _problems()


def get_problem(key: str, standardise: bool = False) -> Problem:
    """Look up a problem; ``standardise=True`` picks the standardised version where one exists."""
    if not isinstance(key, str) or key not in PROBLEMS:
        raise ValueError(f"problem must be one of {sorted(PROBLEMS)}, got {key!r}")
    if standardise and f"{key}_std" in PROBLEMS:
        return PROBLEMS[f"{key}_std"]
    return PROBLEMS[key]


def smoothness(problem: Problem, lam: float = 0.0) -> float:
    """An upper bound ``L`` on the largest Hessian eigenvalue, over all parameters.

    Since ``p (1 - p) <= 1/4``, ``H <= A.T A / (4 n) + lam I``, so
    ``L = lambda_max(A.T A) / (4 n) + lam``. Gradient descent with a learning
    rate below ``2 / L`` converges on this problem from any start.

    Returns
    -------
    float
    """
    lam = as_nonnegative(lam, "lam")
    A = problem.design()
    return float(np.linalg.eigvalsh(A.T @ A).max() / (4 * len(A)) + lam)


@functools.lru_cache(maxsize=64)
def minimiser(key: str, lam: float) -> np.ndarray | None:
    """The minimiser of the loss in the two displayed parameters, or None.

    None when the data are separable and ``lam = 0``: then there is no
    minimiser (the loss only tends to 0 as the weights grow).

    Returns
    -------
    ndarray, shape (2,), or None
    """
    problem = PROBLEMS[key]
    if problem.separable and lam == 0:
        return None

    def f(theta):
        w, b = problem.split(theta)
        J, dw, db = model.loss_and_gradient(problem.X, problem.y, w, b, lam)
        return J, (np.append(dw, db) if problem.fit_bias else dw)

    res = minimize(f, np.zeros(2), jac=True, method="BFGS", options={"gtol": 1e-10})
    return res.x


@functools.lru_cache(maxsize=64)
def loss_grid(key: str, lam: float, size: int = 150) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The loss on a ``size × size`` grid over the problem's extent, computed once per (problem, lam).

    Returns
    -------
    p0 : ndarray, shape (size,)
    p1 : ndarray, shape (size,)
    J : ndarray, shape (size, size)
        ``J[i, j]`` is the loss at ``(p0[j], p1[i])``.
    """
    problem = PROBLEMS[key]
    x0, x1, y0, y1 = problem.extent
    p0, p1 = np.linspace(x0, x1, size), np.linspace(y0, y1, size)
    P0, P1 = np.meshgrid(p0, p1)
    thetas = np.column_stack([P0.ravel(), P1.ravel()])
    if not problem.fit_bias:
        thetas = np.column_stack([thetas, np.zeros(len(thetas))])
    J = loss_at(problem.X, problem.y, thetas, lam).reshape(P0.shape)
    J.flags.writeable = False
    return p0, p1, J


@dataclass
class Run:
    """A whole gradient-descent run in the explorer's two parameters.

    Attributes
    ----------
    path : ndarray, shape (k + 1, 2)
    losses : ndarray, shape (k + 1,)
    grads : ndarray, shape (k + 1, 2)
        The gradient in the two displayed parameters at each step.
    contributions : ndarray, shape (k + 1, n, 2)
        Sample ``i``'s share ``(p_i - y_i) a_i / n`` of the data part of the
        gradient; the penalty's share ``lam * (w, 0)`` is ``penalty``.
    penalty : ndarray, shape (k + 1, 2)
    learning_rate : float
        (Unused by Newton's method.)
    diverged_at : int or None
        The first step at which the loss had grown beyond ``J_0 + max(J_0, 1)``
        (or the parameters overflowed). The run stops there.
    method : str
        The optimiser, one of :data:`lessons.optimize.METHODS`.
    """

    path: np.ndarray
    losses: np.ndarray
    grads: np.ndarray
    contributions: np.ndarray
    penalty: np.ndarray
    learning_rate: float
    diverged_at: int | None
    method: str = "gd"

    @property
    def steps(self) -> int:
        return len(self.path) - 1

    @property
    def grad_norms(self) -> np.ndarray:
        return np.linalg.norm(self.grads, axis=1)


#: The explorer's fixed settings for each optimiser (its learning rate comes from the slider).
EXPLORER_OPTIONS: dict[str, dict] = {
    "gd": {},
    "sgd": {"batch_size": 10, "seed": 0},
    "momentum": {"momentum": 0.9},
    "adam": {},
    "newton": {},
}


class _TwoParameters:
    """The loss as a function of a problem's two displayed parameters, for :func:`lessons.optimize.minimize`."""

    def __init__(self, problem: Problem, lam: float):
        self.problem, self.lam, self.n = problem, lam, len(problem.y)

    def value_and_grad(self, theta, rows=None):
        p = self.problem
        X, y = (p.X, p.y) if rows is None else (p.X[rows], p.y[rows])
        w, b = p.split(theta)
        J, dw, db = model._loss_and_gradient(X, y, w, b, self.lam)
        return J, (np.append(dw, db) if p.fit_bias else dw)

    def hessian(self, theta):
        w, b = self.problem.split(theta)
        H = model.hessian(self.problem.X, self.problem.y, w, b, self.lam)
        return H if self.problem.fit_bias else H[:2, :2]


def _trajectory(problem: Problem, lam: float, eta: float, steps: int, start, method: str):
    """``(path, losses, diverged_at)`` of one optimiser in the two displayed parameters."""
    if method == "gd":
        w0, b0 = problem.split(start)
        traj = gradient_descent(problem.X, problem.y, w0, b0, lam, eta, steps, fit_bias=problem.fit_bias)
        cols = [0, -1] if problem.fit_bias else [0, 1]
        return traj.path[:, cols], traj.losses[: len(traj.path)], traj.diverged_at
    options = dict(EXPLORER_OPTIONS[method], steps=steps, tol=0.0)
    if method != "newton":
        options["learning_rate"] = eta
    method, options = optimize.check_options(method, options, len(problem.y))
    res = optimize.minimize(_TwoParameters(problem, lam), np.asarray(start, dtype=float), method, options)
    return res.path, res.losses, res.diverged_at


def descend(problem: Problem, lam: float, learning_rate: float, steps: int, start, method: str = "gd") -> Run:
    """Run an optimiser from ``start`` and record everything the explorer shows.

    Parameters
    ----------
    problem : Problem
    lam : float, >= 0
    learning_rate : float, > 0
        (Ignored by ``"newton"``.)
    steps : int, >= 1
    start : (float, float)
        The two displayed parameters.
    method : {"gd", "sgd", "momentum", "adam", "newton"}
        With the fixed settings of :data:`EXPLORER_OPTIONS`.

    Returns
    -------
    Run
    """
    lam = as_nonnegative(lam, "lam")
    eta = as_positive(learning_rate, "learning_rate")
    steps = as_positive_int(steps, "steps")
    s0, s1 = (as_scalar(v, "start") for v in start)
    if method not in optimize.METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, optimize.METHODS))}; got {method!r}")
    path, losses, diverged = _trajectory(problem, lam, eta, steps, (s0, s1), method)
    limit = losses[0] + max(losses[0], 1.0)
    blown = np.flatnonzero(losses > limit)
    if blown.size:
        k = int(blown[0])
        path, losses = path[: k + 1], losses[: k + 1]
        diverged = k if diverged is None else min(diverged, k)

    A = problem.design()
    n = len(problem.y)
    Z = path @ A.T  # (k + 1, n), finite: the optimiser stopped before any overflow
    resid = np.where(problem.y == 1, -model.sigmoid(-Z), model.sigmoid(Z))  # p - y without cancellation
    contributions = resid[:, :, None] * A[None, :, :] / n
    penalty = np.zeros_like(path)
    penalty[:, 0] = lam * path[:, 0]
    if not problem.fit_bias:
        penalty[:, 1] = lam * path[:, 1]
    grads = contributions.sum(axis=1) + penalty
    return Run(path, losses, grads, contributions, penalty, eta, diverged, method)


def race(problem: Problem, lam: float, learning_rate: float, steps: int, start, methods=optimize.METHODS) -> dict:
    """Every optimiser from the same start on the same surface.

    Returns
    -------
    dict
        ``{method: Run}``, in the order of ``methods``.
    """
    return {m: descend(problem, lam, learning_rate, steps, start, m) for m in methods}
