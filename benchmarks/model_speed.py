"""Speed of lessons.model on a mid-sized problem; prints `name: value` lines."""

import time

import numpy as np

from lessons import model


def median_ms(fn, repeats=30):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times))


rng = np.random.default_rng(0)
n, d = 100_000, 20
X = rng.normal(size=(n, d))
y = (rng.random(n) < 0.5).astype(float)
w = rng.normal(size=d) * 0.1

print(f"model_loss_ms_n100k_d20: {median_ms(lambda: model.loss(X, y, w, 0.1, 0.01)):.2f}")
print(f"model_gradient_ms_n100k_d20: {median_ms(lambda: model.gradient(X, y, w, 0.1, 0.01)):.2f}")
print(f"model_hessian_ms_n100k_d20: {median_ms(lambda: model.hessian(X, y, w, 0.1, 0.01)):.2f}")
