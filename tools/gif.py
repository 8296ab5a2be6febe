"""The README's animation, ``docs/explorer.gif``: ``python -m tools.gif`` (``make gif``)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from lessons import style  # noqa: E402
from lessons.explorer import Explorer  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "docs" / "explorer.gif"


def main(out: Path = OUT) -> Path:
    """Render 80 steps on *overlapping classes* at the default rate, 30 frames, full width."""
    style.apply()
    out.write_bytes(Explorer("overlapping", steps=80, interactive=False).gif(frames=30))
    return out


if __name__ == "__main__":
    print(f"wrote {main()}")
