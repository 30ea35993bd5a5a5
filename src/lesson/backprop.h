/*
 * The backpropagation walkthrough as a topic model: no terminal, no
 * drawing, just the network, its numbers and the lines that explain them.
 *
 * The network is the textbook's 2-2-2: inputs x1, x2; hidden sigmoid
 * units h1, h2 (pre-activations z1, z2); output sigmoid units o1, o2
 * (pre-activations z3, z4); weights
 *     z1 = W1·x1 + W2·x2    z2 = W3·x1 + W4·x2
 *     z3 = W5·h1 + W6·h2    z4 = W7·h1 + W8·h2
 * and the error E = ½ Σ (target − output)², learned by gradient descent.
 * Biases are optional: none (the textbook's network), one per layer shared
 * by its units (b1 hidden, b2 output), or one per unit (b1, b2 hidden;
 * b3, b4 output); either updated with the weights or held fixed.
 *
 * Every value comes from the numeric core's MLP run in f64 — the same
 * dense, activation, loss and optimizer code that trains MNIST — read out
 * of its caches: z and y of each layer (forward), dy = ∂E/∂y and
 * dz = ∂E/∂z (backward), the gradient buffer, and the parameters after the
 * optimizer's step. The only arithmetic done here is the split of a
 * cached sum into the terms the text shows (∂E/∂h1 = ∂E_o1/∂h1 +
 * ∂E_o2/∂h1, each term dz·W), and the per-unit error E_o1, E_o2 taken by
 * the core's loss on one output at a time.
 *
 * A shared bias is one parameter used by two units; the MLP keeps a copy
 * per unit, so the gradient of the shared bias is the sum of its copies'
 * gradients and both copies receive the same update.
 */
#ifndef LESSON_BACKPROP_H
#define LESSON_BACKPROP_H

#include <stddef.h>

#include "core/mlp.h"

enum backprop_bias {
    BACKPROP_BIAS_NONE,
    BACKPROP_BIAS_SHARED,   /* b1 (hidden), b2 (output) */
    BACKPROP_BIAS_PER_UNIT, /* b1, b2 (hidden), b3, b4 (output) */
};

#define BACKPROP_MAX_ITERATIONS 100000

struct backprop_config {
    double x[2];      /* inputs x1, x2 */
    double w[8];      /* W1..W8 */
    double target[2]; /* targets of o1, o2 */
    double lr;        /* learning rate α */
    enum backprop_bias bias;
    double b[4];     /* b1, b2 (shared) or b1..b4 (per unit) */
    int freeze_bias; /* 1: biases keep their values */
    long iterations; /* updates to run, >= 1; the first is explained */
    int numeric;     /* 1: add the numerical gradient of every parameter */
    int ascii;       /* 1: ASCII symbols (d, *, -) instead of ∂, ×, − */
};

/* The textbook's values: x = (0.1, 0.2), W1..W8 = 0.3, 0.25, 0.4, 0.35,
 * 0.45, 0.4, 0.7, 0.6, targets (0.4, 0.6), α = 0.5, no bias, 1 update. */
void backprop_config_default(struct backprop_config *c);

enum backprop_section {
    BACKPROP_FORWARD,  /* forward pass */
    BACKPROP_ERROR,    /* E_o1, E_o2, E_total */
    BACKPROP_STAGE1,   /* gradients and updates of W5..W8 (and biases) */
    BACKPROP_STAGE2,   /* gradients and updates of W1..W4 (and biases) */
    BACKPROP_NUMERIC,  /* numerical vs backprop gradient */
    BACKPROP_FORWARD2, /* forward pass with the updated parameters */
    BACKPROP_ERROR2,   /* error after the update */
    BACKPROP_TRAINING, /* E after each further update, final parameters */
};
#define BACKPROP_SECTIONS 8

/* What a line is about, for the diagram to highlight. */
enum backprop_focus {
    BACKPROP_FOCUS_NONE,
    BACKPROP_FOCUS_NODE, /* index 0 x1, 1 x2, 2 h1, 3 h2, 4 o1, 5 o2 */
    BACKPROP_FOCUS_EDGE, /* index 0..7: W1..W8 */
    BACKPROP_FOCUS_BIAS, /* index 0..3: b1..b4 */
};

/*
 * One line: name = formula = numbers = value, e.g.
 *   "z1" = "W1·x1 + W2·x2" = "0.3×0.1 + 0.25×0.2" = 0.08
 * formula and numbers may be empty; note is extra text (the numerical
 * gradient's comparison), usually empty. Strings are UTF-8 (ASCII with
 * config.ascii).
 */
/* How a line's value is made from its operands, for checking a learner's
 * hand calculation. */
enum backprop_op {
    BACKPROP_OP_NONE,    /* a function value, an input, a result */
    BACKPROP_OP_PRODUCT, /* value = Π operands (the chain rule) */
    BACKPROP_OP_SUM,     /* value = Σ operands */
};

#define BACKPROP_MAX_OPERANDS 3

struct backprop_line {
    enum backprop_section section;
    enum backprop_focus focus;
    int index;
    char name[48];
    char formula[160];
    char numbers[224];
    double value;
    char note[96];
    enum backprop_op op;
    int n_operands;
    char operand_names[BACKPROP_MAX_OPERANDS][48];
    double operands[BACKPROP_MAX_OPERANDS];
    /* In a sum, an operand that is itself a product of two values (the
     * term W1·x1 of z1) has them here; n_factors[k] is 2 or 0. */
    int n_factors[BACKPROP_MAX_OPERANDS];
    char factor_names[BACKPROP_MAX_OPERANDS][2][48];
    double factors[BACKPROP_MAX_OPERANDS][2];
};

/*
 * The matrix view of the first update (the style of a from-scratch numpy
 * network), one sample, so every matrix has one row except the weights:
 *   z[1] = x·W[1] (+ b[1]), h = σ(z[1]), z[2] = h·W[2] (+ b[2]), o = σ(z[2])
 *   dy = o − t, dz[2] = o(1 − o) ⊙ dy, dW[2] = hᵀ·dz[2], dh = dz[2]·W[2]ᵀ,
 *   dz[1] = h(1 − h) ⊙ dh, dW[1] = xᵀ·dz[1]
 * with W[1] = [[W1, W3], [W2, W4]] and W[2] = [[W5, W7], [W6, W8]] (row i
 * holds the weights leaving input i). Copied from the MLP's caches.
 */
struct backprop_matrix {
    char name[16];    /* "dW[2]" */
    char formula[64]; /* "hᵀ·dz[2]" (may be empty) */
    size_t rows;
    size_t cols;
    double v[4]; /* row-major */
};

#define BACKPROP_MAX_MATRICES 16

struct backprop_walk {
    struct backprop_config cfg;
    struct nn_mlp mlp;           /* the network, f64, after all updates */
    struct backprop_line *lines; /* owned, n_lines */
    size_t n_lines;
    size_t cap;
    double *error;      /* owned: E after k updates, k = 0..iters */
    double grad[12];    /* first update's ∂E/∂W1..W8, ∂E/∂b1..b4 */
    double numgrad[12]; /* the same by central difference */
    struct backprop_matrix mats[BACKPROP_MAX_MATRICES];
    size_t n_mats;
    /* scratch for formatting numbers into lines */
    char num[8][48];
    int num_next;
};

/*
 * Run the walkthrough: build the network, one explained update, then the
 * remaining iterations. Returns 0, or a negative enum nn_err (NN_EINVAL
 * for a configuration out of range, NN_ENONFINITE if a value overflowed,
 * NN_ENOMEM). On error w is empty (fini is still safe).
 */
int backprop_walk_run(struct backprop_walk *w, const struct backprop_config *c);
void backprop_walk_fini(struct backprop_walk *w);

/*
 * "Check my hand calculation": compare the value a learner typed for line
 * i (before it is revealed) with the line's value.
 *
 * It matches when the typed number is the value rounded to as many
 * decimals as were typed; at least 4 decimals are needed unless the value
 * has fewer (0.08 may be typed as 0.08). If it does not match and the line
 * is a product or a sum, the verdict names the operand that explains the
 * typed result: the one whose implied value (what it must have been to
 * give the typed result) equals 1 (a factor left out), its own negative (a
 * sign slip), or another value of the walkthrough shown before line i, an
 * input, a weight or a target (a value taken from the wrong place). For a
 * term of a sum that is a product (W1·x1 in z1) the same is tried for
 * each of its two factors, and `factor` says which.
 */
struct backprop_verdict {
    int match;      /* 1: correct to the typed precision */
    int too_coarse; /* 1: right so far, but type at least 4 decimals */
    int decimals;   /* decimals typed */
    int operand;    /* the operand that seems to differ, or -1 */
    int factor;     /* within that operand's product: 0, 1, or -1 */
    double implied; /* what that operand (or factor) would have had
                       to be */
    char used[48];  /* what the learner seems to have used instead:
                       a name ("h2"), "1" (factor left out), or
                       "-name" (sign); empty if unknown */
};

/* Returns 0, or NN_EINVAL when i is out of range or typed is not a number
 * (surrounding blanks are allowed). */
int backprop_check(const struct backprop_walk *w, size_t i, const char *typed,
                   struct backprop_verdict *v);

/* A section's heading ("Forward pass", ...) and its short key for CSV and
 * JSON ("forward", "error", "stage1", "stage2", "numeric", "forward2",
 * "error2", "training"). */
const char *backprop_section_title(enum backprop_section s);
const char *backprop_section_key(enum backprop_section s);
/* The parameters in the order of grad[] and numgrad[]: W1..W8 (k = 0..7),
 * then the biases, b1, b2 (shared) or b1..b4 (per unit), k = 8 ... Count,
 * and name of parameter k ("W1", "b3"). */
int backprop_param_count(const struct backprop_walk *w);
const char *backprop_param_name(int k);
/* Current value of parameter k (after all updates). */
double backprop_param_value(const struct backprop_walk *w, int k);

#endif
