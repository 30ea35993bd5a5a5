/*
 * The settings panel of the training screen ('c'): every setting of the
 * next run in a list a teacher can drive in front of a class. ↑/↓ choose
 * a row; ←/→ cycle a choice (preset, dataset, activation, optimizer,
 * initialisation, number type) or nudge a number (learning rate and init
 * std along 1, 2, 5, 10, ...; batch size and hidden sizes halved or
 * doubled; epochs and seed by one); typing a digit, or Enter, edits the
 * number or the hidden sizes ("50", "128,64") on the row, Enter sets it;
 * r (or Enter on the last row) starts training with the settings; Esc or
 * q closes the panel and changes nothing.
 *
 * Choosing a preset fills every setting. Changing the optimizer takes
 * its usual hyperparameters (nn_optim_defaults), learning rate included,
 * since a rate good for one optimizer is often far off for another.
 * After every change the settings are checked (train_config_check_at) and
 * what is wrong is shown under the row at fault; nothing starts until it
 * is fixed. Training pauses while the panel is open.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/screen_train.h"

#define ESC 27
#define INDENT 2

static const enum text_id labels[TF_COUNT] = {
    [TF_PRESET] = TX_CFG_PRESET,
    [TF_DATASET] = TX_CFG_DATASET,
    [TF_HIDDEN] = TX_CFG_HIDDEN,
    [TF_ACT] = TX_CFG_ACT,
    [TF_OPT] = TX_CFG_OPT,
    [TF_LR] = TX_CFG_LR,
    [TF_BATCH] = TX_CFG_BATCH,
    [TF_EPOCHS] = TX_CFG_EPOCHS,
    [TF_INIT] = TX_CFG_INIT,
    [TF_STD] = TX_CFG_STD,
    [TF_DTYPE] = TX_CFG_DTYPE,
    [TF_SEED] = TX_CFG_SEED,
    [TF_TRAIN_SIZE] = TX_CFG_TRAIN_SIZE,
    [TF_START] = TX_CFG_START,
};

/* The hidden activations, in the order ←/→ walks them. */
static const enum nn_act_kind acts[] = {
    NN_ACT_SIGMOID,    NN_ACT_TANH,     NN_ACT_RELU,
    NN_ACT_LEAKY_RELU, NN_ACT_IDENTITY,
};
#define N_ACTS (sizeof acts / sizeof acts[0])

/* Training-set sizes ←/→ step through; past the last: all of it. */
static const size_t sizes[] = {100,  200,   500,   1000, 2000,
                               5000, 10000, 20000, 50000};
#define N_SIZES (sizeof sizes / sizeof sizes[0])

/* Rows with a value typed in. */
static int typed_field(enum train_field f)
{
    return f == TF_HIDDEN || f == TF_LR || f == TF_BATCH || f == TF_EPOCHS ||
           f == TF_STD || f == TF_SEED || f == TF_TRAIN_SIZE;
}

static int accept_real(int ch)
{
    return (ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' ||
           ch == '-' || ch == '+';
}

static int accept_whole(int ch)
{
    return ch >= '0' && ch <= '9';
}

static int accept_sizes(int ch)
{
    return (ch >= '0' && ch <= '9') || ch == ',' || ch == ' ';
}

static input_accept_fn accept_for(enum train_field f)
{
    return f == TF_HIDDEN              ? accept_sizes
           : f == TF_LR || f == TF_STD ? accept_real
                                       : accept_whole;
}

static size_t train_count(const struct train_screen *t)
{
    return t->have_data ? t->ds.train_images.count : 60000;
}

/* The value of row f as text. */
static void value_text(const struct app *a, const struct train_panel *p,
                       enum train_field f, char *buf, size_t size)
{
    const struct train_config *c = &p->cfg;
    const struct train_preset *pre;
    char n[32];
    switch (f) {
    case TF_PRESET:
        pre = train_preset_of(c);
        snprintf(buf, size, "%s",
                 pre ? pre->name : text_get(a->lang, TX_CFG_CUSTOM));
        break;
    case TF_DATASET:
        snprintf(buf, size, "%s", dataset_kind_title(p->kind));
        break;
    case TF_HIDDEN:
        train_config_hidden_text(c, buf, size);
        break;
    case TF_ACT:
        snprintf(buf, size, "%s", nn_act_name(c->act.kind));
        break;
    case TF_OPT:
        snprintf(buf, size, "%s", nn_optim_name(c->opt.kind));
        break;
    case TF_LR:
        snprintf(buf, size, "%g", c->opt.lr);
        break;
    case TF_BATCH:
        snprintf(buf, size, "%zu", c->batch_size);
        break;
    case TF_EPOCHS:
        snprintf(buf, size, "%ld", c->epochs);
        break;
    case TF_INIT:
        snprintf(buf, size, "%s", nn_init_name(c->init));
        break;
    case TF_STD:
        snprintf(buf, size, "%g", c->init_std);
        break;
    case TF_DTYPE:
        snprintf(buf, size, "%s", nn_dtype_name(c->dtype));
        break;
    case TF_SEED:
        snprintf(buf, size, "%llu", (unsigned long long)c->seed);
        break;
    case TF_TRAIN_SIZE:
        if (c->train_size == 0 || c->train_size >= train_count(a->train)) {
            snprintf(n, sizeof n, "%zu", train_count(a->train));
            const char *args[] = {n};
            text_fill(buf, (int)size, text_get(a->lang, TX_CFG_ALL), args, 1);
        } else {
            snprintf(buf, size, "%zu", c->train_size);
        }
        break;
    case TF_START:
    case TF_COUNT:
        buf[0] = '\0';
        break;
    }
}

/* The row a setting of train_config_check_at is shown under. */
static enum train_field field_of(enum train_setting s)
{
    switch (s) {
    case TRAIN_SET_HIDDEN:
        return TF_HIDDEN;
    case TRAIN_SET_ACT:
        return TF_ACT;
    case TRAIN_SET_OPT:
        return TF_OPT;
    case TRAIN_SET_LR:
        return TF_LR;
    case TRAIN_SET_BATCH:
        return TF_BATCH;
    case TRAIN_SET_EPOCHS:
        return TF_EPOCHS;
    case TRAIN_SET_INIT_STD:
        return TF_STD;
    case TRAIN_SET_THREADS:
        break;
    }
    return TF_START;
}

/* Check the settings; what is wrong goes under its row. Returns 0 when
 * they can be trained. */
static int check(struct train_panel *p)
{
    enum train_setting at = TRAIN_SET_HIDDEN;
    p->msg[0] = '\0';
    if (train_config_check_at(&p->cfg, &at, p->msg, sizeof p->msg) == 0)
        return 0;
    p->msg_field = field_of(at);
    return -1;
}

/* 1, 2, 5, 10, 20, ... : the next such value above (dir > 0) or below
 * v; v itself when there is none below (0 stays 0). */
static double step125(double v, int dir, double from)
{
    if (!(v > 0))
        return dir > 0 ? from : v;
    double e = floor(log10(v));
    static const double m[] = {1, 2, 5};
    /* The nearest candidate beyond v among three decades around it. */
    double best = v;
    for (int d = -1; d <= 1; d++) {
        for (int i = 0; i < 3; i++) {
            double c = m[i] * pow(10, e + d);
            double rel = fabs(c - v) / v;
            if (rel < 1e-9)
                continue;
            if (dir > 0 && c > v && (best == v || c < best))
                best = c;
            if (dir < 0 && c < v && (best == v || c > best))
                best = c;
        }
    }
    return best;
}

/* ←/→ on row f. */
static void change(struct app *a, int dir)
{
    struct train_screen *t = a->train;
    struct train_panel *p = &t->panel;
    struct train_config *c = &p->cfg;
    size_t n;
    const struct train_preset *pre = train_presets(&n);
    switch (p->field) {
    case TF_PRESET: {
        const struct train_preset *cur = train_preset_of(c);
        size_t i = cur ? (size_t)(cur - pre) : n - 1;
        if (!cur && dir < 0)
            i = 0;
        i = (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
        *c = pre[i].cfg;
        break;
    }
    case TF_DATASET:
        if (p->have_fashion)
            p->kind =
                p->kind == DATASET_MNIST ? DATASET_FASHION : DATASET_MNIST;
        break;
    case TF_HIDDEN:
        for (size_t i = 0; i < c->n_hidden; i++) {
            size_t h = dir > 0 ? 2 * c->hidden[i] : c->hidden[i] / 2;
            if (h >= 1 && h <= TRAIN_MAX_WIDTH)
                c->hidden[i] = h;
        }
        break;
    case TF_ACT: {
        size_t i = 0;
        while (i < N_ACTS && acts[i] != c->act.kind)
            i++;
        i = (i + N_ACTS + (size_t)(dir > 0 ? 1 : N_ACTS - 1)) % N_ACTS;
        c->act = nn_act_make(acts[i]);
        break;
    }
    case TF_OPT:
        c->opt = nn_optim_defaults((enum nn_optim_kind)(
            ((int)c->opt.kind + NN_OPT_COUNT + dir) % NN_OPT_COUNT));
        break;
    case TF_LR:
        c->opt.lr = step125(c->opt.lr, dir, 0.001);
        break;
    case TF_BATCH:
        if (dir > 0 && c->batch_size < TRAIN_MAX_BATCH)
            c->batch_size *= 2;
        else if (dir < 0 && c->batch_size > 1)
            c->batch_size /= 2;
        break;
    case TF_EPOCHS:
        if (dir > 0 && c->epochs < TRAIN_MAX_EPOCHS)
            c->epochs++;
        else if (dir < 0 && c->epochs > 1)
            c->epochs--;
        break;
    case TF_INIT:
        c->init = (enum nn_init_kind)(((int)c->init + 3 + dir) % 3);
        break;
    case TF_STD:
        c->init_std = step125(c->init_std, dir, 0.01);
        break;
    case TF_DTYPE:
        c->dtype = c->dtype == NN_F32 ? NN_F64 : NN_F32;
        break;
    case TF_SEED:
        if (dir > 0 || c->seed > 0)
            c->seed += (uint64_t)(long long)dir;
        break;
    case TF_TRAIN_SIZE: {
        size_t all = train_count(t), v = c->train_size;
        if (v == 0 || v >= all)
            v = all;
        size_t next = v;
        if (dir > 0) {
            next = 0;
            for (size_t i = 0; i < N_SIZES && !next; i++)
                if (sizes[i] > v && sizes[i] < all)
                    next = sizes[i];
        } else {
            for (size_t i = 0; i < N_SIZES; i++)
                if (sizes[i] < v)
                    next = sizes[i];
        }
        c->train_size = next >= all ? 0 : next;
        break;
    }
    case TF_START:
    case TF_COUNT:
        break;
    }
    check(p);
}

/* Set row f from the typed text. Returns 0, or -1 with the reason shown
 * under the row. */
static int commit(struct app *a)
{
    struct train_panel *p = &a->train->panel;
    struct train_config *c = &p->cfg;
    const char *text = p->line.buf;
    p->typing = 0;
    if (p->field == TF_HIDDEN) {
        if (train_config_parse_hidden(c, text, p->msg, sizeof p->msg) != 0) {
            p->msg_field = TF_HIDDEN;
            return -1;
        }
        return check(p);
    }
    char *end;
    errno = 0;
    int real = p->field == TF_LR || p->field == TF_STD;
    double d = real ? strtod(text, &end) : 0;
    unsigned long long u = real ? 0 : strtoull(text, &end, 10);
    if (end == text || *end != '\0' || errno == ERANGE ||
        (real && !isfinite(d))) {
        const char *args[] = {text};
        text_fill(p->msg, (int)sizeof p->msg,
                  text_get(a->lang, TX_CFG_NOT_NUMBER), args, 1);
        p->msg_field = p->field;
        return -1;
    }
    switch (p->field) {
    case TF_LR:
        c->opt.lr = d;
        break;
    case TF_STD:
        c->init_std = d;
        break;
    case TF_BATCH:
        c->batch_size = u > SIZE_MAX ? SIZE_MAX : (size_t)u;
        break;
    case TF_EPOCHS:
        c->epochs = u > (unsigned long long)TRAIN_MAX_EPOCHS + 1
                        ? TRAIN_MAX_EPOCHS + 1
                        : (long)u;
        break;
    case TF_SEED:
        c->seed = (uint64_t)u;
        break;
    case TF_TRAIN_SIZE:
        c->train_size = u > SIZE_MAX ? SIZE_MAX : (size_t)u;
        break;
    default:
        break;
    }
    return check(p);
}

static void close_panel(struct app *a)
{
    struct train_screen *t = a->train;
    t->paused = t->panel.was_paused;
    a->view = &train_view;
}

/* Start training with the panel's settings, or say why not. */
static void start(struct app *a)
{
    struct train_screen *t = a->train;
    struct train_panel *p = &t->panel;
    if (p->typing && commit(a) != 0)
        return;
    if (check(p) != 0)
        return;
    if (train_screen_start(t, &p->cfg, p->kind, p->msg, sizeof p->msg) != 0) {
        p->msg_field = TF_DATASET; /* the data did not load */
        return;
    }
    size_t n;
    const struct train_preset *pre = train_presets(&n);
    const struct train_preset *cur = train_preset_of(&p->cfg);
    if (cur)
        t->preset = (size_t)(cur - pre);
    a->view = &train_view;
}

void train_panel_open(struct app *a)
{
    struct train_screen *t = a->train;
    if (!t)
        return;
    struct train_panel *p = &t->panel;
    memset(p, 0, sizeof *p);
    p->cfg = t->have_session ? t->s.cfg : t->cfg;
    if (t->have_session) /* as ↑/↓ left it */
        p->cfg.opt.lr = t->s.opt.cfg.lr;
    p->kind = t->have_data ? t->ds.kind : DATASET_MNIST;
    p->field = TF_PRESET;
    p->msg_field = TF_START;
    /* Fashion-MNIST is offered when its files are found. */
    struct dataset_search search;
    char dir[DATASET_PATH_MAX], msg[DATA_MSG_SIZE];
    const char *source;
    dataset_search_from_env(&search, DATASET_FASHION, NULL);
    p->have_fashion =
        p->kind == DATASET_FASHION ||
        dataset_find(&search, dir, sizeof dir, &source, msg, sizeof msg) == 0;
    p->was_paused = t->paused;
    t->paused = 1;
    t->prompt = PROMPT_NONE;
    check(p);
    a->view = &train_panel_view;
}

static int panel_key(struct app *a, int ch)
{
    struct train_screen *t = a->train;
    if (!t)
        return 0;
    struct train_panel *p = &t->panel;
    if (p->typing) {
        switch (input_line_key(&p->line, ch, accept_for(p->field))) {
        case INPUT_DONE:
            commit(a);
            return 1;
        case INPUT_CANCELLED:
            p->typing = 0;
            return 1;
        case INPUT_EDITED:
            return 1;
        case INPUT_IGNORED:
            break;
        }
        /* Another key sets the value first, then does what it does. */
        return commit(a) != 0;
    }
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        if (p->field == TF_START) {
            start(a);
        } else if (typed_field(p->field)) {
            char v[64];
            if (p->field == TF_TRAIN_SIZE)
                snprintf(v, sizeof v, "%zu", p->cfg.train_size);
            else
                value_text(a, p, p->field, v, sizeof v);
            input_line_set(&p->line, v);
            p->typing = 1;
        } else {
            change(a, 1);
        }
        return 1;
    }
    if (typed_field(p->field) && accept_for(p->field)(ch) && ch != ' ') {
        input_line_set(&p->line, NULL);
        input_line_key(&p->line, ch, NULL);
        p->typing = 1;
        return 1;
    }
    /* Digits elsewhere would jump to a lesson: here they do nothing. */
    return ch >= '0' && ch <= '9';
}

static void panel_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct train_screen *t = a->train;
    if (!t)
        return;
    struct train_panel *p = &t->panel;
    switch (act) {
    case ACT_UP:
        p->field = p->field > 0 ? p->field - 1 : TF_START;
        break;
    case ACT_DOWN:
        p->field = p->field < TF_START ? p->field + 1 : 0;
        break;
    case ACT_FIRST:
        p->field = TF_PRESET;
        break;
    case ACT_LAST:
        p->field = TF_START;
        break;
    case ACT_NEXT:
        if (p->field == TF_START)
            start(a);
        else
            change(a, 1);
        break;
    case ACT_PREV:
        change(a, -1);
        break;
    case ACT_RUN:
        start(a);
        break;
    case ACT_CLOSE:
    case ACT_BACK:
    case ACT_CHECK:
        close_panel(a);
        break;
    default:
        break;
    }
}

/* Parameters of the network: Σ (in · out + out) over the layers. */
static size_t params_of(const struct train_config *c)
{
    size_t n = 0, in = DATASET_SIDE * DATASET_SIDE;
    for (size_t i = 0; i <= c->n_hidden; i++) {
        size_t out = i < c->n_hidden ? c->hidden[i] : DATASET_CLASSES;
        n += in * out + out;
        in = out;
    }
    return n;
}

static void panel_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct train_screen *t = a->train;
    int x = app_margin(a), w = g->w - 2 * x;
    if (!t)
        return;
    struct train_panel *p = &t->panel;
    char shape[128], count[32], line[DATA_MSG_SIZE];
    train_config_shape(&p->cfg, shape, sizeof shape);
    snprintf(count, sizeof count, "%zu", params_of(&p->cfg));
    const char *targs[] = {shape, count};
    text_fill(line, (int)sizeof line, text_get(a->lang, TX_CFG_TITLE), targs,
              2);
    rgrid_print_n(g, x, top, w, line, RS_TITLE);

    int label_w = 0;
    for (int f = 0; f < TF_START; f++) {
        int lw = utf8_width(text_get(a->lang, labels[f]));
        label_w = lw > label_w ? lw : label_w;
    }
    int vx = x + INDENT + label_w + 2, vw = x + w - vx;
    int y = top + 2, bottom = top + rows;
    for (int f = 0; f < TF_COUNT && y < bottom; f++, y++) {
        int chosen = (int)p->field == f;
        if (chosen)
            rgrid_put(g, x, y, a->glyphs->braille ? 0x25b6 : '>', RS_ACCENT);
        if (f == TF_START) {
            rgrid_print_n(g, x + INDENT, y, w - INDENT,
                          text_get(a->lang, TX_CFG_START),
                          chosen ? RS_HIGHLIGHT : RS_BOLD);
            continue;
        }
        rgrid_print_n(g, x + INDENT, y, label_w, text_get(a->lang, labels[f]),
                      chosen ? RS_BOLD : RS_NORMAL);
        int bad = p->msg[0] && (int)p->msg_field == f;
        int used;
        if (chosen && p->typing) {
            input_line_draw(&p->line, g, vx, y, vw, RS_ACCENT, RS_ACCENT);
            continue;
        }
        value_text(a, p, (enum train_field)f, line, sizeof line);
        used = rgrid_print_n(g, vx, y, vw, line,
                             bad      ? RS_BAD
                             : chosen ? RS_HIGHLIGHT
                                      : RS_ACCENT);
        const char *aside = NULL;
        if (f == TF_STD && p->cfg.init != NN_INIT_NORMAL)
            aside = text_get(a->lang, TX_CFG_STD_UNUSED);
        if (f == TF_DATASET && !p->have_fashion)
            aside = text_get(a->lang, TX_CFG_NO_FASHION);
        if (aside)
            rgrid_print_n(g, vx + used + 2, y, vw - used - 2, aside, RS_DIM);
        if (bad && y + 1 < bottom)
            y += rgrid_wrap(g, vx, y + 1, vw, 3, p->msg, RS_BAD);
    }
    /* A message about no row (the data): under the list. */
    if (p->msg[0] && p->msg_field == TF_START && y + 1 < bottom)
        y += rgrid_wrap(g, x + INDENT, y, w - INDENT, 3, p->msg, RS_BAD);
    enum text_id hint = p->typing               ? TX_CFG_HINT_TYPING
                        : p->field == TF_START  ? TX_CFG_HINT_START
                        : p->field == TF_HIDDEN ? TX_CFG_HINT_HIDDEN
                        : typed_field(p->field) ? TX_CFG_HINT_NUMBER
                                                : TX_CFG_HINT_CHOICE;
    if (y + 1 < bottom)
        rgrid_wrap(g, x, y + 1, w, bottom - y - 1, text_get(a->lang, hint),
                   RS_DIM);
}

static void panel_status(const struct app *a, char *buf, int len)
{
    (void)a;
    if (len > 0)
        buf[0] = '\0';
}

static const struct view_hint panel_hints[] = {
    {KEY_UP, KEY_DOWN, TX_SHORT_FIELD}, {KEY_LEFT, KEY_RIGHT, TX_SHORT_CHANGE},
    {'\n', 0, TX_SHORT_TYPE},           {'r', 0, TX_SHORT_START},
    {ESC, 0, TX_SHORT_CANCEL},          {0, 0, TX_COUNT},
};

static const enum tui_action panel_help[] = {
    ACT_UP,  ACT_DOWN,  ACT_NEXT, ACT_PREV, ACT_FIRST, ACT_LAST,
    ACT_RUN, ACT_CLOSE, ACT_BACK, ACT_HELP, ACT_COUNT,
};

static enum text_id panel_describe(enum tui_action act)
{
    switch (act) {
    case ACT_UP:
        return TX_CFG_ACT_UP;
    case ACT_DOWN:
        return TX_CFG_ACT_DOWN;
    case ACT_NEXT:
        return TX_CFG_ACT_NEXT;
    case ACT_PREV:
        return TX_CFG_ACT_PREV;
    case ACT_FIRST:
        return TX_CFG_ACT_FIRST;
    case ACT_LAST:
        return TX_CFG_ACT_LAST;
    case ACT_RUN:
        return TX_CFG_ACT_RUN;
    case ACT_CLOSE:
    case ACT_BACK:
        return TX_CFG_ACT_CLOSE;
    default:
        return TX_COUNT;
    }
}

const struct view_ops train_panel_view = {
    .name = "train-settings",
    .draw = panel_draw,
    .action = panel_action,
    .click = NULL,
    .hints = panel_hints,
    .status = panel_status,
    .key = panel_key,
    .help_actions = panel_help,
    .describe = panel_describe,
};
