"""How close lessons.model.gradient comes to the two matrix products it cannot avoid.

At n = 200 000, d = 50 the gradient needs ``X @ w`` and ``X.T @ r``; everything
else (validation, the stable sigmoid, the residual) is overhead. Prints
``gradient_ratio_vs_blas_floor: R`` = median time of ``model.gradient`` divided
by the median time of the two products alone, measured in the same run
(interleaved, so that both see the same machine state). Target: R <= 1.5.
"""

import time

import numpy as np

from lessons import model

rng = np.random.default_rng(0)
n, d = 200_000, 50
X = rng.normal(size=(n, d))
y = (rng.random(n) < 0.5).astype(float)
w = rng.normal(size=d) * 0.1
r = rng.normal(size=n)


def floor():
    X @ w
    X.T @ r


def grad():
    model.gradient(X, y, w, 0.1, 0.01)


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


for _ in range(3):  # warm up caches and BLAS threads
    floor(), grad()
t_floor, t_grad = [], []
for _ in range(40):
    t_floor.append(timed(floor))
    t_grad.append(timed(grad))
f, g = np.median(t_floor), np.median(t_grad)
print(f"blas_floor_ms_n200k_d50: {1e3 * f:.2f}")
print(f"model_gradient_ms_n200k_d50: {1e3 * g:.2f}")
print(f"gradient_ratio_vs_blas_floor: {g / f:.2f}")
