/*
 * A look inside a trained network, in four pages (Space or Tab goes round
 * them):
 *
 *  - answers: test digits in half blocks, each with the network's answer
 *    and its probability as a bar, then the runner-up; a mistake in the
 *    "bad" style, with the true digit and its probability instead;
 *  - mistakes: only the test digits it got wrong;
 *  - confusion: the confusion matrix of the whole test set (row = true
 *    digit, column = answer) and the most frequent mistake;
 *  - weights: the first layer's weights into hidden units as 28 x 28
 *    maps, bright where a pixel's ink excites the unit, dark where it
 *    inhibits it.
 *
 * Up/Down (or Left/Right) turn the page of digits or of hidden units.
 * Everything shown comes from lesson/digits.h over the network of
 * lesson/digits_net.h. Opened with i or Tab from the training screen, it
 * shows that screen's network as it learns: training runs on, the test
 * set is read again after each epoch, and Tab, q or Esc go back. Opened
 * with i from the menu or a lesson, or with w from a lesson step with an
 * mnist-inside widget, it shows the training screen's network when that
 * is trained (an epoch finished, or loaded from a file), else one trained
 * here first.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/digits.h"
#include "lesson/digits_draw.h"
#include "core/error.h"
#include "lesson/digits_net.h"
#include "lesson/lesson.h"
#include "lesson/train.h"
#include "tui/app.h"
#include "tui/digits_task.h"

#define MAP_W 30 /* a weight map: 28 cells and a gap */

/* A digit's tile: its image, two answer lines, and a gap of two columns;
 * the digits' own blank margins keep the tiles apart vertically. Small
 * tiles show the image shrunk 2:1 (14 x 7 cells); full-size ones (28 x
 * 14 cells, one pixel per half cell) are used when at least two rows of
 * four fit, a big terminal or a projector. */
struct tile {
    int big;
    int img_w, img_h; /* cells of the image, and of an answer line */
    int w, h;         /* cells of the tile, gap included */
};

static struct tile tile_for(int w, int rows)
{
    struct tile t = {1, DIGITS_DRAW_W, DIGITS_DRAW_H, DIGITS_DRAW_W + 2,
                     DIGITS_DRAW_H + 2};
    if (w / t.w >= 4 && rows / t.h >= 2)
        return t;
    return (struct tile){0, DIGITS_SMALL_W, DIGITS_SMALL_H, DIGITS_SMALL_W + 2,
                         DIGITS_SMALL_H + 2};
}

enum page { PAGE_ANSWERS, PAGE_MISTAKES, PAGE_CONFUSION, PAGE_WEIGHTS, PAGES };

struct inside_screen {
    const struct view_ops *back;
    /* Opened from the training screen: its session is borrowed whatever
     * its progress and goes on training while this screen is shown. */
    int live;
    struct digits_task net;
    struct digits_eval eval;
    int have_eval;
    long eval_iter;          /* the session's iteration at eval */
    long eval_epoch;         /* its epoch when the last reading began */
    struct digits_eval next; /* being read, a chunk a tick */
    long next_iter;          /* the session's iteration at next */
    int reading;
    enum page page;
    size_t first[2]; /* first tile shown on the answers and mistakes pages */
    size_t per_page; /* tiles the last drawing had room for */
    size_t unit;     /* first hidden unit on the weights page */
    size_t maps;     /* maps the last drawing had room for */
    char error[256];
};

static struct inside_screen *state(const struct app *a)
{
    return a->screen;
}

static int ko(const struct app *a)
{
    return a->lang == TUI_KO;
}

/* Once the network can answer: its answers on the whole test set. */
static void evaluate(struct inside_screen *s)
{
    const struct train_session *ts = digits_net_session(&s->net.net);
    const struct dataset *ds = digits_net_data(&s->net.net);
    digits_eval_fini(&s->eval);
    s->have_eval = 0;
    s->eval_epoch = ts->epoch;
    s->eval_iter = ts->iter;
    int err = digits_eval_run(&s->eval, digits_net_mlp(&s->net.net),
                              &ds->test_images, &ds->test_labels, 0);
    if (err)
        snprintf(s->error, sizeof s->error, "cannot evaluate the network: %s",
                 nn_strerror(err));
    else
        s->have_eval = 1;
}

static int inside_open(struct app *a, const struct lesson_widget *w)
{
    struct inside_screen *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->back = a->view;
    const char *v = w ? lesson_widget_param(w, "view") : NULL;
    static const char *const names[PAGES] = {"answers", "mistakes", "confusion",
                                             "weights"};
    for (int p = 0; v && p < PAGES; p++)
        if (strcmp(v, names[p]) == 0)
            s->page = (enum page)p;
    struct train_session *live = train_view_session(a);
    s->live = a->view == &train_view && live;
    if (s->live)
        digits_task_borrow(&s->net, live);
    else
        digits_task_open(&s->net, live);
    if (digits_task_ready(&s->net))
        evaluate(s);
    a->screen = s;
    return 0;
}

static void inside_close(struct app *a)
{
    struct inside_screen *s = state(a);
    if (s) {
        digits_eval_fini(&s->eval);
        digits_eval_fini(&s->next);
        digits_task_fini(&s->net);
    }
    free(s);
    a->screen = NULL;
}

/* After each epoch of a live session, the test set is read again a
 * chunk a tick (the whole set at once takes a few hundred milliseconds on
 * a big network): the next answers replace the shown ones when complete,
 * and the training waits meanwhile, so that they are all the answers of
 * one network. */
static void read_again(struct inside_screen *s)
{
    const struct dataset *ds = digits_net_data(&s->net.net);
    struct nn_mlp *m = digits_net_mlp(&s->net.net);
    int rc;
    if (!s->reading) {
        const struct train_session *ts = digits_net_session(&s->net.net);
        rc = digits_eval_begin(&s->next, m, &ds->test_images, &ds->test_labels,
                               0);
        s->eval_epoch = ts->epoch;
        s->next_iter = ts->iter;
        s->reading = rc == 0;
    } else {
        rc = digits_eval_step(&s->next, m, &ds->test_images, &ds->test_labels);
        if (rc == 0) {
            digits_eval_fini(&s->eval);
            s->eval = s->next;
            s->eval_iter = s->next_iter;
            memset(&s->next, 0, sizeof s->next);
            s->have_eval = 1;
            s->reading = 0;
        }
    }
    if (rc < 0) {
        snprintf(s->error, sizeof s->error, "cannot evaluate the network: %s",
                 nn_strerror(rc));
        s->have_eval = s->reading = 0;
    }
}

/* Train the network here until it is ready; or, opened from the training
 * screen, let that screen's training run on (the class keeps watching it
 * learn: the weight maps change as it does) and read the test set again
 * after each epoch. */
static int inside_tick(struct app *a, double now)
{
    struct inside_screen *s = state(a);
    if (!s)
        return 0;
    if (!s->live) {
        int rc = digits_task_tick(&s->net);
        if (rc == 2)
            evaluate(s);
        return rc != 0;
    }
    const struct train_session *ts = digits_net_session(&s->net.net);
    if (s->reading || (s->have_eval && ts->epoch != s->eval_epoch &&
                       ts->phase != TRAIN_DIVERGED)) {
        read_again(s);
        return 1;
    }
    return train_view.tick(a, now);
}

static double inside_timeout(const struct app *a)
{
    const struct inside_screen *s = state(a);
    if (!s)
        return -1;
    if (s->reading)
        return 0;
    /* (parenthesised: curses has a timeout macro) */
    return s->live ? (train_view.timeout)(a) : digits_task_timeout(&s->net);
}

/* ---- Drawing ---- */

/* One line of a tile at (x, y), w cells: a label (the digit), a
 * probability bar in the room left, and the probability to 2 decimals. */
static void draw_answer(struct app *a, struct rgrid *g, int x, int y, int w,
                        const char *label, double p, int style)
{
    const struct rglyphs *gs = a->glyphs;
    char num[16];
    snprintf(num, sizeof num, "%.2f", p);
    int lw = rgrid_print(g, x, y, label, style) + 1;
    int bar = w - lw - 1 - (int)strlen(num);
    long units = (long)(p * bar * gs->bar_steps + 0.5);
    for (int c = 0; c < bar; c++) {
        long u = units > gs->bar_steps ? gs->bar_steps : units;
        units -= u;
        rgrid_put(g, x + lw + c, y, u > 0 ? gs->bar[u] : ' ', style);
    }
    rgrid_print(g, x + lw + bar + 1, y, num, style);
}

/* Test digit k as a tile t at (x, y): the image, then the network's
 * answer with its probability; under it the runner-up (dim) when the
 * answer is right, or the true digit and the probability the network gave
 * it when it is wrong. A mistake's image and answer are in the "bad"
 * style. */
static void draw_tile(struct app *a, struct rgrid *g, int x, int y,
                      const struct tile *t, size_t k)
{
    struct inside_screen *s = state(a);
    const struct dataset *ds = digits_net_data(&s->net.net);
    const unsigned char *px = ds->test_images.pixels + k * DIGITS_PIXELS;
    const float *probs = s->eval.probs + k * DATASET_CLASSES;
    unsigned truth = ds->test_labels.labels[k];
    unsigned pred = s->eval.pred[k];
    int right = truth == pred;
    char label[16];
    if (t->big) {
        digits_draw_bytes(g, x, y, px, a->glyphs);
        rgrid_set_style(g, x, y, t->img_w, t->img_h,
                        right ? RS_NORMAL : RS_BAD);
    } else {
        digits_draw_small_bytes(g, x, y, px, a->glyphs,
                                right ? RS_NORMAL : RS_BAD);
    }
    snprintf(label, sizeof label, "%u", pred);
    draw_answer(a, g, x, y + t->img_h, t->img_w, label, probs[pred],
                right ? RS_GOOD : RS_BAD);
    unsigned other = truth;
    if (right) {
        other = pred == 0 ? 1 : 0;
        for (unsigned d = 0; d < DATASET_CLASSES; d++)
            if (d != pred && probs[d] > probs[other])
                other = d;
        snprintf(label, sizeof label, "%u", other);
    } else {
        snprintf(label, sizeof label, ko(a) ? "정답 %u" : "was %u", truth);
    }
    draw_answer(a, g, x, y + t->img_h + 1, t->img_w, label, probs[other],
                right ? RS_DIM : RS_GOOD);
}

static void draw_tiles(struct app *a, struct rgrid *g, int x, int y, int w,
                       int rows)
{
    struct inside_screen *s = state(a);
    int mistakes = s->page == PAGE_MISTAKES;
    size_t n = mistakes ? s->eval.n_wrong : s->eval.n;
    struct tile t = tile_for(w, rows);
    int cols = w / t.w, lines = rows / t.h;
    size_t first = s->first[mistakes];
    for (int i = 0; i < cols * lines && first + (size_t)i < n; i++) {
        size_t k = first + (size_t)i;
        draw_tile(a, g, x + t.w * (i % cols), y + t.h * (i / cols), &t,
                  mistakes ? s->eval.wrong[k] : k);
    }
}

static void draw_confusion(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct inside_screen *s = state(a);
    const struct digits_eval *e = &s->eval;
    char cell[64];
    rgrid_print_n(g, x, y, w,
                  ko(a) ? "행: 정답, 열: 신경망의 답 (테스트 세트)"
                        : "rows: true digit, columns: the network's answer "
                          "(test set)",
                  RS_DIM);
    for (int p = 0; p < DATASET_CLASSES; p++) {
        snprintf(cell, sizeof cell, "%5d", p);
        rgrid_print(g, x + 3 + 6 * p, y + 1, cell, RS_BOLD);
    }
    size_t worst = 0, wt = 0, wp = 0;
    for (int t = 0; t < DATASET_CLASSES; t++) {
        snprintf(cell, sizeof cell, "%2d", t);
        rgrid_print(g, x, y + 2 + t, cell, RS_BOLD);
        for (int p = 0; p < DATASET_CLASSES; p++) {
            size_t v = e->confusion[t][p];
            snprintf(cell, sizeof cell, "%5zu", v);
            rgrid_print(g, x + 3 + 6 * p, y + 2 + t, cell,
                        t == p ? RS_GOOD
                        : v    ? RS_BAD
                               : RS_DIM);
            if (t != p && v > worst) {
                worst = v;
                wt = (size_t)t;
                wp = (size_t)p;
            }
        }
    }
    size_t right = e->n - e->n_wrong;
    snprintf(cell, sizeof cell,
             ko(a) ? "맞힘 %zu / %zu = %.4f" : "right: %zu of %zu = %.4f",
             right, e->n, e->n ? (double)right / (double)e->n : 0.0);
    rgrid_print_n(g, x, y + 13, w, cell, RS_NORMAL);
    if (worst > 0) {
        char line[128];
        snprintf(line, sizeof line,
                 ko(a) ? "가장 잦은 실수: %zu을(를) %zu(으)로 읽음, %zu번"
                       : "most frequent mistake: %zu read as %zu, %zu times",
                 wt, wp, worst);
        rgrid_print_n(g, x, y + 14, w, line, RS_BAD);
    }
}

static void draw_weights(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct inside_screen *s = state(a);
    struct nn_mlp *m = digits_net_mlp(&s->net.net);
    size_t units = m->layers[0].out;
    s->maps = (size_t)((w + 2) / MAP_W);
    if (s->maps < 1)
        s->maps = 1;
    if (s->unit >= units)
        s->unit = 0;
    double map[DIGITS_PIXELS], big;
    char line[96];
    for (size_t i = 0; i < s->maps && s->unit + i < units; i++) {
        size_t u = s->unit + i;
        if (digits_weight_map(m, u, map, &big) != 0)
            return;
        int mx = x + MAP_W * (int)i;
        snprintf(line, sizeof line,
                 ko(a) ? "은닉 뉴런 %zu/%zu, |w| <= %.3f"
                       : "hidden unit %zu/%zu, |w| <= %.3f",
                 u + 1, units, big);
        rgrid_print_n(g, mx, y, MAP_W - 2, line, RS_BOLD);
        digits_draw_weights(g, mx, y + 1, map, big, a->glyphs);
    }
    rgrid_wrap(g, x, y + 2 + DIGITS_DRAW_H, w, 2,
               ko(a) ? "밝은 곳: 잉크가 이 뉴런을 켭니다. 어두운 곳: 끕니다. "
                       "회색: 영향 없음."
                     : "Bright: ink there turns this unit on. Dark: it turns "
                       "it off. Grey: no say.",
               RS_DIM);
}

static void inside_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct inside_screen *s = state(a);
    int x = app_margin(a), w = g->w - 2 * x;
    if (!s)
        return;
    char line[256];
    if (!s->net.ok) {
        rgrid_wrap(g, x, top, w, rows, s->net.net.error, RS_BAD);
        return;
    }
    if (!digits_task_ready(&s->net)) {
        snprintf(line, sizeof line,
                 ko(a) ? "들여다볼 신경망을 학습하는 중: %.0f%%"
                       : "training a network to look inside: %.0f%%",
                 100 * digits_net_progress(&s->net.net));
        rgrid_print_n(g, x, top, w, line, RS_ACCENT);
        return;
    }
    if (!s->have_eval) {
        rgrid_wrap(g, x, top, w, rows, s->error, RS_BAD);
        return;
    }
    const struct train_session *ts = digits_net_session(&s->net.net);
    if (ts->phase == TRAIN_DIVERGED) {
        rgrid_print_n(g, x, top, w, ts->why, RS_BAD);
    } else {
        digits_net_describe(&s->net.net, text_lang_code(a->lang), line,
                            sizeof line);
        rgrid_print_n(g, x, top, w, line, RS_TITLE);
    }
    static const char *const en[PAGES] = {"answers", "mistakes", "confusion",
                                          "weights"};
    static const char *const kr[PAGES] = {"답", "실수", "혼동 행렬", "가중치"};
    int px = x;
    for (int p = 0; p < PAGES; p++) {
        px += rgrid_print(g, px, top + 1, ko(a) ? kr[p] : en[p],
                          p == (int)s->page ? RS_HIGHLIGHT : RS_DIM);
        px += rgrid_print(g, px, top + 1, "  ", RS_NORMAL);
    }
    if (s->page == PAGE_MISTAKES || s->page == PAGE_ANSWERS) {
        int mistakes = s->page == PAGE_MISTAKES;
        struct tile t = tile_for(w, rows - 2);
        int cols = w / t.w, lines = (rows - 2) / t.h;
        s->per_page =
            (size_t)(cols > 0 ? cols : 1) * (size_t)(lines > 0 ? lines : 1);
        size_t n = mistakes ? s->eval.n_wrong : s->eval.n;
        snprintf(line, sizeof line, ko(a) ? "%zu-%zu / %zu" : "%zu-%zu of %zu",
                 n ? s->first[mistakes] + 1 : 0,
                 s->first[mistakes] + s->per_page < n
                     ? s->first[mistakes] + s->per_page
                     : n,
                 n);
        rgrid_print(g, px, top + 1, line, RS_DIM);
        draw_tiles(a, g, x, top + 2, w, rows - 2);
    } else if (s->page == PAGE_CONFUSION) {
        draw_confusion(a, g, x, top + 3, w);
    } else {
        draw_weights(a, g, x, top + 3, w);
    }
}

/* ---- Actions ---- */

static void turn(struct inside_screen *s, int dir)
{
    if (s->page == PAGE_WEIGHTS) {
        struct nn_mlp *m = digits_net_mlp(&s->net.net);
        size_t units = m->layers[0].out, step = s->maps ? s->maps : 1;
        if (dir > 0 && s->unit + step < units)
            s->unit += step;
        else if (dir < 0)
            s->unit = s->unit > step ? s->unit - step : 0;
        return;
    }
    if (s->page == PAGE_CONFUSION)
        return;
    int mistakes = s->page == PAGE_MISTAKES;
    size_t n = mistakes ? s->eval.n_wrong : s->eval.n;
    size_t step = s->per_page ? s->per_page : 1, *f = &s->first[mistakes];
    if (dir > 0 && *f + step < n)
        *f += step;
    else if (dir < 0)
        *f = *f > step ? *f - step : 0;
}

static void inside_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct inside_screen *s = state(a);
    int ready = s->have_eval;
    switch (act) {
    case ACT_PANEL:
        /* Tab opened this screen from the training screen: Tab again goes
         * back there. */
        if (s->back == &train_view) {
            inside_action(a, ACT_BACK, 0);
            break;
        }
        /* fall through */
    case ACT_NEXT:
        if (ready)
            s->page = (enum page)((s->page + 1) % PAGES);
        break;
    case ACT_PREV:
        if (ready)
            s->page = (enum page)((s->page + PAGES - 1) % PAGES);
        break;
    case ACT_DOWN:
    case ACT_INC:
        if (ready)
            turn(s, 1);
        break;
    case ACT_UP:
    case ACT_DEC:
        if (ready)
            turn(s, -1);
        break;
    case ACT_FIRST:
        s->first[0] = s->first[1] = 0;
        s->unit = 0;
        break;
    case ACT_BACK:
    case ACT_CLOSE: {
        const struct view_ops *back = s->back;
        app_close_screen(a);
        if (back)
            a->view = back;
        break;
    }
    default:
        break;
    }
}

/* Right answers on the test set, and for a session still training, the
 * iteration they were taken at. */
static void inside_status(const struct app *a, char *buf, int len)
{
    const struct inside_screen *s = state(a);
    if (len <= 0)
        return;
    buf[0] = '\0';
    if (!s || !s->have_eval)
        return;
    int n = snprintf(buf, (size_t)len, "%zu/%zu", s->eval.n - s->eval.n_wrong,
                     s->eval.n);
    const struct train_session *ts = digits_net_session(&s->net.net);
    if (s->live && ts->phase != TRAIN_DONE && n > 0 && n < len)
        snprintf(buf + n, (size_t)(len - n),
                 ko(a) ? " (반복 %ld 시점)" : " at iteration %ld",
                 s->eval_iter);
}

static enum text_id inside_describe(enum tui_action act)
{
    switch (act) {
    case ACT_PANEL:
    case ACT_NEXT:
    case ACT_PREV:
        return TX_INSIDE_ACT_PAGE;
    case ACT_UP:
    case ACT_DOWN:
    case ACT_INC:
    case ACT_DEC:
        return TX_INSIDE_ACT_TURN;
    case ACT_FIRST:
        return TX_INSIDE_ACT_FIRST;
    case ACT_BACK:
    case ACT_CLOSE:
        return TX_FW_ACT_BACK;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint inside_hints[] = {
    {' ', 0, TX_INSIDE_SHORT_PAGE},
    {KEY_UP, KEY_DOWN, TX_INSIDE_SHORT_TURN},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action inside_help[] = {
    ACT_PANEL, ACT_NEXT, ACT_PREV, ACT_UP,    ACT_DOWN, ACT_INC,    ACT_DEC,
    ACT_FIRST, ACT_HELP, ACT_BACK, ACT_CLOSE, ACT_LANG, ACT_REDRAW, ACT_COUNT,
};

static const char *const inside_widgets[] = {"mnist-inside", NULL};

const struct view_ops inside_view = {
    .name = "inside",
    .draw = inside_draw,
    .action = inside_action,
    .click = NULL,
    .hints = inside_hints,
    .status = inside_status,
    .help_actions = inside_help,
    .widgets = inside_widgets,
    .open = inside_open,
    .close = inside_close,
    .describe = inside_describe,
    .tick = inside_tick,
    .timeout = inside_timeout,
};
