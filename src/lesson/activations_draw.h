/*
 * Lesson 2's figures drawn into a cell grid, shared by the lesson widgets,
 * `nnlab --batch plot` and the interactive screen: function plots (with
 * derivative, saturation shading and cursor), the cursor's readout, a
 * table of values, softmax bars, the vanishing-gradient bars and the
 * collapse of three linear layers. Values come from activations.h.
 *
 * Words follow `lang` ("en" or "ko"); glyphs follow the glyph set.
 */
#ifndef LESSON_ACTIVATIONS_DRAW_H
#define LESSON_ACTIVATIONS_DRAW_H

#include "lesson/activations.h"
#include "render/glyphs.h"
#include "render/grid.h"
#include "render/plot.h"

/* Functions on one plot at most; with derivatives that is 6 series, the
 * number of distinct series styles. */
#define ACT_PLOT_MAX 3

struct act_plot {
    struct nn_act fn[ACT_PLOT_MAX];
    int n_fn;
    double from, to; /* x range */
    int deriv;       /* overlay each f' (dashed in braille) */
    int saturation;  /* shade where sigmoid / tanh are flat */
    double cursor;   /* x of the cursor line; NAN for none */
    int softmax_n;   /* logits of a softmax curve (see act_softmax_line) */
    int legend;
};

/* Sigmoid on [-6, 6], no derivative, no shading, no cursor, the seed's
 * 100 softmax logits, a legend. */
void act_plot_init(struct act_plot *p);

/* Draw the plot into the box (x, y, w, h) of g; frame as rplot_draw's.
 * Returns 0, or a negative enum nn_err (out of memory). */
int act_plot_draw(struct rgrid *g, int x, int y, int w, int h,
                  const struct act_plot *p, const struct rglyphs *gs,
                  struct rplot_frame *frame);

/* The name shown for a function: "sigmoid", "leaky_relu (a = 0.1)". */
void act_label(char *buf, size_t len, const struct nn_act *a);

/* Formula, range and derivative of a, one line each at (x, y). Returns
 * the rows used (3). */
int act_draw_info(struct rgrid *g, int x, int y, const struct nn_act *a,
                  const char *lang);

/* "x = 0.5   f(x) = 0.622459   f'(x) = 0.235004" at (x, y). Returns 1. */
int act_draw_readout(struct rgrid *g, int x, int y, const struct nn_act *a,
                     double at);

/* A table with a row per x: x, f(x) and with deriv f'(x), `decimals`
 * decimals. Returns the rows used. */
int act_draw_values(struct rgrid *g, int x, int y, const struct nn_act *a,
                    const double *xs, int n, int deriv, int decimals,
                    const struct rglyphs *gs);

/* Softmax of n logits as bars of probability in width w, the selected
 * logit (-1 none) highlighted, and a line with the sum. Returns the rows
 * used, or a negative enum nn_err. */
int act_draw_softmax(struct rgrid *g, int x, int y, int w, const double *z,
                     int n, int sel, const struct rglyphs *gs,
                     const char *lang);

/* The vanishing-gradient figure: for each of n activations (n <= 3) run
 * the stack v (act_vanish_run) and draw ||dW|| of every layer as bars on
 * one shared log scale, the charts side by side in width w. Returns the
 * rows used, or a negative enum nn_err. */
int act_draw_vanish(struct rgrid *g, int x, int y, int w,
                    const struct nn_act *acts, int n,
                    const struct act_vanish *v, const struct rglyphs *gs,
                    const char *lang);

/* The collapse: W1, W2, W3 and K side by side, then x through the three
 * layers and through K, and through the layers with ReLU. Returns the
 * rows used. */
int act_draw_collapse(struct rgrid *g, int x, int y,
                      const struct act_collapse *c, const struct rglyphs *gs,
                      const char *lang);

/*
 * The interactive explorer's page in the box (x, y, w, h): the functions
 * to choose from (the current one highlighted), its formula, range and
 * derivative, then either the plot with the cursor line and a readout of
 * f(x) and f'(x) at the cursor (leaky ReLU: and its slope a), or for
 * softmax the logits as probability bars with the selected one
 * highlighted. Returns 0, or a negative enum nn_err.
 */
int act_draw_explorer(struct rgrid *g, int x, int y, int w, int h,
                      const struct act_explorer *e, const struct rglyphs *gs,
                      const char *lang);

#endif
