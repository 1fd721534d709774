#!/usr/bin/env bash
# Quality benchmark: trains the shipped Fashion-MNIST configs on this machine and records test accuracy,
# hinge loss, violation rate and wall time per epoch in bench/results/quality-<config>.json.
# Usage: bench/quality.sh [config-name ...]   (default: all four Fashion-MNIST configs)
set -euo pipefail
cd "$(dirname "$0")/.."
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(fashion-linear-svm fashion-mlp-hinge fashion-cnn-hinge fashion-cnn-ce-aux-hinge)
mkdir -p bench/results
for name in "${configs[@]}"; do
    out="bench/models/$name"
    ./hingekit train --config "configs/$name.yaml" --out "$out" --overwrite --device "${DEVICE:-auto}"
    /usr/bin/env python3 - "$out/metrics.json" "bench/results/quality-$name.json" "$name" <<'PY'
import json, os, platform, sys, time
metrics = json.load(open(sys.argv[1]))
epochs = len(metrics.get("epochs", []))
result = {
    "config": sys.argv[3],
    "date": time.strftime("%Y-%m-%d"),
    "machine": "%s, %d cores" % (platform.processor() or platform.machine(), os.cpu_count()),
    "devices": metrics["devices"],
    "epochs_trained": epochs,
    "wall_seconds": round(metrics["wall_seconds"], 1),
    "seconds_per_epoch": round(metrics["wall_seconds"] / max(1, epochs), 1),
    "test_accuracy": round(metrics["final"]["test/accuracy"], 4),
    "test_hinge_loss": round(metrics["final"]["test/loss"], 4),
    "test_violation_rate": round(metrics["final"]["test/violation_rate"], 4),
    "best_epoch": int(metrics["final"]["best_epoch"]),
}
json.dump(result, open(sys.argv[2], "w"), indent=2)
print(json.dumps(result))
PY
done
