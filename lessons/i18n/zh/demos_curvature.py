"""Chinese text of lessons.demos.curvature: notebook 06's widget."""

MESSAGES = {
    " (off the window)": "（在窗口之外）",
    "J(w, b), {name} data, λ = {lam:g}": "J(w, b)，{name}数据，λ = {lam:g}",
    "Positive curvature everywhere, and a minimiser only when J grows in every direction": (
        "处处曲率为正，但只有 J 在每个方向上都增长时才有最小值点"
    ),
    "X: expected one feature, shape (n, 1), got {shape}": "X：应只有一个特征，形状为 (n, 1)，收到的形状为 {shape}",
    "centre, mu, vectors: expected shapes (2,), (2,), (2, 2); got {centre}, {mu}, {vectors}": (
        "centre、mu、vectors：形状应为 (2,)、(2,)、(2, 2)；收到的是 {centre}、{mu}、{vectors}"
    ),
    "curvature (∝ eigenvalues)": "曲率（∝ 特征值）",
    "data": "数据",
    "data: expected one of {choices}, got {key!r}": "data：应为 {choices} 之一，收到的是 {key!r}",
    "minimiser": "最小值点",
    "minimiser (w*, b*) = ({w:.3f}, {b:.3f}){off}, where J* = {J:.4f}": (
        "最小值点 (w*, b*) = ({w:.3f}, {b:.3f}){off}，该处 J* = {J:.4f}"
    ),
    "mu: curvatures must be >= 0, got {mu}": "mu：曲率必须 >= 0，收到的是 {mu}",
    "no minimiser:\nJ keeps falling\nalong the arrow": "不存在最小值点：\nJ 沿箭头方向\n一直下降",
    "no minimiser: along the arrow J falls towards 0 and never reaches it": (
        "不存在最小值点：沿箭头方向 J 趋向 0，但永远达不到"
    ),
    "overlapping": "重叠",
    "overlapping (§4, centred)": "重叠（§4，已中心化）",
    "separable": "可分",
    "separable (§6, 4 points)": "可分（§6，4 个点）",
    "the data ({n} points) and the model": "数据（{n} 个点）与模型",
    "the point": "该点",
    "y: expected {n} labels in {{0, 1}}, got {y!r}": "y：应为 {n} 个取值于 {{0, 1}} 的标签，收到的是 {y!r}",
    (
        "{head}.<br>At the point (w, b) = ({w:.2f}, {b:.2f}): J = {J:.4f}; the Hessian's eigenvalues are {mu0:.1e} "
        "and {mu1:.1e}, both &gt; 0."
    ): (
        "{head}。<br>在点 (w, b) = ({w:.2f}, {b:.2f}) 处：J = {J:.4f}；海森矩阵的特征值为 {mu0:.1e} 和 {mu1:.1e}，都"
        " &gt; 0。"
    ),
}
