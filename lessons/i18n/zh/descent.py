"""Chinese text of lessons.descent: the explorer's data sets and optimisers, and what a run did (behaviour())."""

MESSAGES = {
    ", and ends above its start": "，且最终高于起点",
    ", up to {value:.3g} at step {step}": "，在第 {step} 步高达 {value:.3g}",
    "; the path zig-zags": "；路径呈之字形",
    "J does not settle: it still rises at {late} of the last {quarter} steps{above}": (
        "J 没有稳定下来：最后 {quarter} 步中仍有 {late} 步上升{above}"
    ),
    "J falls at every one of the {steps} steps{path}": "J 在全部 {steps} 步中每一步都下降{path}",
    "J rises {where} and ends above its start": "J {where}上升，最终高于起点",
    "J rises {where}{high}, then falls at every step after step {last}{path}": (
        "J {where}上升{high}，第 {last} 步之后每一步都下降{path}"
    ),
    ", to {value:.3g}": "，升至 {value:.3g}",
    "Newton": "牛顿法",
    "SGD (mini-batches of 10)": "SGD（小批量，每批 10 个）",
    "a value overflowed at step {step}; the run stops there": "第 {step} 步出现数值上溢，运行在此停止",
    "at step {step}": "在第 {step} 步",
    "at {count} steps ({first}–{last})": "在 {count} 步（第 {first}–{last} 步之间）",
    "badly scaled features · 2 features, (w₁, w₂)": "特征尺度悬殊 · 2 个特征，(w₁, w₂)",
    "badly scaled, standardised · (w₁, w₂)": "尺度悬殊，已标准化 · (w₁, w₂)",
    "gradient descent": "梯度下降",
    "linearly separable · 1 feature, (w, b)": "线性可分 · 1 个特征，(w, b)",
    "method must be one of {choices}; got {method!r}": "method 必须是 {choices} 之一；收到的是 {method!r}",
    "momentum (β = 0.9)": "动量法（β = 0.9）",
    "overlapping classes · 1 feature, (w, b)": "类别重叠 · 1 个特征，(w, b)",
    "overlapping classes · 2 features, (w₁, w₂)": "类别重叠 · 2 个特征，(w₁, w₂)",
    "problem must be one of {choices}, got {key!r}": "problem 必须是 {choices} 之一，收到的是 {key!r}",
    "the source's 4-point example · (w₁, w₂)": "原文的 4 点示例 · (w₁, w₂)",
}
