/*
 * Line plots: ranges, ticks, layout, and the series drawn on a pixel
 * canvas (canvas.h). See plot.h for what a plot looks like.
 *
 * Data to pixels: with W x H pixels in the plot area, x0 maps to pixel
 * column 0 and x1 to column W - 1; y1 (the top) maps to pixel row 0 and
 * y0 to row H - 1:
 *     px = (x - x0) / (x1 - x0) * (W - 1)
 *     py = (y1 - y) / (y1 - y0) * (H - 1)
 * A function is sampled exactly at the pixel columns, x_i = x0 + i (x1 -
 * x0) / (W - 1), and consecutive samples are joined by lines, so steep
 * parts (the jump of the step function) stay connected.
 */
#include "render/plot.h"

#include "render/canvas.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TICKS 32
#define LABEL_LEN 24
#define LEGEND_SAMPLE 4 /* cells of line sample before a legend label */
#define LEGEND_GAP 3    /* blanks between legend entries */
#define MIN_PLOT_W 8    /* narrowest plot area that gets axes */
#define PRIO_ZERO 0
#define PRIO_CURSOR 1
#define PRIO_DATA 2

/* Series glyphs in ASCII mode, and dash patterns in braille mode. */
static const char ascii_marks[] = "*o+x#@";
static const struct {
    uint32_t mask;
    int period;
} dashes[6] = {
    {0x01, 1},  /* solid */
    {0x0F, 6},  /* dashed: 4 on, 2 off */
    {0x01, 3},  /* dotted: 1 on, 2 off */
    {0x2F, 9},  /* dash-dot: 4 on, 1 off, 1 on, 3 off */
    {0x7F, 10}, /* long dash: 7 on, 3 off */
    {0x03, 4},  /* short dash: 2 on, 2 off */
};

/* The mapping from data to pixels of one drawing. */
struct axes {
    double x0, x1, y0, y1; /* y in log10 units when logy */
    int logy;
    int W, H; /* plot area in pixels */
};

struct ticks {
    int n, maxw;
    double pos[MAX_TICKS]; /* in axis units (log10 on a log axis) */
    char label[MAX_TICKS][LABEL_LEN];
};

void rplot_init(struct rplot *p)
{
    memset(p, 0, sizeof *p);
    p->xmin = p->xmax = p->ymin = p->ymax = NAN;
    p->legend = 1;
    p->cursor = NAN;
}

int rplot_ticks(double lo, double hi, int max_ticks, double *first,
                double *step)
{
    static const double mult[3] = {1, 2, 5};
    *first = lo;
    *step = 0;
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo) || max_ticks < 1 ||
        !isfinite(hi - lo))
        return 0;
    /* Start ten times below the average spacing, where there are surely
     * too many ticks, and take the first step that fits. */
    int k = (int)floor(log10((hi - lo) / max_ticks)) - 1;
    for (;; k++) {
        for (int m = 0; m < 3; m++) {
            double s = mult[m] * pow(10.0, k);
            double a = ceil(lo / s - 1e-9), b = floor(hi / s + 1e-9);
            if (b - a + 1 <= max_ticks) {
                *first = a * s;
                *step = s;
                return b >= a ? (int)(b - a + 1) : 0;
            }
        }
    }
}

void rplot_tick_label(char *buf, size_t len, double v, double step)
{
    int dec = 0;
    if (fabs(v) < fabs(step) * 1e-6)
        v = 0.0; /* no "-0.0" from rounding near zero */
    if (step > 0 && step < 1)
        dec = (int)ceil(-log10(step) - 1e-9);
    if (fabs(v) >= 1e6 || dec > 5)
        snprintf(buf, len, "%g", v);
    else
        snprintf(buf, len, "%.*f", dec, v);
}

static void ticks_add(struct ticks *t, double pos, double value, double step)
{
    if (t->n == MAX_TICKS)
        return;
    t->pos[t->n] = pos;
    if (step > 0)
        rplot_tick_label(t->label[t->n], LABEL_LEN, value, step);
    else
        snprintf(t->label[t->n], LABEL_LEN, "%g", value);
    int w = (int)strlen(t->label[t->n]);
    if (w > t->maxw)
        t->maxw = w;
    t->n++;
}

/* Ticks of an axis over [lo, hi] (log10 units when logy), at most max. */
static void axis_ticks(struct ticks *t, double lo, double hi, int logy, int max)
{
    double first, step;
    t->n = t->maxw = 0;
    if (max > MAX_TICKS)
        max = MAX_TICKS;
    if (max < 1)
        return;
    if (logy) {
        /* Whole decades when there are at least two; every k-th one when
         * there are more than max. */
        double e0 = ceil(lo - 1e-9), e1 = floor(hi + 1e-9);
        if (e1 - e0 >= 1) {
            double every = floor((e1 - e0) / max) + 1;
            /* Multiples of every, so 1 = 10^0 is a tick when in range. */
            for (double e = ceil(e0 / every) * every; e <= e1; e += every)
                ticks_add(t, e, pow(10.0, e), 0);
            return;
        }
        /* Less than a decade: ordinary ticks on the values themselves. */
        int n = rplot_ticks(pow(10.0, lo), pow(10.0, hi), max, &first, &step);
        for (int i = 0; i < n; i++)
            ticks_add(t, log10(first + i * step), first + i * step, step);
        return;
    }
    int n = rplot_ticks(lo, hi, max, &first, &step);
    for (int i = 0; i < n; i++)
        ticks_add(t, first + i * step, first + i * step, step);
}

/* An empty or single-valued range grows around its value; an inverted
 * one is turned round. */
static void fix_range(double *a, double *b)
{
    if (*a > *b) {
        double t = *a;
        *a = *b;
        *b = t;
    }
    if (*a == *b) {
        double pad = fabs(*a) * 0.1;
        if (pad == 0.0)
            pad = 0.5;
        *a -= pad;
        *b += pad;
    }
}

static double given(double v)
{
    return isfinite(v) ? v : NAN;
}

static void x_range(const struct rplot *p, double *x0, double *x1)
{
    double a = given(p->xmin), b = given(p->xmax);
    if (isnan(a) || isnan(b)) {
        double lo = INFINITY, hi = -INFINITY;
        for (int i = 0; i < p->nseries; i++) {
            const struct rseries *s = &p->series[i];
            for (int j = 0; s->x && j < s->n; j++) {
                if (isfinite(s->x[j])) {
                    lo = fmin(lo, s->x[j]);
                    hi = fmax(hi, s->x[j]);
                }
            }
        }
        if (lo > hi) {
            lo = -1.0;
            hi = 1.0;
        }
        if (isnan(a))
            a = lo;
        if (isnan(b))
            b = hi;
    }
    fix_range(&a, &b);
    *x0 = a;
    *x1 = b;
}

/* y in axis units: log10 on a log axis (NAN for y <= 0). */
static double axis_y(int logy, double y)
{
    if (!logy)
        return y;
    return y > 0 ? log10(y) : NAN;
}

static double sample_x(double x0, double x1, int i, int n)
{
    return n > 1 ? x0 + i * (x1 - x0) / (n - 1) : x0;
}

/* The y range over every value that will be drawn: points whose x lies
 * in [x0, x1], and functions sampled nsamp times across it. */
static void y_range(const struct rplot *p, double x0, double x1, int nsamp,
                    double *y0, double *y1)
{
    double a = axis_y(p->logy, given(p->ymin));
    double b = axis_y(p->logy, given(p->ymax));
    if (!isnan(a) && !isnan(b)) {
        fix_range(&a, &b);
        *y0 = a;
        *y1 = b;
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < p->nseries; i++) {
        const struct rseries *s = &p->series[i];
        int n = s->x ? s->n : (s->f ? nsamp : 0);
        for (int j = 0; j < n; j++) {
            double v;
            if (s->x) {
                if (!(s->x[j] >= x0 && s->x[j] <= x1))
                    continue;
                v = axis_y(p->logy, s->y[j]);
            } else {
                v = axis_y(p->logy, s->f(sample_x(x0, x1, j, nsamp), s->ctx));
            }
            if (isfinite(v)) {
                lo = fmin(lo, v);
                hi = fmax(hi, v);
            }
        }
    }
    if (lo > hi) {
        lo = 0.0;
        hi = 1.0;
    }
    double pad = (hi - lo) * 0.05;
    if (pad == 0.0)
        pad = p->logy ? 0.5 : fmax(fabs(lo) * 0.1, 0.5);
    if (isnan(a)) {
        a = lo - pad;
        if (!p->logy && lo >= 0 && a < 0)
            a = 0.0; /* non-negative data: the axis starts at zero */
    }
    if (isnan(b)) {
        b = hi + pad;
        if (!p->logy && hi <= 0 && b > 0)
            b = 0.0;
    }
    fix_range(&a, &b);
    *y0 = a;
    *y1 = b;
}

static double map_x(const struct axes *a, double x)
{
    return a->W > 1 ? (x - a->x0) / (a->x1 - a->x0) * (a->W - 1) : 0.0;
}

static double map_y(const struct axes *a, double v)
{
    return a->H > 1 ? (a->y1 - v) / (a->y1 - a->y0) * (a->H - 1) : 0.0;
}

static void series_pen(struct rpen *pen, int i, int braille)
{
    rpen_init(pen, RS_SERIES1 + i % 6, PRIO_DATA, (uint32_t)ascii_marks[i % 6]);
    if (braille) {
        pen->mask = dashes[i % 6].mask;
        pen->period = dashes[i % 6].period;
    }
}

/* A point marker: one character in ASCII, a small plus of dots in
 * braille (a single dot is too easy to miss). */
static void marker(struct rcanvas *c, double X, double Y,
                   const struct rpen *pen)
{
    if (!(X > -2 && X < rcanvas_width(c) + 1 && Y > -2 &&
          Y < rcanvas_height(c) + 1))
        return;
    int px = (int)lround(X), py = (int)lround(Y);
    rcanvas_dot(c, px, py, pen);
    if (c->sx == 2) {
        rcanvas_dot(c, px - 1, py, pen);
        rcanvas_dot(c, px + 1, py, pen);
        rcanvas_dot(c, px, py - 1, pen);
        rcanvas_dot(c, px, py + 1, pen);
    }
}

static void draw_series(struct rcanvas *c, const struct axes *a,
                        const struct rseries *s, struct rpen *pen)
{
    double px = 0, py = 0;
    int run = 0; /* finite points in a row so far */
    int n = s->x ? s->n : (s->f ? a->W : 0);
    for (int j = 0; j <= n; j++) {
        double X = NAN, Y = NAN;
        if (j < n && s->x) {
            X = map_x(a, s->x[j]);
            Y = map_y(a, axis_y(a->logy, s->y[j]));
        } else if (j < n) {
            X = j;
            Y = map_y(
                a, axis_y(a->logy, s->f(sample_x(a->x0, a->x1, j, n), s->ctx)));
        }
        if (!isfinite(X) || !isfinite(Y)) {
            if (run == 1 && !s->points_only) /* a lone point: a dot */
                rcanvas_line(c, px, py, px, py, pen);
            run = 0;
            continue;
        }
        if (s->points_only)
            marker(c, X, Y, pen);
        else if (run > 0)
            rcanvas_line(c, px, py, X, Y, pen);
        px = X;
        py = Y;
        run++;
    }
}

/* Shaded x spans over pixel columns [X(x0), X(x1)]: the top-left dot of
 * every other braille cell, or a checkerboard of '.' in ASCII. */
static void draw_spans(struct rcanvas *c, const struct axes *a,
                       const struct rplot *p)
{
    struct rpen pen;
    rpen_init(&pen, RS_DIM, PRIO_ZERO, '.');
    for (int k = 0; k < p->nspans; k++) {
        if (isnan(p->spans[k].x0) || isnan(p->spans[k].x1))
            continue;
        double lo = fmax(fmin(p->spans[k].x0, p->spans[k].x1), a->x0);
        double hi = fmin(fmax(p->spans[k].x0, p->spans[k].x1), a->x1);
        if (!(lo <= hi))
            continue; /* outside the range */
        int from = (int)lround(map_x(a, lo)), to = (int)lround(map_x(a, hi));
        for (int px = from; px <= to; px++)
            for (int py = 0; py < a->H; py++)
                if (c->sx == 2 ? px % 4 == 0 && py % 4 == 0
                               : (px + py) % 2 == 0)
                    rcanvas_dot(c, px, py, &pen);
    }
}

/* Contour lines: f on the pixel grid, then sign changes of f - level
 * between neighbours. Returns -1 when memory ran out. */
static int draw_contour(struct rcanvas *c, const struct axes *a,
                        const struct rcontour *ct)
{
    int W = a->W, H = a->H;
    if (!ct || !ct->f || W == 0 || H == 0)
        return 0;
    double *v = malloc((size_t)W * (size_t)H * sizeof *v);
    if (!v)
        return -1;
    for (int j = 0; j < H; j++) {
        /* Pixel row j at y1 - j (y1 - y0) / (H - 1), in axis units. */
        double yv = H > 1 ? a->y1 - j * (a->y1 - a->y0) / (H - 1) : a->y0;
        if (a->logy)
            yv = pow(10.0, yv);
        for (int i = 0; i < W; i++)
            v[(size_t)j * W + i] =
                ct->f(sample_x(a->x0, a->x1, i, W), yv, ct->ctx);
    }
    struct rpen pen;
    rpen_init(&pen, RS_DIM, PRIO_ZERO, '~');
    for (int k = 0; k < ct->nlevels; k++) {
        double level = ct->levels[k];
        for (int j = 0; j < H; j++) {
            for (int i = 0; i < W; i++) {
                double s = v[(size_t)j * W + i] - level;
                /* right neighbour, then the one below */
                for (int d = 0; d < 2; d++) {
                    int ni = i + (d == 0), nj = j + (d == 1);
                    if (ni >= W || nj >= H)
                        continue;
                    double t = v[(size_t)nj * W + ni] - level;
                    if (!isfinite(s) || !isfinite(t) || (s < 0) == (t < 0))
                        continue;
                    int pi = fabs(s) <= fabs(t) ? i : ni;
                    int pj = fabs(s) <= fabs(t) ? j : nj;
                    /* Braille: every other pixel, so contours read
                     * lighter than the solid first series. */
                    if (c->sx == 1 || (pi + pj) % 2 == 0)
                        rcanvas_dot(c, pi, pj, &pen);
                }
            }
        }
    }
    free(v);
    return 0;
}

/* Dotted zero lines and the cursor line, under the data. */
static void draw_guides(struct rcanvas *c, const struct axes *a,
                        const struct rplot *p)
{
    int braille = c->sx == 2;
    double W1 = a->W - 1, H1 = a->H - 1;
    struct rpen h, v;
    rpen_init(&h, RS_AXIS, PRIO_ZERO, '-');
    rpen_init(&v, RS_AXIS, PRIO_ZERO, ':');
    if (braille) {
        h.mask = v.mask = 0x1;
        h.period = v.period = 2;
    }
    int hz = !a->logy && a->y0 < 0 && a->y1 > 0;
    int vz = a->x0 < 0 && a->x1 > 0;
    if (hz)
        rcanvas_line(c, 0, map_y(a, 0), W1, map_y(a, 0), &h);
    if (vz)
        rcanvas_line(c, map_x(a, 0), 0, map_x(a, 0), H1, &v);
    if (hz && vz && !braille) {
        struct rpen cross;
        rpen_init(&cross, RS_AXIS, PRIO_ZERO, '+');
        rcanvas_dot(c, (int)lround(map_x(a, 0)), (int)lround(map_y(a, 0)),
                    &cross);
    }
    if (isfinite(p->cursor)) {
        struct rpen cur;
        double X = map_x(a, p->cursor);
        rpen_init(&cur, RS_HIGHLIGHT, PRIO_CURSOR, '|');
        if (X >= -0.5 && X < a->W - 0.5)
            rcanvas_line(c, X, 0, X, H1, &cur);
    }
}

/* A legend entry's sample: the series' own pattern or character on a
 * short horizontal line, or its marker for a series of points. */
static void legend_sample(struct rgrid *g, int x, int y, int i,
                          const struct rseries *s, int braille)
{
    struct rcanvas c;
    struct rpen pen;
    if (rcanvas_init(&c, LEGEND_SAMPLE, 1, braille) != 0)
        return;
    series_pen(&pen, i, braille);
    double mid = braille ? 1 : 0, W = rcanvas_width(&c);
    if (s->points_only)
        marker(&c, (W - 1) / 2, mid, &pen);
    else
        rcanvas_line(&c, 0, mid, W - 1, mid, &pen);
    rcanvas_blit(&c, g, x, y);
    rcanvas_fini(&c);
}

/* Lay out (and with g, draw) the legend in width w; returns its rows. */
static int legend(struct rgrid *g, int x, int y, int w, int max_rows,
                  const struct rplot *p, int braille)
{
    int row = 0, col = 0, any = 0;
    for (int i = 0; i < p->nseries; i++) {
        const struct rseries *s = &p->series[i];
        if (!s->label)
            continue;
        int ew = LEGEND_SAMPLE + 1 + utf8_width(s->label);
        if (col > 0 && col + ew > w) {
            row++;
            col = 0;
        }
        if (g && row < max_rows) {
            legend_sample(g, x + col, y + row, i, s, braille);
            rgrid_print_n(g, x + col + LEGEND_SAMPLE + 1, y + row,
                          w - col - LEGEND_SAMPLE - 1, s->label, RS_NORMAL);
        }
        col += ew + LEGEND_GAP;
        any = 1;
    }
    return any ? row + 1 : 0;
}

/* Axis lines, tick marks and tick labels around the plot area whose top
 * left cell is (px, py), inside the box columns [x, x + w). */
static void draw_axes(struct rgrid *g, int x, int w, int px, int py, int pw,
                      int ph, const struct axes *a, const struct ticks *yt,
                      const struct rglyphs *gs, int sx, int sy)
{
    int ax = px - 1, ay = py + ph;
    for (int r = py; r < ay; r++)
        rgrid_put(g, ax, r, gs->v, RS_AXIS);
    rgrid_put(g, ax, ay, gs->bl, RS_AXIS);
    for (int c = px; c < px + pw; c++)
        rgrid_put(g, c, ay, gs->h, RS_AXIS);

    int last_row = -1;
    for (int i = 0; i < yt->n; i++) {
        double Y = map_y(a, yt->pos[i]);
        if (!(Y > -0.5 && Y < a->H - 0.5))
            continue;
        int row = py + (int)lround(Y) / sy;
        if (row == last_row)
            continue; /* two ticks in one row: keep the lower value */
        last_row = row;
        rgrid_put(g, ax, row, gs->tleft, RS_AXIS);
        rgrid_print(g, ax - (int)strlen(yt->label[i]), row, yt->label[i],
                    RS_AXIS);
    }

    /* x ticks: as many as leave each label its width plus three blanks
     * on average (denser rows of numbers are hard to read). */
    struct ticks xt;
    xt.n = 0;
    for (int m = pw / 2 < MAX_TICKS ? pw / 2 : MAX_TICKS; m >= 2; m--) {
        axis_ticks(&xt, a->x0, a->x1, 0, m);
        if (xt.n * (xt.maxw + 3) <= pw)
            break;
    }
    int next_free = x;
    for (int i = 0; i < xt.n && pw >= 2; i++) {
        double X = map_x(a, xt.pos[i]);
        if (!(X > -0.5 && X < a->W - 0.5))
            continue;
        int col = px + (int)lround(X) / sx;
        int lw = (int)strlen(xt.label[i]);
        int start = col - lw / 2;
        if (start + lw > x + w)
            start = x + w - lw;
        if (start < next_free)
            continue;
        rgrid_put(g, col, ay, gs->tdown, RS_AXIS);
        rgrid_print(g, start, ay + 1, xt.label[i], RS_AXIS);
        next_free = start + lw + 1;
    }
}

int rplot_draw(struct rgrid *g, int x, int y, int w, int h,
               const struct rplot *p, const struct rglyphs *gs,
               struct rplot_frame *frame)
{
    int braille = gs->braille;
    int sx = braille ? 2 : 1, sy = braille ? 4 : 1;
    struct axes a;
    struct ticks yt;
    if (frame)
        memset(frame, 0, sizeof *frame);
    if (w <= 0 || h <= 0)
        return 0;
    a.logy = p->logy;
    x_range(p, &a.x0, &a.x1);
    y_range(p, a.x0, a.x1, w * sx, &a.y0, &a.y1);

    /* Layout: try plot + axes + legend, then without the legend, then
     * the bare plot area. */
    int leg = p->legend ? legend(NULL, 0, 0, w, 0, p, braille) : 0;
    int axes = 0, lm = 0, pw = w, ph = h;
    yt.n = 0;
    for (int attempt = 0; attempt < 2 && !axes; attempt++) {
        if (attempt == 1)
            leg = 0;
        ph = h - 2 - leg;
        if (ph < 2)
            continue;
        axis_ticks(&yt, a.y0, a.y1, a.logy, (ph - 1) / 2 + 1);
        lm = yt.maxw + 1;
        if (w - lm >= MIN_PLOT_W) {
            axes = 1;
            pw = w - lm;
        }
    }
    if (!axes) {
        lm = leg = 0;
        pw = w;
        ph = h;
    }
    a.W = pw * sx;
    a.H = ph * sy;

    struct rcanvas c;
    if (rcanvas_init(&c, pw, ph, braille) != 0)
        return -1;
    draw_spans(&c, &a, p);
    if (draw_contour(&c, &a, p->contour) != 0) {
        rcanvas_fini(&c);
        return -1;
    }
    draw_guides(&c, &a, p);
    for (int i = 0; i < p->nseries; i++) {
        struct rpen pen;
        series_pen(&pen, i, braille);
        draw_series(&c, &a, &p->series[i], &pen);
    }
    rcanvas_blit(&c, g, x + lm, y);
    rcanvas_fini(&c);
    if (axes) {
        draw_axes(g, x, w, x + lm, y, pw, ph, &a, &yt, gs, sx, sy);
        if (leg)
            legend(g, x, y + ph + 2, w, leg, p, braille);
    }
    if (frame) {
        frame->px = x + lm;
        frame->py = y;
        frame->pw = pw;
        frame->ph = ph;
        frame->sx = sx;
        frame->sy = sy;
        frame->x0 = a.x0;
        frame->x1 = a.x1;
        frame->y0 = a.y0;
        frame->y1 = a.y1;
        frame->logy = a.logy;
    }
    return 0;
}

double rplot_frame_pixel_x(const struct rplot_frame *f, double x)
{
    int W = f->pw * f->sx;
    return W > 1 ? (x - f->x0) / (f->x1 - f->x0) * (W - 1) : 0.0;
}

int rplot_frame_col(const struct rplot_frame *f, double x)
{
    double X = rplot_frame_pixel_x(f, x);
    if (!(X > -1e6 && X < 1e6))
        return X > 0 ? f->px + f->pw : f->px - 1; /* far outside */
    return f->px + (int)floor((floor(X + 0.5)) / f->sx);
}

double rplot_frame_x_at(const struct rplot_frame *f, int pixel)
{
    return sample_x(f->x0, f->x1, pixel, f->pw * f->sx);
}
