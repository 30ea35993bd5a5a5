/*
 * Lesson 5 drawn into a cell grid: the two difference quotients, their
 * errors against h, the numerical gradient at a few points, the table of
 * a descent path, how each run ended, and the paths over the contours of
 * the surface.
 *
 * The widgets (descent_widgets.c) and `nnlab --batch descent` call the
 * same functions, so the TUI and the batch text show the same characters.
 * Every function draws at column x, row y of g (clipped at its edges) and
 * returns the number of rows it used (negative: an enum nn_err from the
 * core, or -1 when memory ran out). Text is plain ASCII but for its
 * words, which are Korean when lang is "ko" (English otherwise), at most
 * DESCENT_DRAW_WIDTH columns wide.
 */
#ifndef LESSON_DESCENT_DRAW_H
#define LESSON_DESCENT_DRAW_H

#include "lesson/descent.h"
#include "lesson/gradcheck.h"
#include "render/glyphs.h"
#include "render/grid.h"

#define DESCENT_DRAW_WIDTH 78

/* fn at x with step h: f(x + h), f(x - h), f(x), the central and the
 * forward difference written out, each with its error. */
int descent_draw_derivative(struct rgrid *g, int x, int y, enum descent_fn fn,
                            double at, double h, const char *lang);

/* The error of both differences for h = 1e-1 ... 1e-12 and 1e-50. */
int descent_draw_errors(struct rgrid *g, int x, int y, enum descent_fn fn,
                        double at, const char *lang);

/* The numerical gradient (h = 1e-4) and the exact one at n points. */
int descent_draw_gradient(struct rgrid *g, int x, int y, enum descent_surface s,
                          const double (*pts)[2], int n, const char *lang);

/* The numerical gradient against backprop on gc's network: the counts
 * of passes, the largest difference, the first `show` parameters side by
 * side, and the passes a 784-50-10 network would need. */
int descent_draw_gradcheck(struct rgrid *g, int x, int y,
                           const struct gradcheck *gc, int show,
                           const char *lang);

/* A short name of run i: "adam, lr = 0.3". */
void descent_run_label(char *buf, size_t n, const struct descent_paths *p,
                       int i);

/* The points of run i after steps 0-5, 10, 20, 30, 50, 100, 200, ... and
 * the last one (every step for runs of up to 12 steps). */
int descent_draw_path(struct rgrid *g, int x, int y,
                      const struct descent_paths *p, int i, const char *lang);

/* One line per run: its rate, final point, f there, and a verdict (at the
 * minimum, still on its way, moved away). */
int descent_draw_summary(struct rgrid *g, int x, int y,
                         const struct descent_paths *p, const char *lang);

/*
 * The surface's box (descent_surface_box) in a w x h box of cells:
 * the render plot with contour lines of f, the paths (one line pattern or
 * character per run, a legend underneath) and the start point. Braille
 * when gs allows it, else ASCII.
 */
int descent_draw_picture(struct rgrid *g, int x, int y, int w, int h,
                         const struct descent_paths *p,
                         const struct rglyphs *gs, const char *lang);

#endif
