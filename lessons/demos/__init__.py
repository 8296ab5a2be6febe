"""One widget per notebook, each making one point (see each module's docstring).

The shared machinery is in :mod:`lessons.demos.base`; each module keeps its mathematics in plain functions,
tested without a display, apart from the :class:`~lessons.demos.base.Demo` subclass that draws it.
"""

from lessons.demos.base import MAX_CONTROLS, Demo

__all__ = ["Demo", "MAX_CONTROLS"]
