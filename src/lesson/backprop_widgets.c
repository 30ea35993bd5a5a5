/*
 * The backprop walkthrough's widgets (see backprop_widgets.h): each reads
 * its directive into a walkthrough configuration, runs the model (the
 * core's MLP in f64) and draws the model's own lines, matrices or
 * network. Nothing here computes a value; it only picks and lays out.
 */
#include "lesson/backprop_widgets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/widget_args.h"

/* Same limits as `nnlab --batch backprop`: beyond |v| = 1e6 every
 * sigmoid is flat. A widget runs its walk whenever it is drawn, so it
 * takes fewer iterations than the batch command. */
#define VALUE_LIMIT 1e6
#define WIDGET_MAX_ITERATIONS 10000
#define INDENT 4

/* ASCII spellings ("dE/dp", "x") unless the glyph set is full Unicode:
 * the narrow set is for terminals that draw ∂, × and · two cells wide. */
static int plain(const struct widget_ctx *ctx)
{
    return ctx->glyphs->kind != RGLYPH_UNICODE;
}

/* key=v1,v2,...: exactly n numbers within the value limit. */
static int param_list(const struct lesson_widget *w, const char *key,
                      double *out, size_t n, char *msg, size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    const char *s = v;
    for (size_t i = 0; i < n; i++) {
        char *end;
        double d = strtod(s, &end);
        if (end == s || !isfinite(d))
            return widget_args_fail(
                msg, len, "%s: '%s' is not a list of %zu numbers", key, v, n);
        if (fabs(d) > VALUE_LIMIT)
            return widget_args_fail(
                msg, len, "%s: %g is out of range [-1e6, 1e6]", key, d);
        out[i] = d;
        s = end;
        if (i + 1 < n && *s++ != ',')
            return widget_args_fail(
                msg, len, "%s: '%s' is not a list of %zu numbers", key, v, n);
    }
    if (*s != '\0')
        return widget_args_fail(
            msg, len, "%s: '%s' is not a list of %zu numbers", key, v, n);
    return 0;
}

/* key=one of names (NULL-terminated); *out is its index. */
static int param_choice(const struct lesson_widget *w, const char *key,
                        const char *const *names, int *out, char *msg,
                        size_t len)
{
    const char *v = lesson_widget_param(w, key);
    if (!v)
        return 0;
    char all[160] = "";
    for (int i = 0; names[i]; i++) {
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return 0;
        }
        size_t n = strlen(all);
        snprintf(all + n, sizeof all - n, "%s%s", i ? ", " : "", names[i]);
    }
    return widget_args_fail(msg, len, "%s: '%s' is not one of %s", key, v, all);
}

static const char *const no_yes[] = {"no", "yes", NULL};
static const char *const bias_names[] = {"none", "shared", "unit", NULL};

/* The network's configuration from the directive. */
static int config_read(const struct lesson_widget *w, int ascii,
                       struct backprop_config *c, char *msg, size_t len)
{
    backprop_config_default(c);
    c->ascii = ascii;
    int bias = 0, freeze = 0;
    if (param_list(w, "x", c->x, 2, msg, len) ||
        param_list(w, "w", c->w, 8, msg, len) ||
        param_list(w, "target", c->target, 2, msg, len) ||
        param_choice(w, "bias", bias_names, &bias, msg, len) ||
        param_choice(w, "freeze", no_yes, &freeze, msg, len) ||
        widget_args_long(w, "iterations", 1, WIDGET_MAX_ITERATIONS,
                         &c->iterations, msg, len))
        return -1;
    const char *lr = lesson_widget_param(w, "lr");
    if (lr) {
        char *end;
        c->lr = strtod(lr, &end);
        if (end == lr || *end != '\0' || !(c->lr >= 0 && c->lr <= 1000))
            return widget_args_fail(
                msg, len, "lr: '%s' is not a number in [0, 1000]", lr);
    }
    c->bias = (enum backprop_bias)bias;
    c->freeze_bias = freeze;
    const char *b = lesson_widget_param(w, "b");
    if (b && bias == BACKPROP_BIAS_NONE)
        return widget_args_fail(msg, len,
                                "b: biases need bias=shared or bias=unit");
    if (freeze && bias == BACKPROP_BIAS_NONE)
        return widget_args_fail(msg, len,
                                "freeze: needs bias=shared or bias=unit");
    if (b && param_list(w, "b", c->b, bias == BACKPROP_BIAS_SHARED ? 2 : 4, msg,
                        len))
        return -1;
    return 0;
}

static int walk_run(struct backprop_walk *walk, const struct backprop_config *c,
                    char *msg, size_t len)
{
    int err = backprop_walk_run(walk, c);
    if (err)
        return widget_args_fail(msg, len, "the walkthrough cannot run: %s",
                                nn_strerror(err));
    return 0;
}

/* ---- Drawing lines and matrices ---- */

/* A value to PREC decimals when that fits in buf (all a lesson's values
 * do); a huge one (typed, or diverged) in exponent form instead of cut
 * off. Never "-0.000...". */
static void value_fixed(char *buf, size_t len, int prec, double v)
{
    int n = snprintf(buf, len, "%.*f", prec, v);
    if (n < 0 || (size_t)n >= len)
        snprintf(buf, len, "%.*g", prec, v);
    if (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1))
        memmove(buf, buf + 1, strlen(buf));
}

/* A computed value to 8 decimals. */
static void value8(char *buf, size_t len, double v)
{
    value_fixed(buf, len, 8, v);
}

/* Put text at (x + *col, *row) if it fits on the row after a space, else
 * on a new row at the indent, wrapped when wider than the row. */
static void place(struct rgrid *g, int x, int width, int indent, int *row,
                  int *col, const char *text, int style)
{
    int tw = utf8_width(text);
    if (*col > 0 && *col + 1 + tw <= width) {
        if (g)
            rgrid_print(g, x + *col + 1, *row, text, style);
        *col += 1 + tw;
        return;
    }
    if (*col > 0) {
        (*row)++;
        *col = indent;
    }
    if (*col + tw <= width) {
        if (g)
            rgrid_print(g, x + *col, *row, text, style);
        *col += tw;
        return;
    }
    int n = rgrid_wrap(g, x + *col, *row, width - *col, 40, text, style);
    *row += n - 1;
    *col = width; /* nothing more on the last wrapped row */
}

int backprop_line_draw(struct rgrid *g, int x, int y, int width,
                       const struct backprop_line *l, int style)
{
    char value[48], part[3][280];
    value8(value, sizeof value, l->value);
    int n = 0;
    if (l->formula[0])
        snprintf(part[n++], sizeof part[0], "= %s", l->formula);
    if (l->numbers[0])
        snprintf(part[n++], sizeof part[0], "= %s", l->numbers);
    snprintf(part[n++], sizeof part[0], "= %s", value);
    int vstyle = style == RS_NORMAL || style == RS_ACCENT ? RS_BOLD : style;
    int indent = utf8_width(l->name) + 1;
    if (indent > width / 2)
        indent = 2;
    int row = y, col = 0;
    if (g)
        rgrid_print_n(g, x, row, width, l->name, style);
    col = utf8_width(l->name);
    for (int i = 0; i < n; i++)
        place(g, x, width, indent, &row, &col, part[i],
              i == n - 1 ? vstyle : style);
    if (l->note[0]) {
        char note[120];
        snprintf(note, sizeof note, "(%s)", l->note);
        col += 1; /* two spaces before the note */
        place(g, x, width, indent, &row, &col, note, RS_DIM);
    }
    return row - y + 1;
}

int backprop_matrix_draw(struct rgrid *g, int x, int y, int width,
                         const struct backprop_walk *w, size_t i, int ascii)
{
    const struct backprop_matrix *m = &w->mats[i];
    char head[160], cells[4][48];
    int n = snprintf(head, sizeof head, "%s (%zu%s%zu)", m->name, m->rows,
                     ascii ? "x" : "×", m->cols);
    if (m->formula[0])
        snprintf(head + n, sizeof head - (size_t)n, " = %s", m->formula);
    size_t k = m->rows * m->cols;
    int cw[2] = {0, 0};
    for (size_t j = 0; j < k && j < 4; j++) {
        value8(cells[j], sizeof cells[j], m->v[j]);
        int c = (int)(j % m->cols), len = (int)strlen(cells[j]);
        cw[c] = len > cw[c] ? len : cw[c];
    }
    int mat_w = 2 + cw[0] + (m->cols > 1 ? 2 + cw[1] : 0);
    int hw = utf8_width(head);
    int row = y, mx;
    if (g)
        rgrid_print_n(g, x, row, width, head, RS_ACCENT);
    if (hw + 3 + mat_w <= width) {
        if (g)
            rgrid_print(g, x + hw, row, " =", RS_ACCENT);
        mx = x + hw + 3;
    } else {
        row++;
        mx = x + 2;
        if (g)
            rgrid_print(g, mx - 2, row, "=", RS_ACCENT);
    }
    for (size_t r = 0; r < m->rows; r++, row++) {
        if (!g)
            continue;
        char line[128];
        int p = snprintf(line, sizeof line, "[");
        for (size_t c = 0; c < m->cols; c++)
            p += snprintf(line + p, sizeof line - (size_t)p, "%s%*s",
                          c ? "  " : "", cw[c], cells[r * m->cols + c]);
        snprintf(line + p, sizeof line - (size_t)p, "]");
        rgrid_print(g, mx, row, line, RS_BOLD);
    }
    return row - y;
}

long backprop_line_find(const struct backprop_walk *w,
                        enum backprop_section sec, const char *name)
{
    for (size_t i = 0; i < w->n_lines; i++)
        if (w->lines[i].section == sec && strcmp(w->lines[i].name, name) == 0)
            return (long)i;
    return -1;
}

/* ---- The network diagram ---- */

/* The value of the line `name` in section sec (the model always has it:
 * z1..z4, h1, h2, o1, o2 in every forward pass). */
static double line_value(const struct backprop_walk *w,
                         enum backprop_section sec, const char *name)
{
    long i = backprop_line_find(w, sec, name);
    return i >= 0 ? w->lines[i].value : NAN;
}

/* The value of parameter k after the first update: its update line. */
static double updated(const struct backprop_walk *w, int k)
{
    char name[48];
    snprintf(name, sizeof name, "%s%s", backprop_param_name(k),
             w->cfg.ascii ? "+" : "⁺");
    long i = backprop_line_find(w, BACKPROP_STAGE1, name);
    if (i < 0)
        i = backprop_line_find(w, BACKPROP_STAGE2, name);
    return i >= 0 ? w->lines[i].value : NAN;
}

/* Parameter k before (the configuration) or after the first update. */
static double param_at(const struct backprop_walk *w, int k, int after)
{
    if (after)
        return updated(w, k);
    return k < 8 ? w->cfg.w[k] : w->cfg.b[k - 8];
}

void backprop_net_build(struct backprop_net *d, const struct backprop_walk *w,
                        int after, enum backprop_focus focus, int index,
                        int style)
{
    static const char *const z[4] = {"z1", "z2", "z3", "z4"};
    static const char *const y[4] = {"h1", "h2", "o1", "o2"};
    enum backprop_section sec = after ? BACKPROP_FORWARD2 : BACKPROP_FORWARD;
    int t = 0;
    rnet_init(&d->net);
    /* Given values as typed (shortest form); computed ones to 8 decimals,
     * updated weights to 6 so an edge label fits its gap at 80 columns. */
    for (int i = 0; i < 2; i++) {
        snprintf(d->text[t], sizeof d->text[t], "x%d %.6g", i + 1, w->cfg.x[i]);
        d->net.node[i].label = d->text[t++];
        snprintf(d->text[t], sizeof d->text[t], "t%d %.6g", i + 1,
                 w->cfg.target[i]);
        d->net.side[i] = d->text[t++];
    }
    for (int u = 0; u < 4; u++) {
        char v[40]; /* with "h1 " in front, fits d->text[] */
        struct rnet_node *nd = &d->net.node[2 + u];
        if (after < 0) {
            nd->label = y[u];
        } else {
            value8(v, sizeof v, line_value(w, sec, y[u]));
            snprintf(d->text[t], sizeof d->text[t], "%s %s", y[u], v);
            nd->label = d->text[t++];
            value8(v, sizeof v, line_value(w, sec, z[u]));
            snprintf(d->text[t], sizeof d->text[t], "%s %s", z[u], v);
            nd->note[0] = d->text[t++];
        }
        int b = -1; /* the bias parameter of this unit */
        if (w->cfg.bias == BACKPROP_BIAS_SHARED)
            b = 8 + u / 2;
        else if (w->cfg.bias == BACKPROP_BIAS_PER_UNIT)
            b = 8 + u;
        if (b >= 0) {
            snprintf(d->text[t], sizeof d->text[t], "%s %.6g",
                     backprop_param_name(b), param_at(w, b, after > 0));
            nd->note[after < 0 ? 0 : 1] = d->text[t++];
        }
        if (focus == BACKPROP_FOCUS_BIAS && b == 8 + index)
            nd->style = style;
    }
    for (int k = 0; k < 8; k++) {
        char v[40];
        if (after > 0)
            value_fixed(v, sizeof v, 6, param_at(w, k, 1));
        else
            snprintf(v, sizeof v, "%.6g", param_at(w, k, 0));
        snprintf(d->text[t], sizeof d->text[t], "W%d %s", k + 1, v);
        d->net.edge[k].label = d->text[t++];
    }
    if (focus == BACKPROP_FOCUS_NODE && index >= 0 && index < RNET_NODES)
        d->net.node[index].style = style;
    else if (focus == BACKPROP_FOCUS_EDGE && index >= 0 && index < RNET_EDGES)
        d->net.edge[index].style = style;
}

/* ---- @walkthrough ---- */

enum stage {
    STAGE_FORWARD,
    STAGE_ERROR,
    STAGE_OUTPUT,
    STAGE_HIDDEN,
    STAGE_NUMERIC,
    STAGE_AFTER,
    STAGE_TRAINING,
};

static const char *const stage_names[] = {
    "forward", "error", "output",   "hidden",
    "numeric", "after", "training", NULL,
};

/* The model's sections each stage shows (after: two in a row). */
static const enum backprop_section stage_first[] = {
    BACKPROP_FORWARD, BACKPROP_ERROR,    BACKPROP_STAGE1,   BACKPROP_STAGE2,
    BACKPROP_NUMERIC, BACKPROP_FORWARD2, BACKPROP_TRAINING,
};
static const enum backprop_section stage_last[] = {
    BACKPROP_FORWARD, BACKPROP_ERROR,  BACKPROP_STAGE1,   BACKPROP_STAGE2,
    BACKPROP_NUMERIC, BACKPROP_ERROR2, BACKPROP_TRAINING,
};

struct walk_conf {
    struct backprop_config cfg;
    int stage;
    long from, upto; /* 1-based; upto 0: to the end of the stage */
    int table;
};

/* The lines of a stage: first index and count. */
static void stage_range(const struct backprop_walk *w, int stage, size_t *first,
                        size_t *count)
{
    *first = w->n_lines;
    *count = 0;
    for (size_t i = 0; i < w->n_lines; i++) {
        enum backprop_section s = w->lines[i].section;
        if (s < stage_first[stage] || s > stage_last[stage])
            continue;
        if (*count == 0)
            *first = i;
        (*count)++;
    }
}

/* Read the directive and run the walk; checks every range. */
static int walk_read(const struct lesson_widget *wd, int ascii,
                     struct walk_conf *c, struct backprop_walk *walk, char *msg,
                     size_t len)
{
    static const char *const views[] = {"lines", "table", NULL};
    memset(c, 0, sizeof *c);
    if (!lesson_widget_param(wd, "stage"))
        return widget_args_fail(msg, len,
                                "stage= is missing (one of forward, error, "
                                "output, hidden, numeric, after, training)");
    if (config_read(wd, ascii, &c->cfg, msg, len) ||
        param_choice(wd, "stage", stage_names, &c->stage, msg, len) ||
        param_choice(wd, "view", views, &c->table, msg, len) ||
        widget_args_long(wd, "from", 1, 1000, &c->from, msg, len) ||
        widget_args_long(wd, "upto", 1, 1000, &c->upto, msg, len))
        return -1;
    c->cfg.numeric = c->stage == STAGE_NUMERIC;
    if (c->stage == STAGE_TRAINING && c->cfg.iterations < 2)
        return widget_args_fail(msg, len,
                                "stage=training needs iterations=2 or more");
    if (c->table && c->stage != STAGE_OUTPUT && c->stage != STAGE_HIDDEN)
        return widget_args_fail(msg, len,
                                "view=table is for stage=output or "
                                "stage=hidden");
    if (walk_run(walk, &c->cfg, msg, len))
        return -1;
    size_t first, count;
    stage_range(walk, c->stage, &first, &count);
    if (c->from == 0)
        c->from = 1;
    if (c->upto == 0)
        c->upto = (long)count;
    if (c->upto > (long)count || c->from > c->upto) {
        backprop_walk_fini(walk);
        return widget_args_fail(
            msg, len, "from=%ld upto=%ld: stage %s has lines 1 to %zu", c->from,
            c->upto, stage_names[c->stage], count);
    }
    return 0;
}

static int walk_check(const struct lesson_widget *wd, char *msg, size_t len)
{
    struct walk_conf c;
    struct backprop_walk walk;
    if (walk_read(wd, 0, &c, &walk, msg, len))
        return -1;
    backprop_walk_fini(&walk);
    return 0;
}

/* Headings of the gradient table, per language. */
static const char *const table_heads[2][2] = {
    {"Parameter", "Updated"},
    {"파라미터", "고친 값"},
};

/* The parameters a stage updates: the output layer's W5..W8 and biases,
 * or the hidden layer's W1..W4 and biases. */
static int stage_params(const struct backprop_walk *w, int stage, int *k)
{
    int n = 0, out = stage == STAGE_OUTPUT;
    for (int i = 0; i < 4; i++)
        k[n++] = (out ? 4 : 0) + i;
    if (w->cfg.bias == BACKPROP_BIAS_SHARED)
        k[n++] = out ? 9 : 8;
    else if (w->cfg.bias == BACKPROP_BIAS_PER_UNIT) {
        k[n++] = out ? 10 : 8;
        k[n++] = out ? 11 : 9;
    }
    return n;
}

/* Parameter | ∂E/∂p | updated value, from the model's gradient (the
 * core's buffer) and its update lines. */
static int draw_table(struct rgrid *g, const struct backprop_walk *w, int stage,
                      const struct widget_ctx *ctx)
{
    int ko = ctx->lang && strcmp(ctx->lang, "ko") == 0;
    const char *head[3] = {table_heads[ko][0], plain(ctx) ? "dE/dp" : "∂E/∂p",
                           table_heads[ko][1]};
    int k[6], n = stage_params(w, stage, k);
    int col[3] = {INDENT, 0, 0};
    int c0 = utf8_width(head[0]);
    col[1] = col[0] + (c0 > 3 ? c0 : 3) + 3;
    col[2] = col[1] + 10 + 3;
    for (int i = 0; i < 3; i++)
        rgrid_print(g, col[i], 0, head[i], RS_BOLD);
    for (int i = 0; i < n; i++) {
        char v[48];
        rgrid_print(g, col[0], 1 + i, backprop_param_name(k[i]), RS_ACCENT);
        value8(v, sizeof v, w->grad[k[i]]);
        rgrid_print(g, col[1], 1 + i, v, RS_ACCENT);
        value8(v, sizeof v, updated(w, k[i]));
        rgrid_print(g, col[2], 1 + i, v, RS_BOLD);
    }
    return 1 + n;
}

static int walk_render(const struct lesson_widget *wd,
                       const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                       size_t len)
{
    struct walk_conf c;
    struct backprop_walk walk;
    if (walk_read(wd, plain(ctx), &c, &walk, msg, len))
        return -1;
    int rows = 0;
    if (c.table) {
        rows = draw_table(g, &walk, c.stage, ctx);
    } else {
        size_t first, count;
        stage_range(&walk, c.stage, &first, &count);
        for (long i = c.from; i <= c.upto; i++)
            rows += backprop_line_draw(g, INDENT, rows, g->w - INDENT,
                                       &walk.lines[first + (size_t)i - 1],
                                       RS_ACCENT);
    }
    backprop_walk_fini(&walk);
    return rows;
}

/* ---- @network ---- */

struct net_conf {
    struct backprop_config cfg;
    int after;
    enum backprop_focus focus;
    int index;
};

/* focus=x1 .. o2 (nodes), W1 .. W8 (edges), b1 .. b4 (biases). */
static int focus_read(const struct lesson_widget *wd, struct net_conf *c,
                      char *msg, size_t len)
{
    static const char *const nodes[] = {"x1", "x2", "h1", "h2", "o1", "o2"};
    const char *v = lesson_widget_param(wd, "focus");
    if (!v)
        return 0;
    for (int i = 0; i < 6; i++)
        if (strcmp(v, nodes[i]) == 0) {
            c->focus = BACKPROP_FOCUS_NODE;
            c->index = i;
            return 0;
        }
    int biases = c->cfg.bias == BACKPROP_BIAS_SHARED     ? 2
                 : c->cfg.bias == BACKPROP_BIAS_PER_UNIT ? 4
                                                         : 0;
    for (int k = 0; k < 8 + biases; k++)
        if (strcmp(v, backprop_param_name(k)) == 0) {
            c->focus = k < 8 ? BACKPROP_FOCUS_EDGE : BACKPROP_FOCUS_BIAS;
            c->index = k < 8 ? k : k - 8;
            return 0;
        }
    return widget_args_fail(
        msg, len,
        "focus: '%s' is not a node (x1 .. o2), a weight (W1 .. W8) "
        "or a bias of this network",
        v);
}

static int net_read(const struct lesson_widget *wd, int ascii,
                    struct net_conf *c, char *msg, size_t len)
{
    static const char *const values[] = {"before", "after", "given", NULL};
    memset(c, 0, sizeof *c);
    if (config_read(wd, ascii, &c->cfg, msg, len) ||
        param_choice(wd, "values", values, &c->after, msg, len))
        return -1;
    return focus_read(wd, c, msg, len);
}

static int net_check(const struct lesson_widget *wd, char *msg, size_t len)
{
    struct net_conf c;
    struct backprop_walk walk;
    if (net_read(wd, 0, &c, msg, len) || walk_run(&walk, &c.cfg, msg, len))
        return -1;
    backprop_walk_fini(&walk);
    return 0;
}

static int net_render(const struct lesson_widget *wd,
                      const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                      size_t len)
{
    struct net_conf c;
    struct backprop_walk walk;
    if (net_read(wd, plain(ctx), &c, msg, len) ||
        walk_run(&walk, &c.cfg, msg, len))
        return -1;
    struct backprop_net d;
    backprop_net_build(&d, &walk, c.after == 2 ? -1 : c.after, c.focus, c.index,
                       RS_HIGHLIGHT);
    backprop_walk_fini(&walk);
    int rows = rnet_draw(g, 0, 0, g->w, &d.net, ctx->glyphs, NULL);
    if (rows < 0)
        return widget_args_fail(msg, len,
                                "the network needs %d columns, there are %d",
                                rnet_min_width(&d.net), g->w);
    return rows;
}

/* ---- @matrixview ---- */

struct mat_conf {
    struct backprop_config cfg;
    int show; /* 0 forward, 1 backward, 2 all */
};

static int mat_read(const struct lesson_widget *wd, int ascii,
                    struct mat_conf *c, char *msg, size_t len)
{
    static const char *const shows[] = {"forward", "backward", "all", NULL};
    memset(c, 0, sizeof *c);
    c->show = 2;
    if (config_read(wd, ascii, &c->cfg, msg, len) ||
        param_choice(wd, "show", shows, &c->show, msg, len))
        return -1;
    return 0;
}

static int mat_check(const struct lesson_widget *wd, char *msg, size_t len)
{
    struct mat_conf c;
    struct backprop_walk walk;
    if (mat_read(wd, 0, &c, msg, len) || walk_run(&walk, &c.cfg, msg, len))
        return -1;
    backprop_walk_fini(&walk);
    return 0;
}

static int mat_render(const struct lesson_widget *wd,
                      const struct widget_ctx *ctx, struct rgrid *g, char *msg,
                      size_t len)
{
    struct mat_conf c;
    struct backprop_walk walk;
    if (mat_read(wd, plain(ctx), &c, msg, len) ||
        walk_run(&walk, &c.cfg, msg, len))
        return -1;
    int rows = 0;
    for (size_t i = 0; i < walk.n_mats; i++) {
        /* The gradients are the matrices named d...: dy, dz[2], dW[2] ... */
        int backward = walk.mats[i].name[0] == 'd';
        if (c.show == 2 || c.show == backward)
            rows += backprop_matrix_draw(g, INDENT, rows, g->w - INDENT, &walk,
                                         i, plain(ctx));
    }
    backprop_walk_fini(&walk);
    return rows;
}

#define CONFIG_PARAMS                                                          \
    "x", "w", "target", "lr", "bias", "b", "freeze", "iterations"

static const char *const walk_params[] = {CONFIG_PARAMS, "stage", "from",
                                          "upto",        "view",  NULL};
static const char *const net_params[] = {CONFIG_PARAMS, "focus", "values",
                                         NULL};
static const char *const mat_params[] = {CONFIG_PARAMS, "show", NULL};

const struct widget_kind widget_walkthrough = {
    .name = "walkthrough",
    .params = walk_params,
    .check = walk_check,
    .render = walk_render,
};

const struct widget_kind widget_network = {
    .name = "network",
    .params = net_params,
    .check = net_check,
    .render = net_render,
};

const struct widget_kind widget_matrixview = {
    .name = "matrixview",
    .params = mat_params,
    .check = mat_check,
    .render = mat_render,
};

int backprop_widget_config(const struct lesson_widget *wd, int ascii,
                           struct backprop_config *c, char *msg, size_t len)
{
    return config_read(wd, ascii, c, msg, len);
}

size_t backprop_widget_shown(const struct lesson_widget *wd,
                             const struct backprop_walk *w)
{
    struct walk_conf c;
    struct backprop_walk tmp;
    char msg[256];
    if (strcmp(wd->kind, "walkthrough") != 0 ||
        walk_read(wd, w->cfg.ascii, &c, &tmp, msg, sizeof msg) != 0)
        return 0;
    backprop_walk_fini(&tmp);
    /* The stage's lines in w (whose numeric section may differ). */
    size_t first, count;
    stage_range(w, c.stage, &first, &count);
    size_t upto = (size_t)c.upto < count ? (size_t)c.upto : count;
    return count ? first + upto : 0;
}
