/* Bar charts: lengths in cells and partial cells worked out by hand
 * (length = round(value / max * bar cells * steps per cell)), log scale,
 * highlight, and narrow boxes. */
#include "check_helpers.h"
#include "render/bars.h"
#include "render_helpers.h"

START_TEST(test_ascii_bars_golden)
{
    /* max = 1 (the largest value), values printed "0.50" etc. (4 wide),
     * labels 2 wide. In 17 columns: label 2, blank, baseline, 8 bar
     * cells, blank, value 4. Bars: 0.5 * 8 = 4, 0.25 * 8 = 2, 8, 0. */
    struct rbar v[4] = {
        {"a", 0.5, 0}, {"bb", 0.25, 0}, {"c", 1.0, 0}, {"d", 0.0, 0}};
    struct rbars b;
    struct rgrid g;
    rbars_init(&b);
    b.bars = v;
    b.n = 4;
    b.decimals = 2;
    rgrid_init(&g, 17, 4);
    ck_assert_int_eq(rbars_draw(&g, 0, 0, 17, &b, rglyphs_get(RGLYPH_ASCII)),
                     4);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "a  |####     0.50\n"
                        "bb |##       0.25\n"
                        "c  |######## 1.00\n"
                        "d  |         0.00\n");
    free(s);
    ck_assert_uint_eq(rgrid_at(&g, 4, 0)->style, RS_SERIES1);
    ck_assert_uint_eq(rgrid_at(&g, 3, 0)->style, RS_AXIS);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_partial_cells)
{
    /* 0.3 of 8 cells: unicode 0.3 * 64 = 19.2 -> 19 eighths = 2 full
     * blocks and 3/8 (U+258D); narrow 0.3 * 16 = 4.8 -> 5 halves = 2 full
     * braille cells (U+28FF) and the left column (U+2847); ASCII 2.4 -> 2
     * '#'. No labels: baseline at column 0, bars from column 1. */
    struct rbar v[2] = {{NULL, 0.3, 0}, {NULL, 1.0, 0}};
    struct rbars b;
    rbars_init(&b);
    b.bars = v;
    b.n = 2;
    b.decimals = 1; /* "0.3", "1.0": 3 wide; 8 = 13 - 3 - 2 bar cells */
    const uint32_t want[3][4] = {{0x2588, 0x2588, 0x258D, ' '},
                                 {0x28FF, 0x28FF, 0x2847, ' '},
                                 {'#', '#', ' ', ' '}};
    for (int k = 0; k < 3; k++) {
        struct rgrid g;
        rgrid_init(&g, 13, 2);
        rbars_draw(&g, 0, 0, 13, &b, rglyphs_get((enum rglyph_kind)k));
        for (int c = 0; c < 4; c++)
            ck_assert_uint_eq(rgrid_at(&g, 1 + c, 0)->ch, want[k][c]);
        ck_assert_uint_eq(rgrid_at(&g, 8, 1)->ch, k == 0   ? 0x2588u
                                                  : k == 1 ? 0x28FFu
                                                           : '#');
        ck_assert_uint_eq(rgrid_at(&g, 9, 1)->ch, ' ');
        ck_assert_uint_eq(rgrid_at(&g, 10, 0)->ch, '0');
        rgrid_fini(&g);
    }
}
END_TEST

START_TEST(test_log_scale)
{
    /* Magnitudes 1e-1, 1e-3, 1e-5: max 0.1 (log -1), empty bar at a
     * tenth of the smallest, 1e-6 (log -6). Fractions: 1, (6-3)/5 = 0.6,
     * (6-5)/5 = 0.2 of 10 cells: 10, 6, 2. Values "%.3g". */
    struct rbar v[3] = {{"L1", 1e-1, 0}, {"L2", 1e-3, 0}, {"L3", 1e-5, 0}};
    struct rbars b;
    struct rgrid g;
    rbars_init(&b);
    b.bars = v;
    b.n = 3;
    b.logx = 1;
    b.decimals = -1;
    b.highlight = 2;
    /* 2 + 1 + 1 + 10 + 1 + 5 ("1e-05") = 20 columns. */
    rgrid_init(&g, 20, 3);
    rbars_draw(&g, 0, 0, 20, &b, rglyphs_get(RGLYPH_ASCII));
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "L1 |##########   0.1\n"
                        "L2 |######     0.001\n"
                        "L3 |##         1e-05\n");
    free(s);
    ck_assert_uint_eq(rgrid_at(&g, 4, 2)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 0, 2)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 4, 1)->style, RS_SERIES1);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_given_max_and_odd_values)
{
    /* max given as 2: 1.0 fills half of 8 cells; values above max are
     * clamped to a full bar; negative, NaN and zero draw no bar. */
    struct rbar v[4] = {
        {"x", 1.0, RS_SERIES2}, {"y", 5.0, 0}, {"z", -1.0, 0}, {"w", NAN, 0}};
    struct rbars b;
    struct rgrid g;
    rbars_init(&b);
    b.bars = v;
    b.n = 4;
    b.max = 2.0;
    b.decimals = 0;        /* "1" "5" "-1" "nan": 3 wide */
    rgrid_init(&g, 15, 4); /* 15 - 1 - 3 - 3 = 8 bar cells */
    rbars_draw(&g, 0, 0, 15, &b, rglyphs_get(RGLYPH_ASCII));
    char row[64];
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row), "x |####       1");
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "y |########   5");
    ck_assert_str_eq(grid_row(&g, 2, row, sizeof row), "z |          -1");
    ck_assert_str_eq(grid_row(&g, 3, row, sizeof row), "w |         nan");
    ck_assert_uint_eq(rgrid_at(&g, 3, 0)->style, RS_SERIES2);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_narrow_boxes_stay_inside)
{
    struct rbar v[2] = {{"a rather long label", 0.7, 0}, {"짧은", 0.2, 0}};
    struct rbars b;
    rbars_init(&b);
    b.bars = v;
    b.n = 2;
    for (int w = 0; w <= 24; w++) {
        struct rgrid g;
        rgrid_init(&g, 26, 2);
        for (int x = 0; x < 26; x++) {
            rgrid_put(&g, x, 0, '#', RS_NORMAL);
            rgrid_put(&g, x, 1, '#', RS_NORMAL);
        }
        for (int x = 1; x < 1 + w; x++) {
            rgrid_put(&g, x, 0, ' ', RS_NORMAL);
            rgrid_put(&g, x, 1, ' ', RS_NORMAL);
        }
        rbars_draw(&g, 1, 0, w, &b, rglyphs_get(RGLYPH_UNICODE));
        for (int x = 1 + w; x < 26; x++)
            ck_assert_uint_eq(rgrid_at(&g, x, 0)->ch, '#');
        ck_assert_uint_eq(rgrid_at(&g, 0, 1)->ch, '#');
        rgrid_fini(&g);
    }
    /* In a wide box the value column stays right-aligned to the box. */
    struct rgrid g;
    rgrid_init(&g, 40, 2);
    rbars_draw(&g, 0, 0, 40, &b, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 39, 0)->ch, '0'); /* "0.700" */
    ck_assert_uint_eq(rgrid_at(&g, 39, 1)->ch, '0'); /* "0.200" */
    rgrid_fini(&g);
}
END_TEST

static Suite *bars_suite(void)
{
    Suite *s = suite_create("render-bars");
    TCase *tc = tcase_create("bars");
    tcase_add_test(tc, test_ascii_bars_golden);
    tcase_add_test(tc, test_partial_cells);
    tcase_add_test(tc, test_log_scale);
    tcase_add_test(tc, test_given_max_and_odd_values);
    tcase_add_test(tc, test_narrow_boxes_stay_inside);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(bars_suite)
