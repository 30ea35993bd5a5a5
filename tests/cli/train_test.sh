#!/bin/sh
# The train and predict batch commands: option errors (exit 2, naming the
# option and value), and with MNIST installed a short run in every log
# format, divergence (exit 1 with an explanation), save and predict, and
# a damaged model refused.
nnlab=$1
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { # description, expected status, command...
    desc=$1 want=$2
    shift 2
    out=$("$@" 2>&1 </dev/null)
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $desc: exit $got, expected $want; output: $out" >&2
        fail=1
    fi
    printf '%s\n' "$out"
}
contains() { # description, needle, haystack
    case $3 in
    *"$2"*) ;;
    *) echo "FAIL: $1: output lacks '$2'" >&2; fail=1 ;;
    esac
}
train() { check "$@"; }

# Usage errors: refused before any data is read.
out=$(train "unknown preset" 2 "$nnlab" --batch train --preset fast)
contains "unknown preset" "'fast'" "$out"
contains "unknown preset lists" "sigmoid-adam" "$out"
contains "unknown preset lists" "relu-rmsprop" "$out"
contains "unknown preset lists" "sigmoid-sgd" "$out"
out=$(train "absurd hidden" 2 "$nnlab" --batch train --hidden 1000000000)
contains "absurd hidden" "1000000000 units" "$out"
out=$(train "hidden list" 2 "$nnlab" --batch train --hidden 50,x)
contains "hidden list" "'x'" "$out"
out=$(train "zero hidden" 2 "$nnlab" --batch train --hidden 0)
contains "zero hidden" "--hidden" "$out"
out=$(train "lr nan" 2 "$nnlab" --batch train --lr nan)
contains "lr nan" "learning rate nan" "$out"
out=$(train "lr negative" 2 "$nnlab" --batch train --lr -0.5)
contains "lr negative" "learning rate -0.5" "$out"
out=$(train "lr word" 2 "$nnlab" --batch train --lr fast)
contains "lr word" "'fast'" "$out"
out=$(train "batch size 0" 2 "$nnlab" --batch train --batch-size 0)
contains "batch size 0" "--batch-size" "$out"
out=$(train "epochs" 2 "$nnlab" --batch train --epochs -1)
contains "epochs" "--epochs" "$out"
out=$(train "activation" 2 "$nnlab" --batch train --act softmax)
contains "activation" "softmax" "$out"
out=$(train "unknown act" 2 "$nnlab" --batch train --act swish)
contains "unknown act" "'swish'" "$out"
out=$(train "optimizer" 2 "$nnlab" --batch train --opt lbfgs)
contains "optimizer" "'lbfgs'" "$out"
out=$(train "log" 2 "$nnlab" --batch train --log xml)
contains "log" "'xml'" "$out"
out=$(train "dtype" 2 "$nnlab" --batch train --dtype f16)
contains "dtype" "'f16'" "$out"
out=$(train "unknown option" 2 "$nnlab" --batch train --momentum 0.9)
contains "unknown option" "'--momentum'" "$out"
out=$(train "save into a missing directory" 1 "$nnlab" --batch train \
    --save "$tmp/no/such/dir/m.nnm" --data "$tmp/no/data")
contains "save into a missing directory" "$tmp/no/such/dir/m.nnm" "$out"
case $out in
*"--data"*) echo "FAIL: --save was checked after the data" >&2; fail=1 ;;
esac
out=$(check "predict needs --load" 2 "$nnlab" --batch predict)
contains "predict needs --load" "--load" "$out"
out=$(check "predict missing file" 1 "$nnlab" --batch predict \
    --load "$tmp/none.nnm")
contains "predict missing file" "$tmp/none.nnm" "$out"
printf 'NNLABMDL\001\000\000\000garbage' >"$tmp/bad.nnm"
out=$(check "predict bad model" 1 "$nnlab" --batch predict \
    --load "$tmp/bad.nnm")
contains "predict bad model" "truncated" "$out"

if ! "$nnlab" --batch data >/dev/null 2>&1; then
    echo "MNIST is not installed: the training runs are skipped"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi

short="--train-size 600 --epochs 2 --seed 3 --threads 1"
out=$(train "text log" 0 "$nnlab" --batch train $short --every 10)
contains "text log" "epoch  iterations" "$out"
contains "text log iterations" "epoch 1 iteration 10 " "$out"
contains "text log summary" "test accuracy" "$out"
contains "text log curve" "moving average" "$out"

# The confusion matrix: each row sums to the test images of that class
# (MNIST's published counts), and the diagonal to the accuracy.
sums=$(printf '%s\n' "$out" | awk '/^confusion matrix/ { on = 1; next }
    on && NF == 11 && $1 ~ /^[0-9]$/ {
        s = 0; for (i = 2; i <= 11; i++) s += $i
        d += $($1 + 2); printf "%d ", s }
    on && NF == 0 && d { on = 0 }
    END { printf "%.4f", d / 10000 }')
want="980 1135 1032 1010 982 892 958 1028 974 1009 "
case $sums in
"$want"*) ;;
*) echo "FAIL: confusion rows sum to $sums" >&2; fail=1 ;;
esac
acc=$(printf '%s\n' "$out" | sed -n 's/^test accuracy \([0-9.]*\) .*/\1/p')
diag=${sums#"$want"}
[ "$diag" = "$acc" ] ||
    { echo "FAIL: confusion diagonal $diag, accuracy $acc" >&2; fail=1; }

# CSV: a header, 2 epoch rows and 3 iteration rows (every 10 of 38).
"$nnlab" --batch train $short --every 10 --log csv >"$tmp/log.csv" || fail=1
header=kind,epoch,iteration,loss,loss_avg,train_acc,test_acc,test_loss
header=$header,seconds,samples_per_s
head -1 "$tmp/log.csv" | grep -qx "$header" ||
    { echo "FAIL: csv header" >&2; fail=1; }
[ "$(grep -c '^epoch,' "$tmp/log.csv")" -eq 2 ] ||
    { echo "FAIL: csv epoch rows" >&2; fail=1; }
[ "$(grep -c '^iter,' "$tmp/log.csv")" -eq 3 ] ||
    { echo "FAIL: csv iteration rows" >&2; fail=1; }
awk -F, 'NR > 1 && NF != 10 { bad = 1 } END { exit bad }' "$tmp/log.csv" ||
    { echo "FAIL: csv rows must have 10 fields" >&2; fail=1; }
# The epoch-2 test accuracy matches the one in the text log.
acc_csv=$(awk -F, '$1 == "epoch" && $2 == 2 { printf "%.4f", $7 }' \
    "$tmp/log.csv")
acc_txt=$(printf '%s\n' "$out" | awk '$1 == 2 && NF == 8 { print $5 }')
[ "$acc_csv" = "$acc_txt" ] ||
    { echo "FAIL: csv accuracy $acc_csv, text $acc_txt" >&2; fail=1; }

# JSON lines: config first, summary last, every line one object.
"$nnlab" --batch train $short --log jsonl >"$tmp/log.jsonl" || fail=1
head -1 "$tmp/log.jsonl" | grep -q '^{"type":"config",' ||
    { echo "FAIL: jsonl config" >&2; fail=1; }
tail -1 "$tmp/log.jsonl" | grep -q '^{"type":"summary",' ||
    { echo "FAIL: jsonl summary" >&2; fail=1; }
[ "$(grep -c '^{"type":"epoch",.*}$' "$tmp/log.jsonl")" -eq 2 ] ||
    { echo "FAIL: jsonl epochs" >&2; fail=1; }

out=$(train "diverging" 1 "$nnlab" --batch train $short --epochs 5 --lr 100)
contains "diverging" "diverged" "$out"
contains "diverging" "learning rate 100 is too large" "$out"
out=$(train "train size" 2 "$nnlab" --batch train --train-size 99999999)
contains "train size" "60000" "$out"

# Save, predict, and a flipped byte refused.
train "save" 0 "$nnlab" --batch train $short --save "$tmp/m.nnm" >/dev/null
out=$(check "predict" 0 "$nnlab" --batch predict --load "$tmp/m.nnm" \
    --image 0)
contains "predict" "label 7" "$out"
contains "predict" "prediction" "$out"
out=$(check "predict ascii" 0 "$nnlab" --ascii --batch predict \
    --load "$tmp/m.nnm" --image 1)
contains "predict ascii" "label 2" "$out"
out=$(check "image range" 2 "$nnlab" --batch predict --load "$tmp/m.nnm" \
    --image 10000)
contains "image range" "--image" "$out"
size=$(wc -c <"$tmp/m.nnm")
printf '\377' | dd of="$tmp/m.nnm" bs=1 seek=$((size / 2)) conv=notrunc \
    2>/dev/null
out=$(check "corrupt model" 1 "$nnlab" --batch predict --load "$tmp/m.nnm")
contains "corrupt model" "checksum" "$out"
exit $fail
