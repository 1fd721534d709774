#!/usr/bin/env bash
# Progressive validation on the Fashion-MNIST training stream (60,000 images in file order, pixels / 255): Hingekit's
# learn-online with PA-I (configs/fashion-online-pa.yaml) and Pegasos (configs/fashion-online-pegasos.yaml) from
# a CSV file, then scikit-learn 1.2's PassiveAggressiveClassifier and SGDClassifier partial_fit, one example at a time,
# on the same values; test accuracy of each final model on the 10,000 test images. Run under the shared lock:
#   flock /tmp/build.lock bash bench/online.sh         (LIMIT=5000 for a quick look)
# Needs the jar (mvn -o -q -Dmaven.test.skip=true package), Debian's dataset-fashion-mnist and python3-sklearn.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/hingekit-online}
LIMIT=${LIMIT:-60000}
mkdir -p "$OUT"
export DJL_OFFLINE=true
hingekit() { java -Xmx4g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/hingekit.jar:target/lib/*" \
    io.hingekit.cli.Main "$@"; }
stream="$OUT/fashion-train-$LIMIT.csv"
[ -f "$stream" ] || /usr/bin/python3 bench/fashion_stream.py "$stream" "$LIMIT"
for config in fashion-online-pa fashion-online-pegasos; do
    started=$(date +%s.%N)
    hingekit learn-online --config "configs/$config.yaml" --input "$stream" --out "$OUT/$config" --overwrite \
        --no-tensorboard 2> "$OUT/$config.log"
    wall=$(echo "$(date +%s.%N) - $started" | bc)
    hingekit report --model "$OUT/$config" --split test --device cpu --json > "$OUT/$config-test.json"
    /usr/bin/python3 - "$config" "$OUT/$config.log" "$OUT/$config-test.json" "$wall" <<'PY'
import json, re, sys
name, log, test, wall = sys.argv[1:]
done = [l for l in open(log) if l.startswith('done:')][-1]
speed = float(re.search(r'([0-9.]+) examples/s', done).group(1))
accuracy = float(re.search(r'accuracy ([0-9.]+)', done).group(1))
examples = int(re.search(r'(\d+) in all', done).group(1))
report = json.load(open(test))
print(json.dumps({'name': 'hingekit learn-online ' + name, 'examples': examples, 'progressive_accuracy': accuracy,
                  'examples_per_second': speed, 'process_wall_seconds': float(wall),
                  'test_accuracy': report.get('accuracy')}))
PY
done
/usr/bin/python3 bench/online_sklearn.py "$LIMIT"
