"""Chinese messages of :mod:`lessons.checks.softmax` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "wrong shape: dW must be (d, K) = ({d}, {K}), like W, got {shape}": (
        "形状错误：dW 必须与 W 一样，形状为 (d, K) = ({d}, {K})，收到的是 {shape}"
    ),
    ": did you compute (P − Y)ᵀX instead of Xᵀ(P − Y)?": "：你是不是算成了 (P − Y)ᵀX，而不是 Xᵀ(P − Y)？",
    ": one row per sample; multiply by the features, X.T @ (P − Y), which sums over the samples": (
        "：每个样本一行；请乘以特征，即 `X.T @ (P − Y)`，它会对样本求和"
    ),
    "wrong shape: db must have shape (K,) = ({K},), one entry per class like b, got {shape}": (
        "形状错误：db 的形状必须是 (K,) = ({K},)，与 b 一样每个类别一个分量，收到的是 {shape}"
    ),
    ": average the residuals over the samples only, (P − Y).mean(axis=0), not over all entries": (
        "：只对样本求残差的平均，即 `(P − Y).mean(axis=0)`，不要对所有元素求平均"
    ),
    ": one row per sample; average over the samples, .mean(axis=0)": (
        "：每个样本一行；请对样本求平均，即 `.mean(axis=0)`"
    ),
    ": drop the extra axis (no keepdims), or use .ravel()": "：去掉多余的轴（不要用 keepdims），或使用 `.ravel()`",
    "probabilities minus one-hot labels": "概率减去独热编码的标签",
}
