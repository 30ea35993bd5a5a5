/*
 * Lesson 1, the topic model: a perceptron computing logic gates.
 *
 * A perceptron with two inputs x1, x2 in {0, 1} forms the weighted sum
 *     s = w1·x1 + w2·x2 + b
 * and passes it through a step function: y = 1 when s > 0, else 0 (the
 * rule of the seed notes). The alternative rule y = 1 when s >= 0 can be
 * chosen; each perceptron carries its rule and every function here uses it
 * the same way. The rules differ only when a sum is exactly 0: with
 * w = (1, 1, -1) the rows (0,1) and (1,0) have s = 0, so "> 0" gives AND
 * and ">= 0" gives OR.
 *
 * Weights typed as decimals (0.1, 0.7) are not exact in binary, so a sum
 * that is 0 on paper may come out as 5.6e-17. Sums within GATES_ZERO_TOL
 * of 0 are treated as exactly 0, and then the step rule decides.
 *
 * The model is UI-free: it computes truth tables, names the gate a table
 * computes, searches a grid of weights, evaluates the two-layer XOR
 * network and runs the perceptron learning rule one update at a time;
 * gates_mlp.h trains a 2-2-1 sigmoid MLP on XOR through the numeric core.
 * The lesson widgets (gates_widgets.c) and `nnlab --batch gates` draw the
 * same values through gates_draw.c.
 *
 * Rows of a truth table are always in the order (0,0), (0,1), (1,0),
 * (1,1): row r has x1 = r >> 1 and x2 = r & 1. A gate's outputs are packed
 * into a 4-bit pattern whose bit r is the output for row r.
 */
#ifndef LESSON_GATES_H
#define LESSON_GATES_H

#include "core/rng.h"

/* Sums with |s| below this count as exactly 0 (see above). */
#define GATES_ZERO_TOL 1e-9

struct gates_perceptron {
    double w1, w2, b;
    int ge; /* 0: y = 1 when s > 0;  1: y = 1 when s >= 0 */
};

/* The named two-input gates the lesson recognises. */
enum gates_gate {
    GATES_AND,
    GATES_NAND,
    GATES_OR,
    GATES_NOR,
    GATES_XOR,
    GATES_XNOR,
    GATES_N_GATES
};

/* Inputs of truth-table row r (0..3). */
static inline int gates_x1(int r)
{
    return r >> 1;
}
static inline int gates_x2(int r)
{
    return r & 1;
}

/* The weighted sum w1·x1 + w2·x2 + b (inputs are 0 or 1 in a truth
 * table; any point of the plane when drawing the decision region). */
double gates_sum(const struct gates_perceptron *p, double x1, double x2);
/* The step function under p's rule (sums within GATES_ZERO_TOL are 0). */
int gates_step(const struct gates_perceptron *p, double s);
/* The perceptron's output for one input pair. */
int gates_output(const struct gates_perceptron *p, double x1, double x2);

struct gates_table {
    double sum[4];    /* weighted sum of each row */
    int y[4];         /* step output of each row */
    unsigned pattern; /* bit r = y[r] */
};

/* The full truth table of p. */
void gates_table_compute(struct gates_table *t,
                         const struct gates_perceptron *p);

/* "AND", "NAND", ... and the reverse (case-insensitive); -1 if unknown. */
const char *gates_gate_name(enum gates_gate g);
int gates_gate_parse(const char *name);
/* The 4-bit output pattern of a gate (AND = 0x8: only row (1,1) is 1). */
unsigned gates_gate_pattern(enum gates_gate g);
/* The named gate computing this pattern, or -1 for none of them. */
int gates_gate_of_pattern(unsigned pattern);
/* A name for any of the 16 two-input boolean functions, e.g. "AND",
 * "x1 AND NOT x2", "always 0". Static storage. */
const char *gates_function_name(unsigned pattern);

/* The seed notes' weights for AND (0.5, 0.5, -0.7), NAND (-0.5, -0.5, 0.7)
 * and OR (0.6, 0.6, -0.5), with the "> 0" rule. Returns 0, or -1 for a
 * gate that has none (XOR, XNOR: no single perceptron computes them). */
int gates_seed_weights(enum gates_gate g, struct gates_perceptron *p);
/* Other weights computing the gate with the "> 0" rule (the notes give
 * AND 1.0, 1.0, -1.0 and 0.5, 0.5, -0.8). Up to max sets are stored in
 * out; returns how many exist for g (0 for XOR and XNOR). */
int gates_other_weights(enum gates_gate g, struct gates_perceptron *out,
                        int max);

/*
 * Searching for XOR weights. Every (w1, w2, b) on a grid from -lim to +lim
 * in steps of one tenth is tried; for each of the 16 output patterns the
 * number of weight sets producing it is counted. Sums are computed in
 * whole tenths, so no rounding can blur the result: the XOR and XNOR
 * counts are 0 because no line separates their points, not by accident.
 */
struct gates_search {
    int lim_tenths; /* grid from -lim/10 to +lim/10 */
    int ge;         /* step rule used */
    long tried;     /* candidates evaluated: (2·lim + 1)³ */
    long count[16]; /* candidates per output pattern */
    /* The first candidate found for each pattern (valid if count > 0). */
    struct gates_perceptron first[16];
};

/* Run the search; lim_tenths in 1..100. */
void gates_search_run(struct gates_search *s, int lim_tenths, int ge);
/* The most rows of target's truth table that any searched weight set gets
 * right (4 when some set computes it), and in *pattern (may be NULL) the
 * output pattern of such a set. */
int gates_search_closest(const struct gates_search *s, unsigned target,
                         unsigned *pattern);

/*
 * XOR from two layers: hidden h1 = NAND(x1, x2), h2 = OR(x1, x2), output
 * y = AND(h1, h2), each a perceptron with the seed weights and the given
 * step rule.
 */
struct gates_xor_row {
    int x1, x2;
    double s_nand;
    int h1;
    double s_or;
    int h2;
    double s_and;
    int y;
};

void gates_xor_net(struct gates_xor_row rows[4], int ge);

/*
 * The perceptron learning rule. The samples are presented one at a time in
 * table order, epoch after epoch; for each one
 *     y = step(w1·x1 + w2·x2 + b),   e = t - y,
 *     w1 += η·e·x1,   w2 += η·e·x2,   b += η·e   (the bias input is 1).
 * Nothing changes when y = t. After an epoch without a mistake the unit
 * computes the target: converged. The rule is deterministic, so if the
 * weights at the start of an epoch equal (within GATES_ZERO_TOL) those at
 * the start of an earlier epoch, the same epochs will repeat for ever: the
 * run is stopped as cycling (XOR always ends here or at the epoch limit).
 */
#define GATES_LEARN_MAX_EPOCHS 1000

enum gates_learn_status {
    GATES_LEARN_RUNNING,
    GATES_LEARN_CONVERGED,
    GATES_LEARN_CYCLING,
    GATES_LEARN_EPOCH_LIMIT,
};

/* One presented sample. */
struct gates_learn_event {
    int epoch;  /* 1-based */
    int row;    /* 0..3 */
    double sum; /* with the weights before the update */
    int y, t;
    struct gates_perceptron before, after;
};

struct gates_learn {
    struct gates_perceptron p; /* the current weights */
    unsigned target;           /* pattern to learn */
    double eta;
    int max_epochs;
    int epoch;    /* current epoch, 1-based */
    int row;      /* next row to present */
    int mistakes; /* in the current epoch */
    long updates; /* weight changes so far */
    enum gates_learn_status status;
    int cycle_start; /* for CYCLING: the epoch whose starting
                        weights came back */
    /* Weights at the start of each epoch, [0] for epoch 1. */
    double hist[GATES_LEARN_MAX_EPOCHS][3];
};

/* A random start for the learning rule: w1, w2 and b each drawn uniformly
 * from -1.0, -0.9, ..., 1.0 (whole tenths, so a trace with η = 0.1 prints
 * exactly); the rule (p->ge) is kept. */
void gates_random_start(struct gates_perceptron *p, struct nn_rng *rng);

/* Start learning `target` from the weights in start with rate eta (> 0),
 * stopping after max_epochs (1..GATES_LEARN_MAX_EPOCHS). */
void gates_learn_init(struct gates_learn *L, unsigned target,
                      const struct gates_perceptron *start, double eta,
                      int max_epochs);
/* Present the next sample and update. Fills ev (may be NULL) and returns
 * the status afterwards; does nothing once the status is not RUNNING. */
enum gates_learn_status gates_learn_step(struct gates_learn *L,
                                         struct gates_learn_event *ev);

/* A weight moved by k steps of 0.1 (k < 0 moves down), as a learner does
 * with the keys: the result is rounded to 6 decimals, so it is the same
 * double as the decimal typed in (0.1 + 0.1 + 0.1 gives 0.3, not
 * 0.30000000000000004), and kept within [-100, 100]. */
double gates_nudge(double w, int k);

/* Smallest number of decimals (0..6) that prints every value exactly
 * (within 1e-9); 6 if none does. For tables of weights and sums. */
int gates_decimals(const double *v, int n);

#endif
