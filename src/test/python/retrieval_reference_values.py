"""Reference leave-one-out retrieval metrics for io.hingekit.metrics.RetrievalMetricsTest.

Neighbours come from scikit-learn's exact NearestNeighbors (brute force, Euclidean); the metrics are written out
from their definitions (pytorch-metric-learning's AccuracyCalculator for precision@1, R-precision and MAP@R).
k-NN accuracy: majority label of the k nearest, ties between labels to the label whose nearest member ranks first.
Writes src/test/resources/io/hingekit/metrics/retrieval_reference.json.
Run: /usr/bin/python3 src/test/python/retrieval_reference_values.py
"""
import json
import os

import numpy as np
from sklearn.neighbors import NearestNeighbors

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "io", "hingekit", "metrics",
                   "retrieval_reference.json")
KNN_K = 5


def metrics(x, labels):
    n = len(labels)
    neighbours = NearestNeighbors(n_neighbors=n, algorithm="brute").fit(x).kneighbors(x, return_distance=False)
    rows = {"p1": [], "rp": [], "map": [], "r1": [], "r5": [], "r10": [], "knn": []}
    skipped = 0
    for q in range(n):
        order = [j for j in neighbours[q] if j != q]
        r = int(np.sum(labels == labels[q])) - 1
        if r == 0:
            skipped += 1
            continue
        rel = np.array([labels[j] == labels[q] for j in order], dtype=float)
        rows["p1"].append(rel[0])
        rows["rp"].append(rel[:r].sum() / r)
        precision = np.cumsum(rel) / np.arange(1, len(rel) + 1)
        rows["map"].append((precision[:r] * rel[:r]).sum() / r)
        for k in (1, 5, 10):
            rows[f"r{k}"].append(float(rel[:k].max()))
        nearest = [labels[j] for j in order[:KNN_K]]
        best = max(nearest, key=lambda label: (nearest.count(label), -nearest.index(label)))
        rows["knn"].append(float(best == labels[q]))
    out = {key: float(np.mean(values)) for key, values in rows.items()}
    out["queries"] = n - skipped
    out["skipped"] = skipped
    return out


def main():
    rng = np.random.default_rng(7)
    sizes = [9, 1, 6, 14, 2, 11, 7]
    labels = np.concatenate([np.full(s, c) for c, s in enumerate(sizes)])
    centres = rng.normal(size=(len(sizes), 8)) * 1.2
    x = centres[labels] + rng.normal(size=(len(labels), 8))
    perm = rng.permutation(len(labels))
    x, labels = x[perm], labels[perm]
    expected = metrics(x, labels)
    print(json.dumps(expected, indent=1))
    data = {"embeddings": x.tolist(), "labels": labels.tolist(), "knn_k": KNN_K, "expected": expected}
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
