"""The figures, the explorer and the widgets in Chinese (lessons.i18n).

Every path that produces a text a learner can see in :mod:`lessons.explorer`, :mod:`lessons.descent` (the run
summaries the explorer shows), :mod:`lessons.widgets`, the eight demos of :mod:`lessons.demos`,
:mod:`lessons.display` and :mod:`lessons.style` is driven in Chinese: every control at its extremes, every
verdict and every validation error. What the learner sees (the readouts and info panels, every text artist of
the figures, the controls' descriptions and menu labels, the still picture's line) must hold Chinese where it has
words, and no English words but names and symbols. In English the same paths give no Chinese, and the texts that
were rebuilt from pieces for the translation give exactly the text they gave before.
"""

from __future__ import annotations

import html
import logging
import re
import warnings

import matplotlib

matplotlib.use("Agg")

import ipywidgets as widgets  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402
from test_i18n import english_sentence  # noqa: E402

import lessons.style  # noqa: E402
from lessons import descent, display, i18n  # noqa: E402
from lessons.demos import capstone, chain, curvature, fdcheck, likelihood, pulls, regions, stability  # noqa: E402
from lessons.demos.base import Demo  # noqa: E402
from lessons.explorer import Explorer, layout  # noqa: E402
from lessons.explorer.app import RACE  # noqa: E402
from lessons.widgets import z_demo  # noqa: E402

HAN = re.compile(r"[\u4e00-\u9fff]")
#: Words that stay as they are in Chinese text: names of number types, functions, optimisers, the verdict of
#: notebook 05's rule, the data set's feature names, and what HTML and matplotlib put around numbers.
NAMES = (
    "float64", "float32", "softplus", "argmax", "Adam", "SGD", "BUG", "nan", "inf", "log", "max", "min",
    "radius error", "perimeter error", "mathdefault", "nbsp",
)  # fmt: skip
DEMOS = (
    likelihood.LikelihoodDemo,
    chain.ChainDemo,
    curvature.CurvatureDemo,
    fdcheck.FDCheckDemo,
    pulls.PullsDemo,
    regions.RegionsDemo,
    capstone.CapstoneDemo,
    stability.StabilityDemo,
)


@pytest.fixture
def zh(caplog):
    """Chinese, with the series' style (its Chinese font) applied; no glyph may be missing from the fonts."""
    lessons.style.apply()
    with i18n.language("zh"), warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font")
        with caplog.at_level(logging.WARNING, logger="matplotlib"):
            yield
    missing = [r.getMessage() for r in caplog.get_records("call") if "glyph" in r.getMessage().lower()]
    assert not missing, missing[:3]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def plain(text: str) -> str:
    """What a reader sees of ``text``: no HTML tags or entities, no mathtext."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\$[^$]*\$", " ", text)


def english_words(text: str) -> list[str]:
    """The English words (three letters or more) left in ``text`` once :data:`NAMES` are taken out."""
    text = plain(text)
    for name in NAMES:
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]{3,}", text)


def assert_chinese(text: str) -> None:
    """A message: it holds Chinese and no English sentence."""
    assert HAN.search(text), f"no Chinese in {text!r}"
    assert english_sentence(plain(text)) is None, f"English left in {text!r}"


def assert_shown_in_chinese(texts) -> None:
    """What is shown: every text with a word in it is Chinese; symbols and numbers stay as they are."""
    for text in texts:
        left = english_words(text)
        assert not left, f"English words {left} in {text!r}"
        assert english_sentence(plain(text)) is None, f"English left in {text!r}"


def assert_english(texts) -> None:
    for text in texts:
        assert not HAN.search(text), f"Chinese in the English text {text!r}"


def figure_texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


def control_texts(controls) -> list[str]:
    found = []
    for control in controls:
        found.append(control.description)
        if isinstance(control, widgets.Dropdown):
            found += [o[0] if isinstance(o, tuple) else str(o) for o in control.options]
    return found


def extremes(control) -> list:
    if isinstance(control, widgets.FloatLogSlider):
        return [control.base**control.min, control.base**control.max]
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        return [control.min, control.max]
    if isinstance(control, widgets.Dropdown):
        return [o[1] if isinstance(o, tuple) else o for o in control.options]
    return [True, False]


def shown(demo: Demo) -> list[str]:
    return [demo.readout.value, *figure_texts(demo.figure)]


# ------------------------------------------------------------------ the demos


def drive(demo: Demo) -> list[str]:
    """Every control at its extremes, then the first and last at once: what the reader saw along the way."""
    seen = [*control_texts(demo.controls.values()), demo._repr_mimebundle_()["text/plain"], *shown(demo)]
    for name, control in demo.controls.items():
        for value in extremes(control):
            demo.set(**{name: value})
            seen += shown(demo)
    names = list(demo.controls)
    for a in extremes(demo.controls[names[0]]):
        for b in extremes(demo.controls[names[-1]]):
            demo.set(**{names[0]: a, names[-1]: b})
            seen += shown(demo)
    return seen


@pytest.mark.parametrize("cls", DEMOS, ids=lambda c: c.__name__)
def test_every_demo_speaks_chinese_at_every_extreme(cls, zh):
    demo = cls(interactive=False)
    assert_chinese(demo.readout.value)
    assert_chinese(demo.shown_title())
    assert_chinese(demo._repr_mimebundle_()["text/plain"])
    words = [c.description for c in demo.controls.values() if english_words(c.description) or HAN.search(c.description)]
    for description in words:
        assert_chinese(description)
    seen = drive(demo)
    assert_shown_in_chinese(seen)
    assert sum(bool(HAN.search(t)) for t in figure_texts(demo.figure)) >= 2, "the figure has no Chinese labels"
    demo.figure.canvas.draw()  # every glyph drawn: none missing (the fixture checks)


@pytest.mark.parametrize("cls", DEMOS, ids=lambda c: c.__name__)
def test_every_demo_stays_english_by_default(cls):
    demo = cls(interactive=False)
    assert_english(drive(demo))
    assert demo.shown_title() == cls.title


def test_the_fdcheck_verdicts(zh):
    """Every verdict of notebook 05's widget: a correct gradient inside and outside the V's bottom, a bug."""
    demo = fdcheck.FDCheckDemo(interactive=False)
    for bug in fdcheck.BUGS:
        for method in fdcheck.METHODS:
            for h in (1e-12, 1e-6, 1e-1):
                demo.set(bug=bug, method=method, h=h)
                assert_chinese(demo.readout.value)
                assert_chinese(demo.legend.get_texts()[-1].get_text())
    assert [fdcheck.bug_label(b) for b in fdcheck.BUGS][0] == "无（正确）"


def test_the_fdcheck_readout_in_english_is_as_before():
    demo = fdcheck.FDCheckDemo(interactive=False)
    for bug, h in (("none", 1e-6), ("none", 1e-12), ("sign", 1e-6), ("sign", 1e-1)):
        demo.set(bug=bug, method="forward", h=h)
        c = demo.compute(**demo.values())
        h, err, err_ok = c["at_h"]
        lo, hi = c["band"]
        inside = lo <= h * (1 + 1e-9) and h <= hi * (1 + 1e-9)
        verdict = lambda e: "ok" if e < fdcheck.THRESHOLD else "BUG"  # noqa: E731
        where = f"this h is {'in' if inside else 'outside'} the V's bottom (shaded: {lo:.0e} ≤ h ≤ {hi:.0e})"
        if bug == "none":
            first = f"the correct gradient's relative error is {err:.1e} → <b>{verdict(err)}</b>"
            second = f"{where}{', where the verdict can be trusted' if inside else ': this BUG is a false alarm'}"
        else:
            first = f"with the bug “{fdcheck.BUGS[bug]}” the relative error is {err:.2e} → <b>{verdict(err)}</b>"
            tail = ", where the verdict can be trusted" if inside else ": a correct gradient fails too"
            second = f"a correct gradient would score {err_ok:.1e} → {verdict(err_ok)}; {where}{tail}"
        assert demo.readout.value == f"Forward difference, h = {h:.1e}: {first}.<br>{second[0].upper()}{second[1:]}."


def test_the_curvature_title_names_the_data_set():
    demo = curvature.CurvatureDemo(data="overlapping", lam=0.1, interactive=False)
    assert demo.ax_j.get_title() == "J(w, b), overlapping data, λ = 0.1"
    with i18n.language("zh"):
        demo = curvature.CurvatureDemo(data="overlapping", lam=0.1, interactive=False)
    assert demo.ax_j.get_title() == "J(w, b)，重叠数据，λ = 0.1"
    assert [label for label, _ in demo.controls["data"].options] == ["重叠（§4，已中心化）", "可分（§6，4 个点）"]


STABILITY_CASES = [
    (prec, y, z)
    for prec in ("float64", "float32")
    for y in (0, 1)
    for z in (-1000.0, -800.0, -100.0, -20.0, -5.0, 0.0, 5.0, 17.0, 20.0, 30.0, 40.0, 710.0, 1000.0)
]


def test_what_broke_says_it_in_chinese(zh):
    notes = set()
    for prec, y, z in STABILITY_CASES:
        notes.update(stability.what_broke(z, y, prec))
        notes.add(stability._tiny_note(z, y, 0.0, prec))
    notes.discard("")
    assert len(notes) >= 8  # overflow, exactly 1, rounding to 1, subnormal, cancellation, the tiny notes
    assert_shown_in_chinese(notes)
    for note in notes:  # a note with words in it is Chinese; the others are formulas
        bare = plain(note)
        for name in NAMES:
            bare = bare.replace(name, " ")
        assert HAN.search(note) or not re.search(r"[A-Za-z]{2,}", bare), note


def test_what_broke_in_english_is_as_before():
    assert stability.what_broke(-800.0, 1) == (
        "e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, log ŷ = log 0 = −∞",
        "ŷ = 0, −y/ŷ = −1/0 = −∞, times ŷ(1 − ŷ) = 0: −∞·0 = nan",
    )
    assert stability.what_broke(-800.0, 0) == (
        "e<sup>−z</sup> overflows to ∞, ŷ = 1/(1 + ∞) = 0, y·log ŷ = 0·(−∞) = nan",
        "ŷ = 0, y/ŷ = 0/0 = nan",
    )
    assert stability.what_broke(40.0, 1) == (
        "ŷ = 1, log(1 − ŷ) = log 0 = −∞, times 1 − y = 0: 0·(−∞) = nan",
        "ŷ = 1, (1 − y)/(1 − ŷ) = 0/0 = nan",
    )
    assert stability.what_broke(40.0, 0) == (
        "ŷ = 1, log(1 − ŷ) = log 0 = −∞",
        "ŷ = 1, (1 − y)/(1 − ŷ) = 1/0 = ∞, times ŷ(1 − ŷ) = 0: ∞·0 = nan",
    )
    loss_note, grad_note = stability.what_broke(30.0, 0)
    assert (
        loss_note.startswith("catastrophic cancellation: ŷ = 1 − ") and "float64 numbers are 1.1e-16 apart" in loss_note
    )


def test_the_z_demo(zh):
    demo = z_demo()
    for z in (demo.slider.min, 0.0, demo.slider.max):
        demo.slider.value = z
    texts = figure_texts(demo.fig)
    assert_shown_in_chinese([*texts, demo.readout.value])
    assert "损失 L" in texts
    assert_chinese(demo._repr_mimebundle_()["text/plain"])
    demo.fig.canvas.draw()


# ------------------------------------------------------------------ the explorer


EXPLORER_SETTINGS = [
    ("overlapping", {}),
    ("separable", {}),
    ("source", {"compare": True}),
    ("badly_scaled", {"method": "newton"}),
    ("overlapping2d", {"method": "sgd"}),
]


def explorer_texts(ex: Explorer) -> list[str]:
    return [
        ex.w_info.value, ex.w_rate.value, ex.info_text(), *figure_texts(ex.figure),
        *control_texts([ex.w_problem, ex.w_method, ex.w_eta, ex.w_lam, ex.w_play, ex.w_step]),
    ]  # fmt: skip


def drive_explorer(ex: Explorer) -> list[str]:
    seen = explorer_texts(ex) + [ex._repr_mimebundle_()["text/plain"]]
    for eta in (10**ex.w_eta.min, 10**ex.w_eta.max):
        ex.w_eta.value = eta
        for lam in (ex.w_lam.min, ex.w_lam.max):
            ex.w_lam.value = lam
            ex.select_nearest(*ex.view.ax_d.transData.transform(ex.view.points[0]))
            for k in (0, ex.w_step.max):
                ex.w_step.value = k
                seen += explorer_texts(ex)
            ex.select_nearest(-1e6, -1e6)
    return seen


@pytest.mark.parametrize(("key", "kwargs"), EXPLORER_SETTINGS, ids=[k for k, _ in EXPLORER_SETTINGS])
def test_the_explorer_speaks_chinese(key, kwargs, zh):
    ex = Explorer(key, steps=20, interactive=False, **kwargs)
    for text in (ex.w_info.value, ex.w_rate.value, ex.view.title.get_text(), ex.w_problem.description):
        assert_chinese(text)
    seen = drive_explorer(ex)
    assert_shown_in_chinese(seen)
    ex.frame_rgb(ex.w_step.max, redraw=True)  # every glyph drawn: none missing (the fixture checks)


@pytest.mark.parametrize(("key", "kwargs"), EXPLORER_SETTINGS, ids=[k for k, _ in EXPLORER_SETTINGS])
def test_the_explorer_stays_english_by_default(key, kwargs):
    ex = Explorer(key, steps=20, interactive=False, **kwargs)
    assert_english(drive_explorer(ex))


def test_the_explorer_menus_keep_their_values(zh):
    ex = Explorer("overlapping", optimisers=True, interactive=False)
    assert [v for _, v in ex.w_problem.options] == list(descent.EXPLORER_PROBLEMS)
    assert [v for _, v in ex.w_method.options] == [*descent.METHOD_LABELS, RACE]
    labels = [label for label, _ in ex.w_method.options]
    assert labels == [
        "梯度下降",
        "SGD（小批量，每批 10 个）",
        "动量法（β = 0.9）",
        "Adam",
        "牛顿法",
        "全部五种：同场竞赛",
    ]
    assert [label for label, _ in ex.w_problem.options] == [
        descent.PROBLEMS[k].title for k in descent.EXPLORER_PROBLEMS
    ]
    ex.w_method.value = RACE
    legend = [t.get_text() for t in ex.view.curve_legend.get_texts()]
    assert legend == [descent.method_label(m) for m in descent.METHOD_LABELS]
    assert ex.view.ax_d.get_title() == "数据与梯度下降的模型"


def _run(losses, path=None, overflow_at=None) -> descent.Run:
    """A made-up run with these losses (for :func:`lessons.descent.behaviour`)."""
    losses = np.asarray(losses, dtype=float)
    n = len(losses)
    if path is None:
        path = np.column_stack([np.arange(n), np.zeros(n)]).astype(float)
    zeros = np.zeros((n, 2))
    return descent.Run(np.asarray(path, float), losses, zeros, np.zeros((n, 1, 2)), zeros, 1.0, overflow_at)


ZIGZAG = np.column_stack([np.arange(9.0), (-1.0) ** np.arange(9)])
RUNS = {
    "falls": _run([8, 7, 6, 5, 4, 3, 2, 1, 0.5]),
    "falls, zig-zag": _run([8, 7, 6, 5, 4, 3, 2, 1, 0.5], ZIGZAG),
    "oscillates": _run([5, 4, 3, 2, 1, 2, 1, 2, 1]),
    "oscillates above its start": _run([1, 4, 3, 2, 1, 2, 1, 2, 3]),
    "rises once": _run([1, 2, 1.5, 1.4, 1.3, 1.2, 1.1, 1.05, 1.04]),
    "rises at several steps": _run([1, 2, 3, 1.5, 1.4, 1.3, 1.2, 1.1, 1.05]),
    "recovers": _run([5, 6, 4, 3, 2, 1.5, 1, 0.5, 0.2]),
    "recovers from the start": _run([5, 4, 4.5, 3, 2, 1.5, 1, 0.5, 0.2], ZIGZAG),
    "overflow": _run([1, 2, 3], overflow_at=2),
}
BEFORE = {  # what behaviour() says in English
    "falls": "J falls at every one of the 8 steps",
    "falls, zig-zag": "J falls at every one of the 8 steps; the path zig-zags",
    "oscillates": "J does not settle: it still rises at 1 of the last 2 steps",
    "oscillates above its start": (
        "J does not settle: it still rises at 2 of the last 2 steps, and ends above its start"
    ),
    "rises once": "J rises at step 1 and ends above its start",
    "rises at several steps": "J rises at 2 steps (1–2) and ends above its start",
    "recovers": "J rises at step 1, to 6, then falls at every step after step 1",
    "recovers from the start": "J rises at step 2, then falls at every step after step 2; the path zig-zags",
    "overflow": "a value overflowed at step 2; the run stops there",
}


@pytest.mark.parametrize("case", RUNS)
def test_every_behaviour_in_chinese_and_in_english(case):
    said = descent.behaviour(RUNS[case])
    assert said.text == BEFORE[case]
    with i18n.language("zh"):
        said_zh = descent.behaviour(RUNS[case])
        assert_chinese(said_zh.text)
        assert_chinese(layout.headline(RUNS[case], descent.Bounds(1.0, 2.0)))
    assert said_zh.kind == said.kind and said_zh.zigzag == said.zigzag


def test_the_rate_readout_in_english_is_as_before():
    for bounds in (descent.Bounds(2.0, 3.0), descent.Bounds(2.0, None)):
        expected = f"η = {1.5:.3g} = {1.5 / bounds.safe:.2g} × safe" + (
            f" = {1.5 / bounds.edge:.2g} × edge" if bounds.edge is not None else " (no edge: no minimiser)"
        )
        assert layout.rate_text(1.5, bounds) == expected
        edge = f"{bounds.edge:.3g}" if bounds.edge is not None else "none (no minimiser)"
        assert layout.rate_html(1.5, bounds).endswith(
            f"<span style='color:#444'>safe 2/L = {bounds.safe:.3g} · edge 2/λ<sub>max</sub>(H*) = {edge}</span></div>"
        )
        with i18n.language("zh"):
            assert_chinese(layout.rate_html(1.5, bounds))


# ------------------------------------------------------------------ names, colours, the still picture's line


def test_names_and_colours(zh):
    for m in descent.METHOD_LABELS:
        assert_shown_in_chinese([descent.method_label(m), lessons.style.optimiser_colour_name(m)])
        assert_chinese(lessons.style.optimiser_colour_name(m))
    for p in descent.PROBLEMS.values():
        assert_chinese(p.title)
    for bug in fdcheck.BUGS:
        assert_chinese(fdcheck.bug_label(bug))
    assert_chinese(display.picture_bundle(b"", "标题")["text/plain"])


def test_names_and_colours_in_english():
    assert [lessons.style.optimiser_colour_name(m) for m in lessons.style.OPTIMISER_STYLES] == list(
        lessons.style.OPTIMISER_COLOUR_NAMES.values()
    )
    assert [descent.method_label(m) for m in descent.METHOD_LABELS] == list(descent.METHOD_LABELS.values())
    assert all(p.title == p.label for p in descent.PROBLEMS.values())
    assert fdcheck.bug_label("sum") == "forgot the 1/n"
    assert display.picture_bundle(b"", "A figure")["text/plain"] == "A figure (run the notebook to move its controls)"


# ------------------------------------------------------------------ validation errors


def _raised(fn, *args, **kwargs) -> str:
    with pytest.raises((ValueError, TypeError)) as info:
        fn(*args, **kwargs)
    return str(info.value)


ERRORS = {
    "descent.get_problem": lambda: descent.get_problem("nope"),
    "descent.minimiser": lambda: descent.minimiser("nope", 0.0),
    "descent.descend": lambda: descent.descend(descent.get_problem("overlapping"), 0.0, 1.0, 5, (0, 0), "nope"),
    "Explorer problem": lambda: Explorer("nope", interactive=False),
    "Explorer method": lambda: Explorer("overlapping", method="nope", interactive=False),
    "Demo controls": lambda: Demo({str(i): widgets.FloatSlider() for i in range(5)}, (4, 3), interactive=False),
    "Demo.set": lambda: likelihood.LikelihoodDemo(interactive=False).set(nope=1),
    "likelihood.samples": lambda: likelihood.samples(0),
    "chain y type": lambda: chain.chain_factors(0.0, True),
    "chain y value": lambda: chain.chain_factors(0.0, 2),
    "chain z": lambda: chain.chain_factors(800.0, 1),
    "chain x": lambda: chain.sample_gradient(np.zeros((2, 2)), [1, 2], 0.0, 1),
    "curvature data": lambda: curvature.data_set("nope"),
    "curvature X": lambda: curvature.falling_direction(np.zeros((3, 2)), [0, 1, 1]),
    "curvature y": lambda: curvature.falling_direction(np.zeros((3, 1)), [0, 1, 2]),
    "curvature shapes": lambda: curvature.curvature_cross([0, 0, 0], [1, 1], np.eye(2)),
    "curvature mu": lambda: curvature.curvature_cross([0, 0], [-1, 1], np.eye(2)),
    "fdcheck f": lambda: fdcheck.forward_gradient(3, [1.0], 0.1),
    "fdcheck theta": lambda: fdcheck.forward_gradient(lambda t: 0.0, np.zeros((2, 2)), 0.1),
    "fdcheck bug": lambda: fdcheck.planted_gradient(np.ones((2, 1)), [0, 1], [1.0], 0.0, "nope"),
    "fdcheck method": lambda: fdcheck.check_errors("none", "nope", [0.1]),
    "fdcheck hs shape": lambda: fdcheck.check_errors("none", "central", np.zeros((2, 2))),
    "fdcheck hs value": lambda: fdcheck.check_errors("none", "central", [-1.0]),
    "fdcheck band": lambda: fdcheck.passing_band([1.0, 2.0], [1.0]),
    "pulls bool": lambda: pulls.pulls(np.ones((2, 2)), [0, 1], [0, 0], 0.0, 0.0, "yes"),
    "pulls steps type": lambda: pulls.descend(np.ones((2, 2)), [0, 1], [0, 0], 0.0, 0.0, False, 1.5),
    "pulls steps value": lambda: pulls.descend(np.ones((2, 2)), [0, 1], [0, 0], 0.0, 0.0, False, -1),
    "regions k type": lambda: regions.adjust_class(np.ones((2, 3)), np.zeros(3), 1.5, 0.0, 0.0),
    "regions k value": lambda: regions.adjust_class(np.ones((2, 3)), np.zeros(3), 5, 0.0, 0.0),
    "regions W": lambda: regions.adjust_class(np.ones((3, 3)), np.zeros(3), 0, 0.0, 0.0),
    "regions box": lambda: regions.boundary_segments(np.ones((2, 3)), np.zeros(3), (1, 0, 0, 1)),
    "capstone lams shape": lambda: capstone.regularisation_path(np.ones((4, 1)), [0, 1, 0, 1], np.zeros((2, 2))),
    "capstone lams value": lambda: capstone.regularisation_path(np.ones((4, 1)), [0, 1, 0, 1], [-1.0]),
    "capstone splits": lambda: capstone.cross_validated_path(np.ones((4, 1)), [0, 1, 0, 1], [1.0], 1),
    "capstone p shape": lambda: capstone.confusion(np.zeros((2, 2)), [0, 1], 0.5),
    "capstone p value": lambda: capstone.confusion([2.0, 0.5], [0, 1], 0.5),
    "capstone t": lambda: capstone.confusion([0.2, 0.5], [0, 1], 1.5),
    "capstone lam": lambda: capstone.nearest(-1.0),
    "stability precision type": lambda: stability.textbook_sigmoid(0.0, 3),
    "stability precision value": lambda: stability.textbook_sigmoid(0.0, "float16"),
    "stability y type": lambda: stability.textbook_forms(0.0, True),
    "stability y value": lambda: stability.textbook_forms(0.0, 3),
    "stability decimals type": lambda: stability.break_points_rounded("float64", 1.5),
    "stability decimals value": lambda: stability.break_points_rounded("float64", -1),
    "stability finite": lambda: stability.digits_right(float("nan"), 1.0),
    "stability reference": lambda: stability.digits_right(1.0, 0.0),
    "stability z": lambda: stability.what_broke(np.zeros(2), 1),
}


@pytest.mark.parametrize("case", ERRORS)
def test_validation_errors_in_chinese(case):
    english = _raised(ERRORS[case])
    assert not HAN.search(english)
    with i18n.language("zh"):
        chinese = _raised(ERRORS[case])
    assert_chinese(chinese)
    assert chinese != english


def test_a_few_errors_in_english_are_as_before():
    assert _raised(ERRORS["curvature y"]) == "y: expected 3 labels in {0, 1}, got array([0., 1., 2.])"
    assert _raised(ERRORS["chain z"]) == (
        "z must satisfy |z| <= 700 (1/ŷ overflows beyond), got max |z| = np.float64(800.0)"
    )
    assert (
        _raised(ERRORS["descent.descend"])
        == "method must be one of 'gd', 'sgd', 'momentum', 'adam', 'newton'; got 'nope'"
    )
    assert _raised(ERRORS["Demo.set"]) == "set() got an unknown control 'nope'; the controls are ['n', 'w']"
