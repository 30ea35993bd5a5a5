/*
 * The live training screen: a network learning MNIST while the class
 * watches. The training session (lesson/train.h) is run in slices from
 * the app's tick, a few milliseconds at a time, so keys are answered at
 * once at any network size; this file only draws the session's numbers
 * and turns actions into session calls. Opened with 'M' from the menu or a
 * lesson.
 *
 * Layout, top to bottom: the configuration; a progress bar with the
 * epoch, samples/s and time left; the loss per iteration with its moving
 * average (left) and train/test accuracy per epoch (right); the last
 * epoch's figures, or the reason training stopped.
 *
 * Keys: Space/Enter/→ pause, and when paused train one mini-batch;
 * End runs on; ↑/↓ double or halve the learning rate; Home starts over
 * with new weights; ← switches to the next preset (the study notes'
 * three networks) and starts it; Tab (or i) opens the look inside on
 * this network (screen_inside.c), where training goes on; q stops and
 * goes back to the menu.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "data/data_err.h"
#include "data/dataset.h"
#include "lesson/train.h"
#include "render/plot.h"
#include "tui/app.h"

/* Training time per tick: short enough to answer keys within 100 ms. */
#define SLICE_SECONDS 0.03

struct train_screen {
    struct dataset ds;
    int have_data;
    char error[DATA_MSG_SIZE]; /* why there is nothing to train */
    struct train_config cfg;
    size_t preset; /* index of cfg's preset */
    struct train_session s;
    int have_session;
    int paused;
    double *x; /* iteration numbers for the loss plot */
    size_t n_x;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void restart(struct train_screen *t)
{
    if (t->have_session)
        train_session_fini(&t->s);
    t->have_session = 0;
    if (!t->have_data)
        return;
    if (train_session_init(&t->s, &t->cfg, &t->ds, t->error, sizeof t->error) ==
        0)
        t->have_session = 1;
    t->paused = 0;
}

void train_view_free(struct app *a)
{
    struct train_screen *t = a->train;
    if (!t)
        return;
    if (t->have_session)
        train_session_fini(&t->s);
    if (t->have_data)
        dataset_fini(&t->ds);
    free(t->x);
    free(t);
    a->train = NULL;
}

void train_view_open(struct app *a)
{
    if (!a->train) {
        struct train_screen *t = calloc(1, sizeof *t);
        if (!t)
            return;
        a->train = t;
        struct dataset_search s;
        dataset_search_from_env(&s, DATASET_MNIST, NULL);
        t->have_data = dataset_load(&t->ds, &s, t->error, sizeof t->error) == 0;
        train_config_default(&t->cfg);
        restart(t);
    }
    a->view = &train_view;
}

static int train_tick(struct app *a, double now)
{
    (void)now;
    struct train_screen *t = a->train;
    if (!t || !t->have_session || t->paused || a->help || a->blank)
        return 0;
    enum train_event ev = TRAIN_EV_BATCH;
    double start = now_seconds();
    int worked = 0;
    while (ev != TRAIN_EV_DONE && ev != TRAIN_EV_DIVERGED &&
           now_seconds() - start < SLICE_SECONDS) {
        if (train_session_step(&t->s, &ev) != 0) {
            snprintf(t->error, sizeof t->error, "out of memory");
            t->paused = 1;
            break;
        }
        worked = 1;
    }
    return worked;
}

/* 0 (poll again at once) while training runs, -1 (wait for a key) when
 * it is paused or over. */
static double train_timeout(const struct app *a)
{
    const struct train_screen *t = a->train;
    int busy = t && t->have_session && !t->paused &&
               (t->s.phase == TRAIN_TRAINING || t->s.phase == TRAIN_EVAL);
    return busy ? 0 : -1;
}

static void draw_progress(struct app *a, struct rgrid *g, int x, int y, int w)
{
    const struct train_session *s = &a->train->s;
    long total = train_session_total_iters(s);
    double frac = total > 0 ? (double)s->iter / (double)total : 0;
    char right[128];
    double rate = train_session_rate(s);
    double left =
        rate > 0 ? (double)(total - s->iter) * (double)s->cfg.batch_size / rate
                 : 0;
    snprintf(right, sizeof right, " %3.0f%%  epoch %ld/%ld  %.0f/s  ETA %.0f s",
             100 * frac, s->epoch + (s->phase == TRAIN_DONE ? 0 : 1),
             s->cfg.epochs, rate, left);
    int bar_w = w - utf8_width(right) - 2;
    const struct rglyphs *gl = a->glyphs;
    rgrid_put(g, x, y, '[', RS_DIM);
    long units = (long)(frac * bar_w * gl->bar_steps + 0.5);
    for (int c = 0; c < bar_w; c++) {
        long k = units > gl->bar_steps ? gl->bar_steps : units;
        units -= k;
        rgrid_put(g, x + 1 + c, y, k > 0 ? gl->bar[k] : ' ', RS_ACCENT);
    }
    rgrid_put(g, x + 1 + bar_w, y, ']', RS_DIM);
    rgrid_print(g, x + 2 + bar_w, y, right, RS_NORMAL);
}

static void draw_plots(struct app *a, struct rgrid *g, int x, int y, int w,
                       int h)
{
    struct train_screen *t = a->train;
    const struct train_session *s = &t->s;
    size_t n = (size_t)s->iter;
    if (n > t->n_x) {
        double *p = realloc(t->x, n * 2 * sizeof *p);
        if (!p)
            return;
        t->x = p;
        for (size_t i = t->n_x; i < n * 2; i++)
            p[i] = (double)(i + 1);
        t->n_x = n * 2;
    }
    double ep[64], tr[64], te[64]; /* the last 64 epochs */
    int ne = 0;
    long first = s->epoch > 64 ? s->epoch - 64 : 0;
    for (long e = first; e < s->epoch; e++, ne++) {
        ep[ne] = (double)(e + 1);
        tr[ne] = s->history[e].train_acc;
        te[ne] = s->history[e].test_acc;
    }
    struct rseries loss[2] = {
        {.label = "loss", .x = t->x, .y = s->iter_loss, .n = (int)n},
        {.label = "moving average", .x = t->x, .y = s->iter_avg, .n = (int)n},
    };
    struct rseries acc[2] = {
        {.label = "train acc", .x = ep, .y = tr, .n = ne},
        {.label = "test acc", .x = ep, .y = te, .n = ne},
    };
    struct rplot p;
    rplot_init(&p);
    p.series = loss;
    p.nseries = n > 0 ? 2 : 0;
    p.ymin = 0;
    p.xmin = 1;
    p.xmax = (double)train_session_total_iters(s);
    int lw = w * 3 / 5;
    rplot_draw(g, x, y, lw - 1, h, &p, a->glyphs, NULL);
    rplot_init(&p);
    p.series = acc;
    p.nseries = ne > 0 ? 2 : 0;
    p.ymax = 1;
    p.xmin = 1;
    p.xmax = (double)s->cfg.epochs > 1 ? (double)s->cfg.epochs : 2;
    rplot_draw(g, x + lw + 1, y, w - lw - 1, h, &p, a->glyphs, NULL);
}

static void draw_state(struct app *a, struct rgrid *g, int x, int y, int w,
                       int rows)
{
    const struct train_screen *t = a->train;
    const struct train_session *s = &t->s;
    char line[256];
    if (s->phase == TRAIN_DIVERGED) {
        rgrid_wrap(g, x, y, w, rows, s->why, RS_BAD);
        return;
    }
    if (s->epoch > 0) {
        const struct train_epoch *e = &s->history[s->epoch - 1];
        snprintf(line, sizeof line,
                 "epoch %ld: loss %.4f  train acc %.4f  test acc %.4f  "
                 "%.2f s  %.0f samples/s",
                 e->epoch, e->loss, e->train_acc, e->test_acc, e->seconds,
                 e->samples_per_s);
        rgrid_print_n(g, x, y, w, line, RS_GOOD);
    }
    const char *what = s->phase == TRAIN_DONE   ? "done"
                       : t->paused              ? "paused"
                       : s->phase == TRAIN_EVAL ? "measuring accuracy"
                                                : "training";
    snprintf(line, sizeof line,
             "%s: iteration %ld, loss %.4f (average %.4f), learning rate %g",
             what, s->iter, s->loss, s->loss_avg, s->opt.cfg.lr);
    rgrid_print_n(g, x, y + 1, w, line, RS_BOLD);
}

static const char *preset_name(size_t i)
{
    size_t n;
    /* Two statements: in one, `i % n` could be evaluated before the call
     * sets n. */
    const struct train_preset *p = train_presets(&n);
    return p[i % n].name;
}

static void train_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct train_screen *t = a->train;
    int x = app_margin(a), w = g->w - 2 * x;
    if (!t || !t->have_session) {
        rgrid_wrap(g, x, top, w, rows, t ? t->error : "out of memory", RS_BAD);
        return;
    }
    const struct train_config *c = &t->s.cfg;
    char shape[128], line[256];
    train_config_shape(c, shape, sizeof shape);
    snprintf(line, sizeof line,
             "MNIST %s %s: %s, %s, batch %zu, %ld epochs, %s, seed %llu", shape,
             preset_name(t->preset), nn_act_name(c->act.kind),
             nn_optim_name(c->opt.kind), c->batch_size, c->epochs,
             nn_dtype_name(c->dtype), (unsigned long long)c->seed);
    rgrid_print_n(g, x, top, w, line, RS_TITLE);
    draw_progress(a, g, x, top + 2, w);
    int plot_h = rows - 7;
    if (plot_h >= 4)
        draw_plots(a, g, x, top + 4, w, plot_h);
    draw_state(a, g, x, top + rows - 2, w, 2);
}

static void train_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct train_screen *t = a->train;
    if (act == ACT_BACK) {
        a->view = &menu_view;
        if (t)
            t->paused = 1;
        return;
    }
    if (!t || !t->have_session)
        return;
    struct train_session *s = &t->s;
    enum train_event ev;
    switch (act) {
    case ACT_NEXT:
        /* Pause; while paused, each press trains one mini-batch (the
         * evaluation at an epoch's end runs through at once). */
        if (!t->paused) {
            t->paused = 1;
            break;
        }
        do {
            if (train_session_step(s, &ev) != 0)
                break;
        } while (ev == TRAIN_EV_EVAL);
        break;
    case ACT_LAST:
        t->paused = 0;
        break;
    case ACT_UP:
    case ACT_DOWN:
        train_session_set_lr(s, act == ACT_UP ? s->opt.cfg.lr * 2
                                              : s->opt.cfg.lr / 2);
        break;
    case ACT_FIRST:
        restart(t);
        break;
    case ACT_PANEL:
        /* The look inside, on this session; training runs on there. */
        app_open_view(a, &inside_view, NULL);
        break;
    case ACT_PREV: {
        size_t n;
        const struct train_preset *p = train_presets(&n);
        t->preset = (t->preset + 1) % n;
        t->cfg = p[t->preset].cfg;
        restart(t);
        break;
    }
    default:
        break;
    }
}

/* Nothing on the right: the progress line says it, and the keys need the
 * width. */
static void train_status(const struct app *a, char *buf, int len)
{
    (void)a;
    if (len > 0)
        buf[0] = '\0';
}

static const struct view_hint train_hints[] = {
    {' ', 0, TX_SHORT_PAUSE},
    {KEY_END, 0, TX_SHORT_GO},
    {KEY_UP, KEY_DOWN, TX_SHORT_LR},
    {KEY_LEFT, 0, TX_SHORT_PRESET},
    {'\t', 0, TX_SHORT_INSIDE},
    {'q', 0, TX_SHORT_MENU},
    {0, 0, TX_COUNT},
};

const struct view_ops train_view = {
    .name = "train",
    .draw = train_draw,
    .action = train_action,
    .click = NULL,
    .hints = train_hints,
    .status = train_status,
    .tick = train_tick,
    .timeout = train_timeout,
};

struct train_session *train_view_session(struct app *a)
{
    struct train_screen *t = a->train;
    return t && t->have_session ? &t->s : NULL;
}
