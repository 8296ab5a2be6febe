"""Chinese messages of :mod:`lessons.checks.result` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "not attempted yet: {text}": "尚未作答：{text}",
    "the checker could not evaluate this answer ({error})": "检查程序无法评估这个答案（{error}）",
}
