"""Every notebook widget (lessons.demos), without a display: each control at its extremes raises nothing and
warns nothing, and after every move the artists show exactly what ``compute`` gives for the controls' values.
The mathematics of each demo is tested against the package's reference in tests/unit/test_demos_math.py."""

from __future__ import annotations

import importlib
import pkgutil
import warnings

import ipywidgets as widgets
import numpy as np
import pytest

import lessons.demos
from lessons.demos.base import MAX_CONTROLS, Demo

MODULES = [m.name for m in pkgutil.iter_modules(lessons.demos.__path__) if m.name != "base"]


def demo_classes():
    found = []
    for name in MODULES:
        module = importlib.import_module(f"lessons.demos.{name}")
        found += [
            obj for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, Demo) and obj is not Demo and obj.__module__ == module.__name__
        ]  # fmt: skip
    return found


DEMOS = demo_classes()


def extremes(control: widgets.ValueWidget) -> list:
    if isinstance(control, widgets.FloatLogSlider):
        return [control.base**control.min, control.base**control.max]
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        return [control.min, control.max]
    if isinstance(control, widgets.Dropdown):
        return [o[1] if isinstance(o, tuple) else o for o in control.options]
    if isinstance(control, widgets.Checkbox):
        return [True, False]
    raise AssertionError(f"no extremes known for {type(control).__name__}")


def assert_shows_what_is_computed(demo: Demo) -> None:
    computed = demo.compute(**demo.values())
    drawn = demo.drawn()
    assert drawn, "drawn() reads nothing back"
    for key, value in drawn.items():
        np.testing.assert_allclose(value, computed[key], rtol=1e-12, atol=0, err_msg=key)


def test_every_demo_module_has_a_demo():
    assert {c.__module__.rsplit(".", 1)[1] for c in DEMOS} == set(MODULES)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.mark.parametrize("cls", DEMOS, ids=lambda c: c.__name__)
def test_every_control_at_its_extremes(cls):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        demo = cls(interactive=False)
        assert 1 <= len(demo.controls) <= MAX_CONTROLS
        assert_shows_what_is_computed(demo)
        start = demo.values()
        for name, control in demo.controls.items():
            assert control.description, f"{cls.__name__}.{name} has no label"
            for value in extremes(control):
                demo.set(**{name: value})
                assert_shows_what_is_computed(demo)
                assert demo.readout.value.strip()
        # every control at its extremes at once, in every corner of the first two
        names = list(demo.controls)
        for a in extremes(demo.controls[names[0]]):
            for b in extremes(demo.controls[names[-1]]):
                demo.set(**{names[0]: a, names[-1]: b})
                assert_shows_what_is_computed(demo)
        demo.set(**start)
        assert_shows_what_is_computed(demo)


@pytest.mark.parametrize("cls", DEMOS, ids=lambda c: c.__name__)
def test_displayed_with_a_picture_for_readers_without_a_kernel(cls):
    demo = cls(interactive=False)
    bundle = demo._repr_mimebundle_()
    assert bundle["image/png"] and "run the notebook" in bundle["text/plain"]
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_the_interactive_canvas_is_an_ipympl_widget_in_the_layout():
    cls = DEMOS[0]
    demo = cls(interactive=True)
    assert isinstance(demo.figure.canvas, widgets.DOMWidget)
    assert demo.figure.canvas in demo.widget.children


def test_at_most_four_controls():
    with pytest.raises(ValueError, match="controls: at most 4"):
        Demo({str(i): widgets.FloatSlider(description=str(i)) for i in range(5)}, (4, 3), interactive=False)


def test_an_unknown_control_is_named():
    demo = DEMOS[0](interactive=False)
    with pytest.raises(TypeError, match="unknown control 'nope'"):
        demo.set(nope=1)


def canvas_rgba(demo: Demo) -> np.ndarray:
    return np.asarray(demo.figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("cls", [c for c in DEMOS if c.fast_controls], ids=lambda c: c.__name__)
def test_a_blitted_move_shows_the_same_pixels_as_a_full_redraw(cls):
    """Fast controls only move animated artists: blitting them over the cached background must give exactly
    the picture a full redraw gives, and the still picture (PNG) must show them too."""
    from io import BytesIO

    from PIL import Image

    demo = cls(interactive=False)
    demo.figure.canvas.draw()
    for name in sorted(demo.fast_controls):
        for value in extremes(demo.controls[name])[::-1]:
            demo.set(**{name: value})
            blitted = canvas_rgba(demo)
            demo.refresh()  # a full draw (immediate on Agg)
            np.testing.assert_array_equal(blitted, canvas_rgba(demo), err_msg=f"{name} = {value}")
            still = np.asarray(Image.open(BytesIO(demo.png())).convert("RGBA"))
            assert still.shape == blitted.shape
            # the same picture, up to the order in which overlapping artists are drawn (on screen the animated
            # ones come last; in the PNG, by z-order)
            assert np.mean(np.any(still != blitted, axis=-1)) < 0.01, "the PNG differs from the screen"


def test_a_live_widget_leaves_the_notebook_s_other_figures_alone():
    """ipympl switches pyplot's backend to itself when first imported; a demo switches it back, so that the
    figures a notebook draws after its widget stay inline images."""
    import subprocess
    import sys

    code = (
        "import matplotlib; matplotlib.use('agg'); import matplotlib.pyplot as plt\n"
        "from lessons.demos.likelihood import LikelihoodDemo\n"
        "LikelihoodDemo(interactive=True)\n"
        "print(matplotlib.get_backend(), type(plt.figure().canvas).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["agg", "FigureCanvasAgg"], out


@pytest.mark.parametrize("cls", [c for c in DEMOS if c.fast_controls], ids=lambda c: c.__name__)
def test_the_still_picture_shows_the_moving_artists(cls):
    """The PNG for readers without a kernel is not the background alone: the animated artists are in it."""
    from io import BytesIO

    from PIL import Image

    demo = cls(interactive=False)
    demo.figure.canvas.draw()
    moving = demo._animated()
    for artist in moving:
        artist.set_visible(False)
    background = np.asarray(Image.open(BytesIO(demo.png())).convert("RGBA"))
    for artist in moving:
        artist.set_visible(True)
    still = np.asarray(Image.open(BytesIO(demo.png())).convert("RGBA"))
    assert np.any(still != background)
