/*
 * Lesson 5's topic model: the two difference quotients against their
 * algebra and Taylor's error terms, the gradients of the seed 004 bowl at
 * its points, descent paths against the closed form of gradient descent
 * on the bowl, and the first steps of each optimizer worked out by hand
 * from the formulas in core/optim.h.
 */
#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_helpers.h"
#include "core/numgrad.h"
#include "lesson/descent.h"
#include "lesson/lesson.h"
#include "lesson/step_draw.h"
#include "step_text.h"

#define H 1e-4

START_TEST(test_derivative_square)
{
    /* ((x + h)^2 - (x - h)^2) / 2h = 2x exactly on paper;
     * ((x + h)^2 - x^2) / h = 2x + h. */
    struct descent_deriv d;
    ck_assert_int_eq(descent_derivative(&d, DESCENT_FN_SQUARE, 3, H), 0);
    ck_assert_near(d.central, 6, 1e-10);
    ck_assert_near(d.forward, 6.0001, 1e-10);
    ck_assert_near(d.exact, 6, 0);
    ck_assert_near(d.f_plus, 9.00060001, 1e-12);
    ck_assert_near(d.f_minus, 8.99940001, 1e-12);
    ck_assert_near(d.f_x, 9, 0);
    ck_assert_near(d.err_forward, 1e-4, 1e-10);
    ck_assert(d.err_central < 1e-10);
}
END_TEST

START_TEST(test_derivative_cube)
{
    /* x^3 at 2, h = 0.01: central 3x^2 + h^2 = 12.0001, forward
     * 3x^2 + 3xh + h^2 = 12 + 0.06 + 0.0001 = 12.0601. */
    struct descent_deriv d;
    ck_assert_int_eq(descent_derivative(&d, DESCENT_FN_CUBE, 2, 0.01), 0);
    ck_assert_near(d.central, 12.0001, 1e-10);
    ck_assert_near(d.forward, 12.0601, 1e-10);
    ck_assert_near(d.exact, 12, 0);
}
END_TEST

START_TEST(test_derivative_error_orders)
{
    /* e^x at 1: forward error ~ e*h/2, central error ~ e*h^2/6 (Taylor),
     * while h is large enough for rounding not to matter. */
    const double e = exp(1);
    for (int k = 0; k < 3; k++) {
        double h = descent_step_h(k);
        struct descent_deriv d;
        ck_assert_int_eq(descent_derivative(&d, DESCENT_FN_EXP, 1, h), 0);
        ck_assert_rel(d.err_forward, e * h / 2, 0.2);
        ck_assert_rel(d.err_central, e * h * h / 6, 0.01);
        ck_assert(d.err_central < d.err_forward);
    }
    /* sin at 0.5: f''' = -cos, so central = cos x - cos x * h^2/6. */
    struct descent_deriv d;
    ck_assert_int_eq(descent_derivative(&d, DESCENT_FN_SIN, 0.5, 1e-2), 0);
    ck_assert_near(d.central, cos(0.5) * (1 - 1e-4 / 6), 1e-9);
    ck_assert_near(d.exact, cos(0.5), 0);
    /* h = 1e-50 is lost: x + h == x, both estimates are 0. */
    ck_assert_near(descent_step_h(DESCENT_N_STEPS - 1), 1e-50, 0);
    ck_assert_int_eq(descent_derivative(&d, DESCENT_FN_EXP, 1, 1e-50), 0);
    ck_assert_near(d.central, 0, 0);
    ck_assert_near(d.forward, 0, 0);
    ck_assert_near(descent_step_h(3), 1e-4, 0);
    ck_assert_int_lt(descent_derivative(&d, DESCENT_FN_EXP, 1, 0), 0);
}
END_TEST

/* The core's forward difference on L(p) = sum of p_i^2: 2p_i + h. */
static int sum_squares(void *ctx, double *value)
{
    const struct nn_mat *p = ctx;
    *value = 0;
    for (size_t i = 0; i < p->cols; i++)
        *value += nn_mat_get(p, 0, i) * nn_mat_get(p, 0, i);
    return 0;
}

START_TEST(test_core_forward_difference)
{
    double pv[3] = {1, -2, 0.5}, gv[3];
    struct nn_mat p = nn_mat_wrap(NN_F64, 1, 3, pv);
    struct nn_mat g = nn_mat_wrap(NN_F64, 1, 3, gv);
    ck_assert_int_eq(nn_numgrad_forward(&g, &p, sum_squares, &p, 1e-3), 0);
    ck_assert_near(gv[0], 2.001, 1e-9);
    ck_assert_near(gv[1], -3.999, 1e-9);
    ck_assert_near(gv[2], 1.001, 1e-9);
    /* The parameters are back where they were, bit for bit. */
    ck_assert(pv[0] == 1 && pv[1] == -2 && pv[2] == 0.5);
    ck_assert_int_lt(nn_numgrad_forward(&g, &p, sum_squares, &p, -1), 0);
}
END_TEST

START_TEST(test_gradient_seed_points)
{
    /* Seed 004: f(x0, x1) = x0^2 + x1^2, gradient (2*x0, 2*x1). */
    static const double pts[3][2] = {{3, 4}, {0, 2}, {3, 0}};
    static const double want[3][2] = {{6, 8}, {0, 4}, {6, 0}};
    for (int i = 0; i < 3; i++) {
        double g[2];
        ck_assert_int_eq(descent_gradient(DESCENT_BOWL, pts[i], H, g), 0);
        ck_assert_near(g[0], want[i][0], 1e-9);
        ck_assert_near(g[1], want[i][1], 1e-9);
    }
    /* x^2/20 + y^2 at (-7, 2): (x/10, 2y) = (-0.7, 4). */
    double g[2];
    ck_assert_int_eq(
        descent_gradient(DESCENT_ELONGATED, (double[]){-7, 2}, H, g), 0);
    ck_assert_near(g[0], -0.7, 1e-9);
    ck_assert_near(g[1], 4, 1e-9);
    ck_assert_near(descent_surface_f(DESCENT_ELONGATED, -7, 2), 49.0 / 20 + 4,
                   1e-15);
}
END_TEST

/* The valleys: f = (x^2 - 4)^2/16 + x/2 + y^2, written out here. Its
 * slope in x, x(x^2 - 4)/4 + 1/2, is 0 where x^3 - 4x + 2 = 0. */
static double valleys(double x, double y)
{
    return (x * x - 4) * (x * x - 4) / 16 + x / 2 + y * y;
}

/* A root of x^3 - 4x + 2 by bisection on [lo, hi] (a sign change). */
static double cubic_root(double lo, double hi)
{
    for (int i = 0; i < 200; i++) {
        double mid = (lo + hi) / 2;
        double f_lo = lo * lo * lo - 4 * lo + 2;
        double f_mid = mid * mid * mid - 4 * mid + 2;
        if ((f_lo < 0) == (f_mid < 0))
            lo = mid;
        else
            hi = mid;
    }
    return (lo + hi) / 2;
}

START_TEST(test_valleys_surface)
{
    static const double pts[3][2] = {{3, 1.5}, {-1, 0.5}, {0.25, -2}};
    for (int i = 0; i < 3; i++) {
        double x = pts[i][0], y = pts[i][1], g[2], ex[2];
        ck_assert_near(descent_surface_f(DESCENT_VALLEYS, x, y), valleys(x, y),
                       1e-14);
        ck_assert_int_eq(descent_gradient(DESCENT_VALLEYS, pts[i], H, g), 0);
        descent_surface_grad(DESCENT_VALLEYS, pts[i], ex);
        ck_assert_near(ex[0], x * (x * x - 4) / 4 + 0.5, 1e-14);
        ck_assert_near(ex[1], 2 * y, 1e-14);
        ck_assert_near(g[0], ex[0], 1e-7);
        ck_assert_near(g[1], ex[1], 1e-7);
    }
    /* the lowest point: the left root; the right one is only a local
     * minimum, higher by almost 2 */
    double x_min = cubic_root(-3, -2), x_local = cubic_root(1, 2), low[2];
    descent_surface_min(DESCENT_VALLEYS, low);
    ck_assert_near(low[0], x_min, 1e-15);
    ck_assert_near(low[1], 0, 0);
    ck_assert_near(valleys(x_min, 0), -1.0561728852444640, 1e-15);
    ck_assert_near(valleys(x_local, 0), 0.92665821808114989, 1e-15);
    ck_assert(valleys(x_local, 0) > valleys(x_min, 0));
}
END_TEST

/* The race on the valleys from (3, 1.5): momentum ends in the deep valley,
 * every other optimizer in the near one; and a wild start with a huge
 * rate stays finite. */
START_TEST(test_valleys_race)
{
    struct descent_config c = {.mode = DESCENT_RACE,
                               .surface = DESCENT_VALLEYS};
    descent_config_defaults(&c, 1, 0, 0);
    ck_assert_near(c.start[0], 3, 0);
    ck_assert_near(c.start[1], 1.5, 0);
    ck_assert_int_eq(c.steps, 150);
    struct descent_paths p;
    ck_assert_int_eq(descent_paths_run(&p, &c), 0);
    double x_min = cubic_root(-3, -2), x_local = cubic_root(1, 2);
    for (int i = 0; i < p.n_runs; i++) {
        const struct descent_run *r = &p.runs[i];
        double want = i == NN_OPT_MOMENTUM ? x_min : x_local;
        ck_assert_msg(fabs(r->x[r->steps] - want) < 1e-3,
                      "run %d ended at x = %g, not %g", i, r->x[r->steps],
                      want);
        ck_assert(fabs(r->y[r->steps]) < 1e-3);
    }
    descent_paths_fini(&p);

    struct descent_run r;
    struct nn_optim_config o = nn_optim_defaults(NN_OPT_SGD);
    o.lr = 1000;
    ck_assert_int_eq(
        descent_run_init(&r, DESCENT_VALLEYS, (double[]){1e6, -1e6}, &o, 200),
        0);
    ck_assert_int_eq(descent_run_all(&r), 0);
    for (long k = 0; k <= r.steps; k++)
        ck_assert(isfinite(r.x[k]) && isfinite(r.y[k]) && isfinite(r.f[k]));
    descent_run_fini(&r);
}
END_TEST

static void run_sgd(struct descent_run *r, enum descent_surface s, double x0,
                    double y0, double lr, long steps)
{
    struct nn_optim_config c = nn_optim_defaults(NN_OPT_SGD);
    c.lr = lr;
    ck_assert_int_eq(descent_run_init(r, s, (double[]){x0, y0}, &c, steps), 0);
    ck_assert_int_eq(descent_run_all(r), 0);
    ck_assert_int_eq(r->steps, steps);
}

START_TEST(test_bowl_closed_form)
{
    /* Plain descent on x0^2 + x1^2: x <- x - lr*2x = (1 - 2 lr) x, so
     * x_k = (1 - 2 lr)^k x_0 for every step k. */
    static const double rates[] = {0.001, 0.1, 0.25, 0.45, 0.6, 0.9};
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        struct descent_run r;
        run_sgd(&r, DESCENT_BOWL, -3, 4, rates[i], 100);
        for (long k = 0; k <= 100; k++) {
            /* Relative 1e-8, and absolutely 1e-15 once the point is far
             * inside h: there f(x + h) and f(x - h) are about h^2 = 1e-8
             * and their rounding (1e-24) limits the gradient. */
            double q = pow(1 - 2 * rates[i], (double)k);
            ck_assert_near(r.x[k], -3 * q, 1e-8 * fabs(3 * q) + 1e-15);
            ck_assert_near(r.y[k], 4 * q, 1e-8 * fabs(4 * q) + 1e-15);
            ck_assert_near(r.f[k], 25 * q * q, 1e-8 * 25 * q * q + 1e-28);
        }
        descent_run_fini(&r);
    }
}
END_TEST

START_TEST(test_bowl_seed_rates)
{
    struct descent_run r;
    /* lr = 1e-10: (1 - 2e-10)^100 = 1 - 2e-8 on paper: (-2.99999994,
     * 3.99999992), barely moved. */
    run_sgd(&r, DESCENT_BOWL, -3, 4, 1e-10, 100);
    ck_assert_near(r.x[100], -2.99999994, 1e-9);
    ck_assert_near(r.y[100], 3.99999992, 1e-9);
    descent_run_fini(&r);
    /* lr = 0.1: 0.8^100 = 2.037e-10: (-6.11e-10, 8.15e-10). */
    run_sgd(&r, DESCENT_BOWL, -3, 4, 0.1, 100);
    ck_assert_rel(r.x[100], -3 * pow(0.8, 100), 1e-8);
    ck_assert_near(r.x[100], -6.111e-10, 1e-13);
    descent_run_fini(&r);
    /* lr = 10: each step multiplies by -19 while the numbers are small
     * enough for h = 1e-4 to survive the rounding of f ... */
    run_sgd(&r, DESCENT_BOWL, -3, 4, 10, 100);
    for (long k = 0; k <= 3; k++) {
        ck_assert_rel(r.x[k], -3 * pow(-19, (double)k), 1e-8);
        ck_assert_rel(r.y[k], 4 * pow(-19, (double)k), 1e-8);
    }
    /* ... then, near 1e13, f(x + h) and f(x - h) round to the same
     * number, the numerical gradient is 0 and the point stops. NumPy
     * running the same central difference ends at the same point,
     * (-2.58983747e+13, -1.29524862e+12). */
    ck_assert_rel(r.x[100], -2.58983747e+13, 1e-8);
    ck_assert_rel(r.y[100], -1.29524862e+12, 1e-8);
    ck_assert(r.x[100] == r.x[99] && r.y[100] == r.y[99]);
    ck_assert(isfinite(r.f[100]));
    descent_run_fini(&r);
}
END_TEST

START_TEST(test_one_step_at_a_time)
{
    struct descent_run r;
    struct nn_optim_config c = nn_optim_defaults(NN_OPT_SGD);
    c.lr = 0.25; /* the bowl: every step halves the point */
    ck_assert_int_eq(
        descent_run_init(&r, DESCENT_BOWL, (double[]){8, -4}, &c, 3), 0);
    ck_assert_int_eq(r.steps, 0);
    ck_assert_near(r.f[0], 80, 0);
    for (long k = 1; k <= 3; k++) {
        ck_assert_int_eq(descent_run_step(&r), 1);
        ck_assert_int_eq(r.steps, k);
        ck_assert_near(r.x[k], 8 / pow(2, (double)k), 1e-9);
        ck_assert_near(r.y[k], -4 / pow(2, (double)k), 1e-9);
    }
    ck_assert_int_eq(descent_run_step(&r), 0);
    ck_assert_int_eq(r.steps, 3);
    descent_run_fini(&r);
    ck_assert_int_lt(
        descent_run_init(&r, DESCENT_BOWL, (double[]){0, 0}, &c, 0), 0);
    descent_run_fini(&r);
    c.lr = -1;
    ck_assert_int_lt(
        descent_run_init(&r, DESCENT_BOWL, (double[]){0, 0}, &c, 5), 0);
}
END_TEST

/* The race's first steps on x^2/20 + y^2 from (-7, 2), with the exact
 * gradient g = (x/10, 2y) = (-0.7, 4), by the formulas of core/optim.h. */
START_TEST(test_race_first_steps)
{
    struct descent_config c = {.mode = DESCENT_RACE};
    descent_config_defaults(&c, 0, 0, 0);
    ck_assert_int_eq(c.surface, DESCENT_ELONGATED);
    ck_assert_near(c.start[0], -7, 0);
    ck_assert_near(c.start[1], 2, 0);
    ck_assert_int_eq(c.steps, 30);
    struct descent_paths p;
    ck_assert_int_eq(descent_paths_run(&p, &c), 0);
    ck_assert_int_eq(p.n_runs, 5);
    const double g[2] = {-0.7, 4}, eps = 1e-7;
    double want[5][2];
    /* sgd, lr 0.95: p - 0.95 g */
    want[0][0] = -7 + 0.95 * 0.7;
    want[0][1] = 2 - 0.95 * 4;
    /* momentum, lr 0.1: v = -0.1 g, p + v */
    want[1][0] = -7 + 0.07;
    want[1][1] = 2 - 0.4;
    for (int i = 0; i < 2; i++) {
        /* adagrad, lr 1.5: h = g^2, p - 1.5 g / (|g| + eps) */
        want[2][i] = c.start[i] - 1.5 * g[i] / (fabs(g[i]) + eps);
        /* rmsprop, lr 0.3, rho 0.9: h = 0.1 g^2 */
        want[3][i] = c.start[i] - 0.3 * g[i] / (sqrt(0.1 * g[i] * g[i]) + eps);
        /* adam, lr 0.3: m = 0.1 g, v = 0.001 g^2; corrected m^ = g,
         * v^ = g^2, so the step is 0.3 g / (|g| + eps) */
        want[4][i] = c.start[i] - 0.3 * g[i] / (fabs(g[i]) + eps);
    }
    static const enum nn_optim_kind kinds[5] = {NN_OPT_SGD, NN_OPT_MOMENTUM,
                                                NN_OPT_ADAGRAD, NN_OPT_RMSPROP,
                                                NN_OPT_ADAM};
    for (int k = 0; k < 5; k++) {
        const struct descent_run *r = &p.runs[k];
        ck_assert_int_eq(r->optim.cfg.kind, kinds[k]);
        ck_assert_int_eq(r->steps, 30);
        ck_assert_near(r->x[0], -7, 0);
        ck_assert_near(r->x[1], want[k][0], 1e-9);
        ck_assert_near(r->y[1], want[k][1], 1e-9);
    }
    /* Momentum's second step: g1 = (-0.693, 3.2), v = 0.9 v - 0.1 g1 =
     * (0.1323, -0.68), p = (-6.7977, 0.92). */
    ck_assert_near(p.runs[1].x[2], -6.7977, 1e-9);
    ck_assert_near(p.runs[1].y[2], 0.92, 1e-9);
    /* Adam's second step: m = 0.9 m + 0.1 g1, v = 0.999 v + 0.001 g1^2,
     * both corrected by 1 - beta^2. */
    double x1 = p.runs[4].x[1], y1 = p.runs[4].y[1];
    double g1[2] = {x1 / 10, 2 * y1}, p1[2] = {x1, y1};
    for (int i = 0; i < 2; i++) {
        double m = 0.9 * 0.1 * g[i] + 0.1 * g1[i];
        double v = 0.999 * 0.001 * g[i] * g[i] + 0.001 * g1[i] * g1[i];
        double mh = m / (1 - 0.81), vh = v / (1 - 0.999 * 0.999);
        double want2 = p1[i] - 0.3 * mh / (sqrt(vh) + eps);
        ck_assert_near(i ? p.runs[4].y[2] : p.runs[4].x[2], want2, 1e-9);
    }
    descent_paths_fini(&p);
}
END_TEST

START_TEST(test_config_defaults)
{
    struct descent_config c = {.mode = DESCENT_RATES, .opt = NN_OPT_SGD};
    descent_config_defaults(&c, 0, 0, 0);
    ck_assert_int_eq(c.surface, DESCENT_BOWL);
    ck_assert_near(c.start[0], -3, 0);
    ck_assert_near(c.start[1], 4, 0);
    ck_assert_int_eq(c.steps, 100);
    ck_assert_int_eq(c.n_lr, 3);
    ck_assert_near(c.lr[0], 0.001, 0);
    ck_assert_near(c.lr[1], 0.1, 0);
    ck_assert_near(c.lr[2], 10, 0);
    c = (struct descent_config){.mode = DESCENT_RATES, .opt = NN_OPT_ADAM};
    descent_config_defaults(&c, 0, 0, 0);
    ck_assert_int_eq(c.n_lr, 1);
    ck_assert_near(c.lr[0], 0.3, 0);
    /* One rate given for the race applies to every optimizer. */
    c = (struct descent_config){.mode = DESCENT_RACE, .n_lr = 1, .lr = {0.05}};
    descent_config_defaults(&c, 0, 0, 0);
    struct descent_paths p;
    ck_assert_int_eq(descent_paths_run(&p, &c), 0);
    for (int k = 0; k < 5; k++)
        ck_assert_near(p.runs[k].optim.cfg.lr, 0.05, 0);
    descent_paths_fini(&p);
    c.n_lr = 2;
    ck_assert_int_lt(descent_paths_run(&p, &c), 0);
}
END_TEST

START_TEST(test_parsing)
{
    double pt[2], lr[6];
    int n;
    const char *why;
    ck_assert_int_eq(descent_parse_point("-3,4", pt, &why), 0);
    ck_assert_near(pt[0], -3, 0);
    ck_assert_near(pt[1], 4, 0);
    static const char *const bad_points[] = {
        "", "3", "3,", ",4", "3,4,5", "a,4", "3,4x", "1e7,0", "nan,1", "inf,1"};
    for (size_t i = 0; i < sizeof bad_points / sizeof bad_points[0]; i++)
        ck_assert_msg(descent_parse_point(bad_points[i], pt, &why) == -1,
                      "'%s' accepted", bad_points[i]);
    ck_assert_int_eq(descent_parse_rates("0.001,0.1,10", lr, 6, &n, &why), 0);
    ck_assert_int_eq(n, 3);
    ck_assert_near(lr[2], 10, 0);
    static const char *const bad_rates[] = {
        "", "0", "-1", "0.1,", "0.1,,1", "1e9", "x", "1,2,3,4,5,6,7"};
    for (size_t i = 0; i < sizeof bad_rates / sizeof bad_rates[0]; i++)
        ck_assert_msg(descent_parse_rates(bad_rates[i], lr, 6, &n, &why) == -1,
                      "'%s' accepted", bad_rates[i]);
    ck_assert_int_eq(descent_parse_rates("0.1,0.2", lr, 1, &n, &why), -1);
    ck_assert_int_eq(descent_fn_parse("exp"), DESCENT_FN_EXP);
    ck_assert_int_eq(descent_fn_parse("tan"), -1);
    ck_assert_int_eq(descent_surface_parse("elongated"), DESCENT_ELONGATED);
    ck_assert_int_eq(descent_surface_parse("valleys"), DESCENT_VALLEYS);
    ck_assert_int_eq(descent_surface_parse("saddle"), -1);
}
END_TEST

/* The number printed right after the first `prefix` in text. */
static double number_after(const char *text, const char *prefix)
{
    const char *p = strstr(text, prefix);
    ck_assert_msg(p != NULL, "no '%s' in the text", prefix);
    return strtod(p + strlen(prefix), NULL);
}

START_TEST(test_widgets_draw)
{
    struct lesson_error err;
    char *t = step_text_draw("@gradient points=3,4;0,2;3,0", "en", &err);
    ck_assert_ptr_nonnull(t);
    /* The seed's points and their exact gradients. */
    ck_assert_ptr_nonnull(strstr(t, "(3, 4)     | (6.0000000000"));
    ck_assert_ptr_nonnull(strstr(t, "| (6, 8)"));
    ck_assert_ptr_nonnull(strstr(t, "| (0, 4)"));
    ck_assert_ptr_nonnull(strstr(t, "| (6, 0)"));
    free(t);
    t = step_text_draw("@numderiv fn=cube x=2 h=0.01", "en", &err);
    ck_assert_ptr_nonnull(t);
    /* 3x^2 + h^2 = 12.0001 and 3x^2 + 3xh + h^2 = 12.0601 */
    ck_assert_near(number_after(t, "/ 0.02 = "), 12.0001, 1e-9);
    ck_assert_near(number_after(t, "/ 0.01     = "), 12.0601, 1e-9);
    free(t);
    t = step_text_draw("@descent lr=0.25 steps=3 show=table", "en", &err);
    ck_assert_ptr_nonnull(t);
    /* Each step halves (-3, 4): 0.5^3 = 0.125. */
    ck_assert_ptr_nonnull(strstr(t, "sgd, lr = 0.25"));
    ck_assert_ptr_nonnull(strstr(t, "    3 | -0.375"));
    ck_assert_ptr_nonnull(strstr(t, "| 0.5  "));
    free(t);
    t = step_text_draw("@descent opt=all show=picture,summary", "en", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "adam, lr = 0.3"));
    ck_assert_ptr_nonnull(strstr(t, "start (-7, 2)"));
    free(t);
    /* 2-3-2: 2*3 + 3 + 3*2 + 2 = 17 parameters, 34 forward passes. */
    t = step_text_draw("@gradcheck layers=2,3,2 show=2", "en", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "network 2-3-2: 17 parameters"));
    ck_assert_ptr_nonnull(strstr(t, "numerical: 34 forward passes"));
    ck_assert_ptr_nonnull(strstr(t, "W1[1,2] "));
    ck_assert_ptr_null(strstr(t, "W1[1,3] "));
    free(t);
}
END_TEST

/* The display column of the first '|' on the line of text that starts
 * with `start`. */
static int bar_column(const char *text, const char *start)
{
    const char *line = strstr(text, start);
    ck_assert_msg(line != NULL, "no line '%s'", start);
    const char *bar = strchr(line, '|');
    ck_assert_ptr_nonnull(bar);
    char prefix[256];
    size_t n = (size_t)(bar - line);
    ck_assert_uint_lt(n, sizeof prefix);
    memcpy(prefix, line, n);
    prefix[n] = '\0';
    return utf8_width(prefix);
}

START_TEST(test_widgets_korean)
{
    struct lesson_error err;
    char *t = step_text_draw("@descent show=summary", "ko", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "최소점 도착"));
    ck_assert_ptr_nonnull(strstr(t, "멀어짐"));
    /* Hangul takes two columns: the header's bars stand over the rows'. */
    ck_assert_int_eq(bar_column(t, "실행"), bar_column(t, "sgd, lr = 0.1 "));
    free(t);
    t = step_text_draw("@numderiv show=errors", "ko", &err);
    ck_assert_ptr_nonnull(t);
    ck_assert_ptr_nonnull(strstr(t, "전방 차분"));
    free(t);
}
END_TEST

START_TEST(test_widgets_refuse)
{
    static const char *const bad[][2] = {
        {"@descent lr=0", "lr: '0'"},
        {"@descent opt=all lr=0.1,0.2", "lr:"},
        {"@descent f=saddle", "f: 'saddle'"},
        {"@descent start=1", "start: '1'"},
        {"@descent steps=0", "steps: 0"},
        {"@descent show=map", "show: 'map'"},
        {"@gradient points=3,4;x", "points: 'x'"},
        {"@gradient points=1,1;2,2;3,3;4,4;5,5;6,6;7,7", "at most 6"},
        {"@numderiv fn=tan", "fn: 'tan'"},
        {"@numderiv h=0", "h: 0"},
        {"@gradcheck layers=784,50,10", "more than 5000 parameters"},
        {"@gradcheck show=21", "show: 21"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct lesson_error err;
        ck_assert_msg(step_text_draw(bad[i][0], "en", &err) == NULL,
                      "'%s' accepted", bad[i][0]);
        ck_assert_msg(strstr(err.text, bad[i][1]) != NULL,
                      "'%s': message '%s' lacks '%s'", bad[i][0], err.text,
                      bad[i][1]);
    }
}
END_TEST

static Suite *descent_suite(void)
{
    Suite *s = suite_create("descent");
    TCase *tc = tcase_create("descent");
    tcase_add_test(tc, test_derivative_square);
    tcase_add_test(tc, test_derivative_cube);
    tcase_add_test(tc, test_derivative_error_orders);
    tcase_add_test(tc, test_core_forward_difference);
    tcase_add_test(tc, test_gradient_seed_points);
    tcase_add_test(tc, test_bowl_closed_form);
    tcase_add_test(tc, test_bowl_seed_rates);
    tcase_add_test(tc, test_one_step_at_a_time);
    tcase_add_test(tc, test_race_first_steps);
    tcase_add_test(tc, test_config_defaults);
    tcase_add_test(tc, test_parsing);
    tcase_add_test(tc, test_valleys_surface);
    tcase_add_test(tc, test_valleys_race);
    tcase_add_test(tc, test_widgets_draw);
    tcase_add_test(tc, test_widgets_refuse);
    tcase_add_test(tc, test_widgets_korean);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(descent_suite)
