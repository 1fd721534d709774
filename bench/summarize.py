"""Summarises a model directory's metrics.json into bench/results/quality-<config>.json (used by quality.sh).

Usage: python3 bench/summarize.py <model-dir>/metrics.json bench/results/quality-<config>.json <config>
"""
import json
import os
import platform
import sys
import time

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
    "best_epoch": int(metrics["final"]["best_epoch"]),
}
final = metrics["final"]
for key in ("test/accuracy", "test/loss", "test/violation_rate", "test/precision_at_1", "test/map_at_r",
            "test/r_precision", "test/recall_at_10", "test/knn_accuracy"):
    if key in final:
        result["test_" + key.split("/")[1]] = round(final[key], 4)
json.dump(result, open(sys.argv[2], "w"), indent=2)
print(json.dumps(result))
