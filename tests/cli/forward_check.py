"""Check `nnlab --batch forward --format json` (and csv) against a forward
pass written here from the printed inputs, weights and biases:
y = f(x·W + b) layer by layer, softmax on the last, then MSE (mean over
samples and outputs) and cross-entropy (mean over samples, with the
study notes' 1e-7 added inside the logarithm). Usage:
forward_check.py ACT JSON-FILE CSV-FILE"""
import csv
import json
import math
import sys

act_name, json_path, csv_path = sys.argv[1:4]
LEAKY = 0.01
DELTA = 1e-7
ACTS = {
    "relu": lambda v: max(v, 0.0),
    "sigmoid": lambda v: 1 / (1 + math.exp(-v)),
    "tanh": math.tanh,
    "identity": lambda v: v,
    "leaky_relu": lambda v: v if v > 0 else LEAKY * v,
    "step": lambda v: 1.0 if v > 0 else 0.0,
}
d = json.load(open(json_path))
assert d["hidden_activation"] == act_name, d["hidden_activation"]


def layer(rows, L, last):
    out = []
    for x in rows:
        z = [sum(x[i] * L["W"][i][j] for i in range(L["inputs"])) + L["b"][j]
             for j in range(L["units"])]
        if last:
            m = max(z)
            e = [math.exp(v - m) for v in z]
            out.append([v / sum(e) for v in e])
        else:
            out.append([ACTS[act_name](v) for v in z])
    return out


def close(a, b, what):
    assert abs(a - b) <= 1e-12 * max(1.0, abs(b)), (what, a, b)


rows, sample = d["x"], [d["x"][0]]
n = len(d["layers"])
params = 0
for k, L in enumerate(d["layers"]):
    assert L["inputs"] == d["sizes"][k] and L["units"] == d["sizes"][k + 1]
    assert L["weights"] == L["inputs"] * L["units"]
    assert L["parameters"] == L["weights"] + L["units"]
    params += L["parameters"]
    rows = layer(rows, L, k == n - 1)
    sample = layer(sample, L, k == n - 1)
    for j, v in enumerate(sample[0]):
        close(L["y_sample1"][j], v, "y_sample1 layer %d" % (k + 1))
assert d["parameters"] == params, (d["parameters"], params)
assert len(rows) == d["batch"]
mse = ce = 0.0
for i, y in enumerate(rows):
    t = [1.0 if j == d["labels"][i] else 0.0 for j in range(len(y))]
    assert d["target"][i] == t
    assert d["predicted"][i] == max(range(len(y)), key=lambda j: y[j])
    for j, v in enumerate(y):
        close(d["output"][i][j], v, "output")
    m_i = sum((a - b) ** 2 for a, b in zip(y, t)) / len(y)
    c_i = -math.log(y[d["labels"][i]] + DELTA)
    close(d["mse_sample"][i], m_i, "mse_sample")
    close(d["ce_sample"][i], c_i, "ce_sample")
    mse += m_i / len(rows)
    ce += c_i / len(rows)
close(d["mse"], mse, "mse")
close(d["ce"], ce, "ce")

# The CSV holds the same numbers, one per row.
got = {}
with open(csv_path) as f:
    r = csv.reader(f)
    assert next(r) == ["matrix", "layer", "row", "col", "value"]
    for name, lay, i, j, v in r:
        got[(name, int(lay), int(i), int(j))] = float(v)
want = {}
for i, x in enumerate(d["x"]):
    for j, v in enumerate(x):
        want[("x", 0, i, j)] = v
for k, L in enumerate(d["layers"]):
    for i, w in enumerate(L["W"]):
        for j, v in enumerate(w):
            want[("W", k + 1, i, j)] = v
    for j, v in enumerate(L["b"]):
        want[("b", k + 1, 0, j)] = v
    for j, v in enumerate(L["y_sample1"]):
        want[("y_sample1", k + 1, 0, j)] = v
for name in ("output", "target"):
    for i, y in enumerate(d[name]):
        for j, v in enumerate(y):
            want[(name, 0, i, j)] = v
for name in ("mse_sample", "ce_sample"):
    for i, v in enumerate(d[name]):
        want[(name, 0, i, 0)] = v
want[("mse", 0, 0, 0)] = d["mse"]
want[("ce", 0, 0, 0)] = d["ce"]
assert got == want, set(got) ^ set(want)
