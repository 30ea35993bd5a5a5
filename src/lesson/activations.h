/*
 * Lesson 2, activation functions: the UI-free topic model.
 *
 * Every number here comes from the core (core/activation.h for f and f',
 * core/mlp.h for the deep stack, core/mat.h for matrix products); this
 * file only chooses inputs and collects results:
 *
 *   - what each function is: its formula, range and derivative as text;
 *   - where sigmoid and tanh saturate: the x beyond which f'(x) is under a
 *     tenth of its peak (sigmoid's peak is f'(0) = 0.25, tanh's is 1);
 *   - softmax of a logit vector, and the seed's figure: softmax of the
 *     vector of n logits evenly spaced over [from, to) (numpy's
 *     arange(-5, 5, 0.1) is from = -5, to = 5, n = 100);
 *   - the vanishing gradient: one backward pass through a deep stack of
 *     one activation, the gradient's size at every layer;
 *   - why activations must bend: three linear layers and the one matrix
 *     K they collapse into;
 *   - the state of the interactive explorer (function, cursor, slope,
 *     logits), so the TUI screen only maps keys to these calls.
 *
 * Drawing lives in activations_draw.h; widgets in activations_widgets.h.
 */
#ifndef LESSON_ACTIVATIONS_H
#define LESSON_ACTIVATIONS_H

#include <stddef.h>
#include <stdint.h>

#include "core/activation.h"
#include "core/init.h"

/* What the learner reads about a function; static UTF-8 strings (the
 * formulas are ASCII in both languages). */
struct act_info {
    const char *formula;    /* "f(x) = 1 / (1 + e^-x)" */
    const char *range;      /* "(0, 1)" */
    const char *derivative; /* "f'(x) = f(x) * (1 - f(x))" */
};

/* The info of a kind in lang ("en" or "ko"; others: English); an
 * invalid kind gives identity's. Static: do not free. */
const struct act_info *act_info_get(enum nn_act_kind kind, const char *lang);

/* Saturation starts where f'(x) falls under this share of f's peak
 * slope. */
#define ACT_SATURATION_SHARE 0.1

/*
 * The x > 0 beyond which a saturating function (sigmoid, tanh) is flat:
 * f'(x) = ACT_SATURATION_SHARE * f'(0), found by bisection on the core's
 * f'. Both are symmetric, so the flat regions are x <= -edge and
 * x >= edge. Returns 1 and sets *edge for sigmoid and tanh, 0 for the
 * other kinds (nothing to shade).
 */
int act_saturation_edge(const struct nn_act *a, double *edge);

/* Largest softmax vector the model handles. */
#define ACT_SOFTMAX_MAX 1024

/* p = softmax(z) over n logits (1 <= n <= ACT_SOFTMAX_MAX), by the core
 * in f64. Returns 0 or a negative enum nn_err. */
int act_softmax(const double *z, int n, double *p);

/*
 * The seed's softmax figure: x[k] = from + k (to - from) / n, k < n, and
 * p = softmax(x). With dp not NULL, also the diagonal of the Jacobian,
 * dp[k] = ∂p_k/∂x_k = p_k (1 - p_k), taken from the core's backward pass
 * (one pass with dy = e_k for each k). Returns 0 or a negative enum
 * nn_err.
 */
int act_softmax_line(double from, double to, int n, double *x, double *p,
                     double *dp);

/* The deep stack of the vanishing-gradient figure. */
#define ACT_VANISH_MAX_LAYERS 32
#define ACT_VANISH_MAX_WIDTH 256

struct act_vanish {
    int layers;             /* stacked layers, 1..ACT_VANISH_MAX_LAYERS */
    int width;              /* units per layer (and inputs) */
    enum nn_init_kind init; /* how the weights are drawn */
    double std;             /* for NN_INIT_NORMAL */
    uint64_t seed;
    /* Results, layer 0 (next to the input) first. */
    double grad[ACT_VANISH_MAX_LAYERS]; /* ||∂L/∂W_l|| (Frobenius) */
};

/* 10 layers of 16 units, Xavier initialisation, seed 1. */
void act_vanish_init(struct act_vanish *v);

/*
 * One forward and one backward pass of the stack with activation a in
 * every layer, through the core (f64, no biases):
 *   - a seeded RNG draws every W (width x width, nn_mlp_init_params with
 *     v->init, layer after layer), then the input x (1 x width), N(0, 1);
 *   - the loss is L = sum of the last layer's outputs, so ∂L/∂y = 1;
 *   - grad[l] is the Frobenius norm of layer l's dW.
 * The same seed gives every activation the same weights and input.
 * Returns 0 or a negative enum nn_err (NN_EINVAL for sizes out of range).
 */
int act_vanish_run(struct act_vanish *v, const struct nn_act *a);

/* Three linear layers x·W1·W2·W3 and their product K = W1·W2·W3 (the row
 * vector convention of core/dense.h, y = x·W; with column vectors the
 * same product is written W3·W2·W1). */
#define ACT_COLLAPSE_IN 2
#define ACT_COLLAPSE_HID 3
#define ACT_COLLAPSE_OUT 2

struct act_collapse {
    double x[ACT_COLLAPSE_IN];
    double W1[ACT_COLLAPSE_IN][ACT_COLLAPSE_HID];
    double W2[ACT_COLLAPSE_HID][ACT_COLLAPSE_HID];
    double W3[ACT_COLLAPSE_HID][ACT_COLLAPSE_OUT];
    double h1[ACT_COLLAPSE_HID], h2[ACT_COLLAPSE_HID];
    double y[ACT_COLLAPSE_OUT]; /* ((x·W1)·W2)·W3, layer by layer */
    double K[ACT_COLLAPSE_IN][ACT_COLLAPSE_OUT];
    double yk[ACT_COLLAPSE_OUT]; /* x·K, one layer */
    /* The same three layers with ReLU after the first two: no single
     * matrix gives this for every x. */
    double y_relu[ACT_COLLAPSE_OUT];
};

/*
 * Draw W1, W2, W3 and (unless x is given) x from a seeded RNG as N(0, 1)
 * rounded to one decimal, so the matrices read easily; then compute every
 * product with the core's matrix product in f64. x may be NULL. Returns 0
 * or a negative enum nn_err.
 */
int act_collapse_run(struct act_collapse *c, uint64_t seed, const double *x);

/* The interactive explorer: a function with its cursor, or the logits. */
#define ACT_LOGITS_MAX 8

struct act_explorer {
    struct nn_act act; /* the function shown (softmax: the logit bars) */
    double from, to;   /* x range of the plot */
    double cursor;     /* x of the cursor */
    int deriv;         /* f' overlaid */
    double logits[ACT_LOGITS_MAX];
    int n_logits;
    int sel; /* selected logit */
};

/* Sigmoid on [-6, 6], cursor at 0, derivative shown, slope 0.1 (the
 * seed's leaky ReLU), logits 2.0, 1.0, 0.1. */
void act_explorer_init(struct act_explorer *e);
/* Next (+1) or previous (-1) function in the core's order, wrapping. */
void act_explorer_next_fn(struct act_explorer *e, int dir);
/* Move the cursor by dx, kept inside [from, to]. */
void act_explorer_move(struct act_explorer *e, double dx);
/* Leaky ReLU's slope up or down by 0.01, kept in [0, 1]. */
void act_explorer_slope(struct act_explorer *e, int dir);
/* Select the next (+1) or previous (-1) logit, wrapping. */
void act_explorer_select(struct act_explorer *e, int dir);
/* Change the selected logit by dv, kept in [-10, 10]. */
void act_explorer_logit_add(struct act_explorer *e, double dv);

#endif
