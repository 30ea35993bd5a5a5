/* The pixel canvas: braille dot bits against the code points Unicode
 * names (U+2847 is BRAILLE PATTERN DOTS-1237, ...), line rasterisation
 * checked pixel by pixel against y = round(slope * x), dash patterns,
 * clipping and pen priorities. */
#include "check_helpers.h"
#include "render/canvas.h"
#include "render_helpers.h"

/* Draw c into a fresh grid of its size and return row r as text. */
static const char *canvas_row(const struct rcanvas *c, int r, char *out,
                              size_t len)
{
    struct rgrid g;
    rgrid_init(&g, c->w, c->h);
    rcanvas_blit(c, &g, 0, 0);
    grid_row(&g, r, out, len);
    rgrid_fini(&g);
    return out;
}

static uint32_t cell_char(const struct rcanvas *c, int x, int y)
{
    struct rgrid g;
    rgrid_init(&g, c->w, c->h);
    rcanvas_blit(c, &g, 0, 0);
    uint32_t ch = rgrid_at(&g, x, y)->ch;
    rgrid_fini(&g);
    return ch;
}

START_TEST(test_braille_dot_positions)
{
    struct rcanvas c;
    struct rpen pen;
    rpen_init(&pen, RS_SERIES1, 1, '*');
    rcanvas_init(&c, 2, 1, 1);
    ck_assert_int_eq(rcanvas_width(&c), 4);
    ck_assert_int_eq(rcanvas_height(&c), 4);
    /* Left column of cell 0: dots 1, 2, 3, 7 = U+2847. */
    for (int y = 0; y < 4; y++)
        rcanvas_dot(&c, 0, y, &pen);
    /* Right column of cell 1: dots 4, 5, 6, 8 = U+28B8. */
    for (int y = 0; y < 4; y++)
        rcanvas_dot(&c, 3, y, &pen);
    ck_assert_uint_eq(cell_char(&c, 0, 0), 0x2847);
    ck_assert_uint_eq(cell_char(&c, 1, 0), 0x28B8);
    rcanvas_fini(&c);

    /* Single dots: dot 1 (top left) = U+2801, dot 8 (bottom right) =
     * U+2880, dot 5 (middle right, second row) = U+2810. */
    const int px[3] = {0, 1, 1}, py[3] = {0, 3, 1};
    const uint32_t want[3] = {0x2801, 0x2880, 0x2810};
    for (int i = 0; i < 3; i++) {
        rcanvas_init(&c, 1, 1, 1);
        rcanvas_dot(&c, px[i], py[i], &pen);
        ck_assert_uint_eq(cell_char(&c, 0, 0), want[i]);
        rcanvas_fini(&c);
    }
}
END_TEST

START_TEST(test_braille_lines)
{
    struct rcanvas c;
    struct rpen pen;
    char row[64];
    /* The diagonal (0,0)-(3,3) of a 4 x 4 pixel canvas: cell 0 gets
     * (0,0) = dot 1 and (1,1) = dot 5: U+2811; cell 1 gets (2,2) = dot 3
     * and (3,3) = dot 8: U+2884. */
    rcanvas_init(&c, 2, 1, 1);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    rcanvas_line(&c, 0, 0, 3, 3, &pen);
    ck_assert_uint_eq(cell_char(&c, 0, 0), 0x2811);
    ck_assert_uint_eq(cell_char(&c, 1, 0), 0x2884);
    rcanvas_fini(&c);

    /* A horizontal line on pixel row 1 lights dots 2 and 5: U+2812. */
    rcanvas_init(&c, 3, 1, 1);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    rcanvas_line(&c, 0, 1, 5, 1, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "⠒⠒⠒");
    rcanvas_fini(&c);

    /* A vertical line in pixel column 1 over two cells: U+28B8 twice. */
    rcanvas_init(&c, 1, 2, 1);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    rcanvas_line(&c, 1, 0, 1, 7, &pen);
    ck_assert_uint_eq(cell_char(&c, 0, 0), 0x28B8);
    ck_assert_uint_eq(cell_char(&c, 0, 1), 0x28B8);
    rcanvas_fini(&c);
}
END_TEST

START_TEST(test_ascii_line_matches_rounding)
{
    /* Slope 2/5 from (0,0): y = 0, 0.4, 0.8, 1.2, 1.6, 2 rounds to
     * 0, 0, 1, 1, 2, 2 (no ties, so Bresenham agrees with rounding). */
    struct rcanvas c;
    struct rpen pen;
    char row[64];
    rcanvas_init(&c, 6, 3, 0);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    rcanvas_line(&c, 0, 0, 5, 2, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "**");
    ck_assert_str_eq(canvas_row(&c, 1, row, sizeof row), "  **");
    ck_assert_str_eq(canvas_row(&c, 2, row, sizeof row), "    **");
    rcanvas_fini(&c);
}
END_TEST

START_TEST(test_dash_pattern)
{
    /* Mask 0x0F, period 6: pixels 0-3 lit, 4-5 dark, 6-9 lit, 10-11
     * dark. On pixel row 0 a lit pair of columns is dots 1 and 4 (U+2809),
     * and cells 2 and 5 stay empty. */
    struct rcanvas c;
    struct rpen pen;
    char row[64];
    rcanvas_init(&c, 6, 1, 1);
    rpen_init(&pen, RS_SERIES2, 1, 'o');
    pen.mask = 0x0F;
    pen.period = 6;
    rcanvas_line(&c, 0, 0, 11, 0, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "⠉⠉ ⠉⠉");
    rcanvas_fini(&c);

    /* The pattern runs on across segments, and a joint counts once:
     * 0-5 then 5-11 gives the same picture. */
    rcanvas_init(&c, 6, 1, 1);
    rpen_init(&pen, RS_SERIES2, 1, 'o');
    pen.mask = 0x0F;
    pen.period = 6;
    rcanvas_line(&c, 0, 0, 5, 0, &pen);
    rcanvas_line(&c, 5, 0, 11, 0, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "⠉⠉ ⠉⠉");
    rcanvas_fini(&c);
}
END_TEST

START_TEST(test_clipping)
{
    struct rcanvas c;
    struct rpen pen;
    char row[64];
    rcanvas_init(&c, 2, 1, 1);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    /* Far-off end points: clipped to the visible part, pixel row 1. */
    rcanvas_line(&c, -1e300, 1, 1e300, 1, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "⠒⠒");
    rcanvas_fini(&c);

    rcanvas_init(&c, 2, 1, 1);
    rcanvas_line(&c, -10, -10, -1, -1, &pen); /* wholly outside */
    rcanvas_line(&c, 10, 0, 20, 3, &pen);
    rcanvas_line(&c, 0, NAN, 3, 3, &pen);
    rcanvas_line(&c, 0, 0, INFINITY, 3, &pen);
    rcanvas_dot(&c, -1, 0, &pen);
    rcanvas_dot(&c, 4, 0, &pen);
    rcanvas_dot(&c, 0, 4, &pen);
    ck_assert_str_eq(canvas_row(&c, 0, row, sizeof row), "");
    rcanvas_fini(&c);

    /* Steep line entering from above and leaving below: only the pixel
     * column it crosses, x = 2 (cell 1, left column, dots 1-2-3-7). */
    rcanvas_init(&c, 2, 1, 1);
    rcanvas_line(&c, 2, -1e9, 2, 1e9, &pen);
    ck_assert_uint_eq(cell_char(&c, 1, 0), 0x2847);
    ck_assert_uint_eq(cell_char(&c, 0, 0), ' ');
    rcanvas_fini(&c);

    /* Empty canvases accept drawing and draw nothing. */
    rcanvas_init(&c, 0, 5, 1);
    rcanvas_line(&c, 0, 0, 3, 3, &pen);
    rcanvas_dot(&c, 0, 0, &pen);
    ck_assert_int_eq(rcanvas_width(&c), 0);
    rcanvas_fini(&c);
    rcanvas_init(&c, -2, -2, 0);
    rcanvas_line(&c, 0, 0, 3, 3, &pen);
    rcanvas_fini(&c);
}
END_TEST

START_TEST(test_blit_clipped_and_transparent)
{
    struct rcanvas c;
    struct rpen pen;
    struct rgrid g;
    rcanvas_init(&c, 4, 2, 0);
    rpen_init(&pen, RS_SERIES1, 1, '*');
    for (int x = 0; x < 4; x++)
        rcanvas_dot(&c, x, 1, &pen);
    rgrid_init(&g, 3, 2);
    rgrid_print(&g, 0, 0, "abc", RS_NORMAL);
    rcanvas_blit(&c, &g, -1, 0); /* row 0 unlit: "abc" stays */
    char *s = grid_text(&g);
    ck_assert_str_eq(s, "abc\n***\n");
    free(s);
    rcanvas_blit(&c, &g, 2, 1);
    rcanvas_blit(&c, &g, 0, 5);
    rgrid_fini(&g);
    rcanvas_fini(&c);
}
END_TEST

START_TEST(test_pen_priority)
{
    struct rcanvas c;
    struct rpen bg, data;
    rcanvas_init(&c, 1, 1, 0);
    rpen_init(&bg, RS_AXIS, 0, '-');
    rpen_init(&data, RS_SERIES3, 2, '+');
    rcanvas_dot(&c, 0, 0, &bg);
    ck_assert_uint_eq(c.cells[0].glyph, '-');
    rcanvas_dot(&c, 0, 0, &data);
    rcanvas_dot(&c, 0, 0, &bg); /* weaker: does not cover the data */
    ck_assert_uint_eq(c.cells[0].glyph, '+');
    ck_assert_uint_eq(c.cells[0].style, RS_SERIES3);
    rcanvas_fini(&c);

    /* Braille: a weaker pen adds no dots to a stronger pen's cell, a
     * stronger pen replaces a weaker one's dots, equal pens add up. */
    struct rpen data2;
    rpen_init(&data2, RS_SERIES4, 2, 'x');
    rcanvas_init(&c, 2, 1, 1);
    rcanvas_dot(&c, 0, 0, &data);
    rcanvas_dot(&c, 1, 0, &bg);
    ck_assert_uint_eq(c.cells[0].bits, 0x01);
    ck_assert_uint_eq(c.cells[0].style, RS_SERIES3);
    rcanvas_dot(&c, 0, 3, &data2); /* dot 7 */
    ck_assert_uint_eq(c.cells[0].bits, 0x41);
    ck_assert_uint_eq(c.cells[0].style, RS_SERIES4);
    rcanvas_dot(&c, 2, 0, &bg);
    rcanvas_dot(&c, 3, 3, &data); /* dot 8 replaces dot 1 */
    ck_assert_uint_eq(c.cells[1].bits, 0x80);
    ck_assert_uint_eq(c.cells[1].style, RS_SERIES3);
    rcanvas_fini(&c);
}
END_TEST

static Suite *canvas_suite(void)
{
    Suite *s = suite_create("render-canvas");
    TCase *tc = tcase_create("canvas");
    tcase_add_test(tc, test_braille_dot_positions);
    tcase_add_test(tc, test_braille_lines);
    tcase_add_test(tc, test_ascii_line_matches_rounding);
    tcase_add_test(tc, test_dash_pattern);
    tcase_add_test(tc, test_clipping);
    tcase_add_test(tc, test_blit_clipped_and_transparent);
    tcase_add_test(tc, test_pen_priority);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(canvas_suite)
