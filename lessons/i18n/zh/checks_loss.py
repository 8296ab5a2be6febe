"""Chinese messages of :mod:`lessons.checks.loss` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "your function returned None: did you forget the `return`?": "你的函数返回了 None：是不是忘了写 `return`？",
    "your function returned {a} of {count} values; it must return the loss only, a single number": (
        "你的函数返回了 {a}，含 {count} 个值；它只应返回损失，即单个数"
    ),
    "your function returned {value}, a bool; it must return the loss, a number": (
        "你的函数返回了布尔值 {value}；它应当返回损失，即一个数"
    ),
    "your loss": "你的损失",
    (
        "wrong shape: your function returned an array of shape (n,) = ({n},), one loss per sample; the loss is "
        "their mean (np.mean), a single number"
    ): (
        "形状错误：你的函数返回了形状为 (n,) = ({n},) 的数组，每个样本一个损失；损失是它们的平均值（`np.mean`）"
        "，是单个数"
    ),
    "wrong shape: the loss must be a single number, got an array of shape {shape}": (
        "形状错误：损失必须是单个数，收到的是形状为 {shape} 的数组"
    ),
    "your loss matches lessons.model.loss on {count} problems (including λ > 0 and b ≠ 0)": (
        "你的损失在 {count} 个测试问题上与 `lessons.model.loss` 一致（包括 λ > 0 和 b ≠ 0 的情形）"
    ),
    ": ": "：",
    "your loss differs from the reference by {gap}, at this input ({size}):": (
        "你的损失与参考实现相差 {gap}，出现在这个输入上（{size}）："
    ),
    "  expected: {expected}\n  yours:    {yours}": "  期望值：{expected}\n  你的值：{yours}",
}
