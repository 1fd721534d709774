"""Reference Platt scaling, probabilities, ECE and Brier scores for the tests of io.hingekit.calibration.

Frozen hinge scores from fixed NumPy seeds are split into a "validation" part (the calibrator is fitted on it) and a
"test" part (probabilities are recorded on it). For every case:
  * scikit-learn 1.2: CalibratedClassifierCV(method='sigmoid', cv='prefit') around FrozenScores, a tiny estimator
    whose decision_function returns the frozen scores; its sigmoids (a_, b_) and predict_proba on the test part.
  * llw: an independent plain-Python (floats, math.exp/log, no NumPy) implementation of the pseudo-code of Lin,
    Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines" (Machine Learning 68, 2007),
    the algorithm of libsvm's sigmoid_train; its A, B per sigmoid and the test probabilities they give, combined
    the way Hingekit's Calibrator combines them (which is scikit-learn's way).
  * ECE (top-label confidence, 15 equal-width bins: bin i holds confidences in (i/15, (i+1)/15], confidence 0 in
    bin 0), the per-bin reliability table and the Brier score (mean over samples of the sum over classes of
    (p_k - [y == k])^2), all by plain loops over samples, for both sets of probabilities.

Two-column binary models: scikit-learn's binary path calibrates a single decision value (handing it a two-column
decision_function raises IndexError in 1.2), so Hingekit calibrates s1 - s0 for a model with two score columns and
this script gives scikit-learn FrozenScores returning s1 - s0, which is the same thing.

Large scores: scikit-learn 1.2's sigmoid fit (fmin_bfgs on the raw scores) fails silently once scores reach about
2e4 (scikit-learn issue 26766): it returns its starting point A = 0, B = log((N- + 1)/(N+ + 1)). The script checks
each case by comparing the Platt objective at scikit-learn's (a, b) with the objective at the Lin-Lin-Weng optimum and
marks the case "sklearn_broken" when scikit-learn's is worse by more than 1e-6 (relative); the Java tests then compare
with the Lin-Lin-Weng reference instead. The same check flags the "outliers" case (scores in [1, 2] plus a few at
1e4..2e4): there scikit-learn 1.2 stops at a = -0.0024 instead of the optimum a = -0.339, with no warning.

Writes src/test/resources/io/hingekit/calibration/calibration_reference.json.
Run: /usr/bin/python3 src/test/python/calibration_reference_values.py
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "hingekit", "calibration",
                   "calibration_reference.json")
BINS = 15
BROKEN_RELATIVE_LOSS = 1e-6


class FrozenScores(ClassifierMixin, BaseEstimator):
    """A "fitted" classifier whose decision_function returns frozen scores; X holds row indices into them."""

    def __init__(self, scores=None):
        self.scores = scores

    def fit(self, X, y):
        return self

    def decision_function(self, X):
        return self.scores[np.asarray(X)[:, 0].astype(int)]


# ---------------------------------------------------------------------------------------------------------------
# Lin, Lin and Weng (2007), the appendix's pseudo-code, in plain Python floats.

def llw_fit(dec, positive):
    prior1 = float(sum(1 for p in positive if p))
    prior0 = float(len(positive)) - prior1
    max_iter, min_step, sigma, eps = 100, 1e-10, 1e-12, 1e-5
    hi_target = (prior1 + 1.0) / (prior1 + 2.0)
    lo_target = 1.0 / (prior0 + 2.0)
    t = [hi_target if p else lo_target for p in positive]
    a, b = 0.0, math.log((prior0 + 1.0) / (prior1 + 1.0))
    fval = llw_objective(dec, t, a, b)
    stop = "max_iter"
    iterations = max_iter
    for it in range(max_iter):
        h11, h22, h21, g1, g2 = sigma, sigma, 0.0, 0.0, 0.0
        for x, ti in zip(dec, t):
            f = x * a + b
            if f >= 0:
                p = math.exp(-f) / (1.0 + math.exp(-f))
                q = 1.0 / (1.0 + math.exp(-f))
            else:
                p = 1.0 / (1.0 + math.exp(f))
                q = math.exp(f) / (1.0 + math.exp(f))
            d2 = p * q
            h11 += x * x * d2
            h22 += d2
            h21 += x * d2
            d1 = ti - p
            g1 += x * d1
            g2 += d1
        if abs(g1) < eps and abs(g2) < eps:
            stop, iterations = "gradient", it
            break
        det = h11 * h22 - h21 * h21
        da = -(h22 * g1 - h21 * g2) / det
        db = -(-h21 * g1 + h11 * g2) / det
        gd = g1 * da + g2 * db
        step = 1.0
        while step >= min_step:
            new_a, new_b = a + step * da, b + step * db
            new_f = llw_objective(dec, t, new_a, new_b)
            if new_f < fval + 0.0001 * step * gd:
                a, b, fval = new_a, new_b, new_f
                break
            step /= 2.0
        if step < min_step:
            stop, iterations = "line_search", it
            break
    return a, b, stop, iterations


def llw_objective(dec, t, a, b):
    total = 0.0
    for x, ti in zip(dec, t):
        f = x * a + b
        if f >= 0:
            total += ti * f + math.log(1.0 + math.exp(-f))
        else:
            total += (ti - 1.0) * f + math.log(1.0 + math.exp(f))
    return total


def platt_objective(dec, positive, a, b):
    """Platt's objective with his smoothed targets, evaluated stably (log1p), for judging any (a, b)."""
    n1 = float(sum(1 for p in positive if p))
    n0 = float(len(positive)) - n1
    total = 0.0
    for x, p in zip(dec, positive):
        t = (n1 + 1.0) / (n1 + 2.0) if p else 1.0 / (n0 + 2.0)
        f = x * a + b
        if f >= 0:
            total += t * f + math.log1p(math.exp(-f))
        else:
            total += (t - 1.0) * f + math.log1p(math.exp(f))
    return total


def sigmoid(a, b, s):
    f = a * s + b
    if f >= 0:
        e = math.exp(-f)
        return e / (1.0 + e)
    return 1.0 / (1.0 + math.exp(f))


# ---------------------------------------------------------------------------------------------------------------
# What Hingekit's Calibrator does, written out: which score each sigmoid reads and how probabilities combine.

def calibrated_scores(scores):
    """One column per sigmoid: the single score (C == 1), s1 - s0 (C == 2), each column (C >= 3)."""
    c = scores.shape[1]
    if c == 1:
        return scores[:, :1]
    if c == 2:
        return (scores[:, 1] - scores[:, 0])[:, None]
    return scores


def targets(labels, c):
    if c <= 2:
        return [[int(y) == 1 for y in labels]]
    return [[int(y) == k for y in labels] for k in range(c)]


def combine(per_sigmoid, c):
    """[1 - p, p] for one sigmoid; otherwise each row divided by its sum, uniform where the sum is 0."""
    n = len(per_sigmoid[0])
    if c <= 2:
        return [[1.0 - per_sigmoid[0][i], per_sigmoid[0][i]] for i in range(n)]
    rows = []
    for i in range(n):
        row = [per_sigmoid[k][i] for k in range(c)]
        total = sum(row)
        rows.append([v / total for v in row] if total != 0 else [1.0 / c] * c)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# Metrics by plain loops.

def bin_of(confidence):
    if confidence <= 0.0:
        return 0
    for i in range(BINS):
        if i / BINS < confidence <= (i + 1) / BINS:
            return i
    raise ValueError(confidence)


def reliability(probabilities, labels):
    counts = [0] * BINS
    confidence_sums = [0.0] * BINS
    correct = [0] * BINS
    for row, y in zip(probabilities, labels):
        row = np.asarray(row, dtype=float)
        predicted = int(np.argmax(row))
        confidence = float(row[predicted])
        i = bin_of(confidence)
        counts[i] += 1
        confidence_sums[i] += confidence
        correct[i] += int(predicted == int(y))
    mean_confidence = [confidence_sums[i] / counts[i] if counts[i] else None for i in range(BINS)]
    accuracy = [correct[i] / counts[i] if counts[i] else None for i in range(BINS)]
    n = len(labels)
    ece = 0.0
    for i in range(BINS):
        if counts[i]:
            ece += counts[i] / n * abs(accuracy[i] - mean_confidence[i])
    return {"counts": counts, "mean_confidence": mean_confidence, "accuracy": accuracy, "ece": ece}


def brier(probabilities, labels):
    total = 0.0
    for row, y in zip(probabilities, labels):
        s = 0.0
        for k, p in enumerate(row):
            d = float(p) - (1.0 if k == int(y) else 0.0)
            s += d * d
        total += s
    return total / len(labels)


def metrics(probabilities, labels):
    out = reliability(probabilities, labels)
    out["brier"] = brier(probabilities, labels)
    return out


# ---------------------------------------------------------------------------------------------------------------

def run_case(name, scores, labels, classes, n_val, note):
    scores = np.round(scores, 4)  # short in JSON; the rounded values are the frozen scores everything uses
    val, test = slice(0, n_val), slice(n_val, len(labels))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frozen = FrozenScores(calibrated_scores(scores) if scores.shape[1] <= 2 else scores)
        if scores.shape[1] <= 2:
            frozen.scores = frozen.scores[:, 0]
        frozen.classes_ = np.arange(classes)
        index = np.arange(len(labels)).reshape(-1, 1)
        model = CalibratedClassifierCV(estimator=frozen, method="sigmoid", cv="prefit")
        model.fit(index[val], labels[val])
        sk_probabilities = model.predict_proba(index[test])
    calibrators = model.calibrated_classifiers_[0].calibrators
    sk_sigmoids = [[float(c.a_), float(c.b_)] for c in calibrators]

    columns = calibrated_scores(scores)
    ys = targets(labels[val], classes)
    llw_sigmoids, stops, sk_loss, llw_loss = [], [], [], []
    for k in range(columns.shape[1]):
        dec = [float(v) for v in columns[val, k]]
        a, b, stop, iterations = llw_fit(dec, ys[k])
        llw_sigmoids.append([a, b])
        stops.append({"stop": stop, "iterations": iterations})
        llw_loss.append(platt_objective(dec, ys[k], a, b))
        sk_loss.append(platt_objective(dec, ys[k], *sk_sigmoids[k]))
    per_sigmoid = [[sigmoid(a, b, float(s)) for s in columns[test, k]] for k, (a, b) in enumerate(llw_sigmoids)]
    llw_probabilities = combine(per_sigmoid, classes)
    broken = any(s > l + BROKEN_RELATIVE_LOSS * abs(l) for s, l in zip(sk_loss, llw_loss))
    difference = float(np.max(np.abs(np.asarray(llw_probabilities) - sk_probabilities)))
    print(f"{name:14s} classes={classes} sklearn_broken={broken} max|p_llw - p_sklearn|={difference:.3g} "
          f"sklearn_loss={[round(v, 6) for v in sk_loss][:3]} llw_loss={[round(v, 6) for v in llw_loss][:3]} "
          f"llw_stop={[s['stop'] for s in stops][:3]} warnings={len(caught)}")
    return {
        "name": name,
        "note": note,
        "classes": classes,
        "score_columns": int(scores.shape[1]),
        "val_scores": scores[val].tolist(),
        "val_labels": labels[val].tolist(),
        "test_scores": scores[test].tolist(),
        "test_labels": labels[test].tolist(),
        "sklearn_broken": broken,
        "max_abs_difference_llw_sklearn": difference,
        "sklearn": {
            "sigmoids": sk_sigmoids,
            "platt_objective": sk_loss,
            "probabilities": sk_probabilities.tolist(),
            "metrics": metrics(sk_probabilities, labels[test]),
        },
        "llw": {
            "sigmoids": llw_sigmoids,
            "platt_objective": llw_loss,
            "stops": stops,
            "probabilities": llw_probabilities,
            "metrics": metrics(llw_probabilities, labels[test]),
        },
    }


def binary_scores(rng, n, mean, noise):
    labels = (rng.random(n) < 0.4).astype(int)
    return (mean * (2 * labels - 1) + rng.normal(scale=noise, size=n))[:, None], labels


def multiclass_scores(rng, n, classes, mean, noise):
    labels = rng.integers(0, classes, size=n)
    scores = rng.normal(scale=noise, size=(n, classes)) - 0.5
    scores[np.arange(n), labels] += mean
    return scores, labels


def main():
    cases = []

    scores, labels = binary_scores(np.random.default_rng(11), 450, 1.2, 1.0)
    cases.append(run_case("binary", scores, labels, 2, 300, "one score column, label 1 positive"))

    rng = np.random.default_rng(12)
    labels = (rng.random(450) < 0.5).astype(int)
    signs = 2 * labels - 1
    scores = np.stack([-0.7 * signs + rng.normal(size=450) + 0.3, 0.9 * signs + rng.normal(size=450)], axis=1)
    cases.append(run_case("two_column", scores, labels, 2, 300, "two score columns: calibrated on s1 - s0"))

    scores, labels = multiclass_scores(np.random.default_rng(13), 600, 3, 1.5, 1.0)
    cases.append(run_case("multiclass3", scores, labels, 3, 400, "one-vs-rest per column, rows normalised"))

    scores, labels = multiclass_scores(np.random.default_rng(14), 800, 10, 2.0, 1.0)
    cases.append(run_case("multiclass10", scores, labels, 10, 500, "one-vs-rest per column, rows normalised"))

    scores, labels = binary_scores(np.random.default_rng(15), 600, 1.2, 1.0)
    cases.append(run_case("large_scaled", scores * 1e4, labels, 2, 400,
                          "the binary case's kind of scores times 1e4 (|s| up to about 4e4)"))

    rng = np.random.default_rng(16)
    labels = (rng.random(600) < 0.4).astype(int)
    magnitude = 10.0 ** rng.uniform(3.0, 5.0, size=600)
    right_side = rng.random(600) < 0.5 + 0.45 * (np.log10(magnitude) - 3.0) / 2.0
    scores = (np.where(right_side, 1.0, -1.0) * (2 * labels - 1) * magnitude)[:, None]
    cases.append(run_case("large", scores, labels, 2, 400,
                          "|s| log-uniform in [1e3, 1e5], sign right more often for larger |s| "
                          "(scikit-learn issue 26766)"))

    rng = np.random.default_rng(19)
    labels = (rng.random(600) < 0.45).astype(int)
    scores = ((2 * labels - 1) * (0.5 + 3.0 * rng.random(600)))[:, None]
    flipped = rng.choice(400, size=3, replace=False)
    scores[flipped, 0] = -scores[flipped, 0]
    cases.append(run_case("nearly_separable", scores, labels, 2, 400,
                          "classes separated by the sign of s except for 3 validation samples"))

    rng = np.random.default_rng(20)
    labels = (rng.random(300) < 0.5).astype(int)
    scores = ((2 * labels - 1) * (1.0 + 2.0 * rng.random(300)))[:, None]
    cases.append(run_case("separable", scores, labels, 2, 200, "perfectly separable by the sign of s"))

    rng = np.random.default_rng(22)
    labels = (rng.random(700) < 0.5).astype(int)
    scores = ((2 * labels - 1) * (1.0 + rng.random(700)))[:, None]
    noisy = rng.choice(700, size=30, replace=False)
    scores[noisy] = -scores[noisy]
    far = np.concatenate([rng.choice(500, size=4, replace=False), 500 + rng.choice(200, size=2, replace=False)])
    scores[far, 0] = (2 * labels[far] - 1) * 1e4 * (1.0 + rng.random(len(far)))
    cases.append(run_case("outliers", scores, labels, 2, 500,
                          "|s| in [1, 2] with 30 on the wrong side, plus 6 on the right side at 1e4..2e4: at the "
                          "optimum a * s + b passes 1e4, beyond exp's range"))

    # Confidences on bin edges, 0 and 1: checks the binning rule, not calibration.
    edges = []
    edge_labels = []
    rng = np.random.default_rng(21)
    for i in range(BINS + 1):
        c = i / BINS
        edges.append([c, 1.0 - c] if c >= 0.5 else [1.0 - c, c])
        edge_labels.append(int(rng.integers(0, 2)))
    edges += [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [0.2, 0.3, 0.5], [1 / 3, 1 / 3, 1 / 3]]
    edge_labels += [1, 0, 0, 1, 2, 1]
    edges = [row + [0.0] * (3 - len(row)) for row in edges]
    edge_case = {"probabilities": edges, "labels": edge_labels, "metrics": metrics(edges, edge_labels)}

    data = {
        "generator": "src/test/python/calibration_reference_values.py",
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "bins": BINS,
        "cases": cases,
        "bin_edges": edge_case,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=None, separators=(",", ":"))
        f.write("\n")
    os.replace(tmp, OUT)
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
