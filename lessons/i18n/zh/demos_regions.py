"""Chinese text of lessons.demos.regions: notebook 10's widget."""

MESSAGES = {
    "  At ★: p = ({p}), predicted class {k}.": "★ 处：p = ({p})，预测类别为 {k}。",
    (
        "<br>Map area whose predicted class differs from the fitted model's: {percent:.1f} %;  largest "
        "p<sub>k</sub> on the map from {lo:.2f} to {hi:.2f}."
    ): (
        "<br>预测类别与拟合模型不同的区域占图面积的 {percent:.1f} %；图上最大的 p<sub>k</sub> 介于 {lo:.2f} 与 "
        "{hi:.2f} 之间。"
    ),
    "Decision regions, class 0's weights and the temperature T": "决策区域、类别 0 的权重与温度 T",
    "W must have shape (2, K), K >= 2 (two features, one column per class), got {shape}": (
        "W 的形状必须为 (2, K)，K >= 2（两个特征，每个类别一列），收到的是 {shape}"
    ),
    "box must be (x₁ min, x₁ max, x₂ min, x₂ max) with min < max, got {box}": (
        "box 必须是 (x₁ min, x₁ max, x₂ min, x₂ max) 且 min < max，收到的是 {box}"
    ),
    "k must be a class index from 0 to {last}, got {k}": "k 必须是 0 到 {last} 之间的类别索引，收到的是 {k}",
    "k must be an integer class index, got {type}": "k 必须是整数类别索引，收到的是 {type}",
    "largest $p_k$": "最大的 pₖ",
    "p at ★ = (1.5, 1.0)": "★ = (1.5, 1.0) 处的 p",
    "predicted class (argmax)": "预测类别（argmax）",
    "w₀ turned by {turn}°, b₀ = {b_fit} {sign} {shift:.1f} = {b0}, T = {T:.2f}.": (
        "w₀ 转动 {turn}°，b₀ = {b_fit} {sign} {shift:.1f} = {b0}，T = {T:.2f}。"
    ),
}
