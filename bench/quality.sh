#!/usr/bin/env bash
# Quality benchmark: trains the shipped Fashion-MNIST configs on this machine and records test accuracy, hinge
# loss and violation rate (embedding runs: retrieval metrics) with wall time per epoch in
# bench/results/quality-<config>.json.
# Usage: bench/quality.sh [config-name ...]   (default: every Fashion-MNIST config)
set -euo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(fashion-linear-svm fashion-mlp-hinge fashion-cnn-hinge fashion-cnn-ce-aux-hinge
    fashion-embedding-triplet fashion-embedding-triplet-batch-all)
mkdir -p bench/results
for name in "${configs[@]}"; do
    out="bench/models/$name"
    ./hingekit train --config "configs/$name.yaml" --out "$out" --overwrite --device "${DEVICE:-auto}"
    python3 bench/summarize.py "$out/metrics.json" "bench/results/quality-$name.json" "$name"
done
