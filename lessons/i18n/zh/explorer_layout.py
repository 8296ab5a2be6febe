"""Chinese text of lessons.explorer.layout: the explorer's numbers panel, learning-rate readout and headline."""

MESSAGES = {
    " (no edge: no minimiser)": "（没有稳定边缘：不存在最小值点）",
    " = {ratio:.2g} × edge": " = {ratio:.2g} × 稳定边缘",
    "<b>step k = {k}</b> of {steps}": "<b>第 k = {k} 步</b>（共 {steps} 步）",
    "<b>the run:</b> {behaviour}": "<b>本次运行：</b>{behaviour}",
    "Newton's method (no learning rate) · {behaviour}": "牛顿法（无学习率） · {behaviour}",
    "all five optimisers from one start · {rate}": "五种优化器从同一起点出发 · {rate}",
    (
        "arrows: the pull of every label-0 sample (red) plus every label-1 sample (blue) plus the penalty (grey) "
        "adds up to −∇J (black); all drawn at one scale, fitted to the view"
    ): (
        "箭头：所有标签为 0 的样本的拉力（红）、所有标签为 1 的样本的拉力（蓝）与正则项的拉力（灰）之和为 −∇J（黑）；"
        "全部按同一比例绘制，并缩放到视图之内"
    ),
    "none (no minimiser)": "无（不存在最小值点）",
    "one class only": "只有一个类别",
    "safe 2/L = {safe:.3g} · edge 2/λ<sub>max</sub>(H*) = {edge}": (
        "安全值 2/L = {safe:.3g} · 稳定边缘 2/λ<sub>max</sub>(H*) = {edge}"
    ),
    "sample {i} (label {label}): its pull −(ŷ − y)a/n = {pull}, the thick arrow": (
        "样本 {i}（标签 {label}）：它的拉力 −(ŷ − y)a/n = {pull}，即粗箭头"
    ),
    "separable data and λ = 0": "数据线性可分且 λ = 0",
    "update ({method}): the last step of the run": "更新（{method}）：这已是运行的最后一步",
    "update ({method}): θ ← θ + {step}": "更新（{method}）：θ ← θ + {step}",
    "update: θ ← θ − η∇J = {theta} − {eta:.3g} × {grad}": "更新：θ ← θ − η∇J = {theta} − {eta:.3g} × {grad}",
    "{why}: <b>no minimiser</b>; the weights grow without bound, J only tends to 0.": (
        "{why}：<b>不存在最小值点</b>；权重无限增长，J 只是趋于 0。"
    ),
    "η = {eta:.3g} = {ratio:.2g} × safe": "η = {eta:.3g} = {ratio:.2g} × 安全值",
}
