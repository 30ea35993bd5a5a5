/*
 * Lesson 1's widget kinds, for the widget table (widgets.c):
 *
 *   @gate gate=and w1=0.5 w2=0.5 b=-0.7 rule=gt show=table,square
 *       a perceptron: `unit` (the diagram), `table` (every weighted sum and
 *       the verdict), `square` (the four points and the decision line),
 *       `side` (sums, verdict and a smaller square side by side: with
 *       `unit` it fits an 80 x 24 screen), `others` (other known weights
 *       for each gate, and what each computes under the rule).
 *       Missing weights take the gate's seed weights (0 without a gate);
 *       show defaults to table,square.
 *   @xor-search rule=gt range=1.0 show=counts,why
 *       a search over w1, w2, b in steps of 0.1 from -range to range,
 *       counting the sets that compute each gate, and the reason XOR
 *       gets none.
 *   @xor-net rule=gt
 *       XOR = AND(NAND, OR) as a network and its table of values.
 *   @perceptron-learn gate=and eta=0.1 w1=0 w2=0 b=0 epochs=100 steps=8
 *       the learning rule's trace, the first `steps` samples (by default
 *       as many as the drawing area holds), then how the run ended.
 *   @xor-mlp seed=1 lr=1.0 steps=5000
 *       a 2-2-1 sigmoid MLP trained on XOR through the core: the loss and
 *       the outputs going towards 0 1 1 0, and the learned region.
 *
 * rule is gt (output 1 when s > 0, the default) or ge (s >= 0).
 */
#ifndef LESSON_GATES_WIDGETS_H
#define LESSON_GATES_WIDGETS_H

#include "lesson/gates.h"
#include "lesson/widget.h"

/* Where an interactive screen starts from for a gates widget: the
 * weights and rule the widget shows (perceptron-learn: the learner's
 * start), its gate as the target (-1: none; XOR for xor-search and
 * xor-net), the learning rule's rate, and for xor-mlp the network's seed
 * and learning rate. */
struct gates_widget_start {
    struct gates_perceptron p;
    int target;
    double eta;
    int mlp; /* 1 for xor-mlp */
    long seed;
    double lr;
};

/* Read a gates widget's parameters into s. Returns 0, or -1 with a
 * message in msg when w is not a gates kind or a value is bad. */
int gates_widget_start(const struct lesson_widget *w,
                       struct gates_widget_start *s, char *msg, size_t len);

extern const struct widget_kind widget_gate;
extern const struct widget_kind widget_xor_search;
extern const struct widget_kind widget_xor_net;
extern const struct widget_kind widget_perceptron_learn;
extern const struct widget_kind widget_xor_mlp;

#endif
