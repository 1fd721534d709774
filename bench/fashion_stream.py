"""Writes the Fashion-MNIST training set as a labelled stream for learn-online, in file order: a CSV with a header
(f0..f783, label), pixels divided by 255 and rounded to 4 decimals, label the class index.

/usr/bin/python3 bench/fashion_stream.py /tmp/fashion-train.csv [limit]
"""
import gzip
import sys

import numpy as np

DATA = '/usr/share/datasets/fashion-mnist'


def load(split='train'):
    with gzip.open(f'{DATA}/{split}-images-idx3-ubyte.gz') as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(f'{DATA}/{split}-labels-idx1-ubyte.gz') as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images, labels


def scaled(images):
    """The stream's feature values: what the CSV says, as float64."""
    return np.round(images / 255.0, 4)


def main():
    out = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    images, labels = load()
    images, labels = images[:limit], labels[:limit]
    table = ['0' if p == 0 else repr(round(p / 255.0, 4)) for p in range(256)]
    with open(out, 'w') as f:
        f.write(','.join(f'f{j}' for j in range(784)) + ',label\n')
        for row, label in zip(images, labels):
            f.write(','.join(table[p] for p in row) + f',{label}\n')


if __name__ == '__main__':
    main()
