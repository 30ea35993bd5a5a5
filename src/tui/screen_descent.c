/*
 * Interactive gradient descent on the contour map of a surface. Two
 * views (Tab switches):
 *
 *  - rates: one optimizer from the start point at a learning rate the
 *    learner picks, too small, good, too large (Left and Right step
 *    through them) or typed, one step per key (Space) or to the end (r);
 *  - race: the five optimizers of the core from the same start on the
 *    same surface, all stepped together, one step at a time.
 *
 * Below the map, each run's point and f there after the steps taken.
 * Every point comes from lesson/descent.h (the core's numerical gradient
 * and optimizers); this screen only chooses what to draw. It is opened
 * from a lesson step with a descent widget (w), on that widget's surface,
 * start, optimizer and number of steps; its state lives in a->screen.
 */
#include <curses.h> /* KEY_* codes for the hints */
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
    double typed_lr;            /* the rate typed last */
    struct descent_paths paths; /* the runs shown, stepped so far */
    char typed[INPUT_MAX + 1];  /* a rate being typed, or "" */
    struct text_note note; /* the message line */
};

static struct ds_screen *state(const struct app *a)
{
    return a->screen;
}

static void say(struct app *a, int style, enum text_id id,
                const char *const *args, int n)
{
    text_note_say(&state(a)->note, a->lang, style, id, args, n);
}

/* The three preset rates: the lesson's small, good and too large ones
 * for plain gradient descent; for another optimizer a hundredth of, and
 * ten times, its race rate around the rate itself. */
static double preset_rate(const struct ds_screen *s, enum preset p)
{
    if (p == PRESET_TYPED)
        return s->typed_lr;
    if (s->rates.opt == NN_OPT_SGD) {
        static const double lr[] = {DESCENT_LR_SMALL, DESCENT_LR_GOOD,
                                    DESCENT_LR_LARGE};
        return lr[p];
    }
    double good = descent_race_config(s->rates.surface, s->rates.opt).lr;
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
    struct ds_screen *s = state(a);
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

static int ds_open(struct app *a, const struct lesson_widget *w)
{
    struct ds_screen *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
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
    s->typed_lr = preset_rate(s, PRESET_GOOD);
    a->screen = s;
    if (restart(a, 0) != 0) {
        free(s);
        a->screen = NULL;
        return -1;
    }
    return 0;
}

static void ds_close(struct app *a)
{
    struct ds_screen *s = state(a);
    if (s)
        descent_paths_fini(&s->paths);
    free(s);
    a->screen = NULL;
}

/* One step of every run; at the end, say so. */
static void step(struct app *a)
{
    struct ds_screen *s = state(a);
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
        s->note.text[0] = '\0';
    }
}

/* A new rate: the same number of steps again, so paths compare. */
static void choose(struct app *a, enum preset p)
{
    struct ds_screen *s = state(a);
    long k = steps_taken(s);
    s->preset = p;
    if (restart(a, k) == 0)
        s->note.text[0] = '\0';
}

static void finish_edit(struct app *a)
{
    struct ds_screen *s = state(a);
    char *end;
    double v = strtod(s->typed, &end);
    if (end == s->typed || *end != '\0' || !(v > 0) || v > RATE_LIMIT) {
        char lim[24];
        snprintf(lim, sizeof lim, "%g", RATE_LIMIT);
        const char *args[] = {s->typed, lim};
        say(a, RS_BAD, TX_DS_BAD, args, 2);
        s->typed[0] = '\0';
        return;
    }
    s->typed[0] = '\0';
    s->typed_lr = v;
    choose(a, PRESET_TYPED);
}

/* ---- Drawing ---- */

static void settings_text(const struct app *a, char *buf, int len)
{
    const struct ds_screen *s = state(a);
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
    struct ds_screen *s = state(a);
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
    if (s->typed[0]) {
        char line[128];
        const char *args[] = {s->typed};
        text_fill(line, (int)sizeof line, text_get(a->lang, TX_DS_TYPING), args,
                  1);
        rgrid_print_n(g, x, bottom, w, line, RS_ACCENT);
    } else {
        rgrid_print_n(g, x, bottom, w, s->note.text, s->note.style);
    }
}

/* ---- Actions ---- */

static void ds_action(struct app *a, enum tui_action act, int arg)
{
    struct ds_screen *s = state(a);
    long k = steps_taken(s);
    size_t len = strlen(s->typed);
    /* While a rate is typed, only typing keys count; others drop it. */
    if (len && act != ACT_TYPE && act != ACT_PREV && act != ACT_NEXT) {
        s->typed[0] = '\0';
        if (act == ACT_CLOSE)
            return;
    }
    switch (act) {
    case ACT_TYPE:
        /* Digits and a decimal point, in the rates view. */
        if (!s->racing && len < INPUT_MAX &&
            ((arg >= '0' && arg <= '9') ||
             (arg == '.' && !strchr(s->typed, '.')))) {
            s->typed[len] = (char)arg;
            s->typed[len + 1] = '\0';
        }
        break;
    case ACT_NEXT:
        if (len)
            finish_edit(a);
        else if (s->paths.n_runs > 0)
            step(a);
        break;
    case ACT_PREV:
        /* Paths are deterministic: one step back is k - 1 from the start. */
        if (len)
            s->typed[len - 1] = '\0';
        else if (k > 0 && restart(a, k - 1) == 0)
            s->note.text[0] = '\0';
        break;
    case ACT_FIRST:
        if (restart(a, 0) == 0)
            s->note.text[0] = '\0';
        break;
    case ACT_RULE: /* r: run */
    case ACT_LAST:
        if (restart(a, steps_max(s)) == 0)
            s->note.text[0] = '\0';
        break;
    case ACT_INC:
        if (!s->racing)
            choose(a, s->preset >= PRESET_LARGE ? PRESET_LARGE
                      : s->preset == PRESET_TYPED
                          ? PRESET_GOOD
                          : (enum preset)(s->preset + 1));
        break;
    case ACT_DEC:
        if (!s->racing)
            choose(a, s->preset == PRESET_SMALL || s->preset == PRESET_TYPED
                          ? PRESET_SMALL
                          : (enum preset)(s->preset - 1));
        break;
    case ACT_PANEL:
        s->racing = !s->racing;
        if (restart(a, 0) == 0)
            s->note.text[0] = '\0';
        break;
    case ACT_BACK:
        app_close_screen(a);
        break;
    default:
        break;
    }
}

static void ds_status(const struct app *a, char *buf, int len)
{
    const struct ds_screen *s = state(a);
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

static enum text_id ds_describe(enum tui_action act)
{
    switch (act) {
    case ACT_NEXT:
        return TX_DS_ACT_NEXT;
    case ACT_BACK:
        return TX_FW_ACT_BACK;
    case ACT_PREV:
        return TX_DS_ACT_PREV;
    case ACT_FIRST:
        return TX_DS_ACT_FIRST;
    case ACT_LAST:
    case ACT_RULE:
        return TX_DS_ACT_RUN;
    case ACT_INC:
    case ACT_DEC:
        return TX_DS_ACT_INCDEC;
    case ACT_TYPE:
        return TX_DS_ACT_TYPE;
    case ACT_PANEL:
        return TX_DS_ACT_PANEL;
    default:
        return TX_COUNT;
    }
}

static const struct view_hint ds_hints[] = {
    {' ', 0, TX_SHORT_ONE_STEP},
    {'r', 0, TX_SHORT_RUN},
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_RATE},
    {'\t', 0, TX_SHORT_RACE},
    {'q', 0, TX_SHORT_BACK},
    {0, 0, TX_COUNT},
};

static const enum tui_action ds_help[] = {
    ACT_NEXT, ACT_PREV,  ACT_FIRST, ACT_LAST,   ACT_RULE,
    ACT_INC,  ACT_DEC,   ACT_TYPE,  ACT_PANEL,  ACT_HELP,
    ACT_BACK, ACT_CLOSE, ACT_LANG,  ACT_REDRAW, ACT_COUNT,
};

static const char *const ds_widgets[] = {"descent", NULL};

const struct view_ops descent_view = {
    .name = "descent",
    .draw = ds_draw,
    .action = ds_action,
    .click = NULL,
    .hints = ds_hints,
    .status = ds_status,
    .help_actions = ds_help,
    .widgets = ds_widgets,
    .open = ds_open,
    .close = ds_close,
    .describe = ds_describe,
};
