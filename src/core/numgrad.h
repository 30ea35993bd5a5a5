/*
 * Numerical gradient and gradient check.
 *
 * The central difference
 *     ∂L/∂p ≈ (L(p + h) - L(p - h)) / (2h),   h = NN_NUMGRAD_STEP = 1e-4
 * needs nothing but the loss itself: nudge one parameter up, evaluate,
 * nudge it down, evaluate, put it back. Its error shrinks like h², so it
 * agrees with backprop to about 8 digits in f64 — and costs two full
 * forward passes per parameter, where backprop gets all of them for about
 * the price of one. That contrast is the point of backprop.
 */
#ifndef NN_NUMGRAD_H
#define NN_NUMGRAD_H

#include <stddef.h>

#include "core/mat.h"

#define NN_NUMGRAD_STEP 1e-4
/* Gradients smaller than this are compared absolutely (see gradcheck). */
#define NN_GRADCHECK_FLOOR 1e-5

/* Evaluate the loss for the current parameters into *value; return 0 or a
 * negative enum nn_err (which stops the walk). */
typedef int (*nn_loss_fn)(void *ctx, double *value);

/*
 * out[i] = (L(p_i + h) - L(p_i - h)) / (2h) for every element of params
 * (any shape; out has as many elements, same dtype). Each parameter is
 * restored to its exact old value before the next one is nudged, so
 * params is unchanged afterwards.
 */
int nn_numgrad(struct nn_mat *out, struct nn_mat *params, nn_loss_fn loss,
               void *ctx, double h);

/*
 * The one-sided forward difference, for comparison in the lessons:
 *     out[i] = (L(p_i + h) - L(p_i)) / h
 * One evaluation per parameter (plus one at p) instead of two, but its
 * error shrinks only like h: about L''·h/2, against L'''·h²/6 for the
 * central difference. params is unchanged afterwards, as above.
 */
int nn_numgrad_forward(struct nn_mat *out, struct nn_mat *params,
                       nn_loss_fn loss, void *ctx, double h);

/*
 * Largest relative error between two gradients of the same size:
 *     max_i |a_i - n_i| / max(|a_i|, |n_i|, NN_GRADCHECK_FLOOR)
 * written to *max_rel, with its index in *worst (may be NULL). In f64 a
 * correct backprop gives well below 1e-6.
 */
int nn_gradcheck(double *max_rel, size_t *worst, const struct nn_mat *a,
                 const struct nn_mat *n);

#endif
