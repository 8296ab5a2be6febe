"""Chinese messages of :mod:`lessons.checks.value` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "your value": "你的值",
    "replace the `...` with your value of {name}": "把 `...` 换成你算出的 {name}",
    "replace the `...` with your value of your value": "把 `...` 换成你算出的值",
    "cannot check {name}: ": "无法检查 {name}：",
    "the expected value": "期望值",
    "wrong shape: {name} has shape {shape}, expected shape {expected}": (
        "形状错误：{name} 的形状是 {shape}，应为 {expected}"
    ),
    ": transposed?": "：是不是转置了？",
    "{name} = {value} is right": "{name} = {value} 正确",
    "{name} is right (all {count} entries)": "{name} 正确（全部 {count} 个元素）",
    "cannot check {name}: the value of the mistake {mistake!r}: ": "无法检查 {name}：错误 {mistake!r} 对应的值：",
    "it": "它",
    "{name}{shown} is what {mistake} gives: look for that in your code.": (
        "{name}{shown} 正是“{mistake}”会得到的结果：请在代码中找找这个问题。"
    ),
    " It has the wrong sign.": "符号反了。",
    " (relative error {rel:.1e})": "（相对误差 {rel:.1e}）",
    "{name} = {value} is off by {gap}{rel}.{sign}": "{name} = {value} 不对，偏差为 {gap}{rel}。{sign}",
    (
        "{name}: {count} of {size} entries are off; the largest difference is {gap} at index {where}, where "
        "yours is {yours}.{sign}"
    ): ("{name}：{size} 个元素中有 {count} 个不对；最大差值为 {gap}，在索引 {where} 处，你的值是 {yours}。{sign}"),
}
