"""Final weights of the online hinge updates on a fixed small stream, straight from the papers' rules in NumPy.

Passive-aggressive: Crammer, Dekel, Keshet, Shalev-Shwartz, Singer, "Online Passive-Aggressive Algorithms",
JMLR 7 (2006): binary (section 3) and multi-class with the max-violating wrong class (section 7).
Pegasos: Shalev-Shwartz, Singer, Srebro, Cotter, Mathematical Programming 127 (2011): k = 1, eta = 1/(lambda t),
optional projection onto the ball of radius 1/sqrt(lambda); multi-class sub-gradient of section 5.

The bias is the weight of a constant feature 1 appended to x. Run: /usr/bin/python3 src/test/python/online_reference_values.py
The printed arrays are pasted into src/test/java/io/hingekit/online/OnlineLearnerTest.java.
"""
import numpy as np

N, D = 60, 6


def stream(classes):
    """A seeded stream both sides build the same way: features k/8 for k in [-8, 8] from a 31-bit LCG (exact in
    float32), labels the argmax of a fixed teacher, every 7th one moved to the next class (noise)."""
    state = 12345
    x = np.zeros((N, D))
    for i in range(N):
        for j in range(D):
            state = (state * 1103515245 + 12345) % 2**31
            x[i, j] = ((state >> 8) % 17 - 8) / 8.0
    teacher = np.array([[(k * 3 + j * 5) % 7 - 3 for j in range(D)] for k in range(classes)], dtype=float)
    labels = np.argmax(x @ teacher.T, axis=1)
    labels[::7] = (labels[::7] + 1) % classes
    return x.astype(np.float32).astype(np.float64), labels


def augment(x):
    return np.append(x, 1.0)


def pa(classes, rule, c=None, class_weights=None, margin=1.0):
    x, labels = stream(classes)
    rows = 1 if classes == 2 else classes
    w = np.zeros((rows, D + 1))
    for xi, label in zip(x, labels):
        z = augment(xi)
        cw = 1.0 if class_weights is None else class_weights[label]
        if rows == 1:
            y = 1.0 if label == 1 else -1.0
            loss = max(0.0, margin - y * w[0].dot(z))
            norm = z.dot(z)
        else:
            s = w.dot(z)
            wrong = [r for r in range(rows) if r != label]
            r = max(wrong, key=lambda k: (s[k], -k))
            loss = max(0.0, margin - (s[label] - s[r]))
            norm = 2 * z.dot(z)
        if loss <= 0:
            continue
        if rule == 'pa':
            tau = loss / norm
        elif rule == 'pa-i':
            tau = min(c * cw, loss / norm)
        else:
            tau = loss / (norm + 1 / (2 * c * cw))
        if rows == 1:
            w[0] += tau * y * z
        else:
            w[label] += tau * z
            w[r] -= tau * z
    return w


def pegasos(classes, lam, projection, class_weights=None, margin=1.0):
    x, labels = stream(classes)
    rows = 1 if classes == 2 else classes
    w = np.zeros((rows, D + 1))
    for t, (xi, label) in enumerate(zip(x, labels), start=1):
        z = augment(xi)
        eta = 1.0 / (lam * t)
        cw = 1.0 if class_weights is None else class_weights[label]
        grad = np.zeros_like(w)
        if rows == 1:
            y = 1.0 if label == 1 else -1.0
            if y * w[0].dot(z) < margin:
                grad[0] = cw * y * z
        else:
            s = w.dot(z)
            wrong = [r for r in range(rows) if r != label]
            r = max(wrong, key=lambda k: (s[k], -k))
            if s[label] - s[r] < margin:
                grad[label] += cw * z
                grad[r] -= cw * z
        w = (1 - eta * lam) * w + eta * grad
        if projection:
            norm = np.linalg.norm(w)
            w = w * min(1.0, (1 / np.sqrt(lam)) / norm) if norm > 0 else w
    return w


CASES = {
    'binaryPa': lambda: pa(2, 'pa'),
    'binaryPaI': lambda: pa(2, 'pa-i', c=0.1),
    'binaryPaII': lambda: pa(2, 'pa-ii', c=0.1),
    'binaryPaIWeighted': lambda: pa(2, 'pa-i', c=0.1, class_weights=[2.0, 0.5]),
    'binaryPegasos': lambda: pegasos(2, 0.1, False),
    'binaryPegasosProjected': lambda: pegasos(2, 0.5, True),
    'multiPa': lambda: pa(3, 'pa'),
    'multiPaI': lambda: pa(3, 'pa-i', c=0.1),
    'multiPaII': lambda: pa(3, 'pa-ii', c=0.1),
    'multiPaIIWeighted': lambda: pa(3, 'pa-ii', c=0.1, class_weights=[1.0, 3.0, 0.5]),
    'multiPegasos': lambda: pegasos(3, 0.1, False),
    'multiPegasosProjected': lambda: pegasos(3, 0.5, True, class_weights=[1.0, 2.0, 0.5]),
}

if __name__ == '__main__':
    for name, run in CASES.items():
        w = run()
        rows = ', '.join('{' + ', '.join(repr(float(v)) for v in row) + '}' for row in w)
        print(f'    private static final double[][] {name.upper()} = {{{rows}}};')
