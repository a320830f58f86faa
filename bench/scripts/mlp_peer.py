#!/usr/bin/env python3
"""scikit-learn MLPClassifier on the numeric columns of a synthetic file: median imputation, standard scaling,
then a fixed number of epochs (no early stopping, tol 0). One JSON line: fit seconds, epochs, seconds per epoch,
test ROC AUC. usage: mlp_peer.py TRAIN.csv TEST.csv HIDDEN(64,32) BATCH EPOCHS"""
import json, sys, time
import numpy as np, pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

train_csv, test_csv, hidden, batch, epochs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
train, test = pd.read_csv(train_csv), pd.read_csv(test_csv)
cols = [c for c in train.columns if c.startswith("f")]
imp, sc = SimpleImputer(strategy="median"), StandardScaler()
x = sc.fit_transform(imp.fit_transform(train[cols].values))
xt = sc.transform(imp.transform(test[cols].values))
clf = MLPClassifier(hidden_layer_sizes=tuple(int(h) for h in hidden.split(",")), activation="relu", solver="adam",
                    alpha=1e-4, batch_size=batch, learning_rate_init=1e-3, max_iter=epochs, early_stopping=False,
                    tol=0.0, n_iter_no_change=10**6, random_state=0)
import warnings
warnings.filterwarnings("ignore")
t0, c0 = time.perf_counter(), time.process_time()
clf.fit(x, train["label"].values)
fit, cpu = time.perf_counter() - t0, time.process_time() - c0
auc = roc_auc_score(test["label"].values, clf.predict_proba(xt)[:, 1])
print(json.dumps({"system": "sklearn", "job": "mlp", "fit_s": fit, "cpu_s": cpu, "epochs": clf.n_iter_, "s_per_epoch": fit / clf.n_iter_, "cpu_per_epoch": cpu / clf.n_iter_,
                  "rows": len(train), "features": len(cols), "auc": auc}))
