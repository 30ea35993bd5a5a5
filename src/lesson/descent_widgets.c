/*
 * Lesson 5's widget kinds (see descent_widgets.h): each reads its
 * directive into a configuration, checked when the lesson loads, and
 * draws through descent_draw.c like `nnlab --batch descent` does.
 */
#include "lesson/descent_widgets.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/numgrad.h"
#include "lesson/descent_draw.h"
#include "lesson/widget_args.h"

#define MAX_POINTS 6
/* Rows of the picture: the plot, its axis, tick labels and legend. */
#define PICTURE_ROWS 22

/* A negative enum nn_err from a drawing, as a widget error. */
static int core_fail(int err, char *msg, size_t len)
{
    return widget_args_fail(msg, len, "%s",
                            err == -1 ? "out of memory" : nn_strerror(err));
}

/* ---- @numderiv ---- */

enum { SHOW_VALUE = 1, SHOW_ERRORS = 2 };

struct deriv_conf {
    enum descent_fn fn;
    double x, h;
    unsigned show;
};

static int deriv_read(const struct lesson_widget *w, struct deriv_conf *c,
                      char *msg, size_t len)
{
    static const char *const parts[] = {"value", "errors", NULL};
    *c = (struct deriv_conf){DESCENT_FN_SQUARE, 3, NN_NUMGRAD_STEP, SHOW_VALUE};
    const char *v = lesson_widget_param(w, "fn");
    if (v) {
        int fn = descent_fn_parse(v);
        if (fn < 0)
            return widget_args_fail(msg, len,
                                    "fn: '%s' is not square, "
                                    "cube, exp or sin",
                                    v);
        c->fn = (enum descent_fn)fn;
    }
    if (widget_args_double(w, "x", -100, 100, &c->x, msg, len) != 0 ||
        widget_args_double(w, "h", 1e-300, 1, &c->h, msg, len) != 0)
        return -1;
    return widget_args_show(w, parts, &c->show, msg, len);
}

static int deriv_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct deriv_conf c;
    return deriv_read(w, &c, msg, len);
}

static int deriv_render(const struct lesson_widget *w,
                        const struct widget_ctx *ctx, struct rgrid *g,
                        char *msg, size_t len)
{
    /* Plain ASCII in every glyph set: only ctx->lang counts. */
    struct deriv_conf c;
    if (deriv_read(w, &c, msg, len) != 0)
        return -1;
    int row = 0, got;
    if (c.show & SHOW_VALUE) {
        if ((got = descent_draw_derivative(g, 0, row, c.fn, c.x, c.h,
                                           ctx->lang)) < 0)
            return core_fail(got, msg, len);
        row += got + 1;
    }
    if (c.show & SHOW_ERRORS) {
        if ((got = descent_draw_errors(g, 0, row, c.fn, c.x, ctx->lang)) < 0)
            return core_fail(got, msg, len);
        row += got + 1;
    }
    return row - 1;
}

/* ---- @gradient ---- */

struct grad_conf {
    enum descent_surface s;
    double pts[MAX_POINTS][2];
    int n;
};

static int surface_read(const struct lesson_widget *w, enum descent_surface *s,
                        int *given, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, "f");
    *given = v != NULL;
    if (!v)
        return 0;
    int k = descent_surface_parse(v);
    if (k < 0)
        return widget_args_fail(msg, len,
                                "f: '%s' is not " DESCENT_SURFACE_NAMES,
                                v);
    *s = (enum descent_surface)k;
    return 0;
}

static int grad_read(const struct lesson_widget *w, struct grad_conf *c,
                     char *msg, size_t len)
{
    *c = (struct grad_conf){
        .s = DESCENT_BOWL, .pts = {{3, 4}, {0, 2}, {3, 0}}, .n = 3};
    int given;
    if (surface_read(w, &c->s, &given, msg, len) != 0)
        return -1;
    const char *v = lesson_widget_param(w, "points");
    if (!v)
        return 0;
    c->n = 0;
    for (const char *s = v;;) {
        size_t n = strcspn(s, ";");
        char item[64];
        const char *why;
        if (c->n == MAX_POINTS)
            return widget_args_fail(msg, len, "points: at most %d points",
                                    MAX_POINTS);
        if (n >= sizeof item)
            return widget_args_fail(msg, len, "points: '%.*s' is too long",
                                    (int)n, s);
        memcpy(item, s, n);
        item[n] = '\0';
        if (descent_parse_point(item, c->pts[c->n], &why) != 0)
            return widget_args_fail(msg, len, "points: '%s' %s", item, why);
        c->n++;
        if (!s[n])
            break;
        s += n + 1;
    }
    return 0;
}

static int grad_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct grad_conf c;
    return grad_read(w, &c, msg, len);
}

static int grad_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    /* Plain ASCII in every glyph set: only ctx->lang counts. */
    struct grad_conf c;
    if (grad_read(w, &c, msg, len) != 0)
        return -1;
    rgrid_print(g, 0, 0, descent_surface_formula(c.s), RS_BOLD);
    int got = descent_draw_gradient(g, 0, 1, c.s, (const double(*)[2])c.pts,
                                    c.n, ctx->lang);
    return got < 0 ? core_fail(got, msg, len) : got + 1;
}

/* ---- @descent ---- */

enum { SHOW_PICTURE = 1, SHOW_SUMMARY = 2, SHOW_TABLE = 4 };

static int descent_read(const struct lesson_widget *w, struct descent_config *c,
                        unsigned *show, char *msg, size_t len)
{
    static const char *const parts[] = {"picture", "summary", "table", NULL};
    *c = (struct descent_config){.mode = DESCENT_RATES, .opt = NN_OPT_SGD};
    int has_surface, has_start = 0, has_steps = 0;
    if (surface_read(w, &c->surface, &has_surface, msg, len) != 0)
        return -1;
    const char *v = lesson_widget_param(w, "opt"), *why;
    if (v) {
        int k = strcmp(v, "all") == 0 ? NN_OPT_COUNT : nn_optim_parse(v);
        if (k < 0)
            return widget_args_fail(msg, len,
                                    "opt: '%s' is not sgd, "
                                    "momentum, adagrad, rmsprop, adam or "
                                    "all",
                                    v);
        c->mode = k == NN_OPT_COUNT ? DESCENT_RACE : DESCENT_RATES;
        if (k < NN_OPT_COUNT)
            c->opt = (enum nn_optim_kind)k;
    }
    if ((v = lesson_widget_param(w, "start"))) {
        if (descent_parse_point(v, c->start, &why) != 0)
            return widget_args_fail(msg, len, "start: '%s' %s", v, why);
        has_start = 1;
    }
    if ((v = lesson_widget_param(w, "lr")) &&
        descent_parse_rates(v, c->lr,
                            c->mode == DESCENT_RACE ? 1 : DESCENT_MAX_RUNS,
                            &c->n_lr, &why) != 0)
        return widget_args_fail(msg, len, "lr: '%s' %s", v, why);
    if (lesson_widget_param(w, "steps")) {
        if (widget_args_long(w, "steps", 1, DESCENT_MAX_STEPS, &c->steps, msg,
                             len) != 0)
            return -1;
        has_steps = 1;
    }
    descent_config_defaults(c, has_surface, has_start, has_steps);
    *show = SHOW_PICTURE | SHOW_SUMMARY;
    return widget_args_show(w, parts, show, msg, len);
}

int descent_widget_config(const struct lesson_widget *w,
                          struct descent_config *c, char *msg, size_t len)
{
    unsigned show;
    return descent_read(w, c, &show, msg, len);
}

static int descent_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct descent_config c;
    unsigned show;
    return descent_read(w, &c, &show, msg, len);
}

static int descent_render(const struct lesson_widget *w,
                          const struct widget_ctx *ctx, struct rgrid *g,
                          char *msg, size_t len)
{
    struct descent_config c;
    unsigned show;
    if (descent_read(w, &c, &show, msg, len) != 0)
        return -1;
    struct descent_paths p;
    int err = descent_paths_run(&p, &c), row = 0;
    if (err)
        return core_fail(err, msg, len);
    if (show & SHOW_PICTURE) {
        int width = g->w < DESCENT_DRAW_WIDTH ? g->w : DESCENT_DRAW_WIDTH;
        if (descent_draw_picture(g, 0, row, width, PICTURE_ROWS, &p,
                                 ctx->glyphs, ctx->lang) < 0) {
            descent_paths_fini(&p);
            return core_fail(-1, msg, len);
        }
        row += PICTURE_ROWS + 1;
    }
    if (show & SHOW_SUMMARY)
        row += descent_draw_summary(g, 0, row, &p, ctx->lang) + 1;
    for (int i = 0; (show & SHOW_TABLE) && i < p.n_runs; i++) {
        char lab[64];
        descent_run_label(lab, sizeof lab, &p, i);
        rgrid_print(g, 0, row++, lab, RS_BOLD);
        row += descent_draw_path(g, 0, row, &p, i, ctx->lang) + 1;
    }
    descent_paths_fini(&p);
    return row - 1;
}

/* ---- @gradcheck ---- */

static int gradcheck_read(const struct lesson_widget *w,
                          struct forward_config *c, long *show, char *msg,
                          size_t len)
{
    forward_config_default(c);
    const char *v = lesson_widget_param(w, "layers"), *why;
    if (v && forward_config_set_layers(c, v, &why) != 0)
        return widget_args_fail(msg, len, "layers: '%s' %s", v, why);
    size_t wts[FORWARD_MAX_LAYERS], bs[FORWARD_MAX_LAYERS], total;
    if (forward_count_params(c->sizes, c->n_layers, wts, bs, &total) != 0 ||
        total > GRADCHECK_MAX_PARAMS)
        return widget_args_fail(msg, len,
                                "layers: '%s' has more than %d "
                                "parameters",
                                v, GRADCHECK_MAX_PARAMS);
    long batch = (long)c->batch, seed = (long)c->seed;
    *show = 6;
    if (widget_args_long(w, "batch", 1, 64, &batch, msg, len) != 0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &seed, msg, len) != 0 ||
        widget_args_long(w, "show", 0, 20, show, msg, len) != 0)
        return -1;
    c->batch = (size_t)batch;
    c->seed = (uint64_t)seed;
    return 0;
}

static int gradcheck_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct forward_config c;
    long show;
    return gradcheck_read(w, &c, &show, msg, len);
}

static int gradcheck_render(const struct lesson_widget *w,
                            const struct widget_ctx *ctx, struct rgrid *g,
                            char *msg, size_t len)
{
    /* Plain ASCII in every glyph set: only ctx->lang counts. */
    struct forward_config c;
    long show;
    if (gradcheck_read(w, &c, &show, msg, len) != 0)
        return -1;
    struct gradcheck gc;
    int err = gradcheck_run(&gc, &c);
    if (err)
        return core_fail(err, msg, len);
    int rows = descent_draw_gradcheck(g, 0, 0, &gc, (int)show, ctx->lang);
    gradcheck_fini(&gc);
    return rows;
}

static const char *const deriv_params[] = {"fn", "x", "h", "show", NULL};
static const char *const grad_params[] = {"f", "points", NULL};
static const char *const descent_params[] = {"f",     "start", "opt", "lr",
                                             "steps", "show",  NULL};

const struct widget_kind widget_numderiv = {"numderiv", deriv_params,
                                            deriv_check, deriv_render};
const struct widget_kind widget_gradient = {"gradient", grad_params, grad_check,
                                            grad_render};
static const char *const gradcheck_params[] = {"layers", "batch", "seed",
                                               "show", NULL};

const struct widget_kind widget_gradcheck = {"gradcheck", gradcheck_params,
                                             gradcheck_check, gradcheck_render};
const struct widget_kind widget_descent = {"descent", descent_params,
                                           descent_check, descent_render};
