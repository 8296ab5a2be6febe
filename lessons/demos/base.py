"""What every notebook widget shares: one figure, at most four labelled controls, artists updated in place.

A demo is a subclass of :class:`Demo` that defines

* ``compute(**values)``: the mathematics, from the controls' values to what is drawn, as a dict
  ``name -> ndarray`` (no matplotlib; the notebook's module keeps it next to the pure functions it calls);
* ``draw(computed)``: puts those arrays on the figure's artists (``set_data``, ``set_text``, ...), and returns
  the readout's HTML;
* ``drawn()``: reads back from the artists the arrays they show (a subset of ``compute``'s keys), so that a
  test can check that what is on screen is what was computed, after any sequence of control moves.

With a kernel (``interactive=True``) the figure is an ipympl canvas widget, created directly, so the notebook
needs no ``%matplotlib widget`` and its other figures stay ordinary inline images; each control move calls
``compute``, ``draw`` and ``draw_idle``: no new figure, no flicker. Displayed, a demo gives the live widget and,
for readers without a kernel (nbviewer, GitHub, the HTML export), a PNG of the same view: nbconvert shows the
PNG when the notebook holds no widget state.
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Sequence

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from lessons.display import picture_bundle, still_png
from lessons.i18n import N_, translator
from lessons.style import MIN_FONT_SIZE

_ = translator(__name__)

__all__ = ["Demo", "MAX_CONTROLS", "slider", "int_slider", "log_slider", "choice"]

MAX_CONTROLS = 4
_numbers = itertools.count(1000)  # figure numbers for ipympl's managers (never registered with pyplot)
_LAYOUT = widgets.Layout(width="420px")
_STYLE = {"description_width": "110px"}


def slider(symbol: str, value: float, lo: float, hi: float, step: float, fmt: str = ".2f") -> widgets.FloatSlider:
    """A slider labelled with its symbol; the readout beside it shows its current value (``fmt``)."""
    return widgets.FloatSlider(
        value=value, min=lo, max=hi, step=step, description=symbol, readout_format=fmt,
        continuous_update=True, layout=_LAYOUT, style=_STYLE,
    )  # fmt: skip


def int_slider(symbol: str, value: int, lo: int, hi: int, step: int = 1) -> widgets.IntSlider:
    """An integer slider labelled with its symbol and showing its value."""
    return widgets.IntSlider(
        value=value, min=lo, max=hi, step=step, description=symbol, continuous_update=True, layout=_LAYOUT,
        style=_STYLE,
    )  # fmt: skip


def log_slider(symbol: str, value: float, lo_exp: float, hi_exp: float, step: float = 0.25) -> widgets.FloatLogSlider:
    """A slider over ``10**lo_exp .. 10**hi_exp`` on a log scale, labelled with its symbol and showing its value."""
    return widgets.FloatLogSlider(
        value=value, base=10, min=lo_exp, max=hi_exp, step=step, description=symbol, readout_format=".1e",
        continuous_update=True, layout=_LAYOUT, style=_STYLE,
    )  # fmt: skip


def choice(symbol: str, options: Sequence, value=None) -> widgets.Dropdown:
    """A menu labelled with what it chooses; it shows the current choice. ``options``: labels, or
    ``(label, value)`` pairs."""
    first = options[0][1] if isinstance(options[0], tuple) else options[0]
    return widgets.Dropdown(
        options=list(options), value=first if value is None else value, description=symbol, layout=_LAYOUT,
        style=_STYLE,
    )  # fmt: skip


def _figure(size: tuple[float, float], interactive: bool) -> Figure:
    """A figure whose canvas is an ipympl widget (``interactive``) or plain Agg (for tests and images)."""
    fig = Figure(figsize=size, dpi=72, layout="constrained")
    if interactive:
        backend = matplotlib.get_backend()
        from ipympl.backend_nbagg import Canvas, FigureManager

        if matplotlib.get_backend() != backend:  # importing ipympl switches pyplot to it: the notebook's other
            matplotlib.use(backend)  # figures must stay what they were (inline images)

        canvas = Canvas(fig)
        with warnings.catch_warnings():  # ipympl 0.10's toolbar passes its canvas on to traitlets, which warns
            warnings.filterwarnings("ignore", "Passing unrecognized arguments", DeprecationWarning)
            FigureManager(canvas, next(_numbers))
        canvas.header_visible = canvas.footer_visible = canvas.toolbar_visible = False
        canvas.resizable = False
    else:
        FigureCanvasAgg(fig)
    return fig


class Demo:
    """One figure and at most :data:`MAX_CONTROLS` controls; moving a control redraws the artists in place.

    Parameters
    ----------
    controls : dict of str to ipywidgets.ValueWidget
        Keyword name (as passed to ``compute``) -> control. At most four.
    size : (float, float)
        Figure size in inches (at 72 dpi).
    interactive : bool
        An ipympl canvas (needs a running kernel to be seen) or a plain Agg one.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    controls : dict of str to ipywidgets.ValueWidget
    readout : ipywidgets.HTML
        A line or two of numbers under the controls, written by ``draw``.
    widget : ipywidgets.VBox
        Controls, readout and (when interactive) the canvas.
    """

    #: What to say in place of the widget where it cannot be shown (text/plain), in English, marked with ``N_`` in
    #: the subclass's module (:meth:`shown_title` gives it in the current language).
    title = N_("an interactive figure")
    #: Controls whose moves change only the animated artists (``animated=True``): those are blitted over the
    #: cached background (a few ms) instead of redrawing the whole figure (its axis text costs most).
    fast_controls: frozenset[str] = frozenset()

    def __init__(self, controls: dict[str, widgets.ValueWidget], size: tuple[float, float], interactive: bool):
        if len(controls) > MAX_CONTROLS:
            raise ValueError(
                _("controls: at most {most} controls, got {count}").format(most=MAX_CONTROLS, count=len(controls))
            )
        self.interactive = interactive
        self.figure = _figure(size, interactive)
        self.controls = dict(controls)
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="2.6em"))
        self.readout.style.font_size = f"{MIN_FONT_SIZE + 2}px"
        parts: list[widgets.Widget] = [widgets.HBox(list(self.controls.values()), layout=_row()), self.readout]
        if isinstance(self.figure.canvas, widgets.DOMWidget):
            parts.append(self.figure.canvas)
        self.widget = widgets.VBox(parts)
        self._background = None
        self.figure.canvas.mpl_connect("draw_event", self._on_draw)
        for name, control in self.controls.items():
            control.observe(lambda change, name=name: self._changed(name), names="value")

    # ------------------------------------------------------------------ what a subclass defines
    def compute(self, **values) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def draw(self, computed: dict[str, np.ndarray]) -> str:
        raise NotImplementedError

    def drawn(self) -> dict[str, np.ndarray]:
        raise NotImplementedError

    # ------------------------------------------------------------------ shared
    def values(self) -> dict:
        """The controls' current values, by keyword name."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values) -> None:
        """Move controls as a reader would (each move redraws)."""
        for name, value in values.items():
            if name not in self.controls:
                raise TypeError(
                    _("set() got an unknown control {name!r}; the controls are {controls}").format(
                        name=name, controls=list(self.controls)
                    )
                )
            self.controls[name].value = value

    def refresh(self, blit: bool = False) -> None:
        """Recompute from the controls' values and redraw the artists in place: only the animated ones over
        the cached background if ``blit`` (and a background is cached), else the whole figure."""
        self.readout.value = self.draw(self.compute(**self.values()))
        canvas = self.figure.canvas
        if blit and self._background is not None:
            canvas.restore_region(self._background)
            self._draw_animated()
            canvas.blit(self.figure.bbox)
        else:
            self._background = None
            canvas.draw_idle()

    def _changed(self, name: str) -> None:
        self.refresh(blit=name in self.fast_controls)

    def _animated(self) -> list:
        return [a for ax in self.figure.axes for a in ax.get_children() if a.get_animated() and a.get_visible()]

    def _draw_animated(self) -> None:
        for artist in self._animated():
            self.figure.draw_artist(artist)

    def _on_draw(self, event) -> None:
        """After every full draw (but a save's): cache the background, then draw the animated artists on it."""
        if getattr(self.figure.canvas, "_is_saving", False):
            return
        if self.figure.get_layout_engine() is not None:
            # The constrained layout has placed the axes: keep them there. Re-solving it at every draw would
            # cost about half of each redraw, and would make the panels jump when a label changes length.
            self.figure.set_layout_engine("none")
        self._background = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        self._draw_animated()

    def png(self) -> bytes:
        """The figure as it is now, animated artists included, as PNG bytes."""
        return still_png(self.figure, self._animated())

    def shown_title(self) -> str:
        """:attr:`title` in the current language, from the Chinese table of the module that defines the demo."""
        own = translator(type(self).__module__)(self.title)
        return own if own != self.title else _(self.title)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        data = self.widget._repr_mimebundle_(**kwargs) or {}
        return {**data, **picture_bundle(self.png(), self.shown_title())}


def _row() -> widgets.Layout:
    return widgets.Layout(flex_flow="row wrap")
