"""Check what repo2docker would build for this repository, without Docker.

Usage: python .ci/check_repo2docker.py DOCKERFILE_TEXT BASE_REQUIREMENTS_OUT

DOCKERFILE_TEXT is the output of ``jupyter-repo2docker --no-build --debug <repo>``.
Asserts that the image uses Python 3.11 and one environment (the kernel runs in
the same environment as the notebook server), that binder/requirements.txt is
installed before the source is copied, and that binder/postBuild runs after it.
Then writes the Python packages of repo2docker's own base environment, at the
exact versions of its conda lock file, as a pip requirements file, so that the
replay can start from the same base as mybinder.org.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import repo2docker

# The base environment's Python packages that matter to the notebooks (conda name -> PyPI name).
BASE = {
    "jupyterlab": "jupyterlab",
    "notebook": "notebook",
    "jupyter_server": "jupyter-server",
    "ipykernel": "ipykernel",
    "ipywidgets": "ipywidgets",
    "jupyterlab_widgets": "jupyterlab-widgets",
    "widgetsnbextension": "widgetsnbextension",
    "jupyter-resource-usage": "jupyter-resource-usage",
    "jupyter-offlinenotebook": "jupyter-offlinenotebook",
}


def main(dockerfile: str, out: str) -> None:
    text = Path(dockerfile).read_text()
    problems = []

    def need(pattern: str, what: str) -> re.Match | None:
        m = re.search(pattern, text, re.M)
        if not m:
            problems.append(what)
        return m

    need(r"^Building conda environment for python=3\.11$", "Python 3.11 (binder/runtime.txt)")
    need(r"^ENV KERNEL_PYTHON_PREFIX=\$\{NB_PYTHON_PREFIX\}$", "one environment: the kernel's prefix is the server's")
    req = need(r'^RUN \$\{KERNEL_PYTHON_PREFIX\}/bin/pip install --no-cache-dir -r "binder/requirements.txt"$',
               "pip install -r binder/requirements.txt")  # fmt: skip
    copy_src = need(r"^COPY --chown=\S+ src/ \$\{REPO_DIR\}/$", "the source copied in")
    post = need(r"^RUN \./binder/postBuild$", "binder/postBuild run")
    if req and copy_src and post and not (req.start() < copy_src.start() < post.start()):
        problems.append("the order: requirements, then the source, then postBuild")
    if re.search(r"environment\.yml|Pipfile|setup\.py", text):
        problems.append("a second environment specification was picked up")
    if problems:
        sys.exit("repo2docker --no-build: missing or wrong: " + "; ".join(problems))
    print("repo2docker --no-build: Python 3.11, one environment, requirements -> source -> postBuild: ok")

    lock = Path(repo2docker.__file__).parent / "buildpacks" / "conda" / "environment.py-3.11-linux-64.lock"
    versions = dict(re.findall(r"/([A-Za-z0-9_.-]+?)-(\d[^-/]*)-[^-/]+\.conda", lock.read_text()))
    lines = [f"{pypi}=={versions[conda]}" for conda, pypi in BASE.items() if conda in versions]
    Path(out).write_text("\n".join(lines) + "\n")
    print(f"repo2docker's base environment ({lock.name}): " + ", ".join(lines))


if __name__ == "__main__":
    main(*sys.argv[1:3])
