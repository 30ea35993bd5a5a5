#!/bin/sh
# `nnlab --batch plot`: small plots against golden files checked by hand
# (each pixel column's sample worked out from x_i = A + i (B - A) / (n - 1)
# and the y axis' rows), the CSV samples against Python's math module
# (libm) row by row, bad options with status 2, and `--batch activations`
# printing the lesson.
# Usage: plot_test.sh NNLAB
nnlab=$1
golden=$(dirname "$0")/golden
LC_ALL=C
LANG=C
export LC_ALL LANG
fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp" "$tmp.py"' EXIT

golden_case() { # file, options...
    name=$1
    shift
    if ! "$nnlab" --batch plot "$@" >"$tmp" 2>&1 </dev/null; then
        echo "FAIL: plot $*: exit status $?: $(cat "$tmp")"
        fail=1
    elif ! diff -u "$golden/$name" "$tmp"; then
        echo "FAIL: plot $*: differs from golden/$name"
        fail=1
    else
        echo "ok: plot $*"
    fi
}

# relu on [-2, 2], 19 pixel columns: 11 zeros (x <= 0.22), then the ramp.
golden_case plot-relu-ascii.txt relu --ascii --width 21 --height 8 \
    --from -2 --to 2
# step and its zero derivative (o) over it; the jump between columns 9, 10.
golden_case plot-step-ascii-deriv.txt step --ascii --width 21 --height 7 \
    --from -2 --to 2 --derivative
# leaky ReLU with the seed's a = 0.1, the cursor line at -2 and its readout.
golden_case plot-leaky-ascii-cursor.txt leaky_relu --slope 0.1 --ascii \
    --width 25 --height 8 --from -4 --to 2 --cursor -2
# step in braille, 36 x 12 dots: 0 (dots 7, 8: ⣀) up to pixel column 17,
# 1 (y = 1 is dot row 1 of 12: dots 2, 5, ⠒) from column 18.
golden_case plot-step-braille.txt step --width 20 --height 6 --from -2 --to 2
# identity in braille: one straight line over 36 x 12 dots, dotted zeros.
golden_case plot-identity-braille.txt identity --width 20 --height 6 \
    --from -2 --to 2

if command -v python3 >/dev/null 2>&1; then
    # The checker: every row against math.*, and the x values evenly
    # spaced from --from to --to (softmax: n logits, the end excluded).
    cat >"$tmp.py" <<'EOF'
import math, sys
rows, fn, opts = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
def opt(name, default):
    return float(opts[opts.index(name) + 1]) if name in opts else default
a, b, slope = opt('--from', -5.0), opt('--to', 5.0), opt('--slope', 0.01)
deriv = '--derivative' in opts
lines = sys.stdin.read().splitlines()
assert lines[0] == ('x,f,df' if deriv else 'x,f'), lines[0]
data = [[float(v) for v in l.split(',')] for l in lines[1:]]
assert len(data) == rows, (len(data), rows)
def sig(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))
f = {'sigmoid': (sig, lambda x: sig(x) * (1 - sig(x))),
     'tanh': (math.tanh, lambda x: 1 - math.tanh(x) ** 2),
     'relu': (lambda x: max(0.0, x), lambda x: 1.0 if x > 0 else 0.0),
     'leaky_relu': (lambda x: x if x > 0 else slope * x,
                    lambda x: 1.0 if x > 0 else slope),
     'step': (lambda x: 1.0 if x > 0 else 0.0, lambda x: 0.0),
     'identity': (lambda x: x, lambda x: 1.0)}
def close(got, want):
    return abs(got - want) <= 1e-13 * max(abs(want), 1e-300) or \
        abs(got - want) < 1e-300
if fn == 'softmax':
    xs = [a + k * (b - a) / rows for k in range(rows)]
    m = max(xs)  # e^(x - m) / sum e^(x - m): the same, without overflow
    s = sum(math.exp(x - m) for x in xs)
    for k, r in enumerate(data):
        p = math.exp(xs[k] - m) / s
        assert close(r[0], xs[k]) and abs(r[1] - p) <= 1e-14, (r, p)
        if deriv:
            assert abs(r[2] - p * (1 - p)) <= 1e-14, (r, p)
    assert abs(sum(r[1] for r in data) - 1) < 1e-12
else:
    for k, r in enumerate(data):
        x = a + k * (b - a) / (rows - 1)
        assert abs(r[0] - x) <= 1e-12 * max(1, abs(x)), (k, r[0], x)
        assert close(r[1], f[fn][0](r[0])), (fn, r, f[fn][0](r[0]))
        if deriv:
            assert close(r[2], f[fn][1](r[0])), (fn, r, f[fn][1](r[0]))
EOF
    csv_case() { # expected rows, options...
        rows=$1
        shift
        out=$("$nnlab" --batch plot "$@" --csv 2>&1 </dev/null)
        status=$?
        if [ "$status" -ne 0 ]; then
            echo "FAIL: plot $* --csv: exit status $status: $out"
            fail=1
        elif printf '%s\n' "$out" | python3 "$tmp.py" "$rows" "$@"; then
            echo "ok: plot $* --csv"
        else
            echo "FAIL: plot $* --csv"
            fail=1
        fi
    }
    # One row per pixel column: at --width 40 the y labels ("1.0") take
    # 4 columns, leaving 36 cells, 72 braille dots or 36 ASCII characters.
    csv_case 72 sigmoid --width 40 --derivative
    csv_case 36 sigmoid --width 40 --ascii
    csv_case 200 sigmoid --samples 200 --from -40 --to 40 --derivative
    csv_case 101 tanh --samples 101 --from -20 --to 20 --derivative
    csv_case 61 leaky_relu --slope 0.1 --samples 61 --from -3 --to 3 \
        --derivative
    csv_case 50 leaky_relu --samples 50 --derivative
    csv_case 41 relu --samples 41 --derivative
    csv_case 41 step --samples 41 --from -1 --to 1
    csv_case 11 identity --samples 11 --derivative
    csv_case 100 softmax --derivative
    csv_case 30 softmax --samples 30 --from -800 --to 800
    rm -f "$tmp.py"
else
    echo "python3 not found: CSV checks skipped"
fi

usage_case() { # needle, options...
    needle=$1
    shift
    out=$("$nnlab" --batch plot "$@" 2>&1 </dev/null)
    status=$?
    if [ "$status" -ne 2 ]; then
        echo "FAIL: plot $*: exit $status, expected 2; output: $out"
        fail=1
    fi
    case $out in
    *"$needle"*) ;;
    *) echo "FAIL: plot $*: message lacks '$needle': $out"; fail=1 ;;
    esac
}

usage_case "which function"
usage_case "'sigmod'" sigmod
usage_case "--slope" sigmoid --slope 0.1
usage_case "--slope" leaky_relu --slope 2
usage_case "less than" tanh --from 1 --to 0
usage_case "--width" relu --width 5
usage_case "--height" relu --height 2
usage_case "outside" relu --cursor 9
usage_case "'x'" relu --from x
usage_case "'tanh'" relu tanh
usage_case "'--frob'" relu --frob
usage_case "--csv" relu --csv=yes

first_line() { # expected, nnlab arguments...
    want=$1
    shift
    got=$("$nnlab" "$@" 2>&1 </dev/null | head -n 1)
    if [ "$got" != "$want" ]; then
        echo "FAIL: nnlab $*: first line '$got', expected '$want'"
        fail=1
    else
        echo "ok: nnlab $* -> $want"
    fi
}
# No batch command is called activations: the id names the lesson.
first_line "Activation functions" --batch --lang en activations
first_line "활성화 함수" --batch --lang ko activations
exit $fail
