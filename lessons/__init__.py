"""Helpers for the logistic-regression notebook series.

The notebooks teach the math; this package holds the tested reference
version of it, plus the plumbing that would distract from a lesson.
"""

from lessons import data, gradcheck, model, style
from lessons.exceptions import ConvergenceWarning

# Importing changes no global state: each notebook's setup cell calls ``lessons.style.apply()``.

__version__ = "0.1.0"
__all__ = ["data", "gradcheck", "model", "style", "ConvergenceWarning", "__version__"]
