"""Writes the .npy query-vector resources read by QueryVectorsTest and NpyWriterTest, with numpy's own np.save.

Run from the repository root:  /usr/bin/python3 src/test/python/make_query_vectors.py
"""
import numpy as np

OUT = "src/test/resources/io/hingekit/export/"
VALUES = [0.5, -1.25, 3.0, 2.0]

np.save(OUT + "query_f4.npy", np.array(VALUES, dtype="<f4"))          # shape (4,)
np.save(OUT + "query_f8_row.npy", np.array([VALUES], dtype="<f8"))    # shape (1, 4)
np.save(OUT + "query_matrix.npy", np.zeros((2, 4), dtype="<f4"))      # two rows: not a single vector
for name in ("query_f4.npy", "query_f8_row.npy", "query_matrix.npy"):
    with open(OUT + name, "rb") as f:
        data = f.read()
    print(name, len(data), "bytes, header", data[10:10 + int.from_bytes(data[8:10], "little")].decode().strip())
