"""The series' figure style: readable on a projector, safe for colour-blind readers.

Applied by :func:`apply`, which every notebook's setup cell calls (importing :mod:`lessons` changes nothing):

* every text at 12 pt or more (titles 13 pt);
* ``viridis`` as the default colour map (perceptually uniform, colour-blind safe);
* the ``tableau-colorblind10`` colour cycle for lines and markers.

Notebooks and ``lessons`` pass no font size below :data:`MIN_FONT_SIZE` and use
only the colour maps in :data:`COLOUR_MAPS` (a test checks both).
"""

from __future__ import annotations

import matplotlib as mpl
from matplotlib import style as mpl_style

__all__ = ["MIN_FONT_SIZE", "COLOUR_MAPS", "RC", "OPTIMISER_STYLES", "OPTIMISER_COLOUR_NAMES", "apply"]

MIN_FONT_SIZE = 12
#: Colour maps that are perceptually ordered and colour-blind safe (sequential, or diverging from ColorBrewer).
COLOUR_MAPS = ("viridis", "cividis", "magma", "inferno", "plasma", "Blues", "Greys", "RdBu", "PuOr", "coolwarm")

#: One look per optimiser wherever optimisers are compared: five Okabe–Ito hues that colour-blind readers can tell
#: apart, and a line style and a marker each, so that the lines differ even in grey.
OPTIMISER_STYLES: dict[str, dict[str, str]] = {
    "gd": {"color": "#0072B2", "linestyle": "-", "marker": "o"},
    "sgd": {"color": "#E69F00", "linestyle": ":", "marker": "v"},
    "momentum": {"color": "#009E73", "linestyle": "--", "marker": "s"},
    "adam": {"color": "#CC79A7", "linestyle": "-.", "marker": "D"},
    "newton": {"color": "#000000", "linestyle": "-", "marker": "*"},
}
#: How the text names those colours and styles.
OPTIMISER_COLOUR_NAMES: dict[str, str] = {
    "gd": "blue, solid, dots",
    "sgd": "orange, dotted, triangles",
    "momentum": "green, dashed, squares",
    "adam": "pink, dash-dotted, diamonds",
    "newton": "black, solid, stars",
}

RC = {
    "font.size": MIN_FONT_SIZE,
    "axes.titlesize": MIN_FONT_SIZE + 1,
    "axes.labelsize": MIN_FONT_SIZE,
    "xtick.labelsize": MIN_FONT_SIZE,
    "ytick.labelsize": MIN_FONT_SIZE,
    "legend.fontsize": MIN_FONT_SIZE,
    "legend.title_fontsize": MIN_FONT_SIZE,
    "figure.titlesize": MIN_FONT_SIZE + 2,
    "image.cmap": "viridis",
}


def apply() -> None:
    """Set the series' style in matplotlib's global settings (idempotent)."""
    cycle = mpl_style.library["tableau-colorblind10"]["axes.prop_cycle"]
    mpl.rcParams.update({**RC, "axes.prop_cycle": cycle})
