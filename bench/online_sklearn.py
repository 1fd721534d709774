"""scikit-learn's side of bench/online.sh: progressive validation (predict each example, then partial_fit on it)
over the Fashion-MNIST training stream in file order, features as bench/fashion_stream.py writes them, for
PassiveAggressiveClassifier(loss='hinge') and SGDClassifier(loss='hinge'); then accuracy on the 10,000 test images.
Prints one JSON object per classifier. Arrays are in memory before the clock starts (Hingekit's figure includes
reading and parsing its CSV).

/usr/bin/python3 bench/online_sklearn.py [limit]
"""
import json
import sys
import time

import numpy as np
from sklearn.linear_model import PassiveAggressiveClassifier, SGDClassifier

sys.path.insert(0, 'bench')
from fashion_stream import load, scaled  # noqa: E402


def progressive(name, clf, x, y, x_test, y_test):
    classes = np.arange(10)
    correct = 0
    hinge = 0.0
    started = time.perf_counter()
    for i in range(len(y)):
        xi = x[i:i + 1]
        if i == 0:
            scores = np.zeros(10)
        else:
            scores = clf.decision_function(xi)[0]
        predicted = int(np.argmax(scores))
        correct += predicted == y[i]
        rival = np.max(np.delete(scores, y[i]))
        hinge += max(0.0, 1 - (scores[y[i]] - rival))
        clf.partial_fit(xi, y[i:i + 1], classes=classes)
    seconds = time.perf_counter() - started
    return {'name': name, 'examples': int(len(y)), 'progressive_accuracy': correct / len(y),
            'progressive_hinge_crammer_singer': hinge / len(y), 'seconds': seconds,
            'examples_per_second': len(y) / seconds, 'test_accuracy': float(clf.score(x_test, y_test))}


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    images, labels = load('train')
    x, y = scaled(images[:limit]), labels[:limit].astype(int)
    test_images, test_labels = load('t10k')
    x_test, y_test = scaled(test_images), test_labels.astype(int)
    runs = [
        ('sklearn PassiveAggressiveClassifier(C=1, loss=hinge) partial_fit',
         PassiveAggressiveClassifier(C=1.0, loss='hinge', random_state=0)),
        ('sklearn SGDClassifier(loss=hinge, alpha=1e-4) partial_fit',
         SGDClassifier(loss='hinge', alpha=1e-4, random_state=0)),
    ]
    for name, clf in runs:
        print(json.dumps(progressive(name, clf, x, y, x_test, y_test)), flush=True)


if __name__ == '__main__':
    main()
