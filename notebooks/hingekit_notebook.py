"""What the notebooks share: the project's paths, the hingekit CLI, configs derived from the shipped ones, and
Fashion-MNIST read straight from Debian's IDX files for the Python peers.

The CLI runs as `./hingekit` (which builds the jar on first use), or, when HINGEKIT_CLASSPATH is set (the test
suite sets it to its own class path), as `java -cp $HINGEKIT_CLASSPATH io.hingekit.cli.Main` with the `java` of
HINGEKIT_JAVA if given.
"""
import copy
import gzip
import os
import subprocess
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "notebooks" / "output"
FASHION_MNIST = Path("/usr/share/datasets/fashion-mnist")


def hingekit(*args):
    """Runs one hingekit command; returns its standard output, or raises with its standard error."""
    code, out, err = hingekit_exit(*args)
    if code != 0:
        raise RuntimeError(f"hingekit {' '.join(map(str, args))} exited with {code}:\n{err}")
    return out


def hingekit_exit(*args):
    """Runs one hingekit command; returns its exit code, standard output and standard error."""
    classpath = os.environ.get("HINGEKIT_CLASSPATH")
    if classpath:
        command = [os.environ.get("HINGEKIT_JAVA", "java"), "-Xmx4g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                   "-cp", classpath, "io.hingekit.cli.Main"]
    else:
        command = [str(ROOT / "hingekit")]
    result = subprocess.run(command + [str(arg) for arg in args], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, DJL_OFFLINE="true"))
    return result.returncode, result.stdout, result.stderr


def derived_config(shipped, name, changes):
    """Writes configs/<shipped> with `changes` (nested dicts merged into the YAML) under WORK as <name>.yaml."""
    with open(ROOT / "configs" / shipped) as f:
        config = yaml.safe_load(f)
    merged = _merge(config, changes)
    merged["name"] = name
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"{name}.yaml"
    with open(path, "w") as f:
        yaml.safe_dump(merged, f, sort_keys=False)
    return path


def _merge(base, changes):
    out = copy.deepcopy(base)
    for key, value in changes.items():
        out[key] = _merge(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


def fashion_mnist(usage, limit):
    """The first `limit` images of `train` or `t10k` as float32 rows scaled to [0, 1], and their labels."""
    with gzip.open(FASHION_MNIST / f"{usage}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28 * 28)[:limit]
    with gzip.open(FASHION_MNIST / f"{usage}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)[:limit]
    return images.astype(np.float32) / 255, labels.astype(np.int64)
