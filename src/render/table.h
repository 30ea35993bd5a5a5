/*
 * Text tables: a header row, columns sized to their widest cell (by
 * display width, so Hangul lines up), numbers right-aligned, an optional
 * highlighted row or cell, box or ASCII borders (from the glyph set) or
 * none.
 *
 * With borders:               Without:
 *   +------+--------+           name   value
 *   | name |  value |           ----  ------
 *   +------+--------+           w1       0.5
 *   | w1   |    0.5 |           bias  -12.25
 *   +------+--------+
 */
#ifndef RENDER_TABLE_H
#define RENDER_TABLE_H

#include "render/glyphs.h"
#include "render/grid.h"

enum ralign {
    RALIGN_AUTO = 0, /* right when every body cell is a number, else left */
    RALIGN_LEFT,
    RALIGN_RIGHT,
    RALIGN_CENTER,
};

struct rtable {
    int rows, cols;            /* body rows (the header not counted) */
    const char *const *header; /* cols strings, or NULL for no header */
    const char *const *cells;  /* rows x cols, row-major; NULL = empty */
    const enum ralign *align;  /* cols entries, or NULL: all automatic */
    int hl_row;                /* body row shown in RS_HIGHLIGHT, -1 for none */
    int hl_col; /* with hl_row >= 0: only this cell; -1: the whole row */
    int border; /* 1: lines around and between cells; 0: blanks */
};

/* No cells, automatic alignment, no highlight, borders. */
void rtable_init(struct rtable *t);
/* Size in cells of the drawn table. */
int rtable_width(const struct rtable *t);
int rtable_height(const struct rtable *t);
/* Whether s reads as a number: optional sign, digits with at most one
 * decimal point, optional exponent, optional trailing '%'. Independent of
 * the locale. */
int rtable_is_number(const char *s);
/* Draw with the top-left corner at (x, y), clipped by the grid. The
 * header is RS_BOLD, borders RS_DIM. Returns the rows used (0 when memory
 * for the column widths ran out). */
int rtable_draw(struct rgrid *g, int x, int y, const struct rtable *t,
                const struct rglyphs *gs);

#endif
