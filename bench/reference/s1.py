#!/usr/bin/env python3
"""S1 the plain scikit-learn way: what a researcher would write instead of the playground.

The same population and models as bench/scenarios/s1.json: p = 2, real X ~ N(0, I), synthetic
X = (0.5, 0) + 1.3 Z, eta(x) = 0.5 + x1 - 0.7 x2 + x'Qx (Q_jj = 1/2, Q_12 = 1/4), sigma 0.5, n = m = 500,
a fresh real test sample of 5,000 points per replicate, 50 replicates, and six models each fitted on real
and on synthetic data (600 fits), scored by mean squared error on the real test sample (TRTR, TSTR).

    python3 bench/reference/s1.py [--replicates 50] [--json]

Prints the wall time (fits and predictions; data generation included, as in the playground) and the mean
TRTR / TSTR per model, which should agree with the playground's within the replicate noise.
"""

import argparse
import json
import os
import platform
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.kernel_ridge import KernelRidge
from sklearn.linear_model import LinearRegression
from sklearn.neighbors import KNeighborsRegressor
from sklearn.neural_network import MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

B = np.array([1.0, -0.7])


def eta(x):
    quadratic = 0.5 * (x**2).sum(axis=1) + 0.5 * x[:, 0] * x[:, 1]
    return 0.5 + x @ B + quadratic


def draw(rng, rows, shift=0.0, scale=1.0):
    x = rng.standard_normal((rows, 2)) * scale
    x[:, 0] += shift
    return x, eta(x) + 0.5 * rng.standard_normal(rows)


def models(seed):
    # The playground's MLP: features and targets standardized, two hidden layers of 32 (ReLU), full-batch
    # Adam with lr 0.01 for exactly 200 epochs, no weight decay.
    mlp = MLPRegressor(
        hidden_layer_sizes=(32, 32),
        solver="adam",
        learning_rate_init=0.01,
        batch_size=500,
        max_iter=200,
        tol=0.0,
        n_iter_no_change=10**6,
        alpha=0.0,
        shuffle=False,
        random_state=seed,
    )
    return {
        "ols": LinearRegression(),
        "poly:degree=3": make_pipeline(PolynomialFeatures(3), LinearRegression()),
        "knn:k=1": KNeighborsRegressor(n_neighbors=1),
        "knn:k=15": KNeighborsRegressor(n_neighbors=15),
        "krr:alpha=0.5,gamma=0.5": KernelRidge(alpha=0.5, kernel="rbf", gamma=0.5),
        "mlp:width=32,depth=2,epochs=200,lr=0.01": TransformedTargetRegressor(
            regressor=make_pipeline(StandardScaler(), mlp), transformer=StandardScaler()
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicates", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    rng = np.random.default_rng(1)
    names = list(models(0))
    trtr = {k: [] for k in names}
    tstr = {k: [] for k in names}
    per_model = {k: 0.0 for k in names}
    started = time.perf_counter()
    for r in range(args.replicates):
        x, y = draw(rng, 500)
        xs, ys = draw(rng, 500, shift=0.5, scale=1.3)
        xt, yt = draw(rng, 5000)
        for name, model in models(r).items():
            t0 = time.perf_counter()
            for sample, out in (((x, y), trtr), ((xs, ys), tstr)):
                model.fit(*sample)
                out[name].append(float(np.mean((model.predict(xt) - yt) ** 2)))
            per_model[name] += time.perf_counter() - t0
    wall = time.perf_counter() - started
    fits = 2 * len(names) * args.replicates
    result = {
        "workload": "S1",
        "replicates": args.replicates,
        "fits": fits,
        "wall_s": wall,
        "fits_per_s": fits / wall,
        "per_model_s": per_model,
        "trtr": {k: float(np.mean(v)) for k, v in trtr.items()},
        "tstr": {k: float(np.mean(v)) for k, v in tstr.items()},
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cpus": os.cpu_count(),
    }
    if args.json:
        json.dump(result, sys.stdout)
        print()
        return
    print(f"S1 with scikit-learn {sklearn.__version__}: {fits} fits in {wall:.2f} s ({fits / wall:.1f} fits/s)")
    for name in names:
        print(
            f"  {name:42s} {per_model[name]:7.2f} s  TRTR {np.mean(trtr[name]):.4f}  TSTR {np.mean(tstr[name]):.4f}"
        )


if __name__ == "__main__":
    main()
