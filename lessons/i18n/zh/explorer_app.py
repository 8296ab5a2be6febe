"""Chinese text of lessons.explorer.app: the explorer's controls."""

MESSAGES = {
    "The gradient-descent explorer": "梯度下降探索器",
    "all five: a race": "全部五种：同场竞赛",
    "data set": "数据集",
    "learning rate η": "学习率 η",
    "method must be one of {choices}, got {method!r}": "method 必须是 {choices} 之一，收到的是 {method!r}",
    "optimiser": "优化器",
    "play": "播放",
    "problem must be one of {choices}, got {problem!r}": "problem 必须是 {choices} 之一，收到的是 {problem!r}",
    "step k": "步数 k",
    "λ (L2 penalty)": "λ（L2 正则项）",
}
