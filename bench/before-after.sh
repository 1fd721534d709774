#!/usr/bin/env bash
# Same-session A/B of two Hingekit checkouts (each with its own launcher and built jar), runs alternated:
#   flock /tmp/build.lock bash bench/before-after.sh OLD_CHECKOUT NEW_CHECKOUT [ROUNDS]
# Trains the MLP (4 epochs, full data) and the CNN (3 epochs, first 20,000 images) of bench/configs/ab-*.yaml with
# each checkout's `./hingekit train` and prints, per run, the epoch seconds, test accuracy and process wall time.
set -euo pipefail
old=$(cd "$1" && pwd); new=$(cd "$2" && pwd); rounds=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
for round in $(seq "$rounds"); do
    for side in old new; do
        tree=$old; [ "$side" = new ] && tree=$new
        for cfg in mlp cnn; do
            start=$(date +%s.%N)
            log=$(cd "$tree" && ./hingekit train --config "$here/configs/ab-$cfg.yaml" --out "$scratch/$side-$cfg" \
                --no-tensorboard --overwrite 2>&1 | tr '\r' '\n' | grep -E '^epoch|test accuracy')
            end=$(date +%s.%N)
            epochs=$(echo "$log" | grep '^epoch' | sed -E 's/.*\| ([0-9.]+)s$/\1/' | tr '\n' ' ')
            echo "$round $side $cfg epochs: $epochs| $(echo "$log" | grep -o 'test accuracy [0-9.]*') |" \
                "process $(echo "$end - $start" | bc) s"
        done
    done
done
