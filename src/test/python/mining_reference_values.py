"""Reference loss values and gradients for io.hingekit.mining tests, computed independently in plain PyTorch.

Writes src/test/resources/io/hingekit/mining/reference_values.json. Each case is a straightforward (often
brute-force) float64 re-statement of a published definition: TF Addons' triplet_hard_loss and triplet_semihard_loss
(re-implemented here with the same tiling semantics, TF itself is not installed), pytorch-metric-learning's
TripletMarginLoss over all triplets with its AvgNonZeroReducer, and the contrastive hinge.
Run: /usr/bin/python3 src/test/python/mining_reference_values.py
"""
import itertools
import json
import os

import torch

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "hingekit", "mining", "reference_values.json")

gen = torch.Generator().manual_seed(20240611)
EMB = torch.randn(12, 5, generator=gen) * 0.7
LABELS = torch.tensor([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4])


def euclidean(x):
    return torch.cdist(x, x)  # direct differences, no matrix-product shortcut


def squared_euclidean(x):
    diff = x[:, None, :] - x[None, :, :]
    return (diff * diff).sum(-1)


def cosine(x):
    n = x / x.norm(dim=1, keepdim=True)
    return 1 - n @ n.T


def tf_triplet_hard(x, labels, margin, soft=False):
    d = euclidean(x)
    same = labels[:, None] == labels[None, :]
    pos = same & ~torch.eye(len(labels), dtype=torch.bool)
    neg = ~same
    losses = []
    for a in range(len(labels)):
        if not pos[a].any() or not neg[a].any():
            continue  # TF would include such anchors with a degenerate value; Hingekit skips them
        hp = d[a][pos[a]].max()
        hn = d[a][neg[a]].min()
        losses.append(torch.nn.functional.softplus(hp - hn) if soft else torch.clamp(hp - hn + margin, min=0))
    return torch.stack(losses).mean()


def tf_triplet_semihard_sum(x, labels, margin):
    """TF Addons semantics with its 'L_2' metric (squared distances); returns (sum of pair losses, pair count)."""
    d = squared_euclidean(x)
    b = len(labels)
    adjacency = labels[:, None] == labels[None, :]
    adjacency_not = ~adjacency
    total = 0.0
    pairs = 0
    for a, p in itertools.product(range(b), range(b)):
        if a == p or not adjacency[a, p]:
            continue
        pairs += 1
        negs = [n for n in range(b) if adjacency_not[a, n]]
        outside = [d[a, n] for n in negs if d[a, n] > d[a, p]]
        semi = min(outside) if outside else max(d[a, n] for n in negs)
        total = total + torch.clamp(margin + d[a, p] - semi, min=0)
    return total, pairs


def all_triplet_losses(d, labels, margin):
    b = len(labels)
    out = []
    for a, p, n in itertools.product(range(b), range(b), range(b)):
        if a != p and labels[a] == labels[p] and labels[a] != labels[n]:
            out.append(torch.clamp(d[a, p] - d[a, n] + margin, min=0))
    return torch.stack(out)


def hard_triplet_losses(d, labels, margin):
    b = len(labels)
    out = []
    for a, p, n in itertools.product(range(b), range(b), range(b)):
        if a != p and labels[a] == labels[p] and labels[a] != labels[n] and d[a, n] < d[a, p]:
            out.append(torch.clamp(d[a, p] - d[a, n] + margin, min=0))
    return torch.stack(out)


def mean_nonzero(losses):
    count = (losses > 0).sum()
    return losses.sum() / max(int(count), 1)


def contrastive_losses(d, labels, margin, squared):
    b = len(labels)
    pos, neg = [], []
    for i, j in itertools.product(range(b), range(b)):
        if i == j:
            continue
        if labels[i] == labels[j]:
            pos.append(d[i, j] ** 2 if squared else d[i, j])
        else:
            h = torch.clamp(margin - d[i, j], min=0)
            neg.append(h ** 2 if squared else h)
    return torch.stack(pos + neg)


def f32(value):
    """The float margin Hingekit receives (Java float), as a double."""
    return float(torch.tensor(value, dtype=torch.float32))


def case(name, fn, **extra):
    x = EMB.clone().requires_grad_(True)
    value = fn(x)
    value.backward()
    row = {"name": name, "loss": value.item(), "gradient": x.grad.flatten().tolist()}
    row.update(extra)
    print(f"{name}: {value.item():.12f}")
    return row


def main():
    cases = [
        case("batch_hard_euclidean_m0.3_mean", lambda x: tf_triplet_hard(x, LABELS, f32(0.3))),
        case("batch_hard_euclidean_soft_mean", lambda x: tf_triplet_hard(x, LABELS, f32(0.0), soft=True)),
        case("batch_all_euclidean_m0.2_mean_nonzero",
             lambda x: mean_nonzero(all_triplet_losses(euclidean(x), LABELS, f32(0.2)))),
        case("batch_all_cosine_m0.1_mean", lambda x: all_triplet_losses(cosine(x), LABELS, f32(0.1)).mean()),
        case("batch_all_euclidean_squared_m0.5_mean",
             lambda x: all_triplet_losses(squared_euclidean(x), LABELS, f32(0.5)).mean()),
        case("hard_euclidean_m0.2_mean", lambda x: hard_triplet_losses(euclidean(x), LABELS, f32(0.2)).mean()),
        case("contrastive_euclidean_m1.5_mean_nonzero",
             lambda x: mean_nonzero(contrastive_losses(euclidean(x), LABELS, f32(1.5), False))),
        case("contrastive_euclidean_squared_m1.5_mean",
             lambda x: contrastive_losses(euclidean(x), LABELS, f32(1.5), True).mean()),
    ]
    semihard_total, semihard_pairs = tf_triplet_semihard_sum(EMB, LABELS, f32(0.5))
    cases.append({"name": "tf_semihard_squared_m0.5_sum", "loss": float(semihard_total),
                  "pairs": semihard_pairs, "tf_loss": float(semihard_total) / semihard_pairs})
    print(f"tf_semihard_squared_m0.5_sum: {float(semihard_total):.12f} over {semihard_pairs} pairs")
    data = {"embeddings": EMB.tolist(), "labels": LABELS.tolist(), "cases": cases}
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
