"""Chinese messages of :mod:`lessons.model` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "z must be numeric, got {type}": "z 必须是数值，收到的是 {type}",
    "z must be real, got a complex number": "z 必须是实数，收到的是复数",
    "z must not contain NaN": "z 不能含有 NaN",
    "the logit X @ w + b overflowed float64 at sample {i}; rescale X or use smaller w and b": (
        "logit X @ w + b 在样本 {i} 处上溢，超出了 float64 的范围；请缩放 X，或使用更小的 w 和 b"
    ),
    "the penalty lam / 2 * ||w||^2 overflowed float64; use smaller w or lam": (
        "正则项 lam / 2 * ||w||^2 上溢，超出了 float64 的范围；请使用更小的 w 或 lam"
    ),
}
