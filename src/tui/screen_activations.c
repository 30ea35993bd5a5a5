/*
 * The activation explorer: one function at a time with its formula, its
 * plot (saturation shaded) and a cursor that reads f(x) and f'(x); the
 * learner picks the function, moves the cursor, toggles the derivative
 * and changes leaky ReLU's slope. On softmax the page shows the logits as
 * probability bars instead, and the arrows pick a logit and change it.
 *
 * The state is the topic model's explorer (lesson/activations.h) and the
 * page is drawn by act_draw_explorer: every number comes from the core.
 * It opens with i from a lesson step whose figure is a @plot, @act-values
 * or @softmax, set up like that figure; q goes back to the step.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdlib.h>

#include "lesson/activations_draw.h"
#include "lesson/activations_widgets.h"
#include "tui/app.h"

/* Cursor and logit steps. */
#define CURSOR_STEP 0.1
#define LOGIT_STEP 0.1

struct act_screen {
    struct act_explorer e;
    const struct view_ops *back; /* the screen q returns to */
};

int activations_view_open(struct app *a, const struct lesson_widget *w)
{
    if (!a->act) {
        a->act = calloc(1, sizeof *a->act);
        if (!a->act)
            return -1;
    }
    char msg[256];
    if (!w || act_widget_explorer(w, &a->act->e, msg, sizeof msg) != 0)
        act_explorer_init(&a->act->e); /* sigmoid, the lesson's favourite */
    a->act->back = a->view;
    a->view = &activations_view;
    return 0;
}

void activations_view_fini(struct app *a)
{
    free(a->act);
    a->act = NULL;
}

static void act_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    if (!a->act)
        return;
    int x = app_margin(a);
    if (act_draw_explorer(g, x, top, g->w - 2 * x, rows, &a->act->e, a->glyphs,
                          text_lang_code(a->lang)) != 0)
        rgrid_print(g, x, top, "out of memory", RS_BAD);
}

static void act_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct act_screen *s = a->act;
    if (!s)
        return;
    struct act_explorer *e = &s->e;
    int softmax = e->act.kind == NN_ACT_SOFTMAX;
    switch (act) {
    case ACT_NEXT: /* → l Space Enter: cursor right, or the logit up */
        if (softmax)
            act_explorer_logit_add(e, LOGIT_STEP);
        else
            act_explorer_move(e, CURSOR_STEP);
        break;
    case ACT_PREV:
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
    case ACT_PANEL: /* Tab: the next function, also away from softmax */
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
        a->view = s->back ? s->back : &menu_view;
        break;
    default:
        break;
    }
}

static void act_status(const struct app *a, char *buf, int len)
{
    buf[0] = '\0';
    if (a->act)
        snprintf(buf, (size_t)len, "%s", nn_act_name(a->act->e.act.kind));
}

static const struct view_hint act_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_CURSOR},
    {KEY_UP, KEY_DOWN, TX_SHORT_FUNCTION},
    {'d', 0, TX_SHORT_DERIV},
    {'[', ']', TX_SHORT_SLOPE},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action act_help[] = {
    ACT_NEXT, ACT_PREV,  ACT_UP,    ACT_DOWN,       ACT_FIRST,
    ACT_LAST, ACT_PANEL, ACT_DERIV, ACT_SLOPE_DOWN, ACT_SLOPE_UP,
    ACT_HELP, ACT_BACK,  ACT_BLANK, ACT_LANG,       ACT_COUNT,
};

const struct view_ops activations_view = {
    .name = "activations",
    .draw = act_draw,
    .action = act_action,
    .click = NULL,
    .hints = act_hints,
    .status = act_status,
    .key = NULL,
    .help_actions = act_help,
};
