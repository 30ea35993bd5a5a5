/*
 * Lesson 3's widget kind, for the widget table (widgets.c):
 *
 *   @shapes layers=4,8,8,3 batch=4 act=relu seed=1 show=one,batch
 *       the network of the given sizes (hidden layers with act, a softmax
 *       output) run by the core on `batch` random samples (seed fixes the
 *       weights, inputs and labels). show= picks the parts, in this
 *       order: `one` (X*W + B = Y shapes with m = 1), `batch` (the same
 *       with m = batch), `params` (parameters per layer and in all),
 *       `values` (the first sample's values, softmax sum, one-hot target,
 *       MSE and cross-entropy), `outputs` (the mini-batch's softmax rows,
 *       targets and losses). Defaults: the seed's 4-8-8-3 ReLU network,
 *       batch 4, seed 1, show=one,batch.
 */
#ifndef LESSON_FORWARD_WIDGETS_H
#define LESSON_FORWARD_WIDGETS_H

#include "lesson/forward.h"
#include "lesson/widget.h"

extern const struct widget_kind widget_shapes;

/* The network a @shapes directive builds (its layers, batch, act, seed),
 * for a screen opened from it. Returns 0, or -1 with a message in msg. */
int shapes_widget_config(const struct lesson_widget *w,
                         struct forward_config *c, char *msg, size_t len);

#endif
