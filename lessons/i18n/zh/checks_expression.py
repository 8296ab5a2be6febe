"""Chinese messages of :mod:`lessons.checks.expression` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    (
        "{name} is a string; a SymPy expression is expected. Build it from SymPy symbols and functions, e.g. "
        "`sp.log(y_hat)`, not the text 'log(y_hat)' (text is never evaluated here)"
    ): (
        "{name} 是字符串；这里需要 SymPy 表达式。请用 SymPy 的符号和函数来构造，例如 `sp.log(y_hat)`，"
        "而不是文本 'log(y_hat)'（这里从不对文本求值）"
    ),
    "{name} is None: did you forget to assign it, or to `return` it?": (
        "{name} 是 None：是不是忘了给它赋值，或者忘了 `return` 它？"
    ),
    "{name} is an equation ({type}); give the expression on its right, e.g. eq.rhs": (
        "{name} 是一个等式（{type}）；请给出等号右边的表达式，例如 `eq.rhs`"
    ),
    "{name} is a SymPy {type}, not an expression": "{name} 是 SymPy 的 {type}，不是表达式",
    "{name} is {a}; for several expressions use a SymPy Matrix, sp.Matrix([...])": (
        "{name} 是 {a}；多个表达式请用 SymPy 矩阵 `sp.Matrix([...])`"
    ),
    "{name} is {a}; a SymPy expression is expected": "{name} 是 {a}；这里需要 SymPy 表达式",
    "symbols must map each symbol to a (low, high) range, got {range} for {symbol}": (
        "`symbols` 必须把每个符号映射到一个 (low, high) 区间，{symbol} 对应的却是 {range}"
    ),
    "symbols must be a list of SymPy symbols or a mapping symbol -> (low, high), got {type}": (
        "`symbols` 必须是 SymPy 符号的列表，或“符号 -> (low, high)”的映射，收到的是 {type}"
    ),
    "symbols must be SymPy symbols (text is never evaluated here)": "`symbols` 必须是 SymPy 符号（这里从不对文本求值）",
    (
        "not equal to the expected expression (SymPy could not simplify the difference to 0, and the two could "
        "not be evaluated at enough real points to say more)"
    ): ("与期望的表达式不相等（SymPy 无法把两者之差化简为 0，两者也无法在足够多的实数点上求值，无法说得更具体）"),
    "your expression is 0, the expected one is not": "你的表达式为 0，而期望的表达式不为 0",
    "your expression equals {value}, which is not the expected value": "你的表达式等于 {value}，不是期望的值",
    "off by a factor of −1: check the sign": "相差一个因子 −1：请检查符号",
    "off by a constant factor {c}: yours = {c} × the expected expression": (
        "相差一个常数因子 {c}：你的表达式 = {c} × 期望的表达式"
    ),
    "off by a constant term {c}: yours = the expected expression + {c}": (
        "相差一个常数项 {c}：你的表达式 = 期望的表达式 + {c}"
    ),
    " and ": " 和 ",
    "an extra term in {names}": "多了一个含 {names} 的项",
    "missing a term in {names}": "缺少一个含 {names} 的项",
    "a term in {names} is missing or extra": "含 {names} 的某一项缺少了或多余了",
    "{kind}: the difference from the expected expression contains only {names}": "{kind}：与期望表达式之差只含 {names}",
    "not equal to the expected expression: at {at}, yours is {yours}, the expected one {expected}": (
        "与期望的表达式不相等：在 {at} 处，你的表达式等于 {yours}，期望的表达式等于 {expected}"
    ),
    "replace the `...` with your SymPy expression": "把 `...` 换成你的 SymPy 表达式",
    "your answer": "你的答案",
    "cannot check: ": "无法检查：",
    "the expected answer": "期望的答案",
    "wrong shape: a Matrix of shape {shape} is expected, got a single expression": (
        "形状错误：应为形状为 {shape} 的矩阵（Matrix），收到的是单个表达式"
    ),
    "wrong shape: a single expression is expected, got a Matrix of shape {shape}": (
        "形状错误：应为单个表达式，收到的是形状为 {shape} 的矩阵（Matrix）"
    ),
    " (checked at {count} random points; SymPy could not simplify the difference to 0)": (
        "（在 {count} 个随机点上检验过；SymPy 无法把两者之差化简为 0）"
    ),
    "correct: your expression equals the expected one{note}": "正确：你的表达式与期望的表达式相等{note}",
    ": transpose it (.T)": "：请转置（`.T`）",
    "wrong shape: your Matrix has shape {shape}, the expected one {expected}{hint}": (
        "形状错误：你的矩阵形状为 {shape}，期望的形状为 {expected}{hint}"
    ),
    "entry ({i}, {j}): {how}": "元素 ({i}, {j})：{how}",
    "correct: your Matrix equals the expected one (all {count} entries)": (
        "正确：你的矩阵与期望的矩阵相等（全部 {count} 个元素）"
    ),
    "... and {count} more": "……另有 {count} 个",
    "{count} of {size} entries differ:": "{size} 个元素中有 {count} 个不同：",
}
