"""Small interactive demos. The math comes from :mod:`lessons.model`; this
module only wires sliders to matplotlib artists.

With ``%matplotlib widget`` (ipympl) the figure is a widget and is placed in
the layout, and every slider move updates the artists in place with
``set_data`` and ``draw_idle``: no flicker, no re-plotting.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from lessons.display import figure_png, picture_bundle
from lessons.i18n import translator
from lessons.model import sigmoid, softplus

_ = translator(__name__)

__all__ = ["ZDemo", "loss_of_z", "z_demo"]


def loss_of_z(z: np.ndarray | float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-sample loss and its derivative in ``z``, for both labels.

    Parameters
    ----------
    z : float or ndarray, shape (m,)

    Returns
    -------
    L1, L0, dL1, dL0 : ndarray, shape (m,)
        ``L1 = -log sigmoid(z)`` (label 1), ``L0 = -log(1 - sigmoid(z))``
        (label 0), and their derivatives ``sigmoid(z) - 1`` and ``sigmoid(z)``.
    """
    z = np.atleast_1d(np.asarray(z, dtype=np.float64))
    return softplus(-z), softplus(z), -sigmoid(-z), sigmoid(z)


@dataclass
class ZDemo:
    """The parts of :func:`z_demo`, exposed so that tests can drive it."""

    slider: widgets.FloatSlider
    readout: widgets.HTML
    fig: plt.Figure
    markers: list
    widget: widgets.Widget

    def readout_text(self, z: float) -> str:
        L1, L0, g1, g0 = (float(v[0]) for v in loss_of_z(z))
        return (
            f"<b>z = {z:+.2f}</b>, &nbsp; ŷ = σ(z) = {float(sigmoid(z)):.4f}<br>"
            f"{_('y = 1:')} &nbsp; L = {L1:.4f}, &nbsp; dL/dz = ŷ − 1 = {g1:+.4f}<br>"
            f"{_('y = 0:')} &nbsp; L = {L0:.4f}, &nbsp; dL/dz = ŷ − 0 = {g0:+.4f}"
        )

    def _repr_mimebundle_(self, **kwargs) -> dict:
        data = self.widget._repr_mimebundle_(**kwargs) or {}
        return {**data, **picture_bundle(figure_png(self.fig), _("The loss of one sample against z"))}

    def update(self, z: float) -> None:
        L1, L0, _g1, _g0 = (float(v[0]) for v in loss_of_z(z))
        self.markers[0].set_data([z], [L1])
        self.markers[1].set_data([z], [L0])
        self.markers[2].set_xdata([z, z])
        self.readout.value = self.readout_text(z)
        self.fig.canvas.draw_idle()


def z_demo(z_max: float = 6.0, z0: float = 2.0) -> ZDemo:
    """A slider for ``z`` beside the curves ``L(z)`` for ``y = 1`` and ``y = 0``.

    Parameters
    ----------
    z_max : float
        The slider and the plot span ``[-z_max, z_max]``.
    z0 : float
        Initial value.

    Returns
    -------
    ZDemo
        Display ``.widget``; move ``.slider`` to update the markers and readout.
    """
    z = np.linspace(-z_max, z_max, 401)
    L1, L0, _g1, _g0 = loss_of_z(z)
    with plt.ioff():
        fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot(z, L1, color="C0", label="y = 1:  −log σ(z)")
    ax.plot(z, L0, color="C3", label="y = 0:  −log(1 − σ(z))")
    m1 = ax.plot([], [], "o", color="C0", ms=9)[0]
    m0 = ax.plot([], [], "o", color="C3", ms=9)[0]
    vline = ax.axvline(z0, color="0.5", lw=1, ls="--")
    ax.set(xlabel="z = wᵀx + b", ylabel=_("loss L"), ylim=(0, z_max + 0.5))
    ax.legend(loc="upper center")
    fig.tight_layout()
    slider = widgets.FloatSlider(value=z0, min=-z_max, max=z_max, step=0.1, description="z", continuous_update=True)
    readout = widgets.HTML()
    canvas = fig.canvas
    parts = [slider, readout] + ([canvas] if isinstance(canvas, widgets.DOMWidget) else [])
    demo = ZDemo(slider, readout, fig, [m1, m0, vline], widgets.VBox(parts))
    slider.observe(lambda change: demo.update(change["new"]), names="value")
    demo.update(z0)
    return demo
