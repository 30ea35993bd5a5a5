/*
 * Lesson 3's widget kind (see forward_widgets.h): reads the directive into
 * a forward configuration, checked when the lesson loads, and draws
 * through forward_draw.c like `nnlab --batch forward` does.
 */
#include "lesson/forward_widgets.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "lesson/forward_draw.h"
#include "lesson/widget_args.h"

enum {
    SHOW_ONE = 1,
    SHOW_BATCH = 2,
    SHOW_PARAMS = 4,
    SHOW_VALUES = 8,
    SHOW_OUTPUTS = 16,
};

static int shapes_read(const struct lesson_widget *w, struct forward_config *c,
                       unsigned *show, char *msg, size_t len)
{
    static const char *const parts[] = {"one",    "batch",   "params",
                                        "values", "outputs", NULL};
    forward_config_default(c);
    const char *v = lesson_widget_param(w, "layers"), *why;
    if (v && forward_config_set_layers(c, v, &why) != 0)
        return widget_args_fail(msg, len, "layers: '%s' %s", v, why);
    v = lesson_widget_param(w, "act");
    if (v &&
        (nn_act_parse(v, &c->act) != 0 || !nn_act_is_elementwise(c->act.kind)))
        return widget_args_fail(msg, len,
                                "act: '%s' is not a hidden-layer "
                                "activation (e.g. relu, sigmoid, tanh)",
                                v);
    long batch = (long)c->batch, seed = (long)c->seed;
    if (widget_args_long(w, "batch", 1, FORWARD_MAX_BATCH, &batch, msg, len) !=
            0 ||
        widget_args_long(w, "seed", 0, 2147483647L, &seed, msg, len) != 0)
        return -1;
    c->batch = (size_t)batch;
    c->seed = (uint64_t)seed;
    *show = SHOW_ONE | SHOW_BATCH;
    return widget_args_show(w, parts, show, msg, len);
}

int shapes_widget_config(const struct lesson_widget *w,
                         struct forward_config *c, char *msg, size_t len)
{
    unsigned show;
    return shapes_read(w, c, &show, msg, len);
}

static int shapes_check(const struct lesson_widget *w, char *msg, size_t len)
{
    struct forward_config c;
    unsigned show;
    return shapes_read(w, &c, &show, msg, len);
}

static int draw(struct rgrid *g, const struct forward_run *r, unsigned show,
                const char *lang)
{
    int ko = lang && strcmp(lang, "ko") == 0;
    char line[96];
    int row = 0, got;
    if (show & SHOW_ONE) {
        rgrid_print(g, 0, row++,
                    ko ? "샘플 하나, m = 1:" : "One sample, m = 1:", RS_BOLD);
        row += forward_draw_shapes(g, 0, row, r, 0, lang) + 1;
    }
    if (show & SHOW_BATCH) {
        snprintf(
            line, sizeof line,
            ko ? "미니배치, m = %zu:" : "A mini-batch, m = %zu:", r->cfg.batch);
        rgrid_print(g, 0, row++, line, RS_BOLD);
        row += forward_draw_shapes(g, 0, row, r, 1, lang) + 1;
    }
    if (show & SHOW_PARAMS) {
        got =
            forward_draw_params(g, 0, row, r->cfg.sizes, r->cfg.n_layers, lang);
        if (got < 0)
            return got;
        row += got + 1;
    }
    if (show & SHOW_VALUES)
        row += forward_draw_values(g, 0, row, r, lang) + 1;
    if (show & SHOW_OUTPUTS)
        row += forward_draw_batch(g, 0, row, r, lang) + 1;
    return row - 1;
}

static int shapes_render(const struct lesson_widget *w,
                         const struct widget_ctx *ctx, struct rgrid *g,
                         char *msg, size_t len)
{
    /* Plain ASCII in every glyph set: only ctx->lang counts. */
    struct forward_config c;
    unsigned show;
    if (shapes_read(w, &c, &show, msg, len) != 0)
        return -1;
    struct forward_run r;
    int err = forward_run_init(&r, &c);
    if (!err)
        err = draw(g, &r, show, ctx->lang);
    forward_run_fini(&r);
    if (err < 0)
        return widget_args_fail(msg, len, "shapes: %s", nn_strerror(err));
    return err;
}

static const char *const shapes_params[] = {"layers", "batch", "act",
                                            "seed",   "show",  NULL};

const struct widget_kind widget_shapes = {"shapes", shapes_params, shapes_check,
                                          shapes_render};
