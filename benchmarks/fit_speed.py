"""Our default fitters and scikit-learn's lbfgs, side by side in one run, on the same objective.

- Binary: ``lessons.optimize.fit``'s default (Newton, to ||grad J|| <= 1e-10 max(1, ||grad J_0||)) on the
  breast-cancer training split, C = 1.
- Softmax: ``lessons.softmax.fit``'s default (L-BFGS here, (d + 1) K = 650 parameters) on scikit-learn's
  digits, X / 16, at C = 0.5 (``*_digits``) and C = 5 (``*_digits_c5``).

Both sides minimise mean NLL + lam / 2 ||w||^2 with lam = 1 / (n C): scikit-learn minimises
C sum_i NLL_i + 1/2 ||w||^2 (for the multinomial loss too, penalising every class's weights and no
intercept), which is n C times ours. Each runs at its own defaults (scikit-learn: tol = 1e-4, max_iter = 100);
the two are timed alternately, median of several runs. ``*_objective_gap_*`` is each side's final
objective minus the optimum (scikit-learn's lbfgs at tol = 1e-12). BLAS and OpenMP are held to one thread for
both (before numpy is imported; set OPENBLAS_NUM_THREADS etc. to override): on a shared machine extra
threads make the figures noise. Prints ``name: value`` lines; the target is
``softmax_fit_ratio_vs_sklearn_digits`` <= 3. For the record, not a race: the figures depend on the machine.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from lessons import softmax  # noqa: E402
from lessons.data import breast_cancer  # noqa: E402
from lessons.optimize import fit  # noqa: E402


def sklearn_fit(X, y, C, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a ConvergenceWarning would only repeat what n_iter_ says
        return LogisticRegression(C=C, **kw).fit(X, y)


def side_by_side(ours, theirs, repeats):
    """Median seconds of each, run alternately after one warm-up; and the last result of each."""
    times, last = {"ours": [], "theirs": []}, {}
    ours(), theirs()
    for _ in range(repeats):
        for name, fn in (("ours", ours), ("theirs", theirs)):
            t0 = time.perf_counter()
            last[name] = fn()
            times[name].append(time.perf_counter() - t0)
    return float(np.median(times["ours"])), float(np.median(times["theirs"])), last["ours"], last["theirs"]


# ---------------------------------------------------------------- binary: breast cancer

X, _, y, _, _ = breast_cancer()
n, C = len(y), 1.0
lam = 1.0 / (n * C)
t_ours, t_sk, r, clf = side_by_side(lambda: fit(X, y, lam), lambda: sklearn_fit(X, y, C), repeats=30)
print(f"newton_fit_ms_breast_cancer: {1e3 * t_ours:.2f}")
print(f"sklearn_lbfgs_ms_breast_cancer: {1e3 * t_sk:.2f}")
print(f"newton_iterations_breast_cancer: {r.n_iter}")
print(f"sklearn_lbfgs_iterations_breast_cancer: {int(clf.n_iter_[0])}")
print(f"newton_vs_lbfgs_max_coef_diff: {np.abs(r.w - clf.coef_[0]).max():.1e}")

# ---------------------------------------------------------------- softmax: digits

X, y = load_digits(return_X_y=True)
X = X / 16.0
n = len(y)
for C, suffix in ((0.5, "digits"), (5.0, "digits_c5")):
    lam = 1.0 / (n * C)
    best = sklearn_fit(X, y, C, tol=1e-12, max_iter=100_000)
    J_star = softmax.loss(X, y, best.coef_.T, best.intercept_, lam)
    t_ours, t_sk, r, clf = side_by_side(
        lambda lam=lam: softmax.fit(X, y, lam), lambda C=C: sklearn_fit(X, y, C), repeats=15
    )
    print(f"softmax_fit_ms_{suffix}: {1e3 * t_ours:.1f}")
    print(f"sklearn_lbfgs_ms_{suffix}: {1e3 * t_sk:.1f}")
    print(f"softmax_fit_ratio_vs_sklearn_{suffix}: {t_ours / t_sk:.2f}")
    print(f"softmax_fit_iterations_{suffix}: {r.n_iter} ({r.method})")
    print(f"sklearn_lbfgs_iterations_{suffix}: {int(clf.n_iter_[0])}")
    print(f"softmax_objective_gap_{suffix}: {r.losses[-1] - J_star:.1e}")
    print(f"sklearn_lbfgs_objective_gap_{suffix}: {softmax.loss(X, y, clf.coef_.T, clf.intercept_, lam) - J_star:.1e}")
