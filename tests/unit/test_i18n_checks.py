"""The checkers' feedback and the validation messages in Chinese (lessons.i18n).

Every path that produces a message a learner can see, in :mod:`lessons.checks` (every named mistake, verdict
and hint), :mod:`lessons._validate`, :mod:`lessons.gradcheck`, :mod:`lessons.model`, :mod:`lessons.softmax`,
:mod:`lessons.optimize` (errors, the runs' messages, the convergence warning), :mod:`lessons.data`,
:mod:`lessons.surface`, :mod:`lessons.source` and :mod:`lessons.environment` (the version report), is driven
once in Chinese: the text must hold Chinese and no English sentence. In English the same paths give no Chinese,
and a few that were rewritten for the translation give exactly the text they gave before.
"""

from __future__ import annotations

import functools
import inspect
import re
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import sympy as sp
from test_checks import (
    GARBAGE,
    NAMED_MISTAKES,
    grad_three_mistakes,
    grad_unknown,
    loop_gradient,
    loop_loss,
    loop_softmax_gradient,
    stub_raise,
    stub_returns_dots,
)
from test_i18n import english_sentence
from test_optimize_fit import NoisyQuadratic  # Newton can make no progress on it beyond 1e-7

from lessons import _validate, data, environment, gradcheck, i18n, model, optimize, softmax, source, surface
from lessons.checks import check_expression, check_gradient, check_loss, check_softmax_gradient, check_value
from lessons.checks.formatting import _arr
from lessons.checks.result import _never_raises
from lessons.exceptions import ConvergenceWarning
from lessons.symbolic import sigmoid

HAN = re.compile(r"[\u4e00-\u9fff]")


def _raised(fn: Callable, *args, **kwargs) -> str:
    """The message of the ValueError, TypeError or AttributeError that ``fn(*args, **kwargs)`` raises."""
    with pytest.raises((ValueError, TypeError, AttributeError)) as info:
        fn(*args, **kwargs)
    return str(info.value)


def _returning(value):
    def fn(X, y, w, b, lam=0.0):
        return value

    return fn


def _bad_exception(X, y, w, b, lam=0.0):
    raise ValueError("x")  # an exception whose own text is no sentence: only the checker's words are judged


def _no_lam(X, y, w, b):
    return 0.0


# ---------------------------------------------------------------- the paths: id -> the text the learner sees

CASES: dict[str, Callable[[], str]] = {}

# every named mistake of the three function checkers
for _checker, _fn, _ in NAMED_MISTAKES:
    CASES[f"{_checker.__name__}-{_fn.__name__}"] = lambda c=_checker, f=_fn: c(f).message

# garbage returned, and what is not a function
for _i, _value in enumerate(GARBAGE):
    for _checker in (check_gradient, check_loss, check_softmax_gradient):
        CASES[f"{_checker.__name__}-garbage{_i}"] = lambda c=_checker, v=_value: c(_returning(v)).message
for _i, _value in enumerate([None, 42, "gradient", (np.zeros(2), 0.0), ...]):
    for _checker in (check_gradient, check_loss, check_softmax_gradient):
        CASES[f"{_checker.__name__}-not-a-function{_i}"] = lambda c=_checker, v=_value: c(v).message


def _dw(shape_of, db=0.5):
    """A gradient function returning a dw of ``shape_of(n, d)`` zeros and ``db``."""

    def fn(X, y, w, b, lam=0.0):
        n, d = X.shape
        return np.zeros(shape_of(n, d)), db

    return fn


def _db(shape_of):
    """A gradient function with the right dw and a db of ``shape_of(n, d)`` zeros."""

    def fn(X, y, w, b, lam=0.0):
        return loop_gradient(X, y, w, b, lam)[0], np.zeros(shape_of(*X.shape))

    return fn


def _soft(dW_shape=None, db_shape=None):
    """A softmax gradient with the right values, or zeros of the given shapes (of n, d, K)."""

    def fn(X, y, W, b, lam=0.0):
        dW, db = loop_softmax_gradient(X, y, W, b, lam)
        n, d, K = X.shape[0], X.shape[1], W.shape[1]
        if dW_shape:
            dW = np.zeros(dW_shape(n, d, K))
        if db_shape:
            db = np.zeros(db_shape(n, d, K))
        return dW, db

    return fn


CASES.update(
    {
        # binary gradient: verdicts, several mistakes, an unknown one, stubs, exceptions, signatures, shapes
        "gradient-passed": lambda: check_gradient(loop_gradient).message,
        "gradient-three-mistakes": lambda: check_gradient(grad_three_mistakes).message,
        "gradient-unknown": lambda: check_gradient(grad_unknown).message,
        "gradient-both-unknown": lambda: (
            check_gradient(lambda X, y, w, b, lam=0.0: tuple(1.1 * v for v in loop_gradient(X, y, w, b, lam))).message
        ),
        "gradient-unknown-db-missing": lambda: (
            check_gradient(lambda X, y, w, b, lam=0.0: 1.1 * loop_gradient(X, y, w, b, lam)[0]).message
        ),
        "gradient-stub-raise": lambda: check_gradient(stub_raise).message,
        "gradient-stub-dots": lambda: check_gradient(stub_returns_dots).message,
        "gradient-stub-notimplemented": lambda: check_gradient(_returning(NotImplemented)).message,
        "gradient-ellipsis": lambda: check_gradient(...).message,
        "gradient-exception": lambda: check_gradient(_bad_exception).message,
        "gradient-signature": lambda: check_gradient(_no_lam).message,
        "gradient-d-plus-1": lambda: check_gradient(_dw(lambda n, d: d + 1, db=None)).message,
        "gradient-dw-column": lambda: check_gradient(_dw(lambda n, d: (d, 1))).message,
        "gradient-dw-row": lambda: check_gradient(_dw(lambda n, d: (1, d))).message,
        "gradient-dw-per-sample": lambda: check_gradient(_dw(lambda n, d: (n,))).message,
        "gradient-dw-n-by-d": lambda: check_gradient(_dw(lambda n, d: (n, d))).message,
        "gradient-dw-scalar": lambda: check_gradient(_dw(lambda n, d: ())).message,
        "gradient-dw-other": lambda: check_gradient(_dw(lambda n, d: (7, 7, 7))).message,
        "gradient-db-per-sample": lambda: check_gradient(_db(lambda n, d: (n,))).message,
        "gradient-db-matrix": lambda: check_gradient(_db(lambda n, d: (2, 2))).message,
        "gradient-db-inf": lambda: check_gradient(_returning((np.zeros(2), np.inf))).message,
        # the loss
        "loss-passed": lambda: check_loss(loop_loss).message,
        "loss-two-mistakes": lambda: (
            check_loss(lambda X, y, w, b, lam=0.0: 2 * X.shape[0] * loop_loss(X, y, w, b, 0.0)).message
        ),
        "loss-unknown": lambda: check_loss(lambda X, y, w, b, lam=0.0: 1.3 * loop_loss(X, y, w, b, lam)).message,
        "loss-pair": lambda: check_loss(lambda X, y, w, b, lam=0.0: (loop_loss(X, y, w, b, lam), 0.0)).message,
        "loss-list": lambda: check_loss(_returning([1.0, 2.0, 3.0])).message,
        "loss-bool": lambda: check_loss(_returning(True)).message,
        "loss-matrix": lambda: check_loss(_returning(np.zeros((2, 2)))).message,
        "loss-stub": lambda: check_loss(stub_raise).message,
        "loss-exception": lambda: check_loss(_bad_exception).message,
        "loss-signature": lambda: check_loss(_no_lam).message,
        # the softmax gradient
        "softmax-passed": lambda: check_softmax_gradient(loop_softmax_gradient).message,
        "softmax-unknown": lambda: (
            check_softmax_gradient(
                lambda X, y, W, b, lam=0.0: (loop_softmax_gradient(X, y, W, b, lam)[0], b * 0 + 0.01)
            ).message
        ),
        "softmax-dW-per-sample": lambda: check_softmax_gradient(_soft(dW_shape=lambda n, d, K: (n, K))).message,
        "softmax-dW-other": lambda: check_softmax_gradient(_soft(dW_shape=lambda n, d, K: (5, 5, 5))).message,
        "softmax-db-per-sample": lambda: check_softmax_gradient(_soft(db_shape=lambda n, d, K: (n, K))).message,
        "softmax-db-keepdims": lambda: check_softmax_gradient(_soft(db_shape=lambda n, d, K: (1, K))).message,
        "softmax-db-other": lambda: check_softmax_gradient(_soft(db_shape=lambda n, d, K: (K + 1,))).message,
        "softmax-stub": lambda: check_softmax_gradient(stub_raise).message,
        "softmax-signature": lambda: check_softmax_gradient(_no_lam).message,
        # the last resort, and the formatting of a long array
        "checker-could-not-evaluate": lambda: _never_raises(lambda: {}["k"])().message,
        "long-array": lambda: "数组：" + _arr(np.arange(30.0)),
    }
)

_RIGHT = 0.6931471805599453
_MISTAKES = {"漏了 1/n": 4 * _RIGHT, "用了 log₂": _RIGHT / np.log(2)}
CASES.update(
    {
        # check_value: every verdict
        "value-not-attempted": lambda: check_value(..., 0.62, "p").message,
        "value-not-attempted-default-name": lambda: check_value(..., 0.62).message,
        "value-right-scalar": lambda: check_value(_RIGHT, _RIGHT, "J").message,
        "value-right-array": lambda: check_value([1.0, 2.0], [1.0, 2.0], "z").message,
        "value-right-default-name": lambda: check_value(_RIGHT, _RIGHT).message,
        "value-off-scalar": lambda: check_value(0.5, _RIGHT, "J").message,
        "value-off-zero": lambda: check_value(0.5, 0.0, "J").message,
        "value-wrong-sign-scalar": lambda: check_value(-_RIGHT, _RIGHT, "J").message,
        "value-off-array": lambda: check_value([1.0, 2.1, 3.0], [1.0, 2.0, 3.0], "z").message,
        "value-wrong-sign-array": lambda: check_value([-1.0, -2.0], [1.0, 2.0], "z").message,
        "value-shape": lambda: check_value(np.ones((1, 3)), np.ones(3), "z").message,
        "value-transposed": lambda: check_value(np.ones((3, 2)), np.ones((2, 3)), "M").message,
        "value-nan": lambda: check_value([1.0, np.nan], [1.0, 2.0], "z").message,
        "value-inf-scalar": lambda: check_value(np.inf, 1.0, "z").message,
        "value-none": lambda: check_value(None, 0.62, "p").message,
        "value-str": lambda: check_value("0.62", 0.62, "p").message,
        "value-function": lambda: check_value(print, 0.62, "p").message,
        "value-complex": lambda: check_value(1j, 0.62, "p").message,
        "value-ragged": lambda: check_value([[1.0], [1.0, 2.0]], 0.62, "p").message,
        "value-object": lambda: check_value(object(), 0.62, "p").message,
        "value-not-numeric": lambda: check_value(np.array([np.datetime64("2024-01-01")]), [1.0], "p").message,
        "value-mistake-scalar": lambda: check_value(4 * _RIGHT, _RIGHT, "J", mistakes=_MISTAKES).message,
        "value-mistake-array": lambda: (
            check_value([0.9, 0.8], [0.7, 0.6], "scores", mistakes={"用了训练集": [0.9, 0.8]}).message
        ),
        "value-bad-mistake-table": lambda: check_value(1.0, 2.0, "x", mistakes={"坏的": "不是数"}).message,
        "value-bad-expected": lambda: check_value(1.0, "2.0", "x").message,
    }
)

x1, x2, z = sp.symbols("x1 x2 z", real=True)
y_hat = sp.Symbol("y_hat", real=True)
EXPECTED = x1**2 + 3 * x2
CASES.update(
    {
        # check_expression: every way two expressions can differ, and every refusal
        "expr-sign": lambda: check_expression(-EXPECTED, EXPECTED).message,
        "expr-factor": lambda: check_expression(2 * EXPECTED, EXPECTED).message,
        "expr-constant-term": lambda: check_expression(EXPECTED + 5, EXPECTED).message,
        "expr-missing-term": lambda: check_expression(x1**2, EXPECTED).message,
        "expr-extra-term": lambda: check_expression(EXPECTED + x1, EXPECTED).message,
        "expr-missing-or-extra": lambda: check_expression(x1**2 + 2 * x2, EXPECTED).message,
        "expr-two-symbols-differ": lambda: check_expression(EXPECTED + x1 + x2, EXPECTED + z * 0 + 0).message,
        "expr-zero": lambda: check_expression(sp.Integer(0), EXPECTED).message,
        "expr-number": lambda: check_expression(sp.Integer(3), sp.Integer(2)).message,
        "expr-point": lambda: check_expression(x1 * EXPECTED, EXPECTED).message,
        "expr-cannot-evaluate": lambda: check_expression(sp.Function("f")(x1) + 3 * x2, EXPECTED).message,
        "expr-passed": lambda: check_expression(sp.expand((x1 + x2) ** 2), (x1 + x2) ** 2).message,
        "expr-passed-numeric": lambda: (
            check_expression(sp.exp(-z) / (1 + sp.exp(-z)) ** 2, sigmoid(z) * (1 - sigmoid(z))).message
        ),
        "expr-not-attempted": lambda: check_expression(..., EXPECTED).message,
        "expr-string": lambda: check_expression("x1**2 + 3*x2", EXPECTED).message,
        "expr-none": lambda: check_expression(None, EXPECTED).message,
        "expr-equation": lambda: check_expression(sp.Eq(z, EXPECTED), EXPECTED).message,
        "expr-list": lambda: check_expression([x1, x2], EXPECTED).message,
        "expr-not-an-expression": lambda: check_expression(sp.true, EXPECTED).message,
        "expr-object": lambda: check_expression(object(), EXPECTED).message,
        "expr-bad-expected": lambda: check_expression(EXPECTED, "x1**2 + 3*x2").message,
        "expr-symbols-text": lambda: check_expression(EXPECTED, EXPECTED, symbols="x1").message,
        "expr-symbols-not-symbols": lambda: check_expression(EXPECTED, EXPECTED, symbols=42).message,
        "expr-symbols-bad-range": lambda: check_expression(EXPECTED, EXPECTED, symbols={x1: "ab"}).message,
        "expr-matrix-passed": lambda: (
            check_expression(sp.Matrix([x2 * x1, x2 + x1]), sp.Matrix([x1 * x2, x1 + x2])).message
        ),
        "expr-matrix-entries": lambda: check_expression(sp.ones(3, 3), 2 * sp.ones(3, 3)).message,
        "expr-matrix-transposed": lambda: check_expression(sp.Matrix([[x1, x2]]), sp.Matrix([x1, x2])).message,
        "expr-matrix-shape": lambda: check_expression(sp.Matrix([[x1, x2, x1]]), sp.Matrix([x1, x2])).message,
        "expr-matrix-expected": lambda: check_expression(x1, sp.Matrix([x1, x2])).message,
        "expr-single-expected": lambda: check_expression(sp.Matrix([x1, x2]), x1).message,
    }
)


@functools.cache
def _reqs() -> str:
    """A requirements file pinning numpy to a version that is not installed, and nothing else (one per run)."""
    path = Path(tempfile.mkdtemp()) / "requirements.txt"
    path.write_text("numpy==0.0.1\n")
    return str(path)


def _fake_scipy(status: int):
    """A stand-in for scipy's minimize that stops at once with ``status``: 0 no progress, 1 step limit, 2 line
    search failed."""

    def fake(fun, x0, jac, method, callback, options):
        return SimpleNamespace(status=status, message="ABNORMAL")

    return fake


def _fit_message(method: str, **options) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        X, y = data.overlapping_2d()
        return optimize.fit(X, y, 0.1, method, **options).message


def _warning(method: str, **options) -> str:
    X, y = data.overlapping_2d()
    with pytest.warns(ConvergenceWarning) as record:
        optimize.fit(X, y, 0.1, method, **options)
    return str(record[0].message)


def _lbfgs_message(status: int) -> str:
    original = optimize._scipy_minimize
    optimize._scipy_minimize = _fake_scipy(status)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            X, y = data.overlapping_2d()
            return optimize.fit(X, y, 0.1, "lbfgs").message
    finally:
        optimize._scipy_minimize = original


X2 = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
Y2 = np.array([0.0, 1.0, 1.0])
CASES.update(
    {
        # _validate, through the public functions
        "validate-string": lambda: _raised(model.loss, "X", Y2, [0.0, 0.0], 0.0),
        "validate-ragged": lambda: _raised(_validate.as_float_array, [[1.0], [1.0, 2.0]], "X"),
        "validate-object": lambda: _raised(_validate.as_float_array, np.array([object()]), "X"),
        "validate-complex": lambda: _raised(model.loss, X2 + 0j, Y2, [0.0, 0.0], 0.0),
        "validate-dtype": lambda: _raised(_validate.as_float_array, np.array(["a"]), "X"),
        "validate-nan-at": lambda: _raised(model.gradient, X2, Y2, [np.nan, 0.0], 0.0),
        "validate-nan-X": lambda: _raised(model.loss, np.where(X2 > 5, np.nan, X2), Y2, [0.0, 0.0], 0.0),
        "validate-2d": lambda: _raised(model.loss, [1.0, 2.0], Y2, [0.0, 0.0], 0.0),
        "validate-no-sample": lambda: _raised(model.loss, np.zeros((0, 2)), [], [0.0, 0.0], 0.0),
        "validate-no-feature": lambda: _raised(model.loss, np.zeros((3, 0)), Y2, [], 0.0),
        "validate-1d": lambda: _raised(model.loss, X2, Y2, [[0.0, 0.0]], 0.0),
        "validate-length": lambda: _raised(model.loss, X2, Y2, [0.0, 0.0, 0.0], 0.0),
        "validate-labels-binary": lambda: _raised(model.loss, X2, [0.0, 2.0, 1.0], [0.0, 0.0], 0.0),
        "validate-labels-classes": lambda: _raised(softmax.loss, X2, [0, 3, 1], np.zeros((2, 3)), np.zeros(3)),
        "validate-real-number": lambda: _raised(model.loss, X2, Y2, [0.0, 0.0], "0"),
        "validate-finite": lambda: _raised(model.loss, X2, Y2, [0.0, 0.0], np.inf),
        "validate-nonnegative": lambda: _raised(model.loss, X2, Y2, [0.0, 0.0], 0.0, -1.0),
        "validate-positive": lambda: _raised(gradcheck.numerical_gradient, np.sum, [1.0], h=0.0),
        "validate-integer": lambda: _raised(optimize.fit, X2, Y2, steps=1.5),
        "validate-at-least-1": lambda: _raised(optimize.fit, X2, Y2, steps=0),
        # gradcheck
        "gradcheck-callable": lambda: _raised(gradcheck.numerical_gradient, 42, [1.0]),
        "gradcheck-theta": lambda: _raised(gradcheck.numerical_gradient, np.sum, [[1.0]]),
        "gradcheck-real": lambda: _raised(gradcheck.numerical_gradient, lambda t: "x", [1.0]),
        "gradcheck-finite": lambda: _raised(gradcheck.numerical_gradient, lambda t: np.inf, [1.0]),
        "gradcheck-shapes": lambda: _raised(gradcheck.relative_error, [1.0], [1.0, 2.0]),
        # model
        "model-sigmoid-text": lambda: _raised(model.sigmoid, "z"),
        "model-sigmoid-complex": lambda: _raised(model.sigmoid, 1j),
        "model-sigmoid-nan": lambda: _raised(model.sigmoid, np.nan),
        "model-logit-overflow": lambda: _raised(model.loss, X2 * 1e300, Y2, [1e10, 1e10], 0.0),
        "model-penalty-overflow": lambda: _raised(model.loss, X2, Y2, [0.0, 1e200], 0.0, 1.0),
        # softmax
        "softmax-scores-class": lambda: _raised(softmax.softmax, np.zeros((2, 0))),
        "softmax-log-range": lambda: _raised(softmax.log_softmax, np.array([1e308, -1e308])),
        "softmax-W-2d": lambda: _raised(softmax.loss, X2, [0, 1, 2], np.zeros(2), np.zeros(3)),
        "softmax-W-rows": lambda: _raised(softmax.loss, X2, [0, 1, 2], np.zeros((3, 3)), np.zeros(3)),
        "softmax-W-columns": lambda: _raised(softmax.fit, X2, [0, 1, 2], W0=np.zeros((2, 4))),
        "softmax-W-K": lambda: _raised(softmax.loss, X2, [0, 0, 0], np.zeros((2, 1)), np.zeros(1)),
        "softmax-scores-overflow": lambda: _raised(softmax.scores, X2 * 1e300, np.full((2, 3), 1e10), np.zeros(3)),
        "softmax-scores-by-class-overflow": lambda: _raised(
            softmax.loss, X2 * 1e300, [0, 1, 2], np.full((2, 3), 1e10), np.zeros(3)
        ),
        "softmax-penalty-overflow": lambda: _raised(
            softmax.loss, X2, [0, 1, 2], np.full((2, 3), 1e200), np.zeros(3), 1.0
        ),
        "softmax-loss-overflow": lambda: _raised(
            softmax.loss, np.array([[1.0], [-1.0]]), [1, 0], np.array([[1e308, -1e308]]), np.zeros(2)
        ),
        "softmax-pack": lambda: _raised(softmax.pack, np.zeros((2, 3)), np.zeros(2)),
        "softmax-unpack": lambda: _raised(softmax.unpack, np.zeros(5), 3),
        "softmax-fit-w": lambda: _raised(lambda: softmax.fit(X2, [0, 1, 2], steps=2, tol=None).w),
        "softmax-labels-negative": lambda: _raised(softmax.fit, X2, [0, -1, 1]),
        "softmax-labels-one-class": lambda: _raised(softmax.fit, X2, [0, 0, 0]),
        "softmax-n-classes-type": lambda: _raised(softmax.fit, X2, [0, 1, 1], n_classes=2.0),
        "softmax-n-classes-value": lambda: _raised(softmax.fit, X2, [0, 0, 0], n_classes=1),
        # optimize: the options
        "optimize-method-type": lambda: _raised(optimize.fit, X2, Y2, method=1),
        "optimize-method-value": lambda: _raised(optimize.fit, X2, Y2, method="bfgs"),
        "optimize-auto-n-params": lambda: _raised(optimize.check_options, "auto", {}, 3),
        "optimize-option": lambda: _raised(optimize.fit, X2, Y2, method="gd", memory=3),
        "optimize-option-auto": lambda: _raised(optimize.fit, X2, Y2, momentum=0.5),
        "optimize-batch-size": lambda: _raised(optimize.fit, X2, Y2, method="sgd", batch_size=4),
        "optimize-seed": lambda: _raised(optimize.fit, X2, Y2, method="sgd", seed=-1),
        "optimize-unit-interval": lambda: _raised(optimize.fit, X2, Y2, method="momentum", momentum=1.0),
        # optimize: why a run stopped, and the warning
        "run-converged": lambda: _fit_message("newton"),
        "run-converged-lbfgs": lambda: _fit_message("lbfgs"),
        "run-converged-at-start": lambda: _converged_at_start(),
        "run-ran-all": lambda: _fit_message("gd", steps=3, tol=None),
        "run-ran-all-lbfgs": lambda: _fit_message("lbfgs", steps=2, tol=None),
        "run-step-limit": lambda: _fit_message("gd", steps=3),
        "run-step-limit-lbfgs": lambda: _lbfgs_message(1),
        "run-line-search": lambda: _lbfgs_message(2),
        "run-no-progress-lbfgs": lambda: _lbfgs_message(0),
        "run-overflow": lambda: (
            optimize.gradient_descent(X2 * 1e150, Y2, [0.0, 0.0], 0.0, learning_rate=1e200, steps=5).message
        ),
        "run-start-overflow": lambda: _fit_message("lbfgs", w0=[1e308, 1e308]),
        "run-no-progress-newton": lambda: (
            optimize.minimize(NoisyQuadratic(), np.full(3, 5.0), *optimize.check_options("newton", {}, 1)).message
        ),
        "warning-step-limit": lambda: _warning("gd", steps=3),
        "warning-other": lambda: _warning_line_search(),
        # data, surface, source
        "data-constant": lambda: _raised(data.standardise, np.ones((3, 2))),
        "data-test-size": lambda: _raised(data.breast_cancer, test_size=2),
        "surface-thetas": lambda: _raised(surface.loss_at, X2, Y2, np.zeros((4, 2))),
        "surface-overflow": lambda: _raised(surface.loss_at, X2 * 1e300, Y2, np.full((2, 3), 1e10)),
        "surface-fixed": lambda: _raised(surface.loss_grid, X2, Y2, [0.0], [0.0], fixed=[0.0]),
        "source-fix": lambda: _raised(source.run, source.PART2_CODE, ("不存在的一行", "")),
        # the version report of notebook 00
        "environment-report": lambda: str(environment.check_versions(_reqs())),
    }
)


def _converged_at_start() -> str:
    """L-BFGS started at the optimum: converged after 0 steps."""
    best = optimize.fit(*data.overlapping_2d(), 0.1)
    return _fit_message("lbfgs", w0=best.w, b0=best.b)


def _warning_line_search() -> str:
    """The warning of a run that stopped for another reason than its step limit (L-BFGS's line search)."""
    original = optimize._scipy_minimize
    optimize._scipy_minimize = _fake_scipy(2)
    try:
        return _warning("lbfgs")
    finally:
        optimize._scipy_minimize = original


def _says(fn: Callable) -> str:
    """What an exception raised by ``fn()`` says (NumPy's or Python's own words)."""
    try:
        fn()
    except Exception as exc:
        return str(exc)
    raise AssertionError("no exception")


#: Text a message quotes from elsewhere, not the package's: NumPy's and Python's own exception texts.
FOREIGN = (
    _says(lambda: np.asarray([[1.0], [1.0, 2.0]])),
    " ".join(_says(lambda: np.zeros((4, 3)) - np.zeros(4)).split()),
    _says(lambda: inspect.signature(_no_lam).bind(1, 2, 3, 4, 5)),
)


def _judged(text: str) -> str:
    """``text`` without what the package quotes from elsewhere."""
    for foreign in FOREIGN:
        text = text.replace(foreign, " ")
    return text


@pytest.mark.parametrize("case", list(CASES))
def test_every_message_is_chinese(case):
    with i18n.language("zh"):
        text = CASES[case]()
    assert i18n.get_language() == "en"
    assert HAN.search(text), f"{case}: no Chinese in {text!r}"
    assert english_sentence(_judged(text)) is None, f"{case}: English left in {text!r}"


#: The paths whose input holds Chinese (a mistake's name, a label), which an English message quotes.
CHINESE_INPUT = {"value-mistake-scalar", "value-mistake-array", "value-bad-mistake-table", "long-array", "source-fix"}


@pytest.mark.parametrize("case", list(CASES))
def test_in_english_no_message_is_chinese(case):
    text = CASES[case]()
    assert HAN.search(text) is None or case in CHINESE_INPUT, text


def test_the_language_can_change_after_import():
    with i18n.language("zh"):
        first = check_gradient(grad_three_mistakes).message
    english = check_gradient(grad_three_mistakes).message
    with i18n.language("zh"):
        again = check_gradient(grad_three_mistakes).message
    assert first == again != english and english.startswith("✗ 3 mistakes in your gradient:")


# ---------------------------------------------------------------- English: the rewritten paths, exactly


def test_english_messages_of_the_rewritten_paths():
    assert _arr(np.arange(30.0)).endswith(", 23, ...] (shape (30,))")
    assert check_value(..., 0.62).message == "○ not attempted yet: replace the `...` with your value of your value"
    assert check_value(0.5, 0.0, "J").message == "✗ J = 0.5 is off by 0.5."
    assert check_value(-_RIGHT, _RIGHT, "J").message == (
        "✗ J = -0.693147 is off by -1.38629 (relative error 2.0e+00). It has the wrong sign."
    )
    assert check_value(4 * _RIGHT, _RIGHT, "J", mistakes={"a forgotten 1/n": 4 * _RIGHT}).message == (
        "✗ J = 2.77259 is what a forgotten 1/n gives: look for that in your code."
    )
    assert check_value(1.0, 2.0, "x", mistakes={"broken": "no"}).message.startswith(
        "✗ cannot check x: the value of the mistake 'broken': it is a str ('no'), not a number"
    )
    assert check_gradient(_dw(lambda n, d: (n,))).message.startswith(
        "✗ wrong shape: dw has shape (4,), but it must have shape (d,) = (2,), like w. Yours has one value per "
        "sample (n = 4): multiply by the features, X.T @ (ŷ − y), which sums over the samples\nOn a problem with "
        "n=4, d=2, reproduce it with:\n    X = np.array("
    )
    assert check_gradient(_returning({"dw": 1.0})).message.startswith(
        "✗ your function returned a dict; it must return the pair `dw, db`\nOn a problem"
    )
    assert check_gradient(42).message == (
        "✗ expected a function, got an int: pass the function itself, e.g. `check_gradient(gradient)`, not the "
        "result of calling it"
    )
    assert check_expression(sp.ones(3, 3), 2 * sp.ones(3, 3)).message.endswith("• ... and 5 more")


def test_english_run_messages_and_warnings():
    assert _fit_message("gd", steps=3, tol=None) == "ran all 3 steps"
    assert _fit_message("gd", steps=3) == "step limit: 3 steps"
    assert _lbfgs_message(2) == "the line search failed after 0 steps (ABNORMAL)"
    assert _lbfgs_message(0) == "no further progress after 0 steps (ABNORMAL)"
    assert re.fullmatch(r"\|\|grad J\|\| = \S+ <= tol = \S+ after \d+ steps", _fit_message("newton"))
    assert _fit_message("lbfgs", w0=[1e308, 1e308]) == "the start overflowed"
    assert re.fullmatch(
        r"gd did not converge: 3 steps taken, \|\|grad J\|\| = \S+ > tol = 1\.000e-06 \(step limit: 3 steps\)\. "
        r"Increase steps, or pass tol=None to run exactly `steps` steps without a convergence test\.",
        _warning("gd", steps=3),
    )
    assert _warning_line_search().endswith(
        "(the line search failed after 0 steps (ABNORMAL)). Rescale X, or try another method."
    )


def test_english_version_report_is_unchanged():
    report = str(environment.check_versions(_reqs()))
    lines = report.splitlines()
    assert lines[0] == "package           pinned installed"
    assert lines[1] == "-" * len(lines[0])
    assert re.fullmatch(
        r"numpy\s+0\.0\.1\s+\S+  MISMATCH: run `make lab` \(or pip install -r requirements\.txt\)", lines[3]
    )
    assert re.fullmatch(r"sympy\s+unpinned\s+\S+  MISMATCH: .*", lines[4])


def test_chinese_version_report_keeps_its_columns():
    with i18n.language("zh"):
        lines = str(environment.check_versions(_reqs())).splitlines()
    assert lines[0].startswith("软件包") and environment._width(lines[0]) == 34 == len(lines[1])
    assert all(environment._width(line.rsplit("  ", 1)[0]) == 34 for line in lines[2:])  # the versions end aligned
    assert "未固定" in lines[4] and "不一致" in lines[3]
