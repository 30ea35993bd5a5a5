/*
 * The lesson view: one step of a lesson, its prose and its widgets, with
 * the step counter in the status line. The state is only (lesson, step,
 * scroll), and a step's page is rendered from the lesson alone, so going
 * back shows exactly what was there before. A step whose figure has an
 * interactive screen (the backprop walkthrough, or one app_screen_for
 * knows) opens it with ACT_WALK.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "lesson/widget.h"
#include "tui/app.h"

/* Tallest page a step may have, and the grid a widget draws into. */
#define PAGE_ROWS 400
#define WIDGET_ROWS 200

static const struct lesson *current(const struct app *a)
{
    return a->cur < a->n_lessons ? a->lessons[a->cur].lesson : NULL;
}

/* Copy the first n rows of src into the page at y, every `spacing` rows.
 * Returns the page row after the last one written. */
static int page_add(struct app_page *p, int y, struct rgrid *src, int n,
                    int spacing)
{
    for (int r = 0; r < n && y < p->g.h; r++, y += spacing)
        app_copy_rows(&p->g, 0, y, src, r, 1);
    return y;
}

/* Wrap prose into the page at *y, every `spacing` rows. */
static void page_prose(struct app_page *p, int *y, struct rgrid *tmp,
                       const char *prose, int spacing)
{
    if (!prose || !*prose)
        return;
    rgrid_clear(tmp);
    int n = rgrid_wrap(tmp, 0, 0, tmp->w, tmp->h, prose, RS_NORMAL);
    n = n < tmp->h ? n : tmp->h;
    *y = page_add(p, *y, tmp, n, spacing) + 1;
}

/* Each widget, then the prose that follows it in the lesson file. */
static void page_widgets(struct app *a, const struct lesson_step *s,
                         struct rgrid *tmp, int *y)
{
    /* The chrome's glyph set: a wide-ambiguous terminal gets ASCII boxes
     * but keeps braille plots. */
    struct widget_ctx ctx = {
        .glyphs = a->glyphs,
        .lang = text_lang_code(a->lang),
        .digits = &a->digits,
    };
    struct app_page *p = &a->page;
    for (size_t i = 0; i < s->n_widgets; i++) {
        const struct lesson_widget *w = &s->widgets[i];
        const struct widget_kind *k = widget_find(w->kind);
        char msg[256] = "";
        int rows = -1;
        rgrid_clear(tmp);
        if (k)
            rows = k->render(w, &ctx, tmp, msg, sizeof msg);
        else
            snprintf(msg, sizeof msg, "unknown widget");
        if (rows < 0) {
            char line[512];
            const char *args[] = {w->kind, msg};
            text_fill(line, sizeof line, text_get(a->lang, TX_WIDGET_ERROR),
                      args, 2);
            *y += rgrid_wrap(&p->g, 0, *y, p->g.w, p->g.h - *y, line, RS_BAD);
        } else {
            *y = page_add(p, *y, tmp, rows, 1);
        }
        *y += 1;
        page_prose(p, y, tmp, w->after, 1);
    }
}

/* Render the current step into the page cache unless it already shows it.
 * Returns 0, or -1 when memory runs out. */
static int page_build(struct app *a, int width, int avail_rows)
{
    struct app_page *p = &a->page;
    if (p->g.cells && p->lesson == a->cur && p->step == a->step &&
        p->width == width && p->lang == (int)a->lang && p->ascii == a->ascii &&
        p->demo == a->demo && p->avail == avail_rows)
        return 0;
    if (p->g.cells && p->g.w != width) {
        rgrid_fini(&p->g);
        p->g.cells = NULL;
    }
    if (!p->g.cells && rgrid_init(&p->g, width, PAGE_ROWS) != 0)
        return -1;
    struct rgrid tmp;
    if (rgrid_init(&tmp, width, WIDGET_ROWS) != 0)
        return -1;
    rgrid_clear(&p->g);
    p->lesson = a->cur;
    p->step = a->step;
    p->width = width;
    p->lang = (int)a->lang;
    p->ascii = a->ascii;
    p->demo = a->demo;
    p->avail = avail_rows;

    const struct lesson *l = current(a);
    const struct lesson_step *s = &l->steps[a->step];
    int y = 0;
    if (s->title && *s->title)
        y += rgrid_wrap(&p->g, 0, y, width, PAGE_ROWS - y, s->title, RS_BOLD) +
             1;
    /* Demo mode double-spaces the prose when the whole step still fits,
     * so the back row of a classroom can read it. */
    int spacing = 1;
    if (a->demo && s->n_widgets == 0 && s->prose) {
        int n = rgrid_wrap(NULL, 0, 0, width, WIDGET_ROWS, s->prose, 0);
        spacing = y + 2 * n <= avail_rows ? 2 : 1;
    }
    page_prose(p, &y, &tmp, s->prose, spacing);
    page_widgets(a, s, &tmp, &y);
    p->rows = y < PAGE_ROWS ? y : PAGE_ROWS;
    rgrid_fini(&tmp);
    return 0;
}

static void draw_error(struct app *a, struct rgrid *g, int x, int y, int w,
                       int rows)
{
    const struct app_lesson *al = &a->lessons[a->cur];
    rgrid_print(g, x, y, text_get(a->lang, TX_LOAD_ERROR), RS_BOLD);
    rgrid_wrap(g, x, y + 2, w, rows - 2, al->error, RS_BAD);
}

static void lesson_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    int x = app_margin(a);
    int width = g->w - 2 * x;
    const struct lesson *l = current(a);
    if (a->demo && l) {
        /* No header bar in demo mode: the lesson title heads the page. */
        rgrid_print(g, x, top, l->title, RS_TITLE);
        top += 2;
        rows -= 2;
    }
    if (!l || l->n_steps == 0) {
        draw_error(a, g, x, top, width, rows);
        return;
    }
    if (a->step >= (int)l->n_steps)
        a->step = (int)l->n_steps - 1;
    if (page_build(a, width, rows) != 0) {
        rgrid_print(g, x, top, "out of memory", RS_BAD);
        return;
    }
    int max_scroll = a->page.rows > rows ? a->page.rows - rows : 0;
    if (a->scroll > max_scroll)
        a->scroll = max_scroll;
    if (a->scroll < 0)
        a->scroll = 0;
    int n = a->page.rows - a->scroll;
    app_copy_rows(g, x, top, &a->page.g, a->scroll, n < rows ? n : rows);
}

/* The step's first backprop walkthrough widget, or NULL: such a step
 * opens the interactive walkthrough with w. */
static const struct lesson_widget *walk_widget(const struct app *a)
{
    const struct lesson *l = current(a);
    if (!l || a->step >= (int)l->n_steps)
        return NULL;
    const struct lesson_step *s = &l->steps[a->step];
    for (size_t i = 0; i < s->n_widgets; i++) {
        const char *k = s->widgets[i].kind;
        if (!strcmp(k, "walkthrough") || !strcmp(k, "network") ||
            !strcmp(k, "matrixview"))
            return &s->widgets[i];
    }
    return NULL;
}

static void lesson_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    const struct lesson *l = current(a);
    int last = l && l->n_steps > 0 ? (int)l->n_steps - 1 : 0;
    int step = a->step;
    switch (act) {
    case ACT_NEXT:
        step = step < last ? step + 1 : last;
        break;
    case ACT_PREV:
        step = step > 0 ? step - 1 : 0;
        break;
    case ACT_FIRST:
        step = 0;
        break;
    case ACT_LAST:
        step = last;
        break;
    case ACT_UP:
        a->scroll--;
        return;
    case ACT_DOWN:
        a->scroll++;
        return;
    case ACT_BACK:
        a->menu_sel = a->cur;
        a->view = &menu_view;
        return;
    case ACT_WALK:
        /* The step's figure as a screen of its own, when it has one. */
        if (walk_widget(a))
            backprop_view_open(a, walk_widget(a));
        else if (app_step_screen_widget(a))
            app_open_screen(a, app_step_screen_widget(a));
        return;
    default:
        return;
    }
    if (step != a->step) {
        a->step = step;
        a->scroll = 0;
    }
}

static void lesson_status(const struct app *a, char *buf, int len)
{
    const struct lesson *l = current(a);
    if (!l) {
        buf[0] = '\0';
        return;
    }
    text_fill2(buf, len, text_get(a->lang, TX_STEP), a->step + 1,
               (int)l->n_steps);
    int n = (int)strlen(buf);
    if (walk_widget(a) || app_step_screen_widget(a)) {
        snprintf(buf + n, (size_t)(len - n), "  %s: %s",
                 keys_key_name('w', app_plain_keys(a)),
                 text_get(a->lang, TX_SHORT_WALK));
        n = (int)strlen(buf);
    }
    /* Say when the page goes on below the screen, or the lesson ends. */
    int rows = a->h - 4; /* content rows in either layout */
    if (a->page.lesson == a->cur && a->page.step == a->step &&
        a->page.rows - a->scroll > rows)
        snprintf(buf + n, (size_t)(len - n), "  (%s)",
                 text_get(a->lang, TX_MORE));
    else if (a->step + 1 == (int)l->n_steps)
        snprintf(buf + n, (size_t)(len - n), "  (%s)",
                 text_get(a->lang, TX_END));
}

static const struct view_hint lesson_hints[] = {
    {KEY_LEFT, KEY_RIGHT, TX_SHORT_STEP},
    {KEY_UP, KEY_DOWN, TX_SHORT_SCROLL},
    {'q', 0, TX_SHORT_MENU},
    {0, 0, TX_COUNT},
};

const struct view_ops lesson_view = {
    .name = "lesson",
    .draw = lesson_draw,
    .action = lesson_action,
    .click = NULL,
    .hints = lesson_hints,
    .status = lesson_status,
};
