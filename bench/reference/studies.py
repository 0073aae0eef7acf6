"""The four studies of issue 14 the scikit-learn way, for `npm run bench -- --only studies`: the same work as the
CLI's runs (bench/studies.ts) on the same sizes: R replicates of a linear-Gaussian population (p features,
y = x'b + 0.5 eps), OLS and kNN (k = 10) trained on real and synthetic data and scored on a real test sample, plus
each study's extra work. Times the whole script's work (imports excluded) and prints the mean risks as JSON.

    python3 bench/reference/studies.py --study mix --replicates 50 --n 1000 --m 1000 --test 2000 --json
"""
import argparse
import json
import time

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.neighbors import KNeighborsRegressor

P, SIGMA = 2, 0.5
BETA = np.array([1.0, -0.5])


def population(rng, rows):
    x = rng.standard_normal((rows, P))
    return x, x @ BETA + SIGMA * rng.standard_normal(rows)


def models():
    return {"ols": LinearRegression(), "knn:k=10": KNeighborsRegressor(n_neighbors=10)}


def risk(model, x, y, xt, yt):
    return float(np.mean((model.fit(x, y).predict(xt) - yt) ** 2))


def gaussian_loop(rng, x, y, m, generations):
    """Maximum-likelihood Gaussian of (x, y) refitted on its own m draws `generations` times; m draws of the last."""
    joint = np.column_stack([x, y])
    for _ in range(generations + 1):
        mean, cov = joint.mean(axis=0), np.cov(joint, rowvar=False, bias=True)
        joint = rng.multivariate_normal(mean, cov, size=m)
    return joint[:, :P], joint[:, P]


def replicate(rng, args, out):
    x, y = population(rng, args.n)
    xt, yt = population(rng, args.test)
    if args.study == "collapse":
        xs, ys = gaussian_loop(rng, x, y, args.m, args.generations)
    else:
        xs, ys = population(rng, args.m)
    for name, model in models().items():
        row = out.setdefault(name, {"trtr": [], "tstr": [], "study": []})
        row["trtr"].append(risk(model, x, y, xt, yt))
        tstr = risk(model, xs, ys, xt, yt)
        if args.study == "mix":
            row["study"].append(risk(model, np.vstack([x, xs]), np.concatenate([y, ys]), xt, yt))
        elif args.study == "ensemble":
            predictions = [model.fit(xs, ys).predict(xt)]
            for _ in range(args.members - 1):
                xk, yk = population(rng, args.m)
                predictions.append(model.fit(xk, yk).predict(xt))
            row["study"].append(tstr)
            tstr = float(np.mean((np.mean(predictions, axis=0) - yt) ** 2))
        elif args.study == "select":
            cut_n, cut_m = int(round(args.n * 0.7)), int(round(args.m * 0.7))
            row["study"].append(risk(model, x[:cut_n], y[:cut_n], x[cut_n:], y[cut_n:]))
            row["study"].append(risk(model, xs[:cut_m], ys[:cut_m], xs[cut_m:], ys[cut_m:]))
        row["tstr"].append(tstr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--study", required=True, choices=["collapse", "mix", "ensemble", "select"])
    parser.add_argument("--replicates", type=int, default=50)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--m", type=int, default=1000)
    parser.add_argument("--test", type=int, default=2000)
    parser.add_argument("--generations", type=int, default=10)
    parser.add_argument("--members", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    out = {}
    began = time.perf_counter()
    for _ in range(args.replicates):
        replicate(rng, args, out)
    seconds = time.perf_counter() - began
    means = {k: {"trtr": float(np.mean(v["trtr"])), "tstr": float(np.mean(v["tstr"]))} for k, v in out.items()}
    print(json.dumps({"seconds": seconds, "models": means}) if args.json else f"{seconds:.2f} s {means}")


if __name__ == "__main__":
    main()
