"""Newton (lessons.optimize.fit) and scikit-learn's lbfgs on the breast-cancer training split, side by side.

Both fit the same objective (C = 1, so lam = 1 / (n C)), each at its default
tolerance, one after the other in the same run. Prints ``name: value`` lines; for the record,
not a race: the figures depend on the machine.
"""

import time
import warnings

import numpy as np
from sklearn.linear_model import LogisticRegression

from lessons.data import breast_cancer
from lessons.optimize import fit

X, _, y, _, _ = breast_cancer()
n, C = len(y), 1.0
lam = 1.0 / (n * C)


def newton():
    return fit(X, y, lam, "newton")


def lbfgs():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a ConvergenceWarning would only repeat what n_iter_ says
        return LogisticRegression(C=C).fit(X, y)


def median_ms(fn, results, repeats=30):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        results.append(fn())
        times.append(time.perf_counter() - t0)
    return 1e3 * float(np.median(times))


ours, theirs = [], []
newton(), lbfgs()  # warm up
t_newton = median_ms(newton, ours)
t_lbfgs = median_ms(lbfgs, theirs)
r, clf = ours[-1], theirs[-1]
print(f"newton_fit_ms_breast_cancer: {t_newton:.2f}")
print(f"sklearn_lbfgs_ms_breast_cancer: {t_lbfgs:.2f}")
print(f"newton_iterations_breast_cancer: {r.n_iter}")
print(f"sklearn_lbfgs_iterations_breast_cancer: {int(clf.n_iter_[0])}")
print(f"newton_vs_lbfgs_max_coef_diff: {np.abs(r.w - clf.coef_[0]).max():.1e}")
