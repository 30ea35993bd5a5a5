/*
 * Network diagrams (see network.h). Layout: column l is lw[l] cells wide
 * (its widest "(label)" or value), the columns are separated by equal
 * gaps that hold the edges; each unit takes one row (two with values) and
 * the units of a layer are centred on a common pitch of h / (largest
 * layer) rows.
 */
#include "render/network.h"

#include "render/canvas.h"

#include <math.h>
#include <stdlib.h>

#define EDGE_LABEL_AT 0.3 /* fraction of the way from the source */
#define MIN_GAP 3

void rnet_init(struct rnet *n)
{
    n->nlayers = 0;
    n->sizes = NULL;
    n->units = NULL;
    n->edge_labels = NULL;
    n->side_labels = NULL;
    n->hl_unit = -1;
    n->hl_edge = -1;
}

/* Where everything goes, in grid cells. */
struct layout {
    int *col;    /* left column of each layer */
    int *lw;     /* width of each layer's column */
    int *row;    /* label row of each unit */
    int *left;   /* first column of each unit's "(label)" */
    int *right;  /* last column of it */
    int *first;  /* index of each layer's first unit */
    int *efirst; /* index of each layer's first outgoing edge */
};

static int label_width(const struct rnet_unit *u)
{
    int w = utf8_width(u->label ? u->label : "") + 2;
    int v = u->value ? utf8_width(u->value) : 0;
    return w > v ? w : v;
}

/* ASCII glyph for a line going dx cells right and dy cells down: only a
 * level line is '-', so a shallow edge still reads as a slope. */
static uint32_t ascii_edge(int dx, int dy)
{
    if (dy == 0)
        return '-';
    if (abs(dy) > 2 * abs(dx))
        return '|';
    return dy > 0 ? '\\' : '/';
}

static int layout_compute(struct layout *L, const struct rnet *n, int x, int y,
                          int w, int h, int nh)
{
    int nl = n->nlayers, units = 0, edges = 0, fixed = 0, maxn = 0;
    for (int l = 0; l < nl; l++) {
        L->first[l] = units;
        L->efirst[l] = edges;
        units += n->sizes[l];
        if (l + 1 < nl)
            edges += n->sizes[l] * n->sizes[l + 1];
        maxn = n->sizes[l] > maxn ? n->sizes[l] : maxn;
    }
    for (int l = 0; l < nl; l++) {
        L->lw[l] = 0;
        for (int i = 0; i < n->sizes[l]; i++) {
            int lw = label_width(&n->units[L->first[l] + i]);
            L->lw[l] = lw > L->lw[l] ? lw : L->lw[l];
        }
        fixed += L->lw[l];
    }
    if (n->side_labels) {
        int sw = 0;
        for (int i = 0; i < n->sizes[nl - 1]; i++) {
            const char *s = n->side_labels[i];
            int lw = s ? utf8_width(s) : 0;
            sw = lw > sw ? lw : sw;
        }
        fixed += sw + 1;
    }
    int gap = nl > 1 ? (w - fixed) / (nl - 1) : 0;
    int pitch = h / maxn;
    if ((nl > 1 && gap < MIN_GAP) || fixed > w || pitch < nh)
        return -1;
    for (int l = 0, c = x; l < nl; l++) {
        L->col[l] = c;
        c += L->lw[l] + gap;
        for (int i = 0; i < n->sizes[l]; i++) {
            int k = L->first[l] + i;
            const char *label = n->units[k].label;
            int tw = utf8_width(label ? label : "") + 2;
            L->row[k] = y + (maxn - n->sizes[l]) * pitch / 2 + i * pitch +
                        (pitch - nh) / 2;
            L->left[k] = L->col[l] + (L->lw[l] - tw) / 2;
            L->right[k] = L->left[k] + tw - 1;
        }
    }
    return maxn * pitch;
}

/* Edges: the steeper ones first, so where edges share an end cell the
 * flatter one (usually the horizontal) shows. The highlighted edge is
 * stronger than all of them. */
static void draw_edges(struct rgrid *g, int x, int y, int w, int h,
                       const struct rnet *n, const struct layout *L,
                       const struct rglyphs *gs)
{
    struct rcanvas c;
    int sx = gs->braille ? 2 : 1, sy = gs->braille ? 4 : 1;
    if (rcanvas_init(&c, w, h, gs->braille) != 0)
        return;
    for (int pass = 0; pass < 2; pass++) {
        for (int l = 0; l + 1 < n->nlayers; l++) {
            for (int i = 0; i < n->sizes[l]; i++) {
                for (int j = 0; j < n->sizes[l + 1]; j++) {
                    int a = L->first[l] + i, b = L->first[l + 1] + j;
                    int x0 = L->right[a] + 1 - x, x1 = L->left[b] - 1 - x;
                    int y0 = L->row[a] - y, y1 = L->row[b] - y;
                    if ((y0 == y1) != (pass == 1))
                        continue;
                    int e = L->efirst[l] + i * n->sizes[l + 1] + j;
                    struct rpen pen;
                    int hl = e == n->hl_edge;
                    rpen_init(&pen, hl ? RS_HIGHLIGHT : RS_DIM, hl ? 2 : 1,
                              ascii_edge(x1 - x0, y1 - y0));
                    /* From the first dot column of the cell after the
                     * source to the last one before the target, through
                     * the middle of the label rows. */
                    rcanvas_line(&c, x0 * sx, y0 * sy + (sy - 1) / 2.0,
                                 x1 * sx + sx - 1, y1 * sy + (sy - 1) / 2.0,
                                 &pen);
                }
            }
        }
    }
    rcanvas_blit(&c, g, x, y);
    rcanvas_fini(&c);
}

static void draw_labels(struct rgrid *g, const struct rnet *n,
                        const struct layout *L)
{
    for (int l = 0; l < n->nlayers; l++) {
        for (int i = 0; i < n->sizes[l]; i++) {
            int k = L->first[l] + i, r = L->row[k];
            const struct rnet_unit *u = &n->units[k];
            int style = k == n->hl_unit ? RS_HIGHLIGHT : RS_BOLD;
            int c = L->left[k];
            c += rgrid_print(g, c, r, "(", style);
            c += rgrid_print(g, c, r, u->label ? u->label : "", style);
            rgrid_print(g, c, r, ")", style);
            if (u->value) {
                int vw = utf8_width(u->value);
                rgrid_print(g, L->col[l] + (L->lw[l] - vw) / 2, r + 1, u->value,
                            k == n->hl_unit ? RS_HIGHLIGHT : RS_NORMAL);
            }
            if (l == n->nlayers - 1 && n->side_labels && n->side_labels[i])
                rgrid_print(g, L->col[l] + L->lw[l] + 1, r, n->side_labels[i],
                            RS_NORMAL);
        }
    }
    if (!n->edge_labels)
        return;
    for (int l = 0; l + 1 < n->nlayers; l++) {
        for (int i = 0; i < n->sizes[l]; i++) {
            for (int j = 0; j < n->sizes[l + 1]; j++) {
                int e = L->efirst[l] + i * n->sizes[l + 1] + j;
                int a = L->first[l] + i, b = L->first[l + 1] + j;
                const char *s = n->edge_labels[e];
                if (!s)
                    continue;
                double x0 = L->right[a] + 1, x1 = L->left[b] - 1;
                double y0 = L->row[a], y1 = L->row[b];
                int lw = utf8_width(s);
                int c = (int)lround(x0 + EDGE_LABEL_AT * (x1 - x0) - lw / 2.0);
                /* Keep the label inside the gap between the columns. */
                if (c + lw > (int)x1 + 1)
                    c = (int)x1 + 1 - lw;
                if (c < (int)x0)
                    c = (int)x0;
                int r = (int)lround(y0 + EDGE_LABEL_AT * (y1 - y0));
                int style = e == n->hl_edge ? RS_HIGHLIGHT : RS_NORMAL;
                rgrid_print_n(g, c, r, (int)x1 + 1 - c, s, style);
            }
        }
    }
}

int rnet_draw(struct rgrid *g, int x, int y, int w, int h, const struct rnet *n,
              const struct rglyphs *gs)
{
    int nl = n->nlayers, units = 0, nh = 1, rows = -1;
    struct layout L = {NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    if (nl <= 0 || !n->sizes || !n->units || w <= 0 || h <= 0)
        return -1;
    for (int l = 0; l < nl; l++) {
        if (n->sizes[l] <= 0)
            return -1;
        units += n->sizes[l];
    }
    for (int k = 0; k < units; k++)
        if (n->units[k].value)
            nh = 2;
    L.col = malloc((size_t)nl * sizeof *L.col);
    L.lw = malloc((size_t)nl * sizeof *L.lw);
    L.first = malloc((size_t)nl * sizeof *L.first);
    L.efirst = malloc((size_t)nl * sizeof *L.efirst);
    L.row = malloc((size_t)units * sizeof *L.row);
    L.left = malloc((size_t)units * sizeof *L.left);
    L.right = malloc((size_t)units * sizeof *L.right);
    if (!L.col || !L.lw || !L.first || !L.efirst || !L.row || !L.left ||
        !L.right)
        goto done;
    rows = layout_compute(&L, n, x, y, w, h, nh);
    if (rows < 0)
        goto done;
    draw_edges(g, x, y, w, rows, n, &L, gs);
    draw_labels(g, n, &L);
done:
    free(L.col);
    free(L.lw);
    free(L.first);
    free(L.efirst);
    free(L.row);
    free(L.left);
    free(L.right);
    return rows;
}
