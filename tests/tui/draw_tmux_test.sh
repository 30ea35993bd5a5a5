#!/bin/sh
# Drawing a digit in a real terminal: d opens the canvas, the keys paint
# a stroke (Space puts the pen down, the arrows move), the network reads
# it live, c clears, i shows the look inside, q goes back and q quits
# with status 0. Without MNIST the canvas still draws and the screen
# names the command that fetches the data.
#
# Usage: draw_tmux_test.sh NNLAB
# Exit 77 (skipped) when tmux is not installed.
nnlab=$1
. "$(dirname "$0")/../tmux_lib.sh"

# draw_stroke: pen down, 8 steps right then 12 down, pen up: a 7 (the
# cursor starts at (13, 13), the brush is 2 x 2 pixels).
draw_stroke() {
    tmx send-keys -t t Space
    for _ in 1 2 3 4 5 6 7 8; do tmx send-keys -t t Right; done
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do tmx send-keys -t t Down; done
    tmx send-keys -t t Space
}

# mouse CODE X Y: an X10 mouse report (ESC [ M, then 32 + the button
# code, 33 + the 0-based column and row), as a terminal sends it: code 0
# presses button 1, 32 moves with it held (a drag), 3 releases.
mouse() {
    tmx send-keys -t t -H 1b 5b 4d "$(printf '%x' $((32 + $1)))" \
        "$(printf '%x' $((33 + $2)))" "$(printf '%x' $((33 + $3)))"
}

tmx new-session -d -s t -x 80 -y 24 \
    "env -u LC_ALL -u NO_COLOR LANG=C.UTF-8 PS1='$prompt ' sh" ||
    { echo "cannot start tmux"; exit 1; }
sockpath=$(tmx display -p '#{socket_path}')
wait_for "shell started" "$prompt" || exit 1

# No data anywhere: the canvas draws, the screen names the fetch command.
tmx send-keys -t t "ESCDELAY=1000 HOME=/nonexistent NNLAB_DATA= XDG_DATA_HOME= '$nnlab'" \
    Enter
wait_for "menu" "Lessons"
tmx send-keys -t t d
wait_for "canvas without data" "fetch-mnist" "pen up"
draw_stroke
wait_for "stroke drawn" "(21, 25) pen up" "box 10x14"
# The mouse: press in cell (10, 8), drag along row 9 to column 16. Cells
# map to pixels (x - 3, 2 (y - 5)), the brush is 2 x 2: columns 7..14,
# rows 6..9, a box of 8 x 4.
tmx send-keys -t t c
mouse 0 10 8
for x in 11 12 13 14 15 16; do mouse 32 $x 9; done
mouse 3 16 9
wait_for "mouse drag drawn" "box 8x4" "(13,  8) pen up"
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
wait_for "quit" "$prompt"

if ! "$nnlab" --batch data >/dev/null 2>&1; then
    echo "MNIST is not installed: the network is not run"
    [ $fail -eq 0 ] && exit 77
    exit 1
fi
tmx send-keys -t t clear Enter "ESCDELAY=1000 '$nnlab'" Enter
wait_for "menu" "Lessons"
tmx send-keys -t t d
wait_for "network trained" "784-50-10 sigmoid, adam, 2 epochs" "Draw a digit."
draw_stroke
wait_for "the network reads the stroke" "The network reads: 7" "(21, 25) pen up"
tmx send-keys -t t c
wait_for "cleared" "Draw a digit."
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t i
wait_for "look inside" "answers" "mistakes" "of 10000"
tmx send-keys -t t Tab Tab
wait_for "confusion matrix" "rows: true digit" "right: "
tmx send-keys -t t q
wait_for "back to the menu" "Lessons"
tmx send-keys -t t q
wait_for "quit" "$prompt"
tmx send-keys -t t 'echo "status=$?"' Enter
wait_for "exit status 0" "status=0"
exit $fail
