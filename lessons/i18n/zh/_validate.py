"""Chinese messages of :mod:`lessons._validate` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "{name} must be numeric, got {type}": "{name} 必须是数值，收到的是 {type}",
    "{name} could not be read as an array: {error}": "{name} 无法读成数组：{error}",
    "{name} must be a numeric array, got a ragged or object array": (
        "{name} 必须是数值数组，收到的是不规则数组或 object 数组"
    ),
    "{name} must be real, got complex dtype {dtype}": "{name} 必须是实数，收到的是复数 dtype {dtype}",
    "{name} must be numeric, got dtype {dtype}": "{name} 必须是数值，收到的是 dtype {dtype}",
    " at index {index}": "（在索引 {index} 处）",
    "{name} must be finite, got {value!r}{where}": "{name} 必须是有限值，收到的是 {value!r}{where}",
    "{name} must be 2-D with shape (n, d), got {ndim}-D shape {shape}": (
        "{name} 必须是形状为 (n, d) 的二维数组，收到的是形状为 {shape} 的 {ndim} 维数组"
    ),
    "{name} must have at least one sample (row), got shape {shape}": (
        "{name} 至少要有一个样本（行），收到的形状为 {shape}"
    ),
    "{name} must have at least one feature (column), got shape {shape}": (
        "{name} 至少要有一个特征（列），收到的形状为 {shape}"
    ),
    "{name} must be 1-D with shape ({what},), got {ndim}-D shape {shape}": (
        "{name} 必须是形状为 ({what},) 的一维数组，收到的是形状为 {shape} 的 {ndim} 维数组"
    ),
    "{name} must have length {what} = {length}, got {got}": "{name} 的长度必须是 {what} = {length}，收到的是 {got}",
    "0 and 1": "0 和 1",
    "integers 0..{top}": "0..{top} 的整数",
    "{name} must contain only {allowed}, got {value} at index {index}": (
        "{name} 只能包含 {allowed}，但索引 {index} 处是 {value}"
    ),
    "{name} must be a real number, got {type}": "{name} 必须是实数，收到的是 {type}",
    "{name} must be finite, got {value!r}": "{name} 必须是有限值，收到的是 {value!r}",
    "{name} must be >= 0, got {value!r}": "{name} 必须 >= 0，收到的是 {value!r}",
    "{name} must be > 0, got {value!r}": "{name} 必须 > 0，收到的是 {value!r}",
    "{name} must be an integer, got {type}": "{name} 必须是整数，收到的是 {type}",
    "{name} must be >= 1, got {value}": "{name} 必须 >= 1，收到的是 {value}",
}
