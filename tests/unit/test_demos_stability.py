"""lessons.demos.stability: the mathematics of notebook 09's widget, against lessons.model and 60-digit mpmath."""

import warnings

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import model
from lessons.demos.stability import (
    PRECISIONS,
    Z_MAX,
    StabilityDemo,
    break_points,
    break_points_rounded,
    digits_right,
    sigmoid_split,
    stable_forms,
    textbook_forms,
    textbook_sigmoid,
    what_broke,
    z_grid,
)

LOGITS = st.floats(-Z_MAX, Z_MAX, allow_nan=False)
LABELS = st.sampled_from([0, 1])


def true_loss_and_gradient(z: float, y: int) -> tuple[float, float]:
    """The loss and ŷ − y at ``z`` in 60-digit arithmetic, rounded to float64."""
    with mp.workdps(60):
        t = mp.mpf(z)
        loss = mp.log1p(mp.exp(-t)) if y == 1 else mp.log1p(mp.exp(t))
        return float(loss), float(1 / (1 + mp.exp(-t)) - y)


@settings(max_examples=200, deadline=None)
@given(z=LOGITS, y=LABELS)
def test_stable_forms_in_float64_are_lessons_model(z, y):
    loss, grad = stable_forms(z, y)
    assert loss == model.per_sample_loss([[z]], [y], [1.0], 0.0)[0]  # the same softplus, bit for bit
    _, db = model.gradient([[z]], [y], [1.0], 0.0)
    assert abs(grad - db) <= 1e-15 * abs(db) or abs(grad - db) < np.finfo(float).tiny


@settings(max_examples=200, deadline=None)
@given(z=LOGITS)
def test_the_sign_split_sigmoid_is_lessons_model_in_float64_and_correctly_rounded_in_float32(z):
    assert sigmoid_split(z, "float64") == model.sigmoid(z)
    s32 = sigmoid_split(z, "float32")
    assert s32.dtype == np.float32
    exact = model.sigmoid(float(np.float32(z)))  # σ at the float32 input, in float64
    assert abs(float(s32) - exact) <= 2 * np.finfo(np.float32).eps * exact + float(
        np.finfo(np.float32).smallest_subnormal
    )


@pytest.mark.parametrize("y", [0, 1])
def test_the_stable_forms_in_float32_are_right_to_a_few_eps32(y):
    z = np.linspace(-80, 80, 321).astype(np.float32)  # the loss and gradient stay normal float32 numbers here
    loss, grad = stable_forms(z, y, "float32")
    assert loss.dtype == grad.dtype == np.float32
    eps32 = float(np.finfo(np.float32).eps)
    for t, L, g in zip(z, loss, grad, strict=True):
        true_L, true_g = true_loss_and_gradient(float(t), y)
        assert abs(float(L) - true_L) <= 2 * eps32 * true_L
        assert abs(float(g) - true_g) <= 2 * eps32 * abs(true_g)


@pytest.mark.parametrize("precision", list(PRECISIONS))
@pytest.mark.parametrize("y", [0, 1])
def test_the_textbook_forms_agree_where_yhat_is_far_from_0_and_1(precision, y):
    z = np.linspace(-3, 3, 61)
    eps = float(np.finfo(PRECISIONS[precision]).eps)
    for textbook, stable in zip(textbook_forms(z, y, precision), stable_forms(z, y, precision), strict=True):
        assert textbook.dtype == PRECISIONS[precision]
        np.testing.assert_allclose(textbook, stable, rtol=200 * eps, atol=0)


@pytest.mark.parametrize("precision", list(PRECISIONS))
def test_the_break_points_are_where_yhat_becomes_exactly_0_or_1(precision):
    dt = PRECISIONS[precision]
    fi = np.finfo(dt)
    z_zero, z_one = break_points(precision)
    assert dt(z_zero) == z_zero and dt(z_one) == z_one  # numbers of that precision
    assert textbook_sigmoid(z_one, precision) == 1 and textbook_sigmoid(np.nextafter(dt(z_one), dt(0)), precision) < 1
    assert textbook_sigmoid(z_zero, precision) == 0 and textbook_sigmoid(np.nextafter(dt(z_zero), dt(0)), precision) > 0
    # 1 + e^−z rounds to 1 once e^−z < ε/2; e^−z overflows once −z > log(max)
    assert z_one == pytest.approx(np.log(2 / float(fi.eps)), abs=1e-3)
    assert z_zero == pytest.approx(-np.log(float(fi.max)), abs=1e-3)


def test_the_break_points_are_those_the_notebook_states():
    assert [round(v, 2) for v in break_points("float64")] == [-709.78, 36.74]
    assert [round(v, 2) for v in break_points("float32")] == [-88.72, 16.64]
    assert break_points_rounded("float64") == (-709.79, 36.74)
    assert break_points_rounded("float32") == (-88.73, 16.64)


@pytest.mark.parametrize("precision", list(PRECISIONS))
def test_the_rounded_break_points_are_true_for_every_z_and_tight_on_the_slider_grid(precision):
    z_zero, z_one = break_points_rounded(precision)
    exact_zero, exact_one = break_points(precision)
    assert z_zero <= exact_zero < z_zero + 0.01 and z_one - 0.01 < exact_one <= z_one
    z = np.linspace(-Z_MAX, Z_MAX, 400_001)
    yhat = textbook_sigmoid(z, precision)
    assert np.all(yhat[z <= z_zero] == 0) and np.all(yhat[z >= z_one] == 1)
    assert textbook_sigmoid(z_zero + 0.01, precision) > 0 and textbook_sigmoid(z_one - 0.01, precision) < 1


def test_the_readout_states_the_rounded_break_points():
    demo = StabilityDemo(z=-100.0, y=0, interactive=False)
    assert "exactly 1 for z ≥ 36.74, exactly 0 for z ≤ −709.79" in demo.readout.value.replace("-", "−")
    assert "rounds to exactly 1" in demo.readout.value


@pytest.mark.parametrize("precision", list(PRECISIONS))
@pytest.mark.parametrize("y", [0, 1])
def test_the_textbook_forms_break_exactly_where_yhat_is_0_or_1_and_the_stable_ones_never(precision, y):
    z = np.arange(-Z_MAX, Z_MAX + 0.25, 0.25)
    z_zero, z_one = break_points(precision)
    loss, grad = textbook_forms(z, y, precision)
    zero, one = z <= z_zero, z >= z_one
    assert np.all(np.isfinite(loss) == ~(zero | one))
    # y = 1: log 0 = −inf where ŷ = 0, 0·(−inf) = nan where ŷ = 1; y = 0 the other way round
    assert np.all(np.isposinf(loss[zero if y == 1 else one]))
    assert np.all(np.isnan(loss[one if y == 1 else zero]))
    assert np.all(np.isnan(grad[zero | one]))
    assert np.all(np.isfinite(grad[~(zero | one)]))
    for value in stable_forms(z, y, precision):
        assert np.all(np.isfinite(value))


@pytest.mark.parametrize("precision", list(PRECISIONS))
def test_no_floating_point_warning_reaches_the_caller(precision):
    z = np.array([-Z_MAX, -750.0, -709.5, -100.0, 0.0, 30.0, 40.0, Z_MAX])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for y in (0, 1):
            textbook_forms(z, y, precision)
            stable_forms(z, y, precision)
            for t in z:
                what_broke(float(t), y, precision)


@pytest.mark.parametrize(
    ("z", "y", "precision", "loss_says", "grad_says"),
    [
        (40.0, 1, "float64", ["ŷ = 1", "log 0 = −∞", "0·(−∞) = nan"], ["0/0 = nan"]),
        (40.0, 0, "float64", ["ŷ = 1", "log 0 = −∞"], ["1/0 = ∞", "∞·0 = nan"]),
        (-750.0, 1, "float64", ["overflows to ∞", "log 0 = −∞"], ["−1/0 = −∞", "−∞·0 = nan"]),
        (-750.0, 0, "float64", ["overflows to ∞", "0·(−∞) = nan"], ["0/0 = nan"]),
        (20.0, 1, "float32", ["ŷ = 1", "0·(−∞) = nan"], ["0/0 = nan"]),
        (
            30.0,
            1,
            "float64",
            ["catastrophic cancellation", "ŷ = 1 − 9.3e-14", "1.1e-16 apart", "only 2 of 16 digits"],
            ["catastrophic cancellation"],
        ),
        (10.0, 1, "float32", ["catastrophic cancellation"], ["catastrophic cancellation"]),
        (-100.0, 0, "float64", ["1 − ŷ", "rounds to exactly 1", "no digit"], []),
        (-30.0, 0, "float64", ["catastrophic cancellation", "1 − ŷ = 1 − 9.4e-14"], []),
    ],
)
def test_what_broke_names_the_failure(z, y, precision, loss_says, grad_says):
    loss_note, grad_note = what_broke(z, y, precision)
    for phrase in loss_says:
        assert phrase in loss_note
    for phrase in grad_says:
        assert phrase in grad_note
    assert bool(loss_note) == bool(loss_says) and bool(grad_note) == bool(grad_says)


@pytest.mark.parametrize("z", [-5.0, 0.0, 0.5, 3.0])
@pytest.mark.parametrize("precision", list(PRECISIONS))
def test_what_broke_is_silent_where_the_textbook_is_accurate(z, precision):
    assert what_broke(z, 1, precision) == ("", "") == what_broke(z, 0, precision)


def test_digits_right():
    assert digits_right(1.0, 1.0) == 16 and digits_right(1.0, 1.0, "float32") == 7
    assert digits_right(1.002, 1.0) == 2 and digits_right(0.0, 1.0) == 0 and digits_right(-1.0, 1.0) == 0


@pytest.mark.parametrize("precision", list(PRECISIONS))
def test_z_grid_runs_over_the_slider_and_holds_both_sides_of_each_break(precision):
    dt = PRECISIONS[precision]
    z = z_grid(precision)
    assert z[0] == -Z_MAX and z[-1] == Z_MAX and np.all(np.diff(z) > 0)
    assert np.all(z.astype(dt).astype(float) == z)
    for edge in break_points(precision):
        i = int(np.searchsorted(z, edge))
        assert z[i] == edge and z[i + (1 if edge < 0 else -1)] == float(np.nextafter(dt(edge), dt(0)))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: textbook_forms(1.0, 1, "float16"), ValueError, "precision must be one of"),
        (lambda: stable_forms(1.0, 1, 64), TypeError, "precision must be a str"),
        (lambda: break_points(["float64"]), TypeError, "precision must be a str"),
        (lambda: stable_forms(1.0, 2), ValueError, "y must be 0 or 1"),
        (lambda: textbook_forms(1.0, 1.0), TypeError, "y must be the integer 0 or 1"),
        (lambda: textbook_forms(1.0, True), TypeError, "y must be the integer 0 or 1"),
        (lambda: stable_forms(np.nan, 1), ValueError, "z must be finite"),
        (lambda: textbook_sigmoid("1.0"), TypeError, "z must be numeric"),
        (lambda: sigmoid_split([1.0, np.inf]), ValueError, "z must be finite"),
        (lambda: what_broke([1.0, 2.0], 1), ValueError, "z must be a single number"),
        (lambda: digits_right(1.0, 0.0), ValueError, "reference must not be 0"),
        (lambda: digits_right(np.nan, 1.0), ValueError, "value must be finite"),
        (lambda: z_grid("float128"), ValueError, "precision must be one of"),
        (lambda: break_points_rounded("float64", 1.5), TypeError, "decimals must be an int"),
        (lambda: break_points_rounded("float64", -1), ValueError, "decimals must be ≥ 0"),
    ],
)
def test_bad_input_is_named(call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(")):
        call()
