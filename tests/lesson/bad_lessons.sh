#!/bin/sh
# Malformed lesson files: each is refused with exit status 1 and one
# message naming the file and the line at fault, never a crash.
# Usage: bad_lessons.sh NNLAB DIR
nnlab=$1
dir=$2
fail=0
n=0
check() { # file, line, expected words in the message
    file=$dir/$1
    n=$((n + 1))
    out=$("$nnlab" --batch --lesson "$file" 2>&1 </dev/null)
    got=$?
    if [ "$got" -ne 1 ]; then
        echo "FAIL: $1: exit $got, expected 1; output: $out"
        fail=1
        return
    fi
    case $out in
    *"$file:$2: "*"$3"*) echo "ok: $out" ;;
    *) echo "FAIL: $1: expected '$file:$2: ...$3...', got: $out"; fail=1 ;;
    esac
}

check empty.lesson 1 "empty lesson file"
check blank.lesson 1 "empty lesson file"
check missing-title.lesson 3 "missing title"
check unknown-directive.lesson 6 "unknown directive '@gates'"
check unknown-parameter.lesson 6 "unknown parameter 'colour'"
check parameter-without-value.lesson 4 "needs a value"
check bad-parameter-value.lesson 4 "header must be yes or no"
check missing-table-rows.lesson 6 "at least one row"
check ragged-table.lesson 4 "row 2 has 2 cells"
check unclosed-block.lesson 4 "not closed by @end"
check stray-end.lesson 5 "@end without a block"
check empty-step.lesson 6 "step 2 has no content"
check invalid-utf8.lesson 4 "invalid UTF-8"
check overlong-utf8.lesson 4 "invalid UTF-8"
check control-character.lesson 4 "control character U+001B"
check overlong-line.lesson 4 "line is 4500 bytes long"
check second-title.lesson 5 "second lesson title"
check deep-heading.lesson 3 "not a heading"
check text-before-step.lesson 3 "text before the first step"
check no-steps.lesson 2 "no steps"
check unterminated-quote.lesson 4 "no closing"
check duplicate-parameter.lesson 4 "given twice"
check tab-in-block.lesson 5 "tab inside"
check nul-byte.lesson 4 "NUL byte"

# Every file in the folder has a line above.
total=$(ls "$dir" | grep -c '\.lesson$')
if [ "$total" -ne "$n" ]; then
    echo "FAIL: $total bad lesson files but $n checks"
    fail=1
fi
exit $fail
