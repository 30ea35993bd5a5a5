/*
 * A dense (fully connected) layer: y = f(x·W + b).
 *
 * Shapes, for a batch of N samples:
 *   x  (N, in)    one sample per row
 *   W  (in, out)  W[i][j] is the weight from input i to unit j
 *   b  (1, out)   one bias per unit, added to every row
 *   z  (N, out)   pre-activation z = x·W + b
 *   y  (N, out)   output y = f(z)
 *
 * In the walkthrough's 2-2-2 network, z1 = W1·x1 + W2·x2 is z[0][0] =
 * x[0][0]·W[0][0] + x[0][1]·W[1][0], so W1 = W[0][0], W2 = W[1][0],
 * W3 = W[0][1], W4 = W[1][1].
 *
 * Backward, given dy = ∂L/∂y (N, out):
 *   dz = f'(z) ⊙ dy           (or given directly: the fused path)
 *   dW += xᵀ·dz               (in, out)
 *   db += Σ_rows dz           (1, out)
 *   dx  = dz·Wᵀ               (N, in), the previous layer's dy
 * Gradients of parameters accumulate (+=), so several backward passes add
 * up; the owner clears them (nn_mlp_zero_grad). dx is overwritten.
 *
 * A layer owns no memory: every matrix is a view set up by its owner (an
 * MLP, see mlp.h), parameters into the model's one parameter buffer,
 * caches into its activation buffer. The caches keep the last pass's
 * values so lessons can read and show every one of them.
 */
#ifndef NN_DENSE_H
#define NN_DENSE_H

#include <stddef.h>

#include "core/activation.h"
#include "core/gemm_pool.h"
#include "core/mat.h"

struct nn_dense {
    size_t in;
    size_t out;
    struct nn_act act;
    int has_bias;     /* 0: no b, db (0 x 0 views) */
    struct nn_mat W;  /* (in, out) parameters */
    struct nn_mat b;  /* (1, out) parameters */
    struct nn_mat dW; /* (in, out) ∂L/∂W, accumulated */
    struct nn_mat db; /* (1, out) ∂L/∂b, accumulated */
    /* Cache of the last pass, N rows each. */
    struct nn_mat x;  /* (N, in) the input: a view of caller memory */
    struct nn_mat z;  /* (N, out) x·W + b */
    struct nn_mat y;  /* (N, out) f(z) */
    struct nn_mat dy; /* (N, out) ∂L/∂y */
    struct nn_mat dz; /* (N, out) ∂L/∂z */
    /* Threads for the products, borrowed; NULL: the caller's alone. */
    struct nn_pool *pool;
};

/* Forward: remember x (a view: its memory must outlive the backward
 * pass), then z = x·W + b and y = f(z). x must have l->z.rows rows and
 * l->in columns. */
int nn_dense_forward(struct nn_dense *l, const struct nn_mat *x);

/* Backward from l->dy (from_z == 0) or from l->dz already filled by the
 * caller (from_z != 0, e.g. softmax + cross-entropy). Accumulates dW, db;
 * writes dx = dz·Wᵀ when dx is not NULL. */
int nn_dense_backward(struct nn_dense *l, struct nn_mat *dx, int from_z);

#endif
