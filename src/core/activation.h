/*
 * Activation functions and their derivatives.
 *
 * An activation turns a layer's pre-activation z (the weighted sum) into
 * its output y = f(z). All but softmax act on each number alone; softmax
 * acts on each row (one sample's logits) and turns it into probabilities.
 *
 *   identity    f(x) = x                         f'(x) = 1
 *   step        f(x) = 1 if x > 0, else 0        f'(x) = 0 (undefined at 0)
 *   sigmoid     f(x) = 1 / (1 + e^-x)            f'(x) = f(x)(1 - f(x))
 *   tanh        f(x) = tanh x                    f'(x) = 1 - f(x)²
 *   relu        f(x) = max(0, x)                 f'(x) = 1 if x > 0, else 0
 *   leaky_relu  f(x) = x if x > 0, else a·x      f'(x) = 1 if x > 0, else a
 *   softmax     y_j = e^(z_j - m) / Σ_k e^(z_k - m), m = max_k z_k (per row)
 *
 * Subtracting the row maximum does not change softmax (it cancels between
 * numerator and denominator) but keeps every exponent <= 0, so logits like
 * 1000, 1001, 1002 give finite probabilities instead of inf / inf.
 *
 * The names are the ones the command line and lesson files use
 * everywhere: "identity", "step", "sigmoid", "tanh", "relu", "leaky_relu",
 * "softmax".
 */
#ifndef NN_ACTIVATION_H
#define NN_ACTIVATION_H

#include "core/mat.h"

enum nn_act_kind {
    NN_ACT_IDENTITY,
    NN_ACT_STEP,
    NN_ACT_SIGMOID,
    NN_ACT_TANH,
    NN_ACT_RELU,
    NN_ACT_LEAKY_RELU,
    NN_ACT_SOFTMAX,
};

#define NN_ACT_COUNT 7
/* Default slope a of leaky ReLU for x <= 0. */
#define NN_LEAKY_SLOPE 0.01

/* An activation with its parameter (the slope a of leaky ReLU; unused by
 * the others). */
struct nn_act {
    enum nn_act_kind kind;
    double slope;
};

/* The activation `kind` with its default parameter. */
struct nn_act nn_act_make(enum nn_act_kind kind);
/* The name of a kind ("sigmoid"); "?" for a value out of range. */
const char *nn_act_name(enum nn_act_kind kind);
/* Parse a name into *out with the default parameter. Returns 0, or
 * NN_EINVAL for an unknown name (*out untouched). */
int nn_act_parse(const char *name, struct nn_act *out);
/* 1 for the element-wise kinds, 0 for softmax. */
int nn_act_is_elementwise(enum nn_act_kind kind);

/*
 * Scalar f(x) and f'(x), for plots, tables and hand calculations. Softmax
 * has no scalar form: both return NaN for it (use the matrix functions).
 */
double nn_act_f(const struct nn_act *a, double x);
double nn_act_df(const struct nn_act *a, double x);

/*
 * y = f(z), z and y (batch, n) of one dtype; y may be z (in place).
 * Softmax is applied to each row.
 */
int nn_act_forward(const struct nn_act *a, struct nn_mat *y,
                   const struct nn_mat *z);

/*
 * Backward pass: given dy = ∂L/∂y, write dz = ∂L/∂z. z and y are the
 * forward pass's input and output (the cache), all four (batch, n).
 *   element-wise:  dz = f'(z) ⊙ dy
 *   softmax:       dz_j = y_j (dy_j - Σ_k y_k dy_k) per row, which is the
 *                  row's Jacobian ∂y/∂z = diag(y) - y yᵀ times dy.
 * dz may be dy (in place). Shape or dtype mismatch: NN_ESHAPE, NN_EDTYPE.
 */
int nn_act_backward(const struct nn_act *a, struct nn_mat *dz,
                    const struct nn_mat *z, const struct nn_mat *y,
                    const struct nn_mat *dy);

#endif
