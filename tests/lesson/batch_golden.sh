#!/bin/sh
# Batch rendering of lessons against expected text written by hand: prose
# wrapped at 80 columns by display width (Hangul takes two), tables and
# formulas, the step headings in each language; plus --step, lesson lookup
# by id and language, and the Korean lessons printed without error.
# Usage: batch_golden.sh NNLAB GOLDEN_DIR
nnlab=$1
dir=$2
fail=0
tmp=${TMPDIR:-/tmp}/nnlab-golden.$$
trap 'rm -f "$tmp"' EXIT

golden() { # expected file, nnlab arguments...
    want=$dir/$1
    shift
    if ! "$nnlab" "$@" >"$tmp" 2>&1 </dev/null; then
        echo "FAIL: nnlab $*: exit status $?"
        cat "$tmp"
        fail=1
    elif ! diff -u "$want" "$tmp"; then
        echo "FAIL: nnlab $* differs from $want"
        fail=1
    else
        echo "ok: nnlab $*"
    fi
}

golden sample-en.txt --batch --lang en --lesson "$dir/sample-en.lesson"
golden sample-en-ascii.txt --batch --ascii --lang en \
    --lesson "$dir/sample-en.lesson"
golden sample-ko.txt --batch --lang ko --lesson "$dir/sample-ko.lesson"
# A *.lesson path given as the topic works like --lesson.
golden sample-en.txt --batch --lang en "$dir/sample-en.lesson"

first_line() { # expected, environment and nnlab arguments...
    want=$1
    shift
    got=$(env "$@" 2>&1 </dev/null | head -n 1)
    if [ "$got" != "$want" ]; then
        echo "FAIL: $*: first line '$got', expected '$want'"
        fail=1
    else
        echo "ok: $* -> $want"
    fi
}

# Language: --lang, then LC_ALL, LC_MESSAGES, LANG; ko* means Korean.
first_line "Perceptron and logic gates" LC_ALL= LC_MESSAGES= LANG=C \
    "$nnlab" --batch lesson gates
first_line "퍼셉트론과 논리 게이트" LC_ALL= LC_MESSAGES= LANG=ko_KR.UTF-8 \
    "$nnlab" --batch lesson gates
first_line "Perceptron and logic gates" LC_ALL=C.UTF-8 \
    LANG=ko_KR.UTF-8 "$nnlab" --batch lesson gates
first_line "퍼셉트론과 논리 게이트" LC_ALL=C.UTF-8 \
    "$nnlab" --batch --lang ko lesson gates
# A lesson id that is not also a batch command works on its own.
first_line "MNIST 학습" LC_ALL=C.UTF-8 \
    "$nnlab" --batch --lang ko mnist
first_line "Training on MNIST" LC_ALL=ko_KR.UTF-8 \
    "$nnlab" --batch --lang en lesson mnist

# --step: one Enter shows two steps, then end of input stops quietly.
out=$(printf '\n' | "$nnlab" --batch --step --lang en \
    --lesson "$dir/sample-en.lesson" 2>/dev/null)
case $out in
*"Step 1/2"*"Step 2/2"*) echo "ok: --step continues on Enter" ;;
*) echo "FAIL: --step with one Enter: $out"; fail=1 ;;
esac
out=$("$nnlab" --batch --step --lang en --lesson "$dir/sample-en.lesson" \
    2>/dev/null </dev/null)
status=$?
case $out in
*"Step 2/2"*) echo "FAIL: --step went on at end of input"; fail=1 ;;
*"Step 1/2"*)
    if [ "$status" -eq 0 ]; then
        echo "ok: --step stops at end of input"
    else
        echo "FAIL: --step at end of input: exit $status"
        fail=1
    fi ;;
*) echo "FAIL: --step printed no step: $out"; fail=1 ;;
esac
out=$(printf 'q\n' | "$nnlab" --batch --step --lang en \
    --lesson "$dir/sample-en.lesson" 2>/dev/null)
case $out in
*"Step 2/2"*) echo "FAIL: --step did not stop on q"; fail=1 ;;
*) echo "ok: --step stops on q" ;;
esac

# Every shipped lesson prints in both languages, headings in the right
# language, and no line is wider than 80 columns.
for lang in en ko; do
    for id in gates activations forward backprop descent mnist; do
        if ! "$nnlab" --batch --lang $lang lesson $id >"$tmp" 2>&1; then
            echo "FAIL: lesson $id in $lang"
            cat "$tmp"
            fail=1
            continue
        fi
        head=$( [ $lang = ko ] && echo "단계 1/" || echo "Step 1/")
        if ! grep -q "^$head" "$tmp"; then
            echo "FAIL: lesson $id in $lang has no '$head' heading"
            fail=1
        fi
        wide=$(python3 -c '
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                  for c in s)
print(max(w(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))
' "$tmp" 2>/dev/null || echo 0)
        if [ "$wide" -gt 80 ]; then
            echo "FAIL: lesson $id in $lang has a line $wide columns wide"
            fail=1
        fi
    done
done

# Usage errors.
out=$("$nnlab" --batch lesson 2>&1)
[ $? -eq 2 ] || { echo "FAIL: 'lesson' without id: $out"; fail=1; }
out=$("$nnlab" --batch lesson nosuch 2>&1)
case $out in
*"no lesson 'nosuch'"*) ;;
*) echo "FAIL: unknown lesson id: $out"; fail=1 ;;
esac
out=$("$nnlab" --batch --lesson "$dir/sample-en.lesson" gates 2>&1)
[ $? -eq 2 ] || { echo "FAIL: --lesson and an id: $out"; fail=1; }
out=$("$nnlab" --batch lesson gates extra 2>&1)
[ $? -eq 2 ] || { echo "FAIL: extra word after a lesson: $out"; fail=1; }
exit $fail
