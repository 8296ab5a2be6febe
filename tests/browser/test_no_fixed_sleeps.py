"""The browser helpers wait on conditions, not on fixed sleeps. A static check: needs no browser.

A fixed pause is either too short on a busy machine (a flaky test) or too long on an idle one (a slow
suite); a wait on the condition the pause stands for (``page.wait_for_function``, ``locator.wait_for``,
Playwright's ``expect``; a cell has run, a widget has rendered, a canvas has changed) is neither. So no
``wait_for_timeout(...)`` or ``sleep(...)`` (``time.sleep``, ``asyncio.sleep``) in tests/browser/*.py or
benchmarks/explorer_browser.py, but for the few in ALLOWED, each with the reason no condition will do.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FILES = sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name) + [
    ROOT / "benchmarks" / "explorer_browser.py"
]
FIXED_PAUSE = re.compile(r"\b(?:wait_for_timeout|sleep)\s*\(")

#: (file, the line's code, stripped) -> why no condition will do. Each must match exactly one line.
ALLOWED = {
    ("helpers.py", "time.sleep(delay)"): (
        "press_keys paces key presses on a schedule (one every interval_ms): the pause is the input being "
        "simulated, not a wait for something to happen"
    ),
}


def code_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, code stripped) of each line of ``path`` with a fixed pause in its code (not its comment)."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            row, col = tok.start
            lines[row - 1] = lines[row - 1][:col]
    return [(n, line.strip()) for n, line in enumerate(lines, start=1) if FIXED_PAUSE.search(line)]


def test_the_files_are_there():
    names = {p.name for p in FILES}
    assert {"helpers.py", "conftest.py", "explorer_browser.py"} <= names
    assert all(p.exists() for p in FILES)


def test_no_fixed_sleeps_outside_the_allow_list():
    seen: dict[tuple[str, str], int] = {}
    bad = []
    for path in FILES:
        for n, line in code_lines(path):
            key = (path.name, line)
            if key in ALLOWED:
                seen[key] = seen.get(key, 0) + 1
            else:
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line}")
    assert not bad, "fixed sleeps; wait on the condition they stand for instead:\n" + "\n".join(bad)
    assert all(seen.get(key) == 1 for key in ALLOWED), f"allow-list entries matching no line, or several: {seen}"


def test_the_check_catches_a_fixed_sleep(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import time\n"
        "def f(page):\n"
        "    page.wait_for_timeout(2500)  # a fixed pause\n"
        "    # time.sleep(1) in a comment is no pause\n"
        "    time.sleep(0.5)\n"
        "    page.wait_for_function('() => true')\n",
        encoding="utf-8",
    )
    assert [n for n, _ in code_lines(sample)] == [3, 5]
