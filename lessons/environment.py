"""The environment self-check shown in notebook 00."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["VersionReport", "check_versions", "KEY_PACKAGES"]

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
        py = "ok" if sys.version_info[:2] == (3, 11) else "expected 3.11"
        lines = [f"{'Python':<14}{'3.11':>10}{self.python:>10}  {py}"]
        for name, pinned, installed in self.rows:
            flag = "ok" if pinned == installed else "MISMATCH: run `make lab` (or pip install -r requirements.txt)"
            lines.append(f"{name:<14}{pinned:>10}{installed:>10}  {flag}")
        head = f"{'package':<14}{'pinned':>10}{'installed':>10}"
        return "\n".join([head, "-" * len(head), *lines])


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
            installed = "missing"
        rows.append((name, pins.get(name, "unpinned"), installed))
    return VersionReport(f"{sys.version_info[0]}.{sys.version_info[1]}", rows)
