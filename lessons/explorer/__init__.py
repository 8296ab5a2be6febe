"""The gradient-descent explorer: gradient descent animated on the loss surface, linked to the data.

Three parts, each testable on its own:

* :mod:`lessons.explorer.layout`: what is drawn and said, as pure functions (the gradient picture
  fitted to the view, the numbers panel, the learning-rate readout);
* :mod:`lessons.explorer.view`: the figure, its artists and blitting;
* :mod:`lessons.explorer.app`: :class:`Explorer`, the controls and their wiring.

The mathematics (runs, bounds, minimisers) is in :mod:`lessons.descent`.
"""

from lessons.explorer.app import Explorer

__all__ = ["Explorer"]
