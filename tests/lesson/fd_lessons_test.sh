#!/bin/sh
# The shipped forward-pass and descent lessons, printed in both languages,
# show the seeds' figures, each computed here by its closed form (awk)
# or its shape rule, not copied from nnlab's output: the 4-8-8-3 shapes
# and 139 parameters, the MNIST net's 784*50 + 50 = 39,250 and
# 50*10 + 10 = 510, the gradient (6, 8) at (3, 4), and descent on
# x0^2 + x1^2 from (-3, 4), where x_k = (1 - 2*lr)^k * x_0.
# Usage: fd_lessons_test.sh NNLAB
nnlab=$1
fail=0
tmp=${TMPDIR:-/tmp}/nnlab-fd-lessons.$$
trap 'rm -f "$tmp"' EXIT

# has DESCRIPTION TEXT: TEXT is printed, runs of spaces counting as one
# (column widths differ between the languages).
has() {
    want=$(printf '%s' "$2" | tr -s ' ')
    if tr -s ' ' <"$tmp" | grep -qF -- "$want"; then
        echo "ok: $lang $1"
    else
        echo "FAIL: $lang $1: no '$2'"
        fail=1
    fi
}

g() { awk "BEGIN { printf \"%.$1g\", $2 }"; }

for lang in en ko; do
    if ! "$nnlab" --batch --lang $lang lesson forward >"$tmp" 2>&1; then
        echo "FAIL: forward lesson in $lang"
        fail=1
        continue
    fi
    has "layer 1 shapes" "X(1x4) * W1(4x8) + B1(1x8) = Y1(1x8)"
    has "layer 3 shapes" "Y2(1x8) * W3(8x3) + B3(1x3) = Y3(1x3)"
    has "batch of 100" "X(100x4) * W1(4x8) + B1(1x8) = Y1(100x8)"
    has "139 parameters" "| $((4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3))"
    has "first MNIST layer" "784*50 = 39,200 | 50 | 39,250"
    has "second MNIST layer" "50*10 = $((50 * 10)) | 10 | $((50 * 10 + 10))"
    has "MNIST total" "39,760"

    if ! "$nnlab" --batch --lang $lang lesson descent >"$tmp" 2>&1; then
        echo "FAIL: descent lesson in $lang"
        fail=1
        continue
    fi
    has "x^2 at 3, both sides" "f(x + h) = 9.00060001   f(x - h) = 8.99940001"
    has "gradient at (3, 4)" "| (6, 8)"
    has "gradient at (0, 2)" "| (0, 4)"
    has "100 steps at 0.1" \
        "100 | $(g 10 "-3 * 0.8^100") | $(g 10 "4 * 0.8^100")"
    has "100 steps at 0.001" \
        "($(g 6 "-3 * 0.998^100"), $(g 6 "4 * 0.998^100"))"
    has "20 steps at 0.9" \
        "($(g 6 "-3 * (-0.8)^20"), $(g 6 "4 * (-0.8)^20"))"
    has "20 steps at 1.1" \
        "($(g 6 "-3 * (-1.2)^20"), $(g 6 "4 * (-1.2)^20"))"
    has "lr = 1 comes back" "| (-3, 4)  "
    n=$((4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3))
    if [ $lang = ko ]; then
        has "gradient check size" "4-8-8-3: 매개변수 ${n}개"
    else
        has "gradient check size" "4-8-8-3: $n parameters"
    fi
    has "race" "adam, lr = 0.3"
done
exit $fail
