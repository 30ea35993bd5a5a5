/*
 * The lesson menu: the six lessons and any --lesson file, numbered so a
 * digit opens one directly; a click opens the item under the mouse. In
 * demo mode the big title banner from assets/ sits on top.
 */
#include <curses.h> /* KEY_* codes for the hints */
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "tui/app.h"

/* Rows the menu needs below its title: heading, blank, items. */
static int items_rows(const struct app *a)
{
    return 2 + a->n_lessons;
}

static int draw_title(struct app *a, struct rgrid *g, int x, int y, int rows)
{
    /* The banner when it fits with the items (always tried in demo mode,
     * where it matters most; otherwise only on a roomy screen). */
    int want = a->demo || rows >= a->banner_lines + items_rows(a) + 8;
    if (want && a->banner_lines > 0 &&
        a->banner_lines + 3 + items_rows(a) <= rows &&
        a->banner_width + x < g->w) {
        for (int i = 0; i < a->banner_lines; i++)
            rgrid_print(g, x, y + i, a->banner[i], RS_TITLE);
        y += a->banner_lines;
    } else {
        rgrid_print(g, x, y++, "nnlab", RS_TITLE);
    }
    rgrid_print(g, x, y++, text_get(a->lang, TX_TAGLINE), RS_NORMAL);
    return y + 1;
}

static void menu_draw(struct app *a, struct rgrid *g, int top, int rows)
{
    int x = app_margin(a);
    int y = draw_title(a, g, x, top, rows);
    rgrid_print(g, x, y, text_get(a->lang, TX_MENU_TITLE), RS_BOLD);
    y += 2;
    a->menu_top = y;
    for (int i = 0; i < a->n_lessons; i++, y++) {
        const struct app_lesson *l = &a->lessons[i];
        int sel = i == a->menu_sel;
        int style = sel ? RS_HIGHLIGHT : RS_NORMAL;
        char num[16]; /* " %d " of any int */
        snprintf(num, sizeof num, " %d ", i + 1);
        /* The selection bar spans the item so it reads on mono screens. */
        if (sel)
            for (int c = x; c < g->w - x; c++)
                rgrid_put(g, c, y, ' ', RS_HIGHLIGHT);
        int c = x;
        c += rgrid_print(g, c, y, sel ? ">" : " ", style);
        c += rgrid_print(g, c, y, num, sel ? style : RS_ACCENT);
        c += 1;
        if (l->lesson) {
            rgrid_print(g, c, y, l->lesson->title, style);
        } else {
            c += rgrid_print(g, c, y, l->id, sel ? style : RS_DIM);
            rgrid_print(g, c + 1, y, text_get(a->lang, TX_UNAVAILABLE),
                        sel ? style : RS_DIM);
        }
        /* The lesson's name for the command line, on the right. */
        const char *id = i == a->n_lessons - 1 && a->lesson_file
                             ? text_get(a->lang, TX_MENU_FILE)
                             : l->id;
        rgrid_print(g, g->w - x - utf8_width(id) - 1, y, id,
                    sel ? style : RS_DIM);
    }
}

static void menu_action(struct app *a, enum tui_action act, int arg)
{
    (void)arg;
    switch (act) {
    case ACT_UP:
    case ACT_PREV:
        if (a->menu_sel > 0)
            a->menu_sel--;
        break;
    case ACT_DOWN:
        if (a->menu_sel + 1 < a->n_lessons)
            a->menu_sel++;
        break;
    case ACT_FIRST:
        a->menu_sel = 0;
        break;
    case ACT_LAST:
        a->menu_sel = a->n_lessons > 0 ? a->n_lessons - 1 : 0;
        break;
    case ACT_NEXT:
        app_open_lesson(a, a->menu_sel);
        break;
    case ACT_BACK:
        a->quit = 1;
        break;
    default:
        break;
    }
}

static void menu_click(struct app *a, int x, int y)
{
    (void)x;
    int i = y - a->menu_top;
    if (i >= 0 && i < a->n_lessons)
        app_open_lesson(a, i);
}

static void menu_status(const struct app *a, char *buf, int len)
{
    snprintf(buf, (size_t)len, "%d/%d", a->menu_sel + 1, a->n_lessons);
}

static const struct view_hint menu_hints[] = {
    {KEY_UP, KEY_DOWN, TX_SHORT_CHOOSE},
    {'\n', 0, TX_SHORT_OPEN},
    {'q', 0, TX_SHORT_QUIT},
    {0, 0, TX_COUNT},
};

const struct view_ops menu_view = {
    .name = "menu",
    .draw = menu_draw,
    .action = menu_action,
    .click = menu_click,
    .hints = menu_hints,
    .status = menu_status,
};
