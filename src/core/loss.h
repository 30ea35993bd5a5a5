/*
 * Loss functions: how far a network's output y is from the target t, and
 * the gradient ∂L/∂y that starts the backward pass.
 *
 * y and t are (N, K): N samples (the batch), K outputs each. Every
 * function writes the loss to *loss (accumulated in double whatever the
 * dtype) and, when grad is not NULL, the gradient into grad (N, K), which
 * may be y itself. Shape/dtype mismatches return NN_ESHAPE / NN_EDTYPE
 * before anything is written.
 *
 *   half_sse  L = ½ Σ_ij (t_ij - y_ij)²            ∂L/∂y = y - t
 *             the walkthrough's E_total: summed, not averaged
 *   mse       L = 1/(N·K) Σ_ij (y_ij - t_ij)²      ∂L/∂y = 2 (y - t) / (N·K)
 *             the mean over every element, as Keras computes it
 *   ce        L = -1/N Σ_ij t_ij ln(y_ij + δ)      ∂L/∂y = -t / (N (y + δ))
 *             y are probabilities (a softmax output), t one-hot rows or
 *             label indices; δ = NN_CE_DELTA keeps ln finite at y = 0
 *
 * Softmax followed by cross-entropy has the simple joint gradient
 * ∂L/∂z = (y - t) / N with respect to the logits z; nn_loss_softmax_ce_grad
 * computes it directly (it is what the MLP's fused backward path takes).
 */
#ifndef NN_LOSS_H
#define NN_LOSS_H

#include <stddef.h>

#include "core/mat.h"

/* Added to probabilities inside the logarithm of cross-entropy. */
#define NN_CE_DELTA 1e-7

int nn_loss_half_sse(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                     const struct nn_mat *t);
int nn_loss_mse(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                const struct nn_mat *t);
/* Cross-entropy with one-hot (or any probability) target rows t. */
int nn_loss_ce(double *loss, struct nn_mat *grad, const struct nn_mat *y,
               const struct nn_mat *t);
/* Cross-entropy with labels[i] in [0, K) the class of row i; a label out
 * of range returns NN_EINVAL. */
int nn_loss_ce_labels(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                      const size_t *labels);

/* Fused softmax + cross-entropy: dz = (y - t) / N, where y is the softmax
 * output. dz may be y. */
int nn_loss_softmax_ce_grad(struct nn_mat *dz, const struct nn_mat *y,
                            const struct nn_mat *t);
int nn_loss_softmax_ce_grad_labels(struct nn_mat *dz, const struct nn_mat *y,
                                   const size_t *labels);

#endif
