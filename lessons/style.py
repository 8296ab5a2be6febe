"""The series' figure style: readable on a projector, safe for colour-blind readers.

Applied when :mod:`lessons` is imported, so every notebook gets it:

* every text at 12 pt or more (titles 13 pt);
* ``viridis`` as the default colour map (perceptually uniform, colour-blind safe);
* the ``tableau-colorblind10`` colour cycle for lines and markers.

Notebooks and ``lessons`` pass no font size below :data:`MIN_FONT_SIZE` and use
only the colour maps in :data:`COLOUR_MAPS` (a test checks both).
"""

from __future__ import annotations

import matplotlib as mpl
from matplotlib import style as mpl_style

__all__ = ["MIN_FONT_SIZE", "COLOUR_MAPS", "RC", "apply"]

MIN_FONT_SIZE = 12
#: Colour maps that are perceptually ordered and colour-blind safe (sequential, or diverging from ColorBrewer).
COLOUR_MAPS = ("viridis", "cividis", "magma", "inferno", "plasma", "Blues", "Greys", "RdBu", "PuOr", "coolwarm")

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
