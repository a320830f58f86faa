"""First ROWS rows of the synthetic train file and TEST rows of its test file, numeric columns f0..f27 only,
missing values filled with the training median, standardised with the training mean and population standard
deviation: the same numbers for Kiln and scikit-learn. usage: prepare.py DATA_DIR OUT_DIR ROWS TEST"""
import sys
import pandas as pd

data, out, rows, test = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
train = pd.read_csv(f"{data}/synth_100k_train.csv", nrows=rows)
held = pd.read_csv(f"{data}/synth_100k_test.csv", nrows=test)
cols = [f"f{i}" for i in range(28)]
median = train[cols].median()
a, b = train[cols].fillna(median), held[cols].fillna(median)
mean, std = a.mean(), a.std(ddof=0)
a, b = (a - mean) / std, (b - mean) / std
a["label"], b["label"] = train.label.values, held.label.values
a.to_csv(f"{out}/svm_train.csv", index=False)
b.to_csv(f"{out}/svm_test.csv", index=False)
print(f"prepared {len(a)} train and {len(b)} test rows, {len(cols)} features", file=sys.stderr)
