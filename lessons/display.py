"""Displaying a widget so that readers without a kernel still see its picture.

A widget's display bundle gets a PNG of its figure and a one-line text. JupyterLab with a kernel shows the
widget; nbconvert (nbviewer, the HTML export) and GitHub show the PNG, since the notebooks are saved without
widget state, as JupyterLab saves them (``tools/execute.py``).
"""

from __future__ import annotations

import base64
import io

from matplotlib.figure import Figure

from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["figure_png", "still_png", "picture_bundle"]


def figure_png(figure: Figure) -> bytes:
    """``figure`` as it is now, as PNG bytes (at its own dpi)."""
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=figure.dpi)
    return buf.getvalue()


def still_png(figure: Figure, moving: list) -> bytes:
    """``figure`` as PNG bytes with its ``moving`` (animated, blitted) artists drawn as ordinary ones: a savefig
    skips animated artists. Their animated flag is restored afterwards."""
    moving = [a for a in moving if a.get_animated()]
    for artist in moving:
        artist.set_animated(False)
    try:
        return figure_png(figure)
    finally:
        for artist in moving:
            artist.set_animated(True)


def picture_bundle(png: bytes, title: str) -> dict:
    """What a widget's display adds for readers without a kernel: ``png``, and ``title`` as one line of text."""
    text = _("{title} (run the notebook to move its controls)").format(title=title)
    return {"text/plain": text, "image/png": base64.b64encode(png).decode("ascii")}
