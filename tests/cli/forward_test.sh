#!/bin/sh
# `nnlab --batch forward`: the output of each case must equal its golden
# file in golden/. The shapes and parameter counts in them follow from the
# sizes alone (784*50 + 50 = 39,250; 50*10 + 10 = 510, seed 000/003); the
# values are those tests/lesson/test_forward.c checks against a forward
# pass written out with loops; the csv and json formats are checked by
# forward_check.py. Bad option values exit with status 2
# naming the option and the value.
nnlab=$1
command=forward
. "$(dirname "$0")/batch_lib.sh"

golden_case forward-default.txt
golden_case forward-mnist.txt --layers 784,50,10 --act sigmoid --batch-size 10 --seed 3
golden_case forward-ko.txt --lang ko --batch-size 9

# The shapes follow the options: a 2-5-4 network with m = 7.
out=$("$nnlab" --batch forward --layers 2,5,4 --batch-size 7)
for line in "layer 1:  X(1x2) * W1(2x5) + B1(1x5) = Y1(1x5)" \
    "layer 2: Y1(7x5) * W2(5x4) + B2(1x4) = Y2(7x4)" \
    "total |           |          |        |         39"; do
    case $out in
    *"$line"*) ;;
    *) echo "FAIL: forward 2,5,4: no line '$line'"; fail=1 ;;
    esac
done

# --format json and csv: every number against a forward pass computed in
# Python from the printed inputs, weights and biases (forward_check.py).
check=$(dirname "$0")/forward_check.py
for act in relu sigmoid tanh; do
    opts="--layers 5,7,6,4 --batch-size 6 --seed 9 --act $act"
    # shellcheck disable=SC2086 # opts is a list of words
    if ! "$nnlab" --batch forward $opts --format json >"$tmp.json" ||
        ! "$nnlab" --batch forward $opts --format csv >"$tmp.csv" ||
        ! python3 "$check" "$act" "$tmp.json" "$tmp.csv"; then
        echo "FAIL: forward $opts: json/csv do not match a forward pass"
        fail=1
    fi
done
rm -f "$tmp.json" "$tmp.csv"

usage_case "--format: 'xml'" --format xml
usage_case "--layers: '4'" --layers 4
usage_case "'4,x'" --layers 4,x
usage_case "--batch-size" --batch-size 0
usage_case "--act: 'softmax'" --act softmax
usage_case "--seed" --seed abc
usage_case "'--bogus'" --bogus
exit $fail
