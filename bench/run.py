"""Side-by-side benchmark: Hingekit against the same work written in plain PyTorch or scikit-learn (bench/peers/).

Rows (each with its peer; same data, split, network, batch, optimizer, schedule, seed and two threads):
- training (mlp-train, cnn-train, ce-aux): samples per second of the steady epochs (every epoch after the first) and
  of the first epoch separately, each epoch timed with its validation pass, first / steady epoch time, process wall
  time and test accuracy, against bench/peers/train_torch.py;
- linear-svm: configs/fashion-linear-svm.yaml's test accuracy and fit time (its epochs' seconds) against
  scikit-learn's LinearSVC and SGDClassifier(loss='hinge') (bench/peers/linear_sklearn.py), each on the same
  training part;
- loss and mining calls: milliseconds per call of the multi-class hinge and batch-hard triplet loss (forward +
  backward) and of the miners, by bench/mining.py (Java io.hingekit.bench.MiningBenchmark against
  src/test/python/mining_benchmark.py, blocks of calls alternated between two live processes);
- export: `hingekit export --format npy` items/s of a (briefly trained) fashion-embedding-triplet model's test
  embeddings against PyTorch inference of the same network under torch.no_grad() (bench/peers/embed_torch.py);
- tensorboard: the same training run with TensorBoard logging against --no-tensorboard (the "peer" column), an A/B
  of several runs each: seconds per epoch and process wall time.
Runs alternate between the sides (the side that goes first alternates every round). Each figure is min / median /
max over the runs (for loss and mining rows: over the per-round medians), and the ratio of the medians
(Hingekit / peer: above 1 means more samples/s or items/s, but also more seconds, ms or accuracy). Every process
gets OMP_NUM_THREADS=2 (peers also call torch.set_num_threads(2)); the Python peers also get
OMP_WAIT_POLICY=PASSIVE and OPENBLAS_THREAD_TIMEOUT=4 (PEER_ENV, their faster setting here); BENCH_LOCK=FILE holds
`flock FILE` around every timed run (do not set it when the whole run already holds that lock).
Run: bash bench/run.sh [--suite smoke|quick|full] [--device cpu] [--out FILE]
     /usr/bin/python3 bench/run.py --markdown bench/results/bench.json   (the table of that run, for the README)
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
PEERS = os.path.join(HERE, "peers")
FASHION_TRAIN = 60000
EPOCH_LINE = re.compile(r"^epoch (\d+)/\d+ .*\| ([0-9.]+)s$")
ACCURACY = re.compile(r"test accuracy ([0-9.]+)")
ITEMS_PER_S = re.compile(r"\(([0-9.]+) items/s\)")
THREADS = "2"
ENV = dict(os.environ, OMP_NUM_THREADS=THREADS, MKL_NUM_THREADS=THREADS, OPENBLAS_NUM_THREADS=THREADS)
# Debian's PyTorch runs its matrix products on OpenBLAS's own thread pool beside libtorch's OpenMP pool; without
# these, idle workers of each pool spin on the cores the other needs (the MLP peer's epoch took 2.0 s instead of
# 0.7 s here). Hingekit's libtorch has one pool and runs with the launcher's defaults.
PEER_ENV = dict(ENV, OMP_WAIT_POLICY="PASSIVE", OPENBLAS_THREAD_TIMEOUT="4")
MLP_PEER = ["--model", "mlp"]
CNN_PEER = ["--model", "cnn"]
CE_AUX_MLP = ("bench/configs/fashion-mlp-ce-aux-hinge.yaml", MLP_PEER + ["--head", "ce-aux-hinge", "--optimizer",
                                                                          "adam"])
CE_AUX_CNN = ("configs/fashion-cnn-ce-aux-hinge.yaml", CNN_PEER + ["--head", "ce-aux-hinge"])
EMBEDDING_CONFIG = "configs/fashion-embedding-triplet.yaml"
QUICK_CASES = ("mc_hinge:128,mc_hinge:1024,triplet_batch_hard:256,triplet_batch_hard:1024,batch_hard:256,"
               "semi_hard:256,batch_all:256,batch_hard:1024,semi_hard:1024")
FULL_CASES = QUICK_CASES + ",batch_all:1024,batch_hard:2048,semi_hard:2048,batch_all:2048"

# Per suite: training rows (name, config, peer arguments, epochs, rounds, data.limit), the linear SVM (data.limit,
# epochs or None for the config's, rounds), loss and mining (cases, sessions, rounds), export (rounds),
# TensorBoard A/B (config, epochs, runs per side, data.limit).
SUITES = {
    "smoke": {
        "training": [("mlp-train", "configs/fashion-mlp-hinge.yaml", MLP_PEER, 2, 1, 10000),
                     ("cnn-train", "configs/fashion-cnn-hinge.yaml", CNN_PEER, 2, 1, 3000),
                     ("ce-aux", *CE_AUX_MLP, 2, 1, 10000)],
        "linear": (3000, 3, 1), "losses": ("mc_hinge:128,triplet_batch_hard:256,batch_hard:256", 1, 1),
        "export": 1, "tensorboard": ("configs/fashion-mlp-hinge.yaml", 2, 1, 10000)},
    "quick": {
        "training": [("mlp-train", "configs/fashion-mlp-hinge.yaml", MLP_PEER, 3, 3, 0),
                     ("cnn-train", "configs/fashion-cnn-hinge.yaml", CNN_PEER, 2, 1, 30000),
                     ("ce-aux", *CE_AUX_MLP, 3, 2, 0)],
        "linear": (20000, None, 1), "losses": (QUICK_CASES, 1, 3), "export": 3,
        "tensorboard": ("configs/fashion-mlp-hinge.yaml", 2, 3, 0)},
    "full": {
        "training": [("mlp-train", "configs/fashion-mlp-hinge.yaml", MLP_PEER, 4, 5, 0),
                     ("cnn-train", "configs/fashion-cnn-hinge.yaml", CNN_PEER, 3, 3, 0),
                     ("ce-aux", *CE_AUX_CNN, 3, 3, 0)],
        "linear": (0, None, 3), "losses": (FULL_CASES, 3, 5), "export": 5,
        "tensorboard": ("configs/fashion-mlp-hinge.yaml", 3, 5, 0)},
}


def locked(command):
    lock = os.environ.get("BENCH_LOCK")
    return ["flock", lock] + command if lock else command


# Times the command inside the lock, so that waiting for the lock is not counted.
TIMER = ("import subprocess, sys, time; t = time.perf_counter(); r = subprocess.run(sys.argv[1:]); "
         "sys.stderr.write(f'BENCH_WALL {time.perf_counter() - t}\\n'); sys.exit(r.returncode)")


def timed(command, env=ENV):
    done = subprocess.run(locked([sys.executable, "-c", TIMER] + command), capture_output=True, text=True, env=env,
                          cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stdout[-1000:]}\n"
                 f"{done.stderr[-2000:]}")
    return done.stdout, float(re.search(r"BENCH_WALL ([0-9.]+)", done.stderr).group(1))


def train_samples(limit):
    """Training-part size for data.limit (0 = all): 10% of the training images are held out for validation."""
    images = limit or FASHION_TRAIN
    return images - images // 10


def with_limit(config, limit, scratch):
    """The config itself, or a copy with data.limit set (the CLI has no option for it)."""
    if not limit:
        return config
    with open(os.path.join(ROOT, config)) as f:
        text, count = re.subn(r"^data:\n", f"data:\n  limit: {limit}\n", f.read(), count=1, flags=re.M)
    if count != 1 or "limit:" in text.split(f"limit: {limit}", 1)[1]:
        sys.exit(f"bench: cannot set data.limit in {config}")
    path = os.path.join(scratch, f"limit{limit}-{os.path.basename(config)}")
    with open(path, "w") as f:
        f.write(text)
    return path


def hingekit_train(config, epochs, device, out, tensorboard=False):
    command = [os.path.join(ROOT, "hingekit"), "train", "--config", config, "--out", out, "--device", device,
               "--overwrite"]
    command += ["--logdir", out + "-runs"] if tensorboard else ["--no-tensorboard"]
    stdout, wall = timed(command + (["--epochs", str(epochs)] if epochs else []))
    lines = stdout.replace("\r", "\n").splitlines()
    seconds = [float(m.group(2)) for m in map(EPOCH_LINE.match, lines) if m]
    accuracy = ACCURACY.search(stdout)  # absent for an embedding run
    return {"epoch_seconds": seconds, "test_accuracy": accuracy and float(accuracy.group(1)), "process_seconds": wall}


def peer(script, arguments):
    stdout, wall = timed(["/usr/bin/python3", os.path.join(PEERS, script)] + arguments, PEER_ENV)
    result = json.loads(stdout.strip().splitlines()[-1])
    result["process_seconds"] = wall
    return result


def spread(values):
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def figure(label, hingekit_values, peer_values):
    h, p = spread(hingekit_values), spread(peer_values)
    return {"figure": label, "hingekit": h, "peer": p, "ratio": h["median"] / p["median"]}


def alternate(sides, rounds, name):
    """Runs each side once per round, the first side rotating every round; returns the runs by side."""
    runs = {side: [] for side in sides}
    order = list(sides)
    for round_index in range(rounds):
        for side in order:
            run = sides[side]()
            runs[side].append(run)
            print(f"  {name} {side} round {round_index + 1}: {json.dumps(run)[:160]}", file=sys.stderr)
        order = order[1:] + order[:1]
    return runs


def training_figures(h, p, samples):
    def steady(r):
        return samples / statistics.median(r["epoch_seconds"][1:])

    def first(r):
        return samples / r["epoch_seconds"][0]

    def ratio(r):
        return r["epoch_seconds"][0] / statistics.median(r["epoch_seconds"][1:])

    return [figure(label, [f(r) for r in h], [f(r) for r in p]) for label, f in (
        ("steady samples/s", steady), ("first-epoch samples/s", first), ("first / steady epoch time", ratio),
        ("process wall s", lambda r: r["process_seconds"]), ("test accuracy", lambda r: r["test_accuracy"]))]


def training_row(name, config, peer_arguments, epochs, rounds, limit, device, scratch):
    path = with_limit(config, limit, scratch)
    sides = {"hingekit": lambda: hingekit_train(path, epochs, device, os.path.join(scratch, name)),
             "peer": lambda: peer("train_torch.py", peer_arguments + ["--epochs", str(epochs), "--limit", str(limit)])}
    runs = alternate(sides, rounds, name)
    return {"row": name, "peer_name": "PyTorch", "config": config, "epochs": epochs, "limit": limit,
            "runs_per_side": rounds, "figures": training_figures(runs["hingekit"], runs["peer"],
                                                                 train_samples(limit)), "runs": runs}


def linear_rows(limit, epochs, rounds, device, scratch):
    path = with_limit("configs/fashion-linear-svm.yaml", limit, scratch)
    sides = {"hingekit": lambda: hingekit_train(path, epochs, device, os.path.join(scratch, "linear-svm"))}
    for model in ("linearsvc", "sgd"):
        sides[model] = lambda model=model: peer("linear_sklearn.py", ["--model", model, "--limit", str(limit)])
    runs = alternate(sides, rounds, "linear-svm")
    h = runs["hingekit"]
    rows = []
    for model, label in (("linearsvc", "LinearSVC"), ("sgd", "SGDClassifier(hinge)")):
        p = runs[model]
        rows.append({"row": f"linear-svm/{model}", "peer_name": label, "limit": limit, "runs_per_side": rounds,
                     "figures": [figure("test accuracy", [r["test_accuracy"] for r in h],
                                        [r["test_accuracy"] for r in p]),
                                 figure("fit s", [sum(r["epoch_seconds"]) for r in h], [r["fit_seconds"] for r in p]),
                                 figure("process wall s", [r["process_seconds"] for r in h],
                                        [r["process_seconds"] for r in p])],
                     "runs": {"hingekit": h, model: p}})
    return rows


def loss_rows(cases, sessions, rounds, device, scratch):
    out = os.path.join(scratch, "mining.json")
    with open(os.path.join(ROOT, "target", "bench-classpath.txt")) as f:
        classpath = ":".join([os.path.join(ROOT, "target", "classes"), os.path.join(ROOT, "target", "test-classes"),
                              f.read().strip()])
    timed(["/usr/bin/python3", os.path.join(HERE, "mining.py"), "--cases", cases, "--sessions", str(sessions),
           "--rounds", str(rounds), "--device", device, "--classpath", classpath, "--out", out])
    with open(out) as f:
        result = json.load(f)
    rows = []
    for case in result["results"]:
        kind = "fwd+bwd" if "loss_value" in case else "distances + mining"
        name = case["miner"].replace("_", "-")
        rows.append({"row": f"{name} B={case['batch']} D={case['dim']}", "peer_name": "PyTorch",
                     "figures": [figure(f"ms per call ({kind})", case["hingekit_round_medians_ms"],
                                        case["pytorch_round_medians_ms"])], "case": case})
    return rows


def export_row(rounds, device, scratch):
    model = os.path.join(scratch, "embedding")
    # A short training run only makes a model of the right shape; its time is not measured.
    hingekit_train(with_limit(EMBEDDING_CONFIG, 2000, scratch), 1, device, model)

    def hingekit_export():
        stdout, wall = timed([os.path.join(ROOT, "hingekit"), "export", "--model", model, "--format", "npy", "--out",
                              os.path.join(scratch, "export"), "--device", device, "--overwrite"])
        return {"items_per_s": float(ITEMS_PER_S.search(stdout).group(1)), "process_seconds": wall}

    runs = alternate({"hingekit": hingekit_export, "peer": lambda: peer("embed_torch.py", [])}, rounds, "export")
    return {"row": "export", "peer_name": "PyTorch no_grad", "runs_per_side": rounds,
            "figures": [figure("items/s (test split, npy)", [r["items_per_s"] for r in runs["hingekit"]],
                               [r["items_per_s"] for r in runs["peer"]]),
                        figure("process wall s", [r["process_seconds"] for r in runs["hingekit"]],
                               [r["process_seconds"] for r in runs["peer"]])], "runs": runs}


def tensorboard_row(config, epochs, runs_per_side, limit, device, scratch):
    path = with_limit(config, limit, scratch)
    out = os.path.join(scratch, "tensorboard")
    runs = alternate({"with": lambda: hingekit_train(path, epochs, device, out, tensorboard=True),
                      "without": lambda: hingekit_train(path, epochs, device, out)}, runs_per_side, "tensorboard")
    w, wo = runs["with"], runs["without"]
    epoch = figure("s per epoch", [statistics.mean(r["epoch_seconds"]) for r in w],
                   [statistics.mean(r["epoch_seconds"]) for r in wo])
    return {"row": "tensorboard", "peer_name": "Hingekit --no-tensorboard", "config": config, "epochs": epochs,
            "runs_per_side": runs_per_side, "overhead_s_per_epoch": epoch["hingekit"]["median"]
            - epoch["peer"]["median"],
            "figures": [epoch, figure("process wall s", [r["process_seconds"] for r in w],
                                      [r["process_seconds"] for r in wo])], "runs": runs}


def command_output(command):
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=ENV)
    return (done.stdout + done.stderr).strip().splitlines()[0]


def engine_versions():
    """DJL's and libtorch's versions, from the jars on the class path run.sh listed."""
    with open(os.path.join(ROOT, "target", "bench-classpath.txt")) as f:
        jars = f.read()
    djl = re.search(r"/ai/djl/api/([^/]+)/", jars)
    libtorch = re.search(r"/pytorch-native-(\w+)/([^/]+)/", jars)
    return f"DJL {djl and djl.group(1)}, libtorch {libtorch and libtorch.group(2)} ({libtorch and libtorch.group(1)})"


def versions():
    python = "/usr/bin/python3"
    return {"hingekit": command_output([os.path.join(ROOT, "hingekit"), "--version"]) + "; " + engine_versions()
            + "; " + command_output(["java", "-version"]),
            "peer": command_output([python, "-c", "import sys, torch, sklearn; print(f'PyTorch {torch.__version__}, "
                                    "scikit-learn {sklearn.__version__}, Python {sys.version.split()[0]}')"])}


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def number(value):
    return f"{value:.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def cell(s):
    return f"{number(s['min'])} / {number(s['median'])} / {number(s['max'])}"


def table(result):
    out = [f"{'row':<31} {'figure':<32} {'hingekit (min/med/max)':<24} {'peer (min/med/max)':<24} ratio  peer"]
    for row in result["rows"]:
        for f in row["figures"]:
            out.append(f"{row['row']:<31} {f['figure']:<32} {cell(f['hingekit']):<24} {cell(f['peer']):<24} "
                       f"{f['ratio']:<6.3g} {row['peer_name']}")
    return "\n".join(out)


def markdown(result):
    """The same table in Markdown, for the README."""
    out = ["| row | figure | Hingekit (min / median / max) | peer (min / median / max) | ratio | peer |",
           "|---|---|---:|---:|---:|---|"]
    for row in result["rows"]:
        for f in row["figures"]:
            out.append(f"| {row['row']} | {f['figure']} | {cell(f['hingekit'])} | {cell(f['peer'])} | "
                       f"{f['ratio']:.3g} | {row['peer_name']} |")
    return "\n".join(out)


def write(result, path):
    with open(path + ".tmp", "w") as f:
        json.dump(result, f, indent=1)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", choices=sorted(SUITES), default="quick")
    parser.add_argument("--device", choices=["cpu"], default="cpu")
    parser.add_argument("--out", default=os.path.join(HERE, "results", "bench.json"))
    parser.add_argument("--markdown", metavar="JSON", help="only print the table of an earlier run in Markdown")
    args = parser.parse_args()
    if args.markdown:
        with open(args.markdown) as f:
            print(markdown(json.load(f)))
        return
    suite = SUITES[args.suite]
    if subprocess.run(["/usr/bin/python3", "-c", "import torch, sklearn"], capture_output=True).returncode != 0:
        sys.exit("bench: the peers need Debian's PyTorch and scikit-learn for /usr/bin/python3: "
                 "apt-get install -y python3-torch python3-sklearn")
    now = datetime.datetime.now(datetime.timezone.utc)
    result = {"date": now.strftime("%Y-%m-%d %H:%M UTC"), "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
              "load_average_start": load_average(), "suite": args.suite, "device": args.device,
              "threads": int(THREADS), "versions": versions(), "rows": []}
    steps = [lambda s, row=row: [training_row(*row, args.device, s)] for row in suite["training"]]
    steps += [lambda s: linear_rows(*suite["linear"], args.device, s),
             lambda s: loss_rows(*suite["losses"], args.device, s),
             lambda s: [export_row(suite["export"], args.device, s)],
             lambda s: [tensorboard_row(*suite["tensorboard"], args.device, s)]]
    with tempfile.TemporaryDirectory(prefix="hingekit-bench-") as scratch:
        for step in steps:
            result["rows"].extend(step(scratch))
            result["load_average_end"] = load_average()
            result["wall_seconds"] = (datetime.datetime.now(datetime.timezone.utc) - now).total_seconds()
            write(result, args.out)  # each finished step is kept, also when a later one fails or is interrupted
    print(table(result))
    print(f"versions: {result['versions']}\nload average {result['load_average_start']} at start, "
          f"{result['load_average_end']} at end; {result['wall_seconds']:.0f} s\nwritten: {args.out}")


if __name__ == "__main__":
    main()
