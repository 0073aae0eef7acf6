#!/usr/bin/env python3
"""The your-data evaluation the plain scikit-learn way, for `npm run bench -- --only data`.

Reads a real and a synthetic CSV (numeric columns, the target `y` last), then R times: holds out a random 25 %
of the real rows, fits OLS and ridge (alpha = 1) on the other real rows (TRTR) and on a bootstrap of the
synthetic rows (TSTR), and scores both on the held-out real rows by mean squared error. Only the fits: no
fidelity or privacy checks, which the playground runs besides.

    python3 bench/reference/yourdata.py REAL.csv SYNTHETIC.csv [--replicates 2] [--json]
"""

import argparse
import json
import time

import numpy as np
from sklearn.linear_model import LinearRegression, Ridge


def read(path):
    # numpy alone (pandas is not installed here): a float matrix from the header-and-numbers CSV.
    return np.loadtxt(path, delimiter=",", skiprows=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("real")
    parser.add_argument("synthetic")
    parser.add_argument("--replicates", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    began = time.perf_counter()
    real, synthetic = read(args.real), read(args.synthetic)
    read_s = time.perf_counter() - began
    rng = np.random.default_rng(1)
    risks = {}
    for _ in range(args.replicates):
        order = rng.permutation(len(real))
        test, train = real[order[: len(real) // 4]], real[order[len(real) // 4 :]]
        boot = synthetic[rng.integers(0, len(synthetic), len(synthetic))]
        for name, make in (("ols", LinearRegression), ("ridge:alpha=1", lambda: Ridge(alpha=1.0))):
            for side, data in (("trtr", train), ("tstr", boot)):
                model = make().fit(data[:, :-1], data[:, -1])
                mse = float(np.mean((model.predict(test[:, :-1]) - test[:, -1]) ** 2))
                risks.setdefault(f"{name} {side}", []).append(mse)
    total = time.perf_counter() - began
    result = {"seconds": total, "read_seconds": read_s, "risks": {k: float(np.mean(v)) for k, v in risks.items()}}
    print(json.dumps(result) if args.json else f"{total:.2f} s (reading {read_s:.2f} s)")


if __name__ == "__main__":
    main()
