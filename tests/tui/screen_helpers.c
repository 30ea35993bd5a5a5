/*
 * Shared scaffolding of the headless screen tests (see screen_helpers.h).
 */
#include "screen_helpers.h"

#include <stdio.h>

#include "lesson/lesson.h"
#include "tui/keys.h"

struct lesson *screen_parse(const char *text, const char *id)
{
    struct lesson_error err;
    struct lesson *l = lesson_parse(text, strlen(text), id, &err);
    ck_assert_msg(l != NULL, "%s does not parse: %s", id, err.text);
    return l;
}

void screen_app_open(struct app *a, const struct options *o, enum tui_lang lang,
                     const char *id, const char *text)
{
    struct options zero;
    if (!o) {
        memset(&zero, 0, sizeof zero);
        o = &zero;
    }
    ck_assert_int_eq(app_init(a, o, lang, 1), 0);
    a->lessons[0].id = id;
    a->lessons[0].lesson = screen_parse(text, id);
    a->n_lessons = 1;
    app_open_lesson(a, 0);
}

void screen_key_table(struct app *a, int ch)
{
    int arg;
    enum tui_action act = keys_lookup(ch, app_key_mode(a), &arg);
    app_action(a, act, arg);
}

void screen_key(struct app *a, int ch)
{
    if (app_key(a, ch))
        return;
    screen_key_table(a, ch);
}

void screen_type(struct app *a, const char *s)
{
    for (; *s; s++)
        screen_key(a, (unsigned char)*s);
}

/* The grid's cells as lines of text, through a memory stream. */
static char *grid_text(const struct rgrid *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    rgrid_write(g, f);
    fclose(f);
    return buf;
}

char *screen_draw(struct app *a, int w, int h)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, w, h), 0);
    app_draw(a, &g);
    char *text = grid_text(&g);
    rgrid_fini(&g);
    return text;
}

char *screen_draw_into(struct app *a, struct rgrid *g)
{
    if (!g->cells)
        ck_assert_int_eq(rgrid_init(g, 80, 24), 0);
    app_draw(a, g);
    return grid_text(g);
}

void screen_teardown(struct app *a, struct rgrid *g)
{
    app_fini(a);
    if (g->cells)
        rgrid_fini(g);
    g->cells = NULL;
}
