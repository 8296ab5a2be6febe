"""The shared validators, including the ones for optimiser settings
(learning rate > 0, steps >= 1, batch_size >= 1) that lessons.optimize uses."""

import numpy as np
import pytest

from lessons import _validate as v


@pytest.mark.parametrize("value", [1e-3, 1, np.float32(0.5), np.array(2.0)])
def test_positive_accepts(value):
    assert v.as_positive(value, "learning_rate") > 0


@pytest.mark.parametrize(
    "value,exc,msg",
    [
        (0.0, ValueError, "learning_rate must be > 0, got 0.0"),
        (-1.0, ValueError, "learning_rate must be > 0"),
        (np.inf, ValueError, "learning_rate must be finite"),
        ("0.1", TypeError, "learning_rate must be a real number"),
        (True, TypeError, "learning_rate must be a real number"),
    ],
)
def test_positive_rejects(value, exc, msg):
    with pytest.raises(exc, match=msg):
        v.as_positive(value, "learning_rate")


@pytest.mark.parametrize(
    "name,value,exc,msg",
    [
        ("steps", 0, ValueError, "steps must be >= 1, got 0"),
        ("batch_size", -3, ValueError, "batch_size must be >= 1, got -3"),
        ("steps", 2.5, TypeError, "steps must be an integer"),
        ("steps", True, TypeError, "steps must be an integer"),
    ],
)
def test_positive_int_rejects(name, value, exc, msg):
    with pytest.raises(exc, match=msg):
        v.as_positive_int(value, name)


def test_positive_int_accepts_numpy_ints():
    assert v.as_positive_int(np.int64(5), "steps") == 5


def test_labels_for_k_classes():
    np.testing.assert_array_equal(v.as_labels([0, 2, 1], 3, n_classes=3), [0.0, 2.0, 1.0])
    with pytest.raises(ValueError, match=r"y must contain only integers 0..2, got 3 at index 1"):
        v.as_labels([0, 3, 1], 3, n_classes=3)


def test_public_names_for_the_array_helpers():
    """as_float_array and require_finite are what the other modules import (no private names across modules)."""
    arr = v.as_float_array([[1, 2], [3, 4]], "X")
    assert arr.dtype == np.float64 and arr.shape == (2, 2)
    assert v.as_float_array(np.array([True, False]), "mask").tolist() == [1.0, 0.0]
    with pytest.raises(TypeError, match="X must be numeric, got str"):
        v.as_float_array("12", "X")
    with pytest.raises(TypeError, match="theta must be real, got complex"):
        v.as_float_array(np.array([1j]), "theta")
    with pytest.raises(TypeError, match="W must be a numeric array, got a ragged or object array"):
        v.as_float_array(np.array([object()]), "W")
    v.require_finite(np.zeros((2, 3)), "X")
    with pytest.raises(ValueError, match=r"X must be finite, got nan at index \(1, 0\)"):
        v.require_finite(np.array([[0.0, 1.0], [np.nan, 2.0]]), "X")
    with pytest.raises(ValueError, match="w must be finite, got inf at index 2"):
        v.require_finite(np.array([0.0, 1.0, np.inf]), "w")
    assert {"as_float_array", "require_finite"} <= set(v.__all__)
    assert not hasattr(v, "_require_finite") and not hasattr(v, "_as_float_array")
