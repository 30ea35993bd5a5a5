#!/bin/sh
# `nnlab --batch gates`: the output of each case must equal its golden file
# in golden/ (checked by hand against the tables and traces worked out in
# tests/lesson/test_gates.c), and bad option values exit with status 2
# naming the option and the value.
nnlab=$1
command=gates
. "$(dirname "$0")/batch_lib.sh"

golden_case gates-overview.txt
golden_case gates-and.txt --gate and
golden_case gates-or-ge.txt --gate or --ge
golden_case gates-xor-weights.txt --gate xor --w1 1 --w2 1 --b -0.5
golden_case gates-given.txt --w1 0.3 --w2 -0.2 --b 0.1
golden_case gates-learn.txt --learn
golden_case gates-learn-or-seed.txt --learn --gate or --seed 3
golden_case gates-ko-xor.txt --lang ko --gate xor
golden_case gates-ko-learn-xor.txt --lang ko --learn --gate xor
golden_case gates-learn-nand-eta.txt --learn --gate nand --eta 0.25 --w1 1 --w2 -1 --b 0.5

usage_case "'abc'" --w1 abc
usage_case "--b" --b 1e9
usage_case "'xand'" --gate xand
usage_case "--eta" --eta 0
usage_case "--epochs" --learn --epochs 0
usage_case "--learn" --learn=yes
usage_case "--seed" --seed -1
usage_case "'x'" --lr x
usage_case "--steps" --steps 2000000
usage_case "'--frob'" --frob
usage_case "'stray'" stray
usage_case "--lesson" --lesson x.lesson
exit $fail
