/* Network diagrams: layout of units and edges worked out by hand for
 * small networks (ASCII and braille), edge label placement, values, side
 * labels, highlights, and boxes too small. */
#include "check_helpers.h"
#include "render/network.h"
#include "render_helpers.h"

static const int sizes22[2] = {2, 2};
static const struct rnet_unit units22[4] = {
    {"x1", NULL}, {"x2", NULL}, {"h1", NULL}, {"h2", NULL}};

static struct rnet net22(void)
{
    struct rnet n;
    rnet_init(&n);
    n.nlayers = 2;
    n.sizes = sizes22;
    n.units = units22;
    return n;
}

START_TEST(test_ascii_2_2)
{
    /* 14 x 6 box: columns "(x1)" 0-3 and "(h1)" 10-13 (gap 6); pitch
     * 6 / 2 = 3 rows, units on rows 1 and 4. Edges run from column 4 to
     * column 9. x1 -> h2 goes (4,1) to (9,4): y = 1 + 0.6 (x - 4) rounds
     * to 1 2 2 3 3 4 ('\'); x2 -> h1 mirrors it ('/'). The level edges
     * are drawn last, so they own the shared end cells. */
    struct rnet n = net22();
    struct rgrid g;
    rgrid_init(&g, 14, 6);
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 14, 6, &n, rglyphs_get(RGLYPH_ASCII)),
                     6);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "\n"
                        "(x1)------(h1)\n"
                        "     \\\\//\n"
                        "     //\\\\\n"
                        "(x2)------(h2)\n");
    free(s);
    ck_assert_uint_eq(rgrid_at(&g, 0, 1)->style, RS_BOLD);
    ck_assert_uint_eq(rgrid_at(&g, 5, 1)->style, RS_DIM);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_edge_labels_and_highlight)
{
    /* Labels 30% of the way from the source: column 4 + 0.3 * 5 = 5.5,
     * minus half the width 1, so column 5; rows 1, 1 + 0.3 * 3 = 1.9 -> 2,
     * 4 - 0.9 = 3.1 -> 3, and 4. Edge order: x1->h1, x1->h2, x2->h1,
     * x2->h2. The highlighted edge x1->h2 is stronger than the level
     * edges, so it keeps its end cells (4,1) and (9,4). */
    const char *labels[4] = {"a", "b", "c", "d"};
    struct rnet n = net22();
    struct rgrid g;
    n.edge_labels = labels;
    n.hl_edge = 1;
    n.hl_unit = 3;
    rgrid_init(&g, 14, 6);
    rnet_draw(&g, 0, 0, 14, 6, &n, rglyphs_get(RGLYPH_ASCII));
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "\n"
                        "(x1)\\a----(h1)\n"
                        "     b\\//\n"
                        "     c/\\\\\n"
                        "(x2)-d---\\(h2)\n");
    free(s);
    /* The highlighted edge x1 -> h2 and its label; the highlighted unit. */
    ck_assert_uint_eq(rgrid_at(&g, 5, 2)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 6, 2)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 8, 3)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 7, 2)->style, RS_DIM);
    ck_assert_uint_eq(rgrid_at(&g, 5, 3)->style, RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 10, 4)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 10, 1)->style, RS_BOLD);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_braille_edge)
{
    /* One edge "(a)" -> "(b)" in 12 columns: from dot column 3 * 2 = 6 to
     * 8 * 2 + 1 = 17 through dot row 1.5 -> 2, i.e. dots 3 and 6 of cells
     * 3..8: U+2824. */
    const int sizes[2] = {1, 1};
    const struct rnet_unit u[2] = {{"a", NULL}, {"b", NULL}};
    struct rnet n;
    struct rgrid g;
    rnet_init(&n);
    n.nlayers = 2;
    n.sizes = sizes;
    n.units = u;
    rgrid_init(&g, 12, 1);
    ck_assert_int_eq(
        rnet_draw(&g, 0, 0, 12, 1, &n, rglyphs_get(RGLYPH_UNICODE)), 1);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "(a)⠤⠤⠤⠤⠤⠤(b)\n");
    free(s);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_values_and_side_labels)
{
    /* 1 -> 1 with values and a target: column widths max("(x)", "0.5")
     * = 3 and max("(y)", "0.62246") = 7; side label 6 + 1. In 24
     * columns the gap is 24 - 3 - 7 - 7 = 7: layer 1 at column 10, its
     * "(y)" centred at 12; the target at 10 + 7 + 1 = 18. */
    const int sizes[2] = {1, 1};
    const struct rnet_unit u[2] = {{"x", "0.5"}, {"y", "0.62246"}};
    const char *side[1] = {"t=0.75"};
    struct rnet n;
    struct rgrid g;
    char row[64];
    rnet_init(&n);
    n.nlayers = 2;
    n.sizes = sizes;
    n.units = u;
    n.side_labels = side;
    rgrid_init(&g, 24, 2);
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 24, 2, &n, rglyphs_get(RGLYPH_ASCII)),
                     2);
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row),
                     "(x)---------(y)   t=0.75");
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "0.5       0.62246");
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_too_small_or_invalid)
{
    struct rnet n = net22();
    struct rgrid g;
    rgrid_init(&g, 20, 10);
    /* 10 columns leave a gap of 2 < 3; 1 row cannot hold 2 units. */
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 10, 6, &n, rglyphs_get(RGLYPH_ASCII)),
                     -1);
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 14, 1, &n, rglyphs_get(RGLYPH_ASCII)),
                     -1);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, ""); /* nothing drawn */
    free(s);
    const int bad[2] = {2, 0};
    n.sizes = bad;
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 20, 10, &n, rglyphs_get(RGLYPH_ASCII)),
                     -1);
    n = net22();
    n.nlayers = 0;
    ck_assert_int_eq(rnet_draw(&g, 0, 0, 20, 10, &n, rglyphs_get(RGLYPH_ASCII)),
                     -1);
    /* Off the grid's edges: clipped, no crash. */
    n = net22();
    ck_assert_int_eq(
        rnet_draw(&g, -6, -3, 30, 12, &n, rglyphs_get(RGLYPH_UNICODE)), 12);
    ck_assert_int_eq(
        rnet_draw(&g, 15, 8, 30, 12, &n, rglyphs_get(RGLYPH_NARROW)), 12);
    rgrid_fini(&g);
}
END_TEST

static Suite *network_suite(void)
{
    Suite *s = suite_create("render-network");
    TCase *tc = tcase_create("network");
    tcase_add_test(tc, test_ascii_2_2);
    tcase_add_test(tc, test_edge_labels_and_highlight);
    tcase_add_test(tc, test_braille_edge);
    tcase_add_test(tc, test_values_and_side_labels);
    tcase_add_test(tc, test_too_small_or_invalid);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(network_suite)
