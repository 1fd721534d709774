#!/usr/bin/env bash
# Side-by-side benchmark of Hingekit against plain PyTorch and scikit-learn (bench/run.py; needs Debian's
# python3-torch and python3-sklearn: see README, "Benchmarks").
# Usage: bash bench/run.sh [--suite smoke|quick|full] [--device cpu] [--out FILE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./hingekit --version >/dev/null  # builds the jar first, outside the timed runs
# The loss and mining rows run io.hingekit.bench.MiningBenchmark from the test classes.
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt ${HINGEKIT_MAVEN_OPTS:-}
exec /usr/bin/python3 bench/run.py "$@"
