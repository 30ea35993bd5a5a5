/*
 * The activation explorer: one function at a time with its formula, its
 * plot (saturation shaded) and a cursor that reads f(x) and f'(x); the
 * learner picks the function, moves the cursor, toggles the derivative
 * and changes leaky ReLU's slope. On softmax the page shows the logits as
 * probability bars instead, and the arrows pick a logit and change it.
 *
 * The state is the topic model's explorer (lesson/activations.h) and the
 * page is drawn by act_draw_explorer: every number comes from the core.
 * It opens (w) from a lesson step whose figure is a @plot, @act-values or
 * @softmax, set up like that figure; q goes back to the step.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <stdlib.h>

#include "lesson/activations_draw.h"
#include "lesson/activations_widgets.h"
#include "tui/app.h"

/* Cursor and logit steps. */
#define CURSOR_STEP 0.1
#define LOGIT_STEP 0.1

static struct act_explorer *state(const struct app *a)
{
    return a->screen;
}

static int act_open(struct app *a, const struct lesson_widget *w)
{
    struct act_explorer *e = calloc(1, sizeof *e);
    if (!e)
        return -1;
    char msg[256];
    if (act_widget_explorer(w, e, msg, sizeof msg) != 0)
        act_explorer_init(e); /* a checked lesson never gets here */
    a->screen = e;
    return 0;
}

static void act_close(struct app *a)
{
    free(a->screen);
    a->screen = NULL;
}

static void act_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    int x = app_margin(a);
    if (act_draw_explorer(g, x, top, g->w - 2 * x, rows, state(a), a->glyphs,
                          text_lang_code(a->lang)) != 0)
        rgrid_print(g, x, top, "out of memory", RS_BAD);
}

static void act_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct act_explorer *e = state(a);
    int softmax = e->act.kind == NN_ACT_SOFTMAX;
    switch (act) {
    case ACT_INC: /* → l: the cursor right, or the logit up */
        if (softmax)
            act_explorer_logit_add(e, LOGIT_STEP);
        else
            act_explorer_move(e, CURSOR_STEP);
        break;
    case ACT_DEC:
        if (softmax)
            act_explorer_logit_add(e, -LOGIT_STEP);
        else
            act_explorer_move(e, -CURSOR_STEP);
        break;
    case ACT_FIRST:
        act_explorer_move(e, e->from - e->to);
        break;
    case ACT_LAST:
        act_explorer_move(e, e->to - e->from);
        break;
    case ACT_UP: /* ↑ ↓: the function, or on softmax the logit */
        if (softmax)
            act_explorer_select(e, -1);
        else
            act_explorer_next_fn(e, -1);
        break;
    case ACT_DOWN:
        if (softmax)
            act_explorer_select(e, 1);
        else
            act_explorer_next_fn(e, 1);
        break;
    case ACT_NEXT: /* Space, Enter: the next function, also from softmax */
        act_explorer_next_fn(e, 1);
        break;
    case ACT_DERIV:
        e->deriv = !e->deriv;
        break;
    case ACT_SLOPE_DOWN:
        act_explorer_slope(e, -1);
        break;
    case ACT_SLOPE_UP:
        act_explorer_slope(e, 1);
        break;
    case ACT_BACK:
        app_close_screen(a);
        break;
    default:
        break;
    }
}

static void act_status(const struct app *a, char *buf, int len)
{
    snprintf(buf, (size_t)len, "%s", nn_act_name(state(a)->act.kind));
}

static enum text_id act_describe(enum tui_action act)
{
    switch (act) {
    case ACT_NEXT:
        return TX_EXP_ACT_NEXT;
    case ACT_INC:
        return TX_EXP_ACT_INC;
    case ACT_DEC:
        return TX_EXP_ACT_DEC;
    case ACT_UP:
        return TX_EXP_ACT_UP;
    case ACT_DOWN:
        return TX_EXP_ACT_DOWN;
    case ACT_FIRST:
        return TX_EXP_ACT_FIRST;
    case ACT_LAST:
        return TX_EXP_ACT_LAST;
    case ACT_BACK:
        return TX_EXP_ACT_BACK;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint act_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_CURSOR},
    {KEY_UP, KEY_DOWN, TX_EXP_SHORT_FUNCTION},
    {'d', 0, TX_EXP_SHORT_DERIV},
    {'[', ']', TX_EXP_SHORT_SLOPE},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

/* What the help lists here: the keys of this screen and the shell's. */
static const enum tui_action act_help[] = {
    ACT_INC,  ACT_DEC,  ACT_UP,    ACT_DOWN,       ACT_FIRST,
    ACT_LAST, ACT_NEXT, ACT_DERIV, ACT_SLOPE_DOWN, ACT_SLOPE_UP,
    ACT_HELP, ACT_BACK, ACT_LANG,  ACT_REDRAW,     ACT_COUNT,
};

static const char *const act_widgets[] = {"plot", "act-values", "softmax",
                                          NULL};

const struct view_ops activations_view = {
    .name = "activations",
    .draw = act_draw,
    .action = act_action,
    .click = NULL,
    .hints = act_hints,
    .status = act_status,
    .help_actions = act_help,
    .widgets = act_widgets,
    .open = act_open,
    .close = act_close,
    .describe = act_describe,
};
