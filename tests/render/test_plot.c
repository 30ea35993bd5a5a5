/* Plots: tick choice, tick labels, automatic ranges, a hand-derived ASCII
 * golden, braille pixel mapping, series told apart without colour, the
 * cursor, sampling at canvas resolution, and boxes too small to hold a
 * plot. */
#include "check_helpers.h"
#include "render/plot.h"
#include "render_helpers.h"

static double identity(double x, void *ctx)
{
    (void)ctx;
    return x;
}

/* Counts its calls and remembers the first and last x it saw. */
struct probe {
    int calls;
    double first, last;
};

static double probed_square(double x, void *ctx)
{
    struct probe *p = ctx;
    if (p->calls++ == 0)
        p->first = x;
    p->last = x;
    return x * x;
}

START_TEST(test_ticks_nice_steps)
{
    double first, step;
    /* [0, 1], 6 ticks: 0.1 gives 11, 0.2 gives 6. */
    ck_assert_int_eq(rplot_ticks(0, 1, 6, &first, &step), 6);
    ck_assert_near(first, 0.0, 1e-12);
    ck_assert_near(step, 0.2, 1e-12);
    /* [-5, 5], 6 ticks: 1 gives 11, 2 gives -4 -2 0 2 4. */
    ck_assert_int_eq(rplot_ticks(-5, 5, 6, &first, &step), 5);
    ck_assert_near(first, -4.0, 1e-12);
    ck_assert_near(step, 2.0, 1e-12);
    /* [0, 5.25], 4 ticks: 1 gives 6, 2 gives 0 2 4. */
    ck_assert_int_eq(rplot_ticks(0, 5.25, 4, &first, &step), 3);
    ck_assert_near(step, 2.0, 1e-12);
    /* [0.013, 0.087], 5 ticks: 0.01 gives 0.02..0.08 = 7, 0.02 gives
     * 0.02 0.04 0.06 0.08. */
    ck_assert_int_eq(rplot_ticks(0.013, 0.087, 5, &first, &step), 4);
    ck_assert_near(first, 0.02, 1e-12);
    ck_assert_near(step, 0.02, 1e-12);
    /* A tick exactly on an end counts despite rounding: [0.1, 0.3]. */
    ck_assert_int_eq(rplot_ticks(0.1, 0.3, 3, &first, &step), 3);
    ck_assert_near(first, 0.1, 1e-12);
    /* One tick only: [0, 10] -> 10 gives 0 and 10, 20 gives 0. */
    ck_assert_int_eq(rplot_ticks(0, 10, 1, &first, &step), 1);
    ck_assert_near(step, 20.0, 1e-9);
    /* Degenerate input. */
    ck_assert_int_eq(rplot_ticks(1, 1, 5, &first, &step), 0);
    ck_assert_int_eq(rplot_ticks(2, 1, 5, &first, &step), 0);
    ck_assert_int_eq(rplot_ticks(0, INFINITY, 5, &first, &step), 0);
    ck_assert_int_eq(rplot_ticks(NAN, 1, 5, &first, &step), 0);
    ck_assert_int_eq(rplot_ticks(0, 1, 0, &first, &step), 0);
}
END_TEST

START_TEST(test_tick_labels)
{
    char b[32];
    rplot_tick_label(b, sizeof b, 0.2 * 3, 0.2); /* 0.6000000000000001 */
    ck_assert_str_eq(b, "0.6");
    rplot_tick_label(b, sizeof b, -1e-17, 0.5);
    ck_assert_str_eq(b, "0.0");
    rplot_tick_label(b, sizeof b, -4, 2);
    ck_assert_str_eq(b, "-4");
    rplot_tick_label(b, sizeof b, 0.05, 0.05);
    ck_assert_str_eq(b, "0.05");
    rplot_tick_label(b, sizeof b, 0.1, 0.1);
    ck_assert_str_eq(b, "0.1");
    rplot_tick_label(b, sizeof b, 1e7, 1e6);
    ck_assert_str_eq(b, "1e+07");
}
END_TEST

/* Draw into a throwaway grid and return the frame. */
static struct rplot_frame frame_of(const struct rplot *p, int braille)
{
    struct rgrid g;
    struct rplot_frame f;
    rgrid_init(&g, 60, 20);
    rplot_draw(&g, 0, 0, 60, 20, p,
               rglyphs_get(braille ? RGLYPH_UNICODE : RGLYPH_ASCII), &f);
    rgrid_fini(&g);
    return f;
}

START_TEST(test_auto_ranges)
{
    struct rplot p;
    rplot_init(&p);
    double xs[3] = {1, 2, 4}, ys[3] = {-1, 3, 1};
    struct rseries s = {.x = xs, .y = ys, .n = 3};
    p.series = &s;
    p.nseries = 1;
    /* x from the points; y padded by 5% of the span 4: [-1.2, 3.2]. */
    struct rplot_frame f = frame_of(&p, 1);
    ck_assert_near(f.x0, 1.0, 1e-12);
    ck_assert_near(f.x1, 4.0, 1e-12);
    ck_assert_near(f.y0, -1.2, 1e-12);
    ck_assert_near(f.y1, 3.2, 1e-12);
    /* Non-negative data start at zero: [0, 5] -> [0, 5.25]. */
    double y2[3] = {0, 5, 2};
    s.y = y2;
    f = frame_of(&p, 1);
    ck_assert_near(f.y0, 0.0, 0);
    ck_assert_near(f.y1, 5.25, 1e-12);
    /* Positive data away from zero keep their padding: [0.1, 0.9]. */
    double y3[3] = {0.1, 0.9, 0.5};
    s.y = y3;
    f = frame_of(&p, 0);
    ck_assert_near(f.y0, 0.06, 1e-12);
    ck_assert_near(f.y1, 0.94, 1e-12);
    /* Constant data: +-max(10% of the value, 0.5) around it. */
    double y4[3] = {2, 2, 2};
    s.y = y4;
    f = frame_of(&p, 0);
    ck_assert_near(f.y0, 1.5, 1e-12);
    ck_assert_near(f.y1, 2.5, 1e-12);
    double y6[3] = {-30, -30, -30};
    s.y = y6;
    f = frame_of(&p, 0);
    ck_assert_near(f.y0, -33.0, 1e-12);
    ck_assert_near(f.y1, -27.0, 1e-12);
    /* Points outside a given x range do not stretch y. */
    double y5[3] = {1, 2, 100};
    s.y = y5;
    p.xmin = 0;
    p.xmax = 3;
    f = frame_of(&p, 0);
    ck_assert_near(f.y1, 2.05, 1e-12);
    /* Given ranges are kept; an inverted one is turned round. */
    p.ymin = 5;
    p.ymax = -5;
    f = frame_of(&p, 0);
    ck_assert_near(f.y0, -5.0, 0);
    ck_assert_near(f.y1, 5.0, 0);
    /* A function with no x range gets [-1, 1]. */
    struct rseries fs = {.f = identity};
    rplot_init(&p);
    p.series = &fs;
    p.nseries = 1;
    f = frame_of(&p, 1);
    ck_assert_near(f.x0, -1.0, 0);
    ck_assert_near(f.x1, 1.0, 0);
    ck_assert_near(f.y0, -1.1, 1e-12);
}
END_TEST

START_TEST(test_log_range)
{
    struct rplot p;
    rplot_init(&p);
    /* Log y over 1e-3 .. 10: log10 span 4, padded by 0.2 each side. The
     * zero and negative y are left out (they have no logarithm). */
    double xs[5] = {0, 1, 2, 3, 4}, ys[5] = {10, 1, 0.001, 0, -1};
    struct rseries s = {.x = xs, .y = ys, .n = 5};
    p.series = &s;
    p.nseries = 1;
    p.logy = 1;
    struct rplot_frame f = frame_of(&p, 1);
    ck_assert_int_eq(f.logy, 1);
    ck_assert_near(f.y0, -3.2, 1e-12);
    ck_assert_near(f.y1, 1.2, 1e-12);
}
END_TEST

START_TEST(test_ascii_golden_identity)
{
    /* y = x on [-2, 2] x [-2, 2] in a 20 x 7 box, ASCII, no legend.
     * Rows: 5 plot rows, the x axis, the x labels. y ticks: at most
     * (5 - 1) / 2 + 1 = 3, step 2: -2 0 2, labels 2 wide, so the axis is
     * column 2 and the plot area columns 3..19 (17 pixels).
     * Pixels: px = (x + 2) * 4, py = 2 - y. Sample i is x = -2 + i / 4,
     * so py = 4 - i / 4, rounded half away from zero:
     *   i 0-2 -> 4, 3-6 -> 3, 7-10 -> 2, 11-14 -> 1, 15-16 -> 0.
     * Zero lines: '-' on row 2, ':' in column 8, under the data.
     * x ticks: step 1 would give 5 labels in 17 columns (5 * (2 + 3) >
     * 17), so step 2: -2 0 2 at plot columns 0, 8, 16 = grid 3, 11, 19. */
    const char *want = " 2+        :      **\n"
                       "  |        :  ****\n"
                       " 0+-------****------\n"
                       "  |   **** :\n"
                       "-2+***     :\n"
                       "  ++-------+-------+\n"
                       "  -2       0       2\n";
    struct rgrid g;
    struct rplot p;
    struct rplot_frame f;
    struct rseries s = {.f = identity};
    rgrid_init(&g, 20, 7);
    rplot_init(&p);
    p.series = &s;
    p.nseries = 1;
    p.xmin = -2;
    p.xmax = 2;
    p.ymin = -2;
    p.ymax = 2;
    ck_assert_int_eq(
        rplot_draw(&g, 0, 0, 20, 7, &p, rglyphs_get(RGLYPH_ASCII), &f), 0);
    char *got = grid_text(&g);
    ck_assert_str_eq(got, want);
    free(got);
    ck_assert_int_eq(f.px, 3);
    ck_assert_int_eq(f.pw, 17);
    ck_assert_int_eq(f.ph, 5);
    ck_assert_uint_eq(rgrid_at(&g, 18, 0)->style, RS_SERIES1);
    ck_assert_uint_eq(rgrid_at(&g, 3, 2)->style, RS_AXIS);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_braille_golden_with_axes)
{
    /* The segment (0,0)-(1,1) on [0,1]^2, braille, 10 x 5 box, legend
     * "a". Rows: 2 plot rows (8 pixels), axis, labels, legend. y ticks:
     * at most (2 - 1) / 2 + 1 = 1, so step 2 and only "0" (pixel row 7,
     * cell row 1); labels 1 wide: axis in column 1, plot in columns 2-9
     * (16 pixels).
     * The line runs from pixel (0,7) to (15,0): y = 7 - 7x/15 rounds to
     * 7 7 6 6 5 5 4 4 3 3 2 2 1 1 0 0 (never a tie), so plot cell c has
     * both dots on pixel row 7 - c: rows 3, 2, 1, 0 of a cell are dots
     * 7+8 (U+28C0), 3+6 (U+2824), 2+5 (U+2812), 1+4 (U+2809).
     * x ticks: 0, 0.5, 1 need 3 * (3 + 3) > 8 columns; 0 and 1 need 8,
     * at plot columns 0 and 15 / 2 = 7, grid columns 2 and 9.
     * Legend: series 1 is solid, dot row 1 in four cells (U+2812). */
    const char *want = " │    ⣀⠤⠒⠉\n"
                       "0┤⣀⠤⠒⠉\n"
                       " └┬──────┬\n"
                       "  0      1\n"
                       "⠒⠒⠒⠒ a\n";
    double xs[2] = {0, 1}, ys[2] = {0, 1};
    struct rseries s = {.x = xs, .y = ys, .n = 2, .label = "a"};
    struct rplot p;
    struct rgrid g;
    rplot_init(&p);
    p.series = &s;
    p.nseries = 1;
    p.xmin = p.ymin = 0;
    p.xmax = p.ymax = 1;
    rgrid_init(&g, 10, 5);
    rplot_draw(&g, 0, 0, 10, 5, &p, rglyphs_get(RGLYPH_UNICODE), NULL);
    char *got = grid_text(&g);
    ck_assert_str_eq(got, want);
    free(got);
    rgrid_fini(&g);
}
END_TEST

/* The golden identity plot of test_ascii_golden_identity, with extras. */
static void draw_identity(struct rgrid *g, struct rplot *p, struct rseries *s)
{
    s->f = identity;
    p->series = s;
    p->nseries = 1;
    p->xmin = p->ymin = -2;
    p->xmax = p->ymax = 2;
    rgrid_init(g, 20, 7);
    rplot_draw(g, 0, 0, 20, 7, p, rglyphs_get(RGLYPH_ASCII), NULL);
}

START_TEST(test_spans)
{
    /* Span [-2, -1] = pixel columns 0..4 of the golden plot: '.' where
     * column + row is even, under the zero line (row 2) and the data. */
    const char *want = " 2+. . .   :      **\n"
                       "  | . .    :  ****\n"
                       " 0+-------****------\n"
                       "  | . **** :\n"
                       "-2+*** .   :\n"
                       "  ++-------+-------+\n"
                       "  -2       0       2\n";
    struct rspan span = {-1, -2}; /* either order */
    struct rseries s = {0};
    struct rplot p;
    struct rgrid g;
    rplot_init(&p);
    p.spans = &span;
    p.nspans = 1;
    draw_identity(&g, &p, &s);
    char *got = grid_text(&g);
    ck_assert_str_eq(got, want);
    free(got);
    ck_assert_uint_eq(rgrid_at(&g, 3, 0)->style, RS_DIM);
    rgrid_fini(&g);

    /* Braille: one dot (dot 1, U+2801) in every other cell of the span
     * (pixel columns divisible by 4): [0, 0.4] covers pixels 0 and 1
     * (0.4 * 3 = 1.2), so cell 0; spans outside the range or with NaN
     * ends draw nothing. */
    struct rspan spans[3] = {{0, 0.4}, {5, 6}, {NAN, 1}};
    rplot_init(&p);
    p.spans = spans;
    p.nspans = 3;
    p.xmin = 0;
    p.xmax = 1;
    p.ymin = 0;
    p.ymax = 1;
    rgrid_init(&g, 2, 1); /* bare plot: 4 pixel columns */
    rplot_draw(&g, 0, 0, 2, 1, &p, rglyphs_get(RGLYPH_UNICODE), NULL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x2801);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, ' ');
    rgrid_fini(&g);
}
END_TEST

static double fx(double x, double y, void *ctx)
{
    (void)y;
    (void)ctx;
    return x;
}

static double fy(double x, double y, void *ctx)
{
    (void)x;
    (void)ctx;
    return y;
}

START_TEST(test_contours)
{
    /* f = x, level 1: x = 1 is pixel column (1 + 2) * 4 = 12 exactly
     * (f - 1 = 0 there, -0.25 to its left): '~' in grid column 15, except
     * under the data (row 1) and the zero line (row 2). */
    double level = 1;
    struct rcontour c = {fx, NULL, &level, 1};
    struct rseries s = {0};
    struct rplot p;
    struct rgrid g;
    rplot_init(&p);
    p.contour = &c;
    draw_identity(&g, &p, &s);
    ck_assert_uint_eq(rgrid_at(&g, 15, 0)->ch, '~');
    ck_assert_uint_eq(rgrid_at(&g, 15, 0)->style, RS_DIM);
    ck_assert_uint_eq(rgrid_at(&g, 15, 1)->ch, '*');
    ck_assert_uint_eq(rgrid_at(&g, 15, 2)->ch, '-');
    ck_assert_uint_eq(rgrid_at(&g, 15, 3)->ch, '~');
    ck_assert_uint_eq(rgrid_at(&g, 15, 4)->ch, '~');
    for (int col = 3; col < 20; col++)
        if (col != 15)
            ck_assert_uint_ne(rgrid_at(&g, col, 0)->ch, '~');
    rgrid_fini(&g);

    /* f = y, level 1: pixel row j is y = 2 - j, so row 1; every column
     * of it but the data (plot columns 11-14) and the x = 0 line. */
    c.f = fy;
    rplot_init(&p);
    p.contour = &c;
    draw_identity(&g, &p, &s);
    char row[64];
    ck_assert_str_eq(grid_row(&g, 1, row, sizeof row), "  |~~~~~~~~:~~****~~");
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_braille_pixel_mapping)
{
    /* A bare 2 x 1 cell plot (too small for axes) of y = x on [0, 3]^2:
     * 4 x 4 pixels, px = x, py = 3 - y, so the pixels are (0,3) (1,2)
     * (2,1) (3,0). Cell 0: (0,3) = dot 7, (1,2) = dot 6: 0x40 + 0x20 =
     * U+2860. Cell 1: (0,1) = dot 2, (1,0) = dot 4: 0x02 + 0x08 = U+280A.
     * The function and the same line given as two points agree. */
    double xs[2] = {0, 3}, ys[2] = {0, 3};
    struct rseries fn = {.f = identity};
    struct rseries pts = {.x = xs, .y = ys, .n = 2};
    const struct rseries *both[2] = {&fn, &pts};
    for (int k = 0; k < 2; k++) {
        struct rgrid g;
        struct rplot p;
        rgrid_init(&g, 2, 1);
        rplot_init(&p);
        p.series = both[k];
        p.nseries = 1;
        p.xmin = p.ymin = 0;
        p.xmax = p.ymax = 3;
        rplot_draw(&g, 0, 0, 2, 1, &p, rglyphs_get(RGLYPH_UNICODE), NULL);
        ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x2860);
        ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 0x280A);
        rgrid_fini(&g);
    }
}
END_TEST

START_TEST(test_sampling_at_canvas_resolution)
{
    /* With a fixed y range the function is called once per pixel column,
     * from the left edge of the range to the right edge. */
    struct probe pr = {0, 0, 0};
    struct rseries s = {.f = probed_square, .ctx = &pr};
    struct rplot p;
    struct rplot_frame f;
    struct rgrid g;
    rplot_init(&p);
    p.series = &s;
    p.nseries = 1;
    p.xmin = -3;
    p.xmax = 5;
    p.ymin = 0;
    p.ymax = 25;
    rgrid_init(&g, 40, 12);
    rplot_draw(&g, 0, 0, 40, 12, &p, rglyphs_get(RGLYPH_UNICODE), &f);
    ck_assert_int_eq(pr.calls, f.pw * 2);
    ck_assert_near(pr.first, -3.0, 0);
    ck_assert_near(pr.last, 5.0, 1e-12);
    /* The frame maps back and forth. */
    ck_assert_near(rplot_frame_x_at(&f, 0), -3.0, 0);
    ck_assert_near(rplot_frame_x_at(&f, f.pw * 2 - 1), 5.0, 1e-12);
    ck_assert_near(rplot_frame_pixel_x(&f, 5.0), f.pw * 2 - 1, 1e-9);
    ck_assert_int_eq(rplot_frame_col(&f, -3.0), f.px);
    ck_assert_int_eq(rplot_frame_col(&f, 5.0), f.px + f.pw - 1);
    ck_assert_int_lt(rplot_frame_col(&f, -1e300), f.px);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_series_distinct_without_colour)
{
    /* Six series: their legend samples must all differ as characters, in
     * both braille (dash patterns) and ASCII (marks). */
    static const char *const names[6] = {"a", "b", "c", "d", "e", "f"};
    for (int k = 0; k < 2; k++) {
        struct rseries s[6];
        struct rplot p;
        struct rgrid g;
        memset(s, 0, sizeof s);
        for (int i = 0; i < 6; i++) {
            s[i].f = identity;
            s[i].label = names[i];
        }
        rplot_init(&p);
        p.series = s;
        p.nseries = 6;
        p.xmin = 0;
        p.xmax = 1;
        rgrid_init(&g, 80, 20);
        rplot_draw(&g, 0, 0, 80, 20, &p,
                   rglyphs_get(k ? RGLYPH_ASCII : RGLYPH_UNICODE), NULL);
        /* The legend is the last row: entries of 4 + 1 + 1 cells plus 3
         * blanks, so entry i starts at column 9 i. */
        char sample[6][32];
        for (int i = 0; i < 6; i++) {
            int n = 0;
            for (int c = 0; c < 4; c++)
                n +=
                    utf8_encode(rgrid_at(&g, 9 * i + c, 19)->ch, sample[i] + n);
            sample[i][n] = '\0';
            ck_assert_uint_eq(rgrid_at(&g, 9 * i + 5, 19)->ch,
                              (uint32_t)names[i][0]);
            ck_assert_uint_eq(rgrid_at(&g, 9 * i, 19)->style, RS_SERIES1 + i);
        }
        for (int i = 0; i < 6; i++)
            for (int j = i + 1; j < 6; j++)
                ck_assert_str_ne(sample[i], sample[j]);
        if (k == 0) {
            /* Solid on dot row 1 is U+2812 in all four cells; dashed (4
             * on, 2 off) leaves cell 2 empty. */
            ck_assert_str_eq(sample[0], "⠒⠒⠒⠒");
            ck_assert_str_eq(sample[1], "⠒⠒ ⠒");
        } else {
            ck_assert_str_eq(sample[0], "****");
            ck_assert_str_eq(sample[1], "oooo");
        }
        rgrid_fini(&g);
    }
}
END_TEST

START_TEST(test_cursor_line)
{
    /* ASCII, y = x on [-2, 2]: the cursor at x = 1 is plot column
     * (1 + 2) * 4 = 12, grid column 15 in the golden layout. It shows as
     * '|' in RS_HIGHLIGHT except where the data passes (row 1, columns
     * 11-14 hold data; row 1 col 12 is data). */
    struct rgrid g;
    struct rplot p;
    struct rseries s = {.f = identity};
    rgrid_init(&g, 20, 7);
    rplot_init(&p);
    p.series = &s;
    p.nseries = 1;
    p.xmin = p.ymin = -2;
    p.xmax = p.ymax = 2;
    p.cursor = 1.0;
    rplot_draw(&g, 0, 0, 20, 7, &p, rglyphs_get(RGLYPH_ASCII), NULL);
    ck_assert_uint_eq(rgrid_at(&g, 15, 0)->ch, '|');
    ck_assert_uint_eq(rgrid_at(&g, 15, 0)->style, RS_HIGHLIGHT);
    ck_assert_uint_eq(rgrid_at(&g, 15, 1)->ch, '*');
    ck_assert_uint_eq(rgrid_at(&g, 15, 2)->ch, '|');
    ck_assert_uint_eq(rgrid_at(&g, 15, 4)->ch, '|');
    /* A cursor outside the range draws nothing. */
    p.cursor = 7.0;
    rgrid_clear(&g);
    rplot_draw(&g, 0, 0, 20, 7, &p, rglyphs_get(RGLYPH_ASCII), NULL);
    for (int r = 0; r < 5; r++)
        ck_assert_uint_ne(rgrid_at(&g, 15, r)->ch, '|');
    rgrid_fini(&g);
}
END_TEST

static double blow_up(double x, void *ctx)
{
    (void)ctx;
    return x == 0 ? NAN : 1e300 / x;
}

START_TEST(test_tiny_and_clipped_boxes)
{
    double xs[4] = {0, 1e300, -1e300, NAN}, ys[4] = {1, -1e300, 5, 2};
    struct rseries s[3] = {{.f = identity, .label = "identity"},
                           {.x = xs, .y = ys, .n = 4, .label = "wild"},
                           {.f = blow_up, .label = "1e300 / x"}};
    struct rplot p;
    rplot_init(&p);
    p.series = s;
    p.nseries = 3;
    p.cursor = 0.5;
    for (int k = RGLYPH_UNICODE; k <= RGLYPH_ASCII; k++) {
        const struct rglyphs *gs = rglyphs_get((enum rglyph_kind)k);
        struct rgrid g;
        /* 1 x 1 grid: a bare plot of one cell. */
        rgrid_init(&g, 1, 1);
        ck_assert_int_eq(rplot_draw(&g, 0, 0, 1, 1, &p, gs, NULL), 0);
        rgrid_fini(&g);
        /* 0 x 0 grid, and zero or negative boxes. */
        rgrid_init(&g, 0, 0);
        ck_assert_int_eq(rplot_draw(&g, 0, 0, 10, 10, &p, gs, NULL), 0);
        ck_assert_int_eq(rplot_draw(&g, 0, 0, 0, 0, &p, gs, NULL), 0);
        ck_assert_int_eq(rplot_draw(&g, 0, 0, -3, 5, &p, gs, NULL), 0);
        rgrid_fini(&g);
        /* A box hanging off every edge of a small grid. */
        rgrid_init(&g, 10, 5);
        ck_assert_int_eq(rplot_draw(&g, -7, -3, 30, 12, &p, gs, NULL), 0);
        ck_assert_int_eq(rplot_draw(&g, 6, 2, 30, 12, &p, gs, NULL), 0);
        rgrid_fini(&g);
        /* Drawing stays inside its box: a frame of '#' around it. */
        rgrid_init(&g, 32, 14);
        for (int y = 0; y < 14; y++)
            for (int x = 0; x < 32; x++)
                rgrid_put(&g, x, y, '#', RS_NORMAL);
        for (int y = 1; y < 13; y++)
            for (int x = 1; x < 31; x++)
                rgrid_put(&g, x, y, ' ', RS_NORMAL);
        rplot_draw(&g, 1, 1, 30, 12, &p, gs, NULL);
        for (int x = 0; x < 32; x++) {
            ck_assert_uint_eq(rgrid_at(&g, x, 0)->ch, '#');
            ck_assert_uint_eq(rgrid_at(&g, x, 13)->ch, '#');
        }
        for (int y = 0; y < 14; y++) {
            ck_assert_uint_eq(rgrid_at(&g, 0, y)->ch, '#');
            ck_assert_uint_eq(rgrid_at(&g, 31, y)->ch, '#');
        }
        rgrid_fini(&g);
    }
}
END_TEST

static Suite *plot_suite(void)
{
    Suite *s = suite_create("render-plot");
    TCase *tc = tcase_create("plot");
    tcase_add_test(tc, test_ticks_nice_steps);
    tcase_add_test(tc, test_tick_labels);
    tcase_add_test(tc, test_auto_ranges);
    tcase_add_test(tc, test_log_range);
    tcase_add_test(tc, test_ascii_golden_identity);
    tcase_add_test(tc, test_braille_golden_with_axes);
    tcase_add_test(tc, test_braille_pixel_mapping);
    tcase_add_test(tc, test_spans);
    tcase_add_test(tc, test_contours);
    tcase_add_test(tc, test_sampling_at_canvas_resolution);
    tcase_add_test(tc, test_series_distinct_without_colour);
    tcase_add_test(tc, test_cursor_line);
    tcase_add_test(tc, test_tiny_and_clipped_boxes);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(plot_suite)
