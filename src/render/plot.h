/*
 * Line plots in a box of cells: axes with tick labels, zero lines, a
 * legend, several series, automatic ranges, optional log-scale y and a
 * vertical cursor line. Used for activation functions, loss and accuracy
 * curves and descent paths.
 *
 * Braille (the default when the glyph set allows it) gives 2 x 4 pixels a
 * cell; the ASCII glyph set gives one pixel a cell. Series never differ
 * by colour alone:
 *   - ASCII: each series has its own character, * o + x # @ in order;
 *   - braille: each series has its own dash pattern, in order solid,
 *     dashed, dotted, dash-dot, long dash, short dash, so a function and
 *     its derivative (series 1 and 2) read as solid and dashed lines.
 * The legend shows each pattern or character next to its label. Series
 * get the styles RS_SERIES1.. in order (colour where the front end has
 * it); beyond six series patterns, characters and styles repeat.
 *
 * Zero lines (y = 0 and x = 0, when strictly inside the ranges) are
 * dotted in braille and '-' / ':' in ASCII, drawn in RS_AXIS under the
 * data. The cursor is a solid vertical line in RS_HIGHLIGHT, also under
 * the data, so the curve stays readable where they cross.
 */
#ifndef RENDER_PLOT_H
#define RENDER_PLOT_H

#include <stddef.h>

#include "render/glyphs.h"
#include "render/grid.h"

/* One series: points joined in order, or a function sampled once per
 * pixel column of the plot (x from the left edge to the right edge of the
 * x range). Non-finite values (and y <= 0 on a log scale) break the line. */
struct rseries {
    const char *label; /* legend text (UTF-8); NULL: not in the legend */
    const double *x;   /* n x values, or NULL to use f */
    const double *y;   /* n y values */
    int n;
    double (*f)(double x, void *ctx); /* used when x is NULL */
    void *ctx;                        /* passed to f */
    int points_only; /* points: draw a marker at each, do not join */
};

/* A stretch of the x axis shaded in the background, e.g. where sigmoid
 * saturates: one dot in every other braille cell, or a checkerboard of
 * '.' in ASCII, in RS_DIM, under everything else. */
struct rspan {
    double x0, x1;
};

/* Contour lines of a function of two variables, under the series (descent
 * paths over their loss surface). f is evaluated at every pixel; a pixel
 * is lit where f - level changes sign between it and its right or lower
 * neighbour and it is the one closer to the level. Drawn in RS_DIM, with
 * every other braille pixel (dotted) or '~' in ASCII. */
struct rcontour {
    double (*f)(double x, double y, void *ctx);
    void *ctx;
    const double *levels; /* not owned */
    int nlevels;
};

struct rplot {
    const struct rseries *series; /* not owned */
    int nseries;
    const struct rspan *spans; /* not owned; may be NULL */
    int nspans;
    const struct rcontour *contour; /* not owned; NULL for none */
    /* Ranges; NAN means automatic: x from the points (a function alone
     * needs an x range, else [-1, 1]), y from every value drawn, padded
     * by 5% of the span on each side but not across zero when the data
     * do not cross it (constant data: +-max(10% of the value, 0.5)). */
    double xmin, xmax, ymin, ymax;
    int logy;      /* logarithmic y axis (decades as ticks) */
    int legend;    /* draw the legend under the x axis */
    double cursor; /* x of the cursor line; NAN for none */
};

/* Where the plot area ended up, for callers that move a cursor by pixel
 * columns or point at things inside the plot. */
struct rplot_frame {
    int px, py, pw, ph; /* plot area in grid cells */
    int sx, sy;         /* pixels per cell: 2 x 4 braille, 1 x 1 ASCII */
    double x0, x1;      /* x range (left edge to right edge) */
    double y0, y1;      /* y range, bottom to top; log10(y) when logy */
    int logy;
};

/* A plot with no series, automatic ranges, a legend and no cursor. */
void rplot_init(struct rplot *p);

/*
 * Draw p into the box (x, y, w, h) of g. The layout, top to bottom: the
 * plot area with y tick labels on its left, the x axis, the x tick
 * labels, the legend (as many rows as its entries need; dropped when the
 * box is too short for it). A box too small for axes (under 4 rows, or
 * under 8 columns left for the plot area) gets the bare curves filling
 * the box. Everything is clipped to the box and the grid. When frame is
 * not NULL it receives the layout. Drawing order, bottom to top: spans,
 * contour lines, zero lines, the cursor, the series in order. Returns 0,
 * or -1 when memory ran out (nothing drawn).
 */
int rplot_draw(struct rgrid *g, int x, int y, int w, int h,
               const struct rplot *p, const struct rglyphs *gs,
               struct rplot_frame *frame);

/* The grid column of data x in a frame, and the pixel column in the
 * plot area (0 at the left edge of the plot area). */
int rplot_frame_col(const struct rplot_frame *f, double x);
double rplot_frame_pixel_x(const struct rplot_frame *f, double x);
/* The data x at a pixel column of the plot area (the inverse). */
double rplot_frame_x_at(const struct rplot_frame *f, int pixel);

/*
 * "Nice" ticks for [lo, hi]: the smallest step of the form 1, 2 or 5
 * times a power of ten that puts at most max_ticks multiples of itself
 * inside the range. Stores the first tick and the step; returns the
 * number of ticks (0 when the range is empty or not finite).
 */
int rplot_ticks(double lo, double hi, int max_ticks, double *first,
                double *step);
/* Format a tick value with as many decimals as its step needs ("0.5",
 * "-2", "0.05"); %g for very large or very small values. */
void rplot_tick_label(char *buf, size_t len, double v, double step);

#endif
