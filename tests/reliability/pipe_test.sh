#!/bin/sh
# Batch output that cannot be delivered. A reader that went away (a broken
# pipe, `nnlab --batch backprop | head -1`) ends nnlab quietly: killed by
# SIGPIPE at the first write like any filter, no message, even when the
# parent ignores SIGPIPE. Output that cannot be written for another reason
# (stdout closed, disk full) exits 1 with the reason.
# Usage: pipe_test.sh NNLAB FIXTURE_LESSON
nnlab=$1
lesson=$2
fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sigpipe=141 # 128 + SIGPIPE (13)

# Commands whose whole output goes to stdout.
set -- "--batch backprop" "--batch backprop --format csv" \
    "--batch gates" "--batch forward" "--batch descent --format csv" \
    "--batch lesson gates" "--batch --lesson $lesson" \
    "--help"

# broken CMD...: run with stdout on a pipe whose reader is already gone.
# A FIFO opened read-write, then write-only, then the read side closed,
# gives that deterministically (no race with a reader that exits).
broken() {
    rm -f "$tmp/fifo"
    mkfifo "$tmp/fifo" || exit 1
    exec 3<>"$tmp/fifo" 4>"$tmp/fifo" 3<&-
    "$@" >&4 2>"$tmp/err" </dev/null
    st=$?
    exec 4>&-
    return $st
}

quiet_sigpipe() { # description, status, stderr file
    if [ "$2" -ne $sigpipe ]; then
        echo "FAIL: $1: exit $2, expected $sigpipe (SIGPIPE)"
        fail=1
    fi
    if [ -s "$3" ]; then
        echo "FAIL: $1: wrote to stderr: $(cat "$3")"
        fail=1
    fi
}

for cmd in "$@"; do
    # shellcheck disable=SC2086
    broken "$nnlab" $cmd
    quiet_sigpipe "broken pipe: $cmd" $? "$tmp/err"
    # The parent ignores SIGPIPE (some job runners do): still ends at the
    # first write, still quiet.
    # shellcheck disable=SC2086
    broken sh -c 'trap "" PIPE; exec "$@"' sh "$nnlab" $cmd
    quiet_sigpipe "broken pipe, SIGPIPE ignored: $cmd" $? "$tmp/err"

    # The everyday case: head takes one line and leaves.
    # shellcheck disable=SC2086
    first=$({ "$nnlab" $cmd 2>"$tmp/err" </dev/null; echo $? >"$tmp/st"; } |
        head -n 1)
    st=$(cat "$tmp/st")
    if [ "$st" -ne 0 ] && [ "$st" -ne $sigpipe ]; then
        echo "FAIL: | head -1: $cmd: exit $st"
        fail=1
    fi
    [ -s "$tmp/err" ] && { echo "FAIL: | head -1: $cmd: $(cat "$tmp/err")"; fail=1; }
    [ -n "$first" ] || { echo "FAIL: | head -1: $cmd: no first line"; fail=1; }

    # stdout closed: exit 1 naming the reason.
    # shellcheck disable=SC2086
    "$nnlab" $cmd >&- 2>"$tmp/err" </dev/null
    st=$?
    if [ "$st" -ne 1 ] || ! grep -q "cannot write the output: .*descriptor" "$tmp/err"; then
        echo "FAIL: stdout closed: $cmd: exit $st, stderr: $(cat "$tmp/err")"
        fail=1
    fi

    # Disk full.
    if [ -w /dev/full ]; then
        # shellcheck disable=SC2086
        "$nnlab" $cmd >/dev/full 2>"$tmp/err" </dev/null
        st=$?
        if [ "$st" -ne 1 ] ||
            ! grep -q "cannot write the output: No space left" "$tmp/err"; then
            echo "FAIL: disk full: $cmd: exit $st, stderr: $(cat "$tmp/err")"
            fail=1
        fi
    fi
done
[ $fail -eq 0 ] && echo "ok: $# commands into broken pipes, head, closed stdout, full disk"
exit $fail
