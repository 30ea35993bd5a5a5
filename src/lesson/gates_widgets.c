/*
 * Lesson 1's widget kinds (see gates_widgets.h): each reads its directive's
 * parameters into one configuration, checked when the lesson loads, and
 * draws through gates_draw.c like `nnlab --batch gates` does.
 */
#include "lesson/gates_widgets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/gates_draw.h"
#include "lesson/widget_args.h"

/* Parts a widget can show (the show= parameter), in the order of each
 * kind's list of part names: the n-th name is flag 1 << n. @gate's parts,
 * then @search's. */
enum {
    SHOW_UNIT = 1,
    SHOW_TABLE = 2,
    SHOW_SQUARE = 4,
    SHOW_SIDE = 8,
    SHOW_OTHERS = 16,
};
enum {
    SHOW_COUNTS = 1,
    SHOW_WHY = 2,
};

struct conf {
    int gate;                  /* -1 when not given */
    struct gates_perceptron p; /* weights (seed or given) and rule */
    double eta;
    long epochs;
    long steps; /* samples of the trace to show; the MLP's steps */
    long seed;  /* the MLP's starting weights */
    double lr;  /* the MLP's learning rate */
    int range;  /* search range in tenths */
    unsigned show;
};

static int conf_read(const struct lesson_widget *w, struct conf *c, char *msg,
                     size_t len)
{
    *c = (struct conf){.gate = -1,
                       .eta = 0.1,
                       .epochs = 100,
                       .steps = -1,
                       .range = 10,
                       .seed = 1,
                       .lr = 1.0};
    const char *v = lesson_widget_param(w, "gate");
    if (v && (c->gate = gates_gate_parse(v)) < 0)
        return widget_args_fail(msg, len,
                                "gate: '%s' is not one of and, nand, or, nor, "
                                "xor, xnor",
                                v);
    /* The gate's seed weights (or another known set), then each given
     * weight in its place. */
    if (c->gate >= 0 && gates_seed_weights(c->gate, &c->p) != 0)
        gates_other_weights(c->gate, &c->p, 1);
    if (widget_args_double(w, "w1", -100, 100, &c->p.w1, msg, len) != 0 ||
        widget_args_double(w, "w2", -100, 100, &c->p.w2, msg, len) != 0 ||
        widget_args_double(w, "b", -100, 100, &c->p.b, msg, len) != 0)
        return -1;
    v = lesson_widget_param(w, "rule");
    if (v) {
        if (strcmp(v, "gt") != 0 && strcmp(v, "ge") != 0)
            return widget_args_fail(msg, len,
                                    "rule: '%s' is not gt (s > 0) or ge "
                                    "(s >= 0)",
                                    v);
        c->p.ge = v[1] == 'e';
    }
    double range = 1.0;
    if (widget_args_double(w, "eta", 0.001, 10, &c->eta, msg, len) != 0 ||
        widget_args_long(w, "epochs", 1, GATES_LEARN_MAX_EPOCHS, &c->epochs,
                         msg, len) != 0 ||
        widget_args_double(w, "range", 0.1, 5.0, &range, msg, len) != 0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &c->seed, msg, len) != 0 ||
        widget_args_double(w, "lr", 0.001, 100, &c->lr, msg, len) != 0)
        return -1;
    c->range = (int)lround(range * 10);
    if (fabs(range * 10 - c->range) > 1e-9)
        return widget_args_fail(msg, len, "range: %s is not a multiple of 0.1",
                                lesson_widget_param(w, "range"));
    return 0;
}

static int gate_read(const struct lesson_widget *w, struct conf *c, char *msg,
                     size_t len)
{
    static const char *const parts[] = {"unit", "table",  "square",
                                        "side", "others", NULL};
    if (conf_read(w, c, msg, len) != 0)
        return -1;
    c->show = SHOW_TABLE | SHOW_SQUARE;
    return widget_args_show(w, parts, &c->show, msg, len);
}

static int gate_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct conf c;
    return gate_read(w, &c, msg, len);
}

static int gate_render(const struct lesson_widget *w,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    /* The drawings are ASCII in every glyph set: only ctx->lang counts. */
    struct conf c;
    if (gate_read(w, &c, msg, len) != 0)
        return -1;
    int row = 0;
    if (c.show & SHOW_UNIT)
        row += gates_draw_unit(g, 0, row, &c.p, ctx->lang) + 1;
    if (c.show & SHOW_TABLE)
        row += gates_draw_table(g, 0, row, &c.p, c.gate, ctx->lang) + 1;
    if (c.show & SHOW_SQUARE)
        row += gates_draw_unit_square(g, 0, row, &c.p, c.gate, ctx->lang) + 1;
    if (c.show & SHOW_SIDE)
        row += gates_draw_side(g, 0, row, &c.p, c.gate, ctx->lang) + 1;
    if (c.show & SHOW_OTHERS)
        row += gates_draw_others(g, 0, row, c.p.ge, ctx->lang) + 1;
    return row - 1;
}

static int search_read(const struct lesson_widget *w, struct conf *c, char *msg,
                       size_t len)
{
    static const char *const parts[] = {"counts", "why", NULL};
    if (conf_read(w, c, msg, len) != 0)
        return -1;
    c->show = SHOW_COUNTS | SHOW_WHY;
    return widget_args_show(w, parts, &c->show, msg, len);
}

static int search_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct conf c;
    return search_read(w, &c, msg, len);
}

static int search_render(const struct lesson_widget *w,
                         const struct widget_ctx *ctx, struct rgrid *g,
                         char *msg, size_t len)
{
    struct conf c;
    if (search_read(w, &c, msg, len) != 0)
        return -1;
    int row = 0;
    if (c.show & SHOW_COUNTS) {
        struct gates_search s;
        gates_search_run(&s, c.range, c.p.ge);
        row += gates_draw_search(g, 0, row, &s, ctx->lang) + 1;
    }
    if (c.show & SHOW_WHY)
        row += gates_draw_xor_why(g, 0, row, c.p.ge, ctx->lang) + 1;
    return row - 1;
}

static int net_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct conf c;
    return conf_read(w, &c, msg, len);
}

static int net_render(const struct lesson_widget *w,
                      const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                      size_t len)
{
    struct conf c;
    if (conf_read(w, &c, msg, len) != 0)
        return -1;
    return gates_draw_xor_net(g, 0, 0, c.p.ge, ctx->lang);
}

static int learn_read(const struct lesson_widget *w, struct conf *c, char *msg,
                      size_t len)
{
    if (conf_read(w, c, msg, len) != 0 ||
        widget_args_long(w, "steps", 1, 4L * GATES_LEARN_MAX_EPOCHS, &c->steps,
                         msg, len) != 0)
        return -1;
    if (c->gate < 0)
        return widget_args_fail(msg, len,
                                "gate: say which gate to learn, e.g. "
                                "gate=and");
    return 0;
}

static int learn_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct conf c;
    return learn_read(w, &c, msg, len);
}

/* The learner's start: the given weights, or zero; not the gate's seed
 * weights, which are already the answer. */
static struct gates_perceptron learn_start(const struct lesson_widget *w,
                                           const struct conf *c)
{
    struct gates_perceptron start = {0, 0, 0, c->p.ge};
    if (lesson_widget_param(w, "w1"))
        start.w1 = c->p.w1;
    if (lesson_widget_param(w, "w2"))
        start.w2 = c->p.w2;
    if (lesson_widget_param(w, "b"))
        start.b = c->p.b;
    return start;
}

static int learn_render(const struct lesson_widget *w,
                        const struct widget_ctx *ctx, struct rgrid *g,
                        char *msg, size_t len)
{
    struct conf c;
    if (learn_read(w, &c, msg, len) != 0)
        return -1;
    struct gates_perceptron start = learn_start(w, &c);
    struct gates_learn *L = malloc(sizeof *L);
    if (!L)
        return widget_args_fail(msg, len, "out of memory");
    gates_learn_init(L, gates_gate_pattern(c.gate), &start, c.eta,
                     (int)c.epochs);
    /* By default as many samples as fit the grid with the lines around
     * them (a lesson step shows at most 64 rows). */
    long fit = g->h - gates_draw_learn_rows(0);
    long steps = c.steps > 0 ? c.steps : fit > 1 ? fit : 1;
    int rows = gates_draw_learn(g, 0, 0, L, steps, ctx->lang);
    free(L);
    return rows;
}

static int mlp_read(const struct lesson_widget *w, struct conf *c, char *msg,
                    size_t len)
{
    if (conf_read(w, c, msg, len) != 0)
        return -1;
    /* Training runs while the step is drawn: keep it short. */
    c->steps = 5000;
    return widget_args_long(w, "steps", 0, 100000, &c->steps, msg, len);
}

static int mlp_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct conf c;
    return mlp_read(w, &c, msg, len);
}

static int mlp_render(const struct lesson_widget *w,
                      const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                      size_t len)
{
    struct conf c;
    if (mlp_read(w, &c, msg, len) != 0)
        return -1;
    struct gates_mlp *m = malloc(sizeof *m);
    if (!m)
        return widget_args_fail(msg, len, "out of memory");
    int rc = gates_mlp_init(m, (uint64_t)c.seed, c.lr);
    int rows = rc == 0 ? gates_draw_mlp(g, 0, 0, m, c.steps, ctx->lang) : rc;
    gates_mlp_fini(m);
    free(m);
    if (rows < 0)
        return widget_args_fail(msg, len, "the MLP failed: %s",
                                nn_strerror(rows));
    return rows;
}

int gates_widget_start(const struct lesson_widget *w,
                       struct gates_widget_start *s, char *msg, size_t len)
{
    struct conf c;
    const char *k = w->kind;
    int rc;
    if (strcmp(k, "gate") == 0)
        rc = gate_read(w, &c, msg, len);
    else if (strcmp(k, "xor-search") == 0)
        rc = search_read(w, &c, msg, len);
    else if (strcmp(k, "xor-net") == 0)
        rc = conf_read(w, &c, msg, len);
    else if (strcmp(k, "perceptron-learn") == 0)
        rc = learn_read(w, &c, msg, len);
    else if (strcmp(k, "xor-mlp") == 0)
        rc = mlp_read(w, &c, msg, len);
    else
        rc = widget_args_fail(msg, len, "'%s' is not a gates widget", k);
    if (rc != 0)
        return -1;
    *s = (struct gates_widget_start){c.p, c.gate, c.eta, 0, c.seed, c.lr};
    if (strcmp(k, "perceptron-learn") == 0)
        s->p = learn_start(w, &c);
    if (strcmp(k, "xor-search") == 0 || strcmp(k, "xor-net") == 0 ||
        strcmp(k, "xor-mlp") == 0)
        s->target = GATES_XOR;
    s->mlp = strcmp(k, "xor-mlp") == 0;
    return 0;
}

static const char *const gate_params[] = {"gate", "w1",   "w2", "b",
                                          "rule", "show", NULL};
static const char *const search_params[] = {"rule", "range", "show", NULL};
static const char *const net_params[] = {"rule", NULL};
static const char *const learn_params[] = {
    "gate", "w1", "w2", "b", "rule", "eta", "epochs", "steps", NULL};

static const char *const mlp_params[] = {"seed", "lr", "steps", NULL};

const struct widget_kind widget_gate = {"gate", gate_params, gate_check,
                                        gate_render};
const struct widget_kind widget_xor_search = {"xor-search", search_params,
                                              search_check, search_render};
const struct widget_kind widget_xor_net = {"xor-net", net_params, net_check,
                                           net_render};
const struct widget_kind widget_perceptron_learn = {
    "perceptron-learn", learn_params, learn_check, learn_render};
const struct widget_kind widget_xor_mlp = {"xor-mlp", mlp_params, mlp_check,
                                           mlp_render};
