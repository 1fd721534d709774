"""Writes src/main/resources/io/hingekit/mining/row_extremes.pt, the TorchScript module behind
io.hingekit.mining.RowExtremes: the minimum and the maximum of every row together with the index where each first
occurs (torch.min / torch.max along dimension 1). DJL 0.36's NDArray API returns those values without their indices,
and its argMin/argMax run libtorch's generic index reduction, about twice as slow on large rows.

Run with Debian's PyTorch (from the project root): /usr/bin/python3 src/main/python/make_row_extremes.py
"""
import os
import tempfile
from typing import List

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "io", "hingekit", "mining",
                   "row_extremes.pt")


class RowExtremes(torch.nn.Module):
    def forward(self, rows: torch.Tensor) -> List[torch.Tensor]:
        """torch.jit.script compiles a module from its forward; the Java side calls the two methods below by name."""
        return self.smallest(rows)

    @torch.jit.export
    def smallest(self, rows: torch.Tensor) -> List[torch.Tensor]:
        """The smallest value of each row and the index of its first occurrence."""
        values, indices = torch.min(rows, 1)
        return [values, indices]

    @torch.jit.export
    def largest(self, rows: torch.Tensor) -> List[torch.Tensor]:
        """The largest value of each row and the index of its first occurrence."""
        values, indices = torch.max(rows, 1)
        return [values, indices]


if __name__ == "__main__":
    # saved under its final name (which TorchScript records inside the archive) in a scratch folder, then moved
    scratch = tempfile.mkdtemp(dir=os.path.dirname(OUT))
    temporary = os.path.join(scratch, os.path.basename(OUT))
    torch.jit.script(RowExtremes()).save(temporary)
    os.replace(temporary, OUT)
    os.rmdir(scratch)
