"""The linear SVM row's peers: scikit-learn's LinearSVC and SGDClassifier(loss='hinge') on the data that
configs/fashion-linear-svm.yaml trains on (Fashion-MNIST pixels / 255, flattened; the same 90% training part as
bench/peers/train_torch.py's split; --limit N keeps the first N training and test images, as data.limit).
Library defaults otherwise: LinearSVC (one-vs-rest, squared hinge, C = 1, max_iter 1000; liblinear is
single-threaded), SGDClassifier (alpha 1e-4 = the config's weight decay, max_iter 1000, tol 1e-3, n_jobs 2 for its
one-vs-rest fits). Prints one JSON line: fit seconds, test accuracy, iterations, version.
Run: /usr/bin/python3 bench/peers/linear_sklearn.py --model linearsvc|sgd [--limit N]
"""
import argparse
import json
import time
import warnings

import sklearn
import torch
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import SGDClassifier
from sklearn.svm import LinearSVC

from train_torch import load, split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["linearsvc", "sgd"], required=True)
    parser.add_argument("--limit", type=int, default=0, help="first N training and test images (0 = all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    x, y = load("train", args.limit)
    test_x, test_y = load("t10k", args.limit)
    train_x, train_y, _, _ = split(x, y)
    flat = lambda images: images.reshape(len(images), -1).numpy()
    if args.model == "linearsvc":
        model = LinearSVC(random_state=args.seed)
    else:
        model = SGDClassifier(loss="hinge", n_jobs=args.threads, random_state=args.seed)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(flat(train_x), train_y.numpy())
        seconds = time.perf_counter() - start
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    print(json.dumps({"fit_seconds": seconds, "test_accuracy": float(model.score(flat(test_x), test_y.numpy())),
                      "iterations": int(max(model.n_iter_)) if hasattr(model.n_iter_, "__len__")
                      else int(model.n_iter_), "converged": converged, "train_samples": len(train_x),
                      "version": "scikit-learn " + sklearn.__version__}))


if __name__ == "__main__":
    main()
