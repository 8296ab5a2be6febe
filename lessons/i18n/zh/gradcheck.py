"""Chinese messages of :mod:`lessons.gradcheck` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "f must be callable, got {type}": "f 必须是可调用对象，收到的是 {type}",
    "theta must be a non-empty 1-D array of shape (p,), got shape {shape}": (
        "theta 必须是形状为 (p,) 的非空一维数组，收到的形状为 {shape}"
    ),
    "f must return a real number, got {type}": "f 必须返回实数，收到的是 {type}",
    "f returned {value} at theta = {theta}": "f 在 theta = {theta} 处返回了 {value}",
    "a and b must have the same shape, got {a} and {b}": "a 和 b 的形状必须相同，收到的是 {a} 和 {b}",
}
