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

Run: /usr/bin/python3 bench/mining.py [--sessions N] [--rounds N] [--device cpu|gpu] [--classpath CP]
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

    def time(self, miner, batch, calls):
        answer = self.ask(f"time {miner} {batch} {calls}")
        return int(answer[0]), [float(ms) for ms in answer[1:]]

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


def session(cp, env, rounds, times, round_ratios):
    """One fresh pair of processes: warms every case up, then times the alternating rounds; appends to the
    per-case lists and returns the triplet counts and the Java side's batch-all peak memory."""
    java = Side("Java", ["java", "-Xmx4g", "-cp", cp, "io.hingekit.bench.MiningBenchmark"], env)
    python = Side("PyTorch", [sys.executable, os.path.join(ROOT, "src", "test", "python", "mining_benchmark.py")],
                  env)
    triplets, block_calls = {}, {}
    for case in CASES:
        (java_count, java_ms), (python_count, python_ms) = warm_up(java, *case), warm_up(python, *case)
        if java_count != python_count:
            raise SystemExit(f"{case}: the two sides mined different triplet counts {java_count}, {python_count}")
        triplets[case] = java_count
        block_calls[case] = calls_per_block(max(java_ms, python_ms))
    for case in CASES:
        calls = block_calls[case]
        for round_index in range(rounds):
            sides = (("java", java), ("python", python))
            block = {}
            for key, side in (sides if round_index % 2 == 0 else sides[::-1]):
                block[key] = side.time(*case, calls)[1]
                times[case][key].extend(block[key])
            round_ratios[case].append(statistics.median(block["java"]) / statistics.median(block["python"]))
    before, peak = (int(value) for value in java.ask("memory"))
    version = java.ask("version")[0]
    java.close()
    python.close()
    return triplets, peak - before, version


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=3, help="fresh process pairs (default 3)")
    parser.add_argument("--rounds", type=int, default=5, help="alternating rounds per case and session (default 5)")
    parser.add_argument("--device", choices=("cpu", "gpu"), default="cpu", help="where both sides run (default cpu)")
    parser.add_argument("--classpath", help="the Java side's class path (default: built with Maven)")
    args = parser.parse_args()
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", OPENBLAS_THREAD_TIMEOUT="4", DJL_OFFLINE="true",
               HINGEKIT_BENCH_DEVICE=args.device)
    cp = classpath(args.classpath)
    times = {case: {"java": [], "python": []} for case in CASES}
    round_ratios = {case: [] for case in CASES}
    session_ratios = {case: [] for case in CASES}
    peaks = []
    for _ in range(args.sessions):
        before = {case: (len(times[case]["java"]), len(times[case]["python"])) for case in CASES}
        triplets, peak, libtorch = session(cp, env, args.rounds, times, round_ratios)
        peaks.append(peak)
        for case in CASES:
            java_new = times[case]["java"][before[case][0]:]
            python_new = times[case]["python"][before[case][1]:]
            session_ratios[case].append(statistics.median(java_new) / statistics.median(python_new))
    results = []
    for case in CASES:
        miner, batch = case
        java_ms, python_ms = statistics.median(times[case]["java"]), statistics.median(times[case]["python"])
        row = {"miner": miner, "batch": batch, "dim": 128, "triplets": triplets[case],
               "calls_per_side": len(times[case]["java"]), "pytorch_median_ms": round(python_ms, 3),
               "hingekit_median_ms": round(java_ms, 3), "ratio": round(java_ms / python_ms, 3),
               "session_ratios": [round(r, 3) for r in session_ratios[case]],
               "round_ratio_min": round(min(round_ratios[case]), 3),
               "round_ratio_max": round(max(round_ratios[case]), 3)}
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
            "sessions": args.sessions, "rounds": args.rounds, "results": results,
            "memory": {"call": "batch_all B=2048 dim=128", "peak_increase_mb": max(peaks)}}
    print(f"batch_all B=2048 peak resident memory +{max(peaks)} MiB")
    out = OUT.replace(".json", "-gpu.json") if gpu else OUT
    temporary = out + ".tmp"
    with open(temporary, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(temporary, out)


if __name__ == "__main__":
    main()
