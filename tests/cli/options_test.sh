#!/bin/sh
# Command-line basics: --help, --version, and usage errors exit with 2 and
# name the option or value at fault; --load and --save reach the batch
# command wherever they are written.
nnlab=$1
fail=0
check() { # description, expected status, command...
    desc=$1 want=$2
    shift 2
    out=$("$@" 2>&1 </dev/null)
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $desc: exit $got, expected $want; output: $out"
        fail=1
    fi
    printf '%s\n' "$out"
}
contains() { # description, needle, haystack
    case $3 in
    *"$2"*) ;;
    *) echo "FAIL: $1: output lacks '$2'"; fail=1 ;;
    esac
}

out=$(check "--help" 0 "$nnlab" --help)
contains "--help" "Usage: nnlab" "$out"
out=$(check "--version" 0 "$nnlab" --version)
contains "--version" "nnlab " "$out"
out=$(check "unknown option" 2 "$nnlab" --frobnicate)
contains "unknown option" "'--frobnicate'" "$out"
out=$(check "bad --lang" 2 "$nnlab" --lang fr)
contains "bad --lang" "'fr'" "$out"
out=$(check "bad --color" 2 "$nnlab" --color=sometimes)
contains "bad --color" "'sometimes'" "$out"
out=$(check "bad --demo" 2 "$nnlab" --demo=0)
contains "bad --demo" "--demo" "$out"
out=$(check "flag with value" 2 "$nnlab" --batch=yes)
contains "flag with value" "takes no value" "$out"
out=$(check "unknown topic" 2 "$nnlab" --batch nosuchlesson)
contains "unknown topic" "'nosuchlesson'" "$out"
out=$(check "--batch alone" 2 "$nnlab" --batch)
contains "--batch alone" "--batch needs a lesson or command" "$out"
# Output to a pipe with nothing named: no screen, and the message says why
# without blaming an option that was not given.
out=$(check "piped, nothing named" 2 "$nnlab")
contains "piped, nothing named" "the output is not a terminal" "$out"
out=$(check "missing value" 2 "$nnlab" --lesson)
contains "missing value" "--lesson needs a value" "$out"
out=$(check "--load without a file" 2 "$nnlab" --load)
contains "--load without a file" "--load needs a value" "$out"
# --load and --save before a batch command are handed to it.
out=$(check "--load before predict" 1 "$nnlab" --load /nonexistent/m.nnm \
    --batch predict)
contains "--load before predict" "/nonexistent/m.nnm: cannot open" "$out"
out=$(check "--save before train" 1 "$nnlab" --save /nonexistent/d/m.nnm \
    --batch train)
contains "--save before train" "/nonexistent/d/m.nnm" "$out"
# Batch output is UTF-8 text in any locale: --lang ko writes Korean even
# where the screen would fall back to English (a script's output goes to
# files and pipes, whatever the locale of the job that runs it).
for loc in C POSIX C.UTF-8; do
    out=$(check "batch Korean, LC_ALL=$loc" 0 env LC_ALL=$loc "$nnlab" \
        --batch --lang ko lesson backprop)
    contains "batch Korean, LC_ALL=$loc" "손으로 계산하는 역전파" "$out"
    case $out in
    *"?"[?]*) echo "FAIL: batch Korean, LC_ALL=$loc: '??' in the output"
        fail=1 ;;
    esac
done
exit $fail
