#!/usr/bin/env python3
"""scikit-learn KMeans (k-means++ start, n_init=1, Lloyd) on every column of a CSV file. One JSON line: fit seconds,
iterations, inertia. usage: kmeans_peer.py DATA.csv K MAX_ITER"""
import json, sys, time
import numpy as np, pandas as pd
from sklearn.cluster import KMeans

data, k, max_iter = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = pd.read_csv(data).values.astype(np.float64)
km = KMeans(n_clusters=k, init="k-means++", n_init=1, max_iter=max_iter, algorithm="lloyd", random_state=0)
t0, c0 = time.perf_counter(), time.process_time()
km.fit(x)
fit, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"system": "sklearn", "job": "kmeans", "fit_s": fit, "cpu_s": cpu, "iterations": int(km.n_iter_),
                  "inertia": float(km.inertia_), "rows": len(x), "features": x.shape[1], "k": k}))
