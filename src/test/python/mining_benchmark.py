"""PyTorch reference timings for io.hingekit.bench.MiningBenchmark: the same mining computation written directly in
PyTorch (torch.set_num_threads(2)): matrix-product Euclidean distances, then batch-hard, semi-hard (TF Addons
fallback, chunked over anchor-positive pairs) or batch-all (chunked over pairs), on the same inputs (B x 128
standard normal float32 from the same LCG + Box-Muller stream as the Java side, labels i // 8, i.e. P = B/8 classes
x K = 8), so the triplet counts must agree. Reports the median of repeated calls after a warm-up of at least 5 calls and 2 s.
Writes bench/results/mining_pytorch.json.
Run: OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 src/test/python/mining_benchmark.py (see MiningBenchmark)
"""
import datetime
import json
import math
import os
import platform
import statistics
import time

import torch

torch.set_num_threads(2)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "..", "bench", "results", "mining_pytorch.json")
DIM = 128
K = 8
MARGIN = 0.2
CHUNK_ELEMENTS = 1 << 22
WARMUP_CALLS = 5
WARMUP_SECONDS = 2.0
INF = float("inf")


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
    eye = torch.eye(len(labels), dtype=torch.bool)
    return same & ~eye, ~same


def batch_hard(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    positive_rows = torch.where(pos, d, torch.tensor(-INF))
    negative_rows = torch.where(neg, d, torch.tensor(INF))
    farthest = positive_rows.argmax(1)[:, None]
    nearest = negative_rows.argmin(1)[:, None]
    valid = (positive_rows.gather(1, farthest) > -INF) & (negative_rows.gather(1, nearest) < INF)
    anchors = valid.reshape(-1).nonzero().reshape(-1)
    return anchors, farthest.reshape(-1)[anchors], nearest.reshape(-1)[anchors]


def pair_chunks(d, negative_rows, pos):
    pairs = pos.nonzero()
    step = max(1, CHUNK_ELEMENTS // d.shape[1])
    for start in range(0, len(pairs), step):
        a, p = pairs[start:start + step, 0], pairs[start:start + step, 1]
        yield a, p, negative_rows[a], d[a, p][:, None]


def semi_hard(x, labels):
    d = distances(x)
    pos, neg = masks(labels)
    negative_rows = torch.where(neg, d, torch.tensor(INF))
    farthest_negative = torch.where(neg, d, torch.tensor(-INF)).argmax(1)
    has_negative = neg.sum(1) > 0
    parts = []
    for a, p, rows, dap in pair_chunks(d, negative_rows, pos):
        beyond_rows = torch.where(rows > dap, rows, torch.tensor(INF))
        nearest = beyond_rows.argmin(1)
        has_beyond = beyond_rows.gather(1, nearest[:, None]).reshape(-1) < INF
        n = torch.where(has_beyond, nearest, farthest_negative[a])
        hinge = (dap - d[a, n][:, None] + MARGIN).reshape(-1)
        keep = (has_negative[a] & (~has_beyond | (hinge > 0))).nonzero().reshape(-1)
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


def median_ms(fn, x, labels, repeats):
    warmup_end = time.perf_counter() + WARMUP_SECONDS
    calls = 0
    while calls < WARMUP_CALLS or time.perf_counter() < warmup_end:
        fn(x, labels)
        calls += 1
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(x, labels)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(result[0])


def main():
    results = []
    for batch in (256, 1024, 2048):
        x = gaussian(batch * DIM, batch).reshape(batch, DIM)
        labels = torch.arange(batch) // K
        for name, fn in (("batch_hard", batch_hard), ("semi_hard", semi_hard), ("batch_all", batch_all)):
            repeats = 5 if name == "batch_all" and batch >= 1024 else 21
            ms, triplets = median_ms(fn, x, labels, repeats)
            results.append({"miner": name, "batch": batch, "dim": DIM, "median_ms": round(ms, 3),
                            "repeats": repeats, "triplets": triplets})
            print(f"{name:10s} B={batch:5d}: {ms:9.2f} ms median, {triplets} triplets")
    data = {"implementation": f"PyTorch {torch.__version__} (Python)", "threads": torch.get_num_threads(),
            "machine": platform.machine() + ", " + str(os.cpu_count()) + " cores",
            "date": datetime.date.today().isoformat(), "results": results}
    tmp = OUT + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, OUT)


if __name__ == "__main__":
    main()
