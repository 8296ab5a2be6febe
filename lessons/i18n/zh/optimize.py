"""Chinese messages of :mod:`lessons.optimize` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "method must be a string, one of {methods}; got {type}": "method 必须是字符串，取 {methods} 之一；收到的是 {type}",
    "method must be one of {methods}; got {method!r}": "method 必须是 {methods} 之一；收到的是 {method!r}",
    "method='auto' needs the number of parameters, n_params": "method='auto' 需要参数个数 n_params",
    " (here {method!r})": "（此处为 {method!r}）",
    "{chosen} does not take option(s) {unknown}; it takes {allowed}": (
        "{chosen} 不接受选项 {unknown}；它接受的选项是 {allowed}"
    ),
    "batch_size must be <= n = {n} (the number of samples), got {bs}": (
        "batch_size 必须 <= n = {n}（样本数），收到的是 {bs}"
    ),
    "seed must be a non-negative integer, got {seed!r}": "seed 必须是非负整数，收到的是 {seed!r}",
    "{name} must be in [0, 1), got {value!r}": "{name} 必须在 [0, 1) 内，收到的是 {value!r}",
    "the iterates overflowed at step {k}": "迭代在第 {k} 步上溢",
    "||grad J|| = {norm:.2e} <= tol = {tol:.2e} after {k} steps": "{k} 步后 ||grad J|| = {norm:.2e} <= tol = {tol:.2e}",
    "no further progress after {k} steps: the minimum to float64 precision": (
        "{k} 步后无法再取得进展：已在 float64 精度内达到最小值"
    ),
    "ran all {steps} steps": "运行完全部 {steps} 步",
    "step limit: {steps} steps": "达到步数上限：{steps} 步",
    "the start overflowed": "起点处上溢",
    "no further progress after {k} steps ({reason})": "{k} 步后无法再取得进展（{reason}）",
    "the line search failed after {k} steps ({reason})": "{k} 步后线搜索失败（{reason}）",
    "Increase steps, or pass tol=None to run exactly `steps` steps without a convergence test.": (
        "请增大 steps，或传入 tol=None，不做收敛检验、恰好运行 `steps` 步。"
    ),
    "Rescale X, or try another method.": "请缩放 X，或换一种方法。",
    ("{method} did not converge: {steps} steps taken, ||grad J|| = {norm:.3e} > tol = {tol:.3e} ({message}). {hint}"): (
        "{method} 未收敛：走了 {steps} 步，||grad J|| = {norm:.3e} > tol = {tol:.3e}（{message}）。{hint}"
    ),
}
