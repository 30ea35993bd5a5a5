/*
 * Heat maps (see heatmap.h). Half blocks: the nearest of seven glyphs to
 * a cell's two pixels. Braille dither: the dots of one pixel light
 * in the order top-left, bottom-right, top-right, bottom-left, so level 2
 * is a diagonal pair and the texture stays even as the level grows.
 */
#include "render/heatmap.h"

#include <math.h>
#include <string.h>

/* Dot bits of the top pixel (braille rows 0-1) for each level, in the
 * order above: dots 1, 5, 4, 2 = 0x01, 0x10, 0x08, 0x02. The bottom pixel
 * (rows 2-3) uses dots 3, 8, 6, 7 = 0x04, 0x80, 0x20, 0x40. */
static const uint8_t top_bits[RHEAT_BRAILLE_LEVELS] = {0x00, 0x01, 0x11, 0x19,
                                                       0x1B};
static const uint8_t bottom_bits[RHEAT_BRAILLE_LEVELS] = {0x00, 0x04, 0x84,
                                                          0xA4, 0xE4};

/* The half-block glyphs and the ink they put on the top and the bottom
 * pixel, in quarters. On a tie the earlier one wins: a pixel pair as near
 * to a half block as to a shade gets the crisper half block. */
static const struct {
    uint32_t ch;
    int top, bottom;
} blocks[] = {
    {' ', 0, 0},    {0x2580, 4, 0}, {0x2584, 0, 4}, {0x2588, 4, 4},
    {0x2591, 1, 1}, {0x2592, 2, 2}, {0x2593, 3, 3},
};

/* v on [lo, hi] as ink 0..1, clamped; non-finite is dark. */
static double ink(double v, double lo, double hi)
{
    if (!isfinite(v))
        return 0;
    double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    return t < 0 ? 0 : t > 1 ? 1 : t;
}

/* The block glyph nearest to inks (t, b). */
static uint32_t nearest_block(double t, double b)
{
    uint32_t best = ' ';
    double best_d = INFINITY;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        double dt = t - blocks[i].top / 4.0, db = b - blocks[i].bottom / 4.0;
        double d = dt * dt + db * db;
        if (d < best_d) {
            best_d = d;
            best = blocks[i].ch;
        }
    }
    return best;
}

int rheat_width(const struct rheat *h)
{
    return h->cols > 0 && h->rows > 0 ? h->cols : 0;
}

int rheat_height(const struct rheat *h)
{
    return h->cols > 0 && h->rows > 0 ? (h->rows + 1) / 2 : 0;
}

int rheat_level(double v, double lo, double hi, int levels)
{
    if (!isfinite(v) || levels <= 1)
        return 0;
    double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    int k = (int)floor(t * levels);
    return k < 0 ? 0 : k >= levels ? levels - 1 : k;
}

/* The value range: given, or the data's finite min and max. */
static void value_range(const struct rheat *h, double *lo, double *hi)
{
    *lo = h->lo;
    *hi = h->hi;
    if (isfinite(*lo) && isfinite(*hi))
        return;
    double mn = INFINITY, mx = -INFINITY;
    for (long i = 0; i < (long)h->rows * h->cols; i++) {
        if (isfinite(h->v[i])) {
            mn = fmin(mn, h->v[i]);
            mx = fmax(mx, h->v[i]);
        }
    }
    if (!isfinite(*lo))
        *lo = isfinite(mn) ? mn : 0.0;
    if (!isfinite(*hi))
        *hi = isfinite(mx) ? mx : 1.0;
}

void rheat_draw(struct rgrid *g, int x, int y, const struct rheat *h,
                const struct rglyphs *gs)
{
    static const char ramp[] = RHEAT_ASCII_RAMP;
    const int ramp_levels = (int)strlen(ramp);
    double lo, hi;
    if (rheat_width(h) == 0)
        return;
    value_range(h, &lo, &hi);
    for (int r = 0; r < h->rows; r += 2) {
        const double *top = h->v + (long)r * h->cols;
        const double *bot = r + 1 < h->rows ? top + h->cols : NULL;
        for (int c = 0; c < h->cols; c++) {
            uint32_t ch;
            if (h->halfblock && gs->kind == RGLYPH_UNICODE) {
                ch = nearest_block(ink(top[c], lo, hi),
                                   bot ? ink(bot[c], lo, hi) : 0);
            } else if (gs->braille) {
                int lt = rheat_level(top[c], lo, hi, RHEAT_BRAILLE_LEVELS);
                int lb =
                    bot ? rheat_level(bot[c], lo, hi, RHEAT_BRAILLE_LEVELS) : 0;
                int bits = top_bits[lt] | bottom_bits[lb];
                ch = bits ? 0x2800u + (uint32_t)bits : ' ';
            } else {
                /* The mean of the pair, a non-finite pixel counting as
                 * dark (lo). */
                double t = isfinite(top[c]) ? top[c] : lo;
                double v = t;
                if (bot)
                    v = (t + (isfinite(bot[c]) ? bot[c] : lo)) / 2;
                ch = (uint32_t)ramp[rheat_level(v, lo, hi, ramp_levels)];
            }
            rgrid_put(g, x + c, y + r / 2, ch, RS_NORMAL);
        }
    }
}
