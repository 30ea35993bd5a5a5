#!/bin/sh
# Bad option values for every command that exists, by class: not a
# number, NaN and infinities, numbers that overflow, negative and zero
# sizes, absurd sizes, empty values, stray spaces, hex and '+' signs,
# unknown presets. Each
# exits with status 2, prints nothing on stdout, and names the option and
# the value at fault on stderr; none may crash or run the command.
# Usage: options_test.sh NNLAB
nnlab=$1
fail=0
n=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# bad NEEDLE ARGS...: nnlab --batch ARGS exits 2 with NEEDLE on stderr.
bad() {
    needle=$1
    shift
    n=$((n + 1))
    "$nnlab" --batch "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    st=$?
    if [ "$st" -ne 2 ]; then
        echo "FAIL: $*: exit $st, expected 2; stderr: $(cat "$tmp/err")"
        fail=1
    elif ! grep -qF -- "$needle" "$tmp/err"; then
        echo "FAIL: $*: stderr lacks '$needle': $(cat "$tmp/err")"
        fail=1
    elif [ -s "$tmp/out" ]; then
        echo "FAIL: $*: printed on stdout: $(head -3 "$tmp/out")"
        fail=1
    elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
        echo "FAIL: $*: more than one line of message: $(cat "$tmp/err")"
        fail=1
    fi
}

# Learning rates: NaN, infinities, overflow, negative, empty.
for v in nan NaN -nan inf -inf infinity 1e999 -1 -0.5 "" "0.5 " abc 1e \
    0.5.1 1,5; do
    bad "--lr" backprop --lr "$v"
    bad "--lr" gates --gate xor --lr "$v"
    bad "--eta" gates --gate and --learn --eta "$v"
done
# Inline form and a value that looks like an option.
bad "--lr: 'nan'" backprop --lr=nan
bad "--lr needs a value" backprop --lr
# Vectors with a NaN, an infinity or the wrong number of items.
bad "--x" backprop --x nan,0.1
bad "--x" backprop --x 0.1,inf
bad "--x" backprop --x 0.1,
bad "--x" backprop --x ,0.1
bad "--x" backprop --x 0.1,,0.2
bad "--w" backprop --w 1,2,3,4,5,6,7,nan
bad "--target" backprop --target 0.1,0.2,0.3

# Sizes and counts: zero, negative, fractional, absurd, overflowing.
for v in 0 -1 -100000 2.5 1e3 1000000000 99999999999999999999 \
    -99999999999999999999 0x10 ""; do
    bad "--iterations" backprop --iterations "$v"
    bad "--epochs" gates --gate and --learn --epochs "$v"
done
for v in -1 -5 1e9 10000000000 99999999999999999999 abc ""; do
    bad "--steps" gates --gate xor --steps "$v"
done
bad "--seed" gates --gate xor --seed -1
bad "--seed" gates --gate xor --seed 99999999999999999999999

# Network sizes: a layer of 10^9 units, zero, negative, overflowing,
# malformed lists, too many layers; batch sizes.
for v in 4,1000000000,3 4,0,3 4,-8,3 99999999999999999999999,3 4,8,3, 4,,3 \
    4,8.5,3 4 "" nan 4,8,8,8,8,8,8,8,8,8,8,3; do
    bad "--layers" forward --layers "$v"
done
for v in 0 -1 1e9 100000000 nan ""; do
    bad "--batch-size" forward --batch-size "$v"
done
# Descent: rates, start points and step counts.
for v in nan -1 0 inf 1e999 0.1,nan 0.1,-0.1 ""; do
    bad "--lr" descent --lr "$v"
done
for v in nan,1 1,inf 1e308,1e308 1 1,2,3 ""; do
    bad "--start" descent --start "$v"
done
for v in 0 -1 1e9 1000000000; do
    bad "--steps" descent --steps "$v"
done

# Numbers are plain decimal: no spaces around them, no '+' in front, no
# hex (strtod and strtol would take all of these), whole numbers digits
# only. Each message names the option and quotes the value as given.
for v in " 0x1p-3" 0x1p-3 0X10 " 0.5" "0.5 " "+0.5" " +1" "0.5e" ".e1" "." \
    "-" "1_000" "１"; do
    bad "--lr: '$v' is not a number" backprop --lr "$v"
    bad "--lr: '$v' is not a number" train --lr "$v"
    bad "--eta: '$v' is not a number" gates --gate and --learn --eta "$v"
    bad "--from: '$v' is not a number" plot sigmoid --from "$v"
    bad "--x: '$v' is not a number" backprop --x "0.1,$v"
    bad "--demo: '$v' is not a number" --demo="$v" backprop
    bad "--start: '$v' is not a number" descent --start "1,$v"
    bad "--lr: '$v' is not a number" descent --lr "0.1,$v"
done
for v in " 3" "3 " "+3" 0x10 010x 3.0 1e2 "３"; do
    bad "--iterations: '$v' is not a whole number" backprop --iterations "$v"
    bad "--epochs: '$v' is not a whole number" train --epochs "$v"
    bad "--seed: '$v' is not a whole number" gates --gate xor --seed "$v"
    bad "--width: '$v' is not a whole number" plot sigmoid --width "$v"
    bad "--layers: '4,$v' must be whole numbers" forward --layers "4,$v"
    bad "--hidden: '$v' is not a whole number" train --hidden "$v"
done
# Too large for a double: said so, not "not a number".
bad "--lr: '1e999' is too large" backprop --lr 1e999

# Unknown presets and choices.
bad "'adamw'" descent --opt adamw
bad "'cone'" descent --f cone
bad "'softmax'" forward --act softmax
bad "'xnand'" gates --gate xnand
bad "--gate: ''" gates --gate ""
bad "'xml'" backprop --format xml
bad "'cifar'" data --dataset cifar
bad "'sometimes'" --color sometimes backprop
bad "'fr'" --lang fr backprop
bad "'nosuchlesson'" nosuchlesson

# --demo seconds: zero, negative, NaN, absurd.
for v in 0 -1 nan inf 1e9 0.1; do
    bad "--demo" --demo="$v" backprop
done

[ $fail -eq 0 ] && echo "ok: $n bad command lines refused with status 2"
exit $fail
