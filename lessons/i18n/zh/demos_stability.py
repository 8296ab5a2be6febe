"""Chinese text of lessons.demos.stability: notebook 09's widget."""

MESSAGES = {
    "1 − ŷ = 1 − {yhat:.2g} rounds to exactly 1, so log(1 − ŷ) = log 1 = 0: no digit is right": (
        "1 − ŷ = 1 − {yhat:.2g} 恰好舍入为 1，所以 log(1 − ŷ) = log 1 = 0：没有一位数字是对的"
    ),
    "Where the textbook loss and gradient break, and the forms computed from z do not": (
        "教科书式的损失与梯度在哪里失效，而由 z 直接计算的形式不会"
    ),
    "at z = {z:.2f}\nchain rule: {chain:.4g}\nŷ − y: {stable:.4g}": (
        "z = {z:.2f} 处\n链式法则：{chain:.4g}\nŷ − y：{stable:.4g}"
    ),
    "at z = {z:.2f}\ntextbook: {textbook:.4g}\nsoftplus: {softplus:.4g}": (
        "z = {z:.2f} 处\n教科书式：{textbook:.4g}\nsoftplus：{softplus:.4g}"
    ),
    "catastrophic cancellation: {gap}, and near 1 the {precision} numbers are {spacing:.2g} apart: {right}": (
        "灾难性抵消：{gap}，而在 1 附近相邻的 {precision} 数相距 {spacing:.2g}：{right}"
    ),
    "chain rule, through ŷ": "链式法则，经过 ŷ",
    "decimals must be an int, got {type}": "decimals 必须是 int，收到的是 {type}",
    "decimals must be ≥ 0, got {decimals}": "decimals 必须 ≥ 0，收到的是 {decimals}",
    "e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, log ŷ = log 0 = −∞": (
        "e<sup>−z</sup> 上溢为 ∞，ŷ = 1/(1 + ∞) = 0，log ŷ = log 0 = −∞"
    ),
    "e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, y·log ŷ = 0·(−∞) = nan": (
        "e<sup>−z</sup> 上溢为 ∞，ŷ = 1/(1 + ∞) = 0，y·log ŷ = 0·(−∞) = nan"
    ),
    "exactly {yhat:.0f}": "恰为 {yhat:.0f}",
    "its gradient ∂L/∂z, y = {y}": "它的梯度 ∂L/∂z，y = {y}",
    "logit z  (symmetric log scale)": "对数几率 z（对称对数刻度）",
    "loss of one sample, y = {y}  ({precision})": "单个样本的损失，y = {y}（{precision}）",
    "loss: textbook {textbook}; softplus {softplus}.": "损失：教科书式 {textbook}；softplus {softplus}。",
    "no digit is right": "没有一位数字是对的",
    "only {k} of {most} digits are right": "{most} 位数字中只有 {k} 位是对的",
    "precision": "精度",
    "precision must be a str, one of {choices}, got {type}": "precision 必须是 str，取 {choices} 之一，收到的是 {type}",
    "precision must be one of {choices}, got {precision!r}": "precision 必须是 {choices} 之一，收到的是 {precision!r}",
    "reference must not be 0": "reference 不能为 0",
    "softplus, from z": "softplus，由 z 计算",
    "textbook, through ŷ": "教科书式，经过 ŷ",
    "true ≈ {sign}10<sup>{exponent}</sup>, below the smallest {precision}: 0 is its correct rounding": (
        "真值 ≈ {sign}10<sup>{exponent}</sup>，小于最小的正 {precision} 数：0 是它的正确舍入"
    ),
    "y (label)": "y（标签）",
    "y must be 0 or 1, got {y!r}": "y 必须是 0 或 1，收到的是 {y!r}",
    "y must be the integer 0 or 1, got {type}": "y 必须是整数 0 或 1，收到的是 {type}",
    "z (logit)": "z（对数几率）",
    "z must be a single number, got shape {shape}": "z 必须是单个数，收到的形状为 {shape}",
    "{name} must be finite, got {x!r}": "{name} 必须是有限数，收到的是 {x!r}",
    (
        "{precision}, y = {y}, z = {z:.2f}: ŷ = 1/(1 + e<sup>−z</sup>) = {shown}. (ŷ is exactly 1 for z ≥ "
        "{z_one:.2f}, exactly 0 for z ≤ {z_zero:.2f}.)"
    ): (
        "{precision}，y = {y}，z = {z:.2f}：ŷ = 1/(1 + e<sup>−z</sup>) = {shown}。（z ≥ {z_one:.2f} 时 ŷ 恰为 1，z "
        "≤ {z_zero:.2f} 时恰为 0。）"
    ),
    "{v} ({n})": "{v}（{n}）",
    "ŷ = 0, −y/ŷ = −1/0 = −∞, times ŷ(1 − ŷ) = 0: −∞·0 = nan": (
        "ŷ = 0，−y/ŷ = −1/0 = −∞，再乘以 ŷ(1 − ŷ) = 0：−∞·0 = nan"
    ),
    "ŷ = 1, (1 − y)/(1 − ŷ) = 1/0 = ∞, times ŷ(1 − ŷ) = 0: ∞·0 = nan": (
        "ŷ = 1，(1 − y)/(1 − ŷ) = 1/0 = ∞，再乘以 ŷ(1 − ŷ) = 0：∞·0 = nan"
    ),
    "ŷ = 1, log(1 − ŷ) = log 0 = −∞, times 1 − y = 0: 0·(−∞) = nan": (
        "ŷ = 1，log(1 − ŷ) = log 0 = −∞，再乘以 1 − y = 0：0·(−∞) = nan"
    ),
    "ŷ = {yhat:.2g} is subnormal (underflow) and carries fewer digits: only {k} of {most} are right": (
        "ŷ = {yhat:.2g} 是次正规数（下溢），有效数字更少：{most} 位中只有 {k} 位是对的"
    ),
    "ŷ exactly 0 or 1": "ŷ 恰为 0 或 1",
    "ŷ − y, from z": "ŷ − y，由 z 计算",
    "∂L/∂z: chain rule {chain}; ŷ − y {stable}.": "∂L/∂z：链式法则 {chain}；ŷ − y {stable}。",
}
