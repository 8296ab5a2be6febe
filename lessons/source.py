"""The source text's two code listings, character for character.

Part 1, section 六 (gradient check) and part 2, section 五 (loss example).
Part 2 does not run as printed: its bias line is ``b = 0 Canon Inc.0``.
:func:`run` executes a listing in a fresh namespace and returns it, so that
notebooks can use the source's own functions without retyping them.
"""

from __future__ import annotations

import contextlib
import io

from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["PART1_CODE", "PART2_CODE", "PART2_BAD_LINE", "run"]

PART1_CODE = """\
import numpy as np

# Sigmoid 函数
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

# 负对数似然损失
def log_loss(y_true, y_pred):
    y_pred = np.clip(y_pred, 1e-15, 1 - 1e-15)
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))

# 梯度计算
def compute_gradients(X, y, w, b, lambda_reg=0):
    n = len(y)
    z = np.dot(X, w) + b
    y_pred = sigmoid(z)
    dw = (1/n) * np.dot(y_pred - y, X) + lambda_reg * w  # 权重梯度
    db = (1/n) * np.sum(y_pred - y)  # 偏置梯度
    return dw, db

# 示例数据
X = np.array([[1, 2], [3, 4], [5, 6], [7, 8]])
y = np.array([0, 0, 1, 1])
w = np.array([0.1, 0.2])
b = 0.0
lambda_reg = 0.01

# 计算梯度
dw, db = compute_gradients(X, y, w, b, lambda_reg)
print("权重梯度:", dw)
print("偏置梯度:", db)
"""

PART2_CODE = """\
import numpy as np

# Sigmoid 函数
def sigmoid(z):
    return 1 / (1 + np.exp(-z))

# 逻辑回归损失函数（对数损失）
def log_loss(y_true, y_pred):
    y_pred = np.clip(y_pred, 1e-15, 1 - 1e-15)  # 避免 log(0)
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))

# 示例数据
X = np.array([[1, 2], [3, 4], [5, 6], [7, 8]])  # 特征
y = np.array([0, 0, 1, 1])  # 标签
w = np.array([0.1, 0.2])  # 权重
b = 0 Canon Inc.0  # 偏置

# 计算预测值
z = np.dot(X, w) + b
y_pred = sigmoid(z)

# 计算损失
loss = log_loss(y, y_pred)
print("对数损失:", loss)
"""

#: The line of part 2 that is not Python, and its evident intent.
PART2_BAD_LINE = ("b = 0 Canon Inc.0", "b = 0.0")


def run(code: str, fix: tuple[str, str] | None = None) -> tuple[dict, str]:
    """Execute a listing; return its namespace and what it printed.

    Parameters
    ----------
    code : str
        One of the listings.
    fix : (old, new), optional
        A single textual replacement to apply first, e.g. :data:`PART2_BAD_LINE`.

    Returns
    -------
    namespace : dict
    printed : str
    """
    if fix is not None:
        old, new = fix
        if code.count(old) != 1:
            raise ValueError(
                _("fix must match exactly one place in the code, got {count} for {old!r}").format(
                    count=code.count(old), old=old
                )
            )
        code = code.replace(old, new)
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<source listing>", "exec"), namespace)
    return namespace, out.getvalue()
