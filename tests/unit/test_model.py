"""Tests of lessons.model: accuracy against a 60-digit reference, calculus
laws as property tests, and the rejection of bad input."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from reference import reference

from lessons import model
from lessons.gradcheck import numerical_gradient

# ---------------------------------------------------------------- strategies

finite = st.floats(-3.0, 3.0, allow_nan=False)


@st.composite
def problems(draw, max_n=12, max_d=4):
    """A random problem with |z| <= 2 * 3 * 4 + 3 = 27."""
    n = draw(st.integers(1, max_n))
    d = draw(st.integers(1, max_d))
    X = draw(hnp.arrays(np.float64, (n, d), elements=st.floats(-2.0, 2.0)))
    y = draw(hnp.arrays(np.float64, (n,), elements=st.sampled_from([0.0, 1.0])))
    w = draw(hnp.arrays(np.float64, (d,), elements=finite))
    b = draw(finite)
    lam = draw(st.sampled_from([0.0, 0.01, 0.5, 2.0]))
    return X, y, w, b, lam


def theta_fns(X, y, lam):
    """Loss and gradient as functions of theta = (w..., b)."""

    def f(t):
        return model.loss(X, y, t[:-1], t[-1], lam)

    def g(t):
        dw, db = model.gradient(X, y, t[:-1], t[-1], lam)
        return np.append(dw, db)

    return f, g


def assert_close(actual, exact, scale, rtol, what):
    actual, exact, scale = (np.atleast_1d(np.asarray(v, float)) for v in (actual, exact, scale))
    err = np.abs(actual - exact) / np.maximum(scale, np.finfo(float).tiny)
    assert np.all(err <= rtol), f"{what}: relative error {err.max():.3e} > {rtol:g}"


# ---------------------------------------------------------------- sigmoid


def test_sigmoid_known_values_and_symmetry():
    z = np.array([-1e4, -745.0, -50.0, -1.0, 0.0, 1.0, 50.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = model.sigmoid(z)
    assert s[4] == 0.5
    assert s[0] == 0.0 and s[-1] == 1.0
    assert s[2] == pytest.approx(np.exp(-50.0) / (1 + np.exp(-50.0)), rel=1e-15)
    np.testing.assert_allclose(s + model.sigmoid(-z), 1.0, rtol=1e-15)
    assert isinstance(model.sigmoid(0.0), float)


@given(st.floats(-1e6, 1e6))
def test_sigmoid_in_unit_interval_and_monotone(z):
    s = model.sigmoid(z)
    assert 0.0 <= s <= 1.0
    assert model.sigmoid(z + 1.0) >= s


def test_sigmoid_rejects_nan_and_strings():
    with pytest.raises(ValueError, match="z"):
        model.sigmoid(np.array([0.0, np.nan]))
    with pytest.raises(TypeError, match="z"):
        model.sigmoid("1.0")


# ---------------------------------------------------------------- accuracy

EXTREME_Z = [50.0, 700.0, 1e3, 1e4]


@pytest.mark.parametrize("label", [0.0, 1.0])
@pytest.mark.parametrize("z", [v * s for v in EXTREME_Z for s in (1, -1)])
def test_matches_60_digit_reference_at_extreme_z(z, label):
    X, y, w, b = np.array([[1.0]]), np.array([label]), np.array([z]), 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = model.loss(X, y, w, b)
        dw, db = model.gradient(X, y, w, b)
        H = model.hessian(X, y, w, b)
    ref = reference(X, y, w, b)
    assert np.isfinite([L, db, *dw, *H.ravel()]).all()
    assert_close(L, ref.loss, abs(ref.loss), 1e-12, "loss")
    assert_close(dw, ref.dw, np.abs(ref.dw), 1e-10, "dw")
    assert_close(db, ref.db, abs(ref.db), 1e-10, "db")
    assert_close(H, ref.H, np.abs(ref.H), 1e-10, "H")


def test_tiny_loss_of_a_confident_correct_prediction_is_not_zero():
    L = model.loss(np.array([[50.0]]), np.array([1]), np.array([1.0]), 0.0)
    assert L == pytest.approx(1.9287498479639178e-22, rel=1e-14)


def test_huge_logits_give_linear_loss_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        L = model.loss(np.array([[1.0]]), np.array([1]), np.array([-1e300]), 0.0)
    assert L == 1e300


@settings(max_examples=60, deadline=None)
@given(problems())
def test_matches_60_digit_reference_on_random_problems(p):
    X, y, w, b, lam = p
    ref = reference(X, y, w, b, lam)
    dw, db = model.gradient(X, y, w, b, lam)
    assert_close(model.loss(X, y, w, b, lam), ref.loss, ref.loss, 1e-12, "loss")
    assert_close(dw, ref.dw, ref.dw_scale, 1e-10, "dw")
    assert_close(db, ref.db, ref.db_scale, 1e-10, "db")
    assert_close(model.hessian(X, y, w, b, lam), ref.H, ref.H_scale, 1e-10, "H")


# ---------------------------------------------------------------- laws


@settings(max_examples=80, deadline=None)
@given(problems())
def test_gradient_equals_central_differences(p):
    X, y, w, b, lam = p
    f, g = theta_fns(X, y, lam)
    theta = np.append(w, b)
    np.testing.assert_allclose(g(theta), numerical_gradient(f, theta, h=1e-6), rtol=1e-5, atol=1e-7)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_hessian_equals_differences_of_the_gradient(p):
    X, y, w, b, lam = p
    _, g = theta_fns(X, y, lam)
    theta = np.append(w, b)
    h = 1e-6
    cols = [(g(theta + h * e) - g(theta - h * e)) / (2 * h) for e in np.eye(theta.size)]
    H = model.hessian(X, y, w, b, lam)
    np.testing.assert_allclose(H, np.array(cols).T, rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(H, H.T)


@settings(max_examples=80, deadline=None)
@given(problems(), st.data())
def test_loss_is_convex_along_random_lines(p, data):
    X, y, w, b, lam = p
    f, _ = theta_fns(X, y, lam)
    theta = np.append(w, b)
    v = data.draw(hnp.arrays(np.float64, theta.shape, elements=st.floats(-1.0, 1.0)))
    t1, t2 = data.draw(st.floats(-3, 3)), data.draw(st.floats(-3, 3))
    a, c = f(theta + t1 * v), f(theta + t2 * v)
    mid = f(theta + 0.5 * (t1 + t2) * v)
    assert mid <= 0.5 * (a + c) + 1e-12 * (1 + abs(a) + abs(c))


@settings(max_examples=40, deadline=None)
@given(problems())
def test_hessian_is_positive_semidefinite(p):
    H = model.hessian(*p)
    assert np.linalg.eigvalsh(H).min() >= -1e-12 * max(1.0, np.abs(H).max())


@settings(max_examples=40, deadline=None)
@given(problems())
def test_relabelling_symmetry(p):
    """Swapping the classes and negating (w, b) leaves the loss unchanged."""
    X, y, w, b, lam = p
    assert model.loss(X, 1 - y, -w, -b, lam) == pytest.approx(model.loss(X, y, w, b, lam), rel=1e-13)


def test_bias_is_not_penalised():
    X, y, w, b = np.array([[1.0, 2.0]]), np.array([1]), np.array([0.5, -0.5]), 3.0
    _, db0 = model.gradient(X, y, w, b, 0.0)
    dw1, db1 = model.gradient(X, y, w, b, 10.0)
    dw0, _ = model.gradient(X, y, w, b, 0.0)
    assert db1 == db0
    np.testing.assert_allclose(dw1 - dw0, 10.0 * w)
    assert model.loss(X, y, w, b, 1.0) - model.loss(X, y, w, b, 0.0) == pytest.approx(0.25)


def test_source_example_values():
    """The numbers the notebooks show for the source's 4-point example."""
    from lessons.data import source_example

    X, y, w, b, lam = source_example()
    dw, db = model.gradient(X, y, w, b, lam)
    np.testing.assert_allclose(dw, [0.36676315, 0.64954595], atol=5e-9)
    assert db == pytest.approx(0.28178280, abs=5e-9)
    assert model.loss(X, y, w, b) == pytest.approx(0.65618595, abs=5e-9)


# ---------------------------------------------------------------- bad input

GOOD = dict(X=np.ones((3, 2)), y=np.array([0, 1, 1]), w=np.zeros(2), b=0.0, lam=0.0)
FUNCS = [model.loss, model.gradient, model.hessian]

BAD = [
    # (what, overrides, exception, message fragment)
    ("X not 2-D (1-D)", dict(X=np.ones(3)), ValueError, "X must be 2-D"),
    ("X not 2-D (3-D)", dict(X=np.ones((3, 2, 1))), ValueError, "X must be 2-D"),
    ("empty X (no samples)", dict(X=np.ones((0, 2)), y=np.array([])), ValueError, "X must have at least one sample"),
    ("empty X (no features)", dict(X=np.ones((3, 0)), w=np.array([])), ValueError, "X must have at least one feature"),
    ("y length mismatch", dict(y=np.array([0, 1])), ValueError, "y must have length n"),
    ("y not 1-D", dict(y=np.array([[0], [1], [1]])), ValueError, "y must be 1-D"),
    ("w length mismatch", dict(w=np.zeros(3)), ValueError, "w must have length d"),
    ("w not 1-D", dict(w=np.zeros((2, 1))), ValueError, "w must be 1-D"),
    ("NaN in X", dict(X=np.array([[1.0, 2.0], [np.nan, 0.0], [0.0, 0.0]])), ValueError, "X must be finite"),
    ("inf in X", dict(X=np.array([[1.0, np.inf], [0.0, 0.0], [0.0, 0.0]])), ValueError, "X must be finite"),
    ("NaN in y", dict(y=np.array([0.0, np.nan, 1.0])), ValueError, "y must be finite"),
    ("NaN in w", dict(w=np.array([np.nan, 0.0])), ValueError, "w must be finite"),
    ("inf b", dict(b=np.inf), ValueError, "b must be finite"),
    ("NaN lam", dict(lam=np.nan), ValueError, "lam must be finite"),
    ("label 2", dict(y=np.array([0, 1, 2])), ValueError, "y must contain only 0 and 1, got 2 at index 2"),
    ("label -1", dict(y=np.array([-1, 1, 1])), ValueError, "y must contain only 0 and 1, got -1 at index 0"),
    ("label 0.5", dict(y=np.array([0, 0.5, 1])), ValueError, "y must contain only 0 and 1, got 0.5 at index 1"),
    ("lam < 0", dict(lam=-0.1), ValueError, "lam must be >= 0"),
    ("X of strings", dict(X=np.array([["a", "b"]] * 3)), TypeError, "X must be numeric"),
    ("complex w", dict(w=np.array([1j, 0])), TypeError, "w must be real"),
    ("b as a list", dict(b=[0.0]), TypeError, "b must be a real number"),
    ("lam None", dict(lam=None), TypeError, "lam must be a real number"),
    ("ragged X", dict(X=[[1.0, 2.0], [1.0], [0.0, 0.0]]), ValueError, "X could not be read"),
]


@pytest.mark.parametrize("func", FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("what,over,exc,msg", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_rejected_with_a_named_argument(func, what, over, exc, msg):
    args = {**GOOD, **over}
    with pytest.raises(exc, match=msg.replace("(", r"\(").replace(")", r"\)")):
        func(args["X"], args["y"], args["w"], args["b"], args["lam"])


@pytest.mark.parametrize("func", [*FUNCS, model.loss_and_gradient], ids=lambda f: f.__name__)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
@pytest.mark.parametrize("w", [[0.5, -2.0], [0.0, 1.0], [1.0, 0.0], [0.0, 0.0]], ids=str)
@pytest.mark.parametrize("where", [(0, 0), (2, 1), (1, 1)], ids=str)
def test_a_nan_or_inf_anywhere_in_X_is_found_whatever_w_is(func, bad, w, where):
    """X is scanned for NaN and inf through X @ w plus the columns where w is 0: no entry escapes."""
    X = np.arange(6.0).reshape(3, 2)
    X[where] = bad
    with pytest.raises(ValueError, match=rf"X must be finite, got {bad!r} at index \({where[0]}, {where[1]}\)"):
        func(X, np.array([0, 1, 1]), np.array(w), 0.1, 0.0)


def test_overflowing_logit_is_an_error_not_a_nan():
    with pytest.raises(ValueError, match="overflowed"):
        model.loss(np.array([[1e200, 1e200]]), np.array([1]), np.array([1e200, 1e200]), 0.0)


@settings(max_examples=30, deadline=None)
@given(problems())
def test_loss_and_gradient_equals_the_separate_functions(p):
    J, dw, db = model.loss_and_gradient(*p)
    dw2, db2 = model.gradient(*p)
    assert J == model.loss(*p)
    np.testing.assert_array_equal(dw, dw2)
    assert db == db2
