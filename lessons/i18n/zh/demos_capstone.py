"""Chinese text of lessons.demos.capstone: notebook 11's widget."""

MESSAGES = {
    "5-fold cross-validation": "5 折交叉验证",
    "The regularisation path, the cross-validated loss and the decisions at a threshold": (
        "正则化路径、交叉验证损失与某个阈值下的决策"
    ),
    "benign": "良性",
    "coefficient $w_j$": "系数 wⱼ",
    "false alarms": "误报",
    "its minimum": "其最小值",
    "lam must be > 0, got {lam!r}": "lam 必须 > 0，收到的是 {lam!r}",
    "lams must be > 0, got {lam!r}": "lams 必须 > 0，收到的是 {lam!r}",
    "lams must be a non-empty 1-D array, got shape {shape}": "lams 必须是非空的一维数组，收到的形状为 {shape}",
    "malignant": "恶性",
    "mean NLL, held-out folds": "留出折上的平均负对数似然",
    "mean ± 1 s.e.": "均值 ± 1 个标准误",
    "missed": "漏诊",
    "n_splits must be >= 2, got {n}": "n_splits 必须 >= 2，收到的是 {n}",
    "out-of-fold decisions": "折外决策",
    "p_malignant must be 1-D with shape (n,), got shape {shape}": (
        "p_malignant 必须是形状为 (n,) 的一维数组，收到的形状为 {shape}"
    ),
    "p_malignant must be probabilities in [0, 1]": "p_malignant 必须是 [0, 1] 中的概率",
    "predicted": "预测",
    "regularisation path": "正则化路径",
    (
        "t = {t:.2f}: flag malignant if P(malignant) = 1 − ŷ ≥ t. Out of fold, on the {n} training tumours: "
        "<b>{missed} of {malignant} cancers missed</b>, <b>{alarms} of {benign} benign flagged</b> (false alarms)."
    ): (
        "t = {t:.2f}：若 P(恶性) = 1 − ŷ ≥ t，则判为恶性。按折外预测，在 {n} 个训练肿瘤上：<b>{malignant} 例癌症中漏"
        "诊 {missed} 例</b>，<b>{benign} 例良性中误判 {alarms} 例</b>（误报）。"
    ),
    "t must be in [0, 1], got {t!r}": "t 必须在 [0, 1] 内，收到的是 {t!r}",
    "true": "真实",
    "λ  (weaker →)": "λ（越往右越弱 →）",
    (
        "λ = {lam:.2e} (C = 1/(nλ) = {C:.2g}): ‖w‖ = {norm:.2f}, {feature1} {w1:+.2f}, {feature2} {w2:+.2f}; CV "
        "loss {cv:.4f} (lowest {lowest:.4f}, at λ = {best:.2e})."
    ): (
        "λ = {lam:.2e}（C = 1/(nλ) = {C:.2g}）：‖w‖ = {norm:.2f}，{feature1} {w1:+.2f}，{feature2} {w2:+.2f}；交叉验"
        "证损失 {cv:.4f}（最低为 {lowest:.4f}，在 λ = {best:.2e} 处）。"
    ),
}
