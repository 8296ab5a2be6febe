"""The environment is pinned once and used everywhere: requirements.txt,
binder/, and what the notebooks and tests actually import."""

from __future__ import annotations

import ast
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)\s*$")


def read_pins(path: Path) -> dict[str, str]:
    pins = {}
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = PIN.match(line)
        assert m, f"{path.name}: {raw!r} is not an exact pin (name==version)"
        pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_binder_pins_equal_requirements():
    assert read_pins(ROOT / "binder" / "requirements.txt") == read_pins(ROOT / "requirements.txt")


def test_binder_runtime_is_python_311():
    assert (ROOT / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_binder_requirements_do_not_install_the_source():
    """repo2docker installs binder/requirements.txt before the source is copied."""
    text = (ROOT / "binder" / "requirements.txt").read_text()
    assert not re.search(r"^\s*(-e|\.)", text, re.MULTILINE)


def test_binder_postbuild_installs_lessons_and_settings():
    post = ROOT / "binder" / "postBuild"
    text = post.read_text()
    assert post.stat().st_mode & 0o111, "postBuild must be executable"
    assert re.search(r"pip install .*-e \.", text)
    settings = json.loads((ROOT / "binder" / "overrides.json").read_text())
    assert settings["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "defer"


def test_installed_versions_match_the_pins():
    """The environment running the tests is the pinned one."""
    for name, version in read_pins(ROOT / "requirements.txt").items():
        assert metadata.version(name) == version, f"{name}: installed {metadata.version(name)}, pinned {version}"


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def code_sources():
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(nb.read_text())["cells"]
        code = "\n".join(
            "".join(c["source"])
            for c in cells
            if c["cell_type"] == "code" and not "".join(c["source"]).startswith("%%")
        )
        # IPython magics are not Python; drop them before parsing.
        yield nb.name, re.sub(r"^\s*[%!].*$", "", code, flags=re.MULTILINE)
    for folder in ("lessons", "tools", "tests", "benchmarks"):
        for py in sorted((ROOT / folder).rglob("*.py")):
            yield str(py.relative_to(ROOT)), py.read_text()


@pytest.mark.parametrize("name,source", list(code_sources()), ids=lambda v: v if v.endswith(("py", "ipynb")) else "")
def test_every_third_party_import_is_pinned(name, source):
    pins = read_pins(ROOT / "requirements.txt")
    dists = metadata.packages_distributions()
    local = {"lessons", "tools", "reference", "conftest", "helpers"} | {p.stem for p in (ROOT / "tests").rglob("*.py")}
    for module in sorted(imported_modules(source) - set(sys.stdlib_module_names) - local):
        owners = {d.lower().replace("_", "-") for d in dists.get(module, [])}
        assert owners & pins.keys(), f"{name} imports {module!r}, whose package is not pinned in requirements.txt"
