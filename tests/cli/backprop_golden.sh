#!/bin/sh
# The backprop walkthrough for the seed's network, compared with the golden
# text; the golden text itself must hold every figure the seed prints.
nnlab=$1
golden=$2
fail=0
out=$("$nnlab" --batch backprop </dev/null) || {
    echo "FAIL: nnlab --batch backprop exited with $?"
    exit 1
}
if ! printf '%s\n' "$out" | diff -u "$golden" -; then
    echo "FAIL: output differs from $golden"
    fail=1
fi
# --step: one line per Enter, prompts on stderr only; "q" stops early.
stepped=$(yes '' | head -n 200 | "$nnlab" --batch --step backprop 2>/dev/null)
if [ "$stepped" != "$out" ]; then
    echo "FAIL: --step output differs from the plain output"
    fail=1
fi
lines=$(printf '\n\nq\n' | "$nnlab" --batch --step backprop 2>/dev/null |
    grep -c -E '^[zho][0-9] = ')
if [ "$lines" -ne 3 ]; then
    echo "FAIL: --step with q after 3 lines printed $lines lines"
    fail=1
fi
# The seed's figures, each the result of a line (forward pass, errors,
# gradient of W5, updates, stage 2 terms, the pass after the update).
for v in 0.08000000 0.11000000 0.51998934 0.52747230 0.44498412 \
    0.68047592 0.60944600 0.66384491 0.02193381 0.00203809 0.02397190 \
    0.20944600 0.23802157 0.02592286 0.43703857 0.38685205 0.69629578 \
    0.59624247 0.02243370 0.00997311 0.03240681 0.24960043 0.00080888 \
    0.29959556 0.24919112 0.39964496 0.34928991 0.07979778 0.10982248 \
    0.51993887 0.52742806 0.43126996 0.67650625 0.60617688 0.66295848 \
    0.02125445 0.00198189 0.02323634; do
    if ! grep -q -- "= $v\$" "$golden"; then
        echo "FAIL: golden file lacks the seed's $v"
        fail=1
    fi
done
grep -q '^z1 = W1·x1 + W2·x2 = 0.3×0.1 + 0.25×0.2 = 0.08000000$' "$golden" ||
    { echo "FAIL: golden z1 line"; fail=1; }
grep -q '^W5⁺ = W5 − α×∂E/∂W5 = 0.45 − 0.5×0.02592286 = 0.43703857$' \
    "$golden" || { echo "FAIL: golden W5 update line"; fail=1; }
exit $fail
