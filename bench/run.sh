#!/usr/bin/env bash
# Side-by-side benchmark of Hingekit against plain PyTorch (bench/run.py; needs Debian's python3-torch).
# Usage: bash bench/run.sh [--suite smoke|quick|full] [--device cpu] [--out FILE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./hingekit --version >/dev/null  # builds the jar first, outside the timed runs
exec /usr/bin/python3 bench/run.py "$@"
