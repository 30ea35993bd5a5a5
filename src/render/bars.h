/*
 * Horizontal bar charts: one row per bar, "label |bar....   value", for
 * softmax probabilities and per-layer gradient magnitudes.
 *
 * Bars grow from zero to the right in fractions of a cell (eighths with
 * block elements, halves with braille, whole '#' in ASCII; see glyphs.h).
 * On a log scale the length follows log10(value), which is what makes
 * gradients from 1e-1 down to 1e-8 comparable at a glance.
 */
#ifndef RENDER_BARS_H
#define RENDER_BARS_H

#include "render/glyphs.h"
#include "render/grid.h"

struct rbar {
    const char *label; /* UTF-8, NULL for none */
    double value;      /* < 0 (or <= 0 on a log scale): no bar */
    int style;         /* style of the bar; RS_NORMAL means RS_SERIES1 */
};

struct rbars {
    const struct rbar *bars; /* not owned */
    int n;
    /* Value of a full-width bar; NAN: the largest value. */
    double max;
    int logx; /* bar length on a log10 scale */
    /* Log scale: the value of an empty bar; NAN: a tenth of the smallest
     * positive value, so every positive value shows. */
    double min;
    /* Values printed with this many decimals; negative: 3 significant
     * digits (%.3g). */
    int decimals;
    int highlight; /* index of the bar shown in RS_HIGHLIGHT, -1 none */
};

/* Defaults: automatic max and min, linear, 3 decimals, no highlight. */
void rbars_init(struct rbars *b);

/* Draw the chart in the box (x, y, w, n rows): labels left-aligned to the
 * longest one, a baseline, the bars, the values right-aligned. Labels are
 * shortened when the box is too narrow. Returns the rows used (n). */
int rbars_draw(struct rgrid *g, int x, int y, int w, const struct rbars *b,
               const struct rglyphs *gs);

#endif
