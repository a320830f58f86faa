#!/usr/bin/python3
"""The noise of a test split: the bootstrap standard error of a metric of Kiln's test predictions.

usage: noise.py TEST_CSV PREDICTIONS_CSV TARGET METRIC   (METRIC: roc_auc, log_loss or rmse)
Prints the standard error over 500 seeded bootstrap resamples of the test rows.
"""
import sys
import numpy as np
import pandas as pd

test_csv, predictions_csv, target, metric = sys.argv[1:5]
truth = pd.read_csv(test_csv, dtype=str, keep_default_na=False)[target]
pred = pd.read_csv(predictions_csv, dtype=str, keep_default_na=False)
rng = np.random.default_rng(0)
n = len(truth)


def auc(y, s):
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):  # average ranks of ties
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = y.sum()
    neg = len(y) - pos
    return (ranks[y].sum() - pos * (pos + 1) / 2) / (pos * neg)


if metric == "rmse":
    err = (pred["prediction"].astype(float).to_numpy() - truth.astype(float).to_numpy()) ** 2
    stat = lambda idx: np.sqrt(err[idx].mean())
elif metric == "log_loss":
    classes = [c[len("probability_"):] for c in pred.columns if c.startswith("probability_")]
    p = pred[["probability_" + c for c in classes]].astype(float).to_numpy()
    index = {c: k for k, c in enumerate(classes)}
    loss = -np.log(np.clip(p[np.arange(n), [index[t] for t in truth]], 1e-15, 1 - 1e-15))
    stat = lambda idx: loss[idx].mean()
else:
    positive = [c for c in pred.columns if c.startswith("probability_")][1][len("probability_"):]
    y = (truth == positive).to_numpy()
    s = pred["probability_" + positive].astype(float).to_numpy()
    stat = lambda idx: auc(y[idx], s[idx])
values = [stat(rng.integers(0, n, n)) for _ in range(500)]
print(f"{np.std(values, ddof=1):.6f}")
