"""Chinese messages of :mod:`lessons.checks.formatting` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "[{entries}, ...] (shape {shape})": "[{entries}, ...]（形状 {shape}）",
    "a {type}": "{type} 对象",
    "an {type}": "{type} 对象",
    "{count} mistakes in {what}:": "{what}中有 {count} 处错误：",
}
