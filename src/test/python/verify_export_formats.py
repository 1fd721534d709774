"""Independent check of Hingekit's export formats with numpy and FAISS's own readers.

Writes the sample exports with the Java class io.hingekit.export.WriteFormatSamples (a fixed formula), then
recomputes the formula here and compares exactly. Run from the repository root after `mvn -o -q test-compile`:

    mvn -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
    java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.hingekit.export.WriteFormatSamples /tmp/hk
    /usr/bin/python3 src/test/python/verify_export_formats.py /tmp/hk
"""
import json
import os
import sys

import numpy as np
from faiss.contrib.vecs_io import fvecs_read, ivecs_read

COUNT, DIM = 1000, 12
root = sys.argv[1]

i = np.arange(COUNT)[:, None]
j = np.arange(DIM)[None, :]
expected = (((i * 7 + j * 3) % 17 - 8) / 4).astype(np.float32)
expected_ids = 1000 + 3 * np.arange(COUNT, dtype=np.int64)
expected_labels = (np.arange(COUNT) % 5).astype(np.int32)

# npy: numpy.load must give the exact dtypes, shapes and values.
vectors = np.load(os.path.join(root, "npy", "vectors.npy"))
ids = np.load(os.path.join(root, "npy", "ids.npy"))
labels = np.load(os.path.join(root, "npy", "labels.npy"))
assert vectors.dtype == np.float32 and vectors.shape == (COUNT, DIM), (vectors.dtype, vectors.shape)
assert ids.dtype == np.int64 and ids.shape == (COUNT,), (ids.dtype, ids.shape)
assert labels.dtype == np.int32 and labels.shape == (COUNT,), (labels.dtype, labels.shape)
assert np.array_equal(vectors, expected) and np.array_equal(ids, expected_ids)
assert np.array_equal(labels, expected_labels)
print("npy: numpy.load", vectors.dtype, vectors.shape, ids.dtype, labels.dtype, "- exact match")

# fvecs / ivecs: FAISS's contrib readers.
fv = fvecs_read(os.path.join(root, "fvecs", "vectors.fvecs"))
iv = ivecs_read(os.path.join(root, "fvecs", "labels.ivecs"))
txt_ids = np.loadtxt(os.path.join(root, "fvecs", "ids.txt"), dtype=np.int64)
assert fv.shape == (COUNT, DIM) and np.array_equal(fv, expected), fv.shape
assert iv.shape == (COUNT, 1) and np.array_equal(iv[:, 0], expected_labels), iv.shape
assert np.array_equal(txt_ids, expected_ids)
print("fvecs: faiss.contrib.vecs_io.fvecs_read", fv.shape, "ivecs_read", iv.shape, "ids.txt - exact match")

# jsonl: one object per line.
with open(os.path.join(root, "jsonl", "embeddings.jsonl")) as f:
    rows = [json.loads(line) for line in f]
assert len(rows) == COUNT
assert np.array_equal(np.array([r["vector"] for r in rows], dtype=np.float32), expected)
assert [r["id"] for r in rows] == expected_ids.tolist() and [r["label"] for r in rows] == expected_labels.tolist()
print("jsonl: json.loads", len(rows), "lines - exact match")

# projector: tensors.tsv as TensorBoard reads it (float per tab-separated cell), metadata.tsv with a header row.
tensors = np.loadtxt(os.path.join(root, "projector", "tensors.tsv"), delimiter="\t", dtype=np.float32)
meta = np.loadtxt(os.path.join(root, "projector", "metadata.tsv"), delimiter="\t", dtype=np.int64, skiprows=1)
assert np.array_equal(tensors, expected) and np.array_equal(meta[:, 0], expected_ids)
assert np.array_equal(meta[:, 1], expected_labels)
print("projector: tensors.tsv", tensors.shape, "metadata.tsv", meta.shape, "- exact match")

manifest = json.load(open(os.path.join(root, "npy", "manifest.json")))
assert manifest["count"] == COUNT and manifest["dimension"] == DIM and manifest["format"] == "npy"
print("manifest:", {k: manifest[k] for k in ("format", "count", "dimension", "distance", "normalized")})
print("OK")
