/*
 * Lesson 2's widget kinds (see activations_widgets.h): each reads its
 * directive's parameters into a configuration, checked when the lesson
 * loads, and draws through activations_draw.c like `nnlab --batch plot`.
 */
#include "lesson/activations_widgets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/activations_draw.h"
#include "lesson/widget_args.h"

#define MAX_POINTS 12
#define PLOT_WIDTH 76

static int yesno(const struct lesson_widget *w, const char *key, int *out,
                 char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
        return widget_args_fail(msg, len, "%s: '%s' is not yes or no", key, v);
    *out = v[0] == 'y';
    return 0;
}

/* fn=a,b,c: 1..max activation names; softmax only when allowed. */
static int fns(const struct lesson_widget *w, struct nn_act *out, int max,
               int softmax_ok, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, "fn");
    if (!v)
        return 0;
    int n = 0;
    const char *s = v;
    while (*s || n == 0) {
        size_t k = strcspn(s, ",");
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(k < 31 ? k : 31), s);
        struct nn_act a;
        if (k >= sizeof name || nn_act_parse(name, &a) != NN_OK)
            return widget_args_fail(
                msg, len,
                "fn: '%s' is not one of step, sigmoid, tanh, relu, "
                "leaky_relu, identity, softmax",
                name);
        if (a.kind == NN_ACT_SOFTMAX && !softmax_ok)
            return widget_args_fail(
                msg, len,
                "fn: softmax acts on a whole vector; use @softmax "
                "or @plot");
        if (n == max)
            return widget_args_fail(msg, len, "fn: at most %d functions", max);
        out[n++] = a;
        if (s[k] == ',' && s[k + 1] == '\0')
            return widget_args_fail(msg, len,
                                    "fn: a name is missing after the last ','");
        s += k + (s[k] == ',');
    }
    return n;
}

static int slope(const struct lesson_widget *w, struct nn_act *a, int n,
                 char *msg, size_t len)
{
    double s = NN_LEAKY_SLOPE;
    if (widget_args_double(w, "slope", 0, 1, &s, msg, len) != 0)
        return -1;
    for (int i = 0; i < n; i++)
        a[i].slope = s;
    return 0;
}

/* ---- @plot ---- */

struct plot_conf {
    struct act_plot p;
    int info;
    long height;
};

static int plot_read(const struct lesson_widget *w, struct plot_conf *c,
                     char *msg, size_t len)
{
    act_plot_init(&c->p);
    c->info = 0;
    c->height = 12;
    int n = fns(w, c->p.fn, ACT_PLOT_MAX, 1, msg, len);
    if (n < 0)
        return -1;
    if (n > 0)
        c->p.n_fn = n;
    long softmax_n = c->p.softmax_n;
    if (slope(w, c->p.fn, c->p.n_fn, msg, len) != 0 ||
        widget_args_double(w, "from", -1000, 1000, &c->p.from, msg, len) != 0 ||
        widget_args_double(w, "to", -1000, 1000, &c->p.to, msg, len) != 0 ||
        widget_args_double(w, "cursor", -1000, 1000, &c->p.cursor, msg, len) !=
            0 ||
        yesno(w, "deriv", &c->p.deriv, msg, len) != 0 ||
        yesno(w, "saturation", &c->p.saturation, msg, len) != 0 ||
        yesno(w, "info", &c->info, msg, len) != 0 ||
        widget_args_long(w, "height", 6, 40, &c->height, msg, len) != 0 ||
        widget_args_long(w, "n", 2, ACT_SOFTMAX_MAX, &softmax_n, msg, len) != 0)
        return -1;
    c->p.softmax_n = (int)softmax_n;
    if (!(c->p.from < c->p.to))
        return widget_args_fail(msg, len, "from (%g) must be less than to (%g)",
                                c->p.from, c->p.to);
    if (!isnan(c->p.cursor) &&
        (c->p.cursor < c->p.from || c->p.cursor > c->p.to))
        return widget_args_fail(msg, len, "cursor: %g is outside [%g, %g]",
                                c->p.cursor, c->p.from, c->p.to);
    if (c->info && c->p.n_fn != 1)
        return widget_args_fail(msg, len, "info: only with one function");
    return 0;
}

static int plot_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct plot_conf c;
    return plot_read(w, &c, msg, len);
}

static int plot_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    struct plot_conf c;
    if (plot_read(w, &c, msg, len) != 0)
        return -1;
    int row = 0;
    if (c.info)
        row += act_draw_info(g, 2, row, &c.p.fn[0], ctx->lang) + 1;
    int width = g->w < PLOT_WIDTH ? g->w : PLOT_WIDTH;
    int rc = act_plot_draw(g, 2, row, width - 2, (int)c.height, &c.p,
                           ctx->glyphs, NULL);
    if (rc)
        return widget_args_fail(msg, len, "%s", nn_strerror(rc));
    row += (int)c.height;
    if (!isnan(c.p.cursor))
        for (int i = 0; i < c.p.n_fn; i++)
            if (c.p.fn[i].kind != NN_ACT_SOFTMAX) {
                char name[64];
                act_label(name, sizeof name, &c.p.fn[i]);
                int x = 2 + rgrid_print(g, 2, row, name, RS_DIM) + 2;
                row += act_draw_readout(g, x, row, &c.p.fn[i], c.p.cursor);
            }
    return row;
}

/* ---- @act-values ---- */

struct values_conf {
    struct nn_act a;
    double x[MAX_POINTS];
    int n;
    int deriv;
    long decimals;
};

static int values_read(const struct lesson_widget *w, struct values_conf *c,
                       char *msg, size_t len)
{
    static const double xs[] = {-6, -2, 0, 2, 6};
    c->a = nn_act_make(NN_ACT_SIGMOID);
    c->deriv = 1;
    c->decimals = 4;
    c->n = 5;
    memcpy(c->x, xs, sizeof xs);
    int n = fns(w, &c->a, 1, 0, msg, len);
    if (n < 0 || slope(w, &c->a, 1, msg, len) != 0 ||
        yesno(w, "deriv", &c->deriv, msg, len) != 0 ||
        widget_args_long(w, "decimals", 0, 10, &c->decimals, msg, len) != 0)
        return -1;
    n = widget_args_numbers(w, "x", -1000, 1000, c->x, MAX_POINTS, msg, len);
    if (n < 0)
        return -1;
    if (n > 0)
        c->n = n;
    return 0;
}

static int values_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct values_conf c;
    return values_read(w, &c, msg, len);
}

static int values_render(const struct lesson_widget *w,
                         const struct widget_ctx *ctx, struct rgrid *g,
                         char *msg, size_t len)
{
    struct values_conf c;
    if (values_read(w, &c, msg, len) != 0)
        return -1;
    return act_draw_values(g, 2, 0, &c.a, c.x, c.n, c.deriv, (int)c.decimals,
                           ctx->glyphs);
}

/* ---- @softmax ---- */

static int softmax_read(const struct lesson_widget *w, double *z, int *n,
                        char *msg, size_t len)
{
    static const double def[] = {2.0, 1.0, 0.1};
    int k = widget_args_numbers(w, "logits", -100, 100, z, ACT_LOGITS_MAX, msg,
                                len);
    if (k < 0)
        return -1;
    if (k == 0) {
        memcpy(z, def, sizeof def);
        k = 3;
    }
    *n = k;
    return 0;
}

static int softmax_check(const struct lesson_widget *w, char *msg, size_t len)
{
    double z[ACT_LOGITS_MAX];
    int n;
    return softmax_read(w, z, &n, msg, len);
}

static int softmax_render(const struct lesson_widget *w,
                          const struct widget_ctx *ctx, struct rgrid *g,
                          char *msg, size_t len)
{
    double z[ACT_LOGITS_MAX];
    int n;
    if (softmax_read(w, z, &n, msg, len) != 0)
        return -1;
    int width = g->w < 60 ? g->w : 60;
    int rows =
        act_draw_softmax(g, 2, 0, width - 2, z, n, -1, ctx->glyphs, ctx->lang);
    if (rows < 0)
        return widget_args_fail(msg, len, "%s", nn_strerror(rows));
    return rows;
}

/* ---- @vanishing ---- */

struct vanish_conf {
    struct nn_act acts[3];
    int n;
    struct act_vanish v;
};

static int vanish_read(const struct lesson_widget *w, struct vanish_conf *c,
                       char *msg, size_t len)
{
    c->acts[0] = nn_act_make(NN_ACT_SIGMOID);
    c->acts[1] = nn_act_make(NN_ACT_TANH);
    c->acts[2] = nn_act_make(NN_ACT_RELU);
    c->n = 3;
    act_vanish_init(&c->v);
    int n = fns(w, c->acts, 3, 0, msg, len);
    if (n < 0)
        return -1;
    if (n > 0)
        c->n = n;
    long layers = c->v.layers, width = c->v.width, seed = (long)c->v.seed;
    if (slope(w, c->acts, c->n, msg, len) != 0 ||
        widget_args_long(w, "layers", 2, 20, &layers, msg, len) != 0 ||
        widget_args_long(w, "width", 1, 64, &width, msg, len) != 0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &seed, msg, len) != 0)
        return -1;
    const char *init = lesson_widget_param(w, "init");
    if (init) {
        int k = nn_init_parse(init);
        if (k < 0 || k == NN_INIT_NORMAL)
            return widget_args_fail(msg, len, "init: '%s' is not xavier or he",
                                    init);
        c->v.init = (enum nn_init_kind)k;
    }
    c->v.layers = (int)layers;
    c->v.width = (int)width;
    c->v.seed = (uint64_t)seed;
    return 0;
}

static int vanish_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct vanish_conf c;
    return vanish_read(w, &c, msg, len);
}

static int vanish_render(const struct lesson_widget *w,
                         const struct widget_ctx *ctx, struct rgrid *g,
                         char *msg, size_t len)
{
    struct vanish_conf c;
    if (vanish_read(w, &c, msg, len) != 0)
        return -1;
    int width = g->w < PLOT_WIDTH ? g->w : PLOT_WIDTH;
    int rows = act_draw_vanish(g, 2, 0, width - 2, c.acts, c.n, &c.v,
                               ctx->glyphs, ctx->lang);
    if (rows < 0)
        return widget_args_fail(msg, len, "%s", nn_strerror(rows));
    return rows;
}

/* ---- @collapse ---- */

static int collapse_read(const struct lesson_widget *w, long *seed, double *x,
                         int *has_x, char *msg, size_t len)
{
    *seed = 1;
    if (widget_args_long(w, "seed", 0, 2147483647L, seed, msg, len) != 0)
        return -1;
    int n = widget_args_numbers(w, "x", -10, 10, x, ACT_COLLAPSE_IN, msg, len);
    if (n < 0)
        return -1;
    if (n > 0 && n != ACT_COLLAPSE_IN)
        return widget_args_fail(msg, len, "x: give %d numbers",
                                ACT_COLLAPSE_IN);
    *has_x = n > 0;
    return 0;
}

static int collapse_check(const struct lesson_widget *w, char *msg, size_t len)
{
    long seed;
    double x[ACT_COLLAPSE_IN];
    int has_x;
    return collapse_read(w, &seed, x, &has_x, msg, len);
}

static int collapse_render(const struct lesson_widget *w,
                           const struct widget_ctx *ctx, struct rgrid *g,
                           char *msg, size_t len)
{
    long seed;
    double x[ACT_COLLAPSE_IN];
    int has_x = 0; /* set by collapse_read; GCC cannot see through it */
    if (collapse_read(w, &seed, x, &has_x, msg, len) != 0)
        return -1;
    struct act_collapse c;
    int rc = act_collapse_run(&c, (uint64_t)seed, has_x ? x : NULL);
    if (rc)
        return widget_args_fail(msg, len, "%s", nn_strerror(rc));
    return act_draw_collapse(g, 2, 0, &c, ctx->glyphs, ctx->lang);
}

/* Kinds the explorer opens from. */
static int explores(const char *kind)
{
    return kind &&
           (strcmp(kind, "plot") == 0 || strcmp(kind, "act-values") == 0 ||
            strcmp(kind, "softmax") == 0);
}

int act_widget_explorer(const struct lesson_widget *w, struct act_explorer *e,
                        char *msg, size_t len)
{
    act_explorer_init(e);
    if (!explores(w->kind))
        return widget_args_fail(msg, len, "@%s does not open the explorer",
                                w->kind);
    if (strcmp(w->kind, "softmax") == 0) {
        if (softmax_read(w, e->logits, &e->n_logits, msg, len) != 0)
            return -1;
        e->act.kind = NN_ACT_SOFTMAX;
        return 0;
    }
    if (strcmp(w->kind, "act-values") == 0) {
        struct values_conf c;
        if (values_read(w, &c, msg, len) != 0)
            return -1;
        e->act.kind = c.a.kind;
        if (lesson_widget_param(w, "slope"))
            e->act.slope = c.a.slope;
        e->cursor = fmax(e->from, fmin(e->to, c.x[0]));
        return 0;
    }
    struct plot_conf c;
    if (plot_read(w, &c, msg, len) != 0)
        return -1;
    e->act.kind = c.p.fn[0].kind;
    if (lesson_widget_param(w, "slope"))
        e->act.slope = c.p.fn[0].slope;
    e->from = c.p.from;
    e->to = c.p.to;
    e->deriv = c.p.deriv || !lesson_widget_param(w, "deriv");
    e->cursor =
        isnan(c.p.cursor) ? fmax(c.p.from, fmin(c.p.to, 0.0)) : c.p.cursor;
    return 0;
}

static const char *const plot_params[] = {
    "fn",    "from", "to",     "deriv", "saturation", "cursor",
    "slope", "info", "height", "n",     NULL};
static const char *const values_params[] = {"fn",       "x",     "deriv",
                                            "decimals", "slope", NULL};
static const char *const softmax_params[] = {"logits", NULL};
static const char *const vanish_params[] = {"fn",   "layers", "width", "seed",
                                            "init", "slope",  NULL};
static const char *const collapse_params[] = {"seed", "x", NULL};

const struct widget_kind widget_plot = {"plot", plot_params, plot_check,
                                        plot_render};
const struct widget_kind widget_act_values = {"act-values", values_params,
                                              values_check, values_render};
const struct widget_kind widget_softmax = {"softmax", softmax_params,
                                           softmax_check, softmax_render};
const struct widget_kind widget_vanishing = {"vanishing", vanish_params,
                                             vanish_check, vanish_render};
const struct widget_kind widget_collapse = {"collapse", collapse_params,
                                            collapse_check, collapse_render};
