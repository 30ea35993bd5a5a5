/* Tables: column widths by display width, automatic alignment (numbers
 * right), borders from each glyph set, no borders, highlights, sizes. */
#include "check_helpers.h"
#include "render/table.h"
#include "render_helpers.h"

static const char *const header[2] = {"name", "value"};
static const char *const body[4] = {"w1", "0.5", "bias", "-12.25"};

static struct rtable small_table(void)
{
    struct rtable t;
    rtable_init(&t);
    t.rows = 2;
    t.cols = 2;
    t.header = header;
    t.cells = body;
    return t;
}

START_TEST(test_numbers_recognised)
{
    const char *yes[] = {"12", "-0.5", "1e-3",   "3.",
                         ".5", "50%",  "+2E+10", "0.00000001"};
    const char *no[] = {"",      "-",     ".",    "1e",   "abc",
                        "1.2.3", "1,000", "0x10", "5 kg", "e5"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        ck_assert_msg(rtable_is_number(yes[i]), "%s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        ck_assert_msg(!rtable_is_number(no[i]), "%s", no[i]);
}
END_TEST

START_TEST(test_ascii_box)
{
    /* Column widths 4 ("name", "bias") and 6 ("-12.25"); the value column
     * holds numbers only, so it and its header are right-aligned. */
    struct rtable t = small_table();
    struct rgrid g;
    rgrid_init(&g, 20, 8);
    ck_assert_int_eq(rtable_width(&t), 17); /* 4 + 6 + 3 * 2 + 1 */
    ck_assert_int_eq(rtable_height(&t), 6);
    ck_assert_int_eq(rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII)), 6);
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "+------+--------+\n"
                        "| name |  value |\n"
                        "+------+--------+\n"
                        "| w1   |    0.5 |\n"
                        "| bias | -12.25 |\n"
                        "+------+--------+\n");
    free(s);
    ck_assert_uint_eq(rgrid_at(&g, 2, 1)->style, RS_BOLD);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->style, RS_DIM);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_unicode_box_and_none)
{
    struct rtable t = small_table();
    struct rgrid g;
    rgrid_init(&g, 20, 8);
    rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_UNICODE));
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "┌──────┬────────┐\n"
                        "│ name │  value │\n"
                        "├──────┼────────┤\n"
                        "│ w1   │    0.5 │\n"
                        "│ bias │ -12.25 │\n"
                        "└──────┴────────┘\n");
    free(s);
    /* Without borders: two blanks between columns, a rule under the
     * header. 4 + 2 + 6 = 12 wide, 4 rows. */
    t.border = 0;
    rgrid_clear(&g);
    ck_assert_int_eq(rtable_width(&t), 12);
    ck_assert_int_eq(rtable_height(&t), 4);
    ck_assert_int_eq(rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII)), 4);
    s = grid_text(&g);
    ck_assert_str_eq(s, "name   value\n"
                        "----  ------\n"
                        "w1       0.5\n"
                        "bias  -12.25\n");
    free(s);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_hangul_alignment)
{
    /* Widths: 이름 4, 가중치 6, b 1 -> 6; 값 2, 0.5 3, -1 2 -> 3. */
    const char *const h[2] = {"이름", "값"};
    const char *const c[4] = {"가중치", "0.5", "b", "-1"};
    struct rtable t;
    rtable_init(&t);
    t.rows = 2;
    t.cols = 2;
    t.header = h;
    t.cells = c;
    struct rgrid g;
    rgrid_init(&g, 20, 6);
    ck_assert_int_eq(rtable_width(&t), 16);
    rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_NARROW));
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "+--------+-----+\n"
                        "| 이름   |  값 |\n"
                        "+--------+-----+\n"
                        "| 가중치 | 0.5 |\n"
                        "| b      |  -1 |\n"
                        "+--------+-----+\n");
    free(s);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_alignment_override_and_empty)
{
    /* Explicit alignments win; a column of numbers and blanks is still a
     * number column; NULL cells are empty. */
    const char *const c[6] = {"a", "1", NULL, "bb", NULL, "x"};
    const enum ralign al[3] = {RALIGN_RIGHT, RALIGN_AUTO, RALIGN_CENTER};
    struct rtable t;
    rtable_init(&t);
    t.rows = 2;
    t.cols = 3;
    t.cells = c;
    t.align = al;
    t.border = 0;
    struct rgrid g;
    char row[64];
    rgrid_init(&g, 20, 3);
    /* Widths 2, 1, 1: "  a  1  " then " bb     x". */
    ck_assert_int_eq(rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII)), 2);
    ck_assert_str_eq(grid_row(&g, 0, row, sizeof row), " a  1");
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "bb     x");
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_highlight_row_and_cell)
{
    struct rtable t = small_table();
    struct rgrid g;
    rgrid_init(&g, 20, 8);
    t.hl_row = 1;
    rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII));
    /* Row "| bias | -12.25 |" is grid row 4: cells between the borders
     * are highlighted, the borders are not. */
    for (int x = 1; x <= 6; x++)
        ck_assert_uint_eq(rgrid_at(&g, x, 4)->style, RS_HIGHLIGHT);
    for (int x = 8; x <= 15; x++)
        ck_assert_uint_eq(rgrid_at(&g, x, 4)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 0, 4)->style, RS_DIM);
    ck_assert_uint_eq(rgrid_at(&g, 7, 4)->style, RS_DIM);
    ck_assert_uint_eq(rgrid_at(&g, 2, 3)->style, RS_NORMAL);
    /* One cell only: row 0, column 1. */
    rgrid_clear(&g);
    t.hl_row = 0;
    t.hl_col = 1;
    rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII));
    ck_assert_uint_eq(rgrid_at(&g, 12, 3)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 2, 3)->style, RS_NORMAL);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_clipped_and_empty)
{
    struct rtable t = small_table();
    struct rgrid g;
    rgrid_init(&g, 5, 2);
    rtable_draw(&g, -3, -2, &t, rglyphs_get(RGLYPH_UNICODE));
    rtable_draw(&g, 3, 1, &t, rglyphs_get(RGLYPH_UNICODE));
    rgrid_fini(&g);
    rgrid_init(&g, 0, 0);
    rtable_draw(&g, 0, 0, &t, rglyphs_get(RGLYPH_ASCII));
    rgrid_fini(&g);
    rtable_init(&t);
    ck_assert_int_eq(rtable_width(&t), 0);
    ck_assert_int_eq(rtable_height(&t), 0);
}
END_TEST

static Suite *table_suite(void)
{
    Suite *s = suite_create("render-table");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_numbers_recognised);
    tcase_add_test(tc, test_ascii_box);
    tcase_add_test(tc, test_unicode_box_and_none);
    tcase_add_test(tc, test_hangul_alignment);
    tcase_add_test(tc, test_alignment_override_and_empty);
    tcase_add_test(tc, test_highlight_row_and_cell);
    tcase_add_test(tc, test_clipped_and_empty);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(table_suite)
