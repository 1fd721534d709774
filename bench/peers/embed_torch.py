"""The export row's peer: embeddings of the Fashion-MNIST test images through configs/fashion-embedding-triplet.yaml's
network (the CNN trunk, a 64-d dense layer, batch norm, L2 normalisation) in plain PyTorch, in eval mode under
torch.no_grad(), batch 256 (export's default), two threads, written as one .npy file. The weights are the random
initial ones (a speed figure; Hingekit exports a trained model of the same shape). Timed as Hingekit's export times
itself: from the first batch to the written file, the model built and the data loaded before.
Prints one JSON line: seconds, items per second, version.
Run: /usr/bin/python3 bench/peers/embed_torch.py [--batch 256]
"""
import argparse
import json
import os
import tempfile
import time

import numpy as np
import torch
from torch import nn

from train_torch import load, trunk


class Normalize(nn.Module):
    def forward(self, x):
        return nn.functional.normalize(x, dim=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x, _ = load("t10k")
    layers = [layer for layer in trunk("cnn") if not isinstance(layer, nn.Dropout)]
    model = nn.Sequential(*layers, nn.Linear(256, 64), nn.BatchNorm1d(64), Normalize()).eval()
    with tempfile.TemporaryDirectory(prefix="embed-torch-") as out:
        start = time.perf_counter()
        with torch.no_grad():
            parts = [model(x[i:i + args.batch]).numpy() for i in range(0, len(x), args.batch)]
        np.save(os.path.join(out, "embeddings.npy"), np.concatenate(parts))
        seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "items_per_s": len(x) / seconds, "items": len(x),
                      "version": "torch " + torch.__version__}))


if __name__ == "__main__":
    main()
