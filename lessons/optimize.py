"""Optimisers for the loss, as trajectories (no drawing).

- :func:`fit`: the binary model, fitted by default (``method="auto"``) with
  Newton's method, or with L-BFGS (scipy's) when it has more than
  :data:`NEWTON_MAX_PARAMETERS` parameters; ``"gd"``, ``"sgd"``,
  ``"momentum"`` and ``"adam"`` by name (notebook 08).
- :func:`gradient_descent`: plain gradient descent from a given start for a
  fixed number of steps (notebooks 06, 07, 09, 12), i.e. :func:`minimize`
  with ``method="gd"`` and no convergence test.
- The engine: :func:`minimize` runs one method on an :class:`Objective`.
  :class:`ModelObjective` makes one from a model's loss-and-gradient, its
  Hessian and the split of the flat parameter vector ``theta`` into weights
  and bias; the binary model (:func:`binary_objective`),
  :mod:`lessons.softmax` and the explorer's two-parameter view
  (:mod:`lessons.descent`) all use it. Every run gives a :class:`FitResult`.
- :func:`smoothness_bound`: ``L``, the largest curvature the loss can have;
  :func:`default_learning_rate` is ``1 / L`` and
  :func:`lessons.descent.smoothness` is ``L`` in the explorer's two parameters.

A run that stops before ``||grad J|| <= tol`` warns with
:class:`lessons.ConvergenceWarning`; ``tol=None`` asks for exactly ``steps``
updates with no convergence test, and never warns.
"""

from __future__ import annotations

import numbers
import os
import sys
import time
import warnings

import numpy as np
from scipy.optimize import minimize as _scipy_minimize

from lessons._validate import (
    as_labels,
    as_matrix,
    as_nonnegative,
    as_positive,
    as_positive_int,
    as_scalar,
    as_vector,
)
from lessons.exceptions import ConvergenceWarning
from lessons.i18n import translator
from lessons.objective import FitResult, ModelObjective, Objective, Trajectory, binary_objective

__all__ = [
    "FitResult",
    "Trajectory",
    "Objective",
    "ModelObjective",
    "binary_objective",
    "METHODS",
    "FIT_METHODS",
    "NEWTON_MAX_PARAMETERS",
    "check_options",
    "minimize",
    "smoothness_bound",
    "default_learning_rate",
    "fit",
    "gradient_descent",
]

_ = translator(__name__)


# --------------------------------------------------------------------------------------------
# methods and their options
# --------------------------------------------------------------------------------------------

#: The methods that take one update at a time, each one a line of :func:`minimize` (the explorer races these).
METHODS = ("gd", "sgd", "momentum", "adam", "newton")

#: What :func:`fit` accepts: ``"auto"`` (the default), :data:`METHODS`, and scipy's L-BFGS.
FIT_METHODS = ("auto", *METHODS, "lbfgs")

#: ``method="auto"`` picks Newton up to this many parameters (its p × p solve stays in milliseconds), L-BFGS above.
NEWTON_MAX_PARAMETERS = 200

#: Options each method accepts, besides ``steps``, ``tol``, ``w0`` and ``b0``.
_METHOD_OPTIONS = {
    "gd": {"learning_rate"},
    "sgd": {"learning_rate", "batch_size", "seed"},
    "momentum": {"learning_rate", "momentum"},
    "adam": {"learning_rate", "beta1", "beta2", "eps"},
    "newton": set(),
    "lbfgs": {"memory"},
}
_COMMON_OPTIONS = {"steps", "tol"}
_DEFAULT_STEPS = {"gd": 1000, "sgd": 1000, "momentum": 1000, "adam": 1000, "newton": 50, "lbfgs": 1000}
#: Default ``tol``: absolute for the first-order methods; for Newton and L-BFGS relative, ``tol * max(1, ||g0||)``.
_DEFAULT_TOL = {"gd": 1e-6, "sgd": 1e-6, "momentum": 1e-6, "adam": 1e-6, "newton": 1e-10, "lbfgs": 1e-5}
_DEFAULT_MEMORY = 100


def check_options(method: object, options: dict, n: int, n_params: int | None = None) -> tuple[str, dict]:
    """Validate ``method`` and its options; return them with the defaults filled in.

    Parameters
    ----------
    method : str
        One of :data:`FIT_METHODS`. ``"auto"`` becomes ``"newton"`` when
        ``n_params <= NEWTON_MAX_PARAMETERS``, else ``"lbfgs"``.
    options : dict
        ``steps``, ``tol`` and the method's own options (see :func:`fit`).
    n : int
        The number of samples (bounds ``batch_size``).
    n_params : int, optional
        The number of parameters; needed by ``"auto"``.

    Returns
    -------
    method : str
        Never ``"auto"``.
    options : dict
        With ``steps``; ``tol`` (a float, or None for no convergence test);
        ``tol_relative`` (True for the default tolerance of Newton and L-BFGS:
        the run stops at ``||grad J|| <= tol * max(1, ||grad J_0||)``, or
        when no step can make further progress); ``learning_rate`` stays
        None if not given (the caller supplies a model-specific default).
    """
    if not isinstance(method, str):
        raise TypeError(
            _("method must be a string, one of {methods}; got {type}").format(
                methods=", ".join(map(repr, FIT_METHODS)), type=type(method).__name__
            )
        )
    if method not in FIT_METHODS:
        raise ValueError(
            _("method must be one of {methods}; got {method!r}").format(
                methods=", ".join(map(repr, FIT_METHODS)), method=method
            )
        )
    asked = method
    if method == "auto":
        if n_params is None:
            raise ValueError(_("method='auto' needs the number of parameters, n_params"))
        method = "newton" if n_params <= NEWTON_MAX_PARAMETERS else "lbfgs"
    allowed = _METHOD_OPTIONS[method] | _COMMON_OPTIONS
    unknown = sorted(set(options) - allowed)
    if unknown:
        chosen = f"method={asked!r}" + (_(" (here {method!r})").format(method=method) if asked != method else "")
        raise TypeError(
            _("{chosen} does not take option(s) {unknown}; it takes {allowed}").format(
                chosen=chosen, unknown=", ".join(unknown), allowed=", ".join(sorted(allowed))
            )
        )
    out: dict = {"steps": as_positive_int(options.get("steps", _DEFAULT_STEPS[method]), "steps")}
    if "tol" in options:
        tol = options["tol"]
        out["tol"] = None if tol is None else as_nonnegative(tol, "tol")
        out["tol_relative"] = False
    else:
        out["tol"] = _DEFAULT_TOL[method]
        out["tol_relative"] = method in ("newton", "lbfgs")
    if "learning_rate" in allowed:
        lr = options.get("learning_rate")
        out["learning_rate"] = None if lr is None else as_positive(lr, "learning_rate")
    if method == "sgd":
        bs = as_positive_int(options.get("batch_size", min(32, n)), "batch_size")
        if bs > n:
            raise ValueError(_("batch_size must be <= n = {n} (the number of samples), got {bs}").format(n=n, bs=bs))
        out["batch_size"] = bs
        seed = options.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
            raise TypeError(_("seed must be a non-negative integer, got {seed!r}").format(seed=seed))
        out["seed"] = int(seed)
    if method == "momentum":
        out["momentum"] = _in_unit_interval(options.get("momentum", 0.9), "momentum")
    if method == "adam":
        out["beta1"] = _in_unit_interval(options.get("beta1", 0.9), "beta1")
        out["beta2"] = _in_unit_interval(options.get("beta2", 0.999), "beta2")
        out["eps"] = as_positive(options.get("eps", 1e-8), "eps")
    if method == "lbfgs":
        out["memory"] = as_positive_int(options.get("memory", _DEFAULT_MEMORY), "memory")
    return method, out


def _in_unit_interval(value: object, name: str) -> float:
    out = as_nonnegative(value, name)
    if out >= 1:
        raise ValueError(_("{name} must be in [0, 1), got {value!r}").format(name=name, value=out))
    return out


# --------------------------------------------------------------------------------------------
# the engine
# --------------------------------------------------------------------------------------------


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
    - ``lbfgs``: scipy's L-BFGS-B (no bounds), keeping the last ``memory``
      steps and gradient changes as its model of the curvature.

    The run stops at ``||g|| <= tol`` (``tol * max(1, ||g_0||)`` under the
    default tolerance of Newton and L-BFGS), after ``steps`` updates, or when
    the iterates overflow. Under that default tolerance Newton also stops when
    its last step lowered neither ``J`` nor ``||g||``: the line search found no
    better point because the decrease Newton predicts (half the Newton
    decrement ``g . H^-1 g``) is below the rounding error of ``J`` and the
    gradient is at its rounding floor; L-BFGS stops likewise when ``J`` no
    longer decreases beyond rounding. ``tol=None`` runs exactly ``steps``
    updates (L-BFGS: at most ``steps``, fewer if its line search can make no
    progress) with no convergence test.

    Returns
    -------
    FitResult

    Warns
    -----
    ConvergenceWarning
        When a run with a tolerance stops without meeting it (and did not diverge).
    """
    theta = np.array(theta0, dtype=float)
    if method == "lbfgs":
        return _lbfgs(objective, theta, options)
    n, steps, tol = objective.n, options["steps"], options["tol"]
    relative = options.get("tol_relative", False)
    eta = options.get("learning_rate")
    rng = np.random.default_rng(options.get("seed", 0))
    order, pos = np.arange(n), n  # sgd: the current epoch's order, and where we are in it
    v = np.zeros_like(theta)  # momentum's velocity, Adam's first moment
    s = np.zeros_like(theta)  # Adam's second moment
    path, losses, norms, times = [], [], [], []
    elapsed, converged, diverged_at, message = 0.0, False, None, ""
    at_limit = False  # stopped by the step limit
    g_prev = None  # newton: the previous gradient, for the no-progress test

    for k in range(steps + 1):
        t0 = time.perf_counter()
        try:
            J, g = objective.value_and_grad(theta)
        except ValueError:  # the logits overflowed: the previous update diverged
            diverged_at = k
            message = _("the iterates overflowed at step {k}").format(k=k)
            break
        if method != "sgd":  # the full gradient is the step's work; for sgd it is only bookkeeping
            elapsed += time.perf_counter() - t0
        path.append(theta.copy())
        losses.append(J)
        norms.append(float(np.sqrt(g @ g)))
        times.append(elapsed)
        if k == 0 and tol is not None and relative:
            tol = tol * max(1.0, norms[0])
        if tol is not None and norms[-1] <= tol:
            converged, message = (
                True,
                _("||grad J|| = {norm:.2e} <= tol = {tol:.2e} after {k} steps").format(norm=norms[-1], tol=tol, k=k),
            )
            break
        if relative and method == "newton":
            if g_prev is not None and _no_progress(path[-2], path[-1], g_prev, losses[-2:], norms[-2:]):
                converged = True
                message = _("no further progress after {k} steps: the minimum to float64 precision").format(k=k)
                break
            g_prev = g
        if k == steps:
            message = (
                _("ran all {steps} steps").format(steps=steps)
                if tol is None
                else _("step limit: {steps} steps").format(steps=steps)
            )
            at_limit = True
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
            message = _("the iterates overflowed at step {k}").format(k=k + 1)
            break
    result = FitResult(
        np.array(path).reshape(len(path), theta.size),
        np.array(losses),
        np.array(norms),
        np.array(times),
        converged,
        diverged_at,
        method,
        message,
    )
    _warn_if_unfinished(result, tol, at_limit)
    return result


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
        if alpha * slope <= _rounding_of(J) and np.sqrt(g_new @ g_new) < g_norm:
            break
        alpha /= 2
    return alpha * p


def _rounding_of(J: float) -> float:
    """A decrease of ``J`` below this cannot be told from its rounding error."""
    return 1e3 * np.finfo(float).eps * max(abs(J), 1e-300)


def _no_progress(theta_prev, theta, g_prev, last_two_losses, last_two_norms) -> bool:
    """Whether the last Newton step lowered neither ``J`` nor ``||grad J||``, its predicted decrease
    ``g_prev . (theta_prev - theta)`` (the Newton decrement, times the step length) being below the
    rounding error of ``J``: the line search found no better point, so no further step can."""
    (J_prev, J), (norm_prev, norm) = last_two_losses, last_two_norms
    predicted = float(g_prev @ (theta_prev - theta))
    return predicted <= _rounding_of(J_prev) and J >= J_prev - _rounding_of(J_prev) and norm >= norm_prev


def _lbfgs(objective: Objective, theta: np.ndarray, options: dict) -> FitResult:
    """scipy's L-BFGS-B (no bounds) on ``objective``, recorded iterate by iterate as a :class:`FitResult`."""
    steps, tol, relative = options["steps"], options["tol"], options.get("tol_relative", False)
    path, losses, norms, times = [], [], [], []
    last: dict = {}  # the latest evaluation, which L-BFGS-B accepts as its next iterate
    t_start = time.perf_counter()

    def value_and_grad(x):
        try:
            J, g = objective.value_and_grad(x)
        except ValueError:  # a trial step overflowed the logits: worse than any point, so the line search backs off
            return np.inf, np.zeros_like(x)
        last.update(x=x.copy(), J=J, g=g)
        return J, g

    def record(x, J, g):
        path.append(np.array(x, dtype=float))
        losses.append(float(J))
        norms.append(float(np.sqrt(g @ g)))
        times.append(time.perf_counter() - t_start)

    def result(converged: bool, message: str) -> FitResult:
        arrays = np.array(path).reshape(len(path), theta.size), np.array(losses), np.array(norms), np.array(times)
        return FitResult(*arrays, converged, None if path else 0, "lbfgs", message)

    try:
        J0, g0 = objective.value_and_grad(theta)
    except ValueError:
        return result(False, _("the start overflowed"))
    record(theta, J0, g0)
    if tol is not None and relative:
        tol = tol * max(1.0, norms[0])
    if tol is not None and norms[0] <= tol:
        return result(
            True, _("||grad J|| = {norm:.2e} <= tol = {tol:.2e} after {k} steps").format(norm=norms[0], tol=tol, k=0)
        )

    def callback(intermediate_result):
        x = intermediate_result.x
        if "x" in last and np.array_equal(last["x"], x):
            J, g = last["J"], last["g"]
        else:  # pragma: no cover - L-BFGS-B's iterate is its last evaluation
            J, g = objective.value_and_grad(x)
        record(x, J, g)
        if tol is not None and norms[-1] <= tol:
            raise StopIteration

    scipy_options = {
        "maxiter": steps,
        "maxfun": 50 * steps + 100,
        "maxcor": options.get("memory", _DEFAULT_MEMORY),
        "maxls": 50,
        "gtol": 0.0,  # the gradient test is ours, in the 2-norm
        # J no longer falls beyond rounding: the minimum to float64 precision (scikit-learn's setting); with an
        # explicit tolerance (or none) L-BFGS goes on while J falls at all
        "ftol": 64 * np.finfo(float).eps if relative else 0.0,
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # inf - inf in the line search after an overflowed trial
        res = _scipy_minimize(
            value_and_grad, theta, jac=True, method="L-BFGS-B", callback=callback, options=scipy_options
        )
    k = len(path) - 1
    at_limit = False
    if tol is not None and norms[-1] <= tol:
        out = result(
            True, _("||grad J|| = {norm:.2e} <= tol = {tol:.2e} after {k} steps").format(norm=norms[-1], tol=tol, k=k)
        )
    elif res.status == 1 or k >= steps:
        out = result(
            False,
            _("ran all {steps} steps").format(steps=k)
            if tol is None
            else _("step limit: {steps} steps").format(steps=k),
        )
        at_limit = True
    elif res.status == 0:  # J no longer falls beyond rounding: the minimum, under the default tolerance
        out = result(relative, _("no further progress after {k} steps ({reason})").format(k=k, reason=res.message))
    else:  # the line search found no lower point (e.g. every trial step overflowed)
        out = result(False, _("the line search failed after {k} steps ({reason})").format(k=k, reason=res.message))
    _warn_if_unfinished(out, tol, at_limit)
    return out


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def _warn_if_unfinished(result: FitResult, tol: float | None, at_limit: bool) -> None:
    """Warn (scikit-learn style) when a run with a tolerance stopped without meeting it (``at_limit``: at its
    step limit)."""
    if tol is None or result.converged or result.diverged_at is not None:
        return
    # point the warning at the first caller outside this package: the notebook cell or the user's script
    level, frame = 1, sys._getframe(0)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame, level = frame.f_back, level + 1
    hint = (
        _("Increase steps, or pass tol=None to run exactly `steps` steps without a convergence test.")
        if at_limit
        else _("Rescale X, or try another method.")
    )
    warnings.warn(
        _(
            "{method} did not converge: {steps} steps taken, ||grad J|| = {norm:.3e} "
            "> tol = {tol:.3e} ({message}). {hint}"
        ).format(
            method=result.method,
            steps=result.n_iter,
            norm=result.grad_norms[-1],
            tol=tol,
            message=result.message,
            hint=hint,
        ),
        ConvergenceWarning,
        stacklevel=level,
    )


# --------------------------------------------------------------------------------------------
# the curvature bound and the learning rate it gives
# --------------------------------------------------------------------------------------------


def smoothness_bound(A: np.ndarray, lam: float, penalised: np.ndarray, curvature: float = 0.25) -> float:
    """``L = lambda_max(curvature * A.T A / n + lam * diag(penalised))``: no Hessian of the loss is larger.

    For the binary model ``p (1 - p) <= 1/4`` gives ``H <= A.T A / (4 n) + lam D``
    (``curvature = 1/4``); for softmax every ``diag(p) - p p.T`` is at most
    ``1/2`` (``curvature = 1/2``, the same bound for each class's block).

    Parameters
    ----------
    A : ndarray, shape (n, m)
        The design: ``z = A @ theta`` (``[X 1]`` with a bias, ``X`` without).
    lam : float
        L2 strength.
    penalised : ndarray, shape (m,)
        1 for a penalised parameter, 0 for the bias: the diagonal of ``D``.
    curvature : float, default 0.25

    Returns
    -------
    float
        ``L``; gradient descent with ``eta < 2 / L`` lowers the loss at every step.
    """
    n = A.shape[0]
    return float(np.linalg.eigvalsh(A.T @ A / (n / curvature) + lam * np.diag(penalised)).max())


def default_learning_rate(X, lam: float, curvature: float = 0.25) -> float:
    """``1 / L``, half the safe rate, with ``L`` from :func:`smoothness_bound` for ``A = [X 1]``.

    The penalty's diagonal is ``D = diag(1, ..., 1, 0)`` (the bias is not
    penalised). ``L`` bounds the Hessian's largest eigenvalue: ``curvature = 1/4``
    for the binary model (``p (1 - p) <= 1/4``), ``1/2`` for softmax. Gradient
    descent with ``1 / L`` decreases the loss at every step. With centred
    features (as after standardising) ``L = curvature * lambda_max(A.T A / n) + lam``.

    Parameters
    ----------
    X : array_like, shape (n, d)
    lam : float
        L2 strength, ``>= 0``.
    curvature : float, default 0.25

    Returns
    -------
    float
    """
    X = as_matrix(X, "X")
    lam = as_nonnegative(lam, "lam")
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    return 1.0 / smoothness_bound(A, lam, np.r_[np.ones(X.shape[1]), 0.0], curvature)


# --------------------------------------------------------------------------------------------
# the binary model: fit and plain gradient descent
# --------------------------------------------------------------------------------------------


def fit(X, y, lam: float = 0.0, method: str = "auto", *, w0=None, b0: float = 0.0, **options) -> FitResult:
    """Fit the binary logistic-regression model.

    Minimises ``J(w, b) = mean NLL + lam / 2 * ||w||^2``; see :func:`minimize`
    for the update rules and the stopping rules.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lam : float, default 0.0
        L2 strength, ``>= 0`` (the bias is not penalised).
    method : {"auto", "newton", "lbfgs", "gd", "sgd", "momentum", "adam"}, default "auto"
        ``"auto"`` runs ``"newton"`` when ``d + 1 <= NEWTON_MAX_PARAMETERS``,
        else ``"lbfgs"``: both run to the optimum.
    w0 : array_like, shape (d,), optional
        Start weights; zeros by default.
    b0 : float, default 0.0
        Start bias.
    **options
        ``steps`` (int >= 1, the most updates to make; default 1000, Newton 50);
        ``tol`` (stop once ``||grad J|| <= tol``; ``None``: run exactly
        ``steps`` updates, no convergence test and no warning; default 1e-6
        for the first-order methods, and for Newton and L-BFGS
        ``1e-10 * max(1, ||grad J_0||)`` and ``1e-5 * max(1, ||grad J_0||)``,
        or no further progress possible. L-BFGS's tolerance gives the
        objective to about 1e-7, but on an ill-conditioned problem not the
        coefficients: Newton's gives both);
        ``learning_rate`` (> 0; gd, sgd, momentum, adam; default ``1 / L`` from
        :func:`default_learning_rate`, 0.01 for Adam);
        ``batch_size`` (1..n, default min(32, n)) and ``seed`` (default 0) for sgd;
        ``momentum`` (in [0, 1), default 0.9);
        ``beta1``, ``beta2`` (in [0, 1), defaults 0.9, 0.999) and ``eps`` (> 0, default 1e-8) for Adam;
        ``memory`` (int >= 1, default 100: the steps L-BFGS remembers) for L-BFGS.

    Returns
    -------
    FitResult
        ``.w`` (d,), ``.b``, ``.path`` (k + 1, d + 1), ``.losses``, ``.converged``.

    Raises
    ------
    ValueError, TypeError
        For bad data, an unknown method, an option the method does not take, or
        a bad option value; each message names the argument.

    Warns
    -----
    ConvergenceWarning
        When the run stops without meeting ``tol`` (not with ``tol=None``).
    """
    X = as_matrix(X, "X")
    n, d = X.shape
    y = as_labels(y, n, "y")
    lam = as_nonnegative(lam, "lam")
    method, opts = check_options(method, options, n, n_params=d + 1)
    w = np.zeros(d) if w0 is None else as_vector(w0, d, "w0", "d = X.shape[1]")
    b = as_scalar(b0, "b0")
    if "learning_rate" in opts and opts["learning_rate"] is None:
        opts["learning_rate"] = 0.01 if method == "adam" else default_learning_rate(X, lam)
    return minimize(binary_objective(X, y, lam), np.append(w, b), method, opts)


def gradient_descent(
    X, y, w0, b0, lam: float = 0.0, learning_rate: float = 0.1, steps: int = 100, fit_bias: bool = True
) -> FitResult:
    """Plain (full-batch) gradient descent, ``theta <- theta - eta * grad J(theta)``, for exactly ``steps`` updates.

    The same run as ``minimize(..., "gd", ...)`` with ``tol=None``: no
    convergence test, no warning.

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
    FitResult (alias :data:`Trajectory`)
        ``path`` (rows ``(w..., b)``), ``losses``, ``grad_norms``,
        ``diverged_at``, ``.w``, ``.b``: ``steps + 1`` rows, or fewer if the
        run diverged (then ``diverged_at`` is set and no row contains inf or NaN).
    """
    X = as_matrix(X, "X")
    d = X.shape[1]
    w = as_vector(w0, d, "w0", "d = X.shape[1]")
    b = as_scalar(b0, "b0")
    eta = as_positive(learning_rate, "learning_rate")
    steps = as_positive_int(steps, "steps")
    y = as_labels(y, X.shape[0], "y")
    lam = as_nonnegative(lam, "lam")
    _, opts = check_options("gd", {"learning_rate": eta, "steps": steps, "tol": None}, X.shape[0])
    objective = binary_objective(X, y, lam, fixed_bias=None if fit_bias else b)
    result = minimize(objective, np.append(w, b) if fit_bias else w, "gd", opts)
    if not fit_bias:  # show the fixed bias as the path's last column, as for a fitted one
        result.path = np.column_stack([result.path, np.full(len(result.path), b)])
    return result
