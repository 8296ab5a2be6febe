"""The environment self-check shown in notebook 00."""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from lessons.i18n import N_, translator

_ = translator(__name__)

__all__ = ["VersionReport", "check_versions", "KEY_PACKAGES"]

#: What a row shows for a package that is not installed, or not pinned in requirements.txt.
_MISSING = N_("missing")
_UNPINNED = N_("unpinned")

KEY_PACKAGES = (
    "numpy",
    "sympy",
    "mpmath",
    "matplotlib",
    "scikit-learn",
    "ipywidgets",
    "ipympl",
    "jupyterlab",
    "ipykernel",
    "nbval",
)


@dataclass
class VersionReport:
    """Installed vs pinned version of each key package."""

    python: str
    rows: list[tuple[str, str, str]]  # (package, pinned, installed)

    @property
    def ok(self) -> bool:
        return sys.version_info[:2] == (3, 11) and all(p == i for _, p, i in self.rows)

    def __str__(self) -> str:
        py = _("ok") if sys.version_info[:2] == (3, 11) else _("expected 3.11")
        lines = [_row("Python", "3.11", self.python, py)]
        for name, pinned, installed in self.rows:
            flag = (
                _("ok") if pinned == installed else _("MISMATCH: run `make lab` (or pip install -r requirements.txt)")
            )
            lines.append(_row(name, _shown(pinned), _shown(installed), flag))
        head = _row(_("package"), _("pinned"), _("installed"))
        return "\n".join([head, "-" * _width(head), *lines])


def _width(text: str) -> int:
    """The columns ``text`` takes in a monospaced font: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _row(name: str, pinned: str, installed: str, flag: str | None = None) -> str:
    """One line of the report: the name left-aligned in 14 columns, the versions right-aligned in 10 each."""
    line = name + " " * (14 - _width(name))
    for cell in (pinned, installed):
        line += " " * (10 - _width(cell)) + cell
    return line if flag is None else f"{line}  {flag}"


def _shown(version: str) -> str:
    """A version as the report shows it: "missing" and "unpinned" in the learner's language."""
    return _(version) if version in (_MISSING, _UNPINNED) else version


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)==([^\s#;]+)", line)
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def check_versions(requirements: str | Path | None = None) -> VersionReport:
    """Compare installed versions of :data:`KEY_PACKAGES` with ``requirements.txt``.

    Parameters
    ----------
    requirements : path, optional
        Default: the ``requirements.txt`` next to the ``lessons`` package.

    Returns
    -------
    VersionReport
        ``str()`` gives a table; ``.ok`` is True when everything matches.
    """
    path = Path(requirements) if requirements else Path(__file__).resolve().parents[1] / "requirements.txt"
    pins = _pins(path) if path.exists() else {}
    rows = []
    for name in KEY_PACKAGES:
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = _MISSING
        rows.append((name, pins.get(name, _UNPINNED), installed))
    return VersionReport(f"{sys.version_info[0]}.{sys.version_info[1]}", rows)
