#!/bin/sh
# The manual page documents every global option that --help lists, and is
# valid man markup (when groff is installed).
# Usage: man_test.sh NNLAB MANPAGE
nnlab=$1
man=$2
fail=0
# The global options: the "Options:" paragraph of --help.
opts=$("$nnlab" --help | sed -n '/^Options:/,/^$/p' |
    grep -o -- '--[a-z][a-z-]*' | sort -u)
[ -n "$opts" ] || { echo "FAIL: no options found in --help"; exit 1; }
for opt in $opts; do
    # In man source a dash is written \-.
    esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    if ! grep -q -- "$esc" "$man"; then
        echo "FAIL: $opt (from --help) is not in the man page"
        fail=1
    fi
done
for word in NO_COLOR LC_MESSAGES TERM PageDown Esc; do
    grep -q "$word" "$man" || { echo "FAIL: man page lacks $word"; fail=1; }
done
if command -v groff >/dev/null 2>&1; then
    warnings=$(groff -man -ww -z "$man" 2>&1)
    if [ -n "$warnings" ]; then
        echo "FAIL: groff warnings: $warnings"
        fail=1
    fi
fi
exit $fail
