"""Reference numbers for the hinge's relatives, the one-vs-one hinge and the RBF feature map.

Run with Debian's interpreter (numpy, torch 1.13, scikit-learn 1.2):
    /usr/bin/python3 src/test/python/relatives_reference.py
Every number printed is pasted into a test: io.hingekit.loss.RelativeLossesTest, OneVsOneHingeLossTest and
io.hingekit.model.RandomFourierFeaturesTest. Inputs are typed identically there (SCORES and LABELS are those of
loss_reference.py).
"""
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.kernel_approximation import RBFSampler
from sklearn.metrics.pairwise import rbf_kernel

torch.set_default_dtype(torch.float64)

SCORES = np.array([
    [0.20, -0.50, 1.30, 0.70],
    [1.10, 0.40, -0.30, 0.90],
    [-0.80, 0.60, 0.10, 0.55],
    [0.00, 0.25, -1.20, 2.10],
    [0.45, 0.45, 0.30, -0.60],
])
LABELS = np.array([2, 0, 3, 1, 0])
BINARY_SCORES = np.array([0.80, -0.30, 1.70, -1.20, 0.05, 0.40])
BINARY_LABELS_01 = np.array([1, 0, 1, 0, 0, 1])

# one-vs-one: K = 4 classes, pairs (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
PAIR_SCORES = np.array([
    [0.50, -1.20, 0.30, -0.70, 0.20, 1.50],
    [2.00, 1.00, 0.80, 0.10, -0.40, 0.60],
    [-0.30, 0.00, -0.90, 0.40, -1.10, -0.20],
    [0.60, -0.60, 0.60, -0.60, 0.60, -0.60],
    [-1.50, 0.20, 0.25, 1.40, 0.90, -0.10],
])
PAIR_LABELS = np.array([2, 0, 3, 1, 2])


def show(name, values):
    print("%-34s {%s}" % (name, ", ".join("%.10f" % v for v in np.atleast_1d(values))))


def cs_margins(scores, labels):
    out = []
    for s, y in zip(scores, labels):
        out.append(s[y] - max(s[j] for j in range(len(s)) if j != y))
    return np.array(out)


def smooth(m, a=1.0):
    z = a - m
    return 0.0 if z <= 0 else (z * z / 2 if z < 1 else z - 0.5)


binary_margins = (2 * BINARY_LABELS_01 - 1) * BINARY_SCORES
multi_margins = cs_margins(SCORES, LABELS)
show("perceptron binary", [max(0.0, -m) for m in binary_margins])
show("perceptron multi", [max(0.0, -m) for m in multi_margins])
show("logistic binary (loop)", [np.log1p(np.exp(-m)) for m in binary_margins])
show("logistic binary torch soft_margin", F.soft_margin_loss(torch.tensor(BINARY_SCORES),
                                                           torch.tensor(2.0 * BINARY_LABELS_01 - 1),
                                                           reduction="none").numpy())
show("logistic multi torch cross_entropy", F.cross_entropy(torch.tensor(SCORES), torch.tensor(LABELS),
                                                           reduction="none").numpy())
show("smoothed binary", [smooth(m) for m in binary_margins])
show("smoothed multi", [smooth(m) for m in multi_margins])
show("smoothed multi margin 2", [smooth(m, 2.0) for m in multi_margins])

K = 4
pairs = [(i, j) for i in range(K) for j in range(i + 1, K)]


def ovo_loss(scores, labels, margin, power):
    out = []
    for s, y in zip(scores, labels):
        total = 0.0
        for p, (i, j) in enumerate(pairs):
            if y == i:
                total += max(0.0, margin - s[p]) ** power
            elif y == j:
                total += max(0.0, margin + s[p]) ** power
        out.append(total / (K - 1))
    return np.array(out)


def ovo_decisions(scores):
    votes, summed, predicted, gaps = [], [], [], []
    for s in scores:
        v = np.zeros(K)
        t = np.zeros(K)
        for p, (i, j) in enumerate(pairs):
            t[i] += s[p]
            t[j] -= s[p]
            if s[p] > 0:
                v[i] += 1
            elif s[p] < 0:
                v[j] += 1
        best = max(range(K), key=lambda c: (v[c], t[c], -c))
        duels = [s[p] if best == i else -s[p] for p, (i, j) in enumerate(pairs) if best in (i, j)]
        votes.append(v)
        summed.append(t)
        predicted.append(best)
        gaps.append(max(0.0, min(duels)))
    return np.array(votes), np.array(summed), np.array(predicted), np.array(gaps)


def ovo_signed(scores, labels):
    return np.array([min(s[p] if y == i else -s[p] for p, (i, j) in enumerate(pairs) if y in (i, j))
                     for s, y in zip(scores, labels)])


show("ovo loss margin 1 power 1", ovo_loss(PAIR_SCORES, PAIR_LABELS, 1.0, 1))
show("ovo loss margin 0.5 power 2", ovo_loss(PAIR_SCORES, PAIR_LABELS, 0.5, 2))
votes, summed, predicted, gaps = ovo_decisions(PAIR_SCORES)
show("ovo votes (row-major)", votes.ravel())
show("ovo summed (row-major)", summed.ravel())
show("ovo class scores (row-major)", (votes + summed / (3 * (np.abs(summed) + 1))).ravel())
show("ovo predicted", predicted)
show("ovo signed margins", ovo_signed(PAIR_SCORES, PAIR_LABELS))
show("ovo gaps", gaps)

# RBF feature map statistics: 12 points in 5 dimensions, gamma 0.3
rng = np.random.default_rng(3)
X = np.round(rng.normal(size=(12, 5)), 2)
print("points (row-major, 2 decimals):", ", ".join("%.2f" % v for v in X.ravel()))
exact = rbf_kernel(X, gamma=0.3)
for d in (500, 5000):
    errors = []
    for seed in range(20):
        Z = RBFSampler(gamma=0.3, n_components=d, random_state=seed).fit(X).transform(X)
        errors.append(np.abs(Z @ Z.T - exact).mean())
    print("RBFSampler D=%d mean |z.z - k| over 20 seeds: mean %.5f, max %.5f" % (d, np.mean(errors),
                                                                                 np.max(errors)))

# Nystroem with every point a landmark reproduces the kernel matrix (scikit-learn's Nystroem, the same points)
from sklearn.kernel_approximation import Nystroem
Z = Nystroem(gamma=0.3, n_components=12, random_state=0).fit(X).transform(X)
print("Nystroem all landmarks: max |z.z - k| = %.2e" % np.abs(Z @ Z.T - exact).max())
print("kernel matrix row 0:", ", ".join("%.6f" % v for v in exact[0]))
