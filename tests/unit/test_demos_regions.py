"""lessons.demos.regions: the mathematics of notebook 10's widget, against lessons.softmax and closed forms."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import softmax as sm
from lessons.demos.regions import BOX, RegionsDemo, adjust_class, boundary_segments, tempered_proba, toy_problem

finite = st.floats(-4, 4, allow_nan=False)
temperatures = st.floats(0.05, 50)


def scores_of(X, W, b):
    return np.asarray(X, float) @ np.asarray(W, float) + b


def test_the_toy_problem_is_section_6s_fit():
    X, y, W, b = toy_problem()
    assert X.shape == (150, 2) and np.array_equal(y, np.repeat(np.arange(3), 50))
    rng = np.random.default_rng(0)  # notebook 10, section 6
    centres = np.array([[0.0, 2.0], [-1.8, -1.0], [1.8, -1.0]])
    np.testing.assert_array_equal(X, np.vstack([ctr + rng.normal(size=(50, 2)) for ctr in centres]))
    dW, db = sm.gradient(X, y, W, b, 0.01)
    assert np.abs(dW).max() < 1e-10 and np.abs(db).max() < 1e-10  # a minimiser of J with λ = 0.01
    W[0, 0] = 99.0  # a copy: the next caller gets the fit again
    assert toy_problem()[2][0, 0] != 99.0


@settings(max_examples=40, deadline=None)
@given(Z=st.lists(st.tuples(finite, finite, finite), min_size=1, max_size=5), T=temperatures)
def test_tempered_proba_is_the_softmax_of_the_scores_over_T(Z, T):
    Z = np.array(Z)
    X, W, b = Z, np.eye(3), np.zeros(3)  # scores X @ I + 0 = Z
    e = np.exp(Z / T - (Z / T).max(axis=1, keepdims=True))
    np.testing.assert_allclose(tempered_proba(X, W, b, T), e / e.sum(axis=1, keepdims=True), rtol=1e-12, atol=1e-300)


def test_at_T_1_it_is_the_model():
    X, _, W, b = toy_problem()
    np.testing.assert_array_equal(tempered_proba(X, W, b, 1.0), sm.predict_proba(X, W, b))


@settings(max_examples=40, deadline=None)
@given(T=temperatures, turn=st.floats(-180, 180), shift=finite)
def test_the_temperature_changes_no_predicted_class(T, turn, shift):
    W, b = adjust_class(*toy_problem()[2:], 0, turn, shift)
    grid = np.random.default_rng(1).uniform(-5, 5, size=(500, 2))
    np.testing.assert_array_equal(tempered_proba(grid, W, b, T).argmax(1), np.argmax(scores_of(grid, W, b), 1))


def test_a_high_temperature_flattens_and_a_low_one_sharpens():
    X, _, W, b = toy_problem()
    assert np.abs(tempered_proba(X, W, b, 1e6) - 1 / 3).max() < 1e-5
    z = np.sort(scores_of(X, W, b), axis=1)
    clear = (z[:, -1] - z[:, -2]) / 1e-3 > np.log(2 / 1e-3)  # the others then share less than 1e-3
    assert clear.mean() > 0.9
    assert np.all(tempered_proba(X, W, b, 1e-3).max(axis=1)[clear] > 1 - 1e-3)


@settings(max_examples=40, deadline=None)
@given(k=st.integers(0, 2), turn=st.floats(-360, 360), shift=finite)
def test_adjust_class_turns_one_column_and_shifts_one_bias(k, turn, shift):
    _, _, W, b = toy_problem()
    W2, b2 = adjust_class(W, b, k, turn, shift)
    others = [j for j in range(3) if j != k]
    np.testing.assert_array_equal(W2[:, others], W[:, others])
    np.testing.assert_array_equal(np.delete(b2, k), np.delete(b, k))
    assert b2[k] == pytest.approx(b[k] + shift, abs=1e-15)
    assert np.hypot(*W2[:, k]) == pytest.approx(np.hypot(*W[:, k]), rel=1e-14)
    cos = W[:, k] @ W2[:, k] / (W[:, k] @ W[:, k])
    sin = (W[0, k] * W2[1, k] - W[1, k] * W2[0, k]) / (W[:, k] @ W[:, k])  # counter-clockwise is positive
    np.testing.assert_allclose([cos, sin], [np.cos(np.radians(turn)), np.sin(np.radians(turn))], atol=1e-12)


def on_segment_sides(W, b, seg, eps=1e-6):
    """The predicted classes just either side of a segment's midpoint."""
    mid = seg.mean(axis=0)
    direction = seg[1] - seg[0]
    normal = np.array([-direction[1], direction[0]]) / np.hypot(*direction)
    return set(np.argmax(scores_of(np.array([mid + eps * normal, mid - eps * normal]), W, b), axis=1).tolist())


@settings(max_examples=60, deadline=None)
@given(W=st.lists(finite, min_size=6, max_size=6), b=st.lists(finite, min_size=3, max_size=3))
def test_each_segment_is_where_its_two_classes_tie_on_top(W, b):
    W, b = np.array(W).reshape(2, 3), np.array(b)
    pairs, segments = boundary_segments(W, b)
    assert pairs == [(0, 1), (0, 2), (1, 2)] and segments.shape == (3, 2, 2)
    for (k, m), seg in zip(pairs, segments, strict=True):
        if np.isnan(seg).any():
            assert np.isnan(seg).all()
            continue
        z = scores_of(seg, W, b)  # (2 end points, 3 classes)
        scale = 1 + np.abs(z).max()
        np.testing.assert_allclose(z[:, k], z[:, m], atol=1e-9 * scale)  # on the tie line
        j = 3 - k - m
        assert np.all(z[:, k] >= z[:, j] - 1e-9 * scale)  # and no other class above them
        assert np.all(seg[:, 0] >= BOX[0] - 1e-9) and np.all(seg[:, 0] <= BOX[1] + 1e-9)
        assert np.all(seg[:, 1] >= BOX[2] - 1e-9) and np.all(seg[:, 1] <= BOX[3] + 1e-9)
        z_mid = scores_of(seg.mean(axis=0)[None], W, b)[0]
        resolved = np.hypot(*(W[:, k] - W[:, m])) > 1e-3 and np.hypot(*(seg[1] - seg[0])) > 1e-3
        if resolved and z_mid[k] - z_mid[j] > 1e-4:  # and not a three-way tie all along
            assert on_segment_sides(W, b, seg) == {k, m}  # it separates k's region from m's


@pytest.mark.parametrize(("turn", "shift"), [(0.0, 0.0), (0.0, 1.5), (0.0, -3.0), (45.0, 0.0), (90.0, 3.0)])
def test_every_boundary_seen_on_a_grid_is_drawn(turn, shift):
    """Where two horizontally neighbouring grid points are predicted as k and m, the segment of (k, m) passes
    within one grid step."""
    W, b = adjust_class(*toy_problem()[2:], 0, turn, shift)
    pairs, segments = boundary_segments(W, b)
    x1 = np.linspace(BOX[0], BOX[1], 401)
    step = x1[1] - x1[0]
    for x2 in np.linspace(BOX[2], BOX[3], 41):
        row = np.argmax(scores_of(np.column_stack([x1, np.full_like(x1, x2)]), W, b), axis=1)
        for i in np.flatnonzero(row[1:] != row[:-1]):
            k, m = sorted((row[i], row[i + 1]))
            seg = segments[pairs.index((k, m))]
            assert not np.isnan(seg).any(), (k, m)
            point = np.array([x1[i] + step / 2, x2])
            t = np.clip((point - seg[0]) @ (seg[1] - seg[0]) / np.sum((seg[1] - seg[0]) ** 2), 0, 1)
            assert np.hypot(*(seg[0] + t * (seg[1] - seg[0]) - point)) < 2 * step


@settings(max_examples=40, deadline=None)
@given(turn=st.floats(-90, 90), shift=st.floats(-3, 3))
def test_class_0_never_moves_the_line_of_classes_1_and_2(turn, shift):
    _, _, W, b = toy_problem()
    W2, b2 = adjust_class(W, b, 0, turn, shift)
    _, segments = boundary_segments(W2, b2)
    if not np.isnan(segments[2]).any():
        on_line = segments[2] @ (W[:, 1] - W[:, 2]) + (b[1] - b[2])  # the fitted model's 1|2 line
        np.testing.assert_allclose(on_line, 0, atol=1e-12)


def test_the_fitted_boundaries_meet_at_sections_7_point():
    _, _, W, b = toy_problem()
    _, segments = boundary_segments(W, b)
    ends = segments.reshape(-1, 2)
    meet = ends[np.argmin(np.linalg.norm(ends - np.array([-0.237, 0.152]), axis=1))]
    np.testing.assert_allclose(meet, [-0.237, 0.152], atol=5e-4)
    assert np.ptp(scores_of(meet[None], W, b)) < 1e-12
    assert sum(np.linalg.norm(ends - meet, axis=1) < 1e-12) == 3  # all three segments end there


def test_equal_weights_share_no_boundary_line():
    W, b = np.array([[1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]), np.array([0.0, 1.0, 0.0])
    _, segments = boundary_segments(W, b)
    assert np.isnan(segments[0]).all()  # w_0 = w_1: class 1 always beats class 0, they never tie


def test_the_demo_shows_the_temperature_moves_no_boundary():
    demo = RegionsDemo(shift=1.5, interactive=False)
    base = demo.compute(**demo.values())
    for T in (0.2, 5.0):
        demo.set(T=T)
        moved = demo.compute(**demo.values())
        np.testing.assert_array_equal(moved["segments"], base["segments"])
        np.testing.assert_array_equal(moved["region"], base["region"])
        assert moved["confidence"].min() != base["confidence"].min()
    demo.set(T=1.0, shift=0.0)
    assert demo.compute(**demo.values())["changed"][0] == 0.0


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda W, b: tempered_proba(np.zeros((1, 2)), W, b, 0.0), ValueError, "T must be > 0"),
        (lambda W, b: tempered_proba(np.zeros((1, 2)), W, b, "1"), TypeError, "T must be a real number"),
        (lambda W, b: adjust_class(W, b, 3, 0.0, 0.0), ValueError, "k must be a class index"),
        (lambda W, b: adjust_class(W, b, 1.0, 0.0, 0.0), TypeError, "k must be an integer"),
        (lambda W, b: adjust_class(W, b, 0, np.nan, 0.0), ValueError, "angle must be finite"),
        (lambda W, b: adjust_class(W, b, 0, 0.0, "up"), TypeError, "shift must be a real number"),
        (lambda W, b: adjust_class(np.zeros((3, 3)), b, 0, 0.0, 0.0), ValueError, "W must have shape"),
        (lambda W, b: boundary_segments(W, b[:2]), ValueError, "b must"),
        (lambda W, b: boundary_segments(W, b, (1.0, 0.0, 0.0, 1.0)), ValueError, "box must be"),
    ],
)
def test_bad_input_is_named(call, error, match):
    _, _, W, b = toy_problem()
    with pytest.raises(error, match=match):
        call(W, b)


def test_the_demo_opens_at_the_fitted_model():
    demo = RegionsDemo(interactive=False)
    shown = demo.compute(**demo.values())
    _, fit_segments = boundary_segments(*toy_problem()[2:])
    assert shown["changed"][0] == 0.0
    np.testing.assert_array_equal(shown["segments"], fit_segments)
    assert np.argmax(shown["p_marked"]) == 2  # ★ starts in class 2's region; Δb₀ = +1.5 moves it to class 0
