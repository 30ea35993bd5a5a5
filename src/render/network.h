/*
 * Network diagrams: layers of units as columns, every unit joined to
 * every unit of the next layer, with labels and values on units and
 * weights on edges, one unit or edge highlighted (the one a walkthrough
 * line is about, or the one under the cursor).
 *
 *   (x1)---W1--------(h1)---W5--------(o1) 0.01
 *         \W3   ///        \W7   ///
 *            ///              ///
 *         /W2   \\\        /W6   \\\
 *   (x2)---W4--------(h2)---W8--------(o2) 0.99
 *
 * Edges are braille lines (or '-', '/', '\', '|' in ASCII), drawn under
 * the labels; an edge label sits 30% of the way from its source, so the
 * labels of a unit's edges land on different rows when units are at
 * least four rows apart.
 */
#ifndef RENDER_NETWORK_H
#define RENDER_NETWORK_H

#include "render/glyphs.h"
#include "render/grid.h"

struct rnet_unit {
    const char *label; /* shown as "(label)", UTF-8 */
    const char *value; /* a second line under it, or NULL */
};

struct rnet {
    int nlayers;
    const int *sizes; /* units per layer */
    /* All units, layer after layer (not owned). Unit k of the whole
     * network is units[k]. */
    const struct rnet_unit *units;
    /* Edge labels or NULL: edges from layer l to l + 1 in source-major
     * order (source i, target j at i * sizes[l + 1] + j), the blocks of
     * the layers one after another. Entries may be NULL. */
    const char *const *edge_labels;
    /* Text right of each unit of the last layer (targets), or NULL. */
    const char *const *side_labels;
    int hl_unit; /* unit index (as in units) in RS_HIGHLIGHT, -1 none */
    int hl_edge; /* edge index (as in edge_labels) highlighted, -1 none */
};

/* No layers, no labels, nothing highlighted. */
void rnet_init(struct rnet *n);

/* Draw into the box (x, y, w, h): layer columns spread over the width,
 * units spread over the height. Returns the rows used, or -1 when the box
 * is too small (under 3 columns between layers, or fewer rows than units
 * times their height) or the description is invalid; nothing is drawn
 * then. */
int rnet_draw(struct rgrid *g, int x, int y, int w, int h, const struct rnet *n,
              const struct rglyphs *gs);

#endif
