/*
 * The interactive forward pass in matrices: the learner changes the layer
 * sizes and the batch size and sees every X·W + B = Y follow, with the
 * parameters of each layer and in all.
 *
 * Every shape is read from the matrices the numeric core used for a real
 * forward pass (lesson/forward.h builds and runs the network again after
 * each change), and the counts come from the core's layer layout; this
 * screen only chooses what to draw. It is opened from a lesson step with
 * a shapes widget (w), starting from that widget's network; its state
 * lives in a->screen.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/forward_draw.h"
#include "lesson/forward_widgets.h"
#include "tui/app.h"

/* Layer widths the screen lets a learner type: a full MNIST input layer
 * fits, and one forward pass stays quick enough for a key press. */
#define SCREEN_MAX_WIDTH 1024
#define INPUT_MAX 15
/* Rows of the scratch grid the shapes and counts are drawn into. */
#define SCRATCH_ROWS 64

struct fw_screen {
    struct forward_config cfg;
    struct forward_run run; /* always a successful run of cfg */
    /* The field under the cursor: sizes[0..n_layers], then the batch. */
    int cursor;
    char typed[INPUT_MAX + 1]; /* a size being typed, or "" */
    struct text_note note; /* the message line */
};

static struct fw_screen *state(const struct app *a)
{
    return a->screen;
}

static void say(struct app *a, int style, enum text_id id,
                const char *const *args, int n)
{
    text_note_say(&state(a)->note, a->lang, style, id, args, n);
}

static int batch_field(const struct fw_screen *s)
{
    return s->cfg.n_layers + 1;
}

/* Name of field i: "inputs", "layer 2", "batch m". */
static void field_name(const struct app *a, int i, char *buf, int len)
{
    const struct fw_screen *s = state(a);
    if (i == 0) {
        snprintf(buf, (size_t)len, "%s", text_get(a->lang, TX_FW_INPUTS));
    } else if (i == batch_field(s)) {
        snprintf(buf, (size_t)len, "%s", text_get(a->lang, TX_FW_BATCH));
    } else {
        char n[16];
        snprintf(n, sizeof n, "%d", i);
        const char *args[] = {n};
        text_fill(buf, len, text_get(a->lang, TX_FW_LAYER), args, 1);
    }
}

static size_t field_value(const struct fw_screen *s, int i)
{
    return i == batch_field(s) ? s->cfg.batch : s->cfg.sizes[i];
}

/* The range of field i: a softmax output needs 2 units. */
static void field_range(const struct fw_screen *s, int i, long *lo, long *hi)
{
    *lo = i == s->cfg.n_layers ? 2 : 1;
    *hi = i == batch_field(s) ? FORWARD_MAX_BATCH : SCREEN_MAX_WIDTH;
}

/* Build and run the network for c; on failure the previous run stays and
 * the message says why. Returns 0 or -1. */
static int rerun(struct app *a, const struct forward_config *c)
{
    struct fw_screen *s = state(a);
    struct forward_run r;
    int err = forward_run_init(&r, c);
    if (err) {
        const char *args[] = {nn_strerror(err)};
        say(a, RS_BAD, TX_FW_FAILED, args, 1);
        return -1;
    }
    forward_run_fini(&s->run);
    s->run = r;
    s->cfg = *c;
    if (s->cursor > batch_field(s))
        s->cursor = batch_field(s);
    return 0;
}

static int fw_open(struct app *a, const struct lesson_widget *w)
{
    struct fw_screen *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    struct forward_config c;
    char msg[256];
    if (!w || shapes_widget_config(w, &c, msg, sizeof msg) != 0)
        forward_config_default(&c);
    /* Keep within what the screen lets a learner type. */
    for (int i = 0; i <= c.n_layers; i++)
        if (c.sizes[i] > SCREEN_MAX_WIDTH)
            c.sizes[i] = SCREEN_MAX_WIDTH;
    if (forward_run_init(&s->run, &c) != 0) {
        forward_config_default(&c); /* the lesson's network always runs */
        if (forward_run_init(&s->run, &c) != 0) {
            free(s);
            return -1;
        }
    }
    s->cfg = c;
    s->cursor = 1;
    a->screen = s;
    return 0;
}

static void fw_close(struct app *a)
{
    struct fw_screen *s = state(a);
    if (s)
        forward_run_fini(&s->run);
    free(s);
    a->screen = NULL;
}

/* Set field i to v (in range) and run again. */
static void set_field(struct app *a, int i, long v)
{
    struct fw_screen *s = state(a);
    struct forward_config c = s->cfg;
    if (i == batch_field(s))
        c.batch = (size_t)v;
    else
        c.sizes[i] = (size_t)v;
    if (rerun(a, &c) == 0) {
        char name[48], val[24];
        field_name(a, i, name, (int)sizeof name);
        snprintf(val, sizeof val, "%ld", v);
        const char *args[] = {name, val};
        say(a, RS_GOOD, TX_FW_SET, args, 2);
    }
}

static void change(struct app *a, int by)
{
    struct fw_screen *s = state(a);
    long lo, hi, v = (long)field_value(s, s->cursor) + by;
    field_range(s, s->cursor, &lo, &hi);
    if (v >= lo && v <= hi)
        set_field(a, s->cursor, v);
}

/* A hidden layer after the cursor (before the output when the cursor is
 * on it), as wide as the layer under the cursor. */
static void add_layer(struct app *a)
{
    struct fw_screen *s = state(a);
    struct forward_config c = s->cfg;
    if (c.n_layers >= FORWARD_MAX_LAYERS) {
        char n[16];
        snprintf(n, sizeof n, "%d", FORWARD_MAX_LAYERS);
        const char *args[] = {n};
        say(a, RS_BAD, TX_FW_MAX, args, 1);
        return;
    }
    int at = s->cursor >= c.n_layers ? c.n_layers : s->cursor + 1;
    size_t width = c.sizes[s->cursor <= c.n_layers ? s->cursor : c.n_layers];
    memmove(&c.sizes[at + 1], &c.sizes[at],
            (size_t)(c.n_layers + 1 - at) * sizeof c.sizes[0]);
    c.sizes[at] = width;
    c.n_layers++;
    if (rerun(a, &c) == 0) {
        s->cursor = at;
        s->note.text[0] = '\0';
    }
}

static void remove_layer(struct app *a)
{
    struct fw_screen *s = state(a);
    struct forward_config c = s->cfg;
    int at = s->cursor;
    if (at < 1 || at >= c.n_layers) {
        say(a, RS_BAD, TX_FW_MIN, NULL, 0);
        return;
    }
    memmove(&c.sizes[at], &c.sizes[at + 1],
            (size_t)(c.n_layers - at) * sizeof c.sizes[0]);
    c.n_layers--;
    if (rerun(a, &c) == 0)
        s->note.text[0] = '\0';
}

static void finish_edit(struct app *a)
{
    struct fw_screen *s = state(a);
    long lo, hi;
    field_range(s, s->cursor, &lo, &hi);
    char *end;
    long v = strtol(s->typed, &end, 10);
    if (end == s->typed || *end != '\0' || v < lo || v > hi) {
        char l[24], h[24];
        snprintf(l, sizeof l, "%ld", lo);
        snprintf(h, sizeof h, "%ld", hi);
        const char *args[] = {s->typed, l, h};
        say(a, RS_BAD, TX_FW_BAD, args, 3);
        s->typed[0] = '\0';
        return;
    }
    s->typed[0] = '\0';
    set_field(a, s->cursor, v);
}

/* ---- Drawing ---- */

/* The fields "inputs [4]  layer 1 [8] ... batch m [4]", wrapped to w.
 * Returns the rows used. */
static int draw_fields(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct fw_screen *s = state(a);
    int col = 0, row = 0;
    for (int i = 0; i <= batch_field(s); i++) {
        char name[48], val[32];
        field_name(a, i, name, (int)sizeof name);
        if (i == s->cursor && s->typed[0])
            snprintf(val, sizeof val, "[%s_]", s->typed);
        else
            snprintf(val, sizeof val, "[%zu]", field_value(s, i));
        int need = utf8_width(name) + 1 + (int)strlen(val);
        if (col > 0 && col + need > w) {
            col = 0;
            row++;
        }
        col += rgrid_print(g, x + col, y + row, name, RS_DIM) + 1;
        col += rgrid_print(g, x + col, y + row, val,
                           i == s->cursor ? RS_HIGHLIGHT : RS_BOLD);
        col += 2;
    }
    return row + 1;
}

static void fw_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct fw_screen *s = state(a);
    int x = app_margin(a), w = g->w - 2 * x;
    if (!s)
        return;
    int y = top + draw_fields(a, g, x, top, w) + 1;
    int bottom = top + rows - 1; /* message or input row */
    /* Shapes and counts go to a scratch grid first, then as many rows as
     * fit are copied: a deep network on a small screen is cut, not drawn
     * over the status line. */
    struct rgrid tmp;
    if (rgrid_init(&tmp, w, SCRATCH_ROWS) == 0) {
        char sizes[160] = "", m[24], head[256];
        size_t n = 0;
        for (int i = 0; i <= s->cfg.n_layers && n < sizeof sizes; i++)
            n += (size_t)snprintf(sizes + n, sizeof sizes - n, "%s%zu",
                                  i ? "-" : "", s->cfg.sizes[i]);
        snprintf(m, sizeof m, "%zu", s->cfg.batch);
        const char *args[] = {sizes, m};
        text_fill(head, (int)sizeof head, text_get(a->lang, TX_FW_TITLE), args,
                  2);
        const char *lang = text_lang_code(a->lang);
        rgrid_print(&tmp, 0, 0, head, RS_BOLD);
        int r = 1;
        r += forward_draw_shapes(&tmp, 0, r, &s->run, 1, lang) + 1;
        int p = forward_draw_params(&tmp, 0, r, s->cfg.sizes, s->cfg.n_layers,
                                    lang);
        r += p > 0 ? p : 0;
        int fit = bottom - 1 - y;
        app_copy_rows(g, x, y, &tmp, 0, r < fit ? r : fit);
        rgrid_fini(&tmp);
    }
    rgrid_print_n(g, x, bottom, w, s->note.text, s->note.style);
}

/* ---- Keys and actions ---- */

static void fw_action(struct app *a, enum tui_action act, int arg)
{
    struct fw_screen *s = state(a);
    int n = batch_field(s) + 1;
    size_t len = strlen(s->typed);
    /* While a size is typed, only typing keys count; others drop it. */
    if (len && act != ACT_TYPE && act != ACT_PREV && act != ACT_NEXT) {
        s->typed[0] = '\0';
        if (act == ACT_CLOSE)
            return;
    }
    switch (act) {
    case ACT_TYPE:
        if (arg >= '0' && arg <= '9' && len < INPUT_MAX) {
            s->typed[len] = (char)arg;
            s->typed[len + 1] = '\0';
        }
        break;
    case ACT_PREV:
        if (len)
            s->typed[len - 1] = '\0';
        break;
    case ACT_NEXT:
        if (len)
            finish_edit(a);
        break;
    case ACT_UP:
        s->cursor = (s->cursor + n - 1) % n;
        break;
    case ACT_DOWN:
        s->cursor = (s->cursor + 1) % n;
        break;
    case ACT_INC:
        change(a, 1);
        break;
    case ACT_DEC:
        change(a, -1);
        break;
    case ACT_ADD:
        add_layer(a);
        break;
    case ACT_REMOVE:
        remove_layer(a);
        break;
    case ACT_BACK:
        app_close_screen(a);
        break;
    default:
        break;
    }
}

static void fw_status(const struct app *a, char *buf, int len)
{
    const struct fw_screen *s = state(a);
    size_t total = 0, wts[FORWARD_MAX_LAYERS], bs[FORWARD_MAX_LAYERS];
    if (!s || forward_count_params(s->cfg.sizes, s->cfg.n_layers, wts, bs,
                                   &total) != 0) {
        buf[0] = '\0';
        return;
    }
    char n[32];
    snprintf(n, sizeof n, "%zu", total);
    const char *args[] = {n};
    text_fill(buf, len, text_get(a->lang, TX_FW_PARAMS), args, 1);
}

static enum text_id fw_describe(enum tui_action act)
{
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        return TX_FW_ACT_UPDOWN;
    case ACT_INC:
    case ACT_DEC:
        return TX_FW_ACT_INCDEC;
    case ACT_TYPE:
        return TX_FW_ACT_TYPE;
    case ACT_NEXT:
        return TX_FW_ACT_ENTER;
    case ACT_BACK:
        return TX_FW_ACT_BACK;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint fw_hints[] = {
    {KEY_UP, KEY_DOWN, TX_SHORT_CHOOSE},
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_CHANGE},
    {'a', KEY_DC, TX_SHORT_LAYER},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action fw_help[] = {
    ACT_UP,     ACT_DOWN, ACT_INC,  ACT_DEC,  ACT_TYPE,   ACT_NEXT,  ACT_ADD,
    ACT_REMOVE, ACT_HELP, ACT_BACK, ACT_LANG, ACT_REDRAW, ACT_COUNT,
};

static const char *const fw_widgets[] = {"shapes", NULL};

const struct view_ops forward_view = {
    .name = "forward",
    .draw = fw_draw,
    .action = fw_action,
    .click = NULL,
    .hints = fw_hints,
    .status = fw_status,
    .help_actions = fw_help,
    .widgets = fw_widgets,
    .open = fw_open,
    .close = fw_close,
    .describe = fw_describe,
};
