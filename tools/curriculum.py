"""The series' table of contents, in both editions: one source for the README tables (README.md and
README.zh.md), the map in each edition's notebook 00, every notebook's badge line, and each notebook 00's
glossary (from :mod:`lessons.terms`). Tests keep them all in step; ``python -m tools.curriculum`` rewrites them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Notebook",
    "CURRICULUM",
    "REPOSITORY",
    "EDITIONS",
    "notebook_dir",
    "all_notebooks",
    "notebook_id",
    "language_of",
    "binder_url",
    "nbviewer_url",
    "badges",
    "markdown_table",
]

#: Where the series is published (GitHub ``owner/name``): the Binder and nbviewer links are built from it.
REPOSITORY = "logistic-nll/logistic-nll-notebooks"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
NBVIEWER_BADGE = "https://img.shields.io/badge/view-nbviewer-orange.svg"


ROOT = Path(__file__).resolve().parents[1]
#: Language -> the folder of its edition, relative to the repository root.
EDITIONS = {"en": "notebooks", "zh": "notebooks/zh"}
#: Language -> its README.
READMES = {"en": "README.md", "zh": "README.zh.md"}


def notebook_dir(language: str = "en", root: str | Path | None = None) -> Path:
    """The folder of one edition's notebooks."""
    return (Path(root) if root else ROOT) / EDITIONS[language]


def all_notebooks(root: str | Path | None = None) -> list[Path]:
    """Every committed notebook of both editions: the English ones, then the Chinese ones."""
    return [p for lang in EDITIONS for p in sorted(notebook_dir(lang, root).glob("*.ipynb"))]


def notebook_id(path: str | Path) -> str:
    """A short test id for a notebook of either edition: ``"07"`` or ``"zh/07"``."""
    path = Path(path)
    return f"zh/{path.name[:2]}" if path.parent.name == "zh" else path.name[:2]


def language_of(path: str | Path) -> str:
    """The edition a notebook belongs to: ``"zh"`` for ``notebooks/zh/…``, else ``"en"``."""
    return "zh" if Path(path).parent.name == "zh" else "en"


def binder_url(filename: str, language: str = "en") -> str:
    """A mybinder.org link that opens ``notebooks/<filename>`` (``notebooks/zh/…`` in Chinese) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{REPOSITORY}/HEAD?urlpath=lab/tree/{EDITIONS[language]}/{filename}"


def nbviewer_url(filename: str, language: str = "en") -> str:
    """An nbviewer link to the committed notebook, outputs and animations included (no kernel needed)."""
    return f"https://nbviewer.org/github/{REPOSITORY}/blob/HEAD/{EDITIONS[language]}/{filename}"


#: The badge line is found by how it starts. (No HTML-comment markers around it: a line that starts with ``<!--``
#: opens a raw HTML block in CommonMark, and the badges' markdown would then be shown as text.)
BADGES_START = "[![Open in Binder]("
_BADGE_STARTS = ("[![Open in Binder](", "[![在 Binder 中运行](")
_OLD_MARKERS = ("<!-- badges:begin -->", "<!-- badges:end -->")  # the previous format, still recognised


def badges(filename: str, language: str = "en") -> str:
    """The badge line at the top of each notebook: run it on Binder, read it on nbviewer, or switch edition."""
    if language == "zh":
        return (
            f"[![在 Binder 中运行]({BINDER_BADGE})]({binder_url(filename, 'zh')}) "
            f"[![在 nbviewer 上阅读]({NBVIEWER_BADGE})]({nbviewer_url(filename, 'zh')}) · [English](../{filename})"
        )
    return (
        f"[![Open in Binder]({BINDER_BADGE})]({binder_url(filename)}) "
        f"[![View on nbviewer]({NBVIEWER_BADGE})]({nbviewer_url(filename)}) · [中文版](zh/{filename})"
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
        "The gradient-descent explorer",
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


#: The Chinese columns of each row: number -> (title, derive, check, see).
ZH: dict[str, tuple[str, str, str, str]] = {
    "00": ("从这里开始", "—", "环境自检", "系列地图；控件冒烟测试；术语表"),
    "01": ("模型与损失", "σ′ = σ(1−σ)", "原文代码，照原样运行", "y = 1 与 y = 0 时的 −log ŷ；拖动 z，观察 L"),
    "02": (
        "从似然到损失",
        "伯努利 → 对数似然 → 负对数似然",
        "似然的最大值点 = 负对数似然的最小值点",
        "似然与负对数似然曲线；控件：增大 n，直到乘积下溢",
    ),
    "03": (
        "单个样本的梯度",
        "链式法则的每个因子；(ŷ−y)x_j",
        "lambdify 与有限差分对照",
        "梯度作为向量；控件：链式法则的每一环，沿 ±x 的一步",
    ),
    "04": (
        "批量梯度与正则化",
        "求和形式、矩阵形式 Xᵀ(ŷ−y)/n；L2；L1",
        "循环与向量化对照",
        "各样本的贡献相加得 ∇J；控件：λ 把 w（和 b）往回拉",
    ),
    "05": ("检验梯度", "—", "中心差分；步长的 V 形曲线", "误差随 h 变化（双对数坐标）；控件：h 与预埋的错误对照结论"),
    "06": (
        "损失曲面与凸性",
        "海森矩阵 AᵀSA/n + λ·diag(1,…,1,0)，A = [X 1]",
        "特征值 ≥ 0；可分数据",
        "等高线与下降路径；控件：处处的曲率，有无最小值点",
    ),
    "07": ("梯度下降探索器", "—", "轨迹 = 更新规则", "探索器控件"),
    "08": ("优化器", "牛顿步", "GD、SGD、动量法、Adam、牛顿法结果一致", "在损失曲面上赛跑"),
    "09": (
        "数值稳定性",
        "log(1+eᶻ) 的几种写法",
        "上溢、裁剪、float32",
        "极端 z 处的损失与梯度；控件：教科书写法在哪里失效",
    ),
    "10": (
        "softmax 回归",
        "softmax 的雅可比矩阵；Xᵀ(P−Y)/n",
        "有限差分；scikit-learn",
        "决策区域；控件：转动一个类别，改变温度",
    ),
    "11": ("真实数据综合实战", "—", "从零实现与 scikit-learn 对照", "正则化路径；控件：λ 与阈值对照混淆矩阵"),
    "12": ("核查原文", "每条论断写成等式", "每条论断写成测试", "论断 / 结论 / 证据表"),
}

_HEADERS = {
    "en": "| # | notebook | derive (SymPy) | check (numbers) | see (plots and widgets) | open |",
    "zh": "| # | 笔记本 | 推导（SymPy） | 验证（数值） | 看（图与控件） | 打开 |",
}


def markdown_table(notebook_dir: str | Path | None = None, link_prefix: str = "", language: str = "en") -> str:
    """The curriculum as a Markdown table.

    Parameters
    ----------
    notebook_dir : path, optional
        Where the notebooks live. Notebooks found there are linked; the others
        are listed as "in preparation". Default: the edition's folder in this repository.
    link_prefix : str
        Prepended to each link, e.g. ``"notebooks/"`` for the README.
    language : {"en", "zh"}
        Which edition: its titles and descriptions, and its Binder and nbviewer links.

    Returns
    -------
    str
    """
    folder = Path(notebook_dir) if notebook_dir else ROOT / EDITIONS[language]
    rows = [_HEADERS[language], "|---|---|---|---|---|---|"]
    for nb in CURRICULUM:
        exists = (folder / nb.filename).exists()
        title, derive, check, see = ZH[nb.number] if language == "zh" else (nb.title, nb.derive, nb.check, nb.see)
        later = "*（编写中）*" if language == "zh" else "*(in preparation)*"
        name = f"[{title}]({link_prefix}{nb.filename})" if exists else f"{title} {later}"
        links = (
            f"[Binder]({binder_url(nb.filename, language)}) · [nbviewer]({nbviewer_url(nb.filename, language)})"
            if exists
            else ""
        )
        rows.append(f"| {nb.number} | {name} | {derive} | {check} | {see} | {links} |")
    return "\n".join(rows)


BEGIN, END = "<!-- curriculum:begin -->", "<!-- curriculum:end -->"
GLOSSARY_BEGIN, GLOSSARY_END = "<!-- glossary:begin -->", "<!-- glossary:end -->"


def _dump(nb: dict) -> str:
    import json

    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def sync(root: str | Path | None = None) -> list[str]:
    """Rewrite, in both editions, the table between the curriculum markers in the README and in notebook 00's map
    cell, notebook 00's glossary (from :mod:`lessons.terms`), and the badge line in every notebook's first cell.
    Returns the files that changed.

    Run ``python -m tools.curriculum`` after adding a notebook or a term.
    """
    import json

    from lessons.terms import glossary_table

    root = Path(root) if root else ROOT
    changed = []
    for language, folder in EDITIONS.items():
        table = (BEGIN, END)
        readme = root / READMES[language]
        if readme.exists():
            text = readme.read_text(encoding="utf-8")
            block = f"{BEGIN}\n{markdown_table(root / folder, folder + '/', language)}\n{END}"
            new_text = _replace(text, block, *table)
            if new_text != text:
                readme.write_text(new_text, encoding="utf-8")
                changed.append(str(readme))
        for nb_meta in CURRICULUM:
            path = root / folder / nb_meta.filename
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            nb = json.loads(text)
            first = nb["cells"][0]
            first["source"] = with_badges("".join(first["source"]), nb_meta.filename, language).splitlines(
                keepends=True
            )
            if nb_meta is CURRICULUM[0]:
                blocks = {
                    BEGIN: f"{BEGIN}\n{markdown_table(root / folder, '', language)}\n{END}",
                    GLOSSARY_BEGIN: f"{GLOSSARY_BEGIN}\n{glossary_table(language)}\n{GLOSSARY_END}",
                }
                for cell in nb["cells"]:
                    src = "".join(cell["source"])
                    for begin, block in blocks.items():
                        if cell["cell_type"] == "markdown" and begin in src:
                            end = END if begin == BEGIN else GLOSSARY_END
                            src = _replace(src, block, begin, end)
                            cell["source"] = src.splitlines(keepends=True)
            new_text = _dump(nb)
            if new_text != text:
                path.write_text(new_text, encoding="utf-8")
                changed.append(str(path))
    return changed


def with_badges(source: str, filename: str, language: str = "en") -> str:
    """``source`` (a first cell: the title line, then the rest) with the badge line just below the title."""
    line = badges(filename, language)
    begin, end = _OLD_MARKERS
    if begin in source:
        head, _, rest = source.partition(begin)
        _, _, tail = rest.partition(end)
        return head + line + tail
    lines = source.split("\n")
    for i, old in enumerate(lines):
        if old.startswith(_BADGE_STARTS):
            lines[i] = line
            return "\n".join(lines)
    title, sep, rest = source.partition("\n")
    return f"{title}\n\n{line}\n" + (rest if rest.startswith("\n") else "\n" + rest if rest else "")


def _replace(text: str, block: str, begin: str = BEGIN, end: str = END) -> str:
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    return head + block + tail


if __name__ == "__main__":
    for name in sync():
        print(f"updated {name}")
