/*
 * Lesson 2's topic model and widgets, against values worked out here
 * independently: libm formulas for the functions, closed forms for the
 * saturation edges, softmax written out with exp, a deep stack's forward
 * and backward pass written as plain loops, the three-layer collapse
 * multiplied out by hand loops, and widget text compared with numbers
 * formatted from libm. (The core's own activation tests cover f and f'
 * at many points, large ones included; here the lesson's uses of them.)
 */
#include "check_helpers.h"

#include <stdio.h>
#include <string.h>

#include "core/rng.h"
#include "lesson/activations.h"
#include "lesson/activations_draw.h"
#include "lesson/activations_widgets.h"
#include "lesson/lesson.h"
#include "lesson/widget.h"
#include "render/grid.h"

static double sigmoid(double x)
{
    return 1 / (1 + exp(-x));
}

/* Saturation edges in closed form. Sigmoid: s(1 - s) = 0.025 gives
 * s = (1 + sqrt(0.9)) / 2 and x = ln(s / (1 - s)) = 3.6369...; tanh:
 * 1 - t^2 = 0.1 gives t = sqrt(0.9) and x = atanh(t) = 1.8184... */
START_TEST(test_saturation_edges)
{
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    struct nn_act th = nn_act_make(NN_ACT_TANH);
    double e;
    ck_assert_int_eq(act_saturation_edge(&sig, &e), 1);
    double s = (1 + sqrt(0.9)) / 2;
    ck_assert_near(e, log(s / (1 - s)), 1e-9);
    ck_assert_near(e, 3.6369, 1e-4);
    ck_assert_int_eq(act_saturation_edge(&th, &e), 1);
    ck_assert_near(e, atanh(sqrt(0.9)), 1e-9);
    ck_assert_near(e, 1.8184, 1e-4);
    for (int k = 0; k < NN_ACT_COUNT; k++) {
        struct nn_act a = nn_act_make((enum nn_act_kind)k);
        if (k != NN_ACT_SIGMOID && k != NN_ACT_TANH)
            ck_assert_int_eq(act_saturation_edge(&a, &e), 0);
    }
}
END_TEST

/* The lesson's functions at the seed's leaky slope 0.1 and beyond the
 * core's tests: value and slope against libm and central differences. */
START_TEST(test_leaky_slope_and_numerical_derivative)
{
    struct nn_act lk = nn_act_make(NN_ACT_LEAKY_RELU);
    lk.slope = 0.1;
    for (double x = -5; x <= 5; x += 0.25) {
        double want = x > 0 ? x : 0.1 * x;
        ck_assert_near(nn_act_f(&lk, x), want, 1e-15);
        ck_assert_near(nn_act_df(&lk, x), x > 0 ? 1.0 : 0.1, 0);
        if (fabs(x) > 0.01) {
            double h = 1e-5;
            double num =
                (nn_act_f(&lk, x + h) - nn_act_f(&lk, x - h)) / (2 * h);
            ck_assert_near(nn_act_df(&lk, x), num, 1e-9);
        }
    }
    /* Sigmoid's slope peaks at 0 with 1/4, tanh's with 1. */
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    for (double x = -8; x <= 8; x += 0.125) {
        double h = 1e-5;
        double num = (nn_act_f(&sig, x + h) - nn_act_f(&sig, x - h)) / (2 * h);
        ck_assert_near(nn_act_df(&sig, x), num, 1e-10);
        ck_assert(nn_act_df(&sig, x) <= 0.25);
        ck_assert_rel(nn_act_f(&sig, x), sigmoid(x), 1e-15);
    }
}
END_TEST

/* Softmax of logits, small and huge, against exp written out here. */
START_TEST(test_softmax_vs_libm)
{
    double z[3] = {2.0, 1.0, 0.1}, p[3];
    ck_assert_int_eq(act_softmax(z, 3, p), 0);
    double sum = exp(2.0) + exp(1.0) + exp(0.1);
    ck_assert_rel(p[0], exp(2.0) / sum, 1e-15);
    ck_assert_rel(p[1], exp(1.0) / sum, 1e-15);
    ck_assert_rel(p[2], exp(0.1) / sum, 1e-15);
    ck_assert_near(p[0], 0.659, 5e-4); /* the figures the lesson shows */
    ck_assert_near(p[1], 0.242, 5e-4);
    ck_assert_near(p[2], 0.099, 5e-4);
    /* 1000, 1001, 1002: the same as 0, 1, 2 (e^1000 overflows). */
    double big[3] = {1000, 1001, 1002}, q[3];
    ck_assert_int_eq(act_softmax(big, 3, q), 0);
    double s2 = 1 + exp(1) + exp(2);
    for (int i = 0; i < 3; i++)
        ck_assert_rel(q[i], exp(i) / s2, 1e-14);
    ck_assert_int_lt(act_softmax(z, 0, p), 0);
}
END_TEST

/* The seed's figure: softmax of arange(-5, 5, 0.1). */
START_TEST(test_softmax_line_seed)
{
    enum { N = 100 };
    double x[N], p[N], dp[N];
    ck_assert_int_eq(act_softmax_line(-5, 5, N, x, p, dp), 0);
    double sum = 0;
    for (int k = 0; k < N; k++)
        sum += exp(-5 + 0.1 * k);
    for (int k = 0; k < N; k++) {
        ck_assert_near(x[k], -5 + 0.1 * k, 1e-12);
        double want = exp(-5 + 0.1 * k) / sum;
        ck_assert_rel(p[k], want, 1e-12);
        ck_assert_rel(dp[k], want * (1 - want), 1e-12);
    }
    /* The last and largest: e^4.9 / sum = 0.0952 (1 - e^-0.1 of the
     * geometric series' total, to four decimals). */
    ck_assert_near(p[N - 1], 0.0952, 1e-4);
}
END_TEST

/* The deep stack written out as loops: W drawn as nn_mlp_init_params
 * draws them (row-major, layer after layer, std = sqrt(2/(in+out)) for
 * Xavier), then x; forward z = h·W, h = f(z); backward from dL/dy = 1. */
static void stack_by_hand(const struct nn_act *a, int L, int n, uint64_t seed,
                          double *grad)
{
    enum { MAXL = 12, MAXN = 16 };
    static double W[MAXL][MAXN][MAXN];
    double h[MAXL + 1][MAXN], z[MAXL][MAXN];
    struct nn_rng rng;
    nn_rng_seed(&rng, seed);
    double std = sqrt(2.0 / (n + n));
    for (int l = 0; l < L; l++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                W[l][i][j] = std * nn_rng_normal(&rng);
    for (int j = 0; j < n; j++)
        h[0][j] = nn_rng_normal(&rng);
    for (int l = 0; l < L; l++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++)
                s += h[l][i] * W[l][i][j];
            z[l][j] = s;
            switch (a->kind) {
            case NN_ACT_SIGMOID:
                h[l + 1][j] = sigmoid(s);
                break;
            case NN_ACT_TANH:
                h[l + 1][j] = tanh(s);
                break;
            default:
                h[l + 1][j] = s > 0 ? s : 0;
            }
        }
    double dy[MAXN];
    for (int j = 0; j < n; j++)
        dy[j] = 1;
    for (int l = L - 1; l >= 0; l--) {
        double dz[MAXN], g = 0;
        for (int j = 0; j < n; j++) {
            double y = h[l + 1][j];
            double d = a->kind == NN_ACT_SIGMOID ? y * (1 - y)
                       : a->kind == NN_ACT_TANH  ? 1 - y * y
                                                 : (z[l][j] > 0 ? 1 : 0);
            dz[j] = d * dy[j];
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double dw = h[l][i] * dz[j];
                g += dw * dw;
            }
        grad[l] = sqrt(g);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++)
                s += dz[j] * W[l][i][j];
            dy[i] = s;
        }
    }
}

START_TEST(test_vanishing_against_loops)
{
    static const enum nn_act_kind kinds[] = {NN_ACT_SIGMOID, NN_ACT_TANH,
                                             NN_ACT_RELU};
    static const int widths[] = {1, 4, 16};
    for (int k = 0; k < 3; k++)
        for (int w = 0; w < 3; w++) {
            struct nn_act a = nn_act_make(kinds[k]);
            struct act_vanish v;
            act_vanish_init(&v);
            v.width = widths[w];
            v.seed = 7;
            ck_assert_int_eq(act_vanish_run(&v, &a), 0);
            double want[10];
            stack_by_hand(&a, 10, widths[w], 7, want);
            for (int l = 0; l < 10; l++)
                ck_assert_rel(v.grad[l] + 1e-300, want[l] + 1e-300, 1e-9);
        }
}
END_TEST

/* The lesson's figure (seed 1, 10 x 16, Xavier): sigmoid's first layer
 * gets under a thousandth of its last layer's gradient; tanh and ReLU
 * keep the same order of magnitude. */
START_TEST(test_vanishing_lesson_figure)
{
    struct act_vanish v;
    act_vanish_init(&v);
    ck_assert_int_eq(v.layers, 10);
    ck_assert_int_eq(v.width, 16);
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    struct nn_act th = nn_act_make(NN_ACT_TANH);
    struct nn_act re = nn_act_make(NN_ACT_RELU);
    double want[10];
    ck_assert_int_eq(act_vanish_run(&v, &sig), 0);
    stack_by_hand(&sig, 10, 16, 1, want);
    for (int l = 0; l < 10; l++)
        ck_assert_rel(v.grad[l], want[l], 1e-9);
    ck_assert(v.grad[0] / v.grad[9] < 1e-3);
    for (int l = 0; l + 1 < 10; l++)
        ck_assert(v.grad[l] < v.grad[l + 1]); /* fades towards the input */
    ck_assert_int_eq(act_vanish_run(&v, &th), 0);
    ck_assert(v.grad[0] / v.grad[9] > 0.1);
    ck_assert_int_eq(act_vanish_run(&v, &re), 0);
    ck_assert(v.grad[0] / v.grad[9] > 0.1);
    struct nn_act sm = nn_act_make(NN_ACT_SOFTMAX);
    ck_assert_int_lt(act_vanish_run(&v, &sm), 0);
    v.layers = 0;
    ck_assert_int_lt(act_vanish_run(&v, &sig), 0);
}
END_TEST

/* x·W1·W2·W3 layer by layer, x·K, and the ReLU path, by hand loops. */
START_TEST(test_collapse)
{
    enum { I = ACT_COLLAPSE_IN, H = ACT_COLLAPSE_HID, O = ACT_COLLAPSE_OUT };
    for (uint64_t seed = 1; seed <= 20; seed++) {
        struct act_collapse c;
        double xin[I] = {1.0, -1.0};
        ck_assert_int_eq(act_collapse_run(&c, seed, seed == 1 ? xin : NULL), 0);
        double K[I][O] = {{0}}, W12[I][H] = {{0}};
        for (int i = 0; i < I; i++)
            for (int j = 0; j < H; j++)
                for (int k = 0; k < H; k++)
                    W12[i][j] += c.W1[i][k] * c.W2[k][j];
        for (int i = 0; i < I; i++)
            for (int j = 0; j < O; j++)
                for (int k = 0; k < H; k++)
                    K[i][j] += W12[i][k] * c.W3[k][j];
        double h1[H] = {0}, h2[H] = {0}, y[O] = {0}, yk[O] = {0};
        double r1[H] = {0}, r2[H] = {0}, yr[O] = {0};
        for (int j = 0; j < H; j++)
            for (int i = 0; i < I; i++)
                h1[j] += c.x[i] * c.W1[i][j];
        for (int j = 0; j < H; j++) {
            r1[j] = h1[j] > 0 ? h1[j] : 0;
            for (int i = 0; i < H; i++)
                h2[j] += h1[i] * c.W2[i][j];
        }
        for (int j = 0; j < H; j++)
            for (int i = 0; i < H; i++)
                r2[j] += r1[i] * c.W2[i][j];
        for (int j = 0; j < O; j++)
            for (int i = 0; i < H; i++) {
                y[j] += h2[i] * c.W3[i][j];
                yr[j] += (r2[i] > 0 ? r2[i] : 0) * c.W3[i][j];
            }
        for (int j = 0; j < O; j++)
            for (int i = 0; i < I; i++)
                yk[j] += c.x[i] * K[i][j];
        for (int j = 0; j < O; j++) {
            ck_assert_near(c.y[j], y[j], 1e-12);
            ck_assert_near(c.yk[j], yk[j], 1e-12);
            ck_assert_near(c.y[j], c.yk[j], 1e-12); /* the collapse */
            ck_assert_near(c.y_relu[j], yr[j], 1e-12);
        }
        for (int i = 0; i < I; i++)
            for (int j = 0; j < O; j++)
                ck_assert_near(c.K[i][j], K[i][j], 1e-12);
        /* Entries are tenths in [-2, 2]. */
        for (int i = 0; i < I; i++)
            for (int j = 0; j < H; j++) {
                ck_assert_near(c.W1[i][j] * 10, round(c.W1[i][j] * 10), 1e-9);
                ck_assert(fabs(c.W1[i][j]) <= 2);
            }
        if (seed == 1) {
            ck_assert(c.x[0] == 1.0 && c.x[1] == -1.0);
            /* The lesson's input shows the bend: ReLU changes y. */
            ck_assert(fabs(c.y_relu[0] - c.y[0]) + fabs(c.y_relu[1] - c.y[1]) >
                      0.1);
        }
    }
}
END_TEST

START_TEST(test_explorer)
{
    struct act_explorer e;
    act_explorer_init(&e);
    ck_assert_int_eq(e.act.kind, NN_ACT_SIGMOID);
    ck_assert(e.act.slope == 0.1);
    for (int i = 0; i < NN_ACT_COUNT; i++)
        act_explorer_next_fn(&e, 1);
    ck_assert_int_eq(e.act.kind, NN_ACT_SIGMOID); /* wrapped round */
    act_explorer_next_fn(&e, -1);
    ck_assert_int_eq(e.act.kind, NN_ACT_STEP);
    for (int i = 0; i < 3; i++)
        act_explorer_move(&e, 0.1);
    ck_assert(e.cursor == 0.3);
    act_explorer_move(&e, 100);
    ck_assert(e.cursor == e.to);
    act_explorer_move(&e, -100);
    ck_assert(e.cursor == e.from);
    for (int i = 0; i < 5; i++)
        act_explorer_slope(&e, 1);
    ck_assert(e.act.slope == 0.15);
    for (int i = 0; i < 30; i++)
        act_explorer_slope(&e, -1);
    ck_assert(e.act.slope == 0.0);
    act_explorer_select(&e, -1);
    ck_assert_int_eq(e.sel, 2);
    act_explorer_logit_add(&e, 0.5);
    ck_assert(e.logits[2] == 0.6);
    act_explorer_logit_add(&e, 50);
    ck_assert(e.logits[2] == 10.0);
}
END_TEST

/* Render one directive into an 80 x 60 grid; returns the text (free it). */
static char *render(const char *directive, const struct rglyphs *gs, int *rows)
{
    char text[512];
    snprintf(text, sizeof text, "# T\n## S\n%s\n", directive);
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), "t", &err);
    ck_assert_msg(l != NULL, "%s: %s", directive, err.text);
    const struct lesson_widget *w = &l->steps[0].widgets[0];
    const struct widget_kind *k = widget_find(w->kind);
    ck_assert_ptr_nonnull(k);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 60), 0);
    struct widget_ctx ctx = {gs, "en", NULL};
    char msg[256] = "";
    *rows = k->render(w, &ctx, &g, msg, sizeof msg);
    ck_assert_msg(*rows > 0, "%s: %s", directive, msg);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    rgrid_write(&g, f);
    fclose(f);
    rgrid_fini(&g);
    lesson_free(l);
    return buf;
}

#define ck_assert_has(s, needle)                                               \
    ck_assert_msg(strstr((s), (needle)) != NULL, "lacks \"%s\":\n%s",          \
                  (needle), (s))

START_TEST(test_widget_values_table)
{
    int rows;
    char *s = render("@act-values fn=sigmoid x=-6,-2,0,2,6",
                     rglyphs_get(RGLYPH_ASCII), &rows);
    ck_assert_int_eq(rows, 4); /* header, rule, f, f' */
    /* Each value as libm gives it, to 4 decimals. */
    static const double xs[] = {-6, -2, 0, 2, 6};
    for (int i = 0; i < 5; i++) {
        char want[32];
        double y = sigmoid(xs[i]);
        snprintf(want, sizeof want, "%.4f", y);
        ck_assert_has(s, want);
        snprintf(want, sizeof want, "%.4f", y * (1 - y));
        ck_assert_has(s, want);
    }
    ck_assert_has(s, "0.1192");
    ck_assert_has(s, "0.2500");
    free(s);
}
END_TEST

START_TEST(test_widget_plot_readout_and_softmax)
{
    int rows;
    char *s = render("@plot fn=sigmoid deriv=yes cursor=1 info=yes",
                     rglyphs_get(RGLYPH_UNICODE), &rows);
    char want[128];
    snprintf(want, sizeof want, "x = 1   f(x) = %.6g   f'(x) = %.6g",
             sigmoid(1), sigmoid(1) * (1 - sigmoid(1)));
    ck_assert_has(s, want);
    ck_assert_has(s, "f(x) = 1 / (1 + e^-x)");
    ck_assert_has(s, "sigmoid'");
    free(s);
    s = render("@softmax logits=2.0,1.0,0.1", rglyphs_get(RGLYPH_ASCII), &rows);
    ck_assert_int_eq(rows, 4);
    ck_assert_has(s, "0.659");
    ck_assert_has(s, "0.242");
    ck_assert_has(s, "0.099");
    ck_assert_has(s, "= 1.000");
    free(s);
}
END_TEST

START_TEST(test_widget_collapse_and_vanishing)
{
    int rows;
    char *s =
        render("@collapse seed=1 x=1.0,-1.0", rglyphs_get(RGLYPH_ASCII), &rows);
    struct act_collapse c;
    double x[2] = {1.0, -1.0};
    act_collapse_run(&c, 1, x);
    char want[80];
    snprintf(want, sizeof want, "y  = h2*W3 = [ %.4f %.4f ]", c.y[0], c.y[1]);
    ck_assert_has(s, want);
    snprintf(want, sizeof want, "y  = x*K   = [ %.4f %.4f ]", c.y[0], c.y[1]);
    ck_assert_has(s, want);
    free(s);
    s = render("@vanishing fn=sigmoid layers=4 width=1 seed=3",
               rglyphs_get(RGLYPH_ASCII), &rows);
    ck_assert_int_eq(rows, 4 + 3);
    double g[10];
    struct nn_act sig = nn_act_make(NN_ACT_SIGMOID);
    stack_by_hand(&sig, 4, 1, 3, g);
    snprintf(want, sizeof want, "%.3g", g[0]);
    ck_assert_has(s, want);
    free(s);
}
END_TEST

START_TEST(test_widget_errors)
{
    static const struct {
        const char *directive, *words;
    } bad[] = {
        {"@plot fn=sigmod", "'sigmod' is not one of"},
        {"@plot from=3 to=1", "less than"},
        {"@plot cursor=9", "outside"},
        {"@plot deriv=maybe", "yes or no"},
        {"@plot fn=sigmoid,tanh info=yes", "one function"},
        {"@plot slope=2", "out of range"},
        {"@act-values fn=softmax", "whole vector"},
        {"@act-values x=1,,2", "list of numbers"},
        {"@softmax logits=1,2,3,4,5,6,7,8,9", "at most 8"},
        {"@vanishing init=normal", "xavier or he"},
        {"@vanishing layers=1", "out of range"},
        {"@collapse x=1", "give 2 numbers"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "# T\n## S\n%s\n", bad[i].directive);
        struct lesson_error err;
        struct lesson *l = lesson_parse(text, strlen(text), "t", &err);
        ck_assert_msg(l == NULL, "%s parsed", bad[i].directive);
        ck_assert_msg(strstr(err.text, bad[i].words) != NULL,
                      "%s: '%s' lacks '%s'", bad[i].directive, err.text,
                      bad[i].words);
        ck_assert_msg(strncmp(err.text, "t:3: ", 5) == 0, "%s", err.text);
    }
}
END_TEST

/* The explorer's page: the cursor's readout and, for softmax, the
 * selected logit's probability, against libm. */
static char *explorer_text(const struct act_explorer *e, int w, int h)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, w, h), 0);
    ck_assert_int_eq(
        act_draw_explorer(&g, 0, 0, w, h, e, rglyphs_get(RGLYPH_UNICODE), "en"),
        0);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    rgrid_write(&g, f);
    fclose(f);
    rgrid_fini(&g);
    return buf;
}

START_TEST(test_explorer_page)
{
    struct act_explorer e;
    act_explorer_init(&e);
    for (int i = 0; i < 15; i++)
        act_explorer_move(&e, 0.1);
    char *s = explorer_text(&e, 76, 20);
    char want[128];
    double y = sigmoid(1.5);
    snprintf(want, sizeof want, "x = 1.5   f(x) = %.6g   f'(x) = %.6g", y,
             y * (1 - y));
    ck_assert_has(s, want);
    ck_assert_has(s, "[sigmoid]");
    free(s);
    for (int i = 0; i < 3; i++) /* tanh, relu, leaky_relu (a = 0.1) */
        act_explorer_next_fn(&e, 1);
    ck_assert_int_eq(e.act.kind, NN_ACT_LEAKY_RELU);
    act_explorer_move(&e, -3.5); /* x = -2 */
    s = explorer_text(&e, 76, 20);
    ck_assert_has(s, "x = -2   f(x) = -0.2   f'(x) = 0.1");
    ck_assert_has(s, "slope a = 0.10");
    free(s);
    act_explorer_next_fn(&e, 1); /* softmax */
    act_explorer_select(&e, 1);
    act_explorer_logit_add(&e, 1.0); /* logits 2, 2, 0.1 */
    s = explorer_text(&e, 76, 20);
    double p = exp(2.0) / (2 * exp(2.0) + exp(0.1));
    snprintf(want, sizeof want, "z2 = 2.00   p2 = %.6g", p);
    ck_assert_has(s, want);
    free(s);
}
END_TEST

/* The explorer starts like the widget it is opened from; returns
 * act_widget_explorer's result. */
static int explorer_from(const char *directive, struct act_explorer *e)
{
    char text[256];
    snprintf(text, sizeof text, "# T\n## S\n%s\n", directive);
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), "t", &err);
    ck_assert_msg(l != NULL, "%s", err.text);
    char msg[128];
    int rc = act_widget_explorer(&l->steps[0].widgets[0], e, msg, sizeof msg);
    lesson_free(l);
    return rc;
}

START_TEST(test_explorer_from_widgets)
{
    struct act_explorer e;
    ck_assert_int_eq(explorer_from("@plot fn=tanh from=-3 to=4 cursor=1.5", &e),
                     0);
    ck_assert_int_eq(e.act.kind, NN_ACT_TANH);
    ck_assert(e.from == -3 && e.to == 4 && e.cursor == 1.5 && e.deriv);
    ck_assert_int_eq(explorer_from("@plot fn=relu deriv=no from=1 to=3", &e),
                     0);
    ck_assert(!e.deriv && e.cursor == 1); /* 0 is outside: the nearest end */
    ck_assert_int_eq(
        explorer_from("@act-values fn=leaky_relu slope=0.2 x=-2,1", &e), 0);
    ck_assert_int_eq(e.act.kind, NN_ACT_LEAKY_RELU);
    ck_assert(e.act.slope == 0.2 && e.cursor == -2);
    ck_assert_int_eq(explorer_from("@softmax logits=1,2,3,4", &e), 0);
    ck_assert_int_eq(e.act.kind, NN_ACT_SOFTMAX);
    ck_assert_int_eq(e.n_logits, 4);
    ck_assert(e.logits[3] == 4);
    ck_assert_int_eq(explorer_from("@collapse", &e), -1); /* no explorer */
}
END_TEST

static Suite *activations_suite(void)
{
    Suite *s = suite_create("activations");
    TCase *tc = tcase_create("functions");
    tcase_add_test(tc, test_saturation_edges);
    tcase_add_test(tc, test_leaky_slope_and_numerical_derivative);
    tcase_add_test(tc, test_softmax_vs_libm);
    tcase_add_test(tc, test_softmax_line_seed);
    suite_add_tcase(s, tc);
    tc = tcase_create("figures");
    tcase_add_test(tc, test_vanishing_against_loops);
    tcase_add_test(tc, test_vanishing_lesson_figure);
    tcase_add_test(tc, test_collapse);
    tcase_add_test(tc, test_explorer);
    tcase_add_test(tc, test_explorer_page);
    tcase_add_test(tc, test_explorer_from_widgets);
    suite_add_tcase(s, tc);
    tc = tcase_create("widgets");
    tcase_add_test(tc, test_widget_values_table);
    tcase_add_test(tc, test_widget_plot_readout_and_softmax);
    tcase_add_test(tc, test_widget_collapse_and_vanishing);
    tcase_add_test(tc, test_widget_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(activations_suite)
