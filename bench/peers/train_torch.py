"""The Fashion-MNIST MLP and CNN of configs/fashion-{mlp,cnn}-hinge.yaml written directly in PyTorch.

Same network, loss (MultiMarginLoss = Hingekit's Weston-Watkins hinge), batch 128, optimizer (weight decay on
weights only, as Hingekit), per-step cosine schedule, 10% validation split and per-epoch validation pass; two
threads. Prints one JSON line: seconds of each epoch (training + validation), test accuracy, versions.
Run: /usr/bin/python3 bench/peers/train_torch.py --model mlp|cnn --epochs N
"""
import argparse
import gzip
import json
import math
import time

import numpy as np
import torch
from torch import nn

DATA = "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(f"{DATA}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def load(prefix):
    x = idx(f"{prefix}-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255.0
    y = idx(f"{prefix}-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def network(kind):
    if kind == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))

    def block(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2)]

    return nn.Sequential(*block(1, 32), *block(32, 64), nn.Flatten(), nn.Linear(64 * 7 * 7, 256), nn.ReLU(),
                         nn.Dropout(0.3), nn.Linear(256, 10))


def accuracy(model, x, y, batch):
    model.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            right += (model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    return right / len(x)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn"], required=True)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    started = time.perf_counter()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x, y = load("train")
    test_x, test_y = load("t10k")
    order = torch.randperm(len(x))
    val = order[: len(x) // 10]
    train = order[len(x) // 10:]
    train_x, train_y, val_x, val_y = x[train], y[train], x[val], y[val]
    model = network(args.model)
    decayed = [p for p in model.parameters() if p.dim() > 1]
    plain = [p for p in model.parameters() if p.dim() <= 1]
    groups = [{"params": decayed, "weight_decay": 1e-4}, {"params": plain, "weight_decay": 0.0}]
    if args.model == "mlp":
        optimizer = torch.optim.SGD(groups, lr=0.05, momentum=0.9)
    else:
        optimizer = torch.optim.Adam(groups, lr=0.001)
    steps = math.ceil(len(train_x) / args.batch) * args.epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 0.5 * (1 + math.cos(math.pi * t / steps)))
    loss_fn = nn.MultiMarginLoss()
    epochs = []
    for _ in range(args.epochs):
        epoch_start = time.perf_counter()
        model.train()
        perm = torch.randperm(len(train_x))
        for i in range(0, len(perm), args.batch):
            rows = perm[i:i + args.batch]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(train_x[rows]), train_y[rows])
            loss.backward()
            optimizer.step()
            schedule.step()
        accuracy(model, val_x, val_y, args.batch)
        epochs.append(time.perf_counter() - epoch_start)
    print(json.dumps({"epoch_seconds": epochs, "test_accuracy": accuracy(model, test_x, test_y, args.batch),
                      "train_samples": len(train_x), "wall_seconds": time.perf_counter() - started,
                      "version": "torch " + torch.__version__}))


if __name__ == "__main__":
    main()
