"""Reference weights after three steps of torch.optim.SGD (momentum, weight decay) and torch.optim.Adam.

Used by OptimizerTest. The weight starts at W0 and receives the fixed gradients G[0], G[1], G[2] (the gradient
does not depend on the weight, so the sequence is the same in Java). Learning rate 0.1 for SGD, 0.01 for Adam; the
"scheduled" runs change the learning rate before each step (LRS times the base rate), as a schedule does.
Run: /usr/bin/python3 src/test/python/optimizer_reference.py
"""
import torch

W0 = [[0.5, -1.0], [2.0, 0.25]]
G = [[[0.1, -0.2], [0.3, 0.0]], [[-0.5, 0.4], [0.2, 1.0]], [[0.05, 0.05], [-0.3, 0.7]]]


LRS = [1.0, 0.5, 0.2]


def run(make, scheduled=False):
    w = torch.nn.Parameter(torch.tensor(W0, dtype=torch.float64))
    opt = make([w])
    base = opt.param_groups[0]["lr"]
    for step, g in enumerate(G):
        if scheduled:
            opt.param_groups[0]["lr"] = base * LRS[step]
        opt.zero_grad()
        w.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
    return [round(v, 10) for v in w.detach().flatten().tolist()]


print("sgd", run(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01)))
print("adam", run(lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01)))
print("sgd scheduled", run(lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, weight_decay=0.01), True))
print("adam scheduled", run(lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01), True))
