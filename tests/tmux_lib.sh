# Shared by the tmux tests (sourced, after setting $nnlab): a private tmux
# server, the screen as text, and polling for text with a deadline instead
# of fixed sleeps. Skips the test (exit 77) when tmux is not installed.
#
# Deadlines are 10 s, multiplied by NNLAB_TEST_SLOWDOWN (scripts/sanitize
# sets it: instrumented code is several times slower).
command -v tmux >/dev/null 2>&1 || { echo "tmux not installed: skipped"; exit 77; }
case $nnlab in /*) ;; *) nnlab=$(pwd)/$nnlab ;; esac
: "${prompt:=nnlab-test\$}" # capture-pane drops the space after it
sock="nnlab-test-$$"
fail=0
tmux_ticks=$((100 * ${NNLAB_TEST_SLOWDOWN:-1})) # of 0.1 s
tmx() { tmux -L "$sock" -f /dev/null "$@"; }
sockpath=
cleanup() {
    tmx kill-server >/dev/null 2>&1
    # tmux leaves its socket file behind; do not litter the temp dir.
    [ -n "$sockpath" ] && rm -f "$sockpath"
}
trap cleanup EXIT INT TERM

screen() { tmx capture-pane -p -t t; }

# poll_for TEXT...: every TEXT on screen within the deadline; 1 if not
# (the last screen is in $s).
poll_for() {
    i=0
    while [ $i -lt $tmux_ticks ]; do
        s=$(screen)
        ok=1
        for t in "$@"; do
            case $s in *"$t"*) ;; *) ok=0 ;; esac
        done
        [ $ok -eq 1 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# wait_for DESCRIPTION TEXT...: every TEXT on screen within the deadline.
wait_for() {
    desc=$1
    shift
    poll_for "$@" && return 0
    echo "FAIL: $desc: screen lacks one of: $*"
    echo "---- screen ----"
    printf '%s\n' "$s"
    echo "----------------"
    fail=1
    return 1
}

# wait_gone DESCRIPTION TEXT: TEXT leaves the screen within the deadline.
wait_gone() {
    i=0
    while [ $i -lt $tmux_ticks ]; do
        case $(screen) in *"$2"*) ;; *) return 0 ;; esac
        sleep 0.1
        i=$((i + 1))
    done
    echo "FAIL: $1: '$2' still on screen"
    screen
    fail=1
    return 1
}

# expect_shell DESCRIPTION STATUS: the shell prompt is back, $? is STATUS,
# the alternate screen and mouse reporting are off, the scrolling region
# is the whole pane; then the pane is cleared for the next check.
expect_shell() {
    shell_desc=$1 shell_status=$2
    wait_for "$shell_desc: prompt back" "$prompt" || return
    tmx send-keys -t t "echo status=\$?" Enter
    wait_for "$shell_desc: exit status" "status=$shell_status"
    flags=$(tmx display -p -t t '#{alternate_on} #{mouse_any_flag}')
    if [ "$flags" != "0 0" ]; then
        echo "FAIL: $shell_desc: alternate screen / mouse mode left on ($flags)"
        fail=1
    fi
    # The scrolling region is the whole pane (else the shell's lines stop
    # scrolling at its bottom and overwrite each other).
    region=$(tmx display -p -t t \
        '#{scroll_region_upper} #{scroll_region_lower} #{pane_height}')
    set -- $region
    if [ "$1" != 0 ] || [ "$2" != $(($3 - 1)) ]; then
        echo "FAIL: $shell_desc: scrolling region left at rows $1-$2 of $3"
        fail=1
    fi
    tmx send-keys -t t clear Enter
    wait_gone "$shell_desc: clear" "status=$shell_status"
}
