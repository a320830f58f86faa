#!/usr/bin/python3
"""usage: table.py RESULTS.jsonl -- the side-by-side table of one bench/run.sh run: every Kiln figure next
to its peers' and the ratio (peer / Kiln for times, so > 1 means Kiln is faster; Kiln / peer for rows/s)."""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip().startswith("{")]
def find(**kv):
    return [r for r in rows if all(r.get(k) == v for k, v in kv.items())]

def fmt(v, digits=3):
    return "-" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))

print(f"{'job':<34} {'system':<22} {'fit/read s':>10} {'ratio':>7} {'quality':>18} {'rows/s':>10} {'ratio':>7}")
for k in find(system="kiln", kind="csv"):
    print(f"{'read_csv ' + k['data']:<34} {'kiln':<22} {fmt(k['read_s']):>10} {'':>7} {'':>18} {k['rows_per_s']:>10.0f}")
    for p in find(system="pandas", kind="csv", data=k["data"]):
        print(f"{'':<34} {'pandas':<22} {fmt(p['read_s']):>10} {p['read_s'] / k['read_s']:>7.2f} {'':>18} "
              f"{p['rows_per_s']:>10.0f} {k['rows_per_s'] / p['rows_per_s']:>7.2f}")
for k in find(system="kiln", kind="parquet"):
    print(f"{'parquet ' + k['data']:<34} {'kiln':<22} {fmt(k['parquet_read_s']):>10} {k['csv_over_parquet']:>7.2f}"
          f" {'write ' + fmt(k['write_s']) + ' s':>18}   (ratio: Kiln CSV read / Parquet read)")
for k in find(system="kiln", kind="explore"):
    print(f"{'explore ' + k['data']:<34} {'kiln':<22} {fmt(k['profile_s']):>10} {'':>7} {'cpu ' + fmt(k['profile_cpu_s']) + ' s':>18}")
    for p in find(system="pandas", kind="explore", data=k["data"]):
        print(f"{'':<34} {'pandas describe+corr':<22} {fmt(p['profile_s']):>10} {p['profile_s'] / k['profile_s']:>7.2f}"
              f" {'cpu ' + fmt(p['profile_cpu_s']) + ' s':>18}")
for k in find(system="kiln", kind="learner"):
    metric = "rmse" if "rmse" in k else "roc_auc"
    quality = f"{metric} {k.get(metric, float('nan')):.4f}"
    if "log_loss" in k:
        quality = f"auc {k['roc_auc']:.4f} ll {k['log_loss']:.4f}"
    print(f"{k['job']:<34} {'kiln ' + k['learner']:<22} {fmt(k['train_s']):>10} {'':>7} {quality:>18} "
          f"{k['rows_per_s']:>10.0f}")
    for p in find(kind="peer", job=k["job"]):
        fit = p["fit_s"] + p.get("dataset_build_s", 0)
        pq = p.get("auc", p.get("rmse"))
        quality = f"{metric} {pq:.4f}" if pq is not None else ""
        if "log_loss" in p:
            quality = f"auc {p['auc']:.4f} ll {p['log_loss']:.4f}"
        rps = p.get("predict_rows_per_s") or (p["n_test"] / p["predict_s"] if p.get("predict_s") else None)
        print(f"{'':<34} {p['system']:<22} {fit:>10.3f} {fit / k['train_s']:>7.2f} {quality:>18} "
              f"{fmt(rps and float(rps), 0):>10} {k['rows_per_s'] / rps if rps else float('nan'):>7.2f}")
print("ratio columns: peer time / Kiln time (> 1: Kiln faster); Kiln rows/s / peer rows/s (> 1: Kiln faster).")
