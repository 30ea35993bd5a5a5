/* Table rows drawn by display width (see table_row.h). */
#include "lesson/table_row.h"

int table_row(struct rgrid *g, int x, int y, const int *widths,
              const char *const *cells, int n, int style)
{
    int col = x;
    for (int k = 0; k < n; k++) {
        if (k) {
            rgrid_print(g, col + 1, y, "|", style);
            col += 3;
        }
        rgrid_print(g, col, y, cells[k], style);
        col += widths[k];
    }
    return col;
}

int table_width(const char *s, int w)
{
    int sw = utf8_width(s);
    return sw > w ? sw : w;
}
