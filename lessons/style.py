"""The series' figure style: readable on a projector, safe for colour-blind readers.

Applied by :func:`apply`, which every notebook's setup cell calls (importing :mod:`lessons` changes nothing):

* every text at 12 pt or more (titles 13 pt);
* ``viridis`` as the default colour map (perceptually uniform, colour-blind safe);
* the ``tableau-colorblind10`` colour cycle for lines and markers;
* Chinese text drawn in Noto Sans CJK SC (from the ``mplfonts`` wheel, so every machine that installed the
  requirements has it): matplotlib takes each glyph from the first font in :data:`FONT_FAMILY` that has it, so
  Latin, Greek and mathematical symbols stay in DejaVu Sans and Chinese characters come from Noto.

Notebooks and ``lessons`` pass no font size below :data:`MIN_FONT_SIZE` and use
only the colour maps in :data:`COLOUR_MAPS` (a test checks both).
"""

from __future__ import annotations

import logging
from importlib import resources

import matplotlib as mpl
from matplotlib import font_manager
from matplotlib import style as mpl_style

from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = [
    "MIN_FONT_SIZE",
    "FONT_FAMILY",
    "CJK_FONT_FILE",
    "cjk_font_path",
    "COLOUR_MAPS",
    "RC",
    "OPTIMISER_STYLES",
    "OPTIMISER_COLOUR_NAMES",
    "optimiser_colour_name",
    "apply",
]

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
#: How the text names those colours and styles, in English (:func:`optimiser_colour_name` gives them in the current
#: language).
OPTIMISER_COLOUR_NAMES: dict[str, str] = {
    "gd": N_("blue, solid, dots"),
    "sgd": N_("orange, dotted, triangles"),
    "momentum": N_("green, dashed, squares"),
    "adam": N_("pink, dash-dotted, diamonds"),
    "newton": N_("black, solid, stars"),
}


def optimiser_colour_name(method: str) -> str:
    """How the text names the colour and style of ``method`` (a key of :data:`OPTIMISER_STYLES`), in the current
    language (:mod:`lessons.i18n`)."""
    return _(OPTIMISER_COLOUR_NAMES[method])


#: The fonts, in order of preference for each glyph: Latin, Greek and symbols first, then Chinese.
FONT_FAMILY = ["DejaVu Sans", "Noto Sans CJK SC"]
#: Noto Sans CJK SC (SIL Open Font License), as the ``mplfonts`` package ships it.
CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"

RC = {
    "font.family": FONT_FAMILY,
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


def cjk_font_path() -> str:
    """Where Noto Sans CJK SC is installed (inside the ``mplfonts`` package; its code is not imported)."""
    spec = resources.files("mplfonts") if _has_mplfonts() else None
    if spec is None:
        raise ModuleNotFoundError(_("mplfonts is not installed: run `make lab` or `pip install -r requirements.txt`"))
    return str(spec / "fonts" / CJK_FONT_FILE)


def _has_mplfonts() -> bool:
    from importlib.util import find_spec

    return find_spec("mplfonts") is not None


class _OneWeightIsEnough(logging.Filter):
    """Noto Sans CJK SC comes in one weight: a bold title's Chinese characters are drawn regular, which matplotlib
    would log as a failure on every bold text (even Latin, since the family is in the fallback list)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.getMessage().startswith("findfont: Failed to find font weight") and FONT_FAMILY[1] in
                    record.getMessage())  # fmt: skip


def _register_cjk_font() -> None:
    logger = logging.getLogger("matplotlib.font_manager")
    if not any(isinstance(f, _OneWeightIsEnough) for f in logger.filters):
        logger.addFilter(_OneWeightIsEnough())
    names = {f.name for f in font_manager.fontManager.ttflist}
    if FONT_FAMILY[1] in names:
        return
    if not _has_mplfonts():  # `pip install .` without the lab extra: Latin text still works
        import warnings

        warnings.warn(
            "mplfonts is not installed, so figures cannot show Chinese text: pip install -r requirements.txt "
            "(or pip install 'lessons[lab]')",
            UserWarning,
            stacklevel=3,
        )
        return
    font_manager.fontManager.addfont(cjk_font_path())


def apply() -> None:
    """Set the series' style in matplotlib's global settings (idempotent)."""
    _register_cjk_font()
    cycle = mpl_style.library["tableau-colorblind10"]["axes.prop_cycle"]
    mpl.rcParams.update({**RC, "axes.prop_cycle": cycle})
