"""Prints TensorFlow-default histogram references for ExponentialHistogramTest.

Bucket limits: v = 1e-12, times 1.1 while below 1e20, mirrored to negatives, with 0 and -/+DBL_MAX (TensorFlow's
histogram.cc defaults). Bucket i counts values in [limit[i-1], limit[i]) (upper_bound, numpy side='right'); runs of
empty buckets collapse into one entry holding the run's last limit.
Run: /usr/bin/python3 src/test/python/tf_histogram_reference.py
"""
import sys

import numpy as np

DBL_MAX = sys.float_info.max

positive = []
v = 1e-12
while v < 1e20:
    positive.append(v)
    v *= 1.1
limits = np.array([-DBL_MAX] + [-x for x in reversed(positive)] + [0.0] + positive + [DBL_MAX])
n = len(positive)
print("positive limits:", n, "all limits:", len(limits))
for k in (0, 1, 100, 290, n - 1):
    print(f"v[{k}] = {positive[k]!r}")

values = np.array(
    [-1e25, -3.5, -1.0, -1e-13, 0.0, -0.0, 1e-13, 1e-12, 2.5e-7, 0.5, 1.0, 1.0, 1.1, 7.25, 1e15, 3e19, 5e22],
    dtype=np.float32,
).astype(np.float64)
index = np.searchsorted(limits, values, side="right")
counts = np.bincount(index, minlength=len(limits)).astype(float)
encoded = []
i = 0
while i < len(counts):
    limit, count = limits[i], counts[i]
    i += 1
    while count == 0 and i < len(counts) and counts[i] == 0:
        limit = limits[i]
        i += 1
    encoded.append((limit, count))
print("min", values.min(), "max", values.max(), "num", len(values), "sum", values.sum(), "sum_squares",
      (values * values).sum())
print("encoded buckets:", len(encoded))
for limit, count in encoded:
    print(f"{limit!r} {count!r}")
