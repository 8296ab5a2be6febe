"""Notebook 11's widget: λ changes the model, the threshold t changes only its decisions.

Everything is computed once, on notebook 11's λ grid and its training rows (``lessons.data.breast_cancer`` with
``test_size=0.25, seed=0``), exactly as the notebook does it: the warm-started Newton path of §5 and the stratified
5-fold cross-validation of §6 (each fold standardised with its own statistics). From the folds it also keeps the
out-of-fold probabilities, so that every training tumour is judged by a model fitted without it. The test rows are
never touched. Moving a slider only looks up the nearest grid point and counts decisions.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import numpy as np

from lessons import model
from lessons._validate import as_float_array, as_labels, as_matrix, as_positive_int, as_scalar, require_finite
from lessons.demos.base import Demo, log_slider, slider
from lessons.i18n import N_, translator
from lessons.optimize import fit

_ = translator(__name__)

__all__ = [
    "LAMS",
    "FEATURES",
    "regularisation_path",
    "cross_validated_path",
    "confusion",
    "nearest",
    "PathData",
    "path_data",
    "CapstoneDemo",
]

#: Notebook 11's grid, from strong to weak regularisation (10 to 1e-5, five points per decade): the λ slider's steps.
LAMS = np.logspace(1, -5, 31)
#: The pair notebook 11 §5 highlights: the largest weight at the weakest λ, and the feature most correlated with it.
FEATURES = ("radius error", "perimeter error")


def _grid(lams: object) -> np.ndarray:
    lams = as_float_array(lams, "lams")
    if lams.ndim != 1 or lams.size == 0:
        raise ValueError(_("lams must be a non-empty 1-D array, got shape {shape}").format(shape=lams.shape))
    require_finite(lams, "lams")
    if np.any(lams <= 0):
        raise ValueError(_("lams must be > 0, got {lam!r}").format(lam=lams.min()))
    return lams


def regularisation_path(X, y, lams=LAMS) -> np.ndarray:
    """Newton fits at each λ in turn, each warm-started from the previous one (notebook 11 §5).

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lams : array_like, shape (m,)
        Penalty strengths, > 0; best from strong to weak, so that each start is close.

    Returns
    -------
    ndarray, shape (m, d + 1)
        Row k: the minimiser ``(w_1, ..., w_d, b)`` of ``J`` at ``lams[k]``, to ``‖∇J‖ ≤ 1e-8``.
    """
    X = as_matrix(X)
    y = as_labels(y, len(X))
    rows, w0, b0 = [], None, 0.0
    for lam in _grid(lams):
        r = fit(X, y, lam, "newton", tol=1e-8, w0=w0, b0=b0)
        w0, b0 = r.w, r.b
        rows.append(np.append(r.w, r.b))
    return np.array(rows)


def cross_validated_path(X, y, lams=LAMS, n_splits: int = 5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Stratified k-fold cross-validation along the path, as notebook 11 §6 runs it.

    Each fold is standardised with the mean and sd of its own fitting rows, then a warm-started path is fitted
    on them (:func:`regularisation_path`) and judged on the held-out rows.

    Parameters
    ----------
    X : array_like, shape (n, d)
    y : array_like, shape (n,), values in {0, 1}
    lams : array_like, shape (m,)
    n_splits : int, default 5
    seed : int, default 0
        ``random_state`` of scikit-learn's shuffled ``StratifiedKFold``.

    Returns
    -------
    loss : ndarray, shape (n_splits, m)
        The mean NLL (no penalty) on each fold's held-out rows.
    p_out : ndarray, shape (m, n)
        Out-of-fold ``ŷ = P(benign)``: row k gives every row's probability from the model at ``lams[k]`` that
        was fitted without that row's fold.
    """
    from sklearn.model_selection import StratifiedKFold

    X = as_matrix(X)
    y = as_labels(y, len(X))
    lams = _grid(lams)
    n_splits = as_positive_int(n_splits, "n_splits")
    if n_splits < 2:
        raise ValueError(_("n_splits must be >= 2, got {n}").format(n=n_splits))
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    loss, p_out = np.zeros((n_splits, lams.size)), np.zeros((lams.size, len(y)))
    for f, (fit_rows, val_rows) in enumerate(folds.split(X, y)):
        mu, sd = X[fit_rows].mean(axis=0), X[fit_rows].std(axis=0)
        X_val = (X[val_rows] - mu) / sd
        for k, theta in enumerate(regularisation_path((X[fit_rows] - mu) / sd, y[fit_rows], lams)):
            loss[f, k] = model.loss(X_val, y[val_rows], theta[:-1], theta[-1])
            p_out[k, val_rows] = model.sigmoid(X_val @ theta[:-1] + theta[-1])
    return loss, p_out


def confusion(p_malignant, y, t: float) -> np.ndarray:
    """Counts of the decisions "malignant if ``p_malignant ≥ t``", laid out as notebook 11's confusion matrix.

    Parameters
    ----------
    p_malignant : array_like, shape (n,)
        Probabilities of *malignant*, ``1 − ŷ``, in [0, 1].
    y : array_like, shape (n,)
        True labels in scikit-learn's coding: 0 = malignant, 1 = benign.
    t : float
        Threshold in [0, 1].

    Returns
    -------
    ndarray of int, shape (2, 2)
        Rows: truly malignant, truly benign; columns: predicted malignant, predicted benign. So ``[0, 1]`` counts
        the missed cancers and ``[1, 0]`` the false alarms.
    """
    p = as_float_array(p_malignant, "p_malignant")
    if p.ndim != 1:
        raise ValueError(_("p_malignant must be 1-D with shape (n,), got shape {shape}").format(shape=p.shape))
    require_finite(p, "p_malignant")
    if np.any((p < 0) | (p > 1)):
        raise ValueError(_("p_malignant must be probabilities in [0, 1]"))
    y = as_labels(y, len(p))
    t = as_scalar(t, "t")
    if not 0 <= t <= 1:
        raise ValueError(_("t must be in [0, 1], got {t!r}").format(t=t))
    flagged, malignant = p >= t, y == 0
    return np.array([[np.sum(m & f) for f in (flagged, ~flagged)] for m in (malignant, ~malignant)])


def nearest(lam: float, lams=LAMS) -> int:
    """Index of the grid point nearest to ``lam`` on a log scale (what the λ slider snaps to)."""
    lam = as_scalar(lam, "lam")
    if lam <= 0:
        raise ValueError(_("lam must be > 0, got {lam!r}").format(lam=lam))
    return int(np.argmin(np.abs(np.log(_grid(lams) / lam))))


class PathData(NamedTuple):
    """What the widget shows, computed once on notebook 11's training rows (see :func:`path_data`)."""

    lams: np.ndarray  #: (m,) the grid, strong to weak
    path: np.ndarray  #: (m, d + 1) weights then bias, on all training rows
    cv_loss: np.ndarray  #: (5, m) held-out mean NLL per fold
    p_out: np.ndarray  #: (m, n) out-of-fold P(benign)
    y: np.ndarray  #: (n,) training labels, 0 = malignant
    names: list  #: (d,) feature names


@lru_cache(maxsize=1)
def path_data() -> PathData:
    """Notebook 11's path and 5-fold cross-validation on its training rows (``breast_cancer(0.25, seed=0)``)."""
    from lessons.data import breast_cancer

    X, _X_test, y, _y_test, names = breast_cancer(test_size=0.25, seed=0)  # the test rows stay out of everything here
    return PathData(LAMS, regularisation_path(X, y), *cross_validated_path(X, y), y, names)


class CapstoneDemo(Demo):
    """Three panels: the regularisation path, the cross-validated loss against λ, and the out-of-fold confusion
    matrix at the threshold t. Controls: ``lam`` (snapped to :data:`LAMS`) and ``t``; both are fast, because the
    curves never change: a move shifts the markers and recounts the matrix.
    """

    title = N_("The regularisation path, the cross-validated loss and the decisions at a threshold")
    fast_controls = frozenset({"lam", "t"})

    def __init__(self, lam: float = 4e-3, t: float = 0.5, interactive: bool = True):
        super().__init__(
            {"lam": log_slider("λ", lam, -5, 1, 0.2), "t": slider("t", t, 0.01, 0.99, 0.01)},
            size=(11, 4.2),
            interactive=interactive,
        )
        data = self.data = path_data()
        self.pair = [data.names.index(name) for name in FEATURES]
        cv = data.cv_loss.mean(axis=0)
        se = data.cv_loss.std(axis=0, ddof=1) / np.sqrt(len(data.cv_loss))
        self.classes = np.array([np.sum(data.y == 0), np.sum(data.y == 1)])  # malignant, benign
        ax_p, ax_cv, ax_m = self.figure.subplots(1, 3, gridspec_kw={"width_ratios": (1.25, 1.1, 0.75)})
        # the chosen λ, drawn over the curves (zorder 2) and under the dots (3), on screen as in the still picture
        self.marks = [ax.axvline(1.0, color="k", lw=1.5, zorder=2.5, animated=True) for ax in (ax_p, ax_cv)]

        ax_p.semilogx(data.lams, data.path[:, :-1], color="0.8", lw=1)
        self.dots = []
        # a wide open ring for the first and a small dot for the second: both stay visible when the two
        # coefficients are nearly equal (at the cross-validated λ they are 0.45 apart on a scale of 30)
        looks = ({"ms": 13, "mfc": "none", "mew": 2.5}, {"ms": 6, "mec": "k", "mew": 0.8})
        for j, colour, ls, look in zip(self.pair, ("C0", "C1"), ("-", "--"), looks, strict=True):
            ax_p.semilogx(data.lams, data.path[:, j], color=colour, ls=ls, lw=2.5, label=data.names[j])
            self.dots.append(ax_p.plot([], [], "o", color=colour, zorder=3, animated=True, **look)[0])
        ax_p.axhline(0, color="k", lw=0.8)
        ax_p.set(xlabel=_("λ  (weaker →)"), ylabel=_("coefficient $w_j$"), title=_("regularisation path"))
        legends = [ax_p.legend(loc="lower left")]

        ax_cv.semilogx(data.lams, cv, color="C1", lw=2, label=_("mean ± 1 s.e."))
        ax_cv.fill_between(data.lams, cv - se, cv + se, color="C1", alpha=0.2, lw=0)
        best = data.lams[np.argmin(cv)]
        # animated only to be drawn over the marker when they coincide, on screen as in the still picture
        ax_cv.axvline(best, color="C1", ls=":", lw=1.5, zorder=2.6, animated=True, label=_("its minimum"))
        self.cv_dot = ax_cv.plot([], [], "o", color="k", ms=9, zorder=3, animated=True)[0]
        ax_cv.set(
            xlabel=_("λ  (weaker →)"), ylabel=_("mean NLL, held-out folds"), ylim=(0, 0.6),
            title=_("5-fold cross-validation"),
        )  # fmt: skip
        legends.append(ax_cv.legend(loc="upper right"))

        for legend in legends:  # under the markers, on screen (blitted) as in the still picture
            legend.set_zorder(2.4)
        for ax in (ax_p, ax_cv):
            ax.set_xticks([1e1, 1e-1, 1e-3, 1e-5])
            ax.invert_xaxis()  # as in the notebook: weaker regularisation to the right
            ax.grid(alpha=0.3)

        self.image = ax_m.imshow(np.zeros((2, 2)), cmap="Blues", vmin=0, vmax=self.classes.max(), animated=True)
        self.counts = [[ax_m.text(p, r, "", ha="center", va="center", fontsize=16, animated=True) for p in (0, 1)]
                       for r in (0, 1)]  # fmt: skip
        self.notes = {
            (r, p): ax_m.text(p, r + 0.3, note, ha="center", va="center", animated=True)
            for r, p, note in ((0, 1, _("missed")), (1, 0, _("false alarms")))
        }  # the two kinds of mistake, under their counts
        ax_m.set_xticks([0, 1], [_("malignant"), _("benign")])
        ax_m.set_yticks([0, 1], [_("malignant"), _("benign")], rotation=90, va="center")
        ax_m.set(xlabel=_("predicted"), ylabel=_("true"), title=_("out-of-fold decisions"))
        ax_m.spines[:].set_visible(False)  # the image is the frame (and it is drawn over the spines when blitted)
        self.refresh()

    def compute(self, lam: float, t: float) -> dict[str, np.ndarray]:
        d = self.data
        k = nearest(lam, d.lams)
        matrix = confusion(1.0 - d.p_out[k], d.y, t)
        return {
            "lam": np.array([d.lams[k]]),
            "t": np.array([t]),
            "pair": d.path[k, self.pair],
            "norm": np.array([np.linalg.norm(d.path[k, :-1])]),
            "cv": np.array([d.cv_loss[:, k].mean()]),
            "matrix": matrix.astype(float),
            "counts": matrix,
        }

    def draw(self, c: dict[str, np.ndarray]) -> str:
        lam, t, cv, norm = c["lam"][0], c["t"][0], c["cv"][0], c["norm"][0]
        for mark in self.marks:
            mark.set_xdata([lam, lam])
        for dot, w in zip(self.dots, c["pair"], strict=True):
            dot.set_data([lam], [w])
        self.cv_dot.set_data([lam], [cv])
        self.image.set_data(c["matrix"])
        for r in (0, 1):
            for p in (0, 1):
                count = int(c["counts"][r, p])
                self.counts[r][p].set_text(str(count))
                colour = "white" if count > self.classes.max() / 2 else "k"
                self.counts[r][p].set_color(colour)
                if (r, p) in self.notes:
                    self.notes[r, p].set_color(colour)
        d = self.data
        cv_all = d.cv_loss.mean(axis=0)
        missed, alarms = int(c["counts"][0, 1]), int(c["counts"][1, 0])
        (m_all, b_all), n = self.classes, len(d.y)
        first = _(
            "λ = {lam:.2e} (C = 1/(nλ) = {C:.2g}): ‖w‖ = {norm:.2f}, {feature1} {w1:+.2f}, "
            "{feature2} {w2:+.2f}; CV loss {cv:.4f} (lowest {lowest:.4f}, at λ = "
            "{best:.2e})."
        ).format(
            lam=lam, C=1 / (n * lam), norm=norm, feature1=FEATURES[0], w1=c["pair"][0], feature2=FEATURES[1],
            w2=c["pair"][1], cv=cv, lowest=cv_all.min(), best=d.lams[np.argmin(cv_all)],
        )  # fmt: skip
        second = _(
            "t = {t:.2f}: flag malignant if P(malignant) = 1 − ŷ ≥ t. Out of fold, on the {n} training tumours: "
            "<b>{missed} of {malignant} cancers missed</b>, <b>{alarms} of {benign} benign flagged</b> (false alarms)."
        ).format(t=t, n=n, missed=missed, malignant=m_all, alarms=alarms, benign=b_all)
        return f"{first}<br>{second}"

    def drawn(self) -> dict[str, np.ndarray]:
        return {
            "lam": np.array([self.marks[0].get_xdata()[0]]),
            "pair": np.array([dot.get_ydata()[0] for dot in self.dots]),
            "cv": np.array([self.cv_dot.get_ydata()[0]]),
            "matrix": np.asarray(self.image.get_array(), dtype=float),
            "counts": np.array([[int(text.get_text()) for text in row] for row in self.counts]),
        }
