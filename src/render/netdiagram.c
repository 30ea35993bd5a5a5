/*
 * The network diagram (see netdiagram.h): boxes for the units, straight
 * and crossing edges between the layers, a label on each.
 */
#include "render/netdiagram.h"

#include <math.h>
#include <string.h>

#include "render/canvas.h"

/* Rows of the crossing edges between the top and the bottom row. */
#define CROSS_ROWS 9
#define MIN_GAP 6

void rnet_init(struct rnet *n)
{
    memset(n, 0, sizeof *n);
}

static int text_w(const char *s)
{
    return s ? utf8_width(s) : 0;
}

/* Note rows above the top units (unit 0) or below the bottom ones. */
static int note_rows(const struct rnet *n, int unit)
{
    int rows = 1; /* the straight edges' labels */
    for (int l = 0; l < RNET_LAYERS; l++)
        for (int k = 0; k < RNET_NOTES; k++)
            if (n->node[2 * l + unit].note[k] && k + 1 > rows)
                rows = k + 1;
    return rows;
}

int rnet_height(const struct rnet *n)
{
    return note_rows(n, 0) + 1 + CROSS_ROWS + 1 + note_rows(n, 1);
}

/* Width of a layer: its widest box, "[" label "]". */
static int layer_w(const struct rnet *n, int l)
{
    int a = text_w(n->node[2 * l].label), b = text_w(n->node[2 * l + 1].label);
    return (a > b ? a : b) + 2;
}

static int side_w(const struct rnet *n)
{
    int a = text_w(n->side[0]), b = text_w(n->side[1]);
    int m = a > b ? a : b;
    return m ? m + 2 : 0;
}

static int boxes_w(const struct rnet *n)
{
    int sum = side_w(n);
    for (int l = 0; l < RNET_LAYERS; l++)
        sum += layer_w(n, l);
    return sum;
}

int rnet_min_width(const struct rnet *n)
{
    return boxes_w(n) + (RNET_LAYERS - 1) * MIN_GAP;
}

/* A label cut to at most max columns. */
static void label(struct rgrid *g, int x, int y, int max, const char *s,
                  int style)
{
    if (s && max > 0)
        rgrid_print_n(g, x, y, max, s, style);
}

/* The crossing edges of the gap [a, a + gap) between rows top and top +
 * CROSS_ROWS - 1: down from unit 0 to unit 1 of the next layer, and up
 * from unit 1 to unit 0. */
static int draw_cross(struct rgrid *g, int a, int gap, int top,
                      const struct rnet_edge *down, const struct rnet_edge *up,
                      const struct rglyphs *gs)
{
    if (gs->braille) {
        struct rcanvas c;
        if (rcanvas_init(&c, gap, CROSS_ROWS, 1) != 0)
            return -1;
        struct rpen pd, pu;
        /* The highlighted edge wins the cells both lines pass. */
        rpen_init(&pd, down->style, down->style != RS_NORMAL ? 2 : 1, '\\');
        rpen_init(&pu, up->style, up->style != RS_NORMAL ? 2 : 1, '/');
        double xr = rcanvas_width(&c) - 1, yb = rcanvas_height(&c) - 1;
        rcanvas_line(&c, 0, 0, xr, yb, &pd);
        rcanvas_line(&c, 0, yb, xr, 0, &pu);
        rcanvas_blit(&c, g, a, top);
        rcanvas_fini(&c);
        return 0;
    }
    /* One character a row: row r of the down edge (and row
     * CROSS_ROWS - 1 - r of the up edge) at column a + r·(gap − 1)/8. */
    for (int r = 0; r < CROSS_ROWS; r++) {
        int col = a + (int)lround(r * (gap - 1) / (double)(CROSS_ROWS - 1));
        rgrid_put(g, col, top + r, '\\', down->style);
    }
    for (int r = 0; r < CROSS_ROWS; r++) {
        int col = a + (int)lround(r * (gap - 1) / (double)(CROSS_ROWS - 1));
        int row = top + CROSS_ROWS - 1 - r;
        struct rcell *c = rgrid_at(g, col, row);
        if (c && c->ch == '\\')
            rgrid_put(g, col, row, 'X',
                      up->style != RS_NORMAL ? up->style : c->style);
        else
            rgrid_put(g, col, row, '/', up->style);
    }
    return 0;
}

int rnet_draw(struct rgrid *g, int x, int y, int w, const struct rnet *n,
              const struct rglyphs *gs, struct rnet_frame *frame)
{
    if (w < rnet_min_width(n))
        return -1;
    int gap = (w - boxes_w(n)) / (RNET_LAYERS - 1);
    int top = y + note_rows(n, 0); /* row of the units 0 */
    int bottom = top + CROSS_ROWS + 1;
    int left[RNET_LAYERS], lw[RNET_LAYERS];
    for (int l = 0, col = x; l < RNET_LAYERS; l++) {
        left[l] = col;
        lw[l] = layer_w(n, l);
        col += lw[l] + gap;
    }
    struct rnet_frame f;
    memset(&f, 0, sizeof f);

    /* Edges first, so boxes drawn later are never cut by a line. */
    for (int l = 0; l + 1 < RNET_LAYERS; l++) {
        int a = left[l] + lw[l], b = left[l + 1];
        for (int u = 0; u < RNET_UNITS; u++) {
            const struct rnet_node *nd = &n->node[2 * l + u];
            const struct rnet_edge *e = &n->edge[4 * l + 3 * u];
            int row = u == 0 ? top : bottom;
            for (int c = left[l] + text_w(nd->label) + 2; c < b; c++)
                rgrid_put(g, c, row, gs->h, e->style);
            /* Straight edge label: above or below the middle of the gap. */
            int lab = text_w(e->label), max = gap - 2;
            int lx = a + (gap - (lab < max ? lab : max)) / 2;
            int ly = u == 0 ? top - 1 : bottom + 1;
            label(g, lx, ly, max, e->label, e->style);
            f.edge_x[4 * l + 3 * u] = lx;
            f.edge_y[4 * l + 3 * u] = ly;
        }
        const struct rnet_edge *down = &n->edge[4 * l + 2];
        const struct rnet_edge *up = &n->edge[4 * l + 1];
        if (draw_cross(g, a, gap, top + 1, down, up, gs) != 0)
            return -1;
        /* Crossing edge labels, right of where each edge leaves its
         * unit, clear of the other edge's end. */
        label(g, a + 2, top + 1, gap - 4, down->label, down->style);
        label(g, a + 2, bottom - 1, gap - 4, up->label, up->style);
        f.edge_x[4 * l + 2] = f.edge_x[4 * l + 1] = a + 2;
        f.edge_y[4 * l + 2] = top + 1;
        f.edge_y[4 * l + 1] = bottom - 1;
    }

    for (int l = 0; l < RNET_LAYERS; l++) {
        for (int u = 0; u < RNET_UNITS; u++) {
            const struct rnet_node *nd = &n->node[2 * l + u];
            int row = u == 0 ? top : bottom;
            int c = left[l];
            c += rgrid_print(g, c, row, "[", nd->style);
            if (nd->label)
                c += rgrid_print(g, c, row, nd->label, nd->style);
            rgrid_print(g, c, row, "]", nd->style);
            /* A note may reach past its box up to the label of the
             * straight edge on its side (or the right edge). */
            int room = x + w - left[l];
            if (l + 1 < RNET_LAYERS)
                room = f.edge_x[4 * l + 3 * u] - 1 - left[l];
            for (int k = 0; k < RNET_NOTES; k++)
                label(g, left[l], u == 0 ? top - 1 - k : bottom + 1 + k, room,
                      nd->note[k], nd->style);
            f.node_x[2 * l + u] = left[l];
            f.node_y[2 * l + u] = row;
            f.node_w[2 * l + u] = text_w(nd->label) + 2;
        }
    }
    int sx = left[RNET_LAYERS - 1] + lw[RNET_LAYERS - 1] + 2;
    for (int u = 0; u < RNET_UNITS; u++)
        label(g, sx, u == 0 ? top : bottom, x + w - sx, n->side[u],
              n->side_style[u]);
    if (frame)
        *frame = f;
    return rnet_height(n);
}
