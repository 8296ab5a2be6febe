"""Tests of lessons.symbolic."""

import numpy as np
import sympy as sp

from lessons import model
from lessons.symbolic import bce, is_zero, lambdify, sigmoid

z = sp.symbols("z", real=True)


def test_derivative_rule_matches_the_explicit_formula():
    explicit = 1 / (1 + sp.exp(-z))
    assert sp.simplify(sp.diff(sigmoid(z), z).rewrite(sp.exp) - sp.diff(explicit, z)) == 0
    assert sp.diff(sigmoid(z), z) == sigmoid(z) * (1 - sigmoid(z))


def test_chain_rule_through_sigmoid_gives_residual():
    y = sp.symbols("y")
    assert sp.simplify(sp.diff(bce(sigmoid(z), y), z) - (sigmoid(z) - y)) == 0


def test_sigmoid_at_zero_and_properties():
    assert sigmoid(0) == sp.Rational(1, 2)
    assert sigmoid(z).is_real and sigmoid(z).is_positive
    assert sp.latex(sigmoid(z)) == r"\sigma\left(z\right)"


def test_lambdify_uses_the_stable_sigmoid():
    f = lambdify(z, sigmoid(z) * (1 - sigmoid(z)))
    zz = np.array([-1000.0, 0.0, 3.0])
    np.testing.assert_allclose(f(zz), model.sigmoid(zz) * (1 - model.sigmoid(zz)))


def test_is_zero():
    assert is_zero(sigmoid(-z) - (1 - sigmoid(z)))
    assert not is_zero(sigmoid(z) - sp.Rational(1, 2))
