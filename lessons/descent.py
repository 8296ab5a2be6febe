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
from typing import NamedTuple

import numpy as np
from scipy.optimize import linprog

from lessons import data, model, optimize
from lessons._validate import as_labels, as_matrix, as_nonnegative, as_positive, as_positive_int, as_scalar
from lessons.i18n import N_, translator
from lessons.surface import loss_at

_ = translator(__name__)

__all__ = [
    "Problem",
    "PROBLEMS",
    "EXPLORER_PROBLEMS",
    "get_problem",
    "Bounds",
    "learning_rate_bounds",
    "problem_bounds",
    "smoothness",
    "minimiser",
    "optimum",
    "loss_grid",
    "Run",
    "descend",
    "Behaviour",
    "behaviour",
    "METHOD_LABELS",
    "method_label",
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
        Human-readable name, in English (:attr:`title` gives it in the current language).
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
    def title(self) -> str:
        """:attr:`label` in the current language (:mod:`lessons.i18n`)."""
        return _(self.label)

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
    X_src, y_src, *_rest = data.source_example()
    X_bad, y_bad = data.badly_scaled_2d()
    return {
        "overlapping": Problem(
            "overlapping",
            N_("overlapping classes · 1 feature, (w, b)"),
            *data.overlapping_1d(),
            True,
            (-2.0, 6.0, -4.0, 4.0),
            (-1.5, 3.0),
        ),
        "separable": Problem(
            "separable",
            N_("linearly separable · 1 feature, (w, b)"),
            *data.separable_1d(),
            True,
            (-2.0, 8.0, -6.0, 4.0),
            (-1.0, 2.0),
            separable=True,
        ),
        "overlapping2d": Problem(
            "overlapping2d",
            N_("overlapping classes · 2 features, (w₁, w₂)"),
            *data.overlapping_2d(),
            False,
            (-2.0, 4.0, -2.0, 4.0),
            (-1.5, 3.0),
        ),
        "badly_scaled": Problem(
            "badly_scaled",
            N_("badly scaled features · 2 features, (w₁, w₂)"),
            X_bad,
            y_bad,
            False,
            (-2.0, 4.0, -0.5, 0.75),
            (-1.5, 0.6),
        ),
        "badly_scaled_std": Problem(
            "badly_scaled_std",
            N_("badly scaled, standardised · (w₁, w₂)"),
            data.standardise(X_bad),
            y_bad,
            False,
            (-2.0, 4.0, -2.0, 4.0),
            (-1.5, 3.0),
        ),
        "source": Problem(
            "source",
            N_("the source's 4-point example · (w₁, w₂)"),
            X_src,
            y_src,
            False,
            (-1.5, 1.5, -1.5, 1.5),
            (0.1, 0.2),
            separable=True,  # even without a bias: w = (1, -0.8) separates it
        ),
    }


PROBLEMS: dict[str, Problem] = _problems()

#: The data sets offered by the explorer, in menu order (every key of :data:`PROBLEMS`).
EXPLORER_PROBLEMS: tuple[str, ...] = (
    "overlapping",
    "separable",
    "overlapping2d",
    "badly_scaled",
    "badly_scaled_std",
    "source",
)


def get_problem(key: str, standardise: bool = False) -> Problem:
    """Look up a problem; ``standardise=True`` picks the standardised version where one exists."""
    if not isinstance(key, str) or key not in PROBLEMS:
        raise ValueError(_("problem must be one of {choices}, got {key!r}").format(choices=sorted(PROBLEMS), key=key))
    if standardise and f"{key}_std" in PROBLEMS:
        return PROBLEMS[f"{key}_std"]
    return PROBLEMS[key]


# ---------------------------------------------------------------------------------------------
# How large may the learning rate be? Two answers: everywhere, and near the minimiser.


class Bounds(NamedTuple):
    """The two learning-rate thresholds of gradient descent on the logistic loss.

    Attributes
    ----------
    safe : float
        ``2 / L`` with ``L = lambda_max(A.T A / (4 n) + lam * D)``: below it the
        loss falls at every step, from any start.
    edge : float or None
        ``2 / lambda_max(H(theta*))``: above it, iterates near the minimiser
        ``theta*`` move away from it instead of converging. None when the loss
        has no minimiser.
    """

    safe: float
    edge: float | None


def _penalty_mask(d: int, fit_bias: bool) -> np.ndarray:
    """The diagonal of ``D``: 1 for every weight, 0 for the bias (which is not penalised)."""
    return np.r_[np.ones(d), 0.0] if fit_bias else np.ones(d)


def _has_minimiser(A: np.ndarray, y: np.ndarray, lam: float, mask: np.ndarray) -> bool:
    """Whether the penalised loss attains its infimum.

    The loss is convex and bounded below, so it has no minimiser exactly when it keeps falling along
    some direction ``v``: every margin ``s_i a_i.T v`` (``s_i = +1`` for label 1, ``-1`` for label 0)
    is ``>= 0`` and one is ``> 0``, and the penalty does not grow along ``v`` (``v`` is 0 on every
    penalised coordinate when ``lam > 0``). A linear programme finds such a ``v`` if there is one.
    """
    s = np.where(y == 1, 1.0, -1.0)
    M = s[:, None] * A  # rows s_i a_i
    free = np.ones(A.shape[1], dtype=bool) if lam == 0 else mask == 0
    if not free.any():
        return True  # strictly convex and coercive
    Mf = M[:, free]
    scale = np.abs(Mf).max() or 1.0
    res = linprog(-Mf.sum(axis=0) / scale, A_ub=-Mf / scale, b_ub=np.zeros(len(y)), bounds=(-1, 1), method="highs")
    return not (res.status == 0 and -res.fun > 1e-9)


def _newton_minimiser(A: np.ndarray, y: np.ndarray, lam: float, mask: np.ndarray) -> np.ndarray:
    """Newton's method with backtracking, run to the limit of float64, from ``theta = 0``."""
    n = len(y)

    def value_grad(theta):
        z = A @ theta
        J = float(model.softplus(np.where(y == 1, -z, z)).sum() / n + 0.5 * lam * (mask * theta) @ theta)
        return J, A.T @ (model.sigmoid(z) - y) / n + lam * mask * theta

    theta = np.zeros(A.shape[1])
    J, g = value_grad(theta)
    g0 = float(np.linalg.norm(g))
    for _step in range(200):
        if np.linalg.norm(g) <= 1e-13 * max(1.0, g0):
            break
        p = model.sigmoid(A @ theta)
        H = A.T @ (A * (p * (1 - p))[:, None]) / n + lam * np.diag(mask)
        step = np.linalg.lstsq(H, g, rcond=None)[0]
        t = 1.0
        while True:
            J_new, g_new = value_grad(theta - t * step)
            if J_new <= J - 1e-4 * t * (g @ step) or t < 1e-10:
                break
            t /= 2
        if J_new > J:  # no more progress is possible in float64
            break
        theta, J, g = theta - t * step, J_new, g_new
    return theta


def _bounds(A: np.ndarray, y: np.ndarray, lam: float, mask: np.ndarray) -> tuple[Bounds, np.ndarray | None]:
    n = len(y)
    L = optimize.smoothness_bound(A, lam, mask)  # lambda_max(A.T A / (4 n) + lam D)
    if not _has_minimiser(A, y, lam, mask):
        return Bounds(2 / L, None), None
    theta = _newton_minimiser(A, y, lam, mask)
    p = model.sigmoid(A @ theta)
    H = A.T @ (A * (p * (1 - p))[:, None]) / n + lam * np.diag(mask)
    return Bounds(2 / L, 2 / float(np.linalg.eigvalsh(H).max())), theta


def learning_rate_bounds(X, y, lam: float = 0.0, *, fit_bias: bool = True) -> Bounds:
    """The learning rate that is safe everywhere, and the edge of stability at the minimiser.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lam : float, default 0.0
        L2 strength (the bias is not penalised).
    fit_bias : bool, default True
        With a bias, ``A = [X 1]``; without one, ``A = X``.

    Returns
    -------
    Bounds
        ``(safe, edge)``: ``safe = 2 / L`` with
        ``L = lambda_max(A.T A / (4 n) + lam * diag(1, ..., 1, 0))``, since
        ``p (1 - p) <= 1/4``; ``edge = 2 / lambda_max(H(theta*))``, or None
        when the loss has no minimiser (separable data with ``lam = 0``, or a
        single class).
    """
    X = as_matrix(X, "X")
    y = as_labels(y, X.shape[0], "y")
    lam = as_nonnegative(lam, "lam")
    A = np.column_stack([X, np.ones(len(y))]) if fit_bias else X
    return _bounds(A, y, lam, _penalty_mask(X.shape[1], fit_bias))[0]


@functools.lru_cache(maxsize=128)
def _problem_bounds(key: str, lam: float) -> tuple[Bounds, np.ndarray | None]:
    p = PROBLEMS[key]
    A = p.design()
    mask = _penalty_mask(p.X.shape[1], True)[:2] if p.fit_bias else np.ones(2)
    bounds, theta = _bounds(A, p.y, lam, mask)
    if theta is not None:
        theta.flags.writeable = False
    return bounds, theta


def problem_bounds(problem: Problem, lam: float = 0.0) -> Bounds:
    """:func:`learning_rate_bounds` for a problem's two displayed parameters (cached)."""
    return _problem_bounds(problem.key, as_nonnegative(lam, "lam"))[0]


def smoothness(problem: Problem, lam: float = 0.0) -> float:
    """``L``, the largest curvature the loss can have anywhere (so ``safe = 2 / L``).

    ``L = lambda_max(A.T A / (4 n) + lam * D)`` in the problem's two parameters, from
    :func:`lessons.optimize.smoothness_bound`, the function behind
    :func:`lessons.optimize.default_learning_rate` too (which is ``1 / L`` for ``A = [X 1]``).

    Parameters
    ----------
    problem : Problem
    lam : float, default 0.0

    Returns
    -------
    float
    """
    return 2 / problem_bounds(problem, lam).safe


def minimiser(key: str, lam: float) -> np.ndarray | None:
    """The minimiser of the loss in the two displayed parameters, or None when there is none.

    None when the classes are separable and ``lam = 0``: the loss only tends to 0 as the weights grow.

    Returns
    -------
    ndarray, shape (2,), or None
    """
    if key not in PROBLEMS:
        raise ValueError(_("problem must be one of {choices}, got {key!r}").format(choices=sorted(PROBLEMS), key=key))
    return _problem_bounds(key, as_nonnegative(lam, "lam"))[1]


@functools.lru_cache(maxsize=128)
def optimum(key: str, lam: float) -> float | None:
    """``J*``, the least value of the loss in the two displayed parameters, or None when there is no minimiser."""
    theta = minimiser(key, lam)
    if theta is None:
        return None
    p = PROBLEMS[key]
    return model.loss(p.X, p.y, *p.split(theta), lam)


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
    """A whole optimiser run in the explorer's two parameters.

    Attributes
    ----------
    path : ndarray, shape (k + 1, 2)
    losses : ndarray, shape (k + 1,)
    grads : ndarray, shape (k + 1, 2)
        The gradient in the two displayed parameters at each step.
    contributions : ndarray, shape (k + 1, n, 2)
        Sample ``i``'s share ``(p_i - y_i) a_i / n`` of the data part of the
        gradient; the penalty's share is ``penalty``.
    penalty : ndarray, shape (k + 1, 2)
    learning_rate : float
        (Unused by Newton's method.)
    overflow_at : int or None
        The step at which a value overflowed float64; the run stops there.
        None for a run of full length, whatever its loss does.
    method : str
        The optimiser, one of :data:`lessons.optimize.METHODS`.
    """

    path: np.ndarray
    losses: np.ndarray
    grads: np.ndarray
    contributions: np.ndarray
    penalty: np.ndarray
    learning_rate: float
    overflow_at: int | None
    method: str = "gd"

    @property
    def steps(self) -> int:
        return len(self.path) - 1

    @property
    def grad_norms(self) -> np.ndarray:
        return np.linalg.norm(self.grads, axis=1)


#: What the explorer calls each optimiser, in English (:func:`method_label` gives it in the current language).
METHOD_LABELS: dict[str, str] = {
    "gd": N_("gradient descent"),
    "sgd": N_("SGD (mini-batches of 10)"),
    "momentum": N_("momentum (β = 0.9)"),
    "adam": "Adam",  # a name: the same in every language
    "newton": N_("Newton"),
}


def method_label(method: str) -> str:
    """What the explorer calls ``method`` (a key of :data:`METHOD_LABELS`), in the current language."""
    return _(METHOD_LABELS[method])


#: The explorer's fixed settings for each optimiser (its learning rate comes from the slider).
EXPLORER_OPTIONS: dict[str, dict] = {
    "gd": {},
    "sgd": {"batch_size": 10, "seed": 0},  # at most n: on the 4-point example SGD uses full batches
    "momentum": {"momentum": 0.9},
    "adam": {},
    "newton": {},
}


def _two_parameters(problem: Problem, lam: float) -> optimize.ModelObjective:
    """The loss as a function of a problem's two displayed parameters, for :func:`lessons.optimize.minimize`:
    ``(w, b)`` with one feature, or ``(w1, w2)`` with the bias held at 0."""
    return optimize.binary_objective(problem.X, problem.y, lam, fixed_bias=None if problem.fit_bias else 0.0)


def _trajectory(problem: Problem, lam: float, eta: float, steps: int, start, method: str):
    """``(path, losses, overflow_at)`` of one optimiser in the two displayed parameters.

    Every run goes exactly ``steps`` updates (``tol=None``: no convergence test, so no warning),
    unless a value overflows. Gradient descent is the same run as :func:`lessons.optimize.gradient_descent`.
    """
    options = dict(EXPLORER_OPTIONS[method], steps=steps, tol=None)
    if "batch_size" in options:  # mini-batches of 10, or the whole data set when it is smaller (the 4 points)
        options["batch_size"] = min(options["batch_size"], len(problem.y))
    if method != "newton":
        options["learning_rate"] = eta
    method, options = optimize.check_options(method, options, len(problem.y))
    res = optimize.minimize(_two_parameters(problem, lam), np.asarray(start, dtype=float), method, options)
    return res.path, res.losses, res.diverged_at


def descend(problem: Problem, lam: float, learning_rate: float, steps: int, start, method: str = "gd") -> Run:
    """Run an optimiser from ``start`` and record everything the explorer shows.

    The run goes its full length, whatever the loss does (it may rise, spike and recover, or
    oscillate: :func:`behaviour` says which). It stops early only if a value overflows float64.

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
        choices = ", ".join(map(repr, optimize.METHODS))
        raise ValueError(_("method must be one of {choices}; got {method!r}").format(choices=choices, method=method))
    path, losses, overflow = _trajectory(problem, lam, eta, steps, (s0, s1), method)

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
    return Run(path, losses, grads, contributions, penalty, eta, overflow, method)


# ---------------------------------------------------------------------------------------------
# What did the run do? In words, with step numbers.


class Behaviour(NamedTuple):
    """What a run did, for the explorer's panel.

    Attributes
    ----------
    kind : str
        What the loss did: ``"falls"`` (at every step), ``"recovers"`` (it rose at some steps,
        then fell below its start and kept falling), ``"oscillates"`` (it still rises in the last
        quarter of the run), ``"rises"`` (it ends above its start, without rising late) or
        ``"overflow"``.
    text : str
        One sentence, with step numbers, in the language current when :func:`behaviour` was called.
    rises : ndarray of int
        The steps ``k`` at which ``J_k > J_(k-1)``.
    zigzag : bool
        Whether most successive steps in the last quarter of the run point against each other
        (negative dot product): the path zig-zags across a valley.
    """

    kind: str
    text: str
    rises: np.ndarray
    zigzag: bool


def behaviour(run: Run, tol: float = 1e-12) -> Behaviour:
    """Say what the loss and the path of ``run`` did, with step numbers.

    Parameters
    ----------
    run : Run
    tol : float
        A rise of at most ``tol * max(1, J_(k-1))`` is rounding, not a rise.

    Returns
    -------
    Behaviour
    """
    J, steps = run.losses, run.steps
    none = np.array([], dtype=int)
    if run.overflow_at is not None:
        text = _("a value overflowed at step {step}; the run stops there").format(step=run.overflow_at)
        return Behaviour("overflow", text, none, False)
    up = np.flatnonzero(np.diff(J) > tol * np.maximum(1.0, np.abs(J[:-1]))) + 1
    quarter = max(1, steps // 4)
    moves = np.diff(run.path, axis=0)[-quarter - 1 :]
    dots = np.einsum("ij,ij->i", moves[1:], moves[:-1])
    zigzag = bool(dots.size and np.mean(dots < 0) > 0.5)
    path = _("; the path zig-zags") if zigzag else ""
    if up.size == 0:
        return Behaviour("falls", _("J falls at every one of the {steps} steps{path}").format(steps=steps, path=path),
                         up, zigzag)  # fmt: skip
    late = int(np.sum(up > steps - quarter))
    if late:
        above = _(", and ends above its start") if J[-1] > J[0] else ""
        text = _("J does not settle: it still rises at {late} of the last {quarter} steps{above}").format(
            late=late, quarter=quarter, above=above
        )
        return Behaviour("oscillates", text, up, zigzag)
    if up.size == 1:
        where = _("at step {step}").format(step=up[0])
    else:
        where = _("at {count} steps ({first}–{last})").format(count=up.size, first=up[0], last=up[-1])
    peak = int(np.argmax(J))
    if J[-1] > J[0]:
        return Behaviour("rises", _("J rises {where} and ends above its start").format(where=where), up, zigzag)
    if peak > 0 and up.size == 1 and peak == up[0]:  # one rise, to the run's highest value: say the step once
        high = _(", to {value:.3g}").format(value=J[peak])
    elif peak > 0:
        high = _(", up to {value:.3g} at step {step}").format(value=J[peak], step=peak)
    else:
        high = ""
    text = _("J rises {where}{high}, then falls at every step after step {last}{path}").format(
        where=where, high=high, last=up[-1], path=path
    )
    return Behaviour("recovers", text, up, zigzag)


def race(problem: Problem, lam: float, learning_rate: float, steps: int, start, methods=optimize.METHODS) -> dict:
    """Every optimiser from the same start on the same surface.

    Returns
    -------
    dict
        ``{method: Run}``, in the order of ``methods``.
    """
    return {m: descend(problem, lam, learning_rate, steps, start, m) for m in methods}
