"""Chinese text of lessons.demos.chain: notebook 03's widget."""

MESSAGES = {
    "The chain rule for one sample: ∂L/∂ŷ · ∂ŷ/∂z = ŷ − y, and the step along ±x": (
        "单个样本的链式法则：∂L/∂ŷ · ∂ŷ/∂z = ŷ − y，以及沿 ±x 方向的一步"
    ),
    "size (log scale)": "大小（对数刻度）",
    "step −∇L = (y − ŷ)·x, y = {y}: {toward}": "一步 −∇L = (y − ŷ)·x，y = {y}：{toward}",
    "towards +x": "朝向 +x",
    "towards −x": "朝向 −x",
    "w ± x: the longest possible step": "w ± x：可能的最长一步",
    "w, and the step −∇L from it": "w，以及从它出发的一步 −∇L",
    "x must be a non-empty 1-D array of shape (d,), got shape {shape}": (
        "x 必须是形状为 (d,) 的非空一维数组，收到的形状为 {shape}"
    ),
    "y (label)": "y（标签）",
    "y must be 0 or 1, got {y!r}": "y 必须是 0 或 1，收到的是 {y!r}",
    "y must be the number 0 or 1, got {type}": "y 必须是数 0 或 1，收到的是 {type}",
    "z must satisfy |z| <= {most:g} (1/ŷ overflows beyond), got max |z| = {largest!r}": (
        "z 必须满足 |z| <= {most:g}（超出后 1/ŷ 会上溢），收到的最大 |z| = {largest!r}"
    ),
    "∇L = (ŷ − y)·x = ({g1:+.4f}, {g2:+.4f}), so the step −∇L is {size:.4f} × {direction}": (
        "∇L = (ŷ − y)·x = ({g1:+.4f}, {g2:+.4f})，所以一步 −∇L 为 {size:.4f} × {direction}"
    ),
}
