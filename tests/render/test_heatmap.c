/* Heat maps: sizes, grey levels, braille dither bits against Unicode's
 * named patterns, the ASCII ramp on averaged pixel pairs. */
#include "check_helpers.h"
#include "render/heatmap.h"
#include "render_helpers.h"

START_TEST(test_sizes)
{
    double v[28 * 28] = {0};
    struct rheat h = {v, 28, 28, 0, 1, 0};
    ck_assert_int_eq(rheat_width(&h), 28);
    ck_assert_int_eq(rheat_height(&h), 14); /* two image rows a cell */
    h.rows = 3;
    ck_assert_int_eq(rheat_height(&h), 2);
    h.rows = 0;
    ck_assert_int_eq(rheat_width(&h), 0);
    ck_assert_int_eq(rheat_height(&h), 0);
}
END_TEST

START_TEST(test_levels)
{
    /* Five equal bins over [0, 1]: [0, .2) [.2, .4) ... [.8, 1]. */
    ck_assert_int_eq(rheat_level(0.0, 0, 1, 5), 0);
    ck_assert_int_eq(rheat_level(0.19, 0, 1, 5), 0);
    ck_assert_int_eq(rheat_level(0.2, 0, 1, 5), 1);
    ck_assert_int_eq(rheat_level(0.5, 0, 1, 5), 2);
    ck_assert_int_eq(rheat_level(1.0, 0, 1, 5), 4);
    ck_assert_int_eq(rheat_level(7.0, 0, 1, 5), 4);
    ck_assert_int_eq(rheat_level(-3.0, 0, 1, 5), 0);
    ck_assert_int_eq(rheat_level(NAN, 0, 1, 5), 0);
    /* Signed weights: zero is the middle of [-1, 1]. */
    ck_assert_int_eq(rheat_level(0.0, -1, 1, 5), 2);
    ck_assert_int_eq(rheat_level(0.0, -1, 1, 10), 5);
    /* A flat range shows mid grey. */
    ck_assert_int_eq(rheat_level(3.0, 3, 3, 5), 2);
}
END_TEST

START_TEST(test_braille_dither)
{
    /* 2 x 2 image {0, 1; 0.5, 0.25}, range [0, 1]:
     * column 0: top 0 -> level 0, bottom 0.5 -> level 2 = dots 3 and 8
     * (0x04 + 0x80): U+2884.
     * column 1: top 1 -> level 4 = dots 1, 2, 4, 5 (U+281B), bottom 0.25
     * -> level 1 = dot 3 (0x04): 0x1B + 0x04 = U+281F. */
    double v[4] = {0, 1, 0.5, 0.25};
    struct rheat h = {v, 2, 2, 0, 1, 0};
    struct rgrid g;
    rgrid_init(&g, 2, 1);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x2884);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 0x281F);
    rgrid_clear(&g);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_NARROW));
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 0x281F);
    rgrid_fini(&g);

    /* Full brightness everywhere is all eight dots, U+28FF; darkness is
     * a blank. Odd row count: the last cell has only a top pixel. */
    double w[3] = {1, 0, 1};
    struct rheat col = {w, 3, 1, 0, 1, 0};
    rgrid_init(&g, 1, 2);
    rheat_draw(&g, 0, 0, &col, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x281B); /* 1 over 0 */
    ck_assert_uint_eq(rgrid_at(&g, 0, 1)->ch, 0x281B); /* 1, no bottom */
    double full[2] = {1, 1}, dark[2] = {0, 0};
    struct rheat f = {full, 2, 1, 0, 1, 0}, d = {dark, 2, 1, 0, 1, 0};
    rheat_draw(&g, 0, 0, &f, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x28FF);
    rheat_draw(&g, 0, 0, &d, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, ' ');
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_halfblocks)
{
    /* Range [0, 1], so a value is its ink. Each cell takes the glyph whose
     * (top, bottom) ink is nearest in squared distance: blank (0, 0),
     * upper half (1, 0), lower half (0, 1), full (1, 1), shades (1/4,
     * 1/4), (1/2, 1/2), (3/4, 3/4).
     * Columns 0-6 are those inks exactly (distance 0).
     * Column 7, (0.9, 0.2): upper half 0.01 + 0.04 = 0.05; the next,
     * medium shade, 0.16 + 0.09 = 0.25.
     * Column 8, (0.625, 0.125): upper half 0.375^2 + 0.125^2 = 0.15625,
     * light shade 0.375^2 + 0.125^2 = 0.15625, a tie (exact in binary):
     * the earlier, upper half, wins.
     * Column 9, (NaN, 1): NaN is dark, so lower half.
     * A lone last row is a top over nothing: 1 -> upper half. */
    const double nan = NAN;
    double v[3 * 10] = {0, 1, 0, 1, 0.25, 0.5, 0.75, 0.9, 0.625, nan,
                        0, 0, 1, 1, 0.25, 0.5, 0.75, 0.2, 0.125, 1,
                        1, 0, 0, 0, 0,    0,   0,    0,   0,     0};
    static const uint32_t want[10] = {' ',    0x2580, 0x2584, 0x2588, 0x2591,
                                      0x2592, 0x2593, 0x2580, 0x2580, 0x2584};
    struct rheat h = {v, 3, 10, 0, 1, 1};
    struct rgrid g;
    rgrid_init(&g, 10, 2);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_UNICODE));
    for (int c = 0; c < 10; c++)
        ck_assert_uint_eq(rgrid_at(&g, c, 0)->ch, want[c]);
    ck_assert_uint_eq(rgrid_at(&g, 0, 1)->ch, 0x2580);
    ck_assert_uint_eq(rgrid_at(&g, 1, 1)->ch, ' ');
    /* A signed range [-1, 1]: 0 is ink 1/2 (medium shade), 1 full ink. */
    double w[2] = {0, 1};
    struct rheat sgn = {w, 2, 1, -1, 1, 1};
    rheat_draw(&g, 0, 0, &sgn, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x2593); /* (1/2, 1): 3/4s */
    /* Block elements are ambiguous width: the narrow set keeps braille. */
    rgrid_clear(&g);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_NARROW));
    ck_assert_uint_ge(rgrid_at(&g, 1, 0)->ch, 0x2800);
    ck_assert_uint_le(rgrid_at(&g, 1, 0)->ch, 0x28FF);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_ascii_ramp)
{
    /* Same 2 x 2 image: column means 0.25 and 0.625 on the 10-level ramp
     * " .:-=+*#%@": floor(2.5) = 2 -> ':' and floor(6.25) = 6 -> '*'. */
    double v[4] = {0, 1, 0.5, 0.25};
    struct rheat h = {v, 2, 2, 0, 1, 0};
    struct rgrid g;
    char row[16];
    rgrid_init(&g, 2, 1);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_ASCII));
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row), ":*");
    rgrid_fini(&g);

    /* Automatic range from the data [2, 4]: 2 -> ' ', 4 -> '@', 3 ->
     * level 5 '+'; a NaN pixel counts as the darkest value. */
    double u[3] = {2, 4, 3}, n[2] = {NAN, 4};
    struct rheat a = {u, 1, 3, NAN, NAN, 0}, b = {n, 2, 1, 2, 4, 0};
    rgrid_init(&g, 3, 1);
    rheat_draw(&g, 0, 0, &a, rglyphs_get(RGLYPH_ASCII));
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, '@');
    ck_assert_uint_eq(rgrid_at(&g, 2, 0)->ch, '+');
    rheat_draw(&g, 0, 0, &b, rglyphs_get(RGLYPH_ASCII)); /* mean 3 */
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, '+');
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_shades_increase_and_clip)
{
    /* A horizontal gradient over 0..1: the number of lit dots never
     * decreases from left to right, and goes from 0 to 8. */
    double v[2 * 10];
    for (int r = 0; r < 2; r++)
        for (int c = 0; c < 10; c++)
            v[r * 10 + c] = c / 9.0;
    struct rheat h = {v, 2, 10, 0, 1, 0};
    struct rgrid g;
    rgrid_init(&g, 10, 1);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_UNICODE));
    int prev = 0;
    for (int c = 0; c < 10; c++) {
        uint32_t ch = rgrid_at(&g, c, 0)->ch;
        int dots = ch == ' ' ? 0 : __builtin_popcount(ch - 0x2800);
        ck_assert_int_ge(dots, prev);
        prev = dots;
    }
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, ' ');
    ck_assert_int_eq(prev, 8);
    /* Drawn off the grid's edges: clipped, no writes outside. */
    rheat_draw(&g, -5, 0, &h, rglyphs_get(RGLYPH_UNICODE));
    rheat_draw(&g, 8, -1, &h, rglyphs_get(RGLYPH_ASCII));
    rgrid_fini(&g);
    rgrid_init(&g, 0, 0);
    rheat_draw(&g, 0, 0, &h, rglyphs_get(RGLYPH_ASCII));
    rgrid_fini(&g);
}
END_TEST

static Suite *heatmap_suite(void)
{
    Suite *s = suite_create("render-heatmap");
    TCase *tc = tcase_create("heatmap");
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_levels);
    tcase_add_test(tc, test_braille_dither);
    tcase_add_test(tc, test_halfblocks);
    tcase_add_test(tc, test_ascii_ramp);
    tcase_add_test(tc, test_shades_increase_and_clip);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(heatmap_suite)
