"""Chinese messages of :mod:`lessons.surface` (see :mod:`lessons.i18n`)."""

MESSAGES = {
    "thetas must have shape (G, d + 1) = (G, {p}), got {shape}": (
        "thetas 的形状必须是 (G, d + 1) = (G, {p})，收到的是 {shape}"
    ),
    "the logits X @ w + b overflowed float64 for some rows of thetas": (
        "对 thetas 的某些行，logit X @ w + b 上溢，超出了 float64 的范围"
    ),
    "fixed must have shape (d + 1,) = ({p},), got {shape}": "fixed 的形状必须是 (d + 1,) = ({p},)，收到的是 {shape}",
}
