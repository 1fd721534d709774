"""The Fashion-MNIST MLP and CNN of configs/fashion-{mlp,cnn}-hinge.yaml written directly in PyTorch.

Same network, loss (MultiMarginLoss = Hingekit's Weston-Watkins hinge), batch 128, optimizer (weight decay on
weights only, as Hingekit), per-step cosine schedule, 10% validation split and per-epoch validation pass; two
threads. Prints one JSON line: seconds of each epoch (training + validation), test accuracy, versions.
--head ce-aux-hinge is configs/fashion-cnn-ce-aux-hinge.yaml's head (and bench/configs/fashion-mlp-ce-aux-hinge.yaml's):
two linear heads on the same features, loss = cross-entropy(head 0) + lambda * MultiMarginLoss(head 1), accuracy
from head 0. --limit N keeps the first N training and N test images, as Hingekit's data.limit.
Run: /usr/bin/python3 bench/peers/train_torch.py --model mlp|cnn [--head hinge|ce-aux-hinge] [--optimizer sgd|adam]
     [--epochs N] [--limit N]
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


def load(prefix, limit=0):
    x = idx(f"{prefix}-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32) / 255.0
    y = idx(f"{prefix}-labels-idx1-ubyte.gz", 8).astype(np.int64)
    if limit:
        x, y = x[:limit], y[:limit]
    return torch.from_numpy(x), torch.from_numpy(y)


class TwoHeads(nn.Module):
    """Hingekit's ce-aux-hinge head: cross-entropy logits and auxiliary hinge scores from the same features."""

    def __init__(self, width, classes):
        super().__init__()
        self.ce = nn.Linear(width, classes)
        self.hinge = nn.Linear(width, classes)

    def forward(self, x):
        return self.ce(x), self.hinge(x)


def trunk(kind):
    if kind == "mlp":
        return [nn.Flatten(), nn.Linear(784, 256), nn.ReLU()]

    def block(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU(), nn.MaxPool2d(2)]

    return [*block(1, 32), *block(32, 64), nn.Flatten(), nn.Linear(64 * 7 * 7, 256), nn.ReLU(), nn.Dropout(0.3)]


def network(kind, head="hinge"):
    return nn.Sequential(*trunk(kind), TwoHeads(256, 10) if head == "ce-aux-hinge" else nn.Linear(256, 10))


def scores(output):
    return output[0] if isinstance(output, tuple) else output


def accuracy(model, x, y, batch):
    model.eval()
    right = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            right += (scores(model(x[i:i + batch])).argmax(1) == y[i:i + batch]).sum().item()
    return right / len(x)


def split(x, y):
    """Training and validation parts: a random 10% held out (torch's global generator, seeded by the caller)."""
    order = torch.randperm(len(x))
    val = order[: len(x) // 10]
    train = order[len(x) // 10:]
    return x[train], y[train], x[val], y[val]


def loss_function(head, weight):
    hinge = nn.MultiMarginLoss()
    if head == "hinge":
        return hinge
    cross_entropy = nn.CrossEntropyLoss()
    return lambda output, y: cross_entropy(output[0], y) + weight * hinge(output[1], y)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn"], required=True)
    parser.add_argument("--head", choices=["hinge", "ce-aux-hinge"], default="hinge")
    parser.add_argument("--lambda", dest="weight", type=float, default=0.5, help="hinge weight of ce-aux-hinge")
    parser.add_argument("--optimizer", choices=["sgd", "adam"], help="default: sgd for mlp, adam for cnn")
    parser.add_argument("--lr", type=float, help="default: 0.05 for sgd, 0.001 for adam")
    parser.add_argument("--limit", type=int, default=0, help="first N training and test images (0 = all)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    started = time.perf_counter()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x, y = load("train", args.limit)
    test_x, test_y = load("t10k", args.limit)
    train_x, train_y, val_x, val_y = split(x, y)
    model = network(args.model, args.head)
    decayed = [p for p in model.parameters() if p.dim() > 1]
    plain = [p for p in model.parameters() if p.dim() <= 1]
    groups = [{"params": decayed, "weight_decay": 1e-4}, {"params": plain, "weight_decay": 0.0}]
    kind = args.optimizer or ("sgd" if args.model == "mlp" else "adam")
    if kind == "sgd":
        optimizer = torch.optim.SGD(groups, lr=args.lr or 0.05, momentum=0.9)
    else:
        optimizer = torch.optim.Adam(groups, lr=args.lr or 0.001)
    steps = math.ceil(len(train_x) / args.batch) * args.epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 0.5 * (1 + math.cos(math.pi * t / steps)))
    loss_fn = loss_function(args.head, args.weight)
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
