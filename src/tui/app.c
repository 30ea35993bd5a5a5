/*
 * The application model (see app.h): the actions every screen shares,
 * overlays (help, blank), the demo timer, the layout of the chrome, and
 * the "terminal too small" screen.
 */
#include "tui/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/catalog.h"
#include "lesson/lesson.h"
#include "tui/assets.h"
#include "tui/help.h"

int app_init(struct app *a, const struct options *o, enum tui_lang lang,
             int utf8)
{
    memset(a, 0, sizeof *a);
    digits_cache_init(&a->digits);
    a->lang = lang;
    a->ascii = o->ascii || !utf8;
    /* Korean in a codeset without Hangul would be a screen of '?': the
     * lessons and the interface are shown in English instead. */
    a->no_korean = !utf8;
    if (a->no_korean && lang == TUI_KO) {
        a->lang = TUI_EN;
        a->korean_refused = 1;
    }
    a->wide_ambiguous = o->wide_ambiguous;
    a->glyphs = rglyphs_get(a->ascii            ? RGLYPH_ASCII
                            : a->wide_ambiguous ? RGLYPH_NARROW
                                                : RGLYPH_UNICODE);
    a->demo = o->demo;
    a->demo_seconds = o->demo_seconds;
    a->lesson_file = o->lesson_file;
    a->model_save = o->save_file;
    a->view = &menu_view;
    a->page.lesson = -1;
    if (assets_read_lines("banner.txt", &a->banner, &a->banner_lines) == 0) {
        for (int i = 0; i < a->banner_lines; i++) {
            int bw = utf8_width(a->banner[i]);
            if (bw > a->banner_width)
                a->banner_width = bw;
        }
    }
    return 0;
}

void app_fini(struct app *a)
{
    backprop_view_fini(a);
    train_view_free(a);
    if (a->screen)
        app_close_screen(a);
    digits_cache_fini(&a->digits);
    for (int i = 0; i < a->n_lessons; i++)
        lesson_free(a->lessons[i].lesson);
    a->n_lessons = 0;
    assets_free_lines(a->banner, a->banner_lines);
    a->banner = NULL;
    if (a->page.g.cells)
        rgrid_fini(&a->page.g);
}

void app_load_lessons(struct app *a)
{
    for (int i = 0; i < a->n_lessons; i++)
        lesson_free(a->lessons[i].lesson);
    a->n_lessons = 0;
    const char *lang = text_lang_code(a->lang);
    struct lesson_error err;
    size_t n = catalog_count();
    for (size_t i = 0; i < n && a->n_lessons < APP_MAX_LESSONS - 1; i++) {
        struct app_lesson *l = &a->lessons[a->n_lessons++];
        l->id = catalog_id(i);
        l->lesson = catalog_load(l->id, lang, &err);
        l->error[0] = '\0';
        if (!l->lesson)
            snprintf(l->error, sizeof l->error, "%s", err.text);
    }
    if (a->lesson_file) {
        /* A teacher's own file: shown in whatever language it is in. */
        struct app_lesson *l = &a->lessons[a->n_lessons++];
        l->id = a->lesson_file;
        l->lesson = lesson_load(a->lesson_file, &err);
        l->error[0] = '\0';
        if (!l->lesson)
            snprintf(l->error, sizeof l->error, "%s", err.text);
    }
    if (a->menu_sel >= a->n_lessons)
        a->menu_sel = 0;
    if (a->cur >= a->n_lessons)
        a->cur = 0;
    a->page.lesson = -1; /* the lesson objects changed */
}

void app_open_lesson(struct app *a, int i)
{
    if (i < 0 || i >= a->n_lessons)
        return;
    if (a->screen)
        app_close_screen(a);
    a->menu_sel = i;
    a->cur = i;
    a->step = 0;
    a->scroll = 0;
    a->view = &lesson_view;
}

enum key_mode app_key_mode(const struct app *a)
{
    if (a->screen)
        return KM_SCREEN;
    return a->demo ? KM_DEMO : KM_NORMAL;
}

/* The interactive screens, each opened from the widget kinds it lists. */
static const struct view_ops *const screens[] = {
    &gates_view,
    &activations_view,
    &forward_view,
    &descent_view,
    &inside_view,
    &draw_view,
};

const struct view_ops *app_screen_for(const char *kind)
{
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
        for (const char *const *k = screens[i]->widgets; k && *k; k++)
            if (strcmp(*k, kind) == 0)
                return screens[i];
    return NULL;
}

const struct lesson_widget *app_step_screen_widget(const struct app *a)
{
    const struct lesson *l =
        a->cur < a->n_lessons ? a->lessons[a->cur].lesson : NULL;
    if (!l || a->step < 0 || (size_t)a->step >= l->n_steps)
        return NULL;
    const struct lesson_step *s = &l->steps[a->step];
    for (size_t i = 0; i < s->n_widgets; i++)
        if (app_screen_for(s->widgets[i].kind))
            return &s->widgets[i];
    return NULL;
}

int app_open_screen(struct app *a, const struct lesson_widget *w)
{
    const struct view_ops *v = w ? app_screen_for(w->kind) : NULL;
    return v ? app_open_view(a, v, w) : -1;
}

int app_open_view(struct app *a, const struct view_ops *v,
                  const struct lesson_widget *w)
{
    if (a->screen)
        app_close_screen(a);
    int in_lesson = a->view == &lesson_view;
    if (v->open(a, w) != 0)
        return -1;
    a->screen_in_lesson = in_lesson;
    a->view = v;
    return 0;
}

void app_close_screen(struct app *a)
{
    if (a->screen && a->view->close)
        a->view->close(a);
    a->screen = NULL;
    a->view = &lesson_view;
}

/* Nothing is drawn yet (w == 0) counts as big enough. */
static int too_small(const struct app *a)
{
    return a->w > 0 && (a->w < APP_MIN_W || a->h < APP_MIN_H);
}

int app_key(struct app *a, int ch)
{
    if (a->blank || a->help || too_small(a) || !a->view->key ||
        !a->view->key(a, ch))
        return 0;
    a->next_advance = a->now + a->demo_seconds;
    return 1;
}

/* Actions that mean the same on every screen come here first; the rest
 * go to the screen shown. */
void app_action(struct app *a, enum tui_action act, int arg)
{
    /* A learner (or teacher) acting restarts the demo countdown, also
     * when the key only ends a blank screen or closes the help. */
    a->next_advance = a->now + a->demo_seconds;
    /* Any key shows a blanked screen again, and does nothing else. */
    if (a->blank) {
        a->blank = 0;
        return;
    }
    if (a->help) {
        if (act == ACT_HELP || act == ACT_CLOSE || act == ACT_BACK)
            a->help = 0;
        return;
    }
    switch (act) {
    case ACT_HELP:
        a->help = 1;
        return;
    case ACT_BLANK:
        a->blank = 1;
        return;
    case ACT_PAUSE:
        a->paused = !a->paused;
        return;
    case ACT_REDRAW:
    case ACT_NONE:
        return;
    case ACT_DEMO:
        /* The teacher turns the projector on: same place, classroom
         * layout and theme, the countdown starts now. */
        a->demo = !a->demo;
        a->paused = 0;
        return;
    case ACT_LANG:
        if (a->no_korean) {
            a->korean_refused = 1; /* the title bar says why */
            return;
        }
        a->lang = a->lang == TUI_KO ? TUI_EN : TUI_KO;
        app_load_lessons(a);
        return;
    case ACT_JUMP:
        app_open_lesson(a, arg - 1);
        return;
    case ACT_MNIST:
        if (!a->screen)
            train_view_open(a);
        return;
    case ACT_INSIDE:
    case ACT_DRAW:
        /* From the menu, a lesson or the training screen; q comes back. */
        if (!a->screen)
            app_open_view(a, act == ACT_INSIDE ? &inside_view : &draw_view,
                          NULL);
        return;
    default:
        break;
    }
    if (!too_small(a))
        a->view->action(a, act, arg);
    else if (act == ACT_BACK)
        a->view->action(a, act, arg); /* q still works on a tiny screen */
}

void app_click(struct app *a, int x, int y)
{
    if (a->blank || a->help) {
        a->blank = a->help = 0;
        return;
    }
    if (!too_small(a) && a->view->click)
        a->view->click(a, x, y);
}

void app_drag(struct app *a, int x, int y)
{
    if (!a->blank && !a->help && !too_small(a) && a->view->drag)
        a->view->drag(a, x, y);
}

/* Demo mode walks through every step of every lesson, then starts over
 * from the menu, so an unattended projector keeps showing something. */
static void demo_advance(struct app *a)
{
    if (a->view == &menu_view) {
        app_open_lesson(a, a->menu_sel);
        return;
    }
    if (a->view == &backprop_view) {
        backprop_view_step(a); /* one line, then back to the lesson */
        return;
    }
    const struct lesson *l = a->lessons[a->cur].lesson;
    if (l && (size_t)a->step + 1 < l->n_steps) {
        a->step++;
        a->scroll = 0;
    } else if (a->cur + 1 < a->n_lessons) {
        app_open_lesson(a, a->cur + 1);
    } else {
        a->menu_sel = 0;
        a->view = &menu_view;
    }
}

int app_tick(struct app *a, double now)
{
    a->now = now;
    /* An open screen has its own clock (an animation, training); the
     * demo waits. */
    if (a->screen || a->view == &train_view || a->view == &train_panel_view)
        return a->view->tick && !a->help && !a->blank && !too_small(a)
                   ? a->view->tick(a, now)
                   : 0;
    if (!a->demo || a->paused || a->help || a->blank || too_small(a))
        return 0;
    if (a->next_advance <= 0) {
        a->next_advance = now + a->demo_seconds;
        return 0;
    }
    if (now < a->next_advance)
        return 0;
    demo_advance(a);
    a->next_advance = now + a->demo_seconds;
    return 1;
}

double app_timeout(const struct app *a)
{
    if (a->screen || a->view == &train_view || a->view == &train_panel_view)
        return a->view->timeout && !a->help && !a->blank ? a->view->timeout(a)
                                                         : -1;
    if (!a->demo || a->paused || a->help || a->blank)
        return -1;
    if (a->next_advance <= 0)
        return 0;
    double t = a->next_advance - a->now;
    return t > 0 ? t : 0;
}

int app_plain_keys(const struct app *a)
{
    return a->ascii || a->wide_ambiguous;
}

int app_margin(const struct app *a)
{
    /* Demo mode: wide margins keep text away from the projector's edge. */
    return a->demo ? (a->w >= 100 ? a->w / 12 : 4) : 2;
}

void app_copy_rows(struct rgrid *g, int x, int y, struct rgrid *src, int from,
                   int n)
{
    for (int r = 0; r < n; r++) {
        for (int c = 0; c < src->w; c++) {
            struct rcell *s = rgrid_at(src, c, from + r);
            if (!s || s->width == 0)
                continue; /* continuation cells come with their character */
            if (s->ch == ' ' && s->style == RS_NORMAL)
                continue;
            rgrid_put(g, x + c, y + r, s->ch, s->style);
        }
    }
}

/* Lines of text centred on the grid, one style each. */
static void draw_centred(struct rgrid *g, char lines[][160], const int *styles,
                         int n)
{
    int y = (g->h - n) / 2;
    for (int i = 0; i < n; i++) {
        int x = (g->w - utf8_width(lines[i])) / 2;
        rgrid_print(g, x > 0 ? x : 0, (y > 0 ? y : 0) + i, lines[i], styles[i]);
    }
}

/* Display width of the longest word of s (wrapping would cut it). */
static int longest_word(const char *s)
{
    int longest = 0;
    while (*s) {
        char word[160];
        size_t len = strcspn(s, " ");
        if (len >= sizeof word)
            len = sizeof word - 1;
        memcpy(word, s, len);
        word[len] = '\0';
        int w = utf8_width(word);
        longest = w > longest ? w : longest;
        s += len;
        s += strspn(s, " ");
    }
    return longest;
}

/* The "too small" message, in the first form that fits the terminal:
 * its two lines as written; the same wrapped to the width; or, on a
 * tiny terminal (down to 10x5), three short lines: "too small",
 * "now 10x5", "need 80x24". Below that the short lines are clipped. */
static void draw_too_small(struct app *a, struct rgrid *g)
{
    static const int styles[3] = {RS_BAD, RS_NORMAL, RS_NORMAL};
    char full[2][160];
    text_fill2(full[0], sizeof full[0], text_get(a->lang, TX_TOO_SMALL),
               APP_MIN_W, APP_MIN_H);
    text_fill2(full[1], sizeof full[1], text_get(a->lang, TX_TOO_SMALL_HAVE),
               g->w, g->h);
    if (utf8_width(full[0]) <= g->w && utf8_width(full[1]) <= g->w &&
        g->h >= 2) {
        draw_centred(g, full, styles, 2);
        return;
    }
    int n0 = rgrid_wrap(NULL, 0, 0, g->w, g->h, full[0], RS_BAD);
    int n1 = rgrid_wrap(NULL, 0, 0, g->w, g->h, full[1], RS_NORMAL);
    int longest = longest_word(full[0]);
    if (longest_word(full[1]) > longest)
        longest = longest_word(full[1]);
    /* Wrapped, when no word has to be cut. */
    if (n0 + n1 <= g->h && longest <= g->w) {
        int y = (g->h - n0 - n1) / 2;
        rgrid_wrap(g, 0, y, g->w, n0, full[0], RS_BAD);
        rgrid_wrap(g, 0, y + n0, g->w, n1, full[1], RS_NORMAL);
        return;
    }
    char tiny[3][160];
    snprintf(tiny[0], sizeof tiny[0], "%s", text_get(a->lang, TX_SMALL));
    text_fill2(tiny[1], sizeof tiny[1], text_get(a->lang, TX_SMALL_NOW), g->w,
               g->h);
    text_fill2(tiny[2], sizeof tiny[2], text_get(a->lang, TX_SMALL_NEED),
               APP_MIN_W, APP_MIN_H);
    draw_centred(g, tiny, styles, g->h < 3 ? g->h : 3);
}

/* Status line: key hints generated from the key table on the left, the
 * view's own text (step N/M, paused) on the right. */
static void draw_status(struct app *a, struct rgrid *g)
{
    int y = g->h - 1;
    int x = 1;
    /* Demo mode keeps only the step counter: less chrome. */
    for (const struct view_hint *h = a->view->hints; !a->demo && h->key; h++) {
        x += rgrid_print(g, x, y, keys_key_name(h->key, app_plain_keys(a)),
                         RS_ACCENT);
        if (h->key2) {
            x += rgrid_print(g, x, y, "/", RS_DIM);
            x += rgrid_print(g, x, y, keys_key_name(h->key2, app_plain_keys(a)),
                             RS_ACCENT);
        }
        x += 1;
        x += rgrid_print(g, x, y, text_get(a->lang, h->label), RS_DIM);
        x += 2;
    }
    if (!a->demo) {
        x += rgrid_print(g, x, y, keys_key_name('?', app_plain_keys(a)),
                         RS_ACCENT);
        x += 1;
        rgrid_print(g, x, y, text_get(a->lang, TX_SHORT_HELP), RS_DIM);
    }
    char right[160] = "";
    a->view->status(a, right, (int)sizeof right);
    if (a->demo && a->paused) {
        size_t n = strlen(right);
        snprintf(right + n, sizeof right - n, "%s[%s]", n ? "  " : "",
                 text_get(a->lang, TX_PAUSED));
    }
    int rw = utf8_width(right);
    rgrid_print(g, g->w - rw - 1, y, right, a->demo ? RS_DIM : RS_BOLD);
}

static void draw_header(struct app *a, struct rgrid *g)
{
    int x = 1;
    x += rgrid_print(g, x, 0, "nnlab", RS_TITLE);
    /* the lesson's title over it and the screens opened from it; not
     * over one opened from the menu or the training screen */
    int in_lesson = a->view == &lesson_view || a->view == &backprop_view ||
                    (a->screen && a->screen_in_lesson);
    if (in_lesson && a->cur < a->n_lessons && a->lessons[a->cur].lesson) {
        x += rgrid_print(g, x, 0, " : ", RS_DIM);
        rgrid_print(g, x, 0, a->lessons[a->cur].lesson->title, RS_TITLE);
    }
    const char *lang =
        text_get(a->lang, a->korean_refused ? TX_LANG_NO_KOREAN : TX_LANG_NAME);
    rgrid_print(g, g->w - utf8_width(lang) - 1, 0, lang, RS_DIM);
    for (int c = 0; c < g->w; c++)
        rgrid_put(g, c, 1, a->glyphs->h, RS_DIM);
}

void app_draw(struct app *a, struct rgrid *g)
{
    a->w = g->w;
    a->h = g->h;
    rgrid_clear(g);
    if (a->blank)
        return;
    if (too_small(a)) {
        draw_too_small(a, g);
        return;
    }
    if (a->demo) {
        /* Less chrome: no header bar, one blank row above the content. */
        a->view->draw(a, g, 1, g->h - 2);
    } else {
        draw_header(a, g);
        a->view->draw(a, g, 3, g->h - 4);
    }
    draw_status(a, g);
    if (a->help)
        help_draw(a, g);
}
