"""Point every Binder and nbviewer link at another GitHub repository: a fork's.

    python -m tools.repoint someone/fork     (make repoint REPO=someone/fork)
    python -m tools.repoint                  (the repository of `git remote get-url origin`)

Rewrites ``REPOSITORY`` in tools/curriculum.py, re-runs the curriculum sync (the README's table, notebook 00's
map, every notebook's badge line), then replaces the old ``owner/name`` in every other tracked text file.
Prints the files it changed. Running it twice with the same slug changes nothing the second time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tools import curriculum

ROOT = Path(__file__).resolve().parents[1]
SLUG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
_LINE = re.compile(r'^REPOSITORY = "([^"]+)"$', re.M)


def slug_from_remote(url: str) -> str:
    """``owner/name`` from a GitHub remote URL (``https://github.com/owner/name(.git)`` or
    ``git@github.com:owner/name(.git)``)."""
    m = re.match(
        r"^(?:https?://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com/)([^/]+/[^/]+?)(?:\.git)?/?$",
        url.strip(),
    )
    if not m:
        raise ValueError(
            f"url: expected a GitHub remote (https://github.com/owner/name or git@github.com:owner/name), got {url!r}"
        )
    return m.group(1)


def tracked_files(root: Path) -> list[Path]:
    """The files of ``root`` git knows or would add: tracked, or new and not ignored (without git: every file but
    .venv, build and caches)."""
    try:
        cmd = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        out = subprocess.run(cmd, cwd=root, capture_output=True, check=True).stdout
        return [root / p for p in out.decode().split("\0") if p]
    except (subprocess.CalledProcessError, FileNotFoundError):
        skip = {".venv", "build", ".git", "__pycache__", ".pytest_cache", ".hypothesis", "screenshots"}
        return [p for p in root.rglob("*") if p.is_file() and not skip & set(p.relative_to(root).parts)]


def repoint(new: str, root: Path = ROOT) -> list[str]:
    """Point the series' links at ``new`` (``owner/name``); return the files changed."""
    if not isinstance(new, str) or not SLUG.match(new):
        raise ValueError(f"new: expected a GitHub repository as owner/name, got {new!r}")
    source = root / "tools" / "curriculum.py"
    text = source.read_text(encoding="utf-8")
    old = _LINE.search(text).group(1)
    changed = []
    if new != old:
        source.write_text(_LINE.sub(f'REPOSITORY = "{new}"', text), encoding="utf-8")
        changed.append(str(source))
    curriculum.REPOSITORY = new
    changed += curriculum.sync(root)
    for path in tracked_files(root):
        if path == source or not path.exists():
            continue
        try:
            body = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, IsADirectoryError):
            continue
        if old in body and old != new:
            path.write_text(body.replace(old, new), encoding="utf-8")
            changed.append(str(path))
    return sorted(set(changed))


def main(argv: list[str]) -> int:
    if argv:
        new = argv[0]
    else:
        url = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        new = slug_from_remote(url)
    for name in repoint(new):
        print(f"updated {Path(name).relative_to(ROOT) if Path(name).is_relative_to(ROOT) else name}")
    print(f"links now point at {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
