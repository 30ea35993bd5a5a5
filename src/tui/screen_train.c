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
 * this network (screen_inside.c), where training goes on; c opens the
 * settings panel (screen_train_panel.c); s saves the network to a file
 * and o loads one (screen_train_model.c); q stops and
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
#include "tui/screen_train.h"

/* The English or the Korean of a text, by the interface language. */
#define KO(a, en, kr) ((a)->lang == TUI_KO ? (kr) : (en))

/* Training time per tick: short enough to answer keys within 100 ms. */
#define SLICE_SECONDS 0.03

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
    t->stepping = 0;
}

/* The dataset of kind, loaded into *ds unless held already. */
static int load_data(enum dataset_kind kind, struct dataset *ds, char *msg,
                     size_t size)
{
    struct dataset_search search;
    dataset_search_from_env(&search, kind, NULL);
    return dataset_load(ds, &search, msg, size);
}

int train_screen_data(struct train_screen *t, enum dataset_kind kind, char *msg,
                      size_t size)
{
    if (t->have_data && t->ds.kind == kind)
        return NN_OK;
    struct dataset *fresh = malloc(sizeof *fresh);
    if (!fresh) {
        snprintf(msg, size, "out of memory");
        return NN_ENOMEM;
    }
    int err = load_data(kind, fresh, msg, size);
    if (err) {
        free(fresh);
        return err;
    }
    /* The old session borrows the old dataset: it goes first. */
    if (t->have_session)
        train_session_fini(&t->s);
    t->have_session = 0;
    if (t->have_data)
        dataset_fini(&t->ds);
    t->ds = *fresh; /* owned heap members move with the struct */
    t->have_data = 1;
    free(fresh);
    return NN_OK;
}

int train_screen_start(struct train_screen *t, const struct train_config *cfg,
                       enum dataset_kind kind, char *msg, size_t size)
{
    int err = train_config_check(cfg, msg, size);
    if (!err)
        err = train_screen_data(t, kind, msg, size);
    if (err)
        return err;
    struct train_session s;
    err = train_session_init(&s, cfg, &t->ds, msg, size);
    if (err)
        return err;
    if (t->have_session)
        train_session_fini(&t->s);
    t->s = s; /* nothing in a session points into the struct itself */
    t->have_session = 1;
    t->cfg = *cfg;
    t->paused = 0;
    t->stepping = 0;
    t->saved_at_end = 0;
    t->note[0] = '\0';
    return NN_OK;
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

struct train_screen *train_screen_new(struct app *a)
{
    if (a->train)
        return a->train;
    struct train_screen *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    a->train = t;
    t->save_path = a->model_save;
    train_config_default(&t->cfg);
    return t;
}

void train_view_open(struct app *a)
{
    if (!a->train) {
        struct train_screen *t = train_screen_new(a);
        if (!t)
            return;
        t->have_data =
            load_data(DATASET_MNIST, &t->ds, t->error, sizeof t->error) == 0;
        restart(t);
    }
    if (a->view == &train_panel_view) /* M from the settings: as Esc */
        a->train->paused = a->train->panel.was_paused;
    a->view = &train_view;
}

static int train_tick(struct app *a, double now)
{
    (void)now;
    struct train_screen *t = a->train;
    if (!t || !t->have_session || (t->paused && !t->stepping) || a->help ||
        a->blank)
        return 0;
    if (t->s.phase == TRAIN_DONE || t->s.phase == TRAIN_DIVERGED)
        return train_model_save_at_end(a);
    enum train_event ev = TRAIN_EV_BATCH;
    double start = now_seconds();
    int worked = 0;
    /* At least one piece per tick, however busy the machine. */
    do {
        if (train_session_step(&t->s, &ev) != 0) {
            snprintf(t->error, sizeof t->error, "out of memory");
            t->paused = 1;
            break;
        }
        worked = 1;
        /* a single step ends with its mini-batch (or the evaluation) */
        if (t->stepping && ev != TRAIN_EV_PART && ev != TRAIN_EV_EVAL) {
            t->stepping = 0;
            break;
        }
    } while (ev != TRAIN_EV_DONE && ev != TRAIN_EV_DIVERGED &&
             now_seconds() - start < SLICE_SECONDS);
    train_model_save_at_end(a);
    return worked;
}

/* 0 (poll again at once) while training runs, -1 (wait for a key) when
 * it is paused or over. */
static double train_timeout(const struct app *a)
{
    const struct train_screen *t = a->train;
    int busy = t && t->have_session && (!t->paused || t->stepping) &&
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
    snprintf(right, sizeof right,
             KO(a, " %3.0f%%  epoch %ld/%ld  %.0f/s  ETA %.0f s",
                " %3.0f%%  에포크 %ld/%ld  %.0f/s  남은 시간 %.0f초"),
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
        {.label = KO(a, "loss", "손실"),
         .x = t->x,
         .y = s->iter_loss,
         .n = (int)n},
        {.label = KO(a, "moving average", "이동 평균"),
         .x = t->x,
         .y = s->iter_avg,
         .n = (int)n},
    };
    struct rseries acc[2] = {
        {.label = KO(a, "train acc", "훈련 정확도"), .x = ep, .y = tr, .n = ne},
        {.label = KO(a, "test acc", "테스트 정확도"),
         .x = ep,
         .y = te,
         .n = ne},
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
    if (s->epoch == 0 && s->from_model) {
        snprintf(line, sizeof line,
                 KO(a,
                    "loaded network: test acc %.4f, test loss %.4f; End "
                    "trains on from these weights",
                    "불러온 신경망: 테스트 정확도 %.4f, 테스트 손실 %.4f; "
                    "End를 누르면 이 가중치에서 이어서 학습합니다"),
                 s->model_test_acc, s->model_test_loss);
        rgrid_print_n(g, x, y, w, line, RS_GOOD);
    } else if (s->epoch > 0) {
        const struct train_epoch *e = &s->history[s->epoch - 1];
        snprintf(line, sizeof line,
                 KO(a,
                    "epoch %ld: loss %.4f, accuracy train %.4f test %.4f, "
                    "%.2f s, %.0f/s",
                    "에포크 %ld: 손실 %.4f, 정확도 훈련 %.4f 테스트 %.4f, "
                    "%.2f초, %.0f/s"),
                 e->epoch, e->loss, e->train_acc, e->test_acc, e->seconds,
                 e->samples_per_s);
        rgrid_print_n(g, x, y, w, line, RS_GOOD);
    }
    const char *what = s->phase == TRAIN_DONE ? KO(a, "done", "완료")
                       : t->paused            ? KO(a, "paused", "일시 정지")
                       : s->phase == TRAIN_EVAL
                           ? KO(a, "measuring accuracy", "정확도 측정 중")
                           : KO(a, "training", "학습 중");
    snprintf(line, sizeof line,
             KO(a,
                "%s: iteration %ld, loss %.4f (average %.4f), learning "
                "rate %g",
                "%s: 반복 %ld, 손실 %.4f (평균 %.4f), 학습률 %g"),
             what, s->iter, s->loss, s->loss_avg, s->opt.cfg.lr);
    rgrid_print_n(g, x, y + 1, w, line, RS_BOLD);
}

/* "loaded" for a network from a file, else the preset the session's
 * settings are, else "custom". */
static const char *preset_name(const struct app *a,
                               const struct train_session *s)
{
    const struct train_preset *p = train_preset_of(&s->cfg);
    return s->from_model ? KO(a, "loaded", "불러옴")
           : p           ? p->name
                         : KO(a, "custom", "직접 설정");
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
             KO(a, "%s %s %s: %s, %s, batch %zu, %ld epochs, %s, seed %llu",
                "%s %s %s: %s, %s, 배치 %zu, 에포크 %ld, %s, seed %llu"),
             dataset_kind_title(t->ds.kind), shape, preset_name(a, &t->s),
             nn_act_name(c->act.kind), nn_optim_name(c->opt.kind),
             c->batch_size, c->epochs, nn_dtype_name(c->dtype),
             (unsigned long long)c->seed);
    rgrid_print_n(g, x, top, w, line, RS_TITLE);
    draw_progress(a, g, x, top + 2, w);
    /* the two state lines; the reason training diverged takes up to 7
     * (about 500 characters), taken from the curves */
    int state = t->s.phase == TRAIN_DIVERGED ? 7 : 2;
    if (state > rows - 10)
        state = rows - 10 > 2 ? rows - 10 : 2;
    int plot_h = rows - 5 - state;
    if (plot_h >= 4)
        draw_plots(a, g, x, top + 4, w, plot_h);
    if (!train_model_draw(a, g, x, top + rows - 2, w))
        draw_state(a, g, x, top + rows - state, w, state);
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
    t->note[0] = '\0'; /* the outcome of a save or load, seen now */
    switch (act) {
    case ACT_NEXT:
        /* Pause; while paused, each press trains one mini-batch (the
         * evaluation at an epoch's end runs through at once), in the
         * ticks' slices like a running session. */
        if (!t->paused)
            t->paused = 1;
        else
            t->stepping = 1;
        break;
    case ACT_LAST:
        t->paused = 0;
        t->stepping = 0;
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
        char msg[DATA_MSG_SIZE];
        if (train_screen_start(t, &p[t->preset].cfg, t->ds.kind, msg,
                               sizeof msg) != 0) {
            snprintf(t->note, sizeof t->note, "%s", msg);
            t->note_style = RS_BAD;
        }
        break;
    }
    case ACT_CHECK: /* c: the settings */
        train_panel_open(a);
        break;
    case ACT_SAVE:
    case ACT_OPEN:
        train_model_prompt(a, act == ACT_SAVE ? PROMPT_SAVE : PROMPT_OPEN);
        break;
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

/* The status line fits 80 columns in either language; End, Home, ← and
 * Tab are in the help. */
static const struct view_hint train_hints[] = {
    {' ', 0, TX_SHORT_PAUSE},
    {KEY_UP, KEY_DOWN, TX_SHORT_LR},
    {'c', 0, TX_SHORT_SETTINGS},
    {'s', 0, TX_SHORT_SAVE},
    {'o', 0, TX_SHORT_LOAD},
    {'q', 0, TX_SHORT_MENU},
    {0, 0, TX_COUNT},
};

static const enum tui_action train_help[] = {
    ACT_NEXT,  ACT_LAST, ACT_UP,   ACT_DOWN,  ACT_FIRST,  ACT_PREV,
    ACT_CHECK, ACT_SAVE, ACT_OPEN, ACT_PANEL, ACT_INSIDE, ACT_DRAW,
    ACT_HELP,  ACT_BACK, ACT_LANG, ACT_BLANK, ACT_COUNT,
};

/* What the keys do here, for the help. */
static enum text_id train_describe(enum tui_action act)
{
    switch (act) {
    case ACT_NEXT:
        return TX_TRAIN_ACT_NEXT;
    case ACT_LAST:
        return TX_TRAIN_ACT_LAST;
    case ACT_UP:
        return TX_TRAIN_ACT_UP;
    case ACT_DOWN:
        return TX_TRAIN_ACT_DOWN;
    case ACT_FIRST:
        return TX_TRAIN_ACT_FIRST;
    case ACT_PREV:
        return TX_TRAIN_ACT_PREV;
    case ACT_CHECK:
        return TX_TRAIN_ACT_SETTINGS;
    case ACT_PANEL:
        return TX_TRAIN_ACT_PANEL;
    case ACT_BACK:
        return TX_TRAIN_ACT_BACK;
    default:
        return TX_COUNT;
    }
}

const struct view_ops train_view = {
    .name = "train",
    .draw = train_draw,
    .action = train_action,
    .click = NULL,
    .hints = train_hints,
    .status = train_status,
    .key = train_model_key,
    .help_actions = train_help,
    .describe = train_describe,
    .tick = train_tick,
    .timeout = train_timeout,
};

struct train_session *train_view_session(struct app *a)
{
    struct train_screen *t = a->train;
    return t && t->have_session ? &t->s : NULL;
}
