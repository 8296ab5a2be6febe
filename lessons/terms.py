"""The series' English–Chinese term list: one source for both editions.

Notebook 00's glossary (in each edition) is generated from :data:`TERMS` (``python -m tools.curriculum``), and a
test reads the Chinese notebooks against it: where an English notebook uses a term, its Chinese counterpart uses the
standard Chinese term, and no Chinese notebook uses an alternative marked as avoided. The terms follow
李航《统计学习方法》, 周志华《机器学习》 and d2l-zh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Term", "TERMS", "TOPICS", "glossary_table"]


@dataclass(frozen=True)
class Term:
    """One term.

    Attributes
    ----------
    en : str
        The English term, as the glossary shows it.
    zh : str
        The standard Chinese term.
    pinyin : str
        Its pinyin, for English readers of the source.
    topic : str
        A key of :data:`TOPICS`.
    pattern : str
        A regular expression (case-insensitive) for the English term in running text, or ``""`` when the term is
        not required to appear (see ``required``).
    avoid : tuple of str
        Chinese alternatives the series does not use (a test forbids them outside quotations of the source).
    once : tuple of str
        Alternatives that may be mentioned once per notebook, next to the standard term (e.g. 对数几率回归).
    must : str
        For a composite entry (权重 / 偏置), the part that :attr:`pattern` stands for; default :attr:`zh`.
    """

    en: str
    zh: str
    pinyin: str
    topic: str
    pattern: str = ""
    avoid: tuple[str, ...] = ()
    once: tuple[str, ...] = ()
    must: str = ""

    @property
    def required_zh(self) -> str:
        """What a Chinese notebook must contain where the English one uses the term: :attr:`must`, else :attr:`zh`."""
        return self.must or self.zh

    @property
    def required(self) -> bool:
        """Whether a Chinese notebook must use :attr:`zh` wherever its English notebook matches :attr:`pattern`."""
        return bool(self.pattern)

    def found_in(self, text: str) -> bool:
        """Whether the English ``text`` uses this term."""
        return bool(self.pattern) and re.search(self.pattern, text, flags=re.IGNORECASE) is not None


#: Topic key -> (English heading, Chinese heading), in the glossary's order.
TOPICS: dict[str, tuple[str, str]] = {
    "model": ("The model and its loss", "模型与损失"),
    "likelihood": ("Likelihood", "似然"),
    "calculus": ("Derivatives", "求导"),
    "optimisation": ("Optimisation", "优化"),
    "surface": ("The loss surface", "损失曲面"),
    "numerics": ("Numerics", "数值计算"),
    "classes": ("More classes and real data", "多分类与真实数据"),
}

TERMS: tuple[Term, ...] = (
    # the model and its loss
    Term(
        "logistic regression",
        "逻辑回归",
        "luójí huíguī",
        "model",
        r"logistic regression",
        avoid=("逻辑斯谛回归", "逻辑斯蒂回归", "罗吉斯蒂回归", "逻辑斯特回归"),
        once=("对数几率回归",),
    ),
    Term("sigmoid function", "sigmoid 函数", "sigmoid hánshù", "model", r"\bsigmoid\b", avoid=("乙状函数", "S 型函数")),
    Term("log-odds, logit", "对数几率", "duìshù jīlǜ", "model", r"log-odds", avoid=("对数赔率",)),
    Term(
        "negative log-likelihood (NLL)",
        "负对数似然",
        "fù duìshù sìrán",
        "model",
        r"negative log-likelihood",
        avoid=("负对数概似",),
    ),
    Term("cross-entropy", "交叉熵", "jiāochā shāng", "model", r"cross-entropy", avoid=("交叉墒",)),
    Term("loss function", "损失函数", "sǔnshī hánshù", "model", r"loss function"),
    Term("log loss", "对数损失", "duìshù sǔnshī", "model"),
    Term("0-1 loss (1 for a wrong class, 0 for a right one)", "0-1 损失", "líng-yī sǔnshī", "model"),
    Term(
        "weights / bias", "权重 / 偏置", "quánzhòng / piānzhì", "model", r"\bbias\b", avoid=("偏置项目",), must="偏置"
    ),
    Term(
        "sample / feature / label",
        "样本 / 特征 / 标签",
        "yàngběn / tèzhēng / biāoqiān",
        "model",
        r"\bfeatures?\b",
        must="特征",
    ),
    Term("positive class (y = 1)", "正类", "zhèng lèi", "model"),
    Term("predicted probability", "预测概率", "yùcè gàilǜ", "model"),
    Term("decision boundary", "决策边界", "juécè biānjiè", "model", r"decision boundar", avoid=("判决边界",)),
    Term("threshold", "阈值", "yùzhí", "model", r"\bthreshold", avoid=("阀值",)),
    # likelihood
    Term(
        "likelihood / likelihood function",
        "似然 / 似然函数",
        "sìrán / sìrán hánshù",
        "likelihood",
        r"\blikelihood\b",
        must="似然",
    ),
    Term(
        "maximum likelihood estimation (MLE)",
        "极大似然估计",
        "jídà sìrán gūjì",
        "likelihood",
        r"maximum.likelihood estimat",
        once=("最大似然估计",),
    ),
    Term("Bernoulli distribution", "伯努利分布", "Bónǔlì fēnbù", "likelihood", r"Bernoulli distribution"),
    Term("independent and identically distributed (i.i.d.)", "独立同分布", "dúlì tóng fēnbù", "likelihood"),
    # derivatives
    Term("differentiation", "求导", "qiúdǎo", "calculus"),
    Term(
        "weight gradient / bias gradient (the source's printed labels)",
        "权重梯度 / 偏置梯度",
        "quánzhòng tīdù / piānzhì tīdù",
        "calculus",
    ),
    Term("partial derivative", "偏导数", "piān dǎoshù", "calculus", r"partial derivative"),
    Term("chain rule", "链式法则", "liànshì fǎzé", "calculus", r"chain rule", avoid=("连锁法则",)),
    Term("gradient", "梯度", "tīdù", "calculus", r"\bgradient\b"),
    Term("central difference", "中心差分", "zhōngxīn chāfēn", "calculus", r"central difference"),
    Term("residual ŷ − y", "残差", "cánchā", "calculus"),
    Term("finite difference", "有限差分", "yǒuxiàn chāfēn", "calculus", r"finite difference", avoid=("有限差值",)),
    Term("gradient check", "梯度检验", "tīdù jiǎnyàn", "calculus", r"gradient check", avoid=("梯度检查",)),
    Term("Jacobian", "雅可比矩阵", "Yǎkěbǐ jǔzhèn", "calculus", r"\bJacobian\b", avoid=("雅克比矩阵",)),
    # optimisation
    Term("gradient descent", "梯度下降", "tīdù xiàjiàng", "optimisation", r"gradient descent", avoid=("梯度递减",)),
    Term(
        "stochastic gradient descent (SGD)",
        "随机梯度下降",
        "suíjī tīdù xiàjiàng",
        "optimisation",
        r"stochastic gradient",
    ),
    Term("learning rate", "学习率", "xuéxí lǜ", "optimisation", r"learning rate", avoid=("学习速率",)),
    Term("momentum", "动量法", "dòngliàng fǎ", "optimisation", r"\bmomentum\b", avoid=("冲量法",)),
    Term("Newton's method", "牛顿法", "Niúdùn fǎ", "optimisation", r"\bNewton\b"),
    Term("optimiser", "优化器", "yōuhuà qì", "optimisation", r"\boptimi[sz]ers?\b"),
    Term(
        "regularisation, L2 penalty",
        "正则化, L2 正则项",
        "zhèngzéhuà",
        "optimisation",
        r"regulari[sz]",
        avoid=("规则化", "正规化"),
        must="正则化",
    ),
    Term("ability to generalise", "泛化能力", "fànhuà nénglì", "optimisation"),
    Term("mini-batch", "小批量", "xiǎo pīliàng", "optimisation", r"mini-?batch"),
    Term("overfitting", "过拟合", "guònǐhé", "optimisation", r"overfit", avoid=("过度拟合",)),
    # the loss surface
    Term(
        "Hessian",
        "海森矩阵",
        "Hǎisēn jǔzhèn",
        "surface",
        r"\bHessian\b",
        avoid=("海瑟矩阵", "赫森矩阵"),
        once=("黑塞矩阵",),
    ),
    Term(
        "convex function, strictly convex",
        "凸函数, 严格凸",
        "tū hánshù, yángé tū",
        "surface",
        r"\bconvex\b",
        avoid=("凸性函数",),
        must="凸",
    ),
    Term("global optimum (the source's word)", "全局最优解", "quánjú zuìyōu jiě", "surface"),
    Term("smoothness", "平滑性", "pínghuá xìng", "surface"),
    Term(
        "minimiser (the point where J is smallest)",
        "最小值点",
        "zuìxiǎo zhí diǎn",
        "surface",
        r"\bminimi[sz]er",
        avoid=("极小点", "最小点"),
    ),
    Term(
        "positive (semi-)definite",
        "正定 / 半正定",
        "zhèngdìng / bàn zhèngdìng",
        "surface",
        r"positive semi-?definite",
        must="半正定",
    ),
    Term("linearly separable", "线性可分", "xiànxìng kěfēn", "surface", r"\bseparable\b", must="可分"),
    Term("contour lines", "等高线", "děnggāo xiàn", "surface", r"\bcontours?\b"),
    Term("eigenvalue", "特征值", "tèzhēng zhí", "surface", r"\beigenvalue"),
    Term("condition number", "条件数", "tiáojiàn shù", "surface", r"condition number"),
    Term("global minimum", "全局最小值", "quánjú zuìxiǎo zhí", "surface", r"global minim"),
    # numerics
    Term(
        "numerical stability",
        "数值稳定性",
        "shùzhí wěndìng xìng",
        "numerics",
        r"numerical(ly)? stab",
        avoid=("数字稳定性",),
    ),
    Term("overflow / underflow", "上溢 / 下溢", "shàngyì / xiàyì", "numerics", r"\boverflow", must="溢"),
    Term("clipping", "裁剪", "cáijiǎn", "numerics", r"\bclip"),
    Term("output example (the source's printed results)", "输出示例", "shūchū shìlì", "numerics"),
    Term("machine epsilon", "机器精度", "jīqì jīngdù", "numerics", r"machine epsilon"),
    # more classes and real data
    Term(
        "softmax regression",
        "softmax 回归",
        "softmax huíguī",
        "classes",
        r"softmax regression",
        avoid=("柔性最大回归", "归一化指数回归"),
    ),
    Term("multi-class classification", "多分类", "duō fēnlèi", "classes"),
    Term("one-hot encoding", "独热编码", "dúrè biānmǎ", "classes", r"one-hot"),
    Term("cross-validation", "交叉验证", "jiāochā yànzhèng", "classes", r"cross-validat"),
    Term("confusion matrix", "混淆矩阵", "hùnxiáo jǔzhèn", "classes", r"confusion matrix"),
)


def glossary_table(language: str = "en") -> str:
    """The glossary as a Markdown table, grouped by topic: for English readers 中文 / pinyin / English, for Chinese
    readers 中文 / English / 不用的说法 (the avoided alternatives)."""
    if language == "en":
        rows = ["| 中文 | pinyin | English |", "|---|---|---|"]
        for key, (heading, _) in TOPICS.items():
            rows.append(f"| **{heading}** | | |")
            rows += [f"| {t.zh} | {t.pinyin} | {t.en} |" for t in TERMS if t.topic == key]
    elif language == "zh":
        rows = ["| 中文术语 | English | 本系列不用的说法 |", "|---|---|---|"]
        for key, (_, heading) in TOPICS.items():
            rows.append(f"| **{heading}** | | |")
            rows += [f"| {t.zh} | {t.en} | {'、'.join(t.avoid) if t.avoid else '—'} |" for t in TERMS if t.topic == key]
    else:
        raise ValueError(f"language must be 'en' or 'zh'; got {language!r}")
    return "\n".join(rows)
