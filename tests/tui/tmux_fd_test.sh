#!/bin/sh
# The forward-pass and descent screens in a real terminal: tmux runs nnlab
# on the shipped lessons at 80x24; the test opens each screen from its
# lesson step with w, changes something (a batch size typed, a layer
# widened and added; a path stepped, the learning rate changed, the
# optimizer race stepped and run), checks the numbers that follow, and
# quits back to the shell. Every check polls for the expected text with a
# deadline (no fixed sleeps).
#
# Usage: tmux_fd_test.sh NNLAB
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
. "$(dirname "$0")/../tmux_lib.sh"

tmx new-session -d -s t -x 80 -y 24 \
    "env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

tmx send-keys -t t "'$nnlab' --lang en forward" Enter
wait_for "forward lesson opens" "Forward pass in matrices" "Step 1/"
# Step 5 shows the 4-8-8-3 shapes; the status line offers w.
for _ in 1 2 3 4; do tmx send-keys -t t Right; done
wait_for "shapes step" "Step 5/" "w: try it" "W1(4x8)"
tmx send-keys -t t w
wait_for "forward screen" "inputs [4]" "layer 1 [8]" \
    "Network 4-8-8-3, a mini-batch of m = 4:" "parameters: 139"
# The batch (three fields down) typed as 100: only m changes.
tmx send-keys -t t Down Down Down 1 0 0 Enter
wait_for "batch typed" "batch m [100]" "X(100x4) * W1(4x8)" \
    "Y3(100x3)" "parameters: 139"
# Layer 1 one wider: 4*9 + 9 + 9*8 + 8 + 8*3 + 3 = 152 parameters.
tmx send-keys -t t Up Up Up Right
wait_for "layer widened" "layer 1 [9]" "W1(4x9)" "W2(9x8)" "parameters: 152"
# A hidden layer after it, as wide: + 9*9 + 9 = 242.
tmx send-keys -t t a
wait_for "layer added" "Network 4-9-9-8-3" "W2(9x9)" "parameters: 242"
tmx send-keys -t t q
wait_for "back to the lesson" "Step 5/" "w: try it"
tmx send-keys -t t q
wait_for "menu" "Lessons"

# Lesson 5; step 8 draws three learning rates on the bowl.
tmx send-keys -t t 5
wait_for "descent lesson opens" "Gradient descent" "Step 1/"
for _ in 1 2 3 4 5 6 7; do tmx send-keys -t t Right; done
wait_for "rates step" "Step 8/" "w: try it"
tmx send-keys -t t w
wait_for "descent screen" "sgd, lr = 0.1 (good)" "Step 0/100" "(-3, 4)"
# Three steps of 0.8 each: (-3, 4) * 0.512.
tmx send-keys -t t Space Space Space
wait_for "three steps" "Step 3/100" "(-1.536, 2.048)"
# The small rate, same steps: (-3, 4) * 0.998^3.
tmx send-keys -t t Left
wait_for "small rate" "lr = 0.001 (too small)" "Step 3/100" \
    "(-2.98204, 3.97605)"
tmx send-keys -t t r
wait_for "run to the end" "Step 100/100" "(-2.4557, 3.27427)"
# The race: sgd's first step on x^2/20 + y^2 from (-7, 2) at 0.95.
tmx send-keys -t t Tab
wait_for "race" "five optimizers" "Step 0/30" "adam, lr = 0.3"
tmx send-keys -t t Space
wait_for "race step" "Step 1/30" "(-6.335, -1.8)" "(-6.93, 1.6)"
tmx send-keys -t t r
wait_for "race run" "Step 30/30"
tmx send-keys -t t q
wait_for "back to the lesson" "Step 8/" "w: try it"
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
