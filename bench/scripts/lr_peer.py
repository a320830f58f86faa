#!/usr/bin/python3
"""usage: lr_peer.py CSV -- the scikit-learn peer of ../shared/bench/peers/train_peers.py `lr`, run
unchanged, plus the test log loss (train_peers.py reports AUC only; the logistic target compares log
losses). Wraps roc_auc_score to see the test probabilities; prints train_peers' JSON line with
`log_loss` added."""
import json, os, sys, io, contextlib

PEERS = os.environ.get("KILN_PEERS", "/work/shared/bench") + "/peers"
sys.path.insert(0, PEERS)
import train_peers  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402

seen = {}
auc = train_peers.roc_auc_score
def roc_auc_and_log_loss(y, p):
    seen["log_loss"] = log_loss(y, p)
    return auc(y, p)
train_peers.roc_auc_score = roc_auc_and_log_loss

out = io.StringIO()
with contextlib.redirect_stdout(out):
    train_peers.main("lr", sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
result = json.loads(out.getvalue().strip().splitlines()[-1])
result["log_loss"] = round(seen["log_loss"], 6)
print(json.dumps(result), flush=True)
