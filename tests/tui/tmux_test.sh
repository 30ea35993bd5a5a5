#!/bin/sh
# The real program in a real terminal: tmux runs nnlab in a detached pane,
# keys go in with send-keys, the screen comes back with capture-pane. Every
# check polls for the expected text with a deadline (no fixed sleeps).
#
# Usage: tmux_test.sh NNLAB FIXTURE_LESSON
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
fixture=$2
. "$(dirname "$0")/../tmux_lib.sh"

case $fixture in /*) ;; *) fixture=$(pwd)/$fixture ;; esac


# A plain shell with a known prompt, UTF-8, tmux's own TERM.
tmx new-session -d -s t -x 100 -y 30 \
    "env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

# --lesson FILE opens the file; q shows it in the menu, 7 opens it again.
tmx send-keys -t t "'$nnlab' --lesson '$fixture'" Enter
wait_for "--lesson opens the file" "Alpha prose" "Step 1/3"
if [ "$(tmx display -p -t t '#{alternate_on} #{mouse_any_flag}')" != "1 1" ]; then
    echo "FAIL: nnlab did not take the alternate screen and the mouse"
    fail=1
fi
tmx send-keys -t t q
wait_for "menu" "Lessons" "7  Fixture lesson for the screen tests" "? help" \
    "gates" "activations" "forward" "backprop" "descent" "mnist"
# The shipped lessons all load.
case $(screen) in
*"(not available)"*)
    echo "FAIL: a shipped lesson does not load:"
    screen
    fail=1
    ;;
esac
tmx send-keys -t t Up
wait_for "menu moves up" "6/7"
tmx send-keys -t t j
wait_for "menu moves down" "7/7"
tmx send-keys -t t 7
wait_for "lesson opened" "Alpha prose" "Step 1/3"
tmx send-keys -t t Right
wait_for "next step" "Bravo prose" "AND" "Step 2/3"
wait_gone "next step hides the previous" "Alpha prose"
tmx send-keys -t t Space
wait_for "Space steps" "Charlie prose" "Step 3/3"
tmx send-keys -t t Left
wait_for "previous step" "Bravo prose" "Step 2/3"
tmx send-keys -t t h
wait_for "h steps back" "Alpha prose" "Step 1/3"
tmx send-keys -t t End
wait_for "End" "Charlie prose" "Step 3/3"
tmx send-keys -t t Home
wait_for "Home" "Alpha prose" "Step 1/3"
tmx send-keys -t t PageDown
wait_for "clicker PageDown" "Bravo prose" "Step 2/3"
tmx send-keys -t t PageUp
wait_for "clicker PageUp" "Alpha prose" "Step 1/3"

# Help overlay, closed with Esc.
tmx send-keys -t t '?'
wait_for "help" "Keys" "show or hide this help" "PgDn" "blank the screen"
tmx send-keys -t t Escape
wait_gone "Esc closes help" "show or hide this help"

# D: classroom mode on the spot (high-contrast theme, no key hints), and
# off again.
tmx send-keys -t t D
wait_gone "D: demo layout" "? help"
case $(tmx capture-pane -p -e -t t) in
*"[38;5;226m"*) ;; # the contrast theme's yellow title
*) echo "FAIL: D: no high-contrast theme"; fail=1 ;;
esac
tmx send-keys -t t Space # pause, so the step stays put
wait_for "D: paused" "paused"
tmx send-keys -t t D Home
wait_for "D again: normal layout" "? help" "Alpha prose" "Step 1/3"

# Blank screen (clicker 'b'), any key brings it back.
tmx send-keys -t t b
wait_gone "b blanks" "Alpha prose"
tmx send-keys -t t x
wait_for "screen back" "Alpha prose"

# Resize below 80x24 and back.
tmx resize-window -t t -x 60 -y 20
wait_for "too small" "Terminal too small (need 80x24)" "now 60x20"
tmx resize-window -t t -x 100 -y 30
wait_for "enlarged again" "Alpha prose" "Step 1/3"
wait_gone "too small message gone" "too small"

# Korean interface.
tmx send-keys -t t L
wait_for "Korean" "한국어" "1/3 단계"
tmx send-keys -t t q
wait_for "back to the menu in Korean" "단원" "Enter 열기"
case $(screen) in
*"(열 수 없음)"*)
    echo "FAIL: a shipped Korean lesson does not load:"
    screen
    fail=1
    ;;
esac

# A mouse click (X10 encoding: button, column, row, each + 32, 1-based)
# on item 7 opens it.
row=$(screen | grep -n "Fixture lesson for the screen tests" | cut -d: -f1)
if [ -n "$row" ]; then
    tmx send-keys -t t -H 1b 5b 4d 20 "$(printf '%x' $((10 + 32)))" \
        "$(printf '%x' $((row + 32)))"
    wait_for "click opens the lesson" "Alpha prose"
    tmx send-keys -t t q
    wait_for "menu again" "단원"
else
    echo "FAIL: item 7 not in the menu"
    fail=1
fi

# Quit: the shell is back as it was.
tmx send-keys -t t q
expect_shell "q" 0

# Signals restore the terminal too.
tmx send-keys -t t "'$nnlab'" Enter
wait_for "menu for SIGINT" "Lessons"
tmx send-keys -t t C-c
expect_shell "Ctrl-C" 130
for sig in TERM HUP; do
    tmx send-keys -t t "'$nnlab'" Enter
    wait_for "menu for SIG$sig" "Lessons"
    shell=$(tmx display -p -t t '#{pane_pid}')
    pid=$(pgrep -P "$shell" nnlab)
    if [ -z "$pid" ]; then
        echo "FAIL: cannot find nnlab's process for SIG$sig"
        fail=1
        continue
    fi
    kill -"$sig" "$pid"
    status=143
    [ "$sig" = HUP ] && status=129
    expect_shell "SIG$sig" "$status"
done

# Demo mode: the lesson advances by itself, Space pauses.
tmx send-keys -t t "'$nnlab' --demo 0.5 --lesson '$fixture'" Enter
wait_for "demo advances" "Bravo prose"
tmx send-keys -t t Space
wait_for "demo paused" "paused"
tmx send-keys -t t q q
expect_shell "demo quit" 0

# Colour: on by default (tmux's TERM has 256 colours), off with NO_COLOR,
# on again with --color=always, off with --color=never. Colour shows in
# capture-pane -e as SGR 38;5;N.
color_check() { # description, expect (yes/no), command...
    desc=$1 want=$2
    shift 2
    tmx send-keys -t t "$*" Enter
    wait_for "$desc: screen" "Alpha prose"
    case $(tmx capture-pane -p -e -t t) in
    *"[38;5;"*) got=yes ;;
    *) got=no ;;
    esac
    if [ "$got" != "$want" ]; then
        echo "FAIL: $desc: colour $got, expected $want"
        fail=1
    fi
    tmx send-keys -t t q q
    expect_shell "$desc" 0
}
color_check "default colour" yes "'$nnlab' --lesson '$fixture'"
color_check "NO_COLOR" no "NO_COLOR=1 '$nnlab' --lesson '$fixture'"
color_check "NO_COLOR empty" yes "NO_COLOR= '$nnlab' --lesson '$fixture'"
color_check "--color=always" yes \
    "NO_COLOR=1 '$nnlab' --color=always --lesson '$fixture'"
color_check "--color=never" no "'$nnlab' --color=never --lesson '$fixture'"

# --ascii: nothing but ASCII on screen (menu, help, a table), and the
# same automatically in a locale that is not UTF-8.
ascii_check() { # description, command...
    desc=$1
    shift
    tmx send-keys -t t "$*" Enter
    wait_for "$desc: lesson" "Alpha prose"
    tmx send-keys -t t Right
    wait_for "$desc: table" "Bravo prose"
    tmx send-keys -t t '?'
    wait_for "$desc: help" "Keys"
    if screen | LC_ALL=C grep -q '[^ -~]'; then
        echo "FAIL: $desc: non-ASCII characters on screen:"
        screen | LC_ALL=C grep '[^ -~]'
        fail=1
    fi
    tmx send-keys -t t Escape q q
    expect_shell "$desc" 0
}
ascii_check "--ascii" "'$nnlab' --ascii --lesson '$fixture'"
ascii_check "C locale" "LANG=C '$nnlab' --lesson '$fixture'"

# 80x24 is big enough.
tmx resize-window -t t -x 80 -y 24
tmx send-keys -t t "'$nnlab' --lesson '$fixture'" Enter
wait_for "80x24" "Alpha prose" "Step 1/3"
tmx send-keys -t t q q
expect_shell "80x24" 0

# The interactive backprop walkthrough, from the shipped lesson at
# 80x24: w on the error step opens it with the lesson's lines shown, Right
# reveals the next line, editing W5 recomputes everything (z3 = 0.5 x h1 +
# 0.4 x h2 = 0.5 x 0.51998934 + 0.4 x 0.52747230 = 0.47098359), q goes
# back to the same step.
tmx send-keys -t t "'$nnlab' backprop" Enter
wait_for "backprop lesson" "Backpropagation by hand" "Step 1/15"
tmx send-keys -t t Right Right Right Right
wait_for "error step" "Step 5/15" "w: try it" "0.02397190"
tmx send-keys -t t w
wait_for "walkthrough opens" "Line 11/58" "[h1 0.51998934]" "no bias"
tmx send-keys -t t Right
wait_for "next line" "Line 12/58" "0.20944600"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do tmx send-keys -t t Down; done
wait_for "cursor on W5" "0.45 − 0.5×0.02592286 = 0.43703857"
tmx send-keys -t t e BSpace BSpace BSpace BSpace 0 . 5
wait_for "input line" "W5 = 0.5_"
tmx send-keys -t t Enter
wait_for "W5 edited" "W5 is now 0.5" "W5 0.5" "z3 0.47098359"
tmx send-keys -t t q
wait_for "back to the lesson step" "Step 5/15" "0.02397190"
tmx send-keys -t t q q
expect_shell "walkthrough" 0

# No usable terminal: a clear message pointing to --batch.
tmx send-keys -t t "TERM=dumb '$nnlab' 2>&1" Enter
wait_for "TERM=dumb" "use --batch"
tmx send-keys -t t "echo status=\$?" Enter
wait_for "TERM=dumb status" "status=1"

exit $fail
