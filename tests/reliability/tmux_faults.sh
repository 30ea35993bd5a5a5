#!/bin/sh
# Terminal faults in a real terminal (tmux), beyond what tests/tui covers:
# resize storms, a terminal shrunk to 10x5 (and 1x1) and back at each
# screen (the training screen among them, training, when MNIST is
# installed), SIGINT/SIGTERM/SIGHUP at each screen (the terminal is restored
# and nnlab dies of the signal), TERM unset, unknown or without colours,
# a size at start that is not the terminal's (the scrolling region is the
# whole screen again, for nnlab and for the shell after it), locales that
# are not UTF-8 (ASCII only on screen, English instead of Korean: no
# mojibake), Ctrl-Z and fg. After each run the shell must work: $? as expected, the
# alternate screen, mouse reporting and scrolling region as before.
#
# Usage: tmux_faults.sh NNLAB FIXTURE_LESSON
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
fixture=$2
. "$(dirname "$0")/../tmux_lib.sh"
prompt='faults$'


# Esc, then q twice, once a second until nnlab has gone (an input line or
# an overlay, a screen, a lesson, the menu: a few levels), within the
# deadline (a loaded machine is slow). The keys are 0.2 s apart so that Esc
# and q are not read together as Alt-q, and close enough that the demo tour
# (2 s a step here) cannot leave the menu between the last two q.
quit_all() {
    n=0
    while [ -n "$(nnlab_pid)" ] && [ $n -lt $tmux_ticks ]; do
        case $((n % 10)) in
        0) tmx send-keys -t t Escape ;;
        2 | 4) tmx send-keys -t t q ;;
        esac
        sleep 0.1
        n=$((n + 1))
    done
}

size() { tmx resize-window -t t -x "$1" -y "$2"; }

# nnlab's process id (a child of the pane's shell).
nnlab_pid() {
    shell=$(tmx display -p -t t '#{pane_pid}')
    pgrep -P "$shell" nnlab
}

# Only printable ASCII on screen.
ascii_only() { # description
    if screen | LC_ALL=C grep -q '[^ -~]'; then
        echo "FAIL: $1: non-ASCII bytes on screen:"
        screen | LC_ALL=C grep '[^ -~]'
        fail=1
    fi
}

tmx new-session -d -s t -x 100 -y 30 \
    "env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

# Each screen: how to reach it from the start of `nnlab --lesson FIXTURE`
# (keys), and text that shows it is there.
screens="lesson help menu demo"
# and the training screen, training while the storms and signals come
if "$nnlab" --batch data >/dev/null 2>&1; then
    screens="$screens train"
else
    echo "MNIST is not installed: the training screen is left out"
fi
open_screen() { # screen
    case $1 in
    train)
        tmx send-keys -t t "'$nnlab'" Enter
        wait_for "open menu for training" "Lessons" &&
            tmx send-keys -t t M && wait_for "open training" "iteration" ;;
    lesson)
        tmx send-keys -t t "'$nnlab' --lesson '$fixture'" Enter
        wait_for "open lesson" "Alpha prose" ;;
    help)
        tmx send-keys -t t "'$nnlab' --lesson '$fixture'" Enter
        wait_for "open lesson for help" "Alpha prose" &&
            tmx send-keys -t t '?' && wait_for "open help" "Keys" ;;
    menu)
        tmx send-keys -t t "'$nnlab'" Enter
        wait_for "open menu" "Lessons" ;;
    demo)
        tmx send-keys -t t "'$nnlab' --demo 2 --lesson '$fixture'" Enter
        # The tour's second step, on screen from 2 s to 4 s after the start
        # (a window a loaded machine does not miss).
        wait_for "open demo" "Bravo prose" ;;
    esac
}
shown() { # screen: text that is on it
    case $1 in
    lesson) echo "Alpha prose" ;;
    help) echo "Keys" ;;
    menu) echo "Lessons" ;;
    train) echo "iteration" ;;
    demo) echo "" ;; # the tour moves on: any screen but "too small"
    esac
}

# Shrink to 10x5 and 1x1 and back, then a storm of 60 resizes, at each
# screen: the screen comes back whole and still takes keys.
for scr in $screens; do
    open_screen "$scr" || continue
    size 10 5
    # The whole message fits in 10 columns, no word cut.
    wait_for "$scr at 10x5" "too small" "now 10x5" "need 80x24"
    size 1 1
    sleep 0.3
    size 100 30
    wait_for "$scr back from 10x5" "$(shown "$scr")"
    i=0
    while [ $i -lt 60 ]; do
        size $((5 + i * 37 % 140)) $((2 + i * 11 % 50))
        i=$((i + 1))
    done
    size 100 30
    wait_for "$scr after a resize storm" "$(shown "$scr")"
    sleep 0.5
    case $(screen) in
    *"too small"*) echo "FAIL: $scr: still 'too small' at 100x30"; fail=1 ;;
    esac
    # Still alive and listening: the keys that leave this screen.
    quit_all
    expect_shell "$scr: quit after resizes" 0
done

# Signals at each screen, also while the screen is too small: nnlab
# restores the terminal, then dies of the signal (128 + its number).
for scr in $screens small; do
    for sig in INT TERM HUP; do
        if [ "$scr" = small ]; then
            open_screen lesson && size 30 8 && wait_for "small" "now 30x8"
        else
            open_screen "$scr"
        fi
        pid=$(nnlab_pid)
        if [ -z "$pid" ]; then
            echo "FAIL: $scr SIG$sig: no nnlab process"
            fail=1
            size 100 30
            continue
        fi
        kill -"$sig" "$pid"
        case $sig in INT) st=130 ;; TERM) st=143 ;; HUP) st=129 ;; esac
        size 100 30
        expect_shell "$scr: SIG$sig" "$st"
    done
done

# TERM unset or unknown to terminfo: a message naming it, status 1.
tmx send-keys -t t "env -u TERM '$nnlab' 2>&1" Enter
wait_for "TERM unset: message" "TERM is not set" "use --batch"
expect_shell "TERM unset" 1
tmx send-keys -t t "TERM=xterm-nonexistent-model '$nnlab' 2>&1" Enter
wait_for "TERM unknown: message" "TERM=xterm-nonexistent-model"
expect_shell "TERM unknown" 1

# A terminal without colours (vt100): the lesson shows, no colour codes.
tmx send-keys -t t "TERM=vt100 '$nnlab' --lesson '$fixture'" Enter
wait_for "vt100" "Alpha prose"
case $(tmx capture-pane -p -e -t t) in
*"[38;5;"* | *"[3"[0-7]"m"*) echo "FAIL: vt100: colour on screen"; fail=1 ;;
esac
quit_all
expect_shell "vt100" 0

# A size at start that is not the terminal's: a window resized just as
# nnlab starts, so that the emulator has its new size while the tty still
# reports the old one until SIGWINCH (tmux applies a pane's resize late,
# and the earlier cases here made that happen now and then). The tty is
# set to 30x8 behind tmux's back, then back to the pane's 100x30: nnlab
# must not keep the 8-line scrolling region it set at start, neither on
# its screen (the status line at the bottom) nor for the shell after it.
ptty=$(tmx display -p -t t '#{pane_tty}')
# vt100 has no alternate screen; $TERM in the pane (tmux's) has one.
for term in vt100 '$TERM'; do
    tmx send-keys -t t "stty rows 8 cols 30; TERM=$term '$nnlab' --lesson '$fixture'" Enter
    wait_for "$term: started at 30x8" "now 30x8"
    stty -F "$ptty" rows 30 cols 100
    wait_for "$term: lesson after SIGWINCH" "Alpha prose"
    last=$(screen | tail -n 1)
    case $last in
    *"Step 1/3"*) ;;
    *) echo "FAIL: $term: status line not at the bottom after SIGWINCH:"
       screen; fail=1 ;;
    esac
    quit_all
    expect_shell "$term: started at a stale size" 0
done

# Ctrl-Z and fg: while nnlab is stopped the shell has a plain terminal
# (no alternate screen, no mouse reporting); after fg nnlab's screen is
# back, and so is its drag reporting (1002, button-event tracking), which
# ncurses does not know of.
tmx send-keys -t t "'$nnlab'" Enter
wait_for "before Ctrl-Z" "Lessons"
tmx send-keys -t t C-z
wait_for "Ctrl-Z: the shell" "Stopped"
flags=$(tmx display -p -t t '#{alternate_on} #{mouse_any_flag}')
if [ "$flags" != "0 0" ]; then
    echo "FAIL: Ctrl-Z: alternate screen / mouse mode on in the shell ($flags)"
    fail=1
fi
tmx send-keys -t t fg Enter
wait_for "fg: the menu again" "Lessons"
i=0
while [ "$(tmx display -p -t t '#{mouse_button_flag}')" != 1 ] &&
    [ $i -lt $tmux_ticks ]; do
    sleep 0.1
    i=$((i + 1))
done
if [ "$(tmx display -p -t t '#{mouse_button_flag}')" != 1 ]; then
    echo "FAIL: fg: drag reporting (1002) not back on"
    fail=1
fi
quit_all
expect_shell "after Ctrl-Z and fg" 0

# Locales that are not UTF-8 (POSIX, and one not installed, which falls
# back to C): ASCII drawing only, and Korean lesson text does not reach
# the terminal as raw bytes.
for loc in "LC_ALL=POSIX" "LANG=en_US.ISO-8859-1" "LC_ALL=C LANG=C.UTF-8"; do
    tmx send-keys -t t "$loc '$nnlab' --lesson '$fixture'" Enter
    wait_for "$loc: lesson" "Alpha prose"
    tmx send-keys -t t Right
    wait_for "$loc: table" "Bravo prose"
    ascii_only "$loc: lesson"
    tmx send-keys -t t q
    wait_for "$loc: menu" "Lessons"
    ascii_only "$loc: menu"
    tmx send-keys -t t q
    expect_shell "$loc" 0
done
# Korean asked for (--lang ko, or by LANG) where the codeset cannot show
# Hangul: English lessons and interface, the title bar says why, the
# language key L keeps English, and a line on stderr (left in the
# terminal after nnlab) says how to get Korean.
for how in "LC_ALL=POSIX '$nnlab' --lang ko backprop" \
    "LANG=ko_KR.EUC-KR '$nnlab' backprop"; do
    tmx send-keys -t t "$how" Enter
    wait_for "$how: English instead" "nnlab : Backpropagation by hand" \
        "English: Korean needs a UTF-8 locale" "Left/Right" "Up/Down"
    ascii_only "$how"
    tmx send-keys -t t L
    sleep 0.5
    wait_for "$how: L keeps English" "nnlab : Backpropagation by hand" \
        "English: Korean needs a UTF-8 locale"
    quit_all
    wait_for "$how: the notice after exit" "nnlab: English shown: Korean \
needs a UTF-8 locale (LC_ALL=ko_KR.UTF-8, or C.UTF-8 with --lang ko)"
    expect_shell "$how" 0
done
# In a UTF-8 locale the same command line is in Korean.
tmx send-keys -t t "LC_ALL=C.UTF-8 '$nnlab' --lang ko backprop" Enter
wait_for "Korean in C.UTF-8" "한국어"
quit_all
expect_shell "Korean in C.UTF-8" 0

exit $fail
