#!/bin/sh
# `nnlab --batch gates`: the output of each case must equal its golden file
# in golden/ (checked by hand against the tables and traces worked out in
# tests/lesson/test_gates.c), and bad option values exit with status 2
# naming the option and the value.
nnlab=$1
golden=$(dirname "$0")/golden
# English unless a case asks for --lang ko, whatever the caller's locale.
LC_ALL=C
LANG=C
export LC_ALL LANG
fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT

golden_case() { # name, options...
    name=$1
    shift
    "$nnlab" --batch gates "$@" >"$tmp" 2>&1 </dev/null
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "FAIL: gates $*: exit $status: $(cat "$tmp")"
        fail=1
    elif ! diff -u "$golden/gates-$name.txt" "$tmp"; then
        echo "FAIL: gates $*: output differs from golden/gates-$name.txt"
        fail=1
    fi
}

usage_case() { # needle, options...
    needle=$1
    shift
    out=$("$nnlab" --batch gates "$@" 2>&1 </dev/null)
    status=$?
    if [ "$status" -ne 2 ]; then
        echo "FAIL: gates $*: exit $status, expected 2; output: $out"
        fail=1
    fi
    case $out in
    *"$needle"*) ;;
    *) echo "FAIL: gates $*: message lacks '$needle': $out"; fail=1 ;;
    esac
}

golden_case overview
golden_case and --gate and
golden_case or-ge --gate or --ge
golden_case xor-weights --gate xor --w1 1 --w2 1 --b -0.5
golden_case given --w1 0.3 --w2 -0.2 --b 0.1
golden_case learn --learn
golden_case learn-or-seed --learn --gate or --seed 3
golden_case ko-xor --lang ko --gate xor
golden_case ko-learn-xor --lang ko --learn --gate xor
golden_case learn-nand-eta --learn --gate nand --eta 0.25 --w1 1 --w2 -1 --b 0.5

usage_case "'abc'" --w1 abc
usage_case "--b" --b 1e9
usage_case "'xand'" --gate xand
usage_case "--eta" --eta 0
usage_case "--epochs" --learn --epochs 0
usage_case "--learn" --learn=yes
usage_case "--seed" --seed -1
usage_case "'x'" --lr x
usage_case "--steps" --steps 2000000
usage_case "'--frob'" --frob
usage_case "'stray'" stray
usage_case "--lesson" --lesson x.lesson
exit $fail
