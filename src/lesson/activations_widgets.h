/*
 * Lesson 2's widget kinds, for the widget table (widgets.c). Every number
 * they show is computed by the core when the step is drawn.
 *
 *   @plot fn=sigmoid from=-6 to=6 deriv=yes saturation=yes cursor=0
 *         slope=0.1 info=yes height=12 n=100
 *       one to three functions (fn=sigmoid,tanh) sampled once per pixel
 *       column; deriv overlays each f' (dashed); saturation shades where
 *       sigmoid / tanh are flat; cursor draws a line at x and reads f(x)
 *       and f'(x) below; info shows the formula, range and derivative
 *       (one function only); slope is leaky ReLU's a (default 0.01); n is
 *       the number of logits of a softmax curve (default 100, the seed's
 *       arange(-5, 5, 0.1) on [-5, 5]). Defaults: sigmoid on [-6, 6],
 *       no deriv, no shading, no cursor, info=no, height 12.
 *   @act-values fn=sigmoid x=-6,-2,0,2,6 deriv=yes decimals=4 slope=0.1
 *       a table of f(x) (and f'(x)) at up to 12 points.
 *   @softmax logits=2.0,1.0,0.1
 *       the probabilities of up to 8 logits as bars, and their sum.
 *   @vanishing fn=sigmoid,tanh,relu layers=10 width=16 seed=1 init=xavier
 *       one backward pass through a stack of each activation; the
 *       gradient size of every layer as bars on one log scale.
 *   @collapse seed=1 x=1.0,-0.5
 *       three linear layers, the matrix K they collapse into, and x sent
 *       through both (and through the layers with ReLU).
 *
 * Yes/no parameters take yes or no.
 */
#ifndef LESSON_ACTIVATIONS_WIDGETS_H
#define LESSON_ACTIVATIONS_WIDGETS_H

#include "lesson/activations.h"
#include "lesson/widget.h"

extern const struct widget_kind widget_plot;
extern const struct widget_kind widget_act_values;
extern const struct widget_kind widget_softmax;
extern const struct widget_kind widget_vanishing;
extern const struct widget_kind widget_collapse;

/* Set up the explorer (opened from @plot, @act-values or @softmax) like
 * widget w shows things: its (first) function, range, slope, derivative
 * and cursor, or its logits. Parameters the widget does not give keep
 * act_explorer_init's values. Returns 0, or -1 with a message in msg
 * when w is not such a widget or is malformed. */
int act_widget_explorer(const struct lesson_widget *w, struct act_explorer *e,
                        char *msg, size_t len);

#endif
