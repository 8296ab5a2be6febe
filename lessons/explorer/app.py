"""The explorer's controls and their wiring: the widget a notebook displays.

Notebook 07 gets the controls of its lesson: the data set, the learning rate η (with its readout
in units of the safe rate and of the edge), λ, and the time (Play and the step). A click on the
contours starts the run there; a click on a sample in the data view picks out its pull. Notebook 08
gets the same app with an optimiser menu, whose last entry races all five, in place of λ.
"""

from __future__ import annotations

import contextlib
import io

import ipywidgets as widgets
import numpy as np
from PIL import Image

from lessons import descent
from lessons._validate import as_positive_int
from lessons.display import picture_bundle
from lessons.explorer import layout
from lessons.explorer.view import ExplorerView
from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["Explorer"]

RACE = "race"  # the optimiser menu's entry that races all five


class Explorer:
    """Gradient descent on the logistic loss, animated and linked to the data.

    Parameters
    ----------
    problem : str
        A key of :data:`lessons.descent.EXPLORER_PROBLEMS`.
    steps : int
        The length of every run.
    learning_rate : float, optional
        Default: half the safe rate, ``1 / L``.
    lam : float
    start : (float, float), optional
        Default: the problem's own start point.
    method : str
        The optimiser, one of :data:`lessons.descent.METHOD_LABELS` (settings in
        :data:`lessons.descent.EXPLORER_OPTIONS`).
    compare : bool
        Race all five optimisers from the same start.
    optimisers : bool
        Show the optimiser menu (notebook 08) in place of the λ slider. True whenever
        ``method`` is not ``"gd"`` or ``compare`` is set.
    interactive : bool
        False draws on a plain Agg canvas, whatever the notebook's backend: for still images and
        pre-rendered animations (:meth:`frame_png`, :meth:`gif`).

    Attributes
    ----------
    widget : ipywidgets.Widget
        Display this.
    figure : matplotlib.figure.Figure
        ``figure.axes[0]`` is the parameter view.
    run : lessons.descent.Run
        The current run (in a race, the one of ``method``).
    others : dict
        ``{method: Run}`` in a race, else empty.
    """

    def __init__(
        self,
        problem: str = "overlapping",
        steps: int = 60,
        learning_rate: float | None = None,
        lam: float = 0.0,
        start: tuple[float, float] | None = None,
        method: str = "gd",
        compare: bool = False,
        optimisers: bool = False,
        interactive: bool = True,
    ):
        if problem not in descent.EXPLORER_PROBLEMS:
            raise ValueError(
                _("problem must be one of {choices}, got {problem!r}").format(
                    choices=descent.EXPLORER_PROBLEMS, problem=problem
                )
            )
        if method not in descent.METHOD_LABELS:
            raise ValueError(
                _("method must be one of {choices}, got {method!r}").format(
                    choices=tuple(descent.METHOD_LABELS), method=method
                )
            )
        self._updating = False  # the one re-entrancy guard: set while settings are changed together
        self.view = ExplorerView(interactive)
        self.figure = self.view.figure
        self.steps = as_positive_int(steps, "steps")
        self.method = method
        self.start = start
        self.run: descent.Run | None = None
        self.others: dict[str, descent.Run] = {}
        self.bounds = descent.Bounds(1.0, None)
        self.optimisers = bool(optimisers or compare or method != "gd")

        style = {"description_width": "120px"}
        self.w_problem = widgets.Dropdown(
            options=[(descent.PROBLEMS[k].title, k) for k in descent.EXPLORER_PROBLEMS],
            value=problem, description=_("data set"), style=style, layout=widgets.Layout(width="480px"),
        )  # fmt: skip
        methods = [(descent.method_label(key), key) for key in descent.METHOD_LABELS]
        self.w_method = widgets.Dropdown(
            options=[*methods, (_("all five: a race"), RACE)],
            value=RACE if compare else method, description=_("optimiser"), style=style,
            layout=widgets.Layout(width="480px"),
        )  # fmt: skip
        self.w_eta = widgets.FloatLogSlider(
            value=1.0, base=10, min=-3, max=3, step=0.01, description=_("learning rate η"), style=style,
            layout=widgets.Layout(width="480px"), readout_format=".3g",
        )  # fmt: skip
        self.w_rate = widgets.HTML()
        self.w_lam = widgets.FloatSlider(
            value=lam, min=0.0, max=1.0, step=0.01, description=_("λ (L2 penalty)"), style=style,
            layout=widgets.Layout(width="480px"),
        )  # fmt: skip
        self.w_play = widgets.Play(value=0, min=0, max=self.steps, step=1, interval=150, description=_("play"))
        self.w_step = widgets.IntSlider(
            value=0, min=0, max=self.steps, description=_("step k"), style=style, layout=widgets.Layout(width="410px")
        )
        widgets.jslink((self.w_play, "value"), (self.w_step, "value"))
        self.w_info = widgets.HTML(layout=widgets.Layout(width="560px"))

        self.view.set_steps(self.steps)
        self._set_problem(learning_rate, start)
        self.w_problem.observe(lambda change: self._set_problem(), names="value")
        for w in (self.w_eta, self.w_lam, self.w_method):
            w.observe(lambda change: self._recompute(), names="value")
        self.w_step.observe(lambda change: self.show_step(change["new"]), names="value")
        self.figure.canvas.mpl_connect("button_press_event", self._on_click)

        second = self.w_method if self.optimisers else self.w_lam
        controls = widgets.VBox(
            [self.w_problem, second, self.w_eta, self.w_rate, widgets.HBox([self.w_play, self.w_step])]
        )
        canvas = self.figure.canvas
        shown = [canvas] if isinstance(canvas, widgets.DOMWidget) else []
        self.widget = widgets.VBox([*shown, widgets.HBox([controls, self.w_info])])

    # ------------------------------------------------------------------ settings

    @property
    def problem(self) -> descent.Problem:
        return descent.get_problem(self.w_problem.value)

    @property
    def race(self) -> bool:
        return self.w_method.value == RACE

    @contextlib.contextmanager
    def _changing(self):
        """Change several settings as one: observers fire, but nothing recomputes until the end."""
        self._updating = True
        try:
            yield
        finally:
            self._updating = False

    def _set_problem(self, learning_rate: float | None = None, start: tuple[float, float] | None = None) -> None:
        """A new data set: its own start, the η slider's range, the data layer, then a new run."""
        p = self.problem
        calm = descent.problem_bounds(p, 0.0)
        top = calm.edge if calm.edge is not None else 25 * calm.safe
        with self._changing():
            self.w_eta.min, self.w_eta.max = -12, 12  # widen first, so that no clamping fires midway
            eta = learning_rate if learning_rate is not None else calm.safe / 2
            self.w_eta.value = eta
            self.w_eta.min = round(float(np.log10(calm.safe / 20)), 2)
            self.w_eta.max = round(float(np.log10(4 * top)), 2)
            self.w_eta.value = float(np.clip(eta, 10**self.w_eta.min, 10**self.w_eta.max))
            self.view.set_problem(p)
        self.start = start if start is not None else p.start
        self._recompute(full=True)

    def _recompute(self, full: bool = False) -> None:
        """New settings: recompute the runs (milliseconds) and show them; redraw fully only if needed."""
        if self._updating:
            return
        p, lam = self.problem, self.w_lam.value
        race = self.race
        if not race:
            self.method = self.w_method.value
        method = self.method
        self.bounds = descent.problem_bounds(p, lam)
        eta = self.w_eta.value
        self.w_eta.disabled = method == "newton" and not race
        self.run = descent.descend(p, lam, eta, self.steps, self.start, method)
        self.others = descent.race(p, lam, eta, self.steps, self.start) if race else {}
        self.w_rate.value = layout.rate_html(eta, self.bounds)
        surface_before = self.view._surface_key
        self.view.set_surface(lam, race, method)
        self.view.set_run(self.run, self.others, layout.headline(self.run, self.bounds, race))
        if full or self.view._surface_key != surface_before:
            self.view.frame = self.w_step.value
            self.view.redraw()
        else:
            self.view.show(self.w_step.value)
        self._update_info()

    def _on_click(self, event) -> None:
        """A click on the contours starts the run there; on the data view, picks the nearest sample."""
        if event.xdata is None:
            return
        if event.inaxes is self.view.ax_p:
            self.start = (float(event.xdata), float(event.ydata))
            self._recompute()
        elif event.inaxes is self.view.ax_d:
            self.select_nearest(event.x, event.y)

    def select_nearest(self, x_pixels: float, y_pixels: float) -> None:
        """Pick out the sample nearest to a point of the data view (in pixels), or none if it is far."""
        shown = self.view.ax_d.transData.transform(self.view.points)
        distance = np.hypot(shown[:, 0] - x_pixels, shown[:, 1] - y_pixels)
        i = int(np.argmin(distance))
        self.view.selected = i if distance[i] < 15 and i != self.view.selected else None
        self.show_step(self.view.frame)

    # ------------------------------------------------------------------ frames and numbers

    @property
    def frame(self) -> int:
        return self.view.frame

    def show_step(self, k: int) -> None:
        """Show step ``k`` of the current run (what Play does): blit the moving artists, update the numbers."""
        if self._updating:
            return
        self.view.show(k)
        self._update_info()

    def _update_info(self) -> None:
        self.w_info.value = layout.info_html(
            self.problem, self.run, self.view.frame, self.w_lam.value, self.view.selected
        )

    def info_text(self) -> str:
        """The numbers panel as plain text."""
        return layout.html_to_text(self.w_info.value)

    def drawn_path(self) -> np.ndarray:
        """The path currently drawn in the parameter view, shape (k + 1, 2)."""
        return np.column_stack(self.view.path.get_data())

    def _repr_mimebundle_(self, **kwargs) -> dict:
        """Displayed: the live widget, and a still picture of its current step for readers without a kernel."""
        data = self.widget._repr_mimebundle_(**kwargs) or {}
        return {**data, **picture_bundle(self.view.still_png(), _("The gradient-descent explorer"))}

    def frame_rgb(self, k: int, redraw: bool = False) -> np.ndarray:
        """Step ``k`` rendered, as an RGB array (h, w, 3); see :meth:`ExplorerView.frame_rgb`."""
        return self.view.frame_rgb(int(min(max(k, 0), self.run.steps)), redraw)

    def frame_png(self, k: int | None = None) -> bytes:
        """Step ``k`` (default: the last) as PNG bytes, for a still figure."""
        k = self.run.steps if k is None else k
        with io.BytesIO() as out:
            Image.fromarray(self.frame_rgb(k)).save(out, format="png")
            return out.getvalue()

    def gif(self, frames: int = 30, ms_per_frame: int = 150, colours: int = 256) -> bytes:
        """An animated GIF of the run at full size (12 pt text), which plays without a kernel.

        Parameters
        ----------
        frames : int
            Number of frames, spread evenly over the run (the last step included).
        ms_per_frame : int
        colours : int
            Palette size (smaller files).

        Returns
        -------
        bytes
        """
        ks = np.unique(np.linspace(0, self.run.steps, frames).round().astype(int))
        images = [
            Image.fromarray(self.frame_rgb(int(k))).convert("P", palette=Image.ADAPTIVE, colors=colours) for k in ks
        ]
        durations = [ms_per_frame] * (len(images) - 1) + [2000]
        with io.BytesIO() as out:
            images[0].save(out, format="gif", save_all=True, append_images=images[1:], duration=durations, loop=0)
            return out.getvalue()
