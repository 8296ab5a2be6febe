"""Chinese messages of :mod:`lessons.data` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "X has a constant column; it cannot be standardised": "X 有一列是常数，无法标准化",
    "test_size must be a float in (0, 1), got {value!r}": "test_size 必须是 (0, 1) 内的浮点数，收到的是 {value!r}",
}
