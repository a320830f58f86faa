"""Issue 6 quality, the scikit-learn side and the shared preparation (bench/quality/issue6.sh).

usage: issue6_peers.py prepare OUT_DIR [MAX_TRAIN]   the datasets of ../shared/bench/quality/datasets.json, split as
                                                      peers_quality.py splits them, prepared once for both systems
       issue6_peers.py peer OUT_DIR NAME LEARNER      scikit-learn's equivalent of a Kiln learner: one JSON line
       issue6_peers.py score OUT_DIR NAME LEARNER PREDICTIONS.csv   Kiln's clustering/anomaly output, scored the same way

Preparation (fitted on the training rows, applied to both): the split of peers_quality.py (80/20, seed 0, stratified
for classification), the first MAX_TRAIN (5000) training rows, numeric columns with the median for missing values,
categorical columns with at most 100 levels one-hot encoded (the most frequent level for missing; dates and free text
left out, as peers_quality.py does), every column standardised with the training mean and population standard
deviation. Both systems read the same prepared files, so a difference is the learner's, not the preparation's.
Unsupervised learners fit the training rows: k-means (k = the number of classes, k-means++, 3 starts) is scored by
the inertia of its labels (squared distances to their clusters' means, computed here the same way for both) and the
adjusted Rand index against the class; DBSCAN (min_samples 5, eps = the median distance to the fifth
neighbour) by the adjusted Rand index against the class and against the other system's labels; the isolation forest
(100 trees, 256 samples) by the ROC AUC of its score against the minority class and the Spearman correlation of the
two systems' scores.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn import metrics
from sklearn.model_selection import train_test_split

HERE = os.path.dirname(os.path.abspath(__file__))
SPECS = os.environ.get("DATASETS_JSON", "/work/shared/bench/quality/datasets.json")
DATA = os.environ.get("KILN_DATASETS", "/work/shared/datasets")


def usable_columns(df, target):
    num, cat = [], []
    for c in df.columns:
        if c == target:
            continue
        if pd.api.types.is_numeric_dtype(df[c]):
            num.append(c)
        elif df[c].nunique(dropna=True) <= 100:
            cat.append(c)
    return num, cat


def prepare(out, max_train):
    os.makedirs(out, exist_ok=True)
    index = []
    for spec in json.load(open(SPECS)):
        name, task, target = spec["name"], spec["task"], spec["target"]
        raw = pd.read_csv(os.path.join(DATA, spec["file"]), dtype=str, keep_default_na=False).drop(columns=spec["drop"])
        strat = raw[target] if task != "regression" else None
        tr, te = train_test_split(np.arange(len(raw)), test_size=0.2, random_state=0, stratify=strat)
        na = [""] + spec.get("na", [])
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        raw.iloc[tr[:max_train]].to_csv(os.path.join(d, "raw_train.csv"), index=False)
        raw.iloc[te].to_csv(os.path.join(d, "raw_test.csv"), index=False)
        train = pd.read_csv(os.path.join(d, "raw_train.csv"), na_values=na, keep_default_na=False)
        test = pd.read_csv(os.path.join(d, "raw_test.csv"), na_values=na, keep_default_na=False)
        num, cat = usable_columns(train, target)
        parts_tr, parts_te = [], []
        for c in num:
            median = train[c].median()
            parts_tr.append(train[c].fillna(median).rename(c))
            parts_te.append(test[c].astype(float).fillna(median).rename(c))
        for c in cat:
            mode = train[c].mode(dropna=True).iloc[0]
            a, b = train[c].fillna(mode).astype(str), test[c].fillna(mode).astype(str)
            for level in sorted(a.unique()):
                parts_tr.append((a == level).astype(float).rename(f"{c}={level}"))
                parts_te.append((b == level).astype(float).rename(f"{c}={level}"))
        xa, xb = pd.concat(parts_tr, axis=1).astype(float), pd.concat(parts_te, axis=1).astype(float)
        xa.columns = xb.columns = [f"x{i}" for i in range(xa.shape[1])]
        mean, std = xa.mean(), xa.std(ddof=0).replace(0, 1)
        xa, xb = (xa - mean) / std, (xb - mean) / std
        ya, yb = train[target], test[target]
        if task != "regression":
            ya, yb = ya.astype(str).map(lambda v: "c_" + v), yb.astype(str).map(lambda v: "c_" + v)
        xa["target"], xb["target"] = ya.values, yb.values
        xa.to_csv(os.path.join(d, "train.csv"), index=False)
        xb.to_csv(os.path.join(d, "test.csv"), index=False)
        classes = int(ya.nunique()) if task != "regression" else 0
        eps = fifth_neighbour_median(xa.drop(columns="target").values)
        index.append({"name": name, "task": task, "classes": classes, "rows": len(xa), "test_rows": len(xb),
                      "features": xa.shape[1] - 1, "eps": eps})
        print(f"{name}: {len(xa)} train, {len(xb)} test rows, {xa.shape[1] - 1} features", file=sys.stderr)
    json.dump(index, open(os.path.join(out, "index.json"), "w"), indent=1)


def fifth_neighbour_median(x):
    from sklearn.neighbors import NearestNeighbors
    distances, _ = NearestNeighbors(n_neighbors=5).fit(x).kneighbors(x)
    return round(float(np.median(distances[:, 4])), 4)


def load(out, name):
    spec = next(s for s in json.load(open(os.path.join(out, "index.json"))) if s["name"] == name)
    train = pd.read_csv(os.path.join(out, name, "train.csv"))
    test = pd.read_csv(os.path.join(out, name, "test.csv"))
    return spec, train.drop(columns="target").values, train.target.values, test.drop(columns="target").values, test.target.values


def supervised(spec, learner):
    from sklearn import svm, neighbors, naive_bayes, neural_network
    cls = spec["task"] != "regression"
    mlp = dict(hidden_layer_sizes=(100,), batch_size=200, max_iter=200, alpha=1e-4, early_stopping=True,
               validation_fraction=0.1, n_iter_no_change=10, tol=1e-4, random_state=0)
    return {
        "svm": lambda: svm.SVC(C=1, gamma="scale", probability=True, random_state=0) if cls else svm.SVR(C=1, gamma="scale"),
        "linear_svm": lambda: svm.LinearSVC(C=1, random_state=0, max_iter=1000) if cls
        else svm.LinearSVR(C=1, random_state=0, max_iter=1000),
        "knn": lambda: neighbors.KNeighborsClassifier(5) if cls else neighbors.KNeighborsRegressor(5),
        "naive_bayes": lambda: naive_bayes.GaussianNB() if cls else None,
        "mlp": lambda: neural_network.MLPClassifier(**mlp) if cls else neural_network.MLPRegressor(**mlp),
    }[learner]()


def supervised_metrics(task, y, model, x):
    if task == "regression":
        return {"rmse": float(np.sqrt(metrics.mean_squared_error(y, model.predict(x))))}
    out = {"accuracy": float(metrics.accuracy_score(y, model.predict(x)))}
    if hasattr(model, "predict_proba"):
        proba = model.predict_proba(x)
        if task == "binary":
            out["roc_auc"] = float(metrics.roc_auc_score(y, proba[:, 1]))
        else:
            out["log_loss"] = float(metrics.log_loss(y, proba, labels=model.classes_))
    elif task == "binary":
        out["roc_auc"] = float(metrics.roc_auc_score(y, model.decision_function(x)))
    return out


def inertia(x, labels):
    """The squared distances of the rows to the mean of their cluster: one definition for both systems' labels."""
    return sum(float(((x[labels == c] - x[labels == c].mean(axis=0)) ** 2).sum()) for c in np.unique(labels))


def minority(y):
    values, counts = np.unique(y, return_counts=True)
    return (y == values[np.argmin(counts)]).astype(int)


def peer(out, name, learner):
    spec, xa, ya, xb, yb = load(out, name)
    result = {"system": "sklearn", "dataset": name, "learner": learner}
    if learner == "kmeans":
        from sklearn.cluster import KMeans
        model = KMeans(n_clusters=spec["classes"], init="k-means++", n_init=3, random_state=0).fit(xa)
        result.update(inertia=inertia(xa, model.labels_), ari=float(metrics.adjusted_rand_score(ya, model.labels_)))
        np.savetxt(os.path.join(out, name, "sklearn_kmeans.txt"), model.labels_, fmt="%d")
    elif learner == "dbscan":
        from sklearn.cluster import DBSCAN
        labels = DBSCAN(eps=spec["eps"], min_samples=5).fit(xa).labels_
        result.update(ari=float(metrics.adjusted_rand_score(ya, labels)), clusters=int(labels.max() + 1),
                      noise=int((labels < 0).sum()))
        np.savetxt(os.path.join(out, name, "sklearn_dbscan.txt"), labels, fmt="%d")
    elif learner == "isolation_forest":
        from sklearn.ensemble import IsolationForest
        score = -IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(xa).score_samples(xa)
        result.update(auc=float(metrics.roc_auc_score(minority(ya), score)))
        np.savetxt(os.path.join(out, name, "sklearn_isolation_forest.txt"), score)
    else:
        model = supervised(spec, learner).fit(xa, ya)
        result.update(supervised_metrics(spec["task"], yb, model, xb))
    print(json.dumps(result))


def score(out, name, learner, predictions):
    spec, xa, ya, _, _ = load(out, name)
    p = pd.read_csv(predictions)
    result = {"system": "kiln", "dataset": name, "learner": learner}
    if learner == "isolation_forest":
        kiln = p["prediction"].values
        peer_score = np.loadtxt(os.path.join(out, name, "sklearn_isolation_forest.txt"))
        result.update(auc=float(metrics.roc_auc_score(minority(ya), kiln)),
                      spearman_vs_sklearn=float(spearmanr(kiln, peer_score)[0]))
    else:
        labels = pd.to_numeric(p[p.columns[0]], errors="coerce").fillna(-1).astype(int).values
        peer_labels = np.loadtxt(os.path.join(out, name, f"sklearn_{learner}.txt"), dtype=int)
        result.update(ari=float(metrics.adjusted_rand_score(ya, labels)),
                      ari_vs_sklearn=float(metrics.adjusted_rand_score(peer_labels, labels)))
        if learner == "kmeans":
            result.update(inertia=inertia(xa, labels))
        else:
            result.update(clusters=int(labels.max() + 1), noise=int((labels < 0).sum()))
    print(json.dumps(result))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "prepare":
        prepare(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5000)
    elif mode == "peer":
        peer(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "score":
        score(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit(__doc__)
