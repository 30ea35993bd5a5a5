#!/bin/sh
# The training screen's settings panel and model files in a real
# terminal: c opens the panel, typed hidden sizes 32,16 and r start a
# 784-32-16-10 network; s saves it under the offered name; --load opens
# the training screen with it; a bad --load is an error naming the file,
# before the terminal is taken, with status 1.
#
# Usage: train_settings_tmux_test.sh NNLAB
# Exit 77 (skipped) when tmux or MNIST is not installed.
nnlab=$1
. "$(dirname "$0")/../tmux_lib.sh"

if ! "$nnlab" --batch data >/dev/null 2>&1; then
    echo "MNIST is not installed: skipped"
    exit 77
fi
dir=$(mktemp -d)
trap 'cleanup; rm -rf "$dir"' EXIT INT TERM

tmx new-session -d -s t -x 100 -y 30 \
    "cd '$dir' && env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

tmx send-keys -t t "'$nnlab'" Enter
wait_for "menu" "Lessons"
tmx send-keys -t t M
wait_for "training screen" "MNIST 784-50-10 sigmoid-adam" "training: iteration"
tmx send-keys -t t c
wait_for "settings panel" "Settings for the next run: 784-50-10" \
    "hidden layers" "Start training"
tmx send-keys -t t Down Down 32,16 Enter
wait_for "hidden sizes set" "784-32-16-10, 25818 parameters" "preset           custom"
tmx send-keys -t t r
wait_for "new network trains" "MNIST 784-32-16-10 custom" "training: iteration"
tmx send-keys -t t s
wait_for "save prompt" "Save the network to: mnist-784-32-16-10.nnm"
tmx send-keys -t t Enter
wait_for "saved" "Saved the network to mnist-784-32-16-10.nnm"
[ -s "$dir/mnist-784-32-16-10.nnm" ] ||
    { echo "FAIL: no model file in the current directory"; fail=1; }
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
expect_shell "quit" 0

tmx send-keys -t t "'$nnlab' --load mnist-784-32-16-10.nnm" Enter
wait_for "loaded" "MNIST 784-32-16-10 loaded" \
    "Loaded mnist-784-32-16-10.nnm: 784-32-16-10 sigmoid f32, test accuracy"
tmx send-keys -t t End
wait_for "trains on from the loaded weights" "training: iteration"
tmx send-keys -t t q q
expect_shell "quit after --load" 0

tmx send-keys -t t "'$nnlab' --load nothing.nnm" Enter
wait_for "bad --load" "nnlab: --load: nothing.nnm: cannot open"
expect_shell "bad --load" 1
exit $fail
