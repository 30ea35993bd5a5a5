/*
 * Lesson 5's widget kinds, for the widget table (widgets.c):
 *
 *   @numderiv fn=square x=3 h=1e-4 show=value,errors
 *       the derivative of fn (square, cube, exp, sin) at x by the central
 *       and the forward difference with step h (`value`), and both errors
 *       for h = 1e-1 ... 1e-12 and 1e-50 (`errors`). Defaults: x^2 at 3,
 *       h = 1e-4, show=value.
 *   @gradient f=bowl points=3,4;0,2;3,0
 *       the numerical gradient (h = 1e-4) beside the exact one at up to 6
 *       points separated by ';' (default: the seed's three points).
 *   @descent f=bowl start=-3,4 opt=sgd lr=0.001,0.1,10 steps=100
 *            show=picture,summary
 *       descent paths from start on the bowl (x0^2 + x1^2) or the
 *       elongated bowl (x^2/20 + y^2): one optimizer at up to 6 rates, or
 *       opt=all for the five optimizers racing (each at its own rate, or
 *       at one given rate). show= picks `picture` (the paths over the
 *       contours), `summary` (where each run ended) and `table` (each
 *       path's points). Defaults as `nnlab --batch descent`.
 *   @gradcheck layers=4,8,8,3 batch=4 seed=1 show=6
 *       the numerical gradient of every parameter of that network (MSE on
 *       its seeded mini-batch) against backprop's: the forward passes
 *       each needs, the largest difference, the first `show` parameters
 *       side by side (0..20), and what a 784-50-10 network would need.
 *       Networks of at most 5000 parameters.
 */
#ifndef LESSON_DESCENT_WIDGETS_H
#define LESSON_DESCENT_WIDGETS_H

#include "lesson/descent.h"
#include "lesson/widget.h"

extern const struct widget_kind widget_numderiv;
extern const struct widget_kind widget_gradient;
extern const struct widget_kind widget_descent;
extern const struct widget_kind widget_gradcheck;

/* The configuration of a @descent directive (what it draws), for a screen
 * opened from it. Returns 0, or -1 with a message in msg. */
int descent_widget_config(const struct lesson_widget *w,
                          struct descent_config *c, char *msg, size_t len);

#endif
