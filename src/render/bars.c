/*
 * Bar charts (see bars.h). A bar of relative length f in a bar area of bw
 * cells is round(f * bw * steps) steps long, where a cell holds `steps`
 * steps of the glyph set: full cells first, then one partial cell.
 */
#include "render/bars.h"

#include <math.h>
#include <stdio.h>

#define VALUE_LEN 32

void rbars_init(struct rbars *b)
{
    b->bars = NULL;
    b->n = 0;
    b->max = NAN;
    b->logx = 0;
    b->min = NAN;
    b->decimals = 3;
    b->highlight = -1;
}

static void format_value(char *buf, const struct rbars *b, double v)
{
    if (b->decimals >= 0)
        snprintf(buf, VALUE_LEN, "%.*f", b->decimals, v);
    else
        snprintf(buf, VALUE_LEN, "%.3g", v);
}

/* The scale: a bar's length is (t(v) - lo) / (hi - lo), with t the
 * identity or log10. */
static void scale(const struct rbars *b, double *lo, double *hi)
{
    double max = -INFINITY, minpos = INFINITY;
    for (int i = 0; i < b->n; i++) {
        double v = b->bars[i].value;
        if (isfinite(v)) {
            max = fmax(max, v);
            if (v > 0)
                minpos = fmin(minpos, v);
        }
    }
    if (isfinite(b->max) && b->max > 0)
        max = b->max;
    if (!b->logx) {
        *lo = 0.0;
        *hi = max > 0 ? max : 1.0;
        return;
    }
    if (!(max > 0)) {
        *lo = 0.0; /* no positive value: every bar is empty */
        *hi = 1.0;
        return;
    }
    double min = isfinite(b->min) && b->min > 0 ? b->min : minpos / 10;
    *hi = log10(max);
    *lo = log10(min);
    if (!(*lo < *hi))
        *lo = *hi - 1.0;
}

static double fraction(const struct rbars *b, double v, double lo, double hi)
{
    double t;
    if (!isfinite(v) || v <= 0)
        return 0.0;
    t = b->logx ? log10(v) : v;
    t = (t - lo) / (hi - lo);
    return t < 0 ? 0 : t > 1 ? 1 : t;
}

int rbars_draw(struct rgrid *g, int x, int y, int w, const struct rbars *b,
               const struct rglyphs *gs)
{
    char val[VALUE_LEN];
    int lw = 0, vw = 0;
    double lo, hi;
    if (w <= 0 || b->n <= 0)
        return 0;
    for (int i = 0; i < b->n; i++) {
        int l = b->bars[i].label ? utf8_width(b->bars[i].label) : 0;
        format_value(val, b, b->bars[i].value);
        int v = utf8_width(val);
        lw = l > lw ? l : lw;
        vw = v > vw ? v : vw;
    }
    /* Row: label, blank, baseline, bar area, blank, value. Leave the bars
     * at least a quarter of the width by shortening labels. */
    int bw = lw > 0 ? w - lw - vw - 3 : w - vw - 2;
    if (lw > 0 && bw < w / 4) {
        lw = w - vw - 3 - w / 4 > 0 ? w - vw - 3 - w / 4 : 0;
        bw = lw > 0 ? w - lw - vw - 3 : w - vw - 2;
    }
    if (bw < 0)
        bw = 0;
    scale(b, &lo, &hi);
    for (int i = 0; i < b->n; i++) {
        const struct rbar *bar = &b->bars[i];
        int hl = i == b->highlight;
        int style = hl ? RS_HIGHLIGHT
                       : (bar->style != RS_NORMAL ? bar->style : RS_SERIES1);
        int col = x;
        if (lw > 0) {
            if (bar->label)
                rgrid_print_n(g, col, y + i, lw, bar->label,
                              hl ? RS_HIGHLIGHT : RS_NORMAL);
            col += lw + 1;
        }
        if (col >= x + w)
            continue; /* too narrow for more than the label */
        rgrid_put(g, col++, y + i, gs->v, RS_AXIS);
        if (bw > 0) {
            long steps =
                lround(fraction(b, bar->value, lo, hi) * bw * gs->bar_steps);
            for (long k = 0; k < steps / gs->bar_steps; k++)
                rgrid_put(g, col + (int)k, y + i, gs->bar[gs->bar_steps],
                          style);
            if (steps % gs->bar_steps)
                rgrid_put(g, col + (int)(steps / gs->bar_steps), y + i,
                          gs->bar[steps % gs->bar_steps], style);
            col += bw;
        }
        format_value(val, b, bar->value);
        int start = col + 1 + vw - utf8_width(val);
        rgrid_print_n(g, start, y + i, x + w - start, val,
                      hl ? RS_HIGHLIGHT : RS_NORMAL);
    }
    return b->n;
}
