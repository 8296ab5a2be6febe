"""Chinese text of lessons.demos.likelihood: notebook 02's widget."""

MESSAGES = {
    "0.0 (underflow)": "0.0（下溢）",
    "The likelihood and the mean NLL as n grows": "似然与平均负对数似然随 n 的变化",
    "largest ℒ on the grid": "网格上 ℒ 最大处",
    "likelihood ℒ(w)": "似然 ℒ(w)",
    "mean NLL  J(w) = −(1/n) log ℒ(w)": "平均负对数似然 J(w) = −(1/n) log ℒ(w)",
    "n (samples)": "n（样本数）",
    (
        "n = {n}: at w = {w:.2f}, ℒ(w) = {shown}, while log₁₀ ℒ(w) = −n·J/ln 10 = {log10_L:.1f} and J(w) = "
        "{J_w:.3f}.<br>ℒ is exactly 0.0 at {zeros} of {points} grid points; J is smallest at w = {best:.2f} (the "
        "data were made with w = {w_true})."
    ): (
        "n = {n}：在 w = {w:.2f} 处，ℒ(w) = {shown}，而 log₁₀ ℒ(w) = −n·J/ln 10 = {log10_L:.1f}，J(w) = {J_w:.3f}。"
        "<br>{points} 个网格点中有 {zeros} 个点的 ℒ 恰为 0.0；J 在 w = {best:.2f} 处最小（数据由 w = {w_true} 生成）"
        "。"
    ),
    "n: expected an integer from 1 to {most}, got {n!r}": "n：应为 1 到 {most} 之间的整数，收到的是 {n!r}",
    "smallest J on the grid": "网格上 J 最小处",
    "ℒ(w) = 0.0 at every w:\nunderflow": "每个 w 处都是 ℒ(w) = 0.0：\n下溢",
    "ℒ(w), multiplied out": "ℒ(w)，直接连乘",
}
