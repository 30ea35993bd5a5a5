/* Text tables (see table.h). */
#include "render/table.h"

#include <stddef.h>
#include <stdlib.h>

#define COL_GAP 2 /* blanks between columns without borders */

void rtable_init(struct rtable *t)
{
    t->rows = t->cols = 0;
    t->header = NULL;
    t->cells = NULL;
    t->align = NULL;
    t->hl_row = -1;
    t->hl_col = -1;
    t->border = 1;
}

static const char *cell(const struct rtable *t, int r, int c)
{
    const char *s = t->cells ? t->cells[(size_t)r * (size_t)t->cols + c] : NULL;
    return s ? s : "";
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int rtable_is_number(const char *s)
{
    int digits = 0;
    if (*s == '+' || *s == '-')
        s++;
    while (is_digit(*s)) {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (is_digit(*s)) {
            s++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!is_digit(*s))
            return 0;
        while (is_digit(*s))
            s++;
    }
    if (*s == '%')
        s++;
    return *s == '\0';
}

static enum ralign column_align(const struct rtable *t, int c)
{
    enum ralign a = t->align ? t->align[c] : RALIGN_AUTO;
    if (a != RALIGN_AUTO)
        return a;
    int numbers = 0;
    for (int r = 0; r < t->rows; r++) {
        const char *s = cell(t, r, c);
        if (*s == '\0')
            continue;
        if (!rtable_is_number(s))
            return RALIGN_LEFT;
        numbers++;
    }
    return numbers ? RALIGN_RIGHT : RALIGN_LEFT;
}

static int column_width(const struct rtable *t, int c)
{
    int w = t->header ? utf8_width(t->header[c] ? t->header[c] : "") : 0;
    for (int r = 0; r < t->rows; r++) {
        int cw = utf8_width(cell(t, r, c));
        w = cw > w ? cw : w;
    }
    return w;
}

int rtable_width(const struct rtable *t)
{
    int w = 0;
    if (t->cols <= 0)
        return 0;
    for (int c = 0; c < t->cols; c++)
        w += column_width(t, c);
    /* Borders: "| " before each column, " |" after the last, " | "
     * between: 3 per column plus 1. Without: gaps between columns. */
    return t->border ? w + 3 * t->cols + 1 : w + COL_GAP * (t->cols - 1);
}

int rtable_height(const struct rtable *t)
{
    if (t->cols <= 0)
        return 0;
    int h = t->rows + (t->header ? 2 : 0); /* header and its rule */
    return t->border ? h + 2 : h;          /* top and bottom lines */
}

/* A horizontal rule: left junction, runs of h under each column joined by
 * mid, right junction. Without borders: h under each column only. */
static void rule(struct rgrid *g, int x, int y, const int *cw, int cols,
                 int border, uint32_t left, uint32_t mid, uint32_t right,
                 uint32_t h)
{
    int col = x;
    if (border)
        rgrid_put(g, col++, y, left, RS_DIM);
    for (int c = 0; c < cols; c++) {
        int run = cw[c] + (border ? 2 : 0);
        for (int i = 0; i < run; i++)
            rgrid_put(g, col++, y, h, RS_DIM);
        if (c + 1 < cols) {
            if (border)
                rgrid_put(g, col++, y, mid, RS_DIM);
            else
                col += COL_GAP;
        }
    }
    if (border)
        rgrid_put(g, col, y, right, RS_DIM);
}

/* One row of text: each cell aligned in its column; the highlighted
 * cells get RS_HIGHLIGHT over their whole padded width. */
static void text_row(struct rgrid *g, int x, int y, const struct rtable *t,
                     const int *cw, const enum ralign *al, int r,
                     const struct rglyphs *gs)
{
    int col = x;
    if (t->border)
        rgrid_put(g, col++, y, gs->v, RS_DIM);
    for (int c = 0; c < t->cols; c++) {
        const char *s =
            r < 0 ? (t->header[c] ? t->header[c] : "") : cell(t, r, c);
        int pad = t->border ? 1 : 0;
        int slack = cw[c] - utf8_width(s);
        int off = al[c] == RALIGN_RIGHT    ? slack
                  : al[c] == RALIGN_CENTER ? slack / 2
                                           : 0;
        int hl = r >= 0 && r == t->hl_row && (t->hl_col < 0 || t->hl_col == c);
        int style = r < 0 ? RS_BOLD : hl ? RS_HIGHLIGHT : RS_NORMAL;
        rgrid_print(g, col + pad + off, y, s, style);
        if (hl)
            rgrid_set_style(g, col, y, cw[c] + 2 * pad, 1, RS_HIGHLIGHT);
        col += cw[c] + 2 * pad;
        if (c + 1 < t->cols) {
            if (t->border)
                rgrid_put(g, col++, y, gs->v, RS_DIM);
            else
                col += COL_GAP;
        }
    }
    if (t->border)
        rgrid_put(g, col, y, gs->v, RS_DIM);
}

int rtable_draw(struct rgrid *g, int x, int y, const struct rtable *t,
                const struct rglyphs *gs)
{
    int cols = t->cols, row = y;
    if (cols <= 0)
        return 0;
    int *cw = malloc((size_t)cols * sizeof *cw);
    enum ralign *al = malloc((size_t)cols * sizeof *al);
    if (!cw || !al)
        goto done;
    for (int c = 0; c < cols; c++) {
        cw[c] = column_width(t, c);
        al[c] = column_align(t, c);
    }
    if (t->border)
        rule(g, x, row++, cw, cols, 1, gs->tl, gs->tdown, gs->tr, gs->h);
    if (t->header) {
        text_row(g, x, row++, t, cw, al, -1, gs);
        rule(g, x, row++, cw, cols, t->border, gs->tright, gs->cross, gs->tleft,
             gs->h);
    }
    for (int r = 0; r < t->rows; r++)
        text_row(g, x, row++, t, cw, al, r, gs);
    if (t->border)
        rule(g, x, row++, cw, cols, 1, gs->bl, gs->tup, gs->br, gs->h);
done:
    free(cw);
    free(al);
    return row - y;
}
