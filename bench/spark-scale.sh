#!/usr/bin/env bash
# spark score vs the single-machine score on ROWS rows of Fashion-MNIST shape (the test images repeated), and
# spark export of the same ROWS rows vs export of the Fashion-MNIST train split (54,000 rows: the single-machine
# export reads dataset splits only), with local[2] on this machine, in one run: wall time (JVM start included) and
# peak RSS of each JVM (in local mode the driver is the executor); ROUNDS alternated rounds.
# Needs the jar, target/spark-lib (./hingekit spark --help builds it) and Debian's dataset-fashion-mnist.
# Usage: ROWS=1000000 [ROUNDS=2] [JOBS=score] bench/spark-scale.sh   (run it under flock /tmp/build.lock on a shared machine)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-2}
JOBS=${JOBS:-score export} # JOBS=score measures score alone
OUT=${OUT:-/tmp/hingekit-spark-scale}
DATA=/usr/share/datasets/fashion-mnist
CP="target/hingekit.jar:target/lib/*"
SPARK_CP="$CP:target/spark-lib/*"
export DJL_OFFLINE=true
mkdir -p "$OUT"
timed() { # name, then the java command's arguments; prints seconds and peak RSS
    local name=$1 started
    shift
    started=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$OUT/$name.rss" java -Xmx8g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
        > "$OUT/$name.txt" 2>&1
    echo "$name $(echo "$(date +%s.%N) - $started" | bc) s, peak RSS $(( $(cat "$OUT/$name.rss") / 1024 )) MiB"
}
hingekit() { java -Xmx8g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.hingekit.cli.Main "$@"; }

if [ ! -d "$OUT/model" ]; then
    sed 's/epochs: 10/epochs: 1/' configs/fashion-mlp-hinge.yaml > "$OUT/mlp.yaml"
    hingekit train --config "$OUT/mlp.yaml" --out "$OUT/model" --device cpu --no-tensorboard > "$OUT/train.txt"
    sed 's/epochs: [0-9]*/epochs: 1/' configs/fashion-embedding-triplet.yaml > "$OUT/embedding.yaml"
    hingekit train --config "$OUT/embedding.yaml" --out "$OUT/embedding" --device cpu --no-tensorboard \
        > "$OUT/train-embedding.txt"
fi
if [ ! -f "$OUT/rows.$ROWS" ]; then
    rm -rf "$OUT/rows.parquet" "$OUT"/rows.[0-9]*
    java -Xmx6g @src/main/spark/java17.args -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$SPARK_CP" \
        bench/SparkScaleData.java "$DATA" "$ROWS" "$OUT"
    touch "$OUT/rows.$ROWS"
fi
echo "rows $ROWS, $(nproc) cores, $(date -u +%F), $(uname -n)"
for round in $(seq 1 "$ROUNDS"); do
    rm -rf "$OUT/single.csv" "$OUT/spark-scores" "$OUT/single-export" "$OUT/spark-export"
    timed "score-single-$round" -cp "$CP" io.hingekit.cli.Main score --model "$OUT/model" \
        --input "$OUT/rows-idx3-ubyte" --labels "$OUT/rows-labels-idx1-ubyte" --out "$OUT/single.csv" --device cpu
    timed "score-spark-$round" @src/main/spark/java17.args -cp "$SPARK_CP" io.hingekit.cli.Main spark score \
        --master 'local[2]' --model "$OUT/model" --input "$OUT/rows.parquet" --pixel-scale 255 \
        --out "$OUT/spark-scores"
    [[ " $JOBS " == *" export "* ]] || continue
    timed "export-single-$round" -cp "$CP" io.hingekit.cli.Main export --model "$OUT/embedding" --split train \
        --format npy --out "$OUT/single-export" --device cpu
    timed "export-spark-$round" @src/main/spark/java17.args -cp "$SPARK_CP" io.hingekit.cli.Main spark export \
        --master 'local[2]' --model "$OUT/embedding" --input "$OUT/rows.parquet" --pixel-scale 255 \
        --out "$OUT/spark-export"
done
