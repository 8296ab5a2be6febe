"""Chinese messages of :mod:`lessons.softmax` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "{name} must have at least one class along its last axis, got shape {shape}": (
        "{name} 的最后一个轴上至少要有一个类别，收到的形状为 {shape}"
    ),
    "Z spans more than the float64 range within a row: a log-probability is below -1.8e308": (
        "Z 的某一行跨度超出了 float64 的范围：有一个对数概率小于 -1.8e308"
    ),
    "{name} must be 2-D with shape {expected}, got {ndim}-D shape {shape}": (
        "{name} 必须是形状为 {expected} 的二维数组，收到的是形状为 {shape} 的 {ndim} 维数组"
    ),
    "{name} must have shape {expected}: one row per feature (d = X.shape[1] = {d}), got shape {shape}": (
        "{name} 的形状必须是 {expected}：每个特征一行（d = X.shape[1] = {d}），收到的形状为 {shape}"
    ),
    "{name} must have shape {expected}: one column per class, got shape {shape}": (
        "{name} 的形状必须是 {expected}：每个类别一列，收到的形状为 {shape}"
    ),
    "{name} must have K >= 2 columns (one per class), got shape {shape}": (
        "{name} 必须有 K >= 2 列（每个类别一列），收到的形状为 {shape}"
    ),
    "the scores X @ W + b overflowed float64 at sample {i}; rescale X or use smaller W and b": (
        "得分 X @ W + b 在样本 {i} 处上溢，超出了 float64 的范围；请缩放 X，或使用更小的 W 和 b"
    ),
    "the penalty lam / 2 * ||W||^2 overflowed float64; use smaller W or lam": (
        "正则项 lam / 2 * ||W||^2 上溢，超出了 float64 的范围；请使用更小的 W 或 lam"
    ),
    "the loss of sample {i} overflowed float64 (max_k z_k - z_y > 1.8e308); use smaller W and b": (
        "样本 {i} 的损失上溢，超出了 float64 的范围（max_k z_k - z_y > 1.8e308）；请使用更小的 W 和 b"
    ),
    "W must have shape (d, K) and b shape (K,), got {W} and {b}": (
        "W 的形状必须是 (d, K)，b 的形状必须是 (K,)，收到的是 {W} 和 {b}"
    ),
    "theta must be 1-D with length (d + 1) * K, K = {K}, d >= 1; got shape {shape}": (
        "theta 必须是长度为 (d + 1) * K 的一维数组（K = {K}，d >= 1）；收到的形状为 {shape}"
    ),
    "a softmax fit has W, shape (d, K), not w; see also params()": (
        "softmax 回归的拟合结果只有形状为 (d, K) 的 W，没有 w；另见 `params()`"
    ),
    "y must contain only non-negative integers (class labels), got {value} at index {i}": (
        "y 只能包含非负整数（类别标签），但索引 {i} 处是 {value}"
    ),
    (
        "y must contain labels of at least two classes, got only label {label}; pass n_classes=K if the other "
        "classes are merely absent"
    ): ("y 必须至少包含两个类别的标签，却只有标签 {label}；如果其他类别只是恰好没有出现，请传入 `n_classes=K`"),
    "n_classes must be an integer >= 2, got {type}": "n_classes 必须是 >= 2 的整数，收到的是 {type}",
    "n_classes must be >= 2, got {K}": "n_classes 必须 >= 2，收到的是 {K}",
}
