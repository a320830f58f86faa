"""A stratified 70/30 holdout (seed 0) of DATASET written as OUT/NAME_train.csv and OUT/NAME_test.csv, then
scikit-learn's KNeighborsClassifier (k=5 behind a StandardScaler, uniform and distance weights) and GaussianNB on
it, one JSON line each with test accuracy and log loss. usage: split_and_peers.py CSV TARGET NAME OUT"""
import json
import sys
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, log_loss
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

path, target, name, out = sys.argv[1:5]
frame = pd.read_csv(path)
train, test = train_test_split(frame, test_size=0.3, random_state=0, stratify=frame[target])
train.to_csv(f"{out}/{name}_train.csv", index=False)
test.to_csv(f"{out}/{name}_test.csv", index=False)
x, y = train.drop(columns=target).values, train[target].astype(str).values
xt, yt = test.drop(columns=target).values, test[target].astype(str).values
models = {
    "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5)),
    "knn_distance": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5, weights="distance")),
    "naive_bayes": GaussianNB(),
}
for learner, model in models.items():
    model.fit(x, y)
    proba = np.clip(model.predict_proba(xt), 1e-15, 1 - 1e-15)
    print(json.dumps({"system": "sklearn", "dataset": name, "learner": learner,
                      "accuracy": round(float(accuracy_score(yt, model.predict(xt))), 4),
                      "log_loss": round(float(log_loss(yt, proba, labels=model.classes_)), 4)}))
