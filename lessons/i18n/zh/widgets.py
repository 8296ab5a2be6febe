"""Chinese text of lessons.widgets: notebook 01's z demo."""

MESSAGES = {
    "The loss of one sample against z": "单个样本的损失随 z 的变化",
    "loss L": "损失 L",
    "y = 1:": "y = 1 时：",
    "y = 0:": "y = 0 时：",
}
