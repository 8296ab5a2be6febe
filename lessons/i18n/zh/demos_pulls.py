"""Chinese text of lessons.demos.pulls: notebook 04's widget."""

MESSAGES = {
    " ({distance:.2f} if b is not penalised)": "（若 b 不受惩罚则为 {distance:.2f}）",
    (
        "After k = {k} steps: w = ({w1:.3f}, {w2:.3f}), b = {b:+.3f}, J<sub>λ</sub> = {J:.4f}; the boundary passes "
        "{distance:.2f} from the origin{other}."
    ): (
        "k = {k} 步之后：w = ({w1:.3f}, {w2:.3f})，b = {b:+.3f}，J<sub>λ</sub> = {J:.4f}；边界与原点相距 "
        "{distance:.2f}{other}。"
    ),
    "Boundary after k steps of η = {eta:g}": "η = {eta:g} 时 k 步之后的边界",
    "Every sample pulls, and so does the L2 penalty": "每个样本都在拉，L2 正则项也在拉",
    "On b: (ŷᵢ − yᵢ)/n, then λb": "b 上：(ŷᵢ − yᵢ)/n，然后是 λb",
    (
        "On b: the samples' terms add up to {samples:+.4f} and λb = {penalty:+.4f}, so ∂J<sub>λ</sub>/∂b = "
        "{total:+.4f}; ‖∇<sub>w</sub>J<sub>λ</sub>‖ = {norm:.4f}."
    ): (
        "b 上：各样本的项之和为 {samples:+.4f}，λb = {penalty:+.4f}，所以 ∂J<sub>λ</sub>/∂b = {total:+.4f}；"
        "‖∇<sub>w</sub>J<sub>λ</sub>‖ = {norm:.4f}。"
    ),
    "On w: (ŷᵢ − yᵢ)xᵢ/n, then λw": "w 上：(ŷᵢ − yᵢ)xᵢ/n，然后是 λw",
    "b not penalised": "b 不受惩罚",
    "b penalised": "b 受惩罚",
    "k (steps)": "k（步数）",
    "penalise b (adds λb²/2)": "惩罚 b（加上 λb²/2）",
    "steps must be >= 0, got {steps}": "steps 必须 >= 0，收到的是 {steps}",
    "steps must be an integer, got {type}": "steps 必须是整数，收到的是 {type}",
    "{name} must be True or False, got {type}": "{name} 必须是 True 或 False，收到的是 {type}",
}
