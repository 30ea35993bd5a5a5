/* Drawing a whole lesson step into a cell grid (see step_draw.h). */
#include "lesson/step_draw.h"

#include <stdio.h>

/* Wrap one piece of prose at row y; returns rows used (0 for ""). */
static int draw_prose(struct rgrid *g, int x, int y, int w, const char *s)
{
    if (!s || !*s)
        return 0;
    int max = g && g->h > y ? g->h - y : 0;
    return rgrid_wrap(g, x, y, w, max, s, RS_NORMAL);
}

/* A widget draws at the origin of the grid it is given, so it draws into
 * a scratch grid that is then copied into place. */
static int draw_widget(const struct lesson_widget *wd,
                       const struct widget_ctx *ctx, struct rgrid *g, int x,
                       int y, int w, char *msg, size_t msg_len)
{
    const struct widget_kind *k = widget_find(wd->kind);
    if (!k) {
        snprintf(msg, msg_len, "line %d: no widget kind '%s'", wd->line,
                 wd->kind);
        return -1;
    }
    struct rgrid tmp;
    if (rgrid_init(&tmp, w, STEP_WIDGET_MAX_ROWS) != 0) {
        snprintf(msg, msg_len, "out of memory");
        return -1;
    }
    int rows = k->render(wd, ctx, &tmp, msg, msg_len);
    if (rows > STEP_WIDGET_MAX_ROWS)
        rows = STEP_WIDGET_MAX_ROWS;
    for (int r = 0; g && r < rows; r++)
        for (int c = 0; c < w; c++) {
            struct rcell *dst = rgrid_at(g, x + c, y + r);
            if (dst)
                *dst = *rgrid_at(&tmp, c, r);
        }
    rgrid_fini(&tmp);
    return rows;
}

int lesson_step_draw(const struct lesson_step *st, const struct widget_ctx *ctx,
                     struct rgrid *g, int x, int y, int w, char *msg,
                     size_t msg_len)
{
    int row = y;
    row += draw_prose(g, x, row, w, st->prose);
    for (size_t i = 0; i < st->n_widgets; i++) {
        const struct lesson_widget *wd = &st->widgets[i];
        if (row > y)
            row++; /* a blank row between pieces */
        int n = draw_widget(wd, ctx, g, x, row, w, msg, msg_len);
        if (n < 0)
            return -1;
        row += n;
        if (wd->after && *wd->after) {
            row++;
            row += draw_prose(g, x, row, w, wd->after);
        }
    }
    return row - y;
}
