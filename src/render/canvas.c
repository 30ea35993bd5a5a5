/*
 * The pixel canvas: braille dot bits or ASCII glyphs per cell, lines by
 * Bresenham's algorithm after Liang-Barsky clipping, dash patterns.
 */
#include "render/canvas.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

/* bit of the braille dot in column dx (0, 1) and row dy (0..3) */
static const uint8_t braille_bit[4][2] = {
    {0x01, 0x08},
    {0x02, 0x10},
    {0x04, 0x20},
    {0x40, 0x80},
};

void rpen_init(struct rpen *p, int style, int prio, uint32_t glyph)
{
    p->style = style;
    p->prio = prio;
    p->glyph = glyph;
    p->mask = 1;
    p->period = 1;
    p->phase = 0;
    p->last_x = p->last_y = INT_MIN;
}

int rcanvas_init(struct rcanvas *c, int w, int h, int braille)
{
    c->sx = braille ? 2 : 1;
    c->sy = braille ? 4 : 1;
    c->w = w > 0 ? w : 0;
    c->h = h > 0 ? h : 0;
    c->cells = NULL;
    size_t n = (size_t)c->w * (size_t)c->h;
    if (n == 0)
        return 0;
    c->cells = calloc(n, sizeof *c->cells);
    if (!c->cells) {
        c->w = c->h = 0;
        return -1;
    }
    return 0;
}

void rcanvas_fini(struct rcanvas *c)
{
    free(c->cells);
    c->cells = NULL;
    c->w = c->h = 0;
}

int rcanvas_width(const struct rcanvas *c)
{
    return c->w * c->sx;
}

int rcanvas_height(const struct rcanvas *c)
{
    return c->h * c->sy;
}

void rcanvas_dot(struct rcanvas *c, int px, int py, const struct rpen *p)
{
    if (px < 0 || py < 0 || px >= rcanvas_width(c) || py >= rcanvas_height(c))
        return;
    struct rcanvas_cell *cell =
        &c->cells[(size_t)(py / c->sy) * (size_t)c->w + (size_t)(px / c->sx)];
    int empty = cell->bits == 0 && cell->glyph == 0;
    if (!empty && p->prio < cell->prio)
        return; /* a weaker mark never shows through stronger ones */
    if (c->sx == 2) {
        if (!empty && p->prio > cell->prio)
            cell->bits = 0; /* nor do its dots stay under them */
        cell->bits |= braille_bit[py % 4][px % 2];
    } else {
        cell->glyph = p->glyph;
    }
    cell->style = (uint8_t)p->style;
    cell->prio = (uint8_t)p->prio;
}

/* Step onto one pixel of a line: lit if the dash pattern says so. */
static void pen_step(struct rcanvas *c, int px, int py, struct rpen *p)
{
    if (px == p->last_x && py == p->last_y)
        return; /* the joint of two segments counts once */
    p->last_x = px;
    p->last_y = py;
    if (p->mask >> (p->phase % p->period) & 1u)
        rcanvas_dot(c, px, py, p);
    p->phase++;
}

/*
 * Liang-Barsky: the segment P(t) = P0 + t (P1 - P0), 0 <= t <= 1, stays
 * inside lo <= x <= hi while each of the four inequalities p t <= q holds;
 * intersect the t-intervals. Returns 0 when nothing is inside.
 */
static int clip(double *x0, double *y0, double *x1, double *y1, double xlo,
                double xhi, double ylo, double yhi)
{
    double dx = *x1 - *x0, dy = *y1 - *y0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*x0 - xlo, xhi - *x0, *y0 - ylo, yhi - *y0};
    double edge[4] = {xlo, xhi, ylo, yhi};
    double t0 = 0.0, t1 = 1.0;
    int e0 = -1, e1 = -1; /* the edges that cut each end, if any */
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return 0; /* parallel to this edge and outside it */
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1)
                return 0;
            if (t > t0) {
                t0 = t;
                e0 = i;
            }
        } else {
            if (t < t0)
                return 0;
            if (t < t1) {
                t1 = t;
                e1 = i;
            }
        }
    }
    double ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
    double bx = *x0 + t1 * dx, by = *y0 + t1 * dy;
    /* With end points like 1e300, x0 + t dx loses every digit of the
     * visible part; the coordinate that hit an edge is the edge exactly,
     * and the other one is kept inside the box. */
    if (e0 >= 0)
        *(e0 < 2 ? &ax : &ay) = edge[e0];
    if (e1 >= 0)
        *(e1 < 2 ? &bx : &by) = edge[e1];
    *x0 = fmin(fmax(ax, xlo), xhi);
    *y0 = fmin(fmax(ay, ylo), yhi);
    *x1 = fmin(fmax(bx, xlo), xhi);
    *y1 = fmin(fmax(by, ylo), yhi);
    return 1;
}

void rcanvas_line(struct rcanvas *c, double x0, double y0, double x1, double y1,
                  struct rpen *p)
{
    int w = rcanvas_width(c), h = rcanvas_height(c);
    if (w == 0 || h == 0)
        return;
    if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
        return;
    /* Pixel i covers [i - 0.5, i + 0.5). */
    if (!clip(&x0, &y0, &x1, &y1, -0.5, w - 0.5, -0.5, h - 0.5))
        return;
    int ax = (int)lround(x0), ay = (int)lround(y0);
    int bx = (int)lround(x1), by = (int)lround(y1);
    /* Bresenham, all octants: err tracks dx*|y - line| - dy*|x - line|. */
    int dx = abs(bx - ax), dy = -abs(by - ay);
    int stepx = ax < bx ? 1 : -1, stepy = ay < by ? 1 : -1;
    int err = dx + dy;
    for (;;) {
        pen_step(c, ax, ay, p);
        if (ax == bx && ay == by)
            break;
        int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            ax += stepx;
        }
        if (e2 <= dx) {
            err += dx;
            ay += stepy;
        }
    }
}

void rcanvas_blit(const struct rcanvas *c, struct rgrid *g, int x, int y)
{
    for (int r = 0; r < c->h; r++) {
        for (int col = 0; col < c->w; col++) {
            const struct rcanvas_cell *cell =
                &c->cells[(size_t)r * (size_t)c->w + (size_t)col];
            if (c->sx == 2 && cell->bits)
                rgrid_put(g, x + col, y + r, 0x2800u + cell->bits, cell->style);
            else if (c->sx == 1 && cell->glyph)
                rgrid_put(g, x + col, y + r, cell->glyph, cell->style);
        }
    }
}
