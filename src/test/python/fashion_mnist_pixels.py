"""Prints reference values of the Debian Fashion-MNIST IDX files, read with gzip+struct only (no Hingekit code).

Used by FashionMnistSourceTest: sizes, labels of the first samples, and a few raw pixels scaled to [0, 1].
Run: /usr/bin/python3 src/test/python/fashion_mnist_pixels.py
"""
import gzip
import struct

ROOT = "/usr/share/datasets/fashion-mnist/"

for prefix in ("train", "t10k"):
    with gzip.open(ROOT + prefix + "-images-idx3-ubyte.gz") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        first = f.read(rows * cols)
    with gzip.open(ROOT + prefix + "-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = f.read(5)
    print(prefix, "n=", n, "labels[0:5]=", list(labels))
    for r, c in ((14, 14), (10, 20), (0, 0)):
        print("  image0[%d][%d] = %d / 255 = %.8f" % (r, c, first[r * cols + c], first[r * cols + c] / 255.0))
