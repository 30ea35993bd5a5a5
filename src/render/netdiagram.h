/*
 * A diagram of a small fully connected network: three layers of two
 * units each (inputs, hidden units, outputs), every unit of a layer
 * joined to both units of the next, drawn into a cell grid with a text on
 * every node and every edge.
 *
 * The layout, for a width w (here 2-2-2 with the backprop lesson's
 * labels, ASCII glyphs):
 *
 *                   W1 0.3              z1 0.08           W5 0.45
 *     [x1 0.1]-----------------[h1 0.51998934]-------------[o1 ...]  t1 0.4
 *             \  W3 0.4       /               \  W7 0.7    /
 *               \           /                   \        /
 *                  ...  X  ...                      X
 *               /           \                   /        \
 *             /  W2 0.25      \               /  W6 0.4    \
 *     [x2 0.2]-----------------[h2 0.52747230]-------------[o2 ...]  t2 0.6
 *                   W4 0.35             z2 0.11           W8 0.6
 *
 * The first unit of each layer is on the top row, the second on the
 * bottom row, nine rows below. Straight edges (unit 1 to unit 1, unit 2
 * to unit 2) are labelled above (top) or below (bottom) their middle;
 * crossing edges are labelled next to where they leave their unit. A
 * node's notes stack outwards from its box: above a top node, below a
 * bottom one, and may be wider than the box up to the label of the
 * straight edge beside them. Side texts (the targets) stand right of the
 * outputs.
 *
 * Crossing edges are braille lines when the glyph set allows braille,
 * else '\', '/' and 'X' where they cross. Styles are given per node and
 * per edge, so a caller highlights what a step is about.
 */
#ifndef RENDER_NETDIAGRAM_H
#define RENDER_NETDIAGRAM_H

#include "render/glyphs.h"
#include "render/grid.h"

#define RNET_LAYERS 3
#define RNET_UNITS 2
/* Node 2l + j is unit j of layer l. */
#define RNET_NODES (RNET_LAYERS * RNET_UNITS)
/* Edge 4l + 2j + i joins unit i of layer l to unit j of layer l + 1 (the
 * order of W1..W8 in z1 = W1·x1 + W2·x2, z2 = W3·x1 + W4·x2, ...). */
#define RNET_EDGES ((RNET_LAYERS - 1) * RNET_UNITS * RNET_UNITS)
#define RNET_NOTES 2

struct rnet_node {
    const char *label;            /* inside the box; NULL draws "[]" */
    const char *note[RNET_NOTES]; /* nearest the box first; NULL: none */
    int style;                    /* enum rstyle of the box and notes */
};

struct rnet_edge {
    const char *label; /* NULL: no label */
    int style;         /* enum rstyle of the line and its label */
};

/* Strings are not owned; they must live while rnet_draw runs. */
struct rnet {
    struct rnet_node node[RNET_NODES];
    struct rnet_edge edge[RNET_EDGES];
    const char *side[RNET_UNITS]; /* right of output unit j; NULL: none */
    int side_style[RNET_UNITS];
};

/* Where a drawn diagram put its nodes, for callers that point at them. */
struct rnet_frame {
    int node_x[RNET_NODES], node_y[RNET_NODES], node_w[RNET_NODES];
    int edge_x[RNET_EDGES], edge_y[RNET_EDGES]; /* label start */
};

/* A diagram with no texts, every style RS_NORMAL. */
void rnet_init(struct rnet *n);

/* Rows the diagram takes: 11 plus the note rows above and below (at
 * least one each, for the straight edges' labels). */
int rnet_height(const struct rnet *n);

/* Columns needed for the boxes, the side texts and the narrowest gaps
 * (six columns) between the layers. */
int rnet_min_width(const struct rnet *n);

/*
 * Draw n into g with its top-left corner at (x, y), in at most w columns;
 * the gaps between the layers share what the boxes leave. Labels longer
 * than their gap allows are cut. With frame not NULL, stores the layout.
 * Returns the rows used (rnet_height), or -1 when w is below
 * rnet_min_width or memory ran out (nothing drawn).
 */
int rnet_draw(struct rgrid *g, int x, int y, int w, const struct rnet *n,
              const struct rglyphs *gs, struct rnet_frame *frame);

#endif
