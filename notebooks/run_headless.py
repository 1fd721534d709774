"""Runs the notebooks in notebooks/ headless with Debian's Jupyter (python3-nbclient, python3-ipykernel), each from
the project root, and writes the executed copies, outputs and figures included, to target/notebooks/. Exits 1
naming each notebook whose run failed and the error of the cell that failed; the sources are never changed.

Run: /usr/bin/python3 notebooks/run_headless.py [NOTEBOOK ...]   (default: every *.ipynb in notebooks/)
"""
import argparse
import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "notebooks"
CELL_TIMEOUT_S = 900
ANSI_COLOURS = re.compile(r"\x1b\[[0-9;]*m")


def run(path):
    """Executes one notebook; writes the executed copy; returns the error text, or None when every cell ran."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT)}})
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = ANSI_COLOURS.sub("", str(e))
    OUT.mkdir(parents=True, exist_ok=True)
    temporary = OUT / (path.name + ".tmp")
    nbformat.write(notebook, temporary)
    os.replace(temporary, OUT / path.name)
    return error


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    args = parser.parse_args()
    # the kernel inherits this: ipykernel's debugger would warn about frozen modules at every start
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    failed = []
    for path in notebooks:
        print(f"running {path.name} ...", flush=True)
        error = run(path)
        if error:
            failed.append(path.name)
            print(f"{path.name} failed:\n{error}", file=sys.stderr)
        else:
            print(f"{path.name}: every cell ran; executed copy in {OUT / path.name}", flush=True)
    if failed:
        sys.exit(f"notebooks that failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
