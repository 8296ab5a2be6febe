"""Chinese text of lessons.explorer.view: the explorer figure's titles and labels."""

MESSAGES = {
    "step k": "步数 k",
    "the data and the current model": "数据与当前模型",
    "the data and {method}'s model": "数据与{method}的模型",
    "the loss J over the parameters (click to start there)": "参数空间上的损失 J（点击即从该处出发）",
}
