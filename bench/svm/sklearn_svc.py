"""scikit-learn's SVC on the prepared files, as one JSON line per repeat: fit seconds, process CPU seconds,
test accuracy, support vectors. usage: sklearn_svc.py OUT_DIR C GAMMA PROBABILITY(0|1) REPEATS"""
import json
import sys
import time
import pandas as pd
from sklearn.svm import SVC

out, c, gamma, probability, repeats = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", int(sys.argv[5])
train, test = pd.read_csv(f"{out}/svm_train.csv"), pd.read_csv(f"{out}/svm_test.csv")
x, y = train.drop(columns="label").values, train.label.values
xt, yt = test.drop(columns="label").values, test.label.values
gamma = gamma if gamma in ("scale", "auto") else float(gamma)
for _ in range(repeats):
    wall, cpu = time.time(), time.process_time()
    model = SVC(C=c, gamma=gamma, probability=probability).fit(x, y)
    fit_s, cpu_s = time.time() - wall, time.process_time() - cpu
    start = time.time()
    accuracy = float((model.predict(xt) == yt).mean())
    print(json.dumps({"system": "sklearn", "probability": probability, "fit_s": round(fit_s, 3), "cpu_s": round(cpu_s, 3),
                      "accuracy": accuracy, "support_vectors": int(model.n_support_.sum()),
                      "predict_s": round(time.time() - start, 3)}))
