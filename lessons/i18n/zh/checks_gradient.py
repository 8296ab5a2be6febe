"""Chinese messages of :mod:`lessons.checks.gradient` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    " (in {where})": "（在 {where} 中）",
    " and ": " 和 ",
    ": ": "：",
    "your gradient": "你的梯度",
    "{right} is right, but ": "{right} 正确，但 ",
    "{name} differs from the reference by up to {gap} (largest absolute difference)": (
        "{name} 与参考实现相差最多 {gap}（最大绝对差）"
    ),
    "Reproduce it with this input ({size}):": "用这个输入可以复现（{size}）：",
    "  expected: {expected}\n  yours:    {yours}": "  期望值：{expected}\n  你的值：{yours}",
    "your gradient matches {reference} on {count} problems (including λ > 0 and b ≠ 0)": (
        "你的梯度在 {count} 个测试问题上与 `{reference}` 一致（包括 λ > 0 和 b ≠ 0 的情形）"
    ),
    "your function returned no db,": "你的函数没有返回 db，",
    "your db is None,": "你的 db 是 None，",
    "your db is 0,": "你的 db 是 0，",
    (
        "wrong shape: your function returned one array of length d + 1 = {length}; return dw (shape (d,)) and "
        "db (a number) separately: `return dw, db`"
    ): (
        "形状错误：你的函数返回了一个长度为 d + 1 = {length} 的数组；请把 dw（形状 (d,)）和 db（一个数）"
        "分开返回：`return dw, db`"
    ),
    "wrong order: your function returned db first; return the pair in the order `dw, db`": (
        "顺序错了：你的函数先返回了 db；请按 `dw, db` 的顺序返回"
    ),
    (
        "wrong shape: db has shape (n,) = ({n},), one value per sample; db is the mean of the residuals ŷ − y "
        "over the samples, a single number"
    ): ("形状错误：db 的形状是 (n,) = ({n},)，每个样本一个值；db 是残差 ŷ − y 在样本上的平均值，是单个数"),
    ("wrong shape: db must be a single number (a scalar), got an array of shape {shape}; use float(...) or .item()"): (
        "形状错误：db 必须是单个数（标量），收到的是形状为 {shape} 的数组；请用 `float(...)` 或 `.item()`"
    ),
    "wrong shape: dw has shape {shape}, but it must have shape (d,) = ({d},), like w": (
        "形状错误：dw 的形状是 {shape}，但它必须与 w 一样，形状为 (d,) = ({d},)"
    ),
    (
        ". Yours is a column: did the residual or w become 2-D, shape (n, 1) or (d, 1)? Keep 1-D arrays, or "
        "flatten with .ravel()"
    ): (
        "。你的结果是列向量：残差或 w 是不是变成了形状为 (n, 1) 或 (d, 1) 的二维数组？请保持一维数组，或用 "
        "`.ravel()` 展平"
    ),
    ". Yours is a row: did the residual become 2-D, shape (1, n)? Keep 1-D arrays, or use .ravel()": (
        "。你的结果是行向量：残差是不是变成了形状为 (1, n) 的二维数组？请保持一维数组，或使用 `.ravel()`"
    ),
    (
        ". Yours has one value per sample (n = {n}): multiply by the features, X.T @ (ŷ − y), which sums over "
        "the samples"
    ): ("。你的结果每个样本一个值（n = {n}）：请乘以特征，即 `X.T @ (ŷ − y)`，它会对样本求和"),
    ". Yours has one row per sample: average them over the samples (axis=0)": (
        "。你的结果每个样本一行：请对样本求平均（axis=0）"
    ),
    ". Yours is a single number: dw has one entry per feature": "。你的结果是单个数：dw 应当每个特征一个分量",
    "prediction minus label": "预测值减标签",
}
