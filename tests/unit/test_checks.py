"""Tests of lessons.checks: every named mistake is recognised and named, right
answers pass, stubs are "not attempted", and no input makes a checker raise.

The right answers here are written independently of lessons.model and
lessons.softmax (loops over samples with math.exp), and each buggy function
makes one classic mistake.
"""

from __future__ import annotations

import builtins
import html
import itertools
import math
import re
import textwrap

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons.checks import Result, check_expression, check_gradient, check_loss, check_softmax_gradient, check_value
from lessons.checks.mistakes import (
    _ALIASES,
    _binary_gradient_candidates,
    _loss_candidates,
    _softmax_gradient_candidates,
)
from lessons.checks.problems import _binary_problems, _softmax_problems
from lessons.symbolic import sigmoid

# ---------------------------------------------------------------- right answers, by loops


def _sigma(t: float) -> float:
    return 1.0 / (1.0 + math.exp(-t))


def loop_gradient(X, y, w, b, lam=0.0):
    """Binary gradient, one sample at a time."""
    n, d = len(X), len(w)
    dw, db = [0.0] * d, 0.0
    for i in range(n):
        r = _sigma(sum(X[i][j] * w[j] for j in range(d)) + b) - y[i]
        for j in range(d):
            dw[j] += r * X[i][j] / n
        db += r / n
    return np.array([dw[j] + lam * w[j] for j in range(d)]), db


def loop_loss(X, y, w, b, lam=0.0):
    n, d = len(X), len(w)
    total = 0.0
    for i in range(n):
        p = _sigma(sum(X[i][j] * w[j] for j in range(d)) + b)
        total -= y[i] * math.log(p) + (1 - y[i]) * math.log(1 - p)
    return total / n + lam / 2 * sum(v * v for v in w)


def loop_softmax_gradient(X, y, W, b, lam=0.0):
    n, d = len(X), len(W)
    K = len(b)
    dW = [[lam * W[j][k] for k in range(K)] for j in range(d)]
    db = [0.0] * K
    for i in range(n):
        z = [sum(X[i][j] * W[j][k] for j in range(d)) + b[k] for k in range(K)]
        e = [math.exp(v - max(z)) for v in z]
        for k in range(K):
            r = e[k] / sum(e) - (1.0 if k == y[i] else 0.0)
            db[k] += r / n
            for j in range(d):
                dW[j][k] += X[i][j] * r / n
    return np.array(dW), np.array(db)


# ---------------------------------------------------------------- buggy binary gradients


def _p(X, w, b):
    return 1.0 / (1.0 + np.exp(-(X @ w + b)))


def grad_sign(X, y, w, b, lam=0.0):
    r = y - _p(X, w, b)
    return X.T @ r / len(y) + lam * w, r.mean()


def grad_sign_whole(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return -dw, -db


def grad_sum(X, y, w, b, lam=0.0):
    r = _p(X, w, b) - y
    return X.T @ r + lam * w, r.sum()


def grad_bias_penalised(X, y, w, b, lam=0.0):
    r = _p(X, w, b) - y
    return X.T @ r / len(y) + lam * w, r.mean() + lam * b


def grad_no_lambda(X, y, w, b, lam=0.0):
    r = _p(X, w, b) - y
    return X.T @ r / len(y), r.mean()


def grad_double_lambda(X, y, w, b, lam=0.0):
    r = _p(X, w, b) - y
    return X.T @ r / len(y) + 2 * lam * w, r.mean()


def grad_sigma_prime(X, y, w, b, lam=0.0):
    p = _p(X, w, b)
    r = (p - y) * p * (1 - p)
    return X.T @ r / len(y) + lam * w, r.mean()


def grad_squared_error(X, y, w, b, lam=0.0):
    p = _p(X, w, b)
    r = 2 * (p - y) * p * (1 - p)
    return X.T @ r / len(y) + lam * w, r.mean()


def grad_only_dw(X, y, w, b, lam=0.0):
    return loop_gradient(X, y, w, b, lam)[0]


def grad_db_zero(X, y, w, b, lam=0.0):
    return loop_gradient(X, y, w, b, lam)[0], 0.0


def grad_db_none(X, y, w, b, lam=0.0):
    return loop_gradient(X, y, w, b, lam)[0], None


def grad_column(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return dw[:, None], db


def grad_row(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return dw[None, :], db


def grad_db_array(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return dw, np.array([db])


def grad_swapped(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return db, dw


def grad_three_mistakes(X, y, w, b, lam=0.0):
    r = y - _p(X, w, b)
    return X.T @ r, r.sum()


def grad_unknown(X, y, w, b, lam=0.0):
    dw, db = loop_gradient(X, y, w, b, lam)
    return 1.1 * dw, db


def test_right_gradients_pass():
    for fn in (loop_gradient, lambda X, y, w, b, lam=0.0: tuple(loop_gradient(X, y, w, b, lam=lam))):
        result = check_gradient(fn)
        assert result.passed is True and result.status == "passed" and bool(result)
        assert result.message == (
            "✓ your gradient matches lessons.model.gradient on 4 problems (including λ > 0 and b ≠ 0)"
        )


def test_a_list_for_dw_and_integer_db_are_accepted():
    def as_lists(X, y, w, b, lam=0.0):
        dw, db = loop_gradient(X, y, w, b, lam)
        return [dw.tolist(), db]

    assert check_gradient(as_lists).passed


def test_several_mistakes_are_all_named():
    message = check_gradient(grad_three_mistakes).message
    assert message.startswith("✗ 3 mistakes in your gradient:")
    for keyword in ("sign flipped (in dw and db)", "1/n", "λ term forgotten"):
        assert keyword in message


def test_mistakes_in_one_component_say_where():
    def sum_in_dw_only(X, y, w, b, lam=0.0):
        r = _p(X, w, b) - y
        return X.T @ r + lam * w, r.mean()

    assert "sum instead of mean (in dw):" in check_gradient(sum_in_dw_only).message


def test_an_unknown_mistake_shows_a_small_input_that_reproduces_it():
    message = check_gradient(grad_unknown).message
    assert message.startswith("✗ db is right, but dw differs from the reference by up to ")
    head, listing = message.split("Reproduce it with this input (n=4, d=2):\n")
    code, rest = listing.split("\n  expected: ")
    expected, yours = rest.split("\n  yours:    ")
    assert expected.startswith("dw = [") and yours.startswith("dw = [")
    ns = {"np": np}
    exec(textwrap.dedent(code), ns)  # the listing is code that rebuilds the input exactly
    assert ns["X"].shape == (4, 2) and ns["w"].shape == (2,) and ns["lam"] > 0 and ns["b"] != 0
    dw, _ = loop_gradient(ns["X"], ns["y"], ns["w"], ns["b"], ns["lam"])
    gap = float(re.search(r"by up to ([0-9.e+-]+)", head).group(1))
    assert gap == pytest.approx(np.max(np.abs(0.1 * dw)), rel=1e-5)


# ---------------------------------------------------------------- stubs, exceptions and garbage


def stub_raise(X, y, w, b, lam=0.0):
    raise NotImplementedError


def stub_raise_text(X, y, w, b, lam=0.0):
    raise NotImplementedError("write your code here")


def stub_returns_dots(X, y, w, b, lam=0.0):
    return ...


CHECKERS = [check_gradient, check_loss, check_softmax_gradient]


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("stub", [stub_raise, stub_raise_text, stub_returns_dots, ...])
def test_stubs_are_not_attempted(checker, stub):
    result = checker(stub)
    assert result.status == "not attempted"
    assert result.passed is False and not result
    assert result.message.startswith("○ not attempted yet: replace the ")
    if stub in (stub_raise, stub_raise_text):
        assert "`raise NotImplementedError`" in result.message
    else:
        assert "`...`" in result.message


@pytest.mark.parametrize("checker", CHECKERS)
def test_an_exception_in_the_learners_function_is_reported(checker):
    def broken(X, y, w, b, lam=0.0):
        raise ValueError(f"shapes do not fit, see {object()}")

    def divides_by_zero(X, y, w, b, lam=0.0):
        return 1 / 0

    result = checker(broken)
    assert result.status == "failed"
    assert "your function raised ValueError: shapes do not fit" in result.message
    assert "on a problem with n=4, d=2" in result.message
    assert "0x…" in result.message and not re.search(r"0x[0-9a-f]", result.message)  # no memory address
    assert "Reproduce it with:\n    X = np.array(" in result.message
    assert "ZeroDivisionError: division by zero" in checker(divides_by_zero).message


def _returning(value):
    def fn(X, y, w, b, lam=0.0):
        return value

    return fn


GARBAGE = [
    None,
    "a string",
    b"bytes",
    object(),
    {"dw": 1.0},
    {1, 2},
    (1, 2, 3),
    (),
    [],
    True,
    float("nan"),
    1j,
    np.array(["a", "b"]),
    np.full(2, np.nan),
    (np.full(2, np.nan), 0.0),
    (np.zeros(2), float("inf")),
    (np.zeros(2), "x"),
    (np.zeros(2), object()),
    ("x", 0.0),
    ([1.0, [2.0, 3.0]], 0.0),
    (np.zeros(2, complex), 0.0),
    (lambda: 0, 0.0),
    np.zeros((2, 3)),
    (np.zeros((3, 2)), np.zeros(4)),
]


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("value", GARBAGE, ids=[f"garbage{i}" for i in range(len(GARBAGE))])
def test_garbage_returned_is_a_failure_not_a_crash(checker, value):
    result = checker(_returning(value))
    assert isinstance(result, Result)
    assert result.status == "failed" and result.passed is False
    assert result.message.startswith("✗ ") and len(result.message) > 20
    assert "the checker could not evaluate" not in result.message  # handled, not merely caught


def test_garbage_messages_are_specific():
    assert "returned None: did you forget `return dw, db`?" in check_gradient(_returning(None)).message
    assert "dw contains nan" in check_gradient(_returning((np.full(2, np.nan), 0.0))).message
    assert "db is inf" in check_gradient(_returning((np.zeros(2), float("inf")))).message
    assert "returned 3 values" in check_gradient(_returning((1, 2, 3))).message
    assert "db is a str" in check_gradient(_returning((np.zeros(2), "x"))).message
    assert "complex" in check_gradient(_returning((np.zeros(2, complex), 0.0))).message
    assert "did you forget to call it?" in check_gradient(_returning((lambda: 0, 0.0))).message
    assert "returned None: did you forget the `return`?" in check_loss(_returning(None)).message
    assert "your loss is nan" in check_loss(_returning(float("nan"))).message
    assert "a bool" in check_loss(_returning(True)).message


@pytest.mark.parametrize("checker", CHECKERS)
@pytest.mark.parametrize("fn", [None, 42, "gradient", (np.zeros(2), 0.0), np.zeros(3)])
def test_not_a_function_is_refused(checker, fn):
    result = checker(fn)
    assert result.status == "failed"
    assert "expected a function" in result.message


@pytest.mark.parametrize("checker", CHECKERS)
def test_a_function_without_lam_is_told_the_signature(checker):
    def no_lam(X, y, w, b):
        return 0.0

    message = checker(no_lam).message
    assert "your function cannot be called as f(X, y, " in message and "lam=0.0" in message


def test_a_function_that_changes_its_arguments_harms_nothing():
    def vandal(X, y, w, b, lam=0.0):
        out = loop_gradient(X, y, w, b, lam)
        X *= 0.0
        w += 1.0
        y[:] = 1.0
        return out

    assert check_gradient(vandal).passed
    assert check_gradient(loop_gradient).passed


@settings(max_examples=20, deadline=None)
@given(st.floats(-3.0, 3.0).filter(lambda c: abs(c - 1.0) > 1e-3))
def test_a_scaled_gradient_never_passes(c):
    def scaled(X, y, w, b, lam=0.0):
        dw, db = loop_gradient(X, y, w, b, lam)
        return c * dw, c * db

    result = check_gradient(scaled)
    assert result.status == "failed"
    if c == -1.0:
        assert "sign flipped" in result.message


junk = st.one_of(
    st.none(),
    st.text(max_size=5),
    st.floats(),
    st.booleans(),
    st.complex_numbers(),
    st.lists(st.floats(), max_size=4),
    st.lists(st.text(max_size=2), max_size=3),
)


@settings(max_examples=40, deadline=None)
@given(st.one_of(junk, st.tuples(junk, junk)))
def test_no_return_value_makes_a_checker_raise(value):
    for checker in CHECKERS:
        result = checker(_returning(value))
        assert result.status in ("passed", "failed")


# ---------------------------------------------------------------- display and determinism


def test_result_displays_as_coloured_boxes():
    passed = check_gradient(loop_gradient)
    failed = check_gradient(grad_sign)
    todo = check_gradient(stub_raise)
    for result, colour in ((passed, "#2e7d32"), (failed, "#e65100"), (todo, "#9e9e9e")):
        page = result._repr_html_()
        assert page.startswith("<div") and colour in page
        assert html.escape(result.message) in page
        assert str(result) == repr(result) == result.message
    assert "✓" in passed._repr_html_() and "not attempted yet" in todo._repr_html_()
    escaped = check_gradient(_returning(("<b>", 0.0)))._repr_html_()
    assert "&lt;b&gt;" in escaped and "<b>" not in escaped


def test_result_refuses_an_unknown_status():
    with pytest.raises(ValueError, match="status"):
        Result("maybe", "?")


@pytest.mark.parametrize("fn", [grad_unknown, grad_three_mistakes, grad_column, stub_raise, loop_gradient])
def test_messages_are_deterministic(fn):
    first, second = check_gradient(fn), check_gradient(fn)
    assert first == second and repr(first) == repr(second)
    assert "0x" not in first.message


# ---------------------------------------------------------------- the diagnosis is unambiguous


def _ambiguous(candidates: list[dict]) -> list[tuple]:
    """Pairs of differently described mistakes that agree on every problem."""

    def told(key):
        return frozenset(_ALIASES.get(c, c) for c in key)

    out = []
    for k1, k2 in itertools.combinations(candidates[0], 2):
        if told(k1) != told(k2) and all(np.allclose(c[k1], c[k2], rtol=1e-4, atol=1e-6) for c in candidates):
            out.append((k1, k2))
    return out


def test_every_combination_of_mistakes_is_distinguishable_on_the_problems():
    binary = [_binary_gradient_candidates(p) for p in _binary_problems()]
    soft = [_softmax_gradient_candidates(p) for p in _softmax_problems()]
    for component in (0, 1):
        assert _ambiguous([c[component] for c in binary]) == []
        assert _ambiguous([c[component] for c in soft]) == []
    # minus_all and minus only coincide when the penalty is missing as well; both say "minus"
    pairs = _ambiguous([_loss_candidates(p) for p in _binary_problems()])
    assert all({"minus", "minus_all"} <= set(k1) | set(k2) and "pen_missing" in k1 for k1, k2 in pairs)


def test_the_problems_make_the_mistakes_visible():
    problems = _binary_problems()
    assert any(p.lam > 0 and p.b != 0 for p in problems) and any(p.lam == 0 for p in problems)
    assert len({(p.n, p.d) for p in problems}) == len(problems)
    first = problems[0]
    assert first.n <= 4 and first.d <= 2 and first.lam > 0 and first.b != 0
    for p in problems:
        assert p.n > 1 and p.n != p.d and set(p.y) == {0.0, 1.0}
        y_hat = 1 / (1 + np.exp(-(p.X @ p.w + p.b)))
        assert np.ptp(y_hat) > 0.1
    for p in _softmax_problems():
        assert p.d != p.w.shape[1] and set(p.y) == set(range(p.w.shape[1]))


# ---------------------------------------------------------------- the loss


def _nll_terms(X, y, w, b):
    p = _p(X, w, b)
    return y * np.log(p), (1 - y) * np.log(1 - p)


def loss_log2(X, y, w, b, lam=0.0):
    p = _p(X, w, b)
    return -np.mean(y * np.log2(p) + (1 - y) * np.log2(1 - p)) + lam / 2 * w @ w


def loss_log10(X, y, w, b, lam=0.0):
    p = _p(X, w, b)
    return -np.mean(y * np.log10(p) + (1 - y) * np.log10(1 - p)) + lam / 2 * w @ w


def loss_no_minus(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return np.mean(a + c) + lam / 2 * w @ w


def loss_sum(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return -np.sum(a + c) + lam / 2 * w @ w


def loss_only_y(X, y, w, b, lam=0.0):
    a, _ = _nll_terms(X, y, w, b)
    return -np.mean(a) + lam / 2 * w @ w


def loss_only_1my(X, y, w, b, lam=0.0):
    _, c = _nll_terms(X, y, w, b)
    return -np.mean(c) + lam / 2 * w @ w


def loss_no_penalty(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return -np.mean(a + c)


def loss_penalty_with_b(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return -np.mean(a + c) + lam / 2 * (w @ w + b**2)


def loss_penalty_without_half(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return -np.mean(a + c) + lam * w @ w


def loss_per_sample(X, y, w, b, lam=0.0):
    a, c = _nll_terms(X, y, w, b)
    return -(a + c)


def test_right_loss_passes():
    result = check_loss(loop_loss)
    assert result.passed
    assert result.message == "✓ your loss matches lessons.model.loss on 4 problems (including λ > 0 and b ≠ 0)"


def test_two_loss_mistakes_and_an_unknown_one():
    def log2_and_sum(X, y, w, b, lam=0.0):
        p = _p(X, w, b)
        return -np.sum(y * np.log2(p) + (1 - y) * np.log2(1 - p)) + lam / 2 * w @ w

    message = check_loss(log2_and_sum).message
    assert message.startswith("✗ 2 mistakes in your loss:") and "log₂" in message and "1/n" in message
    unknown = check_loss(lambda X, y, w, b, lam=0.0: 1.3 * loop_loss(X, y, w, b, lam)).message
    assert "your loss differs from the reference by" in unknown and "(n=4, d=2)" in unknown
    assert "  expected: " in unknown and "  yours:    " in unknown


def test_a_loss_returning_a_pair_is_told_to_return_the_loss_only():
    message = check_loss(lambda X, y, w, b, lam=0.0: (loop_loss(X, y, w, b, lam), 0.0)).message
    assert "must return the loss only" in message


# ---------------------------------------------------------------- the softmax gradient


def _P(X, W, b):
    Z = X @ W + b
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


def _Y(y, K):
    return np.eye(K)[y]


def soft_sign(X, y, W, b, lam=0.0):
    R = _Y(y, W.shape[1]) - _P(X, W, b)
    return X.T @ R / len(y) + lam * W, R.mean(axis=0)


def soft_sum(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - _Y(y, W.shape[1])
    return X.T @ R + lam * W, R.sum(axis=0)


def soft_transposed(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - _Y(y, W.shape[1])
    return R.T @ X / len(y) + lam * W.T, R.mean(axis=0)


def soft_no_lambda(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - _Y(y, W.shape[1])
    return X.T @ R / len(y), R.mean(axis=0)


def soft_bias_penalised(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - _Y(y, W.shape[1])
    return X.T @ R / len(y) + lam * W, R.mean(axis=0) + lam * b


def soft_no_db(X, y, W, b, lam=0.0):
    return loop_softmax_gradient(X, y, W, b, lam)[0]


def soft_db_zero(X, y, W, b, lam=0.0):
    return loop_softmax_gradient(X, y, W, b, lam)[0], np.zeros(W.shape[1])


def soft_not_one_hot(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - y[:, None]
    return X.T @ R / len(y) + lam * W, R.mean(axis=0)


def soft_broadcast_error(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - y  # (n, K) - (n,): a broadcasting error
    return X.T @ R / len(y) + lam * W, R.mean(axis=0)


def soft_scalar_db(X, y, W, b, lam=0.0):
    R = _P(X, W, b) - _Y(y, W.shape[1])
    return X.T @ R / len(y) + lam * W, R.mean()


def test_right_softmax_gradient_passes():
    result = check_softmax_gradient(loop_softmax_gradient)
    assert result.passed
    assert result.message == (
        "✓ your gradient matches lessons.softmax.gradient on 3 problems (including λ > 0 and b ≠ 0)"
    )


def test_an_unknown_softmax_mistake_shows_the_input():
    def off(X, y, W, b, lam=0.0):
        dW, db = loop_softmax_gradient(X, y, W, b, lam)
        return dW, db + 0.01

    message = check_softmax_gradient(off).message
    assert message.startswith("✗ dW is right, but db differs from the reference by up to 0.01 ")
    assert "(n=4, d=2, K=3)" in message and "    W = np.array([[" in message and "    y = np.array([" in message


# ---------------------------------------------------------------- every listed mistake is named

#: (checker, an answer with one classic mistake, words its message must contain)
NAMED_MISTAKES = [
    # binary gradients
    (check_gradient, grad_sign, ["sign flipped", "ŷ − y"]),
    (check_gradient, grad_sign_whole, ["sign flipped"]),
    (check_gradient, grad_sum, ["sum instead of mean", "1/n"]),
    (check_gradient, grad_bias_penalised, ["bias penalised", "λ"]),
    (check_gradient, grad_no_lambda, ["λ term forgotten", "lam * w"]),
    (check_gradient, grad_double_lambda, ["λ term doubled"]),
    (check_gradient, grad_sigma_prime, ["σ′"]),
    (check_gradient, grad_squared_error, ["σ′", "squared error"]),
    (check_gradient, grad_only_dw, ["db missing", "returned no db"]),
    (check_gradient, grad_db_zero, ["db missing", "db is 0"]),
    (check_gradient, grad_db_none, ["db missing", "db is None"]),
    (check_gradient, grad_column, ["wrong shape", "(2, 1)", "column"]),
    (check_gradient, grad_row, ["wrong shape", "(1, 2)", "row"]),
    (check_gradient, grad_db_array, ["wrong shape", "db must be a single number"]),
    (check_gradient, grad_swapped, ["wrong order"]),
    # losses
    (check_loss, loss_log2, ["log₂", "np.log"]),
    (check_loss, loss_log10, ["log₁₀"]),
    (check_loss, loss_no_minus, ["minus sign forgotten"]),
    (check_loss, loss_sum, ["sum instead of mean", "1/n"]),
    (check_loss, loss_only_y, ["(1 − y)", "missing"]),
    (check_loss, loss_only_1my, ["y·log ŷ", "missing"]),
    (check_loss, loss_no_penalty, ["λ penalty forgotten"]),
    (check_loss, loss_penalty_with_b, ["bias penalised"]),
    (check_loss, loss_penalty_without_half, ["λ‖w‖² instead of λ/2‖w‖²"]),
    (check_loss, loss_per_sample, ["wrong shape", "np.mean"]),
    # softmax gradients
    (check_softmax_gradient, soft_sign, ["sign flipped (in dW and db)", "P − Y"]),
    (check_softmax_gradient, soft_sum, ["sum instead of mean", "1/n"]),
    (
        check_softmax_gradient,
        soft_transposed,
        ["wrong shape: dW must be (d, K) = (2, 3)", "did you compute (P − Y)ᵀX instead of Xᵀ(P − Y)?"],
    ),
    (check_softmax_gradient, soft_no_lambda, ["λ term forgotten", "lam * W"]),
    (check_softmax_gradient, soft_bias_penalised, ["bias penalised"]),
    (check_softmax_gradient, soft_no_db, ["db missing"]),
    (check_softmax_gradient, soft_db_zero, ["db missing"]),
    (check_softmax_gradient, soft_not_one_hot, ["one-hot"]),
    (check_softmax_gradient, soft_broadcast_error, ["ValueError", "one-hot"]),
    (check_softmax_gradient, soft_scalar_db, ["wrong shape", "(K,) = (3,)", "axis=0"]),
]


@pytest.mark.parametrize(
    ("checker", "fn", "keywords"), NAMED_MISTAKES, ids=[f"{c.__name__}-{f.__name__}" for c, f, _ in NAMED_MISTAKES]
)
def test_each_mistake_is_named(checker, fn, keywords):
    result = checker(fn)
    assert result.passed is False
    assert result.status == "failed"
    assert not result
    assert result.message.startswith("✗ ")
    for keyword in keywords:
        assert keyword in result.message
    assert "mistakes in" not in result.message  # one mistake, one diagnosis
    assert "differs from the reference" not in result.message


# ---------------------------------------------------------------- numeric answers


def test_check_value_scalars():
    assert check_value(0.6224593312018546, 0.6224593312018546, "p").message == "✓ p = 0.622459 is right"
    off = check_value(0.5, 0.6224593312018546, "p")
    assert not off and off.message == "✗ p = 0.5 is off by -0.122459 (relative error 2.0e-01)."
    assert "wrong sign" in check_value(-0.6224593312018546, 0.6224593312018546, "p").message
    assert check_value(np.float64(2.0), 2, "k").passed and check_value(1e-13, 0.0, "zero").passed


def test_check_value_arrays():
    assert check_value([1.0, 2.0, 3.0], np.array([1, 2, 3]), "z").message == "✓ z is right (all 3 entries)"
    message = check_value(np.array([1.0, 2.1, 3.0]), np.array([1.0, 2.0, 3.0]), "z").message
    assert message == "✗ z: 1 of 3 entries are off; the largest difference is 0.1 at index 1, where yours is 2.1."
    shape = check_value(np.ones((1, 3)), np.ones(3), "z")
    assert shape.message == "✗ wrong shape: z has shape (1, 3), expected shape (3,)"
    assert "transposed?" in check_value(np.ones((3, 2)), np.ones((2, 3)), "M").message
    assert "z contains nan (at index 2)" in check_value([1.0, 2.0, np.nan], [1.0, 2.0, 3.0], "z").message


@pytest.mark.parametrize(
    ("value", "status", "keyword"),
    [
        (..., "not attempted", "not attempted yet: replace the `...` with your value of p"),
        (None, "failed", "p is None"),
        ("0.62", "failed", "p is a str"),
        (print, "failed", "did you forget to call it?"),
        (1j, "failed", "complex"),
        ([[1.0], [1.0, 2.0]], "failed", "could not be read"),
        (object(), "failed", "p could not be read as a number or an array of numbers (got an object)"),
    ],
)
def test_check_value_odd_input(value, status, keyword):
    result = check_value(value, 0.62, "p")
    assert result.status == status and keyword in result.message


@settings(max_examples=40, deadline=None)
@given(junk, junk)
def test_check_value_never_raises(value, expected):
    assert check_value(value, expected, "v").status in ("passed", "failed")


# ---------------------------------------------------------------- SymPy answers

x1, x2, z = sp.symbols("x1 x2 z", real=True)
y_hat, y = sp.symbols("y_hat y", real=True)
EXPECTED = x1**2 + 3 * x2


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (-(x1**2) - 3 * x2, "✗ off by a factor of −1: check the sign"),
        (2 * x1**2 + 6 * x2, "✗ off by a constant factor 2: yours = 2 × the expected expression"),
        (EXPECTED / 2, "✗ off by a constant factor 1/2: yours = 1/2 × the expected expression"),
        (EXPECTED / sp.log(2), "✗ off by a constant factor 1/ln 2: yours = 1/ln 2 × the expected expression"),
        (EXPECTED + 5, "✗ off by a constant term 5: yours = the expected expression + 5"),
        (EXPECTED - sp.Rational(1, 2), "✗ off by a constant term −1/2: yours = the expected expression + −1/2"),
        (x1**2, "✗ missing a term in x2: the difference from the expected expression contains only x2"),
        (EXPECTED + x1, "✗ an extra term in x1: the difference from the expected expression contains only x1"),
        (
            x1**2 + 2 * x2,
            "✗ a term in x2 is missing or extra: the difference from the expected expression contains only x2",
        ),
        (sp.Integer(0), "✗ your expression is 0, the expected one is not"),
    ],
)
def test_check_expression_says_how_it_differs(answer, message):
    result = check_expression(answer, EXPECTED)
    assert result.status == "failed" and result.message == message


def test_check_expression_generic_difference_gives_a_point():
    message = check_expression(x1 * EXPECTED, EXPECTED).message
    assert message.startswith("✗ not equal to the expected expression: at x1 = ")
    assert ", yours is " in message and ", the expected one " in message


def test_check_expression_accepts_equivalent_forms():
    s = sigmoid(z)
    assert check_expression(sp.expand((x1 + x2) ** 2), (x1 + x2) ** 2).message == (
        "✓ correct: your expression equals the expected one"
    )
    numeric = check_expression(sp.exp(-z) / (1 + sp.exp(-z)) ** 2, s * (1 - s))
    assert numeric.passed and "checked at 8 random points" in numeric.message
    nll = -(y * sp.log(y_hat) + (1 - y) * sp.log(1 - y_hat))
    derivative = sp.diff(nll, y_hat)
    assert check_expression(sp.together(derivative), derivative, {y_hat: (0.05, 0.95)}).passed
    assert check_expression(-derivative, derivative, [y_hat, y]).message.startswith("✗ off by a factor of −1")
    assert check_expression(2, sp.Integer(2)).passed and check_expression(0.5, sp.Rational(1, 2)).passed


@settings(max_examples=15, deadline=None)
@given(st.integers(-5, 5).filter(bool), st.integers(-5, 5), st.integers(-5, 5), st.integers(1, 4))
def test_any_expanded_rewriting_passes_and_a_shift_is_a_constant_term(a, b, c, k):
    expected = a * (x1 + b) ** 2 + c * x2
    assert check_expression(sp.expand(expected), expected).passed
    assert check_expression(sp.expand(expected) + k, expected).message.startswith(f"✗ off by a constant term {k}")


def test_check_expression_refuses_text_without_evaluating_it(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("text was evaluated")

    def sympify_no_text(x, *args, **kwargs):
        if isinstance(x, (str, bytes)):
            forbidden()
        return original_sympify(x, *args, **kwargs)

    original_sympify = sp.sympify
    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr(sp, "sympify", sympify_no_text)
    monkeypatch.setattr(sp, "parse_expr", forbidden)
    for text in ("__import__('os')", "x1**2 + 3*x2"):
        result = check_expression(text, EXPECTED)
        assert result.status == "failed"
        assert "is a string; a SymPy expression is expected" in result.message
        assert "text is never evaluated" in result.message
    assert check_expression(EXPECTED, "x1**2 + 3*x2").status == "failed"
    assert check_expression(EXPECTED, EXPECTED, symbols="x1").status == "failed"


@pytest.mark.parametrize(
    ("answer", "status", "keyword"),
    [
        (..., "not attempted", "not attempted yet: replace the `...` with your SymPy expression"),
        (None, "failed", "your answer is None"),
        (sp.Eq(z, EXPECTED), "failed", "an equation"),
        ([x1, x2], "failed", "sp.Matrix"),
        (np.array([1.0]), "failed", "sp.Matrix"),
        (sp.true, "failed", "not an expression"),
        (object(), "failed", "a SymPy expression is expected"),
        (sp.Function("f")(x1) + 3 * x2, "failed", "could not be evaluated"),
    ],
)
def test_check_expression_odd_input(answer, status, keyword):
    result = check_expression(answer, EXPECTED)
    assert result.status == status and keyword in result.message


def test_check_expression_matrices():
    expected = sp.Matrix([x1 * x2, x1 + x2])
    assert check_expression(sp.Matrix([x2 * x1, x2 + x1]), expected).message == (
        "✓ correct: your Matrix equals the expected one (all 2 entries)"
    )
    wrong = check_expression(sp.Matrix([-x1 * x2, x1 + x2 + 1]), expected).message
    assert wrong == (
        "✗ 2 of 2 entries differ:\n• entry (0, 0): off by a factor of −1: check the sign\n"
        "• entry (1, 0): off by a constant term 1: yours = the expected expression + 1"
    )
    transposed = check_expression(expected.T, expected).message
    assert transposed == "✗ wrong shape: your Matrix has shape (1, 2), the expected one (2, 1): transpose it (.T)"
    assert "a Matrix of shape (2, 1) is expected" in check_expression(x1, expected).message
    assert "a single expression is expected" in check_expression(expected, x1).message
    many = check_expression(sp.zeros(3, 3) + sp.ones(3, 3), sp.zeros(3, 3) + 2 * sp.ones(3, 3)).message
    assert many.startswith("✗ 9 of 9 entries differ:") and "... and 5 more" in many


def test_check_expression_is_deterministic():
    first = check_expression(x1 * EXPECTED, EXPECTED)
    assert first == check_expression(x1 * EXPECTED, EXPECTED)


def test_check_value_names_the_typical_mistake():
    right = 0.6931471805599453
    mistakes = {"a forgotten 1/n": 4 * right, "log₂ instead of ln": right / np.log(2), "a wrong sign": -right}
    assert check_value(right, right, "J", mistakes=mistakes).passed
    named = check_value(right / np.log(2), right, "J", mistakes=mistakes)
    assert not named.passed and "log₂ instead of ln" in named.message and "J = 1" in named.message
    assert "a forgotten 1/n" in check_value(4 * right, right, "J", mistakes=mistakes).message
    assert "a wrong sign" in check_value(-right, right, "J", mistakes=mistakes).message
    other = check_value(0.5, right, "J", mistakes=mistakes)
    assert not other.passed and "off by" in other.message  # no mistake matches: the plain message
    # arrays: the training set's scores where the validation set's were meant
    train, valid = np.array([0.9, 0.8]), np.array([0.7, 0.6])
    msg = check_value(
        train, valid, "scores", mistakes={"the training set used where the validation set was meant": train}
    )
    assert "the training set used where the validation set was meant" in msg.message
    # a "mistake" that gives the right answer is never blamed, and one of another shape is skipped
    same = {"a mistake that happens to agree": right, "a vector": [1.0, 2.0]}
    assert check_value(0.5, right, "J", mistakes=same).message.count("mistake") == 0


def test_check_value_with_a_bad_mistake_table_does_not_blame_the_learner():
    res = check_value(1.0, 2.0, "x", mistakes={"broken": "not a number"})
    assert not res.passed and "cannot check x" in res.message
