/*
 * Drawing lesson 5 into a cell grid (see descent_draw.h). Tables are built
 * as plain strings from the values the topic model got from the core; the
 * picture is the render library's plot: the paths as series over the
 * contour lines of the surface, with axes and a legend.
 */
#include "lesson/descent_draw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/numgrad.h"
#include "lesson/count_text.h"
#include "lesson/say.h"
#include "lesson/table_row.h"
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
                            double at, double h, const char *lang)
{
    int ko = say_is_ko(lang);
    struct descent_deriv d;
    int err = descent_derivative(&d, fn, at, h);
    if (err)
        return err;
    char line[256], a[40], b[40], c[40], e[40], hs[40], h2[40];
    fmt_g(a, sizeof a, at, 10);
    fmt_g(hs, sizeof hs, h, 6);
    fmt_g(e, sizeof e, d.exact, 15);
    SAY(line, ko, "f(x) = %s at x = %s, h = %s; exact f'(x) = %s = %s",
        "f(x) = %s, x = %s, h = %s; 정확한 f'(x) = %s = %s",
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
    snprintf(lc, sizeof lc, "%s (f(x + h) - f(x - h)) / %s",
             WORD(ko, "central", "중앙 차분"), h2);
    snprintf(lf, sizeof lf, "%s (f(x + h) - f(x)) / %s",
             WORD(ko, "forward", "전방 차분"), hs);
    int wl = table_width(lc, utf8_width(lf));
    fmt_g(a, sizeof a, d.central, 15);
    fmt_g(b, sizeof b, d.forward, 15);
    int wv = (int)(strlen(a) > strlen(b) ? strlen(a) : strlen(b));
    rgrid_print(g, x, y + 3, lc, RS_GOOD);
    rgrid_print(g, x, y + 4, lf, RS_NORMAL);
    snprintf(line, sizeof line, "= %s", a);
    rgrid_print(g, x + wl + 1, y + 3, line, RS_GOOD);
    snprintf(line, sizeof line, "= %s", b);
    rgrid_print(g, x + wl + 1, y + 4, line, RS_NORMAL);
    SAY(line, ko, "error %.1e", "오차 %.1e", d.err_central);
    rgrid_print(g, x + wl + wv + 6, y + 3, line, RS_GOOD);
    SAY(line, ko, "error %.1e", "오차 %.1e", d.err_forward);
    rgrid_print(g, x + wl + wv + 6, y + 4, line, RS_NORMAL);
    return 5;
}

int descent_draw_errors(struct rgrid *g, int x, int y, enum descent_fn fn,
                        double at, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[256], a[40], b[40];
    fmt_g(a, sizeof a, at, 10);
    fmt_g(b, sizeof b, descent_fn_deriv(fn, at), 15);
    SAY(line, ko, "f(x) = %s at x = %s: f'(x) = %s = %s",
        "f(x) = %s, x = %s: f'(x) = %s = %s", descent_fn_formula(fn), a,
        descent_fn_deriv_formula(fn), b);
    rgrid_print(g, x, y, line, RS_NORMAL);
    /* Columns of the rows below: %6.0e, %-18s, %.2e, %-18s, %.2e. */
    static const int width[5] = {6, 18, 8, 18, 8};
    const char *head[5] = {
        "    h ", WORD(ko, "forward difference", "전방 차분"),
        WORD(ko, "error", "오차"), WORD(ko, "central difference", "중앙 차분"),
        WORD(ko, "error", "오차")};
    table_row(g, x, y + 1, width, head, 5, RS_BOLD);
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
                          const double (*pts)[2], int n, const char *lang)
{
    int ko = say_is_ko(lang);
    char line[256], exact[64];
    SAY(exact, ko, "exact %s", "정확한 값 %s", descent_surface_grad_formula(s));
    /* Columns of the rows below: %-10s, %-38s, the rest. */
    static const int width[3] = {10, 38, 0};
    const char *head[3] = {
        WORD(ko, "point", "점"),
        WORD(ko, "numerical gradient, h = 1e-4", "수치 기울기, h = 1e-4"),
        exact};
    table_row(g, x, y, width, head, 3, RS_BOLD);
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

int descent_draw_gradcheck(struct rgrid *g, int x, int y,
                           const struct gradcheck *gc, int show,
                           const char *lang)
{
    int ko = say_is_ko(lang);
    const struct forward_config *c = &gc->run.cfg;
    size_t n = gc->run.mlp.n_params;
    char line[256], net[96], a[40], b[40], d[40], name[32];
    size_t k = 0;
    for (int i = 0; i <= c->n_layers && k < sizeof net; i++)
        k += (size_t)snprintf(net + k, sizeof net - k, "%s%zu", i ? "-" : "",
                              c->sizes[i]);
    count_text_format(a, sizeof a, n);
    SAY(line, ko,
        "network %s: %s parameters; MSE on a mini-batch of %zu (seed %llu) "
        "= %.6g",
        "신경망 %s: 매개변수 %s개; 미니배치 %zu개의 MSE (seed %llu) = %.6g",
        net, a, c->batch, (unsigned long long)c->seed, gc->loss);
    rgrid_print(g, x, y, line, RS_NORMAL);
    SAY(line, ko,
        "backprop:  1 forward + 1 backward pass give all %s "
        "gradients",
        "역전파:    순전파 1번 + 역전파 1번으로 기울기 %s개 전부", a);
    rgrid_print(g, x, y + 1, line, RS_NORMAL);
    count_text_format(b, sizeof b, (size_t)gc->passes);
    SAY(line, ko, "numerical: %s forward passes, 2 per parameter (h = 1e-4)",
        "수치 미분: 순전파 %s번, 매개변수마다 2번 (h = 1e-4)", b);
    rgrid_print(g, x, y + 2, line, RS_NORMAL);
    gradcheck_param_name(gc, gc->worst, name, sizeof name);
    SAY(line, ko, "largest relative difference: %.1e (at %s)",
        "가장 큰 상대 차이: %.1e (%s)", gc->max_rel, name);
    rgrid_print(g, x, y + 3, line, gc->max_rel < 1e-6 ? RS_GOOD : RS_BAD);
    int row = 5;
    /* Columns of the rows below: %-9s, %-19s, %-19s, the rest. */
    static const int width[4] = {9, 19, 19, 0};
    const char *head[4] = {
        WORD(ko, "parameter", "매개변수"), WORD(ko, "backprop", "역전파"),
        WORD(ko, "numerical", "수치 미분"), WORD(ko, "difference", "차이")};
    table_row(g, x, y + row++, width, head, 4, RS_BOLD);
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
        count_text_format(a, sizeof a, total);
        count_text_format(b, sizeof b, 2 * total);
        SAY(line, ko,
            "For the 784-50-10 MNIST network: %s parameters, %s forward "
            "passes per",
            "784-50-10 MNIST 신경망: 매개변수 %s개, 수치 기울기 한 번에 "
            "순전파 %s번,",
            a, b);
        rgrid_print(g, x, y + ++row, line, RS_NORMAL);
        rgrid_print(g, x, y + ++row,
                    WORD(ko,
                         "numerical gradient, against one forward and "
                         "one backward pass.",
                         "역전파라면 순전파 1번과 역전파 1번입니다."),
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
                      const struct descent_paths *p, int i, const char *lang)
{
    const struct descent_run *r = &p->runs[i];
    enum descent_surface s = p->cfg.surface;
    int ko = say_is_ko(lang);
    char line[256];
    /* Columns of the rows below: %5ld, %-16s, %-16s, the rest. */
    static const int width[4] = {5, 16, 16, 0};
    const char *head[4] = {WORD(ko, " step", " 단계"),
                           descent_surface_var(s, 0), descent_surface_var(s, 1),
                           "f"};
    table_row(g, x, y, width, head, 4, RS_BOLD);
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
                    WORD(ko,
                         "stuck: here the numerical gradient is 0, h is "
                         "lost in the rounding of f",
                         "멈춤: 여기서는 수치 기울기가 0입니다. h가 f의 "
                         "반올림에 묻혔습니다"),
                    RS_BAD);
    }
    return row;
}

/* How a run ended, and the style to show it in. */
static const char *verdict(const struct descent_run *r, int ko, int *style)
{
    double f = r->f[r->steps], low[2], g[2];
    double p[2] = {r->x[r->steps], r->y[r->steps]};
    descent_surface_min(r->surface, low);
    double f_min = descent_surface_f(r->surface, low[0], low[1]);
    *style = RS_NORMAL;
    if (f - f_min < 1e-6) {
        *style = RS_GOOD;
        return WORD(ko, "at the minimum", "최소점 도착");
    }
    /* flat ground well above the lowest point: a valley of its own */
    descent_surface_grad(r->surface, p, g);
    if (hypot(g[0], g[1]) < 1e-3 && f - f_min > 1e-3) {
        *style = RS_BAD;
        return WORD(ko, "in a local minimum", "지역 최소점에 갇힘");
    }
    if (f < r->f[0])
        return WORD(ko, "on its way", "가는 중");
    /* lr = 1 on the bowl jumps to -x and back: it never gets closer. */
    if (f == r->f[0]) {
        *style = RS_BAD;
        return WORD(ko, "no closer", "제자리");
    }
    *style = RS_BAD;
    return WORD(ko, "moved away", "멀어짐");
}

int descent_draw_summary(struct rgrid *g, int x, int y,
                         const struct descent_paths *p, const char *lang)
{
    int ko = say_is_ko(lang);
    char lab[DESCENT_MAX_RUNS][64], pt[DESCENT_MAX_RUNS][96],
        fv[DESCENT_MAX_RUNS][40];
    const char *head[4] = {
        WORD(ko, "run", "실행"), WORD(ko, "point reached", "도달한 점"),
        WORD(ko, "f there", "그곳의 f"), WORD(ko, "verdict", "판정")};
    /* Columns as wide as their widest entry (headers included). */
    int width[4] = {table_width(head[0], 0), table_width(head[1], 0),
                    table_width(head[2], 0), 0};
    for (int i = 0; i < p->n_runs; i++) {
        const struct descent_run *r = &p->runs[i];
        char a[40], b[40];
        descent_run_label(lab[i], sizeof lab[i], p, i);
        fmt_g(a, sizeof a, r->x[r->steps], 6);
        fmt_g(b, sizeof b, r->y[r->steps], 6);
        fmt_g(fv[i], sizeof fv[i], r->f[r->steps], 4);
        snprintf(pt[i], sizeof pt[i], "(%s, %s)", a, b);
        width[0] = table_width(lab[i], width[0]);
        width[1] = table_width(pt[i], width[1]);
        width[2] = table_width(fv[i], width[2]);
    }
    table_row(g, x, y, width, head, 4, RS_BOLD);
    for (int i = 0; i < p->n_runs; i++) {
        int style;
        const char *v = verdict(&p->runs[i], ko, &style);
        const char *cells[4] = {lab[i], pt[i], fv[i], v};
        table_row(g, x, y + 1 + i, width, cells, 4, style);
    }
    return 1 + p->n_runs;
}

/* The surface for the plot's contour lines. */
static double surface_at(double x0, double x1, void *ctx)
{
    const enum descent_surface *s = ctx;
    return descent_surface_f(*s, x0, x1);
}

/* Contour levels from the minimum to the box's highest corner: f of the
 * quadratic bowls grows like the square of the distance from the minimum,
 * so levels (k * step)^2 give evenly spaced rings. */
static void contour_levels(double *levels, enum descent_surface s,
                           const double box[4])
{
    double top = 0;
    for (int k = 0; k < 4; k++)
        top = fmax(top, descent_surface_f(s, box[k / 2], box[2 + k % 2]));
    double step = sqrt(top) / (CONTOURS + 1);
    for (int k = 0; k < CONTOURS; k++)
        levels[k] = ((k + 1) * step) * ((k + 1) * step);
}

int descent_draw_picture(struct rgrid *g, int x, int y, int w, int h,
                         const struct descent_paths *p,
                         const struct rglyphs *gs, const char *lang)
{
    int ko = say_is_ko(lang);
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
    SAY(labels[n], ko, "start (%s, %s)", "출발점 (%s, %s)", a, b);
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
    enum descent_surface surface = p->cfg.surface;
    double levels[CONTOURS];
    contour_levels(levels, surface, box);
    struct rcontour ct = {surface_at, &surface, levels, CONTOURS};
    pl.contour = &ct;
    if (rplot_draw(g, x, y, w, h, &pl, gs, NULL) != 0)
        return -1;
    return h;
}
