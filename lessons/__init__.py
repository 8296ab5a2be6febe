"""Helpers for the logistic-regression notebook series.

The notebooks teach the math; this package holds the tested reference
version of it, plus the plumbing that would distract from a lesson.
"""

from lessons import data, gradcheck, model, style

style.apply()  # projector-friendly, colour-blind-safe figures in every notebook (see lessons.style)

__version__ = "0.1.0"
__all__ = ["data", "gradcheck", "model", "style", "__version__"]
