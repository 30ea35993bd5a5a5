/*
 * The backprop walkthrough's widget kinds, for the widget table
 * (widgets.c), and the drawing pieces the interactive walkthrough screen
 * shares with them. Every number drawn comes from the walkthrough model
 * (backprop.h), which reads it out of the core's MLP.
 *
 *   @walkthrough stage=forward [from=N] [upto=M] [view=lines|table]
 *       the model's lines of one stage, each as name = formula =
 *       substituted numbers = value (to 8 decimals), broken at the '='
 *       signs to fit the width. Stages: forward, error, output (stage 1,
 *       W5..W8), hidden (stage 2, W1..W4), numeric (numerical against
 *       backprop gradients), after (forward pass and error with the
 *       updated parameters), training (E after more updates). from/upto
 *       pick lines N..M of the stage (1-based), so a lesson reveals a
 *       derivation piece by piece. view=table (output, hidden) lists each
 *       parameter's gradient and updated value.
 *   @network [focus=W5] [values=before|after|given]
 *       the 2-2-2 network: inputs, z, h and o on the nodes, W1..W8 on
 *       the edges, targets beside the outputs, biases as notes; focus
 *       highlights one node (x1 .. o2), edge (W1 .. W8) or bias (b1 ..
 *       b4). values=after shows the parameters and forward pass after
 *       the first update; values=given only what is given (inputs,
 *       weights, biases, targets), before anything is computed.
 *   @matrixview [show=forward|backward|all]
 *       the same step in matrices, one sample per row: z[1] = x·W[1],
 *       ..., dy = (o − t)/N (N = 1), dW[2] = hᵀ·dz[2], dh = dz[2]·W[2]ᵀ,
 *       dz[1] = h(1 − h) ⊙ dh, dW[1] = xᵀ·dz[1], each with its shape.
 *
 * Every kind also takes the network's configuration (defaults: the
 * textbook's values, backprop_config_default):
 *   x=0.1,0.2  w=W1,...,W8  target=0.4,0.6  lr=0.5
 *   bias=none|shared|unit  b=B1,B2 (shared) or B1,...,B4 (unit)
 *   freeze=yes|no (biases held fixed)  iterations=N (1..10000)
 */
#ifndef LESSON_BACKPROP_WIDGETS_H
#define LESSON_BACKPROP_WIDGETS_H

#include "lesson/backprop.h"
#include "lesson/widget.h"
#include "render/netdiagram.h"

extern const struct widget_kind widget_walkthrough;
extern const struct widget_kind widget_network;
extern const struct widget_kind widget_matrixview;

/* Draw line l at (x, y) in `width` columns: on one row when it fits,
 * else the name and formula first and each "= ..." part below, aligned
 * under the first '='. Returns the rows used (the rows needed when g is
 * NULL). */
int backprop_line_draw(struct rgrid *g, int x, int y, int width,
                       const struct backprop_line *l, int style);

/* Matrix i of the walk as "name (r×c) = formula = [a  b]", one row per
 * matrix row. Returns the rows used. */
int backprop_matrix_draw(struct rgrid *g, int x, int y, int width,
                         const struct backprop_walk *w, size_t i, int ascii);

/* The diagram's texts for a walk: labels, notes and styles in `net`, the
 * strings in `text` (so keep the struct alive while drawing). */
struct backprop_net {
    struct rnet net;
    char text[RNET_NODES * (1 + RNET_NOTES) + RNET_EDGES + RNET_UNITS][48];
};

/* Fill d from walk w: the values before the first update (after = 0),
 * after it (after = 1), or only the given ones (after = -1: inputs,
 * weights, biases and targets, the units named but not yet computed).
 * The node, edge or bias named by (focus, index) (enum backprop_focus and
 * index as in a backprop_line) gets `style`. */
void backprop_net_build(struct backprop_net *d, const struct backprop_walk *w,
                        int after, enum backprop_focus focus, int index,
                        int style);

/* The network configuration of a backprop widget's directive (the
 * textbook's values where it gives none), for the interactive screen.
 * Returns 0, or -1 with a message in msg. */
int backprop_widget_config(const struct lesson_widget *wd, int ascii,
                           struct backprop_config *c, char *msg, size_t len);

/* How many lines of walk w a lesson has shown once widget wd is on
 * screen: up to its last line for @walkthrough (its stage's lines before
 * `upto`), 0 for the other kinds. */
size_t backprop_widget_shown(const struct lesson_widget *wd,
                             const struct backprop_walk *w);

/* The line of section sec whose name is `name`, or -1. */
long backprop_line_find(const struct backprop_walk *w,
                        enum backprop_section sec, const char *name);

#endif
