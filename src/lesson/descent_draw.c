/*
 * Drawing lesson 5 into a cell grid (see descent_draw.h). Tables are built
 * as plain strings from the values the topic model got from the core; the
 * picture uses the render library's plot for axes, paths and legend and
 * adds the contour lines of the surface in the cells the plot left blank.
 */
#include "lesson/descent_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/numgrad.h"
#include "render/plot.h"

/* Contour lines drawn between the minimum and the box's highest corner. */
#define CONTOURS 4

/* v with `digits` significant digits; never "-0". */
static void fmt_g(char *buf, size_t n, double v, int digits)
{
    if (v == 0)
        v = 0; /* -0 becomes 0 */
    snprintf(buf, n, "%.*g", digits, v);
}

int descent_draw_derivative(struct rgrid *g, int x, int y, enum descent_fn fn,
                            double at, double h)
{
    struct descent_deriv d;
    int err = descent_derivative(&d, fn, at, h);
    if (err)
        return err;
    char line[256], a[40], b[40], c[40], e[40], hs[40], h2[40];
    fmt_g(a, sizeof a, at, 10);
    fmt_g(hs, sizeof hs, h, 6);
    fmt_g(e, sizeof e, d.exact, 15);
    snprintf(line, sizeof line,
             "f(x) = %s at x = %s, h = %s; exact f'(x) = "
             "%s = %s",
             descent_fn_formula(fn), a, hs, descent_fn_deriv_formula(fn), e);
    rgrid_print(g, x, y, line, RS_NORMAL);
    fmt_g(a, sizeof a, d.f_plus, 15);
    fmt_g(b, sizeof b, d.f_minus, 15);
    fmt_g(c, sizeof c, d.f_x, 15);
    snprintf(line, sizeof line, "f(x + h) = %s   f(x - h) = %s   f(x) = %s", a,
             b, c);
    rgrid_print(g, x, y + 1, line, RS_NORMAL);
    /* Both quotients with their "=" in one column. */
    char lc[96], lf[96];
    fmt_g(h2, sizeof h2, 2 * h, 6);
    snprintf(lc, sizeof lc, "central (f(x + h) - f(x - h)) / %s", h2);
    snprintf(lf, sizeof lf, "forward (f(x + h) - f(x)) / %s", hs);
    int wl = (int)(strlen(lc) > strlen(lf) ? strlen(lc) : strlen(lf));
    fmt_g(a, sizeof a, d.central, 15);
    fmt_g(b, sizeof b, d.forward, 15);
    int wv = (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
    rgrid_print(g, x, y + 3, lc, RS_GOOD);
    rgrid_print(g, x, y + 4, lf, RS_NORMAL);
    snprintf(line, sizeof line, "= %s", a);
    rgrid_print(g, x + wl + 1, y + 3, line, RS_GOOD);
    snprintf(line, sizeof line, "= %s", b);
    rgrid_print(g, x + wl + 1, y + 4, line, RS_NORMAL);
    snprintf(line, sizeof line, "error %.1e", d.err_central);
    rgrid_print(g, x + wl + wv + 6, y + 3, line, RS_GOOD);
    snprintf(line, sizeof line, "error %.1e", d.err_forward);
    rgrid_print(g, x + wl + wv + 6, y + 4, line, RS_NORMAL);
    return 5;
}

int descent_draw_errors(struct rgrid *g, int x, int y, enum descent_fn fn,
                        double at)
{
    char line[256], a[40], b[40];
    fmt_g(a, sizeof a, at, 10);
    fmt_g(b, sizeof b, descent_fn_deriv(fn, at), 15);
    snprintf(line, sizeof line, "f(x) = %s at x = %s: f'(x) = %s = %s",
             descent_fn_formula(fn), a, descent_fn_deriv_formula(fn), b);
    rgrid_print(g, x, y, line, RS_NORMAL);
    rgrid_print(g, x, y + 1,
                "    h  | forward difference | error    | "
                "central difference | error",
                RS_BOLD);
    for (int k = 0; k < DESCENT_N_STEPS; k++) {
        struct descent_deriv d;
        int err = descent_derivative(&d, fn, at, descent_step_h(k));
        if (err)
            return err;
        fmt_g(a, sizeof a, d.forward, 15);
        fmt_g(b, sizeof b, d.central, 15);
        snprintf(line, sizeof line, "%6.0e | %-18s | %.2e | %-18s | %.2e", d.h,
                 a, d.err_forward, b, d.err_central);
        /* The central difference's best h is near the cube root of the
         * rounding unit; h = 1e-4 is the seeds' choice. */
        rgrid_print(g, x, y + 2 + k, line,
                    d.h == NN_NUMGRAD_STEP ? RS_HIGHLIGHT : RS_NORMAL);
    }
    return 2 + DESCENT_N_STEPS;
}

int descent_draw_gradient(struct rgrid *g, int x, int y, enum descent_surface s,
                          const double (*pts)[2], int n)
{
    char line[256], head[128];
    snprintf(head, sizeof head,
             "point      | numerical gradient, h = 1e-4  "
             "         | exact %s",
             descent_surface_grad_formula(s));
    rgrid_print(g, x, y, head, RS_BOLD);
    for (int i = 0; i < n; i++) {
        double num[2], ex[2];
        int err = descent_gradient(s, pts[i], NN_NUMGRAD_STEP, num);
        if (err)
            return err;
        descent_surface_grad(s, pts[i], ex);
        char p0[32], p1[32], n0[40], n1[40], e0[32], e1[32], pt[80], nu[96];
        fmt_g(p0, sizeof p0, pts[i][0], 6);
        fmt_g(p1, sizeof p1, pts[i][1], 6);
        fmt_g(n0, sizeof n0, num[0], 15);
        fmt_g(n1, sizeof n1, num[1], 15);
        fmt_g(e0, sizeof e0, ex[0], 10);
        fmt_g(e1, sizeof e1, ex[1], 10);
        snprintf(pt, sizeof pt, "(%s, %s)", p0, p1);
        snprintf(nu, sizeof nu, "(%s, %s)", n0, n1);
        snprintf(line, sizeof line, "%-10s | %-38s | (%s, %s)", pt, nu, e0, e1);
        rgrid_print(g, x, y + 1 + i, line, RS_NORMAL);
    }
    return 1 + n;
}

/* A count with thousands separators: 79520 -> "79,520". */
static void fmt_count(char *buf, size_t n, size_t v)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", v);
    size_t k = 0;
    for (int i = 0; i < len && k + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}

int descent_draw_gradcheck(struct rgrid *g, int x, int y,
                           const struct gradcheck *gc, int show)
{
    const struct forward_config *c = &gc->run.cfg;
    size_t n = gc->run.mlp.n_params;
    char line[256], net[96], a[40], b[40], d[40], name[32];
    size_t k = 0;
    for (int i = 0; i <= c->n_layers && k < sizeof net; i++)
        k += (size_t)snprintf(net + k, sizeof net - k, "%s%zu", i ? "-" : "",
                              c->sizes[i]);
    fmt_count(a, sizeof a, n);
    snprintf(line, sizeof line,
             "network %s: %s parameters; MSE on a "
             "mini-batch of %zu (seed %llu) = %.6g",
             net, a, c->batch, (unsigned long long)c->seed, gc->loss);
    rgrid_print(g, x, y, line, RS_NORMAL);
    snprintf(line, sizeof line,
             "backprop:  1 forward + 1 backward pass "
             "give all %s gradients",
             a);
    rgrid_print(g, x, y + 1, line, RS_NORMAL);
    fmt_count(b, sizeof b, (size_t)gc->passes);
    snprintf(line, sizeof line,
             "numerical: %s forward passes, 2 per "
             "parameter (h = 1e-4)",
             b);
    rgrid_print(g, x, y + 2, line, RS_NORMAL);
    gradcheck_param_name(gc, gc->worst, name, sizeof name);
    snprintf(line, sizeof line, "largest relative difference: %.1e (at %s)",
             gc->max_rel, name);
    rgrid_print(g, x, y + 3, line, gc->max_rel < 1e-6 ? RS_GOOD : RS_BAD);
    int row = 5;
    rgrid_print(g, x, y + row++,
                "parameter | backprop            | "
                "numerical           | difference",
                RS_BOLD);
    for (size_t i = 0; i < n && (int)i < show; i++) {
        double bp = nn_mat_get(&gc->backprop, 0, i);
        double nu = nn_mat_get(&gc->numeric, 0, i);
        gradcheck_param_name(gc, i, name, sizeof name);
        fmt_g(a, sizeof a, bp, 12);
        fmt_g(b, sizeof b, nu, 12);
        snprintf(d, sizeof d, "%.1e", nu - bp);
        snprintf(line, sizeof line, "%-9s | %-19s | %-19s | %s", name, a, b, d);
        rgrid_print(g, x, y + row++, line, RS_NORMAL);
    }
    size_t w[2], bias[2], total;
    static const size_t mnist[3] = {784, 50, 10};
    if (forward_count_params(mnist, 2, w, bias, &total) == 0) {
        fmt_count(a, sizeof a, total);
        fmt_count(b, sizeof b, 2 * total);
        snprintf(line, sizeof line,
                 "For the 784-50-10 MNIST network: %s "
                 "parameters, %s forward passes per",
                 a, b);
        rgrid_print(g, x, y + ++row, line, RS_NORMAL);
        rgrid_print(g, x, y + ++row,
                    "numerical gradient, against one "
                    "forward and one backward pass.",
                    RS_NORMAL);
    }
    return row + 1;
}

void descent_run_label(char *buf, size_t n, const struct descent_paths *p,
                       int i)
{
    const struct descent_run *r = &p->runs[i];
    char lr[32];
    fmt_g(lr, sizeof lr, r->optim.cfg.lr, 6);
    snprintf(buf, n, "%s, lr = %s", nn_optim_name(r->optim.cfg.kind), lr);
}

/* Is step k one of the rows of a path table of a run of `last` steps? */
static int shown_step(long k, long last)
{
    if (last <= 12 || k <= 5 || k == last)
        return 1;
    /* 10, 20, 50, 100, 200, 500, ... and 30 */
    long p = 10;
    while (p <= k) {
        if (k == p || k == 2 * p || k == 5 * p)
            return 1;
        p *= 10;
    }
    return k == 30;
}

int descent_draw_path(struct rgrid *g, int x, int y,
                      const struct descent_paths *p, int i)
{
    const struct descent_run *r = &p->runs[i];
    enum descent_surface s = p->cfg.surface;
    char line[256];
    snprintf(line, sizeof line, " step | %-16s | %-16s | f",
             descent_surface_var(s, 0), descent_surface_var(s, 1));
    rgrid_print(g, x, y, line, RS_BOLD);
    int row = 1;
    for (long k = 0; k <= r->steps; k++) {
        if (!shown_step(k, r->steps))
            continue;
        char a[40], b[40], c[40];
        fmt_g(a, sizeof a, r->x[k], 10);
        fmt_g(b, sizeof b, r->y[k], 10);
        fmt_g(c, sizeof c, r->f[k], 10);
        snprintf(line, sizeof line, "%5ld | %-16s | %-16s | %s", k, a, b, c);
        rgrid_print(g, x, y + row++, line, RS_NORMAL);
    }
    long k = r->steps;
    if (k > 0 && r->x[k] == r->x[k - 1] && r->y[k] == r->y[k - 1] &&
        r->f[k] > 0) {
        /* Far from 0, x + h rounds to a neighbour of x and f(x + h) and
         * f(x - h) round to the same number: the estimate is 0. */
        rgrid_print(g, x, y + row++,
                    "stuck: here the numerical gradient is 0, h is lost in "
                    "the rounding of f",
                    RS_BAD);
    }
    if (r->stopped) {
        snprintf(line, sizeof line,
                 "stopped after step %ld: the point is no "
                 "longer a finite number",
                 r->steps);
        rgrid_print(g, x, y + row++, line, RS_BAD);
    }
    return row;
}

/* How a run ended, and the style to show it in. */
static const char *verdict(const struct descent_run *r, int *style)
{
    double f = r->f[r->steps];
    *style = RS_NORMAL;
    if (r->stopped) {
        *style = RS_BAD;
        return "overflowed";
    }
    if (f < 1e-6) {
        *style = RS_GOOD;
        return "at the minimum";
    }
    if (f < r->f[0])
        return "on its way";
    *style = RS_BAD;
    return "moved away";
}

int descent_draw_summary(struct rgrid *g, int x, int y,
                         const struct descent_paths *p)
{
    char lab[DESCENT_MAX_RUNS][64], pt[DESCENT_MAX_RUNS][96],
        fv[DESCENT_MAX_RUNS][40];
    /* Columns as wide as their widest entry (headers included). */
    int wl = 3, wp = 11, wf = 7;
    for (int i = 0; i < p->n_runs; i++) {
        const struct descent_run *r = &p->runs[i];
        char a[40], b[40];
        descent_run_label(lab[i], sizeof lab[i], p, i);
        fmt_g(a, sizeof a, r->x[r->steps], 6);
        fmt_g(b, sizeof b, r->y[r->steps], 6);
        fmt_g(fv[i], sizeof fv[i], r->f[r->steps], 4);
        snprintf(pt[i], sizeof pt[i], "(%s, %s)", a, b);
        wl = (int)strlen(lab[i]) > wl ? (int)strlen(lab[i]) : wl;
        wp = (int)strlen(pt[i]) > wp ? (int)strlen(pt[i]) : wp;
        wf = (int)strlen(fv[i]) > wf ? (int)strlen(fv[i]) : wf;
    }
    int col[4] = {x, x + wl + 3, x + wl + wp + 6, x + wl + wp + wf + 9};
    static const char *const head[4] = {"run", "final point", "f there",
                                        "verdict"};
    for (int k = 0; k < 4; k++) {
        if (k)
            rgrid_print(g, col[k] - 2, y, "|", RS_BOLD);
        rgrid_print(g, col[k], y, head[k], RS_BOLD);
    }
    for (int i = 0; i < p->n_runs; i++) {
        int style;
        const char *v = verdict(&p->runs[i], &style);
        const char *cells[4] = {lab[i], pt[i], fv[i], v};
        for (int k = 0; k < 4; k++) {
            if (k)
                rgrid_print(g, col[k] - 2, y + 1 + i, "|", style);
            rgrid_print(g, col[k], y + 1 + i, cells[k], style);
        }
    }
    return 1 + p->n_runs;
}

/* Contour band of f at a point: f of the quadratic bowls grows like the
 * square of the distance from the minimum, so equal steps of sqrt(f) give
 * evenly spaced rings. */
static int band(enum descent_surface s, double x0, double x1, double step)
{
    return (int)floor(sqrt(descent_surface_f(s, x0, x1)) / step);
}

/* Dots on the cells where the band changes to the right or below, only
 * in cells the plot left blank, so the paths stay on top. */
static void draw_contours(struct rgrid *g, const struct rplot_frame *fr,
                          enum descent_surface s, const double box[4])
{
    double top = 0;
    for (int k = 0; k < 4; k++)
        top = fmax(top, descent_surface_f(s, box[k / 2], box[2 + k % 2]));
    double step = sqrt(top) / CONTOURS;
    double cw = (fr->x1 - fr->x0) / fr->pw, ch = (fr->y1 - fr->y0) / fr->ph;
    for (int r = 0; r < fr->ph; r++)
        for (int c = 0; c < fr->pw; c++) {
            struct rcell *cell = rgrid_at(g, fr->px + c, fr->py + r);
            if (!cell || cell->ch != ' ')
                continue;
            double cx = fr->x0 + (c + 0.5) * cw, cy = fr->y1 - (r + 0.5) * ch;
            int b = band(s, cx, cy, step);
            if (b != band(s, cx + cw, cy, step) ||
                b != band(s, cx, cy - ch, step))
                rgrid_put(g, fr->px + c, fr->py + r, '.', RS_DIM);
        }
}

int descent_draw_picture(struct rgrid *g, int x, int y, int w, int h,
                         const struct descent_paths *p,
                         const struct rglyphs *gs)
{
    struct rseries series[DESCENT_MAX_RUNS + 1];
    char labels[DESCENT_MAX_RUNS + 1][80];
    double box[4];
    descent_surface_box(p->cfg.surface, box);
    int n = 0;
    for (int i = 0; i < p->n_runs; i++, n++) {
        const struct descent_run *r = &p->runs[i];
        descent_run_label(labels[n], sizeof labels[n], p, i);
        series[n] = (struct rseries){
            .label = labels[n], .x = r->x, .y = r->y, .n = (int)r->steps + 1};
    }
    char a[32], b[32];
    fmt_g(a, sizeof a, p->cfg.start[0], 6);
    fmt_g(b, sizeof b, p->cfg.start[1], 6);
    snprintf(labels[n], sizeof labels[n], "start (%s, %s)", a, b);
    series[n] = (struct rseries){.label = labels[n],
                                 .x = p->cfg.start,
                                 .y = p->cfg.start + 1,
                                 .n = 1,
                                 .points_only = 1};
    n++;
    struct rplot pl;
    rplot_init(&pl);
    pl.series = series;
    pl.nseries = n;
    pl.xmin = box[0];
    pl.xmax = box[1];
    pl.ymin = box[2];
    pl.ymax = box[3];
    struct rplot_frame fr;
    if (rplot_draw(g, x, y, w, h, &pl, gs, &fr) != 0)
        return -1;
    draw_contours(g, &fr, p->cfg.surface, box);
    return h;
}
