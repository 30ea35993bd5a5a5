#!/bin/sh
# The activation explorer in a real terminal (tmux, 80x24, UTF-8): opened
# with w from a step with a plot, the cursor moved, the function changed,
# leaky ReLU's slope raised, the derivative hidden, a logit raised on the
# softmax step, then back to the lesson and out to the shell. Every check
# polls for the expected text with a deadline (no fixed sleeps).
# Usage: tmux_activations.sh NNLAB FIXTURE_LESSON
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
fixture=$2
. "$(dirname "$0")/../tmux_lib.sh"

case $fixture in /*) ;; *) fixture=$(pwd)/$fixture ;; esac

tmx new-session -d -s t -x 80 -y 24 \
    "env -u LC_ALL -u LC_MESSAGES -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

tmx send-keys -t t "'$nnlab' --lang en --lesson '$fixture'" Enter
wait_for "lesson" "The sigmoid and its slope" "w: try it"
tmx send-keys -t t w
wait_for "explorer opens like the plot" "[sigmoid]" \
    "x = 0   f(x) = 0.5   f'(x) = 0.25" "sigmoid'" "d derivative"
# Five steps of 0.1 right: sigmoid(0.5) = 0.622459, slope 0.235004.
tmx send-keys -t t Right Right Right Right Right
wait_for "cursor moved" "x = 0.5   f(x) = 0.622459   f'(x) = 0.235004"
tmx send-keys -t t Down Down Down
wait_for "leaky ReLU" "[leaky_relu]" "slope a = 0.10"
tmx send-keys -t t ']' ']' ']'
wait_for "slope raised" "slope a = 0.13" "leaky_relu (a = 0.13)"
tmx send-keys -t t Left Left Left Left Left Left Left Left Left Left
wait_for "negative side" "x = -0.5   f(x) = -0.065   f'(x) = 0.13"
tmx send-keys -t t d
wait_gone "derivative hidden" "leaky_relu' (a"
tmx send-keys -t t q
wait_for "back to the step" "The sigmoid and its slope" "Step 1/2"
tmx send-keys -t t Right w
wait_for "softmax explorer" "[softmax]" "0.659" "0.242" "0.099"
# The first logit 2.0 -> 3.0: e^3 / (e^3 + e + e^0.1) = 0.840.
tmx send-keys -t t Right Right Right Right Right Right Right Right Right Right
wait_for "logit raised" "z1 =  3.00" "0.840" "sum of the probabilities = 1.000"
tmx send-keys -t t q
wait_for "back to the lesson" "Three logits" "Step 2/2"
tmx send-keys -t t q q
wait_for "shell again" "$prompt"
flags=$(tmx display -p -t t '#{alternate_on} #{mouse_any_flag}')
if [ "$flags" != "0 0" ]; then
    echo "FAIL: alternate screen / mouse mode left on ($flags)"
    fail=1
fi
exit $fail
