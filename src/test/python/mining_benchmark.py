"""The PyTorch side of the mining benchmark that bench/mining.py drives, beside io.hingekit.bench.MiningBenchmark:
the same mining computation written directly in PyTorch (torch.set_num_threads(2)): matrix-product Euclidean
distances, then batch-hard, semi-hard (TF Addons fallback, chunked over anchor-positive pairs) or batch-all (chunked
over pairs), taking row minima and maxima with their indices from torch.min/torch.max along the rows as the Java
side does (io.hingekit.mining.RowExtremes) and masking semi-hard's pair rows in place (masked_fill_) as it does, on
the same inputs (B x 128 standard normal float32 from the same LCG + Box-Muller stream as the Java
side, labels i // 8, i.e. P = B/8 classes x K = 8), so the triplet counts must agree. Same line protocol as the Java
side: "time MINER B CALLS" on standard input, "TRIPLETS MS MS ..." on standard output. HINGEKIT_BENCH_DEVICE=gpu
runs it on CUDA device 0, as it does the Java side; each timed call then ends by reading one value back (.item()),
which waits for the device.

The loss cases, beside the Java side's: "mc_hinge" = torch.nn.MultiMarginLoss() (Weston-Watkins, margin 1) on B x 10
scores from the same stream (seed B), labels i % 10; "triplet_batch_hard" = the batch-hard triplet hinge (margin
0.2, Euclidean, per anchor its farthest positive and nearest negative, mean over the triplets with a positive loss)
on the mining inputs. A call is forward + backward to the input + reading the loss value (.item()); the answer's
first field is the loss value, which must agree with the Java side's.
"""
import math
import os
import sys
import time

import torch

torch.set_num_threads(2)
DIM = 128
K = 8
MARGIN = 0.2
CHUNK_ELEMENTS = 1 << 22
INF = float("inf")
DEVICE = torch.device("cuda" if os.environ.get("HINGEKIT_BENCH_DEVICE", "cpu") == "gpu" else "cpu")


def gaussian(count, seed):
    """64-bit LCG (Knuth's MMIX constants) + Box-Muller, as MiningBenchmark.gaussian in Java."""
    mask = (1 << 64) - 1
    state = seed & mask
    out = []
    while len(out) < count:
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        u1 = (state >> 11) * 2.0 ** -53
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        u2 = (state >> 11) * 2.0 ** -53
        radius = math.sqrt(-2.0 * math.log(1.0 - u1))
        out.append(radius * math.cos(2 * math.pi * u2))
        out.append(radius * math.sin(2 * math.pi * u2))
    return torch.tensor(out[:count], dtype=torch.float32)


def distances(x):
    sq = (x * x).sum(1, keepdim=True)
    return (sq + sq.T - 2 * (x @ x.T)).clamp_min(1e-12).sqrt()


def masks(labels):
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(len(labels), dtype=torch.bool, device=labels.device)
    return same & ~eye, ~same


def batch_hard(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    positive_rows = torch.where(pos, d, torch.tensor(-INF))
    negative_rows = torch.where(neg, d, torch.tensor(INF))
    farthest_d, farthest = positive_rows.max(1)
    nearest_d, nearest = negative_rows.min(1)
    anchors = (farthest_d - nearest_d > -INF).nonzero().reshape(-1)
    return anchors, farthest[anchors], nearest[anchors]


def pair_chunks(d, negative_rows, pos):
    pairs = pos.nonzero()
    step = max(1, CHUNK_ELEMENTS // d.shape[1])
    for start in range(0, len(pairs), step):
        a, p = pairs[start:start + step, 0], pairs[start:start + step, 1]
        yield a, p, negative_rows.index_select(0, a), d[a, p][:, None]


def semi_hard(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    negative_rows = torch.where(neg, d, torch.tensor(INF))
    farthest_d, farthest = torch.where(neg, d, torch.tensor(-INF)).max(1)
    parts = []
    for a, p, rows, dap in pair_chunks(d, negative_rows, pos):
        nearest_d, nearest = rows.masked_fill_(rows <= dap, INF).min(1)
        has_beyond = nearest_d < INF
        n = torch.where(has_beyond, nearest, farthest[a])
        hinge = dap.reshape(-1) - nearest_d + MARGIN
        keep = torch.where(has_beyond, hinge > 0, farthest_d[a] > -INF).nonzero().reshape(-1)
        parts.append((a[keep], p[keep], n[keep]))
    return tuple(torch.cat(column) for column in zip(*parts))


def batch_all(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    negative_rows = torch.where(neg, d, torch.tensor(INF))
    parts = []
    for a, p, rows, dap in pair_chunks(d, negative_rows, pos):
        hits = (rows < INF).nonzero()
        local = hits[:, 0]
        parts.append((a[local], p[local], hits[:, 1].clone()))
    return tuple(torch.cat(column) for column in zip(*parts))


MINERS = {"batch_hard": batch_hard, "semi_hard": semi_hard, "batch_all": batch_all}
CLASSES = 10
TRIPLET_MARGIN = 0.2
MULTI_MARGIN = torch.nn.MultiMarginLoss()


def triplet_batch_hard(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    farthest = torch.where(pos, d, torch.tensor(-INF)).max(1).values
    nearest = torch.where(neg, d, torch.tensor(INF)).min(1).values
    losses = (farthest - nearest + TRIPLET_MARGIN).clamp_min(0)
    active = losses > 0
    return losses[active].mean() if active.any() else losses.sum() * 0


LOSSES = {"mc_hinge": MULTI_MARGIN, "triplet_batch_hard": triplet_batch_hard}


def loss_inputs(name, batch):
    if name == "mc_hinge":
        x = gaussian(batch * CLASSES, batch).reshape(batch, CLASSES)
        labels = torch.arange(batch) % CLASSES
    else:
        x = gaussian(batch * DIM, batch).reshape(batch, DIM)
        labels = torch.arange(batch) // K
    return x.to(DEVICE).requires_grad_(), labels.to(DEVICE)


def time_loss(name, x, labels, calls):
    times, value = [], None
    for _ in range(calls):
        start = time.perf_counter()
        loss = LOSSES[name](x, labels)
        loss.backward()
        value = loss.item()
        x.grad = None
        times.append((time.perf_counter() - start) * 1000)
    return value, times


def serve():
    """Answers "time MINER B CALLS" with "TRIPLETS MS MS ..." until "quit" or the end of input."""
    inputs = {}
    for line in sys.stdin:
        request = line.split()
        if not request or request[0] == "quit":
            break
        if request[0] != "time":
            raise SystemExit(f"unknown request: {line.strip()}")
        batch, calls = int(request[2]), int(request[3])
        if request[1] in LOSSES:
            key = (request[1], batch)
            if key not in inputs:
                inputs[key] = loss_inputs(*key)
            value, times = time_loss(request[1], *inputs[key], calls)
            print(value, " ".join(f"{ms:.4f}" for ms in times), flush=True)
            continue
        fn = MINERS[request[1]]
        if batch not in inputs:
            inputs[batch] = (gaussian(batch * DIM, batch).reshape(batch, DIM).to(DEVICE),
                             (torch.arange(batch) // K).to(DEVICE))
        x, labels = inputs[batch]
        times, triplets = [], -1
        for _ in range(calls):
            start = time.perf_counter()
            anchors, _, negatives = fn(x, labels)
            triplets = len(anchors)
            if DEVICE.type == "cuda" and triplets:
                negatives[-1].item()
            times.append((time.perf_counter() - start) * 1000)
        print(triplets, " ".join(f"{ms:.4f}" for ms in times), flush=True)


if __name__ == "__main__":
    serve()
