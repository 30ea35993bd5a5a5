#!/bin/sh
# Training that diverges on the training screen, in a real terminal: 'M'
# opens it, Up doubles the learning rate until training diverges; the
# screen then shows the session's explanation (the loss, the learning
# rate that was too large, a usual one), and the interface keeps working:
# the help opens and closes, q goes back to the menu, q quits with status
# 0 and the terminal restored.
#
# Usage: tmux_diverge.sh NNLAB
# Exit 77 (skipped) when tmux or MNIST is not installed.
nnlab=$1
. "$(dirname "$0")/../tmux_lib.sh"

if ! "$nnlab" --batch data >/dev/null 2>&1; then
    echo "MNIST is not installed: skipped"
    exit 77
fi

# The screen as one line, runs of spaces squeezed: the explanation is
# word-wrapped over several rows.
flat() { screen | tr '\n' ' ' | tr -s ' '; }

# poll_flat TEXT...: every TEXT in the flattened screen within TICKS
# tenths of a second (default: the deadline); 1 if not.
poll_flat() {
    ticks=$1
    shift
    i=0
    while [ $i -lt "$ticks" ]; do
        f=$(flat)
        ok=1
        for t in "$@"; do
            case $f in *"$t"*) ;; *) ok=0 ;; esac
        done
        [ $ok -eq 1 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

tmx new-session -d -s t -x 100 -y 30 \
    "env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

tmx send-keys -t t "'$nnlab'" Enter
wait_for "menu" "Lessons"
tmx send-keys -t t M
wait_for "training screen" "MNIST 784-50-10 sigmoid-adam" \
    "training: iteration" "learning rate 0.001" || exit 1

# Up doubles the rate (0.001, 0.002, ... up to 0.001 * 2^30 ~ 1e6, the
# largest allowed), pressed in bursts of five as when the key is held,
# with 2 s after each burst for training to diverge. (Raised slowly,
# one press every second or two, the rate can reach 1e5 without the
# loss ever rising: the sigmoid units saturate first.)
ups=0
while [ $ups -lt 30 ]; do
    for _ in 1 2 3 4 5; do
        tmx send-keys -t t Up
        ups=$((ups + 1))
    done
    poll_flat 20 "Training diverged" && break
done
if ! poll_flat "$tmux_ticks" "Training diverged at epoch"; then
    echo "FAIL: no divergence after $ups presses of Up:"
    screen
    exit 1
fi
echo "diverged after $ups presses of Up"
# The session's explanation: what happened and the rate at fault.
f=$(flat)
case $f in
*"Training diverged at epoch "*", iteration "*": "*"The learning rate "*" is too large for"*) ;;
*) echo "FAIL: the explanation is not on screen:"; screen; fail=1 ;;
esac
case $f in
*"the loss became"* | *"the average loss rose to"* | \
    *"a weight became infinite or NaN"*) ;;
*) echo "FAIL: the explanation does not say what diverged:"; screen; fail=1 ;;
esac
# Its advice (the rate to try) comes last: the whole explanation must fit.
case $f in
*"Try a learning rate 10 to 100 times smaller (0.001 is usual for adam)."*) ;;
*) echo "FAIL: the explanation's advice is cut off on screen:"; screen
    fail=1 ;;
esac
# The rate it names is one the presses set: 0.001 * 2^k for k <= $ups
# (training may have diverged just before the last press took effect).
lr=$(printf '%s\n' "$f" | sed -n 's/.*The learning rate \([0-9.e+]*\) is too large.*/\1/p')
if ! awk -v lr="$lr" -v n="$ups" 'BEGIN {
        for (k = 0; k <= n; k++) {
            want = sprintf("%g", 0.001 * 2 ^ k)
            if (lr == want) exit 0
        }
        exit 1
    }'; then
    echo "FAIL: the explanation names learning rate '$lr', not one of 0.001 * 2^k, k <= $ups"
    fail=1
fi

# Still answering keys: the help, back to the menu, quit.
tmx send-keys -t t '?'
wait_for "help over the diverged screen" "Keys"
tmx send-keys -t t '?'
wait_gone "help closed" "Esc, q or ? closes this help"
poll_flat "$tmux_ticks" "Training diverged at epoch" ||
    { echo "FAIL: the explanation is gone after the help"; screen; fail=1; }
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
expect_shell "quit after divergence" 0
exit $fail
