"""The canary: the unit tests and every notebook under nbval against the newest release of every dependency.

    python -m tools.latest [--report build/latest-report.md] [--workdir build/latest]    (make test-latest)

1. Copies the source (the files git knows: tracked, or new and not ignored) into ``<workdir>/src``, so the
   committed notebooks are never touched; builds ``<workdir>/venv``, not ``.venv``.
2. Installs every package of requirements.txt with its pin lifted (``name`` instead of ``name==x.y``), at the
   newest release the package index offers, then the ``lessons`` package itself.
3. Runs ``tests/unit`` and ``--nbval notebooks`` there, each with a JUnit XML report.
4. Prints (and writes to ``--report``) a Markdown report: which packages moved, from what version to what; which
   tests and notebook cells failed, with the first lines of each failure (for a notebook cell, the first
   differing output).

Exits 1 if anything failed, else 0.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
import venv
import xml.etree.ElementTree as ET
from pathlib import Path

from tools.repoint import tracked_files

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;#]+)")


def pins(requirements: Path) -> dict[str, str]:
    """``{name: pinned version}`` from a requirements file of exact pins (comments and blank lines skipped)."""
    found = {}
    for line in requirements.read_text(encoding="utf-8").splitlines():
        m = PIN.match(line.strip())
        if m:
            found[_norm(m.group(1))] = m.group(2)
    return found


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def moved(pinned: dict[str, str], installed: dict[str, str]) -> list[tuple[str, str, str]]:
    """``(name, pinned, installed)`` for each pinned package whose installed version differs."""
    return [(n, v, installed.get(n, "missing")) for n, v in sorted(pinned.items()) if installed.get(n) != v]


def failures(junit: Path, lines: int = 12) -> tuple[int, list[tuple[str, str]]]:
    """(tests run, [(test id, first lines of its failure)]) from a JUnit XML report."""
    if not junit.exists():
        return 0, [("(no report)", "pytest wrote no JUnit report: it did not start; see its output above")]
    root = ET.parse(junit).getroot()
    cases = root.iter("testcase")
    run, failed = 0, []
    for case in cases:
        run += 1
        for tag in ("failure", "error"):
            bad = case.find(tag)
            if bad is not None:
                name = f"{case.get('classname', '')}::{case.get('name', '')}"
                failed.append((name, first_difference(bad.get("message", ""), bad.text or "", lines)))
    return run, failed


def first_difference(message: str, text: str, lines: int = 12) -> str:
    """The most telling lines of a failure: for nbval, from its first mismatch or error on; else the end of
    the traceback."""
    body = text.splitlines()
    for marker in ("mismatch", "Notebook cell execution failed", "Error", "assert"):
        for i, line in enumerate(body):
            if marker in line:
                return "\n".join(body[i : i + lines])
    return "\n".join((message.splitlines() or body)[-lines:])


def _run(cmd: list[str], cwd: Path, env: dict | None = None) -> int:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=cwd, env=env).returncode


def build(workdir: Path) -> tuple[Path, dict[str, str]]:
    """The copy of the source and its fresh environment with every pin lifted; returns (src, installed)."""
    src, env_dir = workdir / "src", workdir / "venv"
    shutil.rmtree(workdir, ignore_errors=True)
    for path in tracked_files(ROOT):
        if path.is_file():
            target = src / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    venv.create(env_dir, with_pip=True)
    py = str(env_dir / "bin" / "python")
    names = list(pins(src / "requirements.txt"))
    for cmd in (
        [py, "-m", "pip", "install", "-q", "--upgrade", "pip"],
        [py, "-m", "pip", "install", "-q", "--upgrade", *names],
        [py, "-m", "pip", "install", "-q", "--no-deps", "-e", str(src)],
    ):
        if _run(cmd, src) != 0:
            raise SystemExit(f"could not install the newest releases: {' '.join(cmd)}")
    listed = subprocess.run([py, "-m", "pip", "list", "--format=json"], capture_output=True, text=True, check=True)
    return src, {_norm(p["name"]): p["version"] for p in json.loads(listed.stdout)}


def report(pinned, installed, results, seconds: float) -> str:
    out = [f"# The series against the newest releases ({dt.date.today():%Y-%m-%d})", ""]
    changes = moved(pinned, installed)
    out += ["## Packages that moved", ""]
    if changes:
        out += ["| package | pinned | newest |", "|---|---|---|"] + [f"| {n} | {a} | {b} |" for n, a, b in changes]
    else:
        out += ["None: every pin is the newest release."]
    for title, (run, failed) in results.items():
        out += ["", f"## {title}: {run - len(failed)} of {run} passed", ""]
        for name, detail in failed:
            out += [f"- `{name}`", "", "  ```", *[f"  {line}" for line in detail.splitlines()], "  ```", ""]
    ok = all(not failed for _, failed in results.values())
    out += ["", f"Verdict: {'nothing broke' if ok else 'something broke'} ({seconds / 60:.1f} min)."]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "latest")
    parser.add_argument("--report", type=Path, default=ROOT / "build" / "latest-report.md")
    args = parser.parse_args(argv)
    start = time.monotonic()
    src, installed = build(args.workdir.resolve())
    py = str(args.workdir.resolve() / "venv" / "bin" / "python")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    common = ["-q", "-p", "no:cacheprovider", "-n", "auto"]
    _run([py, "-m", "pytest", *common, "tests/unit", "--junitxml=junit-unit.xml"], src, env)
    _run([py, "-m", "pytest", *common, "--dist", "loadscope", "-p", "no:hypothesispytest", "--nbval", "notebooks",
          "--junitxml=junit-nbval.xml"], src, env)  # fmt: skip
    results = {
        "Unit tests": failures(src / "junit-unit.xml"),
        "Notebooks under nbval": failures(src / "junit-nbval.xml"),
    }
    text = report(pins(src / "requirements.txt"), installed, results, time.monotonic() - start)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(text, encoding="utf-8")
    print(text)
    print(f"report: {args.report}")
    return 0 if "nothing broke" in text else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
