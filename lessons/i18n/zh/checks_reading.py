"""Chinese messages of :mod:`lessons.checks.reading` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "replace the `raise NotImplementedError` with your code": "把 `raise NotImplementedError` 换成你的代码",
    "replace the `...` with your answer": "把 `...` 换成你的答案",
    "{name} is None": "{name} 是 None",
    "{name} is {a} ({value}), not a number or an array of numbers": "{name} 是 {a}（{value}），不是数或数组",
    "{name} is a function, not a number or an array: did you forget to call it?": (
        "{name} 是一个函数，不是数或数组：是不是忘了调用它？"
    ),
    "{name} could not be read as a number or an array of numbers (got {a})": "{name} 无法读成数或数组（收到的是 {a}）",
    "{name} is complex ({dtype}); it must be real": "{name} 是复数（{dtype}）；它必须是实数",
    "{name} is not numeric (got {a} of dtype {dtype})": "{name} 不是数值（收到的是 dtype 为 {dtype} 的 {a}）",
    "{name} is {value}": "{name} 是 {value}",
    "{name} contains {value} (at index {where})": "{name} 含有 {value}（在索引 {where} 处）",
    "your function returned None: did you forget `return {a}, {b}`?": (
        "你的函数返回了 None：是不是忘了写 `return {a}, {b}`？"
    ),
    "your function returned {type}; it must return the pair `{a}, {b}`": (
        "你的函数返回了 {type}；它必须返回 `{a}, {b}` 这一对值"
    ),
    "your function returned {count} values; it must return two: `return {a}, {b}`": (
        "你的函数返回了 {count} 个值；它必须返回两个值：`return {a}, {b}`"
    ),
    "expected a function, got {a}: pass the function itself, e.g. `{example}`": (
        "需要一个函数，收到的是 {a}：请传入函数本身，例如 `{example}`"
    ),
    "expected a function, got {a}: pass the function itself, e.g. `{example}`, not the result of calling it": (
        "需要一个函数，收到的是 {a}：请传入函数本身，例如 `{example}`，而不是调用它得到的结果"
    ),
    "your function cannot be called as f{signature} ({error}): define it as `def f{signature}:`": (
        "你的函数不能以 f{signature} 的方式调用（{error}）：请把它定义为 `def f{signature}:`"
    ),
    "your function raised {error} on a problem with {size}{hint}. Reproduce it with:": (
        "你的函数在 {size} 的问题上抛出了 {error}{hint}。可用以下代码复现："
    ),
    (
        " (did you subtract the labels y from P directly? y holds class numbers; turn it into one-hot rows Y, "
        "shape (n, K), first)"
    ): ("（你是不是直接从 P 中减去了标签 y？y 存的是类别编号；请先把它转成独热编码的行 Y，形状为 (n, K)）"),
    "On a problem with {size}, reproduce it with:": "出现在 {size} 的问题上，可用以下代码复现：",
}
