#!/usr/bin/python3
"""usage: explore_peer.py CSV -- pandas' profile of a file, as Kiln's explore is measured: read_csv first (not timed),
then describe(include="all") plus corr() (Pearson over the numeric columns, pairwise-complete), timed together.
Prints one JSON line: read_s, describe_s, corr_s, profile_s (describe + corr, wall) and profile_cpu_s (CPU), peak RSS."""
import json, os, resource, sys, time
import pandas as pd

path = sys.argv[1]
t = time.perf_counter()
df = pd.read_csv(path)
read_s = time.perf_counter() - t
t, c = time.perf_counter(), time.process_time()
described = df.describe(include="all")
describe_s, describe_cpu = time.perf_counter() - t, time.process_time() - c
t, c = time.perf_counter(), time.process_time()
corr = df.corr(numeric_only=True)
corr_s, corr_cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps(dict(bench="explore", system="pandas " + pd.__version__, data=os.path.basename(path), rows=len(df),
                      cols=df.shape[1], read_s=round(read_s, 3), describe_s=round(describe_s, 3), corr_s=round(corr_s, 3),
                      profile_s=round(describe_s + corr_s, 3),
                      profile_cpu_s=round(describe_cpu + corr_cpu, 3), corr_shape=list(corr.shape),
                      peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))))
