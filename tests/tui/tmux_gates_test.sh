#!/bin/sh
# The gates screen in a real terminal: tmux runs nnlab on the shipped gates
# lesson at 80x24, the test opens the screen from the AND step with w,
# changes a weight with the arrow keys and by typing, steps the learning
# rule, lets the XOR MLP train by itself, and quits back to the shell. Every check polls for the expected
# text with a deadline (no fixed sleeps).
#
# Usage: tmux_gates_test.sh NNLAB
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
. "$(dirname "$0")/../tmux_lib.sh"

tmx new-session -d -s t -x 80 -y 24 \
    "env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

tmx send-keys -t t "'$nnlab' --lang en gates" Enter
wait_for "gates lesson opens" "Perceptron and logic gates" "Step 1/"
# The AND step with the seed weights is step 6; the status line offers w.
for _ in 1 2 3 4 5; do tmx send-keys -t t Right; done
wait_for "AND step" "Step 6/" "w: try it"
tmx send-keys -t t w
wait_for "gates screen" "[w1 = 0.5]" "target AND" "this is AND" "t target"
# w1 0.5 -> 0.6: row (1,1) sums to 0.6 + 0.5 - 0.7 = 0.4.
tmx send-keys -t t Right
wait_for "w1 nudged" "[w1 = 0.6]" "1  1 |  0.4 | 1" "this is AND"
# b typed as 0: (0,1) and (1,0) now fire, so the unit is OR.
tmx send-keys -t t Down Down 0 Enter
wait_for "b typed" "[b = 0.0]" "this is OR" "AND: 2 of 4 rows right,"
# One learning update towards AND at (0,0): s = 0, no change.
tmx send-keys -t t Space
wait_for "learning step" "epoch 1, input (0,0): s = 0.0" \
    "right: the weights stay"
# The XOR MLP: m shows it at step 0, Space lets it run to 100000 steps.
tmx send-keys -t t m
wait_for "MLP" "2-2-1 sigmoid MLP on XOR" "      0    0."
tmx send-keys -t t Space
wait_for "MLP trained by itself" " 100000    0." "as classes 0 1 1 0: XOR"
tmx send-keys -t t q
wait_for "back from the MLP" "w1 = 0.6" "[b = 0.0]"
tmx send-keys -t t q
wait_for "back to the lesson" "Step 6/" "w: try it"
tmx send-keys -t t q
wait_for "menu" "Lessons"
tmx send-keys -t t q
wait_for "prompt back" "$prompt"
tmx send-keys -t t "echo status=\$?" Enter
wait_for "exit status 0" "status=0"
flags=$(tmx display -p -t t '#{alternate_on} #{mouse_any_flag}')
if [ "$flags" != "0 0" ]; then
    echo "FAIL: alternate screen / mouse mode left on ($flags)"
    fail=1
fi
exit $fail
