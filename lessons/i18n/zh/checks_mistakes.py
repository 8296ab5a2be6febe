"""Chinese messages of :mod:`lessons.checks.mistakes` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "sign flipped": "符号反了",
    (
        "you used {wrong}; the residual is {right} ({what}). With the wrong sign, gradient descent climbs the "
        "loss instead of descending it."
    ): ("你用的是 {wrong}；残差应为 {right}（{what}）。符号反了，梯度下降就会让损失上升，而不是下降。"),
    "sum instead of mean": "用了求和，而不是求平均",
    (
        "the data part is n times too big (n = number of samples). The loss is a mean, so its gradient keeps "
        "the 1/n: divide the sum over the samples by n, or use np.mean."
    ): (
        "数据项是正确值的 n 倍（n 为样本数）。损失是平均值，所以它的梯度保留 1/n：把对样本的求和除以 n，"
        "或者使用 `np.mean`。"
    ),
    "an extra σ′ factor": "多了一个 σ′ 因子",
    (
        "you multiplied the residual ŷ − y by σ′(z) = ŷ(1 − ŷ), as the chain rule does for the squared error. "
        "With the cross-entropy the σ′ cancels: dL/dz = ŷ − y, so drop the ŷ(1 − ŷ)."
    ): (
        "你把残差 ŷ − y 乘上了 σ′(z) = ŷ(1 − ŷ)，这是对平方误差用链式法则时的做法。用交叉熵时 σ′ 会被约掉："
        "dL/dz = ŷ − y，所以请去掉 ŷ(1 − ŷ)。"
    ),
    "squared error's gradient (an extra σ′ factor)": "用了平方误差的梯度（多了一个 σ′ 因子）",
    (
        "2(ŷ − y)ŷ(1 − ŷ) is the gradient of the squared error (ŷ − y)², not of the cross-entropy. With the "
        "log loss the σ′ = ŷ(1 − ŷ) cancels: dL/dz = ŷ − y."
    ): (
        "2(ŷ − y)ŷ(1 − ŷ) 是平方误差 (ŷ − y)² 的梯度，不是交叉熵的梯度。用对数损失时，σ′ = ŷ(1 − ŷ) 会被约掉："
        "dL/dz = ŷ − y。"
    ),
    "labels not one-hot encoded": "标签没有做独热编码",
    (
        "you subtracted the class numbers y from every column of P. The residual is P − Y, with Y the one-hot "
        "rows: Y[i, y[i]] = 1 and 0 elsewhere."
    ): ("你从 P 的每一列中减去了类别编号 y。残差应为 P − Y，其中 Y 的每一行是独热编码：Y[i, y[i]] = 1，其余为 0。"),
    "labels not subtracted": "没有减去标签",
    "you used P where the residual is P − Y, with Y the one-hot labels (Y[i, y[i]] = 1, 0 elsewhere).": (
        "你用的是 P，而残差应为 P − Y，其中 Y 是独热编码的标签（Y[i, y[i]] = 1，其余为 0）。"
    ),
    "λ term forgotten": "漏了 λ 项",
    "{dw} lacks the gradient of the penalty λ/2‖{w}‖², which is λ{w}: add lam * {w} to {dw}.": (
        "{dw} 缺少正则项 λ/2‖{w}‖² 的梯度 λ{w}：请把 `lam * {w}` 加到 {dw} 上。"
    ),
    "λ term doubled": "λ 项多乘了 2",
    "you added 2λ{w}, but the derivative of λ/2‖{w}‖² is λ{w} (the 2 from the square cancels the 1/2).": (
        "你加的是 2λ{w}，但 λ/2‖{w}‖² 的导数是 λ{w}（平方求导得到的 2 与 1/2 相消）。"
    ),
    "λ term divided by n": "λ 项被除以了 n",
    "λ{w} is not part of the mean over the samples: add lam * {w} after dividing the data part by n.": (
        "λ{w} 不属于对样本求的平均：先把数据项除以 n，再加上 `lam * {w}`。"
    ),
    "bias penalised": "偏置也被正则化了",
    (
        "db includes λ·b, but the penalty λ/2‖{w}‖² does not involve the bias b, so db is the mean residual "
        "with no λ term."
    ): ("db 中含有 λ·b，但正则项 λ/2‖{w}‖² 与偏置 b 无关，所以 db 就是残差的平均值，没有 λ 项。"),
    "db missing": "缺少 db",
    "{db_how} but the right db (the mean of the residuals) is not zero: compute it and `return {dw}, db`.": (
        "{db_how}但正确的 db（残差的平均值）并不为零：请算出它，并 `return {dw}, db`。"
    ),
    "log₂ instead of the natural log": "用了 log₂，而不是自然对数",
    (
        "your loss is 1/ln 2 ≈ 1.4427 times too big: the negative log-likelihood uses the natural log, np.log, "
        "not np.log2."
    ): ("你的损失是正确值的 1/ln 2 ≈ 1.4427 倍，偏大了：负对数似然用的是自然对数 `np.log`，不是 `np.log2`。"),
    "log₁₀ instead of the natural log": "用了 log₁₀，而不是自然对数",
    "your loss is 1/ln 10 ≈ 0.4343 times the right one: use np.log, not np.log10.": (
        "你的损失是正确值的 1/ln 10 ≈ 0.4343 倍：请用 `np.log`，不要用 `np.log10`。"
    ),
    "minus sign forgotten": "漏了负号",
    (
        "the log-likelihood y log ŷ + (1 − y) log(1 − ŷ) is negative; the loss is its negative, −[y log ŷ + (1 "
        "− y) log(1 − ŷ)], so that it is ≥ 0 and smaller is better."
    ): (
        "对数似然 y log ŷ + (1 − y) log(1 − ŷ) 是负数；损失是它的相反数 −[y log ŷ + (1 − y) log(1 − ŷ)]，"
        "这样损失 ≥ 0，且越小越好。"
    ),
    "minus sign (whole loss negated)": "负号放错了（整个损失取了相反数）",
    "your loss is the negative of the right one: only the log-likelihood gets the minus sign.": (
        "你的损失是正确值的相反数：只有对数似然需要加负号。"
    ),
    (
        "the data part is n times too big (n = number of samples): the loss is the mean, (1/n) Σᵢ Lᵢ, so "
        "divide by n or use np.mean."
    ): ("数据项是正确值的 n 倍（n 为样本数）：损失是平均值 (1/n) Σᵢ Lᵢ，所以请除以 n，或者使用 `np.mean`。"),
    "the (1 − y) term is missing": "缺少 (1 − y) 这一项",
    "you kept only −y log ŷ. A sample with y = 0 then costs nothing; add −(1 − y) log(1 − ŷ).": (
        "你只保留了 −y log ŷ。这样 y = 0 的样本不产生任何损失；请加上 −(1 − y) log(1 − ŷ)。"
    ),
    "the y·log ŷ term is missing": "缺少 y·log ŷ 这一项",
    "you kept only −(1 − y) log(1 − ŷ). A sample with y = 1 then costs nothing; add −y log ŷ.": (
        "你只保留了 −(1 − y) log(1 − ŷ)。这样 y = 1 的样本不产生任何损失；请加上 −y log ŷ。"
    ),
    "λ penalty forgotten": "漏了 λ 正则项",
    "add λ/2‖w‖², i.e. lam / 2 * w @ w.": "请加上 λ/2‖w‖²，即 `lam / 2 * w @ w`。",
    "penalty λ‖w‖² instead of λ/2‖w‖²": "正则项写成了 λ‖w‖²，应为 λ/2‖w‖²",
    "the series' penalty has the factor 1/2: lam / 2 * w @ w.": "本系列的正则项带有系数 1/2：`lam / 2 * w @ w`。",
    "your penalty includes b²; the bias is not penalised: the penalty is λ/2‖w‖², with w only.": (
        "你的正则项包含了 b²；偏置不参与正则化：正则项是 λ/2‖w‖²，只含 w。"
    ),
}
