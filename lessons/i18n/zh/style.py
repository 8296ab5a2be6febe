"""Chinese text of lessons.style: how the text names the optimisers' colours and styles."""

MESSAGES = {
    "black, solid, stars": "黑色、实线、星形",
    "blue, solid, dots": "蓝色、实线、圆点",
    "green, dashed, squares": "绿色、虚线、方块",
    "mplfonts is not installed: run `make lab` or `pip install -r requirements.txt`": (
        "未安装 mplfonts：请运行 `make lab` 或 `pip install -r requirements.txt`"
    ),
    "orange, dotted, triangles": "橙色、点线、三角形",
    "pink, dash-dotted, diamonds": "粉色、点划线、菱形",
}
