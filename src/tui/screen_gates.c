/*
 * The gates screen: a perceptron the learner drives by hand, opened with
 * the key w (ACT_WALK) from a lesson step whose figure is a gates widget.
 *
 * The learner picks w1, w2 or b, moves it by 0.1 or types a value, and the
 * truth table, the verdict and the decision line over the four points are
 * drawn again at once. A target gate (AND, NAND, OR, XOR or none) marks
 * the wrong rows; the step rule switches between s > 0 and s >= 0. Space
 * applies the perceptron learning rule once from the weights on screen,
 * written out with its numbers; End runs it until it converges or cycles.
 * x tries to place a line for the target by searching a grid of weights:
 * it places the first that works, or, for XOR, shows that none does and
 * why. m trains the 2-2-1 sigmoid MLP on XOR checkpoint by checkpoint, the
 * loss going down and the learned region drawn over the square; there
 * Space lets it run by itself, a checkpoint every quarter second.
 *
 * Every value comes from the gates model (src/lesson/gates*.c) and is drawn
 * by gates_draw.c, like the lesson's figures; this file keeps the state
 * and maps actions onto it.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/gates.h"
#include "lesson/gates_draw.h"
#include "lesson/gates_mlp.h"
#include "lesson/gates_widgets.h"
#include "lesson/lesson.h"
#include "tui/app.h"

/* What the lower left of the screen says. */
enum gs_msg {
    MSG_NONE,  /* how to use the screen, or why XOR has no line */
    MSG_LEARN, /* the last update of the learning rule */
    MSG_FOUND, /* the search found a line and placed it */
    MSG_BAD,   /* a typed value was refused */
    MSG_NO_TARGET,
};

enum gs_page {
    PAGE_UNIT, /* table, verdict, square */
    PAGE_XOR,  /* the search found no line: why */
    PAGE_MLP,  /* the 2-2-1 MLP training on XOR */
};

#define MLP_MARKS 40
#define TYPED_MAX 12
/* Running, the MLP reaches its next mark every MLP_TICK seconds, and
 * stops at MLP_RUN_END steps (the lesson's 5000, and a little beyond). */
#define MLP_TICK 0.25
#define MLP_RUN_END 100000

struct gates_screen {
    struct gates_perceptron p;     /* the weights on screen and the rule */
    struct gates_perceptron start; /* as the widget set them (Home) */
    int target;                    /* enum gates_gate, or -1 for none */
    double eta;                    /* the learning rule's rate */
    int sel;                       /* 0: w1, 1: w2, 2: b */
    char typed[TYPED_MAX + 1];     /* a value being typed, or "" */
    enum gs_page page;
    enum gs_msg msg;
    char bad[TYPED_MAX + 1]; /* the refused value, for MSG_BAD */

    /* The learning rule, started from the weights on screen by the first
     * Space after they last changed. */
    int learning;
    struct gates_learn learn;
    struct gates_learn_event ev;

    struct gates_search search; /* the last search (x) */

    /* The MLP, built by the first m. */
    struct gates_mlp *mlp;
    int mlp_err; /* a negative enum nn_err from the core, or 0 */
    long seed;
    double lr;
    long mark_steps[MLP_MARKS];
    double mark_loss[MLP_MARKS];
    int n_marks;
    int running;      /* training by itself, a mark per MLP_TICK */
    double next_tick; /* when the next mark is due (app clock) */
};

static const char *const weight_names[3] = {"w1", "w2", "b"};

static struct gates_screen *state(const struct app *a)
{
    return a->screen;
}

static double *weight(struct gates_screen *s, int i)
{
    return i == 0 ? &s->p.w1 : i == 1 ? &s->p.w2 : &s->p.b;
}

/* The weights or the rule changed: a learning run starts again from
 * them, and old messages go. */
static void changed(struct gates_screen *s)
{
    s->learning = 0;
    s->msg = MSG_NONE;
    s->page = PAGE_UNIT;
}

static void mlp_advance(struct gates_screen *s);

static int gates_open(struct app *a, const struct lesson_widget *w)
{
    struct gates_widget_start st;
    char msg[256];
    if (gates_widget_start(w, &st, msg, sizeof msg) != 0)
        return -1;
    struct gates_screen *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->p = s->start = st.p;
    s->target = st.target;
    s->eta = st.eta;
    s->seed = st.seed;
    s->lr = st.lr;
    s->page = PAGE_UNIT;
    a->screen = s;
    if (st.mlp)
        mlp_advance(s); /* opens on the network at step 0 */
    return 0;
}

static void mlp_free(struct gates_screen *s)
{
    if (s->mlp) {
        gates_mlp_fini(s->mlp);
        free(s->mlp);
        s->mlp = NULL;
    }
}

static void gates_close(struct app *a)
{
    struct gates_screen *s = state(a);
    if (s)
        mlp_free(s);
    free(s);
    a->screen = NULL;
}

/* Record the MLP's loss at the step it has reached. */
static void mlp_mark(struct gates_screen *s)
{
    double loss, y[4];
    int rc = gates_mlp_eval(s->mlp, &loss, y);
    if (rc != 0) {
        s->mlp_err = rc;
        return;
    }
    if (s->n_marks == MLP_MARKS) {
        memmove(s->mark_steps, s->mark_steps + 1,
                (MLP_MARKS - 1) * sizeof s->mark_steps[0]);
        memmove(s->mark_loss, s->mark_loss + 1,
                (MLP_MARKS - 1) * sizeof s->mark_loss[0]);
        s->n_marks--;
    }
    s->mark_steps[s->n_marks] = s->mlp->steps;
    s->mark_loss[s->n_marks++] = loss;
}

/* m: the first press builds the network and shows its start; each
 * further press trains to the next checkpoint (1, 2, 5, 10, ...). */
static void mlp_advance(struct gates_screen *s)
{
    s->page = PAGE_MLP;
    if (s->mlp_err)
        return;
    if (!s->mlp) {
        s->mlp = malloc(sizeof *s->mlp);
        if (!s->mlp) {
            s->mlp_err = NN_ENOMEM;
            return;
        }
        int rc = gates_mlp_init(s->mlp, (uint64_t)s->seed, s->lr);
        if (rc != 0) {
            gates_mlp_fini(s->mlp);
            free(s->mlp);
            s->mlp = NULL;
            s->mlp_err = rc;
            return;
        }
        mlp_mark(s);
        return;
    }
    long next = gates_mlp_next_checkpoint(s->mlp->steps);
    int rc = gates_mlp_train(s->mlp, next - s->mlp->steps);
    if (rc != 0)
        s->mlp_err = rc;
    else
        mlp_mark(s);
}

/* One update of the learning rule towards the target (all = 1: until the
 * run stops). */
static void learn(struct gates_screen *s, int all)
{
    if (s->target < 0) {
        s->msg = MSG_NO_TARGET;
        return;
    }
    if (!s->learning) {
        gates_learn_init(&s->learn, gates_gate_pattern(s->target), &s->p,
                         s->eta, GATES_LEARN_MAX_EPOCHS);
        s->learning = 1;
    }
    do {
        if (s->learn.status != GATES_LEARN_RUNNING)
            break;
        gates_learn_step(&s->learn, &s->ev);
    } while (all);
    s->p = s->learn.p;
    s->msg = MSG_LEARN;
    s->page = PAGE_UNIT;
}

/* x: search w1, w2, b in -1.0 .. 1.0 for a line computing the target. */
static void search(struct gates_screen *s)
{
    if (s->target < 0) {
        s->msg = MSG_NO_TARGET;
        return;
    }
    gates_search_run(&s->search, 10, s->p.ge);
    unsigned want = gates_gate_pattern(s->target);
    if (s->search.count[want] > 0) {
        s->p = s->search.first[want];
        changed(s);
        s->msg = MSG_FOUND;
    } else {
        s->learning = 0;
        s->page = PAGE_XOR;
    }
}

/* A character typed into the selected weight's value. */
static void type_char(struct gates_screen *s, int ch)
{
    size_t n = strlen(s->typed);
    if (n >= TYPED_MAX || (ch == '-' && n > 0) ||
        (ch == '.' && strchr(s->typed, '.')))
        return;
    s->typed[n] = (char)ch;
    s->typed[n + 1] = '\0';
    s->page = PAGE_UNIT;
}

/* Enter: the typed text becomes the weight, if it is a number in range. */
static void type_commit(struct gates_screen *s)
{
    char *end;
    double v = strtod(s->typed, &end);
    if (end == s->typed || *end != '\0' || !isfinite(v) || v < -100 ||
        v > 100) {
        snprintf(s->bad, sizeof s->bad, "%s", s->typed);
        s->typed[0] = '\0';
        s->msg = MSG_BAD;
        return;
    }
    /* Rounded like a nudge, so 0.3 typed is the 0.3 that keys reach. */
    *weight(s, s->sel) = gates_nudge(v, 0);
    s->typed[0] = '\0';
    changed(s);
}

static void gates_action(struct app *a, enum tui_action act, int arg)
{
    struct gates_screen *s = state(a);
    /* Any key but Space stops the MLP running on its own. */
    if (act != ACT_NEXT && act != ACT_HELP)
        s->running = 0;
    static const int targets[] = {GATES_AND, GATES_NAND, GATES_OR, GATES_XOR,
                                  -1};
    const int n_targets = (int)(sizeof targets / sizeof targets[0]);
    int typing = s->typed[0] != '\0';
    /* While a value is typed, only typing keys count; others drop it. */
    if (typing && act != ACT_TYPE && act != ACT_PREV && act != ACT_NEXT) {
        s->typed[0] = '\0';
        if (act == ACT_CLOSE)
            return;
    }
    switch (act) {
    case ACT_TYPE:
        type_char(s, arg);
        break;
    case ACT_PREV:
        if (typing)
            s->typed[strlen(s->typed) - 1] = '\0';
        break;
    case ACT_NEXT:
        if (typing) {
            type_commit(s);
        } else if (s->page == PAGE_MLP) {
            /* Run or pause; the first mark comes at once. */
            s->running = !s->running && s->mlp && s->mlp->steps < MLP_RUN_END;
            s->next_tick = a->now;
        } else {
            learn(s, 0);
        }
        break;
    case ACT_LAST:
        learn(s, 1);
        break;
    case ACT_UP:
        s->sel = (s->sel + 2) % 3;
        break;
    case ACT_DOWN:
        s->sel = (s->sel + 1) % 3;
        break;
    case ACT_INC:
    case ACT_DEC:
        *weight(s, s->sel) =
            gates_nudge(*weight(s, s->sel), act == ACT_INC ? 1 : -1);
        changed(s);
        break;
    case ACT_FIRST:
        s->p = s->start;
        changed(s);
        break;
    case ACT_TARGET: {
        int i = 0;
        while (i < n_targets && targets[i] != s->target)
            i++;
        s->target = i < n_targets ? targets[(i + 1) % n_targets] : targets[0];
        changed(s);
        break;
    }
    case ACT_RULE:
        s->p.ge = !s->p.ge;
        changed(s);
        break;
    case ACT_SEARCH:
        search(s);
        break;
    case ACT_TRAIN:
        /* Back on the MLP page where it was, or one mark further. */
        if (s->page != PAGE_MLP && s->mlp)
            s->page = PAGE_MLP;
        else
            mlp_advance(s);
        break;
    case ACT_CLOSE:
        s->page = PAGE_UNIT;
        break;
    case ACT_BACK:
        if (s->page != PAGE_UNIT)
            s->page = PAGE_UNIT;
        else
            app_close_screen(a);
        break;
    default:
        break;
    }
}

/* v with the decimals d; no "-0.0". */
static void fmt_weight(char *buf, size_t n, double v, int d)
{
    if (fabs(v) < 0.5 * pow(10, -d))
        v = 0;
    snprintf(buf, n, "%.*f", d, v);
}

/* The top line: the three weights (the selected one marked, with what is
 * being typed), the step rule and the target. */
static void draw_editor(struct app *a, struct gates_screen *s, struct rgrid *g,
                        int x, int y)
{
    int d = gates_decimals((const double[]){s->p.w1, s->p.w2, s->p.b}, 3);
    d = d < 1 ? 1 : d;
    char buf[96], val[48];
    for (int i = 0; i < 3; i++) {
        int sel = i == s->sel;
        if (sel && s->typed[0])
            snprintf(val, sizeof val, "%s_", s->typed);
        else
            fmt_weight(val, sizeof val, *weight(s, i), d);
        snprintf(buf, sizeof buf, "%s%s = %s%s", sel ? "[" : " ",
                 weight_names[i], val, sel ? "]" : " ");
        x += rgrid_print(g, x, y, buf, sel ? RS_HIGHLIGHT : RS_NORMAL) + 2;
    }
    const char *args[] = {s->p.ge ? ">=" : ">"};
    text_fill(buf, sizeof buf, text_get(a->lang, TX_GATES_RULE), args, 1);
    x += rgrid_print(g, x, y, buf, RS_ACCENT) + 3;
    args[0] = s->target >= 0 ? gates_gate_name(s->target)
                             : text_get(a->lang, TX_GATES_NONE);
    text_fill(buf, sizeof buf, text_get(a->lang, TX_GATES_TARGET), args, 1);
    rgrid_print(g, x, y, buf, RS_BOLD);
}

/* The lower left, under the table: what just happened, or what to do. */
static void draw_message(struct app *a, struct gates_screen *s, struct rgrid *g,
                         int x, int y, int rows)
{
    const char *lang = text_lang_code(a->lang);
    char buf[256];
    const int w = 37;
    if (s->typed[0]) {
        const char *args[] = {weight_names[s->sel], s->typed};
        text_fill(buf, sizeof buf, text_get(a->lang, TX_GATES_TYPING), args, 2);
        rgrid_wrap(g, x, y, w, rows, buf, RS_ACCENT);
        return;
    }
    switch (s->msg) {
    case MSG_LEARN:
        gates_draw_learn_event(g, x, y, &s->learn, &s->ev, lang);
        return;
    case MSG_FOUND:
        gates_draw_search_try(g, x, y, &s->search, s->target, lang);
        return;
    case MSG_BAD: {
        const char *args[] = {s->bad};
        text_fill(buf, sizeof buf, text_get(a->lang, TX_GATES_BAD), args, 1);
        rgrid_wrap(g, x, y, w, rows, buf, RS_BAD);
        return;
    }
    case MSG_NO_TARGET:
        rgrid_wrap(g, x, y, w, rows, text_get(a->lang, TX_GATES_NEED_TARGET),
                   RS_BAD);
        return;
    case MSG_NONE:
        break;
    }
    if (s->target == GATES_XOR)
        rgrid_wrap(g, x, y, w, rows, text_get(a->lang, TX_GATES_NO_LINE),
                   RS_ACCENT);
    else
        rgrid_wrap(g, x, y, w, rows, text_get(a->lang, TX_GATES_IDLE), RS_DIM);
}

static void gates_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct gates_screen *s = state(a);
    const char *lang = text_lang_code(a->lang);
    /* The drawings are GATES_DRAW_WIDTH wide: keep them whole, also with
     * the wider margins of demo mode. */
    int x = app_margin(a);
    if (x + GATES_DRAW_WIDTH > g->w)
        x = g->w > GATES_DRAW_WIDTH ? (g->w - GATES_DRAW_WIDTH) / 2 : 0;
    int y = top + 2;
    if (s->page == PAGE_MLP) {
        rgrid_print(g, x, top, text_get(a->lang, TX_GATES_MLP_KEYS), RS_DIM);
        if (s->mlp_err || !s->mlp) {
            rgrid_print(g, x, y, nn_strerror(s->mlp_err), RS_BAD);
            return;
        }
        int rc = gates_draw_mlp_side(g, x, y, s->mlp, s->mark_steps,
                                     s->mark_loss, s->n_marks, lang);
        if (rc < 0)
            rgrid_print(g, x, y, nn_strerror(rc), RS_BAD);
        return;
    }
    draw_editor(a, s, g, x, top);
    if (s->page == PAGE_XOR) {
        y += gates_draw_search_try(g, x, y, &s->search, s->target, lang) + 1;
        gates_draw_xor_why(g, x, y, s->p.ge, lang);
        return;
    }
    gates_draw_side(g, x, y, &s->p, s->target, lang);
    /* The table and verdict take at most 10 rows; the square is on the
     * right from column 38. */
    int msg_y = y + 11;
    if (msg_y < top + rows)
        draw_message(a, s, g, x, msg_y, top + rows - msg_y);
}

static void gates_status(const struct app *a, char *buf, int len)
{
    const struct gates_screen *s = state(a);
    snprintf(buf, (size_t)len, "%s",
             s->running ? text_get(a->lang, TX_GATES_RUNNING) : "");
}

static int gates_tick(struct app *a, double now)
{
    struct gates_screen *s = state(a);
    if (!s->running || now < s->next_tick)
        return 0;
    mlp_advance(s);
    s->next_tick = now + MLP_TICK;
    if (s->mlp_err || !s->mlp || s->mlp->steps >= MLP_RUN_END)
        s->running = 0;
    return 1;
}

static double gates_timeout(const struct app *a)
{
    const struct gates_screen *s = state(a);
    if (!s->running)
        return -1;
    return s->next_tick > a->now ? s->next_tick - a->now : 0;
}

static enum text_id gates_describe(enum tui_action act)
{
    switch (act) {
    case ACT_NEXT:
        return TX_GATES_ACT_NEXT;
    case ACT_PREV:
        return TX_GATES_ACT_PREV;
    case ACT_UP:
        return TX_GATES_ACT_UP;
    case ACT_DOWN:
        return TX_GATES_ACT_DOWN;
    case ACT_FIRST:
        return TX_GATES_ACT_FIRST;
    case ACT_LAST:
        return TX_GATES_ACT_LAST;
    case ACT_BACK:
        return TX_GATES_ACT_BACK;
    case ACT_CLOSE:
        return TX_GATES_ACT_CLOSE;
    case ACT_INC:
        return TX_GATES_ACT_INC;
    case ACT_DEC:
        return TX_GATES_ACT_DEC;
    case ACT_TYPE:
        return TX_GATES_ACT_TYPE;
    case ACT_TARGET:
        return TX_GATES_ACT_TARGET;
    case ACT_RULE:
        return TX_GATES_ACT_RULE;
    case ACT_SEARCH:
        return TX_GATES_ACT_SEARCH;
    case ACT_TRAIN:
        return TX_GATES_ACT_TRAIN;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint gates_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_GATES_SHORT_NUDGE},
    {'t', 0, TX_GATES_SHORT_TARGET},
    {' ', 0, TX_GATES_SHORT_LEARN},
    {'x', 0, TX_GATES_SHORT_LINE},
    {'m', 0, TX_GATES_SHORT_MLP},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

/* What the help lists here: the keys of this screen and the shell's. */
static const enum tui_action gates_help[] = {
    ACT_NEXT,   ACT_PREV,   ACT_UP,    ACT_DOWN,  ACT_FIRST,
    ACT_LAST,   ACT_HELP,   ACT_BACK,  ACT_CLOSE, ACT_LANG,
    ACT_REDRAW, ACT_INC,    ACT_DEC,   ACT_TYPE,  ACT_TARGET,
    ACT_RULE,   ACT_SEARCH, ACT_TRAIN, ACT_COUNT,
};

static const char *const gates_widgets[] = {
    "gate", "xor-search", "xor-net", "perceptron-learn", "xor-mlp", NULL,
};

const struct view_ops gates_view = {
    .name = "gates",
    .draw = gates_draw,
    .action = gates_action,
    .click = NULL,
    .hints = gates_hints,
    .status = gates_status,
    .help_actions = gates_help,
    .widgets = gates_widgets,
    .open = gates_open,
    .close = gates_close,
    .describe = gates_describe,
    .tick = gates_tick,
    .timeout = gates_timeout,
};
