"""Reference numbers for the io.hingekit.loss tests, from PyTorch, scikit-learn and plain numpy loops.

Run with Debian's interpreter (torch 1.13, scikit-learn):  /usr/bin/python3 src/test/python/loss_reference.py
Every number printed here is pasted into a test under src/test/java/io/hingekit/loss/. Values are float64.
"""
import numpy as np
import torch
from sklearn.metrics import hinge_loss

torch.set_default_dtype(torch.float64)

# Shared inputs, typed identically in the Java tests.
SCORES = np.array([
    [0.20, -0.50, 1.30, 0.70],
    [1.10, 0.40, -0.30, 0.90],
    [-0.80, 0.60, 0.10, 0.55],
    [0.00, 0.25, -1.20, 2.10],
    [0.45, 0.45, 0.30, -0.60],
])
LABELS = np.array([2, 0, 3, 1, 0])
CLASS_WEIGHTS = np.array([0.5, 1.0, 2.0, 1.5])
SAMPLE_WEIGHTS = np.array([1.0, 0.5, 2.0, 0.0, 3.0])

BINARY_SCORES = np.array([0.80, -0.30, 1.70, -1.20, 0.05, 0.40])
BINARY_LABELS_01 = np.array([1, 0, 1, 0, 0, 1])


def fmt(values):
    return ", ".join("%.10f" % v for v in np.atleast_1d(values))


def show(name, values):
    print("%-42s {%s}" % (name, fmt(values)))


def slow_weston_watkins(scores, labels, margin, power, class_weights):
    """Obvious loop: sum over j != y of w[y] * max(0, margin - s_y + s_j)^p, divided by C."""
    n, c = scores.shape
    out = np.zeros(n)
    for i in range(n):
        y = labels[i]
        for j in range(c):
            if j != y:
                out[i] += class_weights[y] * max(0.0, margin - scores[i, y] + scores[i, j]) ** power
    return out / c


def torch_multi_margin(margin, power, class_weights=None):
    weight = None if class_weights is None else torch.tensor(class_weights)
    x, y = torch.tensor(SCORES), torch.tensor(LABELS)
    per_sample = torch.nn.MultiMarginLoss(p=power, margin=margin, weight=weight, reduction="none")(x, y)
    mean = torch.nn.MultiMarginLoss(p=power, margin=margin, weight=weight)(x, y)
    return per_sample.numpy(), mean.item()


def multi_margin_section():
    print("== torch.nn.MultiMarginLoss (reduction none, then mean) ==")
    ones = np.ones(SCORES.shape[1])
    for margin, power, weights in [(1.0, 1, None), (1.0, 2, None), (0.5, 1, None), (2.0, 2, CLASS_WEIGHTS),
                                   (1.0, 1, CLASS_WEIGHTS)]:
        per_sample, mean = torch_multi_margin(margin, power, weights)
        slow = slow_weston_watkins(SCORES, LABELS, margin, power, ones if weights is None else weights)
        assert np.allclose(per_sample, slow, atol=1e-12), "torch disagrees with the weight-after-power loop"
        assert abs(mean - per_sample.sum() / len(LABELS)) < 1e-12, "torch's weighted mean is not sum / N"
        tag = "margin=%g p=%d weights=%s" % (margin, power, "no" if weights is None else "yes")
        show("perSample " + tag, per_sample)
        show("mean      " + tag, mean)
    per_sample, _ = torch_multi_margin(1.0, 1, CLASS_WEIGHTS)
    print("checked: weight[y] multiplies each term after the power; mean = sum / N (sum of weights would give %.10f)"
          % (per_sample.sum() / CLASS_WEIGHTS[LABELS].sum()))


def crammer_singer_section():
    print("== sklearn.metrics.hinge_loss, multi-class (Crammer-Singer, margin 1, no division) ==")
    classes = np.arange(SCORES.shape[1])
    show("mean", hinge_loss(LABELS, SCORES, labels=classes))
    show("mean sample_weight", hinge_loss(LABELS, SCORES, labels=classes, sample_weight=SAMPLE_WEIGHTS))
    others = np.where(np.eye(len(classes), dtype=bool)[LABELS], -np.inf, SCORES).max(axis=1)
    true = SCORES[np.arange(len(LABELS)), LABELS]
    for margin, power in [(1.0, 1), (0.5, 2)]:
        show("perSample numpy margin=%g p=%d" % (margin, power), np.maximum(0, margin + others - true) ** power)


def one_vs_rest_section():
    print("== one-vs-rest, numpy loop: sum over classes of max(0, margin - t_j * s_j)^p, t = +1 at y else -1 ==")
    for margin, power in [(1.0, 1), (0.5, 2)]:
        out = np.zeros(len(LABELS))
        for i, y in enumerate(LABELS):
            for j, s in enumerate(SCORES[i]):
                target = 1.0 if j == y else -1.0
                out[i] += max(0.0, margin - target * s) ** power
        show("perSample margin=%g p=%d" % (margin, power), out)


def cross_entropy_section():
    print("== torch.nn.functional.cross_entropy (the auxiliary loss's default primary) ==")
    show("mean", torch.nn.functional.cross_entropy(torch.tensor(SCORES), torch.tensor(LABELS)).item())
    show("mean labels [1,0,1,0,0]",
         torch.nn.functional.cross_entropy(torch.tensor(SCORES), torch.tensor([1, 0, 1, 0, 0])).item())


def binary_section():
    print("== binary hinge, torch clamp ==")
    s, y = torch.tensor(BINARY_SCORES), torch.tensor(BINARY_LABELS_01 * 2.0 - 1.0)
    for margin, squared in [(1.0, False), (1.0, True), (0.5, False)]:
        per_sample = torch.clamp(margin - y * s, min=0) ** (2 if squared else 1)
        show("perSample margin=%g squared=%s" % (margin, squared), per_sample.numpy())
    class_weight = torch.where(y > 0, torch.tensor(2.0), torch.tensor(0.25))
    sample_weight = torch.tensor([1.0, 3.0, 0.5, 1.0, 2.0, 0.0])
    weighted = torch.clamp(1.0 - y * s, min=0) * class_weight * sample_weight
    show("perSample pos=2 neg=0.25 sampleWeights", weighted.numpy())
    show("mean      pos=2 neg=0.25 sampleWeights", weighted.mean().item())
    print("== sklearn.metrics.hinge_loss, binary ==")
    show("mean", hinge_loss(BINARY_LABELS_01, BINARY_SCORES))
    show("mean sample_weight [1,3,0.5,1,2,0]", hinge_loss(BINARY_LABELS_01, BINARY_SCORES,
                                                          sample_weight=sample_weight.numpy()))


if __name__ == "__main__":
    print("torch", torch.__version__)
    multi_margin_section()
    crammer_singer_section()
    one_vs_rest_section()
    cross_entropy_section()
    binary_section()
