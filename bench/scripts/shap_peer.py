"""TreeSHAP peer for bench/ShapBench.java: XGBoost 1.7, 100 trees of depth 6 (hist) on f0..f27 of the same file,
pred_contribs (exact path-dependent TreeSHAP in C++) on the first ROWS rows, nthread=1, best of 3."""
import json, sys, time
import numpy as np, pandas as pd, xgboost as xgb

data = pd.read_csv(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
x = data[[f"f{j}" for j in range(28)]].to_numpy()
y = data["label"].to_numpy()
booster = xgb.train({"max_depth": 6, "eta": 0.1, "objective": "binary:logistic", "tree_method": "hist", "nthread": 1},
                    xgb.DMatrix(x, label=y), num_boost_round=100)
leaves = sum(t.count("leaf=") for t in booster.get_dump())
m = xgb.DMatrix(x[:rows])
best = min((lambda t0: (booster.predict(m, pred_contribs=True), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(3))
print(json.dumps({"tool": "xgboost", "trees": 100, "leaves": leaves, "rows": rows, "seconds": round(best, 4), "rows_per_s": round(rows / best)}))
