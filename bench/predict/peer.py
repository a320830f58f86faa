"""The Python peer of `kiln predict`: pandas read_csv, XGBoost predict_proba, DataFrame.to_csv, timed as one job.
usage: peer.py TRAIN.csv DATA.csv OUT.csv WORKDIR -> one JSON line {rows, rows_per_s, seconds}
The model (XGBoost 1.7 hist, 100 trees, depth 6, learning rate 0.3, 256 bins, categoricals one-hot as pandas does)
is trained once on TRAIN.csv and saved in WORKDIR; that part is not timed."""
import json, os, sys, time

import pandas as pd
import xgboost as xgb

train_csv, data_csv, out_csv, work = sys.argv[1:5]
model_file = os.path.join(work, "peer-xgb.json")
columns_file = os.path.join(work, "peer-columns.json")


def features(frame, columns=None):
    x = pd.get_dummies(frame.drop(columns=["label"], errors="ignore"), columns=["cat_a", "cat_b"], dtype=float)
    return x if columns is None else x.reindex(columns=columns, fill_value=0.0)


if not os.path.exists(model_file):
    train = pd.read_csv(train_csv)
    x = features(train)
    model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.3, max_bin=256, tree_method="hist", n_jobs=2)
    model.fit(x, train["label"])
    model.save_model(model_file)
    with open(columns_file, "w") as f:
        json.dump(list(x.columns), f)

model = xgb.XGBClassifier(n_jobs=2)
model.load_model(model_file)
with open(columns_file) as f:
    columns = json.load(f)
start = time.perf_counter()
frame = pd.read_csv(data_csv)
p = model.predict_proba(features(frame, columns))
out = pd.DataFrame({"prediction": (p[:, 1] > 0.5).astype(int), "probability_0": p[:, 0], "probability_1": p[:, 1]})
out.to_csv(out_csv, index=False)
seconds = time.perf_counter() - start
print(json.dumps({"rows": len(frame), "rows_per_s": len(frame) / seconds, "seconds": seconds}))
