"""Side by side: the configuration of configs/fashion-rff-svm.yaml (RBF random Fourier features, gamma, components,
a linear multi-class hinge model) through scikit-learn 1.2 (RBFSampler + SGDClassifier(loss='hinge'), and
LinearSVC with --linear-svc) and through Hingekit's `train`, on the same Fashion-MNIST files and machine, in one run.
Prints test accuracy and wall time of each. Hold the shared lock:

    flock /tmp/build.lock /usr/bin/python3 bench/kernel-svm.py [--components N] [--limit N] [--linear-svc]

--gamma, --input-power, --components and --epochs override the config's values on both sides; --hingekit-only skips
scikit-learn (for trials of settings).

SGDClassifier learns by partial_fit over chunks of 6,000 images mapped on the fly (the mapped set, 60,000 x 20,000,
would not fit in memory), one pass per epoch of the config; LinearSVC needs the whole mapped set in memory, so give it
--limit (both sides then train on the first N training images; the test split stays whole).
"""
import argparse
import gzip
import json
import os
import subprocess
import time
from pathlib import Path

import numpy as np
import yaml
from sklearn.kernel_approximation import RBFSampler
from sklearn.linear_model import SGDClassifier
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/usr/share/datasets/fashion-mnist")


def load(usage):
    with gzip.open(DATA / f"{usage}-images-idx3-ubyte.gz") as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255
    with gzip.open(DATA / f"{usage}-labels-idx1-ubyte.gz") as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int64)
    return x, y


def sgd_side(gamma, components, epochs, xtr, ytr, xte, yte, chunk=6000):
    """SGDClassifier(hinge) by partial_fit over chunks mapped on the fly (the mapped set would not fit in memory)."""
    start = time.perf_counter()
    sampler = RBFSampler(gamma=gamma, n_components=components, random_state=0).fit(xtr[:1])
    sgd = SGDClassifier(loss="hinge", alpha=1e-6, random_state=0)
    order = np.random.default_rng(0)
    classes = np.unique(ytr)
    for _ in range(epochs):
        shuffled = order.permutation(len(xtr))
        for first in range(0, len(xtr), chunk):
            rows = shuffled[first:first + chunk]
            sgd.partial_fit(sampler.transform(xtr[rows]), ytr[rows], classes=classes)
    correct = sum((sgd.predict(sampler.transform(xte[i:i + chunk])) == yte[i:i + chunk]).sum()
                  for i in range(0, len(xte), chunk))
    return correct / len(xte), time.perf_counter() - start


def linear_svc_side(gamma, components, xtr, ytr, xte, yte):
    """LinearSVC on the whole mapped set in memory: use with --limit."""
    start = time.perf_counter()
    sampler = RBFSampler(gamma=gamma, n_components=components, random_state=0).fit(xtr[:1])
    model = LinearSVC(C=1.0, max_iter=200).fit(sampler.transform(xtr), ytr)
    accuracy = (model.predict(sampler.transform(xte)) == yte).mean()
    return accuracy, time.perf_counter() - start


def hingekit_side(config, limit):
    config = dict(config, name="bench-kernel-svm")
    if limit:
        config["data"] = dict(config["data"], limit=limit)
    work = ROOT / "target" / "bench-kernel-svm"
    work.mkdir(parents=True, exist_ok=True)
    (work / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    start = time.perf_counter()
    subprocess.run(["java", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
                    f"{ROOT}/target/hingekit.jar:{ROOT}/target/lib/*", "io.hingekit.cli.Main", "train", "--config",
                    str(work / "config.yaml"), "--out", str(work / "model"), "--overwrite", "--no-tensorboard",
                    "--device", "cpu"], check=True, env=dict(os.environ, DJL_OFFLINE="true"), capture_output=True)
    seconds = time.perf_counter() - start
    final = json.loads((work / "model" / "metrics.json").read_text())["final"]
    return final["test/accuracy"], seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--components", type=int)
    parser.add_argument("--gamma", type=float)
    parser.add_argument("--input-power", type=float)
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--hingekit-only", action="store_true", help="skip scikit-learn (for trials of settings)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--linear-svc", action="store_true")
    args = parser.parse_args()
    config = yaml.safe_load((ROOT / "configs" / "fashion-rff-svm.yaml").read_text())
    feature_map = config["model"]["featureMap"]
    for key, value in [("components", args.components), ("gamma", args.gamma), ("inputPower", args.input_power)]:
        if value:
            feature_map[key] = value
    if args.epochs:
        config["training"]["epochs"] = args.epochs
    gamma, components, power = feature_map["gamma"], feature_map["components"], feature_map.get("inputPower", 1.0)
    xtr, ytr = load("train")
    xte, yte = load("t10k")
    if args.limit:
        xtr, ytr = xtr[:args.limit], ytr[:args.limit]
    # model.featureMap.inputPower: the signed power sign(x) |x|^p before the map, as scikit-learn's FunctionTransformer
    xtr, xte = (np.sign(x) * np.abs(x) ** power for x in (xtr, xte))
    epochs = config["training"]["epochs"]
    print(f"RBF gamma {gamma} on x^{power}, {components} components, {len(xtr)} training images, {epochs} epochs")
    accuracy, seconds = hingekit_side(config, args.limit)
    print(f"hingekit train (Adam, cosine, {config['loss']['type']})      accuracy {accuracy:.4f}  {seconds:7.1f} s")
    if args.hingekit_only:
        return
    accuracy, seconds = sgd_side(gamma, components, epochs, xtr, ytr, xte, yte)
    print(f"RBFSampler + SGDClassifier(hinge, {epochs} epochs) accuracy {accuracy:.4f}  {seconds:7.1f} s")
    if args.linear_svc:
        accuracy, seconds = linear_svc_side(gamma, components, xtr, ytr, xte, yte)
        print(f"RBFSampler + LinearSVC(C=1, 200 iterations)     accuracy {accuracy:.4f}  {seconds:7.1f} s")


if __name__ == "__main__":
    main()
