"""Chinese messages of :mod:`lessons.source` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "fix must match exactly one place in the code, got {count} for {old!r}": (
        "fix 必须恰好匹配代码中的一处，{old!r} 却匹配了 {count} 处"
    ),
}
