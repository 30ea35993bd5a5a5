/* The three glyph sets (see glyphs.h for when each is used). */
#include "render/glyphs.h"

static const struct rglyphs unicode_set = {
    .kind = RGLYPH_UNICODE,
    .braille = 1,
    /* ─ │ ┌ ┐ └ ┘ ┬ ┴ ├ ┤ ┼ */
    .h = 0x2500,
    .v = 0x2502,
    .tl = 0x250C,
    .tr = 0x2510,
    .bl = 0x2514,
    .br = 0x2518,
    .tdown = 0x252C,
    .tup = 0x2534,
    .tright = 0x251C,
    .tleft = 0x2524,
    .cross = 0x253C,
    /* Left one-eighth block U+258F down to the left seven-eighths U+2589,
     * then the full block U+2588. */
    .bar_steps = 8,
    .bar = {' ', 0x258F, 0x258E, 0x258D, 0x258C, 0x258B, 0x258A, 0x2589,
            0x2588},
};

static const struct rglyphs narrow_set = {
    .kind = RGLYPH_NARROW,
    .braille = 1,
    .h = '-',
    .v = '|',
    .tl = '+',
    .tr = '+',
    .bl = '+',
    .br = '+',
    .tdown = '+',
    .tup = '+',
    .tright = '+',
    .tleft = '+',
    .cross = '+',
    /* Braille: the left dot column (dots 1, 2, 3, 7 = U+2847) is half a
     * cell, all eight dots (U+28FF) a full one. */
    .bar_steps = 2,
    .bar = {' ', 0x2847, 0x28FF},
};

static const struct rglyphs ascii_set = {
    .kind = RGLYPH_ASCII,
    .braille = 0,
    .h = '-',
    .v = '|',
    .tl = '+',
    .tr = '+',
    .bl = '+',
    .br = '+',
    .tdown = '+',
    .tup = '+',
    .tright = '+',
    .tleft = '+',
    .cross = '+',
    .bar_steps = 1,
    .bar = {' ', '#'},
};

const struct rglyphs *rglyphs_get(enum rglyph_kind kind)
{
    switch (kind) {
    case RGLYPH_UNICODE:
        return &unicode_set;
    case RGLYPH_NARROW:
        return &narrow_set;
    case RGLYPH_ASCII:
        break;
    }
    return &ascii_set;
}
