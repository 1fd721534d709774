#!/usr/bin/env bash
# Times report, calibrate, score and drift on the Fashion-MNIST test set with the MLP of fashion-mlp-hinge.yaml
# (README, "After training"): whole-process wall time of each command. Needs the jar
# (mvn -o -q -Dmaven.test.skip=true package) and Debian's dataset-fashion-mnist. Outputs under $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/hingekit-lifecycle}
DATA=/usr/share/datasets/fashion-mnist
mkdir -p "$OUT"
export DJL_OFFLINE=true
hingekit() { java -Xmx8g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/hingekit.jar:target/lib/*" \
    io.hingekit.cli.Main "$@"; }
timed() {
    local started code=0
    started=$(date +%s.%N)
    hingekit "$@" > "$OUT/$1.txt" 2>&1 || code=$?
    echo "$1 $(echo "$(date +%s.%N) - $started" | bc) s (exit $code)"
}
rm -rf "$OUT/model"
timed train --config configs/fashion-mlp-hinge.yaml --out "$OUT/model" --device cpu --no-tensorboard
timed report --model "$OUT/model" --split test --device cpu
timed calibrate --model "$OUT/model" --device cpu
timed score --model "$OUT/model" --input "$DATA/t10k-images-idx3-ubyte.gz" --labels "$DATA/t10k-labels-idx1-ubyte.gz" \
    --out "$OUT/scores.csv" --probabilities --device cpu
timed drift --reference "$OUT/model" --current "$OUT/scores.csv" --by-class
