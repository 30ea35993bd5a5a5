#!/usr/bin/env bash
# `nnlab --batch data` on datasets written here, good and bad: each bad
# one exits 1 with a message naming the file and the fault, never a crash;
# usage errors exit 2; no data at all names the command that fetches it.
set -u
nnlab=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset NNLAB_DATA XDG_DATA_HOME
export HOME=$tmp/home

fail=0
check() { # description, expected status, command...
    local desc=$1 want=$2
    shift 2
    out=$("$@" 2>&1 </dev/null)
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $desc: exit $got, expected $want; output: $out"
        fail=1
    fi
}
contains() { # description, needle (in $out)
    case $out in
    *"$2"*) ;;
    *) echo "FAIL: $1: output lacks '$2': $out"; fail=1 ;;
    esac
}

byte() { printf "\\$(printf %o "$1")"; }
be32() { byte $(($1 >> 24 & 255)); byte $(($1 >> 16 & 255))
    byte $(($1 >> 8 & 255)); byte $(($1 & 255)); }
# images DIR NAME COUNT: COUNT blank 28 x 28 images, each ending in one
# 255 pixel.
images() {
    { printf '\0\0\10\3'
        be32 "$3"
        printf '\0\0\0\34\0\0\0\34'
        for ((i = 0; i < $3; i++)); do
            head -c 783 /dev/zero
            printf '\377'
        done; } >"$1/$2"
}
# labels DIR NAME COUNT: labels 0, 1, 2, ... (mod 10).
labels() {
    { printf '\0\0\10\1'
        be32 "$3"
        for ((i = 0; i < $3; i++)); do byte $((i % 10)); done
    } >"$1/$2"
}
good() { # DIR: 20 training and 10 test images
    mkdir -p "$1"
    images "$1" train-images-idx3-ubyte 20
    labels "$1" train-labels-idx1-ubyte 20
    images "$1" t10k-images-idx3-ubyte 10
    labels "$1" t10k-labels-idx1-ubyte 10
}

# No data anywhere.
check "no data" 1 "$nnlab" --batch data
contains "no data" \
    "MNIST is not installed (looked in $tmp/home/.local/share/nnlab/mnist)"
contains "no data" "Fetch it once with: "
contains "no data" "/scripts/fetch-mnist"

# A good small dataset, raw and then .gz, found three ways.
good "$tmp/d"
check "good" 0 "$nnlab" --batch data --data "$tmp/d"
contains "good" "found in  $tmp/d (--data)"
contains "good" "train     20 images of 28 x 28 pixels"
contains "good" "test      10 images of 28 x 28 pixels"
contains "good" "3                  2      1"
# One 255 pixel per image among 784: mean 1/784.
contains "good" "mean training pixel 0.0013"
gzip "$tmp/d"/*
check "good .gz" 0 "$nnlab" --batch data --data="$tmp/d"
contains "good .gz" "train     20 images"
mkdir -p "$tmp/root" && mv "$tmp/d" "$tmp/root/mnist"
NNLAB_DATA=$tmp/root check "NNLAB_DATA" 0 "$nnlab" --batch data
contains "NNLAB_DATA" "found in  $tmp/root/mnist (NNLAB_DATA)"
mkdir -p "$tmp/home/.local/share/nnlab"
mv "$tmp/root/mnist" "$tmp/home/.local/share/nnlab/mnist"
check "default place" 0 "$nnlab" --batch data
contains "default place" "(the user data directory)"

# Bad datasets: make a good one, spoil one file, expect exit 1 and the
# file's name with the fault.
bad() { # description, file, expected text; the file was spoiled already
    check "$1" 1 "$nnlab" --batch data --data "$tmp/b"
    contains "$1" "$tmp/b/$2"
    contains "$1" "$3"
}
spoil() { rm -rf "$tmp/b"; good "$tmp/b"; }
ti=train-images-idx3-ubyte tl=train-labels-idx1-ubyte

spoil; printf '\0\0\10\1' | dd of="$tmp/b/$ti" conv=notrunc 2>/dev/null
bad "wrong magic" $ti "magic number 0x00000801"
spoil; head -c 9 "$tmp/b/$ti" >"$tmp/x" && mv "$tmp/x" "$tmp/b/$ti"
bad "truncated header" $ti "truncated header: 9 bytes"
spoil; head -c 5000 "$tmp/b/$ti" >"$tmp/x" && mv "$tmp/x" "$tmp/b/$ti"
bad "truncated data" $ti "truncated"
spoil; labels "$tmp/b" $tl 19
check "count mismatch" 1 "$nnlab" --batch data --data "$tmp/b"
contains "count mismatch" \
    "$tmp/b/$ti holds 20 images but $tmp/b/$tl holds 19 labels"
spoil; printf '\377\377\377\377\377\377\377\377' |
    dd of="$tmp/b/$ti" bs=1 seek=4 conv=notrunc 2>/dev/null
bad "huge dimensions" $ti "the limits are"
spoil; rm "$tmp/b/$ti" && mkdir "$tmp/b/$ti"
bad "directory" $ti "is a directory"
spoil; : >"$tmp/b/$ti"
bad "empty file" $ti "is empty"
spoil; rm "$tmp/b/$tl"
bad "missing file" $tl "missing"
spoil; chmod 0 "$tmp/b/$ti"; chmod 755 "$tmp" "$tmp/b"
if [ "$(id -u)" -ne 0 ]; then
    bad "unreadable" $ti "Permission denied"
elif command -v setpriv >/dev/null; then
    # Root reads anything: run as nobody instead.
    check "unreadable" 1 setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$nnlab" --batch data --data "$tmp/b"
    contains "unreadable" "$tmp/b/$ti: cannot open: Permission denied"
fi

# Usage errors.
check "bad --dataset" 2 "$nnlab" --batch data --dataset cifar
contains "bad --dataset" "'cifar'"
check "--data without value" 2 "$nnlab" --batch data --data
contains "--data without value" "--data needs a value"
check "unknown option" 2 "$nnlab" --batch data --epochs 3
contains "unknown option" "'--epochs'"
check "extra word" 2 "$nnlab" --batch data mnist
contains "extra word" "'mnist'"

exit $fail
