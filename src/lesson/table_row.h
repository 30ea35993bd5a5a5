/*
 * One row of a plain table drawn into a cell grid: cells left-aligned in
 * columns of given display widths, separated by " | ". Widths count
 * terminal cells, not bytes, so Korean headers (two cells a syllable)
 * line up with the ASCII numbers under them. Used by the forward and
 * descent drawings.
 */
#ifndef LESSON_TABLE_ROW_H
#define LESSON_TABLE_ROW_H

#include "render/grid.h"

/* Draw cells[0..n) at row y from column x; cell k starts after the widths
 * of the cells before it and a " | " between each two. Cells wider than
 * their column push nothing: they are drawn in full and may touch the
 * separator. Returns the column just after the last cell's width. */
int table_row(struct rgrid *g, int x, int y, const int *widths,
              const char *const *cells, int n, int style);

/* The display width of s or w, whichever is larger (for sizing a column
 * to both its header and its entries). */
int table_width(const char *s, int w);

#endif
