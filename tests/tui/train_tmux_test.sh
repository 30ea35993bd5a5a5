#!/bin/sh
# The training screen in a real terminal: 'M' opens it and training runs
# while keys are answered; Space pauses, Space again trains exactly one
# mini-batch, Up doubles the learning rate, End resumes, Tab opens the
# look inside on the training network (training goes on) and Tab comes
# back, i and Esc the same, Left switches to the next preset, q goes back to
# the menu and q quits with status 0.
# Without MNIST the screen says how to fetch it.
#
# Usage: train_tmux_test.sh NNLAB
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux not installed: skipped"
    exit 77
fi
. "$(dirname "$0")/../tmux_lib.sh"

# The iteration number of the state line ("paused: iteration N, ...").
iteration() {
    screen | sed -n 's/.*paused: iteration \([0-9]*\),.*/\1/p'
}

tmx new-session -d -s t -x 100 -y 30 \
    "env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

# No data anywhere: the screen names the command that fetches it.
tmx send-keys -t t "HOME=/nonexistent NNLAB_DATA= XDG_DATA_HOME= '$nnlab'" \
    Enter
wait_for "menu" "Lessons"
tmx send-keys -t t M
wait_for "no data" "fetch-mnist"
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
wait_for "quit" "$prompt"

if ! "$nnlab" --batch data >/dev/null 2>&1; then
    echo "MNIST is not installed: the training screen is not run"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi
tmx send-keys -t t clear Enter "'$nnlab'" Enter
wait_for "menu" "Lessons"
tmx send-keys -t t M
wait_for "training screen" "MNIST 784-50-10 sigmoid-adam" "/s  ETA" \
    "training: iteration"
tmx send-keys -t t Space
wait_for "paused" "paused: iteration"
n1=$(iteration)
tmx send-keys -t t Space
i=0
while [ $i -lt 50 ] && [ "$(iteration)" = "$n1" ]; do
    sleep 0.1
    i=$((i + 1))
done
n2=$(iteration)
if [ -z "$n1" ] || [ "$n2" != $((n1 + 1)) ]; then
    echo "FAIL: one step: iteration $n1 became $n2"
    fail=1
fi
tmx send-keys -t t Up
wait_for "learning rate doubled" "learning rate 0.002"
tmx send-keys -t t End
wait_for "running again" "training: iteration"
tmx send-keys -t t Tab
wait_for "look inside" "answers  mistakes" "at iteration"
# opened from the training screen: no lesson's title in the header
case $(screen | head -1) in
*" : "*) echo "FAIL: look inside from training: a lesson title above it"
    fail=1 ;;
esac
tmx send-keys -t t Tab
wait_for "curves again" "moving average"
tmx send-keys -t t i
wait_for "look inside with i" "answers  mistakes"
tmx send-keys -t t Escape
wait_for "curves after Esc" "moving average"
tmx send-keys -t t Left
wait_for "next preset" "MNIST 784-512-10 relu-rmsprop" "training: iteration"
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
wait_for "quit" "$prompt"
tmx send-keys -t t "echo status=\$?" Enter
wait_for "exit status" "status=0"
exit $fail
