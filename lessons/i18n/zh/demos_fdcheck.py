"""Chinese text of lessons.demos.fdcheck: notebook 05's widget."""

MESSAGES = {
    ", where the verdict can be trusted": "，在这里判定结果可信",
    ": a correct gradient fails too": "：正确的梯度在这里也通不过",
    ": this BUG is a false alarm": "：这个 BUG 是误报",
    "A gradient check's relative error against the step h, with a planted bug": (
        "植入错误后，梯度检验的相对误差随步长 h 的变化"
    ),
    "Central difference": "中心差分",
    "Forward difference": "前向差分",
    "Gradient check at θ₀ against the step h": "θ₀ 处的梯度检验与步长 h",
    "V's bottom: a correct\ngradient passes": "V 形底部：正确的\n梯度能通过",
    "a correct gradient would score {err:.1e} → {verdict}; {where}{tail}": (
        "正确的梯度会得到 {err:.1e} → {verdict}；{where}{tail}"
    ),
    "bug": "植入的错误",
    "bug: expected one of {choices}, got {bug!r}": "bug：应为 {choices} 之一，收到的是 {bug!r}",
    "central": "中心差分",
    "checked gradient": "被检验的梯度",
    "checked: {bug}": "被检验：{bug}",
    "correct, central": "正确，中心差分",
    "correct, forward": "正确，前向差分",
    "db missing (db = 0)": "漏了 db（db = 0）",
    "difference": "差分",
    "extra σ′ = ŷ(1 − ŷ)": "多乘了 σ′ = ŷ(1 − ŷ)",
    "f must be callable, got {type}": "f 必须是可调用对象，收到的是 {type}",
    "forgot the 1/n": "漏了 1/n",
    "forward": "前向差分",
    "hs and errors must be 1-D of the same shape, got {hs} and {errors}": (
        "hs 和 errors 必须是形状相同的一维数组，收到的是 {hs} 和 {errors}"
    ),
    "hs must be a non-empty 1-D array of shape (m,), got shape {shape}": (
        "hs 必须是形状为 (m,) 的非空一维数组，收到的形状为 {shape}"
    ),
    "hs: every step must be positive and finite": "hs：每个步长都必须是有限的正数",
    "method: expected one of {choices}, got {method!r}": "method：应为 {choices} 之一，收到的是 {method!r}",
    "none (correct)": "无（正确）",
    "relative error": "相对误差",
    "sign flipped (y − ŷ)": "符号反了（y − ŷ）",
    "step h": "步长 h",
    "the correct gradient's relative error is {err:.1e} → <b>{verdict}</b>": (
        "正确梯度的相对误差为 {err:.1e} → <b>{verdict}</b>"
    ),
    "theta must be a non-empty 1-D array of shape (p,), got shape {shape}": (
        "theta 必须是形状为 (p,) 的非空一维数组，收到的形状为 {shape}"
    ),
    "this h is in the V's bottom (shaded: {lo:.0e} ≤ h ≤ {hi:.0e})": (
        "这个 h 位于 V 形底部（阴影部分：{lo:.0e} ≤ h ≤ {hi:.0e}）"
    ),
    "this h is outside the V's bottom (shaded: {lo:.0e} ≤ h ≤ {hi:.0e})": (
        "这个 h 在 V 形底部之外（阴影部分：{lo:.0e} ≤ h ≤ {hi:.0e}）"
    ),
    "threshold 10⁻⁶": "阈值 10⁻⁶",
    "with the bug “{bug}” the relative error is {err:.2e} → <b>{verdict}</b>": (
        "植入错误“{bug}”后，相对误差为 {err:.2e} → <b>{verdict}</b>"
    ),
    "{method}, h = {h:.1e}: {first}.<br>{second}.": "{method}，h = {h:.1e} 时：{first}。<br>{second}。",
}
