"""The series' table of contents: one source for the README table and the
map in notebook 00 (a test keeps the README in step with it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Notebook", "CURRICULUM", "REPOSITORY", "binder_url", "nbviewer_url", "badges", "markdown_table"]

#: Where the series is published (GitHub ``owner/name``): the Binder and nbviewer links are built from it.
REPOSITORY = "logistic-nll/logistic-nll-notebooks"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
NBVIEWER_BADGE = "https://img.shields.io/badge/view-nbviewer-orange.svg"


def binder_url(filename: str) -> str:
    """A mybinder.org link that opens ``notebooks/<filename>`` in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/HEAD?urlpath=lab/tree/notebooks/{filename}"


def nbviewer_url(filename: str) -> str:
    """An nbviewer link to the committed notebook, outputs and animations included (no kernel needed)."""
    return f"https://nbviewer.org/github/{REPOSITORY}/blob/HEAD/notebooks/{filename}"


#: The badge line is found by how it starts. (No HTML-comment markers around it: a line that starts with ``<!--``
#: opens a raw HTML block in CommonMark, and the badges' markdown would then be shown as text.)
BADGES_START = "[![Open in Binder]("
_OLD_MARKERS = ("<!-- badges:begin -->", "<!-- badges:end -->")  # the previous format, still recognised


def badges(filename: str) -> str:
    """The badge line at the top of each notebook: run it on Binder, read it on nbviewer."""
    return (
        f"[![Open in Binder]({BINDER_BADGE})]({binder_url(filename)}) "
        f"[![View on nbviewer]({NBVIEWER_BADGE})]({nbviewer_url(filename)})"
    )


@dataclass(frozen=True)
class Notebook:
    number: str
    slug: str
    title: str
    derive: str
    check: str
    see: str

    @property
    def filename(self) -> str:
        return f"{self.number}_{self.slug}.ipynb"


CURRICULUM: tuple[Notebook, ...] = (
    Notebook(
        "00",
        "start_here",
        "Start here",
        "—",
        "environment self-check",
        "map of the series; widget smoke test; glossary",
    ),
    Notebook(
        "01",
        "model_and_loss",
        "The model and its loss",
        "σ′ = σ(1−σ)",
        "the source's code, run as printed",
        "−log ŷ for y = 1 and y = 0; drag z, watch L",
    ),
    Notebook(
        "02",
        "likelihood_to_loss",
        "From likelihood to loss",
        "Bernoulli → log-likelihood → NLL",
        "argmax likelihood = argmin NLL",
        "likelihood vs NLL curves; widget: grow n until the product underflows",
    ),
    Notebook(
        "03",
        "single_sample_gradient",
        "The gradient of one sample",
        "each chain-rule factor; (ŷ−y)x_j",
        "lambdify vs finite differences",
        "the gradient as a vector; widget: each chain-rule link, the step along ±x",
    ),
    Notebook(
        "04",
        "batch_gradient_and_regularization",
        "Batch gradient and regularisation",
        "Σ form, matrix form Xᵀ(ŷ−y)/n; L2; L1",
        "loop vs vectorised",
        "per-sample contributions add up to ∇J; widget: λ pulls w (and b) back",
    ),
    Notebook(
        "05",
        "checking_gradients",
        "Checking gradients",
        "—",
        "central differences; the step-size V-curve",
        "error vs h, log-log; widget: h and a planted bug against the verdict",
    ),
    Notebook(
        "06",
        "loss_surface_and_convexity",
        "Loss surface and convexity",
        "Hessian AᵀSA/n + λ·diag(1,…,1,0), A = [X 1]",
        "eigenvalues ≥ 0; separable data",
        "contours with descent paths; widget: curvature everywhere, a minimiser or not",
    ),
    Notebook(
        "07",
        "gradient_descent_explorer",
        "Gradient-descent explorer",
        "—",
        "trajectory = update rule",
        "the explorer widget",
    ),
    Notebook(
        "08", "optimizers", "Optimisers", "Newton step", "GD, SGD, momentum, Adam, Newton agree", "race on the surface"
    ),
    Notebook(
        "09",
        "numerical_stability",
        "Numerical stability",
        "log(1+eᶻ) forms",
        "overflow, clipping, float32",
        "loss and gradient at extreme z; widget: where the textbook forms break",
    ),
    Notebook(
        "10",
        "softmax_regression",
        "Softmax regression",
        "softmax Jacobian; Xᵀ(P−Y)/n",
        "finite differences; scikit-learn",
        "decision regions; widget: turn one class, change the temperature",
    ),
    Notebook(
        "11",
        "real_data_capstone",
        "Real-data capstone",
        "—",
        "from scratch vs scikit-learn",
        "regularisation path; widget: λ and the threshold against the confusion matrix",
    ),
    Notebook(
        "12",
        "fact_check_the_source",
        "Fact-check the source",
        "each claim as an equation",
        "each claim as a test",
        "claim / verdict / evidence table",
    ),
)


def markdown_table(notebook_dir: str | Path | None = None, link_prefix: str = "") -> str:
    """The curriculum as a Markdown table.

    Parameters
    ----------
    notebook_dir : path, optional
        Where the notebooks live. Notebooks found there are linked; the others
        are listed as "in preparation". Default: the repository's ``notebooks/``.
    link_prefix : str
        Prepended to each link, e.g. ``"notebooks/"`` for the README.

    Returns
    -------
    str
    """
    folder = Path(notebook_dir) if notebook_dir else Path(__file__).resolve().parents[1] / "notebooks"
    rows = [
        "| # | notebook | derive (SymPy) | check (numbers) | see (plots and widgets) | open |",
        "|---|---|---|---|---|---|",
    ]
    for nb in CURRICULUM:
        exists = (folder / nb.filename).exists()
        name = f"[{nb.title}]({link_prefix}{nb.filename})" if exists else f"{nb.title} *(in preparation)*"
        links = f"[Binder]({binder_url(nb.filename)}) · [nbviewer]({nbviewer_url(nb.filename)})" if exists else ""
        rows.append(f"| {nb.number} | {name} | {nb.derive} | {nb.check} | {nb.see} | {links} |")
    return "\n".join(rows)


BEGIN, END = "<!-- curriculum:begin -->", "<!-- curriculum:end -->"


def sync(root: str | Path | None = None) -> list[str]:
    """Rewrite the table between the curriculum markers in README.md and in
    notebook 00's map cell, and the badge line in every notebook's first cell.
    Returns the files that changed.

    Run ``python -m tools.curriculum`` after adding a notebook.
    """
    import json

    root = Path(root) if root else Path(__file__).resolve().parents[1]
    changed = []
    targets = [(root / "README.md", "notebooks/"), (root / "notebooks" / CURRICULUM[0].filename, "")]
    for path, prefix in targets:
        if not path.exists():
            continue
        block = f"{BEGIN}\n{markdown_table(root / 'notebooks', prefix)}\n{END}"
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            nb = json.loads(text)
            for cell in nb["cells"]:
                src = "".join(cell["source"])
                if cell["cell_type"] == "markdown" and BEGIN in src:
                    new = _replace(src, block)
                    cell["source"] = new.splitlines(keepends=True)
            new_text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        else:
            new_text = _replace(text, block)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed.append(str(path))
    for nb_meta in CURRICULUM:
        path = root / "notebooks" / nb_meta.filename
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        first = nb["cells"][0]
        first["source"] = with_badges("".join(first["source"]), nb_meta.filename).splitlines(keepends=True)
        new_text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            changed.append(str(path))
    return changed


def with_badges(source: str, filename: str) -> str:
    """``source`` (a first cell: the title line, then the rest) with the badge line just below the title."""
    line = badges(filename)
    begin, end = _OLD_MARKERS
    if begin in source:
        head, _, rest = source.partition(begin)
        _, _, tail = rest.partition(end)
        return head + line + tail
    lines = source.split("\n")
    for i, old in enumerate(lines):
        if old.startswith(BADGES_START):
            lines[i] = line
            return "\n".join(lines)
    title, sep, rest = source.partition("\n")
    return f"{title}\n\n{line}\n" + (rest if rest.startswith("\n") else "\n" + rest if rest else "")


def _replace(text: str, block: str) -> str:
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + block + tail


if __name__ == "__main__":
    for name in sync():
        print(f"updated {name}")
