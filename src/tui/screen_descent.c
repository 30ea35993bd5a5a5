/*
 * Interactive gradient descent on the contour map of a surface. Two
 * views (Tab switches):
 *
 *  - rates: one optimizer from the start point at a learning rate the
 *    learner picks, too small, good, too large (+ and - step through
 *    them) or typed (e), one step per key (Space) or to the end (r);
 *  - race: the five optimizers of the core from the same start on the
 *    same surface, all stepped together, one step at a time.
 *
 * Below the map, each run's point and f there after the steps taken.
 * Every point comes from lesson/descent.h (the core's numerical gradient
 * and optimizers); this screen only chooses what to draw. It is opened
 * from a lesson step with a descent widget (w), on that widget's surface,
 * start, optimizer and number of steps.
 */
#include <curses.h> /* KEY_* codes for the hints and the input line */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lesson/descent_draw.h"
#include "lesson/descent_widgets.h"
#include "tui/app.h"

#define RATE_LIMIT 1000.0
#define INPUT_MAX 23

enum preset { PRESET_SMALL, PRESET_GOOD, PRESET_LARGE, PRESET_TYPED };

struct ds_screen {
    struct descent_config rates; /* the rates view: one run at rate() */
    struct descent_config race;  /* the race view: five runs */
    int racing;                  /* the race view is shown */
    enum preset preset;
    double typed;               /* the typed rate */
    struct descent_paths paths; /* the runs shown, stepped so far */
    int input;                  /* the input line is open */
    char buf[INPUT_MAX + 1];
    int len;
    char msg[256];
    int msg_style;
    const struct view_ops *back; /* the screen q returns to */
};

static void say(struct app *a, int style, enum text_id id,
                const char *const *args, int n)
{
    struct ds_screen *s = a->ds;
    text_fill(s->msg, (int)sizeof s->msg, text_get(a->lang, id), args, n);
    s->msg_style = style;
}

/* The three preset rates: the lesson's small, good and too large ones
 * for plain gradient descent; for another optimizer a hundredth of, and
 * ten times, its race rate around the rate itself. */
static double preset_rate(const struct ds_screen *s, enum preset p)
{
    if (p == PRESET_TYPED)
        return s->typed;
    if (s->rates.opt == NN_OPT_SGD) {
        static const double lr[] = {DESCENT_LR_SMALL, DESCENT_LR_GOOD,
                                    DESCENT_LR_LARGE};
        return lr[p];
    }
    double good = descent_race_config(s->rates.opt).lr;
    return p == PRESET_SMALL   ? good / 100
           : p == PRESET_LARGE ? good * 10
                               : good;
}

static long steps_taken(const struct ds_screen *s)
{
    return s->paths.n_runs > 0 ? s->paths.runs[0].steps : 0;
}

static long steps_max(const struct ds_screen *s)
{
    return s->racing ? s->race.steps : s->rates.steps;
}

/* Start the runs of the view shown again and take k steps. On failure
 * the message says why and no run is shown. Returns 0 or -1. */
static int restart(struct app *a, long k)
{
    struct ds_screen *s = a->ds;
    struct descent_config c = s->racing ? s->race : s->rates;
    if (!s->racing) {
        c.lr[0] = preset_rate(s, s->preset);
        c.n_lr = 1;
    }
    descent_paths_fini(&s->paths);
    int err = descent_paths_start(&s->paths, &c);
    for (long i = 0; !err && i < k; i++)
        err = descent_paths_step(&s->paths) < 0;
    if (err) {
        descent_paths_fini(&s->paths);
        const char *args[] = {nn_strerror(err < 0 ? err : NN_EINVAL)};
        say(a, RS_BAD, TX_DS_FAILED, args, 1);
        return -1;
    }
    return 0;
}

int descent_view_open(struct app *a, const struct lesson_widget *w)
{
    if (!a->ds) {
        a->ds = calloc(1, sizeof *a->ds);
        if (!a->ds)
            return -1;
    }
    struct ds_screen *s = a->ds;
    descent_paths_fini(&s->paths);
    memset(s, 0, sizeof *s);
    struct descent_config c;
    char msg[256];
    if (!w || descent_widget_config(w, &c, msg, sizeof msg) != 0) {
        c = (struct descent_config){.mode = DESCENT_RATES, .opt = NN_OPT_SGD};
        descent_config_defaults(&c, 0, 0, 0);
    }
    /* The other view on its lesson defaults. */
    struct descent_config other = {
        .mode = c.mode == DESCENT_RACE ? DESCENT_RATES : DESCENT_RACE,
        .opt = NN_OPT_SGD};
    descent_config_defaults(&other, 0, 0, 0);
    s->racing = c.mode == DESCENT_RACE;
    s->rates = s->racing ? other : c;
    s->race = s->racing ? c : other;
    s->preset = PRESET_GOOD;
    s->typed = preset_rate(s, PRESET_GOOD);
    if (restart(a, 0) != 0)
        return -1;
    s->back = a->view;
    a->view = &descent_view;
    return 0;
}

void descent_view_fini(struct app *a)
{
    if (!a->ds)
        return;
    descent_paths_fini(&a->ds->paths);
    free(a->ds);
    a->ds = NULL;
}

/* One step of every run; at the end, say so. */
static void step(struct app *a)
{
    struct ds_screen *s = a->ds;
    int rc = descent_paths_step(&s->paths);
    if (rc < 0) {
        const char *args[] = {nn_strerror(rc)};
        say(a, RS_BAD, TX_DS_FAILED, args, 1);
    } else if (rc == 0) {
        char n[24];
        snprintf(n, sizeof n, "%ld", steps_max(s));
        const char *args[] = {n};
        say(a, RS_DIM, TX_DS_DONE, args, 1);
    } else {
        s->msg[0] = '\0';
    }
}

void descent_view_step(struct app *a)
{
    struct ds_screen *s = a->ds;
    if (s && s->paths.n_runs > 0 && steps_taken(s) < steps_max(s))
        step(a);
    else
        a->view = s && s->back ? s->back : &menu_view;
}

/* A new rate: the same number of steps again, so paths compare. */
static void choose(struct app *a, enum preset p)
{
    struct ds_screen *s = a->ds;
    long k = steps_taken(s);
    s->preset = p;
    if (restart(a, k) == 0)
        s->msg[0] = '\0';
}

static void finish_edit(struct app *a)
{
    struct ds_screen *s = a->ds;
    char *end;
    double v = strtod(s->buf, &end);
    if (end == s->buf || *end != '\0' || !(v > 0) || v > RATE_LIMIT) {
        char lim[24];
        snprintf(lim, sizeof lim, "%g", RATE_LIMIT);
        const char *args[] = {s->buf, lim};
        say(a, RS_BAD, TX_DS_BAD, args, 2);
        return;
    }
    s->typed = v;
    choose(a, PRESET_TYPED);
}

/* ---- Drawing ---- */

static void settings_text(const struct app *a, char *buf, int len)
{
    const struct ds_screen *s = a->ds;
    const char *f =
        descent_surface_formula(s->racing ? s->race.surface : s->rates.surface);
    if (s->racing) {
        const char *args[] = {f};
        text_fill(buf, len, text_get(a->lang, TX_DS_RACE), args, 1);
        return;
    }
    static const enum text_id kind[] = {TX_DS_SMALL, TX_DS_GOOD, TX_DS_LARGE,
                                        TX_DS_TYPED};
    char lr[32];
    snprintf(lr, sizeof lr, "%.10g", preset_rate(s, s->preset));
    const char *args[] = {f, nn_optim_name(s->rates.opt), lr,
                          text_get(a->lang, kind[s->preset])};
    text_fill(buf, len, text_get(a->lang, TX_DS_RATES), args, 4);
}

static void ds_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    struct ds_screen *s = a->ds;
    int x = app_margin(a), w = g->w - 2 * x;
    if (!s)
        return;
    char head[256];
    settings_text(a, head, (int)sizeof head);
    rgrid_print_n(g, x, top, w, head, RS_DIM);
    int bottom = top + rows - 1; /* message or input row */
    const char *lang = text_lang_code(a->lang);
    if (s->paths.n_runs > 0) {
        /* The map takes what the summary (a header and a row per run)
         * and the message row leave. */
        int pic = rows - 1 - (1 + s->paths.n_runs) - 2;
        int pw = w < DESCENT_DRAW_WIDTH ? w : DESCENT_DRAW_WIDTH;
        int ascii = a->ascii || a->wide_ambiguous;
        const struct rglyphs *gs =
            rglyphs_get(ascii ? RGLYPH_ASCII : RGLYPH_UNICODE);
        if (pic >= 6)
            descent_draw_picture(g, x, top + 1, pw, pic, &s->paths, gs, lang);
        descent_draw_summary(g, x, top + 1 + (pic > 0 ? pic : 0) + 1, &s->paths,
                             lang);
    }
    if (s->input) {
        const char *prompt = text_get(a->lang, TX_DS_EDIT);
        int c = rgrid_print_n(g, x, bottom, w, prompt, RS_BOLD);
        c += rgrid_print_n(g, x + c, bottom, w - c, s->buf, RS_ACCENT);
        rgrid_put(g, x + c, bottom, '_', RS_ACCENT);
    } else {
        rgrid_print_n(g, x, bottom, w, s->msg, s->msg_style);
    }
}

/* ---- Keys and actions ---- */

/* The open input line takes a number; Enter submits, Esc cancels. */
static int ds_key(struct app *a, int ch)
{
    struct ds_screen *s = a->ds;
    if (!s || !s->input)
        return 0;
    if (ch == 27) {
        s->input = 0;
    } else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        s->input = 0;
        finish_edit(a);
    } else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
        if (s->len > 0)
            s->buf[--s->len] = '\0';
    } else if (((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' ||
                ch == 'E' || ch == '-' || ch == '+') &&
               s->len < INPUT_MAX) {
        s->buf[s->len++] = (char)ch;
        s->buf[s->len] = '\0';
    }
    return 1;
}

static void ds_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    struct ds_screen *s = a->ds;
    if (!s)
        return;
    long k = steps_taken(s);
    switch (act) {
    case ACT_NEXT:
        if (s->paths.n_runs > 0)
            step(a);
        break;
    case ACT_PREV:
        /* Paths are deterministic: one step back is k - 1 from the start. */
        if (k > 0 && restart(a, k - 1) == 0)
            s->msg[0] = '\0';
        break;
    case ACT_FIRST:
        if (restart(a, 0) == 0)
            s->msg[0] = '\0';
        break;
    case ACT_RUN:
    case ACT_LAST:
        if (restart(a, steps_max(s)) == 0)
            s->msg[0] = '\0';
        break;
    case ACT_MORE:
        if (!s->racing)
            choose(a, s->preset >= PRESET_LARGE ? PRESET_LARGE
                      : s->preset == PRESET_TYPED
                          ? PRESET_GOOD
                          : (enum preset)(s->preset + 1));
        break;
    case ACT_LESS:
        if (!s->racing)
            choose(a, s->preset == PRESET_SMALL || s->preset == PRESET_TYPED
                          ? PRESET_SMALL
                          : (enum preset)(s->preset - 1));
        break;
    case ACT_EDIT:
        if (s->racing)
            break;
        snprintf(s->buf, sizeof s->buf, "%.10g", preset_rate(s, s->preset));
        s->len = (int)strlen(s->buf);
        s->input = 1;
        break;
    case ACT_PANEL:
        s->racing = !s->racing;
        if (restart(a, 0) == 0)
            s->msg[0] = '\0';
        break;
    case ACT_BACK:
        a->view = s->back ? s->back : &menu_view;
        break;
    default:
        break;
    }
}

static void ds_status(const struct app *a, char *buf, int len)
{
    const struct ds_screen *s = a->ds;
    if (!s) {
        buf[0] = '\0';
        return;
    }
    char k[24], n[24];
    snprintf(k, sizeof k, "%ld", steps_taken(s));
    snprintf(n, sizeof n, "%ld", steps_max(s));
    const char *args[] = {k, n};
    text_fill(buf, len, text_get(a->lang, TX_DS_STEP), args, 2);
}

static const struct view_hint ds_hints[] = {
    {' ', 0, TX_SHORT_ONE_STEP},
    {'r', 0, TX_SHORT_RUN},
    {'+', '-', TX_SHORT_RATE},
    {'e', 0, TX_SHORT_EDIT},
    {'\t', 0, TX_SHORT_RACE},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action ds_help[] = {
    ACT_NEXT, ACT_PREV,  ACT_FIRST, ACT_LAST, ACT_RUN,   ACT_MORE, ACT_LESS,
    ACT_EDIT, ACT_PANEL, ACT_HELP,  ACT_BACK, ACT_BLANK, ACT_LANG, ACT_COUNT,
};

const struct view_ops descent_view = {
    .name = "descent",
    .draw = ds_draw,
    .action = ds_action,
    .click = NULL,
    .hints = ds_hints,
    .status = ds_status,
    .key = ds_key,
    .help_actions = ds_help,
};
