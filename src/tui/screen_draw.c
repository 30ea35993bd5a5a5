/*
 * Draw your own digit: a 28 x 28 canvas the learner paints with the mouse
 * (click or drag) or the keyboard, read live by a trained network.
 *
 * Keys: the arrows (or h j k l) move the cursor; Space or Enter puts the
 * pen down (painting where the cursor goes) and lifts it again; x does
 * the same with an eraser; c clears the canvas; q goes back.
 *
 * After every change the canvas goes through lesson/digits.h, exactly as
 * MNIST's digits were made (bounding box, scaled into 20 x 20, centred by
 * its centre of mass), and the network reads the result; the screen
 * shows what the network sees and its ten probabilities as bars. The
 * network is the training screen's when it has finished an epoch, else
 * one trained here first (lesson/digits_net.h), a few seconds with its
 * progress shown. Opened with d from the menu, a lesson or the training
 * screen, or with w from a lesson step with an mnist-draw widget.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/digits.h"
#include "lesson/digits_draw.h"
#include "render/bars.h"
#include "tui/app.h"
#include "tui/digits_task.h"

#define SIDE DIGITS_SIDE

enum pen { PEN_UP, PEN_INK, PEN_ERASE };

struct draw_screen {
    const struct view_ops *back; /* the view q returns to */
    struct digits_task net;      /* the network (it may still be training) */
    double canvas[DIGITS_PIXELS];
    int cx, cy; /* cursor pixel */
    enum pen pen;
    int ox, oy;   /* screen cell of canvas pixel (0, 0), for the mouse */
    int answered; /* digit and probs hold an answer for the canvas */
    int digit;
    double probs[DATASET_CLASSES];
    double seen[DIGITS_PIXELS]; /* the preprocessed digit */
    struct digits_prep prep;
};

static struct draw_screen *state(const struct app *a)
{
    return a->screen;
}

/* Read the canvas again (after a change, or when the network is ready). */
static void classify(struct draw_screen *s)
{
    s->answered = 0;
    int rc = digits_preprocess(s->canvas, s->seen, &s->prep);
    if (rc != 0 || !digits_task_ready(&s->net))
        return;
    if (digits_read(digits_net_mlp(&s->net.net), &s->net.net.x, s->canvas,
                    &s->digit, s->probs, NULL, NULL) == 0)
        s->answered = 1;
}

/* The brush: a 2 x 2 square from pixel (x, y), about as thick as an
 * MNIST stroke after scaling. */
static void paint(struct draw_screen *s, int x, int y, double ink)
{
    for (int dy = 0; dy < 2; dy++)
        for (int dx = 0; dx < 2; dx++) {
            int px = x + dx, py = y + dy;
            if (px >= 0 && px < SIDE && py >= 0 && py < SIDE)
                s->canvas[py * SIDE + px] = ink;
        }
}

static void pen_here(struct draw_screen *s)
{
    if (s->pen != PEN_UP)
        paint(s, s->cx, s->cy, s->pen == PEN_INK ? 1.0 : 0.0);
    classify(s);
}

static int draw_open(struct app *a, const struct lesson_widget *w)
{
    (void)w;
    struct draw_screen *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->back = a->view;
    s->cx = s->cy = SIDE / 2 - 1;
    digits_task_open(&s->net, train_view_session(a));
    a->screen = s;
    return 0;
}

static void draw_close(struct app *a)
{
    struct draw_screen *s = state(a);
    if (s)
        digits_task_fini(&s->net);
    free(s);
    a->screen = NULL;
}

static int draw_tick(struct app *a, double now)
{
    (void)now;
    struct draw_screen *s = state(a);
    int rc = s ? digits_task_tick(&s->net) : 0;
    if (rc == 2)
        classify(s);
    return rc != 0;
}

static double draw_timeout(const struct app *a)
{
    const struct draw_screen *s = state(a);
    return s ? digits_task_timeout(&s->net) : -1;
}

/* ---- Drawing ---- */

static void draw_box(struct rgrid *g, int x, int y, int w, int h,
                     const struct rglyphs *gs)
{
    for (int c = 1; c < w - 1; c++) {
        rgrid_put(g, x + c, y, gs->h, RS_DIM);
        rgrid_put(g, x + c, y + h - 1, gs->h, RS_DIM);
    }
    for (int r = 1; r < h - 1; r++) {
        rgrid_put(g, x, y + r, gs->v, RS_DIM);
        rgrid_put(g, x + w - 1, y + r, gs->v, RS_DIM);
    }
    rgrid_put(g, x, y, gs->tl, RS_DIM);
    rgrid_put(g, x + w - 1, y, gs->tr, RS_DIM);
    rgrid_put(g, x, y + h - 1, gs->bl, RS_DIM);
    rgrid_put(g, x + w - 1, y + h - 1, gs->br, RS_DIM);
}

static int ko(const struct app *a)
{
    return a->lang == TUI_KO;
}

static void draw_answer(struct app *a, struct rgrid *g, int x, int y, int w)
{
    struct draw_screen *s = state(a);
    char line[160];
    const struct rglyphs *gs = a->glyphs;
    digits_draw_small(g, x, y, s->seen, gs, RS_NORMAL);
    int tx = x + DIGITS_SMALL_W + 2, tw = w - DIGITS_SMALL_W - 2;
    rgrid_print_n(g, tx, y, tw,
                  ko(a) ? "신경망이 보는 숫자" : "what the network sees",
                  RS_BOLD);
    if (s->prep.w > 0) {
        const struct digits_prep *p = &s->prep;
        snprintf(line, sizeof line,
                 ko(a) ? "상자 %dx%d x%.2f -> %dx%d"
                       : "box %dx%d x%.2f -> %dx%d",
                 p->x1 - p->x0 + 1, p->y1 - p->y0 + 1, p->scale, p->w, p->h);
        rgrid_print_n(g, tx, y + 2, tw, line, RS_NORMAL);
        snprintf(line, sizeof line,
                 ko(a) ? "무게중심 (%.1f, %.1f)" : "mass centre (%.1f, %.1f)",
                 p->out_cx, p->out_cy);
        rgrid_print_n(g, tx, y + 3, tw, line, RS_NORMAL);
    }
    int by = y + DIGITS_SMALL_H + 1;
    if (!s->net.ok) {
        rgrid_wrap(g, x, by, w, 10, s->net.net.error, RS_BAD);
        return;
    }
    if (!digits_task_ready(&s->net)) {
        snprintf(line, sizeof line,
                 ko(a) ? "읽어 줄 신경망을 학습하는 중: %.0f%%"
                       : "training a network to read it: %.0f%%",
                 100 * digits_net_progress(&s->net.net));
        rgrid_print_n(g, x, by, w, line, RS_ACCENT);
        return;
    }
    if (!s->answered) {
        rgrid_print_n(g, x, by, w,
                      ko(a) ? "숫자를 그려 보세요." : "Draw a digit.", RS_DIM);
        return;
    }
    snprintf(line, sizeof line,
             ko(a) ? "신경망의 답: %d (확률 %.3f)"
                   : "The network reads: %d (probability %.3f)",
             s->digit, s->probs[s->digit]);
    rgrid_print_n(g, x, by, w, line, RS_GOOD);
    static const char *const names[DATASET_CLASSES] = {"0", "1", "2", "3", "4",
                                                       "5", "6", "7", "8", "9"};
    struct rbar bars[DATASET_CLASSES];
    for (int k = 0; k < DATASET_CLASSES; k++)
        bars[k] = (struct rbar){names[k], s->probs[k], RS_NORMAL};
    struct rbars b;
    rbars_init(&b);
    b.bars = bars;
    b.n = DATASET_CLASSES;
    b.max = 1;
    b.highlight = s->digit;
    rbars_draw(g, x, by + 1, w, &b, gs);
}

static void draw_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct draw_screen *s = state(a);
    int x = app_margin(a), w = g->w - 2 * x;
    if (!s)
        return;
    char line[256];
    if (digits_task_ready(&s->net))
        digits_net_describe(&s->net.net, text_lang_code(a->lang), line,
                            sizeof line);
    else
        snprintf(line, sizeof line, "%s",
                 ko(a) ? "숫자 그리기" : "Draw your own digit");
    rgrid_print_n(g, x, top, w, line, RS_TITLE);
    /* The canvas in a frame: one cell per pixel across, two down. */
    draw_box(g, x, top + 1, SIDE + 2, SIDE / 2 + 2, a->glyphs);
    s->ox = x + 1;
    s->oy = top + 2;
    digits_draw_image(g, s->ox, s->oy, s->canvas, a->glyphs);
    rgrid_set_style(g, s->ox + s->cx, s->oy + s->cy / 2, 1, 1, RS_HIGHLIGHT);
    static const char *const pen_en[] = {"pen up", "pen down", "eraser"};
    static const char *const pen_ko[] = {"펜 들림", "펜 내림", "지우개"};
    snprintf(line, sizeof line, "(%2d, %2d) %s", s->cx, s->cy,
             ko(a) ? pen_ko[s->pen] : pen_en[s->pen]);
    rgrid_print_n(g, x, top + SIDE / 2 + 3, SIDE + 2, line,
                  s->pen == PEN_UP ? RS_DIM : RS_ACCENT);
    int rx = x + SIDE + 4;
    draw_answer(a, g, rx, top + 1, w - (SIDE + 4));
    rgrid_print_n(g, x, top + rows - 1, w,
                  ko(a) ? "마우스로 끌어 그리기. 화살표 이동, Space 펜, "
                          "x 지우개, c 지우기."
                        : "Drag the mouse to draw; or arrows move, Space "
                          "pen, x eraser, c clear.",
                  RS_DIM);
}

/* ---- Input ---- */

static void cursor_move(struct draw_screen *s, int dx, int dy)
{
    int nx = s->cx + dx, ny = s->cy + dy;
    if (nx < 0 || nx >= SIDE || ny < 0 || ny >= SIDE)
        return;
    s->cx = nx;
    s->cy = ny;
    pen_here(s);
}

static void draw_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct draw_screen *s = state(a);
    switch (act) {
    case ACT_UP:
        cursor_move(s, 0, -1);
        break;
    case ACT_DOWN:
        cursor_move(s, 0, 1);
        break;
    case ACT_INC:
        cursor_move(s, 1, 0);
        break;
    case ACT_DEC:
        cursor_move(s, -1, 0);
        break;
    case ACT_NEXT: /* Space, Enter: the pen down or up */
        s->pen = s->pen == PEN_INK ? PEN_UP : PEN_INK;
        pen_here(s);
        break;
    case ACT_SEARCH: /* x: the eraser down or up */
        s->pen = s->pen == PEN_ERASE ? PEN_UP : PEN_ERASE;
        pen_here(s);
        break;
    case ACT_CHECK: /* c: clear */
        memset(s->canvas, 0, sizeof s->canvas);
        s->pen = PEN_UP;
        classify(s);
        break;
    case ACT_BACK: {
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

/* A click or a drag paints at the pixel under the mouse: the top pixel
 * of the cell's two, with the brush reaching the one below. */
static void draw_drag(struct app *a, int x, int y)
{
    struct draw_screen *s = state(a);
    if (!s)
        return;
    int px = x - s->ox, py = 2 * (y - s->oy);
    if (px < 0 || px >= SIDE || py < 0 || py >= SIDE)
        return;
    s->cx = px;
    s->cy = py;
    paint(s, px, py, s->pen == PEN_ERASE ? 0.0 : 1.0);
    classify(s);
}

static void draw_status(const struct app *a, char *buf, int len)
{
    const struct draw_screen *s = state(a);
    if (s && s->answered)
        snprintf(buf, (size_t)len, "%d  %.3f", s->digit, s->probs[s->digit]);
    else if (len > 0)
        buf[0] = '\0';
}

static enum text_id draw_describe(enum tui_action act)
{
    switch (act) {
    case ACT_NEXT:
        return TX_DRAW_ACT_PEN;
    case ACT_SEARCH:
        return TX_DRAW_ACT_ERASE;
    case ACT_CHECK:
        return TX_DRAW_ACT_CLEAR;
    case ACT_UP:
    case ACT_DOWN:
    case ACT_INC:
    case ACT_DEC:
        return TX_DRAW_ACT_MOVE;
    case ACT_BACK:
        return TX_FW_ACT_BACK;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint draw_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_DRAW_SHORT_MOVE},
    {' ', 0, TX_DRAW_SHORT_PEN},
    {'x', 0, TX_DRAW_SHORT_ERASE},
    {'c', 0, TX_DRAW_SHORT_CLEAR},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action draw_help[] = {
    ACT_UP,   ACT_DOWN, ACT_INC,   ACT_DEC,  ACT_NEXT,   ACT_SEARCH, ACT_CHECK,
    ACT_HELP, ACT_BACK, ACT_CLOSE, ACT_LANG, ACT_REDRAW, ACT_COUNT,
};

static const char *const draw_widgets[] = {"mnist-draw", NULL};

const struct view_ops draw_view = {
    .name = "draw",
    .draw = draw_draw,
    .action = draw_action,
    .click = draw_drag,
    .hints = draw_hints,
    .status = draw_status,
    .help_actions = draw_help,
    .widgets = draw_widgets,
    .open = draw_open,
    .close = draw_close,
    .describe = draw_describe,
    .tick = draw_tick,
    .timeout = draw_timeout,
    .drag = draw_drag,
};
