"""What the explorer draws and says, computed without drawing it.

* :func:`pull_chain`: where the arrows of "-grad J is the sum of every sample's pull" go, scaled so
  that they always fit inside the parameter view;
* :func:`info_html`, :func:`rate_html` and :func:`headline`: the numbers panel, the learning-rate
  readout and the line above the figure, as pure functions of the run and the step.

Both are tested without a display; :mod:`lessons.explorer.view` only puts them on the canvas.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

import numpy as np

from lessons import descent
from lessons.i18n import translator

_ = translator(__name__)

__all__ = ["Chain", "pull_chain", "rate_text", "rate_html", "headline", "info_html", "html_to_text"]

#: The chain may reach this far from the current point, as a share of the view's width and height.
REACH = 0.3
#: ... and keeps this far from the edges of the view (same units).
MARGIN = 0.03


class Chain(NamedTuple):
    """The arrows of the gradient picture at one step, in data units of the parameter view.

    Attributes
    ----------
    tails : ndarray, shape (m, 2)
    vectors : ndarray, shape (m, 2)
        Head to tail: the label-0 samples' total pull (reversed share), the label-1 samples', and
        the penalty's (``m = 3``; a zero vector where a part is absent).
    resultant : ndarray, shape (2,)
        Their sum, ``-grad J`` at the same scale, drawn from the current point.
    selected : ndarray, shape (2,)
        One selected sample's pull at the same scale (zeros when none is selected).
    scale : float
        Drawn length / true length (0 when nothing is drawn).
    """

    tails: np.ndarray
    vectors: np.ndarray
    resultant: np.ndarray
    selected: np.ndarray
    scale: float


def pull_chain(run: descent.Run, k: int, y: np.ndarray, extent, selected: int | None = None) -> Chain:
    """The gradient at step ``k`` as the sum of the two classes' pulls and the penalty's, fitted to the view.

    All arrows share one scale, chosen so that the whole chain, the resultant and the selected sample's
    pull lie within :data:`REACH` of the current point and :data:`MARGIN` inside the view. When the
    current point is outside the view (or on its edge), nothing is drawn.

    Parameters
    ----------
    run : lessons.descent.Run
    k : int
    y : ndarray, shape (n,)
    extent : (x0, x1, y0, y1)
        The parameter view.
    selected : int, optional
        A sample whose own pull is drawn too.

    Returns
    -------
    Chain
    """
    theta = run.path[k]
    pulls = -run.contributions[k]  # (n, 2): each sample's pull, the reversed share
    parts = np.array([pulls[y == 0].sum(axis=0), pulls[y == 1].sum(axis=0), -run.penalty[k]])
    one = pulls[selected] if selected is not None else np.zeros(2)
    x0, x1, y0, y1 = extent
    size = np.array([x1 - x0, y1 - y0])
    u = (theta - np.array([x0, y0])) / size  # the current point in view units, [0, 1]^2 when inside
    room = min(REACH, float(np.min(np.r_[u, 1 - u])) - MARGIN)
    lengths = np.linalg.norm(parts / size, axis=1)
    longest = max(float(lengths.sum()), float(np.linalg.norm(one / size)))
    if room <= 0 or not np.isfinite(longest) or longest < 1e-300:
        zeros = np.zeros((3, 2))
        return Chain(np.tile(theta, (3, 1)), zeros, np.zeros(2), np.zeros(2), 0.0)
    scale = room / longest
    vectors = parts * scale
    tails = theta + np.vstack([np.zeros(2), np.cumsum(vectors, axis=0)[:-1]])
    return Chain(tails, vectors, vectors.sum(axis=0), one * scale, scale)


# ---------------------------------------------------------------------------------------------
# Words and numbers


def rate_text(eta: float, bounds: descent.Bounds) -> str:
    """The learning rate in units of both thresholds, e.g. ``η = 7.2 = 2.0 × safe = 0.22 × edge``."""
    text = _("η = {eta:.3g} = {ratio:.2g} × safe").format(eta=eta, ratio=eta / bounds.safe)
    if bounds.edge is None:
        return text + _(" (no edge: no minimiser)")
    return text + _(" = {ratio:.2g} × edge").format(ratio=eta / bounds.edge)


def rate_html(eta: float, bounds: descent.Bounds) -> str:
    """The readout next to the learning-rate slider: η in units of the safe rate and of the edge."""
    edge = f"{bounds.edge:.3g}" if bounds.edge is not None else _("none (no minimiser)")
    thresholds = _("safe 2/L = {safe:.3g} · edge 2/λ<sub>max</sub>(H*) = {edge}").format(safe=bounds.safe, edge=edge)
    return (
        f"<div style='line-height:1.3'><b>{html.escape(rate_text(eta, bounds))}</b><br>"
        f"<span style='color:#444'>{thresholds}</span></div>"
    )


def headline(run: descent.Run, bounds: descent.Bounds, race: bool = False) -> str:
    """The line above the figure: the rate, and what the run did (so that a still frame says it too)."""
    if race:
        return _("all five optimisers from one start · {rate}").format(rate=rate_text(run.learning_rate, bounds))
    if run.method == "newton":
        return _("Newton's method (no learning rate) · {behaviour}").format(behaviour=descent.behaviour(run).text)
    return f"{rate_text(run.learning_rate, bounds)} · {descent.behaviour(run).text}"


def _vec(v) -> str:
    return "(" + ", ".join(f"{x:+.4f}" for x in v) + ")"


def info_html(
    problem: descent.Problem,
    run: descent.Run,
    k: int,
    lam: float,
    selected: int | None = None,
) -> str:
    """The numbers panel at step ``k``: where we are, the loss, the gradient, the update, what the run did.

    Returns
    -------
    str
        HTML for an ``ipywidgets.HTML``.
    """
    names = problem.param_names
    theta, grad, eta = run.path[k], run.grads[k], run.learning_rate
    J_star = descent.optimum(problem.key, lam)
    gap = f", &nbsp;J − J* = {run.losses[k] - J_star:.2e}" if J_star is not None else ""
    if run.method == "gd":
        update = _("update: θ ← θ − η∇J = {theta} − {eta:.3g} × {grad}").format(
            theta=_vec(theta), eta=eta, grad=_vec(grad)
        )
    elif k < run.steps:
        update = _("update ({method}): θ ← θ + {step}").format(
            method=descent.method_label(run.method), step=_vec(run.path[k + 1] - theta)
        )
    else:
        update = _("update ({method}): the last step of the run").format(method=descent.method_label(run.method))
    arrows = _(
        "arrows: the pull of every label-0 sample (red) plus every label-1 sample "
        "(blue) plus the penalty (grey) adds up to −∇J (black); all drawn at one scale, fitted to the view"
    )
    rows = [
        _("<b>step k = {k}</b> of {steps}").format(k=k, steps=run.steps),
        f"({names[0]}, {names[1]}) = {_vec(theta)}",
        f"J = {run.losses[k]:.6f}{gap}",
        f"∇J = {_vec(grad)}, &nbsp;‖∇J‖ = {np.linalg.norm(grad):.3e}",
        update,
        _("<b>the run:</b> {behaviour}").format(behaviour=html.escape(descent.behaviour(run).text)),
        f"<span style='color:#444'>{arrows}</span>",
    ]
    if selected is not None:
        share = -run.contributions[k][selected]
        rows.append(
            _("sample {i} (label {label}): its pull −(ŷ − y)a/n = {pull}, the thick arrow").format(
                i=selected, label=int(problem.y[selected]), pull=_vec(share)
            )
        )
    if J_star is None:
        why = _("separable data and λ = 0") if lam == 0 else _("one class only")
        rows.append(_("{why}: <b>no minimiser</b>; the weights grow without bound, J only tends to 0.").format(why=why))
    return "<div style='font-family:monospace;font-size:90%'>" + "<br>".join(rows) + "</div>"


def html_to_text(value: str) -> str:
    """An HTML panel as plain text, one line per ``<br>``."""
    return html.unescape(re.sub(r"<[^>]+>", "", value.replace("<br>", "\n")))
