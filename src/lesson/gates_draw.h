/*
 * Lesson 1 drawn into a cell grid: the perceptron as a diagram, truth
 * tables with every weighted sum, the unit square with its four points and
 * the decision line or region, the search for XOR weights, the two-layer
 * XOR network, the learning trace and the XOR MLP's training.
 *
 * The lesson widgets (gates_widgets.c) and `nnlab --batch gates` call the
 * same functions, so the TUI and the batch text show the same characters.
 * Every function draws at column x, row y of g (clipped at its edges) and
 * returns the number of rows it used. Glyphs are plain ASCII so the text
 * reads the same in any terminal and any font. Words are Korean when lang
 * is "ko", English otherwise; symbols, formulas and table headings are the
 * same in both, so Korean words never sit inside aligned columns.
 */
#ifndef LESSON_GATES_DRAW_H
#define LESSON_GATES_DRAW_H

#include "lesson/gates.h"
#include "lesson/gates_mlp.h"
#include "render/grid.h"

/* Columns the widest drawing needs. */
#define GATES_DRAW_WIDTH 76

/* The unit as a picture: inputs, weights on the edges, sum, step, output. */
int gates_draw_unit(struct rgrid *g, int x, int y,
                    const struct gates_perceptron *p, const char *lang);

/* The truth table with each weighted sum written out, then the verdict:
 * the gate it computes ("this is AND", "matches no gate ..."), and with a
 * target gate (>= 0) how many rows are right. */
int gates_draw_table(struct rgrid *g, int x, int y,
                     const struct gates_perceptron *p, int target,
                     const char *lang);

/*
 * The unit square, x1 and x2 from -0.25 to 1.25, with the decision region
 * shaded ('.' where the output is 1) and each corner labelled with its
 * class. When line is not NULL its decision line w1·x1 + w2·x2 + b = 0 is
 * drawn too.
 */
struct gates_square {
    /* Output (0 or 1) of the model at a point of the plane. */
    int (*classify)(const void *ctx, double x1, double x2);
    const void *ctx;
    const struct gates_perceptron *line; /* or NULL */
    unsigned classes; /* the class shown at each corner, bit r */
    int compact;      /* 0: 46 x 23 cells; 1: 34 x 18 (fits beside a table) */
    const char *lang; /* of the legend */
};

int gates_draw_square(struct rgrid *g, int x, int y,
                      const struct gates_square *sq);
/* The square of a single perceptron: its region and line; the corners show
 * the target's classes when target >= 0, else the unit's own outputs. */
int gates_draw_unit_square(struct rgrid *g, int x, int y,
                           const struct gates_perceptron *p, int target,
                           const char *lang);

/*
 * Table and square side by side, for a screen of 80 x 24 where the learner
 * changes the weights and watches both at once: the sums (no written-out
 * products), the outputs, the verdict in short lines, and the compact
 * square to the right (columns x + 38 to x + 75). 18 rows.
 */
int gates_draw_side(struct rgrid *g, int x, int y,
                    const struct gates_perceptron *p, int target,
                    const char *lang);

/*
 * Narrow pieces (at most 37 columns) for the interactive screen, which
 * puts them under the table of gates_draw_side, left of its square.
 */
/* One update of the learning rule, ev, written out with its numbers
 *     epoch 2, input (0,1): s = 0.1
 *     y = 1, t = 0, so t - y = -1
 *     w1 <- 0.1 + 0.1*(-1)*0 = 0.1
 *     w2 <- 0.1 + 0.1*(-1)*1 = 0.0
 *     b  <- 0.0 + 0.1*(-1)   = -0.1
 * then where the run L stands (going on, converged, cycling). */
int gates_draw_learn_event(struct rgrid *g, int x, int y,
                           const struct gates_learn *L,
                           const struct gates_learn_event *ev,
                           const char *lang);
/* Trying to place a line for target by the search s: how many weight
 * sets compute it, or that none does and how close the best come. */
int gates_draw_search_try(struct rgrid *g, int x, int y,
                          const struct gates_search *s, int target,
                          const char *lang);
/* The MLP's training so far: step and loss at the n checkpoints in
 * steps[] and loss[] (the last rows that fit), the outputs now and how
 * they read, and the learned region in a compact square at x + 38.
 * 18 rows. Returns the rows used or a negative enum nn_err. */
int gates_draw_mlp_side(struct rgrid *g, int x, int y, struct gates_mlp *m,
                        const long *steps, const double *loss, int n,
                        const char *lang);

/* Other weights for AND, NAND, OR and NOR (gates_other_weights), each
 * with the gate its truth table turns out to compute under the rule ge. */
int gates_draw_others(struct rgrid *g, int x, int y, int ge, const char *lang);

/* The search's counts per gate. */
int gates_draw_search(struct rgrid *g, int x, int y,
                      const struct gates_search *s, const char *lang);
/* Why no weights compute XOR under the rule: the inequalities of three
 * rows force the fourth, and the same fact on the square. */
int gates_draw_xor_why(struct rgrid *g, int x, int y, int ge, const char *lang);

/* XOR = AND(NAND, OR) as a network diagram and its table of values. */
int gates_draw_xor_net(struct rgrid *g, int x, int y, int ge, const char *lang);

/* The learning rule run from L's current state to its end (or at most
 * max_events samples), one line per sample, then how it ended. */
int gates_draw_learn(struct rgrid *g, int x, int y, struct gates_learn *L,
                     long max_events, const char *lang);

/* Rows gates_draw_learn needs for a run of at most `epochs` epochs. */
int gates_draw_learn_rows(int epochs);

/*
 * Train m for `steps` more steps, drawing the loss and the four outputs at
 * steps 0, 1, 2, 5, 10, 20, 50 ... and at the end, then the outputs read as
 * classes and the learned region over the square. Returns the rows used or
 * a negative enum nn_err from the core.
 */
int gates_draw_mlp(struct rgrid *g, int x, int y, struct gates_mlp *m,
                   long steps, const char *lang);

#endif
