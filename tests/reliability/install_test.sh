#!/bin/sh
# An installed copy (meson install into a temporary DESTDIR): the MNIST
# download is installed beside nnlab as nnlab-fetch-mnist and runs there,
# the manual page names it, and the no-data message of both the build's
# nnlab and the installed one names a command that exists.
#
# Usage: install_test.sh NNLAB BUILD_ROOT
nnlab=$1
build=$2
fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if ! meson install -C "$build" --no-rebuild --destdir "$tmp/root" \
    --quiet >"$tmp/log" 2>&1; then
    echo "FAIL: meson install: $(tail -5 "$tmp/log")"
    exit 1
fi
bin=$(find "$tmp/root" -type f -name nnlab -path '*/bin/*' | head -n 1)
fetch=$(dirname "$bin")/nnlab-fetch-mnist
if [ -z "$bin" ] || [ ! -x "$fetch" ]; then
    echo "FAIL: nnlab-fetch-mnist is not installed beside nnlab ($bin):"
    find "$tmp/root" -type f
    exit 1
fi

# It runs from where it is installed: its help, its own name in usage.
if ! "$fetch" --help >"$tmp/out" 2>&1 || ! grep -q "MNIST" "$tmp/out"; then
    echo "FAIL: nnlab-fetch-mnist --help: $(cat "$tmp/out")"
    fail=1
fi
"$fetch" --no-such-option >"$tmp/out" 2>&1
st=$?
if [ $st -ne 2 ] || ! grep -q "usage: nnlab-fetch-mnist" "$tmp/out"; then
    echo "FAIL: nnlab-fetch-mnist --no-such-option: exit $st: $(cat "$tmp/out")"
    fail=1
fi
man=$(find "$tmp/root" -name nnlab.1 | head -n 1)
if ! grep -q 'nnlab\\-fetch\\-mnist' "$man"; then
    echo "FAIL: the manual page does not name nnlab-fetch-mnist"
    fail=1
fi

# No MNIST anywhere: the command named is one that exists and runs.
for prog in "$nnlab" "$bin"; do
    HOME=$tmp/home NNLAB_DATA= XDG_DATA_HOME= "$prog" --batch data \
        >/dev/null 2>"$tmp/err"
    cmd=$(sed -n 's/.*Fetch it once with: //p' "$tmp/err")
    if [ -z "$cmd" ]; then
        echo "FAIL: $prog: no fetch command in: $(cat "$tmp/err")"
        fail=1
    elif [ ! -x "$cmd" ] || ! "$cmd" --help >/dev/null 2>&1; then
        echo "FAIL: $prog names '$cmd', which does not run"
        fail=1
    fi
done
exit $fail
