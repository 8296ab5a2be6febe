"""The z demo, driven programmatically (no browser, no display)."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from lessons import model  # noqa: E402
from lessons.widgets import loss_of_z, z_demo  # noqa: E402


def test_loss_of_z_matches_the_model():
    z = np.linspace(-30, 30, 61)
    L1, L0, g1, g0 = loss_of_z(z)
    X = z[:, None]
    for i in range(z.size):
        assert L1[i] == pytest.approx(model.loss(X[i : i + 1], [1], [1.0], 0.0), rel=1e-14)
        assert L0[i] == pytest.approx(model.loss(X[i : i + 1], [0], [1.0], 0.0), rel=1e-14)
        assert g1[i] == pytest.approx(model.gradient(X[i : i + 1], [1], [1.0], 0.0)[1], rel=1e-14)
        assert g0[i] == pytest.approx(model.gradient(X[i : i + 1], [0], [1.0], 0.0)[1], rel=1e-14)


def test_slider_moves_markers_and_readout():
    demo = z_demo(z0=0.0)
    assert "L = 0.6931" in demo.readout.value
    for z in (demo.slider.min, -1.3, demo.slider.max):
        demo.slider.value = z
        L1, L0, _, _ = loss_of_z(z)
        assert demo.markers[0].get_data() == ([z], [L1[0]])
        assert demo.markers[1].get_data() == ([z], [L0[0]])
        assert f"z = {z:+.2f}" in demo.readout.value
