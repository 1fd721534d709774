#!/usr/bin/env bash
# Bounded load test of `hingekit serve` on loopback (README, "serve"): for the linear SVM and the CNN of the
# shipped Fashion-MNIST configs (trained for 2 and 1 epochs: serving cost does not depend on accuracy), Debian's
# `hey` sends one-image /predict requests for DURATION seconds from 16 connections while 2 more connections send bad
# requests (wrong feature count); then /metrics is read and its request counts compared with hey's.
# Never targets anything but 127.0.0.1. Needs the jar, dataset-fashion-mnist and hey (.ci/setup installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/hingekit-serve-load}
DURATION=${DURATION:-30}
mkdir -p "$OUT"
export DJL_OFFLINE=true
hingekit() { java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/hingekit.jar:target/lib/*" \
    io.hingekit.cli.Main "$@"; }
/usr/bin/python3 - "$OUT" <<'PY'
import gzip, json, sys
out = sys.argv[1]
with gzip.open("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz") as f:
    pixels = f.read()[16:16 + 784]
row = [round(b / 255, 4) for b in pixels]
json.dump({"instances": [row]}, open(f"{out}/good.json", "w"))
json.dump({"instances": [row[:100]]}, open(f"{out}/bad.json", "w"))
PY
port=18481
for config in fashion-linear-svm:2 fashion-cnn-hinge:1; do
    name=${config%%:*}; epochs=${config##*:}
    [ -f "$OUT/$name/model.params" ] || hingekit train --config "configs/$name.yaml" --epochs "$epochs" \
        --out "$OUT/$name" --device cpu --no-tensorboard --overwrite > "$OUT/$name-train.txt" 2>&1
    # exec: $! is the JVM itself, so the kill below reaches it (and the drain on SIGTERM runs)
    (exec java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/hingekit.jar:target/lib/*" \
        io.hingekit.cli.Main serve --model "$OUT/$name" --port $port --device cpu) > "$OUT/$name-serve.txt" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/v2/health/ready" > /dev/null && break; sleep 1; done
    url="http://127.0.0.1:$port/predict"
    hey -z "${DURATION}s" -c 2 -m POST -T application/json -D "$OUT/bad.json" "$url" > "$OUT/$name-bad.txt" &
    bad=$!
    hey -z "${DURATION}s" -c 16 -m POST -T application/json -D "$OUT/good.json" "$url" > "$OUT/$name-good.txt"
    wait $bad
    curl -s "http://127.0.0.1:$port/metrics" > "$OUT/$name-metrics.txt"
    kill -TERM $server; wait $server || true
    echo "== $name (16 good + 2 bad connections, ${DURATION}s)"
    grep -E "Requests/sec|Total:" "$OUT/$name-good.txt" | head -2
    grep -E "  (50|99)% in" "$OUT/$name-good.txt"
    echo "hey good responses: $(grep -E '^\s+\[[0-9]+\]' "$OUT/$name-good.txt" | tr '\n' ' ')"
    echo "hey bad responses:  $(grep -E '^\s+\[[0-9]+\]' "$OUT/$name-bad.txt" | tr '\n' ' ')"
    echo "/metrics: $(grep -E '^hingekit_requests_total\{code="[0-9]+",endpoint="predict"\}' "$OUT/$name-metrics.txt" | tr '\n' ' ')"
    echo "batches: $(grep -E '^hingekit_batch_size_rows_(count|sum)' "$OUT/$name-metrics.txt" | tr '\n' ' ')"
    port=$((port + 1))
done
