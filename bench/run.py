"""Side-by-side training benchmark: Hingekit against the same run written in plain PyTorch (bench/peers/).

For each row, runs alternate between the two sides (the side that goes first alternates every round), with the
same data, split, network, batch, optimizer, schedule and two threads. A row reports samples per second of the
steady epochs (every epoch after the first) and of the first epoch separately, each epoch timed with its validation
pass, plus process wall time and test accuracy: min / median / max over the runs, and the ratio of the medians
(Hingekit / peer; above 1 means Hingekit is faster). BENCH_LOCK=FILE holds `flock FILE` around every timed run.
Run: bash bench/run.sh [--suite smoke|quick|full] [--device cpu] [--out FILE]
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TRAIN_SAMPLES = 54000
EPOCH_LINE = re.compile(r"^epoch (\d+)/\d+ .*\| ([0-9.]+)s$")
ACCURACY = re.compile(r"test accuracy ([0-9.]+)")

# row name: (Hingekit config, peer model, epochs, runs per side) for each suite
ROWS = {
    "quick": [("mlp-train", "fashion-mlp-hinge", "mlp", 3, 3), ("cnn-train", "fashion-cnn-hinge", "cnn", 2, 1)],
    "smoke": [("mlp-train", "fashion-mlp-hinge", "mlp", 3, 1), ("cnn-train", "fashion-cnn-hinge", "cnn", 2, 1)],
    "full": [("mlp-train", "fashion-mlp-hinge", "mlp", 4, 5), ("cnn-train", "fashion-cnn-hinge", "cnn", 3, 3)],
}


def locked(command):
    lock = os.environ.get("BENCH_LOCK")
    return ["flock", lock] + command if lock else command


# Times the command inside the lock, so that waiting for the lock is not counted.
TIMER = ("import subprocess, sys, time; t = time.perf_counter(); r = subprocess.run(sys.argv[1:]); "
         "sys.stderr.write(f'BENCH_WALL {time.perf_counter() - t}\\n'); sys.exit(r.returncode)")


def timed(command, env=None):
    done = subprocess.run(locked([sys.executable, "-c", TIMER] + command), capture_output=True, text=True, env=env,
                          cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout, float(re.search(r"BENCH_WALL ([0-9.]+)", done.stderr).group(1))


def hingekit(config, epochs, device, out):
    stdout, wall = timed([os.path.join(ROOT, "hingekit"), "train", "--config", f"configs/{config}.yaml",
                          "--epochs", str(epochs), "--out", out, "--device", device, "--no-tensorboard",
                          "--overwrite"])
    lines = stdout.replace("\r", "\n").splitlines()
    seconds = [float(m.group(2)) for m in map(EPOCH_LINE.match, lines) if m]
    accuracy = float(ACCURACY.search(stdout).group(1))
    return {"epoch_seconds": seconds, "test_accuracy": accuracy, "process_seconds": wall}


def peer(model, epochs):
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE", OPENBLAS_THREAD_TIMEOUT="4")
    stdout, wall = timed(["/usr/bin/python3", os.path.join(HERE, "peers", "train_torch.py"), "--model", model,
                          "--epochs", str(epochs)], env)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["process_seconds"] = wall
    return result


def spread(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def figures(runs):
    steady = [TRAIN_SAMPLES / statistics.median(r["epoch_seconds"][1:]) for r in runs]
    first = [TRAIN_SAMPLES / r["epoch_seconds"][0] for r in runs]
    ratio = [r["epoch_seconds"][0] / statistics.median(r["epoch_seconds"][1:]) for r in runs]
    return {"steady_samples_per_s": spread(steady), "first_epoch_samples_per_s": spread(first),
            "first_over_steady": spread(ratio), "process_seconds": spread([r["process_seconds"] for r in runs]),
            "test_accuracy": spread([r["test_accuracy"] for r in runs]), "runs": runs}


def training_row(name, config, model, epochs, rounds, device, scratch):
    sides = {"hingekit": [], "peer": []}
    for round_index in range(rounds):
        order = ["hingekit", "peer"] if round_index % 2 == 0 else ["peer", "hingekit"]
        for side in order:
            run = hingekit(config, epochs, device, os.path.join(scratch, name)) if side == "hingekit" \
                else peer(model, epochs)
            sides[side].append(run)
            print(f"  {name} {side} round {round_index + 1}: epochs {run['epoch_seconds']}", file=sys.stderr)
    return {"row": name, "epochs": epochs, "runs_per_side": rounds, "hingekit": figures(sides["hingekit"]),
            "peer": figures(sides["peer"])}


def versions():
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    torch = subprocess.run(["/usr/bin/python3", "-c", "import torch; print(torch.__version__)"],
                           capture_output=True, text=True).stdout.strip()
    return {"hingekit": f"libtorch 2.7.1 via DJL 0.36.0; {java}", "peer": f"PyTorch {torch} (Debian), Python "
            + subprocess.run(["/usr/bin/python3", "-V"], capture_output=True, text=True).stdout.strip()}


def table(result):
    out = [f"{'row':<12} {'figure':<28} {'hingekit (min/med/max)':<28} {'peer (min/med/max)':<28} ratio"]
    for row in result["rows"]:
        for key, label in (("steady_samples_per_s", "steady samples/s"), ("first_epoch_samples_per_s",
                           "first-epoch samples/s"), ("first_over_steady", "first / steady epoch time"),
                           ("process_seconds", "process wall s"), ("test_accuracy", "test accuracy")):
            h, p = row["hingekit"][key], row["peer"][key]
            cell = lambda s: f"{s['min']:.4g} / {s['median']:.4g} / {s['max']:.4g}"
            out.append(f"{row['row']:<12} {label:<28} {cell(h):<28} {cell(p):<28} {h['median'] / p['median']:.2f}")
    return "\n".join(out)


def write(result, path):
    with open(path + ".tmp", "w") as f:
        json.dump(result, f, indent=1)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", choices=["smoke", "quick", "full"], default="quick")
    parser.add_argument("--device", choices=["cpu"], default="cpu")
    parser.add_argument("--out", default=os.path.join(HERE, "results", "bench.json"))
    args = parser.parse_args()
    result = {"date": datetime.date.today().isoformat(), "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
              "suite": args.suite, "device": args.device, "versions": versions(), "rows": []}
    with tempfile.TemporaryDirectory(prefix="hingekit-bench-") as scratch:
        for row in ROWS[args.suite]:
            result["rows"].append(training_row(*row, args.device, scratch))
            write(result, args.out)  # each finished row is kept, also when a later row fails or is interrupted
    print(table(result))
    print(f"versions: {result['versions']}\nwritten: {args.out}")


if __name__ == "__main__":
    main()
