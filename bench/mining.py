"""Mining speed: Hingekit (Java, io.hingekit.bench.MiningBenchmark) against the same computation written directly in
PyTorch (src/test/python/mining_benchmark.py), on the same inputs and the same machine.

Both sides run as long-lived processes; this driver alternates blocks of calls between them (the side that goes
first alternates every round), so a slow spell of a shared or virtual machine hits both sides alike instead of
whichever happened to run then. A block lasts about BLOCK_MS on the slower side (at least one call, at most
MAX_BLOCK_CALLS): long enough that the cost of switching processes (threads to wake, caches to refill), which both
sides pay on their first call after the other side ran, does not stand for the per-call time. Because a process's
own state (allocator, thread placement) also moves its speed, the whole comparison is repeated with fresh process
pairs ("sessions"). Each call is one Euclidean distance matrix +
one mining pass, B x 128 float32, two threads, OMP_WAIT_POLICY=PASSIVE on both sides. Reports per case the median
over all timed calls of each side, their ratio, the ratio of each session, the lowest and highest ratio of the
per-round medians, and the peak resident memory of one uncapped batch-all call at B = 2048 (Java side).
OPENBLAS_THREAD_TIMEOUT=4 does for the Python side's OpenBLAS thread pool (which ignores OMP_WAIT_POLICY) what
PASSIVE does for OpenMP: without it an OpenBLAS worker spins for about 0.1 s after each matrix product (measured:
110-120 ms of CPU time in a 300 ms pause after 100 calls; 10-20 ms with it; the Java side 0-20 ms either way), and
holds one of the two cores during the first half of the Java side's next block.
Writes bench/results/mining.json (--device gpu: both sides on CUDA device 0, bench/results/mining-gpu.json; each
timed call then ends by reading one value back, which waits for the device).

The same driver times the loss cases (one forward + backward to the input per call, the loss value read back):
mc_hinge (Hingekit's multi-class hinge as training builds it, labels checked at loading, against
torch.nn.MultiMarginLoss, B x 10 scores) and triplet_batch_hard (Hingekit's default TripletHingeLoss against the
same loss in plain PyTorch, B x 128); their loss values must agree to 1e-4 (relative). --cases picks cases
(default: the nine mining cases); --out writes elsewhere.

Run: /usr/bin/python3 bench/mining.py [--sessions N] [--rounds N] [--device cpu|gpu] [--classpath CP]
     [--cases batch_hard:256,mc_hinge:1024,...] [--out FILE]
(from anywhere; builds the test classes first unless --classpath gives the Java class path)
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "results", "mining.json")
CASES = [(miner, batch) for batch in (256, 1024, 2048) for miner in ("batch_hard", "semi_hard", "batch_all")]
LOSSES = ("mc_hinge", "triplet_batch_hard")
MEMORY_CASE = ("batch_all", 2048)
WARMUP_CALLS = 5
WARMUP_MS = 2000
BLOCK_MS = 200
MAX_BLOCK_CALLS = 100


def calls_per_block(call_ms):
    """Calls in one block, from the slower side's median warm-up call."""
    return max(1, min(MAX_BLOCK_CALLS, int(BLOCK_MS / call_ms)))


def classpath(given):
    if given:
        return given
    listing = os.path.join(ROOT, "target", "bench-classpath.txt")
    subprocess.run(["mvn", "-q", "-B", "test-compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=" + listing], cwd=ROOT, check=True)
    with open(listing) as f:
        dependencies = f.read().strip()
    return ":".join([os.path.join(ROOT, "target", "classes"), os.path.join(ROOT, "target", "test-classes"),
                     dependencies])


class Side:
    """One benchmark process speaking the line protocol."""

    def __init__(self, name, command, env):
        self.name = name
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def ask(self, request):
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise SystemExit(f"{self.name} benchmark process ended without answering '{request}'")
        return answer.split()

    def time(self, case, batch, calls):
        """The triplet count (a miner) or the loss value (a loss), and the milliseconds of each call."""
        answer = self.ask(f"time {case} {batch} {calls}")
        return (float if case in LOSSES else int)(answer[0]), [float(ms) for ms in answer[1:]]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait()


def warm_up(side, miner, batch):
    """Calls until at least WARMUP_CALLS calls and WARMUP_MS have passed; returns the triplet count and the median
    call in ms. Every case is warmed up before the first is timed, so the JIT compiler threads of the young JVM,
    which compete for the two cores, are done before timing starts."""
    times = []
    while len(times) < WARMUP_CALLS or sum(times) < WARMUP_MS:
        triplets, answer = side.time(miner, batch, 1)
        times.extend(answer)
    return triplets, statistics.median(times)


def agree(case, java_value, python_value):
    if case[0] in LOSSES:
        return abs(java_value - python_value) <= 1e-4 * max(abs(python_value), 1e-6)
    return java_value == python_value


def session(cp, env, cases, rounds, times, round_ratios, round_medians):
    """One fresh pair of processes: warms every case up, then times the alternating rounds; appends to the
    per-case lists and returns the triplet counts (loss values), the Java side's batch-all peak memory (None unless
    batch-all at 2048 is among the cases) and its libtorch version."""
    java = Side("Java", ["java", "-Xmx4g", "-cp", cp, "io.hingekit.bench.MiningBenchmark"], env)
    python = Side("PyTorch", [sys.executable, os.path.join(ROOT, "src", "test", "python", "mining_benchmark.py")],
                  env)
    triplets, block_calls = {}, {}
    for case in cases:
        (java_count, java_ms), (python_count, python_ms) = warm_up(java, *case), warm_up(python, *case)
        if not agree(case, java_count, python_count):
            raise SystemExit(f"{case}: the two sides disagree: {java_count} against {python_count}")
        triplets[case] = java_count
        block_calls[case] = calls_per_block(max(java_ms, python_ms))
    for case in cases:
        calls = block_calls[case]
        for round_index in range(rounds):
            sides = (("java", java), ("python", python))
            block = {}
            for key, side in (sides if round_index % 2 == 0 else sides[::-1]):
                block[key] = side.time(*case, calls)[1]
                times[case][key].extend(block[key])
                round_medians[case][key].append(statistics.median(block[key]))
            round_ratios[case].append(statistics.median(block["java"]) / statistics.median(block["python"]))
    peak = None
    if MEMORY_CASE in cases:
        before, peak = (int(value) for value in java.ask("memory"))
        peak -= before
    version = java.ask("version")[0]
    java.close()
    python.close()
    return triplets, peak, version


def parse_cases(text):
    if not text:
        return CASES
    cases = []
    for item in text.split(","):
        name, batch = item.split(":")
        if name not in LOSSES and name not in ("batch_hard", "semi_hard", "batch_all"):
            raise SystemExit(f"unknown case {name}")
        cases.append((name, int(batch)))
    return cases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=3, help="fresh process pairs (default 3)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per case and session (default 5)")
    parser.add_argument("--device", choices=("cpu", "gpu"), default="cpu", help="where both sides run (default cpu)")
    parser.add_argument("--classpath", help="the Java side's class path (default: built with Maven)")
    parser.add_argument("--cases", help="comma-separated NAME:B (default: the nine mining cases)")
    parser.add_argument("--out", help="result file (default bench/results/mining.json, -gpu.json for a GPU)")
    args = parser.parse_args()
    cases = parse_cases(args.cases)
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", OPENBLAS_THREAD_TIMEOUT="4", DJL_OFFLINE="true",
               HINGEKIT_BENCH_DEVICE=args.device)
    cp = classpath(args.classpath)
    times = {case: {"java": [], "python": []} for case in cases}
    round_medians = {case: {"java": [], "python": []} for case in cases}
    round_ratios = {case: [] for case in cases}
    session_ratios = {case: [] for case in cases}
    peaks = []
    for _ in range(args.sessions):
        before = {case: (len(times[case]["java"]), len(times[case]["python"])) for case in cases}
        triplets, peak, libtorch = session(cp, env, cases, args.rounds, times, round_ratios, round_medians)
        peaks.append(peak)
        for case in cases:
            java_new = times[case]["java"][before[case][0]:]
            python_new = times[case]["python"][before[case][1]:]
            session_ratios[case].append(statistics.median(java_new) / statistics.median(python_new))
    results = []
    for case in cases:
        miner, batch = case
        java_ms, python_ms = statistics.median(times[case]["java"]), statistics.median(times[case]["python"])
        row = {"miner": miner, "batch": batch, "dim": 10 if miner == "mc_hinge" else 128,
               "loss_value" if miner in LOSSES else "triplets": triplets[case],
               "calls_per_side": len(times[case]["java"]), "pytorch_median_ms": round(python_ms, 3),
               "hingekit_median_ms": round(java_ms, 3), "ratio": round(java_ms / python_ms, 3),
               "session_ratios": [round(r, 3) for r in session_ratios[case]],
               "round_ratio_min": round(min(round_ratios[case]), 3),
               "round_ratio_max": round(max(round_ratios[case]), 3),
               "hingekit_round_medians_ms": [round(ms, 4) for ms in round_medians[case]["java"]],
               "pytorch_round_medians_ms": [round(ms, 4) for ms in round_medians[case]["python"]]}
        results.append(row)
        print(f"{miner:10s} B={batch:5d}  PyTorch {python_ms:9.2f} ms  Hingekit {java_ms:9.2f} ms  "
              f"ratio {row['ratio']:.2f}  sessions {' '.join(f'{r:.2f}' for r in row['session_ratios'])}",
              flush=True)
    gpu = args.device == "gpu"
    data = {"date": datetime.date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores"
                       + (f", {torch.cuda.get_device_name(0)}" if gpu else ""),
            "device": "CUDA device 0" if gpu else "CPU",
            "pytorch": f"PyTorch {torch.__version__} (Python), 2 threads",
            "hingekit": f"Hingekit on DJL 0.36 / libtorch {libtorch} (Java)" + ("" if gpu else ", 2 threads"),
            "environment": {key: env[key] for key in ("OMP_WAIT_POLICY", "OPENBLAS_THREAD_TIMEOUT")},
            "sessions": args.sessions, "rounds": args.rounds, "results": results}
    if MEMORY_CASE in cases:
        data["memory"] = {"call": "batch_all B=2048 dim=128", "peak_increase_mb": max(peaks)}
        print(f"batch_all B=2048 peak resident memory +{max(peaks)} MiB")
    out = args.out or (OUT.replace(".json", "-gpu.json") if gpu else OUT)
    temporary = out + ".tmp"
    with open(temporary, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(temporary, out)


if __name__ == "__main__":
    main()
