#!/bin/sh
# A training run with --save that is stopped by a signal (SIGINT, SIGTERM,
# SIGHUP) leaves the model file that was there before byte for byte, and
# no temporary file next to it. Needs MNIST (exit 77, skipped, without).
# Usage: save_signal_test.sh NNLAB
nnlab=$1
"$nnlab" --batch data >/dev/null 2>&1 || exit 77
fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The old model: a small quick run.
"$nnlab" --batch train --hidden 8 --epochs 1 --train-size 1000 \
    --save "$tmp/m.nnm" >/dev/null 2>&1 </dev/null ||
    { echo "FAIL: cannot make the first model"; exit 1; }
cp "$tmp/m.nnm" "$tmp/old.nnm"

for sig in INT TERM HUP; do
    # A long run into the same file, stopped while it trains. (A shell
    # starts background jobs with SIGINT ignored; env restores it.)
    env --default-signal=INT "$nnlab" --batch train --hidden 8 --epochs 1000 --save "$tmp/m.nnm" \
        >"$tmp/out" 2>"$tmp/err" </dev/null &
    pid=$!
    # Wait for the first progress line, so the signal lands mid-training.
    i=0
    while [ $i -lt 200 ] && [ ! -s "$tmp/out" ]; do
        sleep 0.05
        i=$((i + 1))
    done
    sleep 0.3
    kill -"$sig" "$pid"
    wait "$pid"
    st=$?
    if [ "$st" -eq 0 ]; then
        echo "FAIL: SIG$sig: exit 0 from an interrupted run"
        fail=1
    fi
    if ! cmp -s "$tmp/m.nnm" "$tmp/old.nnm"; then
        # A save may have completed whole; then it must load.
        if ! "$nnlab" --batch predict --load "$tmp/m.nnm" --image 0 \
            >/dev/null 2>&1 </dev/null; then
            echo "FAIL: SIG$sig: the model file is neither the old one nor a whole new one"
            fail=1
        fi
        cp "$tmp/m.nnm" "$tmp/old.nnm"
    fi
    left=$(ls -A "$tmp" | grep -v -x -e m.nnm -e old.nnm -e out -e err)
    if [ -n "$left" ]; then
        echo "FAIL: SIG$sig: left behind: $left"
        fail=1
    fi
    echo "SIG$sig: exit $st, checked"
done
exit $fail
