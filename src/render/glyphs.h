/*
 * Glyph sets: which characters widgets may use for boxes, bars, plots and
 * images.
 *
 * Box-drawing (U+2500...) and block elements (U+2580...) are East Asian
 * *ambiguous width*: many Korean and CJK terminals draw them two cells
 * wide, which tears every box and bar apart. Braille patterns (U+2800...)
 * are neutral, one cell everywhere. So there are three sets:
 *
 *   RGLYPH_UNICODE  box drawing, block elements, braille: the default.
 *   RGLYPH_NARROW   for terminals that make ambiguous characters wide:
 *                   ASCII boxes and axes, braille for plots, bars and
 *                   images (braille is safe).
 *   RGLYPH_ASCII    printable ASCII only (--ascii, non-UTF-8 terminals).
 *
 * The sets are constant tables; widgets receive a pointer and never test
 * the terminal themselves.
 */
#ifndef RENDER_GLYPHS_H
#define RENDER_GLYPHS_H

#include <stdint.h>

enum rglyph_kind {
    RGLYPH_UNICODE = 0,
    RGLYPH_NARROW,
    RGLYPH_ASCII,
};

struct rglyphs {
    enum rglyph_kind kind;
    int braille; /* braille dot patterns allowed (plots, images) */
    /* Lines and box corners/junctions: horizontal, vertical, top-left,
     * top-right, bottom-left, bottom-right, tee pointing down (top edge),
     * up (bottom edge), right (left edge), left (right edge), cross. */
    uint32_t h, v, tl, tr, bl, br, tdown, tup, tright, tleft, cross;
    /* Horizontal bar fill: bar[k] covers k/bar_steps of a cell from the
     * left, bar[0] is a blank and bar[bar_steps] a full cell. */
    int bar_steps;
    uint32_t bar[9];
};

/* The glyph set of a kind (an invalid kind gives the ASCII set). The
 * returned table is static: do not free. */
const struct rglyphs *rglyphs_get(enum rglyph_kind kind);

#endif
