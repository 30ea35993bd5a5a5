# Shared by the batch command tests (sourced, after setting $nnlab and
# $command): golden output and usage errors of `nnlab --batch $command`.
golden=$(dirname "$0")/golden
# English unless a case asks for --lang ko, whatever the caller's locale.
LC_ALL=C
LANG=C
export LC_ALL LANG
fail=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT

golden_case() { # file in golden/, options...
    file=$1
    shift
    "$nnlab" --batch "$command" "$@" >"$tmp" 2>&1 </dev/null
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "FAIL: $command $*: exit $status: $(cat "$tmp")"
        fail=1
    elif ! diff -u "$golden/$file" "$tmp"; then
        echo "FAIL: $command $*: output differs from golden/$file"
        fail=1
    fi
}

usage_case() { # needle, options...
    needle=$1
    shift
    out=$("$nnlab" --batch "$command" "$@" 2>&1 </dev/null)
    status=$?
    if [ "$status" -ne 2 ]; then
        echo "FAIL: $command $*: exit $status, expected 2; output: $out"
        fail=1
    fi
    case $out in
    *"$needle"*) ;;
    *) echo "FAIL: $command $*: message lacks '$needle': $out"; fail=1 ;;
    esac
}
