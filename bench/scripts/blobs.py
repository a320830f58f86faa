#!/usr/bin/env python3
"""Writes N rows of K Gaussian blobs in D dimensions (centres uniform in [-10, 10]^D, unit spread, seeded) to a CSV
file, columns x0..x(D-1). usage: blobs.py OUT.csv N D K"""
import sys
import numpy as np, pandas as pd
out, n, d, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(7)
centres = rng.uniform(-10, 10, (k, d))
x = centres[rng.integers(0, k, n)] + rng.normal(0, 1.0, (n, d))
pd.DataFrame(x, columns=[f"x{j}" for j in range(d)]).to_csv(out, index=False, float_format="%.6f")
