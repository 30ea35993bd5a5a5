#!/usr/bin/env python3
"""The MNIST lesson's figures against independent computations.

Usage: mnist_lesson_test.py NNLAB nodata|data

nodata: with every data place pointing at an empty directory, the lesson
prints in both languages, each MNIST figure names the fetch command, the
numerical-gradient figure still runs (on random pixels), and another
lesson prints exactly as with the data.

data: (exit 77 when MNIST is absent) the counts, class counts and
iterations per epoch match the IDX files read here; numerical and
backprop gradients agree; the confusion matrix rows add up to the test
set's class counts and its diagonal matches the epoch table's test
accuracy of the same seeded run.
"""
import math
import os
import re
import subprocess
import sys
import tempfile

nnlab, mode = sys.argv[1], sys.argv[2]
failed = []


def check(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failed.append(what)


def run(args, env=None):
    e = dict(os.environ, LC_ALL="C.UTF-8")
    e.update(env or {})
    p = subprocess.run([nnlab, "--batch"] + args, env=e, capture_output=True,
                       text=True, timeout=300)
    return p.returncode, p.stdout + p.stderr


if mode == "nodata":
    with tempfile.TemporaryDirectory() as empty:
        env = {"NNLAB_DATA": empty, "XDG_DATA_HOME": empty, "HOME": empty}
        for lang in ("en", "ko"):
            rc, out = run(["--lang", lang, "lesson", "mnist"], env)
            check(rc == 0, f"{lang}: lesson prints without MNIST (exit {rc})")
            n = out.count("MNIST is not installed")
            check(n == 5, f"{lang}: 5 MNIST figures say it is missing ({n})")
            # Wrapping may break the long path anywhere.
            flat = re.sub(r"\s+", " ", out)
            check(flat.count("Fetch it once with: ") == n and
                  out.replace("\n", "").count("scripts/fetch-mnist") == n,
                  f"{lang}: each names scripts/fetch-mnist")
            check("39,760" in out, f"{lang}: parameter counts still shown")
        rc, out = run(["--lang", "en", "lesson", "mnist"], env)
        check("random images" in out, "numerical gradient on random pixels")
        _, with_data = run(["--lang", "en", "lesson", "gates"])
        rc, without = run(["--lang", "en", "lesson", "gates"], env)
        check(rc == 0 and with_data == without,
              "the gates lesson is unaffected")
    sys.exit(1 if failed else 0)

# ---- data ----
# Where nnlab looks (data/dataset.h): $NNLAB_DATA/mnist, then the XDG
# data directory.
d = os.path.join(os.environ.get("NNLAB_DATA") or "/nonexistent", "mnist")
if not os.path.isdir(d):
    root = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.environ.get("HOME", "/"), ".local/share")
    d = os.path.join(root, "nnlab", "mnist")
if not os.path.exists(os.path.join(d, "t10k-labels-idx1-ubyte")):
    print("MNIST not installed (raw files): skipped")
    sys.exit(77)


def labels(name):
    b = open(os.path.join(d, name), "rb").read()
    return list(b[8:8 + int.from_bytes(b[4:8], "big")])


train, test = labels("train-labels-idx1-ubyte"), labels(
    "t10k-labels-idx1-ubyte")
rc, out = run(["--lang", "en", "lesson", "mnist"])
check(rc == 0, f"lesson prints (exit {rc})")
check(f"training images: {len(train):,}   test images: {len(test):,}" in out,
      "image counts")
for split, lab in (("train", train), ("test", test)):
    row = split + " " * (7 - len(split)) + "".join(
        "%6d" % lab.count(c) for c in range(10))
    check(row in out, f"{split} class counts")
for b in (32, 100, 128):
    it = math.ceil(len(train) / b)
    check(f"one epoch = {len(train):,} / {b} = {it:,} iterations" in out,
          f"iterations per epoch at batch {b}")
rows = re.findall(r"^(W1|b1|W2|b2)\[[0-9,]+\] +\| +(\S+) \| +(\S+) \| (\S+)$",
                  out, re.M)
check(len(rows) == 6, f"6 gradients compared ({len(rows)})")
for _, bp, nu, _ in rows:
    bp, nu = float(bp), float(nu)
    check(abs(bp - nu) / max(abs(bp), abs(nu)) < 1e-4,
          f"backprop {bp} = numerical {nu}")
check("numerical, all 39,760: 79,520 forward passes" in out,
      "two forward passes per parameter")
accs = re.findall(r"^2 +1250 +\S+ +\S+ +(\S+)$", out, re.M)
check(len(accs) == 1, "the epoch table of 2 epochs on 20,000 images")
m = re.search(r"rows: true digit.*\n +0 +1.*\n((?: ?\d.*\n){10})", out)
check(m is not None, "a confusion matrix")
if m and accs:
    cells = [list(map(int, line.split()))[1:] for line in
             m.group(1).splitlines()]
    for t in range(10):
        check(sum(cells[t]) == test.count(t), f"confusion row {t} sums")
    diag = sum(cells[t][t] for t in range(10))
    check(f"diagonal: {diag} of {len(test)} = {diag / len(test):.4f}" in out,
          "diagonal sum reported")
    check(f"{diag / len(test):.4f}" == accs[0],
          "diagonal = the epoch table's test accuracy")
sys.exit(1 if failed else 0)
