/*
 * The interactive backprop walkthrough: the 2-2-2 network of the backprop
 * lesson, one explained line at a time, with the diagram highlighting
 * what each line is about. The learner moves a cursor over the nodes,
 * edges, targets and the learning rate to read a value with its gradient
 * and update; edits the inputs, weights, biases, targets and the rate;
 * runs more updates and watches E fall; compares the numerical gradient
 * with backprop's; switches biases on and off; and types a value worked
 * out on paper before the line shows it.
 *
 * Every number comes from the walkthrough model (lesson/backprop.h),
 * which runs the core's MLP; this screen only chooses what to draw. It is
 * opened from a lesson step with a backprop widget (w), configured like
 * that widget, with the lines the lesson has already shown revealed.
 */
#include <curses.h> /* KEY_* codes for the hints and the input line */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/backprop.h"
#include "lesson/backprop_widgets.h"
#include "render/netdiagram.h"
#include "render/plot.h"
#include "tui/app.h"

/* Inputs, weights, biases and targets are limited like the batch
 * command's options; more updates come ten at a time. */
#define VALUE_LIMIT 1e6
#define RUN_STEP 10
#define INPUT_MAX 31

enum panel { PANEL_NETWORK, PANEL_CURVE, PANEL_NUMERIC, PANELS };
enum input { INPUT_NONE, INPUT_EDIT, INPUT_CHECK };

/* What the cursor can be on, in cursor order. */
enum item_kind { IT_NODE, IT_TARGET, IT_PARAM, IT_RATE };
struct item {
    enum item_kind kind;
    int index; /* node 0..5, target 0..1, parameter k (W1.. = 0..) */
};

struct bp_screen {
    struct backprop_config cfg;
    struct backprop_walk walk; /* always a successful run of cfg */
    size_t shown;              /* lines revealed, 0..n_lines */
    int cursor;                /* index into the item list */
    enum panel panel;
    enum input input;
    char buf[INPUT_MAX + 1];
    int len;
    struct text_note note; /* the message line */
    const struct view_ops *back; /* the screen q returns to */
    struct rnet_frame frame;     /* where the diagram was drawn, */
    int framed;                  /* when it was: for mouse clicks */
};

static int n_items(const struct bp_screen *s, struct item *out)
{
    int n = 0;
    for (int i = 0; i < 6; i++)
        out[n++] = (struct item){IT_NODE, i};
    for (int i = 0; i < 2; i++)
        out[n++] = (struct item){IT_TARGET, i};
    for (int k = 0; k < backprop_param_count(&s->walk); k++)
        out[n++] = (struct item){IT_PARAM, k};
    out[n++] = (struct item){IT_RATE, 0};
    return n;
}

static struct item cursor_item(const struct bp_screen *s)
{
    struct item it[32];
    int n = n_items(s, it);
    return it[s->cursor < n ? s->cursor : n - 1];
}

static void say(struct app *a, int style, enum text_id id,
                const char *const *args, int n)
{
    text_note_say(&a->bp->note, a->lang, style, id, args, n);
}

static void value8(char *buf, size_t len, double v)
{
    snprintf(buf, len, "%.8f", v);
    if (strcmp(buf, "-0.00000000") == 0)
        memmove(buf, buf + 1, strlen(buf));
}

/* Run the walkthrough for cfg; on failure the previous run stays and the
 * message says why. Returns 0 or -1. */
static int rerun(struct app *a, const struct backprop_config *cfg)
{
    struct bp_screen *s = a->bp;
    struct backprop_walk w;
    int err = backprop_walk_run(&w, cfg);
    if (err) {
        const char *args[] = {nn_strerror(err)};
        say(a, RS_BAD, TX_BP_FAILED, args, 1);
        return -1;
    }
    backprop_walk_fini(&s->walk);
    s->walk = w;
    s->cfg = *cfg;
    if (s->shown > w.n_lines)
        s->shown = w.n_lines;
    struct item it[32];
    int n = n_items(s, it);
    if (s->cursor >= n)
        s->cursor = n - 1;
    return 0;
}

int backprop_view_open(struct app *a, const struct lesson_widget *wd)
{
    if (!a->bp) {
        a->bp = calloc(1, sizeof *a->bp);
        if (!a->bp)
            return -1;
    }
    struct bp_screen *s = a->bp;
    backprop_walk_fini(&s->walk);
    memset(s, 0, sizeof *s);
    struct backprop_config c;
    char msg[256];
    int ascii = a->ascii || a->wide_ambiguous; /* ∂ × · are ambiguous */
    if (!wd || backprop_widget_config(wd, ascii, &c, msg, sizeof msg) != 0) {
        backprop_config_default(&c);
        c.ascii = ascii;
    }
    c.numeric = 0;
    c.iterations = 1;
    if (backprop_walk_run(&s->walk, &c) != 0) {
        backprop_config_default(&c); /* the lesson's numbers always run */
        c.ascii = ascii;
        if (backprop_walk_run(&s->walk, &c) != 0)
            return -1;
    }
    s->cfg = c;
    s->shown = wd ? backprop_widget_shown(wd, &s->walk) : 0;
    s->back = a->view;
    a->view = &backprop_view;
    return 0;
}

void backprop_view_fini(struct app *a)
{
    if (!a->bp)
        return;
    backprop_walk_fini(&a->bp->walk);
    free(a->bp);
    a->bp = NULL;
}

void backprop_view_step(struct app *a)
{
    struct bp_screen *s = a->bp;
    if (s && s->shown < s->walk.n_lines)
        s->shown++;
    else
        a->view = s && s->back ? s->back : &menu_view;
}

/* ---- Lines by name ---- */

static const char *dsym(const struct bp_screen *s)
{
    return s->cfg.ascii ? "d" : "∂";
}

/* The line "∂E/∂<of>" of section sec, or NULL. */
static const struct backprop_line *
grad_line(const struct bp_screen *s, enum backprop_section sec, const char *of)
{
    char name[48];
    snprintf(name, sizeof name, "%sE/%s%s", dsym(s), dsym(s), of);
    long i = backprop_line_find(&s->walk, sec, name);
    return i >= 0 ? &s->walk.lines[i] : NULL;
}

static const struct backprop_line *
named(const struct bp_screen *s, enum backprop_section sec, const char *name)
{
    long i = backprop_line_find(&s->walk, sec, name);
    return i >= 0 ? &s->walk.lines[i] : NULL;
}

/* The gradient line of parameter k: in stage 1 or stage 2. */
static const struct backprop_line *param_grad(const struct bp_screen *s, int k)
{
    const char *p = backprop_param_name(k);
    const struct backprop_line *l = grad_line(s, BACKPROP_STAGE1, p);
    return l ? l : grad_line(s, BACKPROP_STAGE2, p);
}

static const struct backprop_line *param_update(const struct bp_screen *s,
                                                int k)
{
    char name[48];
    snprintf(name, sizeof name, "%s%s", backprop_param_name(k),
             s->cfg.ascii ? "+" : "⁺");
    const struct backprop_line *l = named(s, BACKPROP_STAGE1, name);
    return l ? l : named(s, BACKPROP_STAGE2, name);
}

/* ---- Drawing ---- */

/* Draw a line in at most max_rows rows. Returns the rows used. */
static int put_line(struct rgrid *g, int x, int y, int w, int max_rows,
                    const struct backprop_line *l, int style)
{
    if (!l || max_rows <= 0)
        return 0;
    struct rgrid tmp;
    if (rgrid_init(&tmp, w, 12) != 0)
        return 0;
    int n = backprop_line_draw(&tmp, 0, 0, w, l, style);
    n = n < max_rows ? n : max_rows;
    app_copy_rows(g, x, y, &tmp, 0, n);
    rgrid_fini(&tmp);
    return n;
}

static void settings_text(const struct app *a, char *buf, int len)
{
    const struct bp_screen *s = a->bp;
    char bias[160], rate[32], upd[32];
    enum text_id b = s->cfg.bias == BACKPROP_BIAS_SHARED     ? TX_BP_BIAS_SHARED
                     : s->cfg.bias == BACKPROP_BIAS_PER_UNIT ? TX_BP_BIAS_UNIT
                                                             : TX_BP_NO_BIAS;
    snprintf(bias, sizeof bias, "%s", text_get(a->lang, b));
    if (s->cfg.bias != BACKPROP_BIAS_NONE) {
        size_t n = strlen(bias);
        snprintf(bias + n, sizeof bias - n, ", %s",
                 text_get(a->lang,
                          s->cfg.freeze_bias ? TX_BP_FIXED : TX_BP_UPDATED));
    }
    snprintf(rate, sizeof rate, "%.10g", s->cfg.lr);
    snprintf(upd, sizeof upd, "%ld", s->cfg.iterations);
    const char *args[] = {bias, rate, upd};
    text_fill(buf, len, text_get(a->lang, TX_BP_SETTINGS), args, 3);
}

/* The line the walkthrough is at: the last one revealed. */
static const struct backprop_line *current(const struct bp_screen *s)
{
    return s->shown > 0 ? &s->walk.lines[s->shown - 1] : NULL;
}

static int draw_network(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct bp_screen *s = a->bp;
    const struct backprop_line *l = current(s);
    /* Before the forward pass is done only the given values are known;
     * from the second forward pass on, the updated ones are shown. */
    int values = !l || l->section == BACKPROP_FORWARD ? -1
                 : l->section >= BACKPROP_FORWARD2    ? 1
                                                      : 0;
    struct backprop_net d;
    backprop_net_build(&d, &s->walk, values, l ? l->focus : BACKPROP_FOCUS_NONE,
                       l ? l->index : 0, RS_HIGHLIGHT);
    struct item it = cursor_item(s);
    if (it.kind == IT_NODE && d.net.node[it.index].style == RS_NORMAL)
        d.net.node[it.index].style = RS_ACCENT;
    else if (it.kind == IT_TARGET)
        d.net.side_style[it.index] = RS_ACCENT;
    else if (it.kind == IT_PARAM && it.index < 8 &&
             d.net.edge[it.index].style == RS_NORMAL)
        d.net.edge[it.index].style = RS_ACCENT;
    const struct rglyphs *gs =
        rglyphs_get(s->cfg.ascii ? RGLYPH_ASCII : RGLYPH_UNICODE);
    int rows = rnet_draw(g, x, y, w, &d.net, gs, &s->frame);
    s->framed = rows > 0;
    return rows > 0 ? rows : 0;
}

static void draw_curve(struct app *a, struct rgrid *g, int x, int y, int w,
                       int h)
{
    struct bp_screen *s = a->bp;
    long n = s->cfg.iterations;
    char e0[32], e1[32], k[32], head[160];
    value8(e0, sizeof e0, s->walk.error[0]);
    value8(e1, sizeof e1, s->walk.error[n]);
    snprintf(k, sizeof k, "%ld", n);
    const char *args[] = {e0, e1, k};
    text_fill(head, (int)sizeof head, text_get(a->lang, TX_BP_CURVE), args, 3);
    rgrid_print_n(g, x, y, w, head, RS_BOLD);
    double *xs = malloc((size_t)(n + 1) * sizeof *xs);
    if (!xs)
        return;
    for (long i = 0; i <= n; i++)
        xs[i] = (double)i; /* update number */
    struct rseries ser = {
        .label = "E_total", .x = xs, .y = s->walk.error, .n = (int)(n + 1)};
    struct rplot p;
    rplot_init(&p);
    p.series = &ser;
    p.nseries = 1;
    p.legend = 0;
    const struct rglyphs *gs =
        rglyphs_get(s->cfg.ascii ? RGLYPH_ASCII : RGLYPH_UNICODE);
    rplot_draw(g, x, y + 1, w, h - 1, &p, gs, NULL);
    free(xs);
}

static void draw_numeric(struct app *a, struct rgrid *g, int x, int y, int w,
                         int h)
{
    struct bp_screen *s = a->bp;
    if (!s->cfg.numeric) {
        rgrid_print_n(g, x, y, w, text_get(a->lang, TX_BP_NUMERIC_OFF), RS_DIM);
        return;
    }
    rgrid_print_n(g, x, y, w, text_get(a->lang, TX_BP_NUMERIC), RS_BOLD);
    int row = y + 1;
    for (size_t i = 0; i < s->walk.n_lines && row < y + h; i++) {
        const struct backprop_line *l = &s->walk.lines[i];
        if (l->section != BACKPROP_NUMERIC)
            continue;
        char v[32], text[200];
        value8(v, sizeof v, l->value);
        snprintf(text, sizeof text, "%s  (%s)", v, l->note);
        /* Names are 6 or 7 columns ("∂E/∂W1", "dE/dW1"); values line up
         * after them. */
        rgrid_print_n(g, x + 2, row, 8, l->name, RS_NORMAL);
        rgrid_print_n(g, x + 11, row++, w - 11, text, RS_NORMAL);
    }
}

/* What the cursor is on: its value, gradient, update, formula. */
static int draw_detail(struct app *a, struct rgrid *g, int x, int y, int w,
                       int rows)
{
    struct bp_screen *s = a->bp;
    struct item it = cursor_item(s);
    char text[200], v[32], name[16];
    const char *args[2] = {name, v};
    int used = 0;
    switch (it.kind) {
    case IT_NODE:
        if (it.index < 2) {
            snprintf(name, sizeof name, "x%d", it.index + 1);
            snprintf(v, sizeof v, "%.10g", s->cfg.x[it.index]);
            text_fill(text, (int)sizeof text, text_get(a->lang, TX_BP_INPUT),
                      args, 2);
            rgrid_print_n(g, x, y, w, text, RS_NORMAL);
            return 1;
        } else {
            static const char *const ys[4] = {"h1", "h2", "o1", "o2"};
            static const char *const zs[4] = {"z1", "z2", "z3", "z4"};
            int u = it.index - 2;
            used += put_line(g, x, y, w, rows,
                             named(s, BACKPROP_FORWARD, zs[u]), RS_NORMAL);
            used += put_line(g, x, y + used, w, rows - used,
                             named(s, BACKPROP_FORWARD, ys[u]), RS_NORMAL);
            used += put_line(
                g, x, y + used, w, rows - used,
                grad_line(s, u < 2 ? BACKPROP_STAGE2 : BACKPROP_STAGE1, ys[u]),
                RS_NORMAL);
            return used;
        }
    case IT_TARGET:
        snprintf(name, sizeof name, "t%d", it.index + 1);
        snprintf(v, sizeof v, "%.10g", s->cfg.target[it.index]);
        text_fill(text, (int)sizeof text, text_get(a->lang, TX_BP_TARGET), args,
                  2);
        rgrid_print_n(g, x, y, w, text, RS_NORMAL);
        return 1;
    case IT_RATE:
        snprintf(v, sizeof v, "%.10g", s->cfg.lr);
        args[0] = v;
        text_fill(text, (int)sizeof text, text_get(a->lang, TX_BP_RATE), args,
                  1);
        rgrid_print_n(g, x, y, w, text, RS_NORMAL);
        return 1;
    case IT_PARAM:
        used += put_line(g, x, y, w, rows, param_grad(s, it.index), RS_NORMAL);
        used += put_line(g, x, y + used, w, rows - used,
                         param_update(s, it.index), RS_NORMAL);
        if (s->cfg.numeric)
            used += put_line(
                g, x, y + used, w, rows - used,
                grad_line(s, BACKPROP_NUMERIC, backprop_param_name(it.index)),
                RS_NORMAL);
        return used;
    }
    return used;
}

/* The bottom row: the input line, or the last message. */
static void draw_bottom(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct bp_screen *s = a->bp;
    if (s->input == INPUT_NONE) {
        /* A long verdict grows upwards over the detail, up to 3 rows. */
        int n = rgrid_wrap(NULL, 0, 0, w, 3, s->note.text, 0);
        n = n < 3 ? n : 3;
        for (int r = y - n + 1; r <= y; r++)
            for (int c = x; c < x + w; c++)
                rgrid_put(g, c, r, ' ', RS_NORMAL);
        rgrid_wrap(g, x, y - n + 1, w, n, s->note.text, s->note.style);
        return;
    }
    char prompt[160], name[48];
    if (s->input == INPUT_CHECK) {
        snprintf(name, sizeof name, "%s", s->walk.lines[s->shown].name);
    } else {
        struct item it = cursor_item(s);
        snprintf(name, sizeof name, "%s",
                 it.kind == IT_NODE     ? (it.index ? "x2" : "x1")
                 : it.kind == IT_TARGET ? (it.index ? "t2" : "t1")
                 : it.kind == IT_RATE   ? (s->cfg.ascii ? "lr" : "α")
                                        : backprop_param_name(it.index));
    }
    const char *args[] = {name};
    text_fill(
        prompt, (int)sizeof prompt,
        text_get(a->lang, s->input == INPUT_CHECK ? TX_BP_CHECK : TX_BP_EDIT),
        args, 1);
    int c = rgrid_print_n(g, x, y, w, prompt, RS_BOLD);
    c += rgrid_print_n(g, x + c, y, w - c, s->buf, RS_ACCENT);
    rgrid_put(g, x + c, y, '_', RS_ACCENT); /* the input's cursor */
}

static void bp_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct bp_screen *s = a->bp;
    int x = app_margin(a), w = g->w - 2 * x;
    if (!s)
        return;
    char head[256];
    settings_text(a, head, (int)sizeof head);
    rgrid_print_n(g, x, top, w, head, RS_DIM);
    int y = top + 1;
    int bottom = top + rows - 1; /* message or input row */
    struct backprop_net probe;
    backprop_net_build(&probe, &s->walk, 0, BACKPROP_FOCUS_NONE, 0, 0);
    int ph = rnet_height(&probe.net);
    if (ph > bottom - y - 3)
        ph = bottom - y - 3;
    s->framed = 0;
    if (s->panel == PANEL_NETWORK)
        draw_network(a, g, x, y, w);
    else if (s->panel == PANEL_CURVE)
        draw_curve(a, g, x, y, w, ph);
    else
        draw_numeric(a, g, x, y, w, ph);
    y += ph;
    /* The current line, then what the cursor is on. */
    const struct backprop_line *l = current(s);
    int line_rows = 0;
    if (l)
        line_rows = put_line(g, x, y, w, 3, l, RS_ACCENT);
    else
        line_rows =
            rgrid_wrap(g, x, y, w, 2, text_get(a->lang, TX_BP_START), RS_DIM);
    if (line_rows > 3)
        line_rows = 3;
    y += line_rows;
    if (bottom - y > 0) {
        for (int c = x; c < x + w; c++)
            rgrid_put(g, c, y, a->glyphs->h, RS_DIM);
        y++;
    }
    draw_detail(a, g, x, y, w, bottom - y);
    draw_bottom(a, g, x, bottom, w);
}

/* ---- Actions ---- */

static void start_edit(struct app *a)
{
    struct bp_screen *s = a->bp;
    struct item it = cursor_item(s);
    double v;
    switch (it.kind) {
    case IT_NODE:
        if (it.index >= 2) {
            static const char *const ys[4] = {"h1", "h2", "o1", "o2"};
            const char *args[] = {ys[it.index - 2]};
            say(a, RS_BAD, TX_BP_NOT_EDITABLE, args, 1);
            return;
        }
        v = s->cfg.x[it.index];
        break;
    case IT_TARGET:
        v = s->cfg.target[it.index];
        break;
    case IT_RATE:
        v = s->cfg.lr;
        break;
    default:
        v = it.index < 8 ? s->cfg.w[it.index] : s->cfg.b[it.index - 8];
        break;
    }
    snprintf(s->buf, sizeof s->buf, "%.10g", v);
    s->len = (int)strlen(s->buf);
    s->input = INPUT_EDIT;
}

static void finish_edit(struct app *a)
{
    struct bp_screen *s = a->bp;
    struct item it = cursor_item(s);
    char *end;
    double v = strtod(s->buf, &end);
    int ok = end != s->buf && *end == '\0' && isfinite(v) &&
             fabs(v) <= VALUE_LIMIT && (it.kind != IT_RATE || v >= 0);
    if (!ok) {
        const char *args[] = {s->buf};
        say(a, RS_BAD, TX_BP_BAD_VALUE, args, 1);
        return;
    }
    struct backprop_config c = s->cfg;
    const char *name;
    switch (it.kind) {
    case IT_NODE:
        c.x[it.index] = v;
        name = it.index ? "x2" : "x1";
        break;
    case IT_TARGET:
        c.target[it.index] = v;
        name = it.index ? "t2" : "t1";
        break;
    case IT_RATE:
        c.lr = v;
        name = c.ascii ? "lr" : "α";
        break;
    default:
        if (it.index < 8)
            c.w[it.index] = v;
        else
            c.b[it.index - 8] = v;
        name = backprop_param_name(it.index);
        break;
    }
    if (rerun(a, &c) == 0) {
        char val[32];
        snprintf(val, sizeof val, "%.10g", v);
        const char *args[] = {name, val};
        say(a, RS_GOOD, TX_BP_SET, args, 2);
    }
}

/* "Check my hand calculation" of the next line. */
static void finish_check(struct app *a)
{
    struct bp_screen *s = a->bp;
    struct backprop_verdict v;
    const struct backprop_line *l = &s->walk.lines[s->shown];
    if (backprop_check(&s->walk, s->shown, s->buf, &v) != 0) {
        const char *args[] = {s->buf};
        say(a, RS_BAD, TX_BP_BAD_VALUE, args, 1);
        return;
    }
    char val[32], typed[40];
    value8(val, sizeof val, l->value);
    if (v.match) {
        const char *args[] = {val};
        say(a, RS_GOOD, TX_BP_MATCH, args, 1);
        s->shown++; /* reveal it */
        return;
    }
    if (v.too_coarse) {
        say(a, RS_GOOD, TX_BP_COARSE, NULL, 0);
        return;
    }
    snprintf(typed, sizeof typed, "%s", s->buf);
    const char *args[] = {typed, l->name};
    say(a, RS_BAD, TX_BP_NO_MATCH, args, 2);
    if (v.operand < 0)
        return;
    const char *name = v.factor >= 0 ? l->factor_names[v.operand][v.factor]
                                     : l->operand_names[v.operand];
    double truth = v.factor >= 0 ? l->factors[v.operand][v.factor]
                                 : l->operands[v.operand];
    char tv[32], other[48], more[320];
    value8(tv, sizeof tv, truth);
    if (v.used[0])
        snprintf(other, sizeof other, "%s", v.used);
    else
        value8(other, sizeof other, v.implied);
    const char *a3[] = {name, tv, other};
    text_fill(more, (int)sizeof more,
              text_get(a->lang, v.used[0] ? TX_BP_DIFFERS : TX_BP_DIFFERS_AT),
              a3, 3);
    size_t n = strlen(s->note.text);
    snprintf(s->note.text + n, sizeof s->note.text - n, " %s", more);
}

/* The input line takes printable keys for a number; Enter submits, Esc
 * cancels. Other keys go to the key table only when no input is open. */
static int bp_key(struct app *a, int ch)
{
    struct bp_screen *s = a->bp;
    if (!s || s->input == INPUT_NONE)
        return 0;
    if (ch == 27) {
        s->input = INPUT_NONE;
        s->note.text[0] = '\0';
    } else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        enum input in = s->input;
        s->input = INPUT_NONE;
        if (in == INPUT_EDIT)
            finish_edit(a);
        else
            finish_check(a);
    } else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
        if (s->len > 0)
            s->buf[--s->len] = '\0';
    } else if (((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' ||
                ch == '+' || ch == 'e' || ch == 'E') &&
               s->len < INPUT_MAX) {
        s->buf[s->len++] = (char)ch;
        s->buf[s->len] = '\0';
    }
    return 1; /* an open input line takes every key */
}

/* B: no bias, then shared (updated, fixed), then per unit (updated,
 * fixed), then none again. */
static void next_bias(struct app *a)
{
    struct backprop_config c = a->bp->cfg;
    if (c.bias == BACKPROP_BIAS_NONE) {
        c.bias = BACKPROP_BIAS_SHARED;
        c.freeze_bias = 0;
    } else if (!c.freeze_bias) {
        c.freeze_bias = 1;
    } else if (c.bias == BACKPROP_BIAS_SHARED) {
        c.bias = BACKPROP_BIAS_PER_UNIT;
        c.freeze_bias = 0;
    } else {
        c.bias = BACKPROP_BIAS_NONE;
        c.freeze_bias = 0;
    }
    if (rerun(a, &c) == 0) {
        char head[256];
        settings_text(a, head, (int)sizeof head);
        snprintf(a->bp->note.text, sizeof a->bp->note.text, "%s", head);
        a->bp->note.style = RS_GOOD;
    }
}

static void bp_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct bp_screen *s = a->bp;
    if (!s)
        return;
    struct item it[32];
    int n = n_items(s, it);
    struct backprop_config c = s->cfg;
    switch (act) {
    case ACT_NEXT:
        if (s->shown < s->walk.n_lines)
            s->shown++;
        else
            say(a, RS_DIM, TX_BP_ALL_SHOWN, NULL, 0);
        break;
    case ACT_PREV:
        if (s->shown > 0)
            s->shown--;
        break;
    case ACT_FIRST:
        s->shown = 0;
        break;
    case ACT_LAST:
        s->shown = s->walk.n_lines;
        break;
    case ACT_DOWN:
        s->cursor = (s->cursor + 1) % n;
        break;
    case ACT_UP:
        s->cursor = (s->cursor + n - 1) % n;
        break;
    case ACT_EDIT:
        start_edit(a);
        break;
    case ACT_CHECK:
        if (s->shown >= s->walk.n_lines) {
            say(a, RS_DIM, TX_BP_ALL_SHOWN, NULL, 0);
            break;
        }
        s->buf[0] = '\0';
        s->len = 0;
        s->input = INPUT_CHECK;
        break;
    case ACT_RUN:
        c.iterations += RUN_STEP;
        if (c.iterations > BACKPROP_MAX_ITERATIONS)
            c.iterations = BACKPROP_MAX_ITERATIONS;
        if (rerun(a, &c) == 0)
            s->panel = PANEL_CURVE;
        break;
    case ACT_NUMERIC:
        c.numeric = !c.numeric;
        if (rerun(a, &c) == 0)
            s->panel = c.numeric ? PANEL_NUMERIC : PANEL_NETWORK;
        break;
    case ACT_BIAS:
        next_bias(a);
        break;
    case ACT_PANEL:
        s->panel = (enum panel)((s->panel + 1) % PANELS);
        break;
    case ACT_BACK:
        a->view = s->back ? s->back : &menu_view;
        break;
    default:
        break;
    }
}

/* A click on a node's box or an edge's label puts the cursor there. */
static void bp_click(struct app *a, int x, int y)
{
    struct bp_screen *s = a->bp;
    if (!s || !s->framed || s->input != INPUT_NONE)
        return;
    const struct rnet_frame *f = &s->frame;
    for (int i = 0; i < RNET_NODES; i++)
        if (y == f->node_y[i] && x >= f->node_x[i] &&
            x < f->node_x[i] + f->node_w[i])
            s->cursor = i; /* items 0..5 are the nodes */
    for (int k = 0; k < RNET_EDGES; k++)
        /* 11 columns: "W5 0.437039", the widest label drawn */
        if (y == f->edge_y[k] && x >= f->edge_x[k] && x < f->edge_x[k] + 11)
            s->cursor = 8 + k; /* after the nodes and the targets */
}

static void bp_status(const struct app *a, char *buf, int len)
{
    const struct bp_screen *s = a->bp;
    if (!s) {
        buf[0] = '\0';
        return;
    }
    text_fill2(buf, len, text_get(a->lang, TX_BP_LINE), (int)s->shown,
               (int)s->walk.n_lines);
}

static const struct view_hint bp_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_LINE},
    {KEY_UP, KEY_DOWN, TX_SHORT_CURSOR},
    {'e', 0, TX_SHORT_EDIT},
    {'c', 0, TX_SHORT_CHECK},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action bp_help[] = {
    ACT_NEXT, ACT_PREV,  ACT_UP,    ACT_DOWN,    ACT_FIRST, ACT_LAST,
    ACT_EDIT, ACT_CHECK, ACT_RUN,   ACT_NUMERIC, ACT_BIAS,  ACT_PANEL,
    ACT_HELP, ACT_BACK,  ACT_BLANK, ACT_LANG,    ACT_COUNT,
};

const struct view_ops backprop_view = {
    .name = "backprop",
    .draw = bp_draw,
    .action = bp_action,
    .click = bp_click,
    .hints = bp_hints,
    .status = bp_status,
    .key = bp_key,
    .help_actions = bp_help,
};
