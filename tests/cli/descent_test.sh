#!/bin/sh
# `nnlab --batch descent`: the output of each case must equal its golden
# file in golden/, whose paths tests/lesson/test_descent.c checks against
# x_k = (1 - 2 lr)^k x_0 and the optimizers' first steps by hand. Here
# every point of a CSV run on the bowl is also checked against that closed
# form with awk, and bad option values exit with status 2 naming the
# option and the value.
nnlab=$1
command=descent
. "$(dirname "$0")/batch_lib.sh"

golden_case descent-default.txt
golden_case descent-race.txt --opt all
golden_case descent-race.csv --opt all --steps 5 --format csv
golden_case descent-ko.txt --lang ko --lr 0.3,0.7,1.05 --steps 20

# lr = 1 on the bowl jumps from x to -x and back: after an even number of
# steps it is where it started, which is no progress, not "moving away".
out=$("$nnlab" --batch descent --lr 1 --steps 10 2>&1 </dev/null)
case $out in
*"no closer"*) ;;
*) echo "FAIL: descent --lr 1: verdict is not 'no closer'"; fail=1 ;;
esac

# Plain descent on x0^2 + x1^2 from (2, -1): x_k = (1 - 2 lr)^k x_0 at
# every step, for a creeping, an overshooting and a growing rate.
"$nnlab" --batch descent --start 2,-1 --lr 0.05,0.7,1.05 --steps 40 \
    --format csv >"$tmp" 2>&1
if ! awk -F, 'NR == 1 { next }
    {
        q = (1 - 2 * $3) ^ $4; x = 2 * q; y = -q
        if ((($5 - x) ^ 2) ^ 0.5 > 1e-8 * (x ^ 2) ^ 0.5 + 1e-15 ||
            (($6 - y) ^ 2) ^ 0.5 > 1e-8 * (y ^ 2) ^ 0.5 + 1e-15) {
            print "step " $4 " lr " $3 ": " $5 ", " $6 " != " x ", " y
            bad = 1
        }
        n++
    }
    END { if (n != 123) { print n " rows, expected 123"; bad = 1 }
          exit bad }' "$tmp"; then
    echo "FAIL: descent: the CSV path differs from the closed form"
    fail=1
fi

# The valleys race: only momentum leaves the near valley (x = 1.67513, a
# local minimum) for the deep one (x = -2.21432, the roots of
# x^3 - 4x + 2 = 0); the others say where they are stuck.
out=$("$nnlab" --batch descent --f valleys --opt all 2>&1 </dev/null)
for line in "momentum, lr = 0.03 | (-2.2146" "sgd, lr = 0.1       | (1.67513" \
    "in a local minimum" "at the minimum"; do
    case $out in
    *"$line"*) ;;
    *) echo "FAIL: descent --f valleys: no '$line'"; fail=1 ;;
    esac
done

usage_case "--f: 'saddle' is not bowl, elongated or valleys" --f saddle
usage_case "--start: '3'" --start 3
usage_case "--lr: '0'" --lr 0
usage_case "--lr" --opt all --lr 0.1,0.2
usage_case "--steps" --steps 0
usage_case "--opt: 'nadam'" --opt nadam
usage_case "--format: 'json'" --format json
exit $fail
