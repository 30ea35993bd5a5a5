/*
 * Digits: MNIST-style preprocessing of drawn strokes against positions,
 * scales and sums worked out by hand; the confusion matrix of a small
 * hand-counted example; a network with hand-set weights whose answers on
 * made-up test images are known; the first-layer weight map and its
 * shading. No dataset needed.
 */
#include <math.h>
#include <string.h>

#include "check_helpers.h"
#include "core/error.h"
#include "lesson/digits.h"
#include "lesson/digits_draw.h"
#include "render/heatmap.h"

#define S DIGITS_SIDE

static double sum(const double *img)
{
    double s = 0;
    for (int i = 0; i < DIGITS_PIXELS; i++)
        s += img[i];
    return s;
}

START_TEST(test_rectangle_scaled_and_centred)
{
    /* A solid 4 x 8 block in the top-left corner, columns 1..4, rows
     * 2..9. Scale 20 / 8 = 2.5: a 10 x 20 block. Its centre of mass in
     * its own box is (4.5, 9.5); the corner goes to (round(9.5),
     * round(4.5)) = (10, 5), so the block covers columns 10..19 and rows
     * 5..24, centre of mass (14.5, 14.5). */
    double canvas[DIGITS_PIXELS] = {0}, out[DIGITS_PIXELS];
    for (int y = 2; y <= 9; y++)
        for (int x = 1; x <= 4; x++)
            canvas[y * S + x] = 1;
    struct digits_prep p;
    ck_assert_int_eq(digits_preprocess(canvas, out, &p), 0);
    ck_assert_int_eq(p.x0, 1);
    ck_assert_int_eq(p.x1, 4);
    ck_assert_int_eq(p.y0, 2);
    ck_assert_int_eq(p.y1, 9);
    ck_assert_near(p.scale, 2.5, 1e-12);
    ck_assert_int_eq(p.w, 10);
    ck_assert_int_eq(p.h, 20);
    ck_assert_near(p.cx, 4.5, 1e-9);
    ck_assert_near(p.cy, 9.5, 1e-9);
    ck_assert_int_eq(p.dx, 10);
    ck_assert_int_eq(p.dy, 5);
    for (int y = 0; y < S; y++)
        for (int x = 0; x < S; x++) {
            int in = x >= 10 && x <= 19 && y >= 5 && y <= 24;
            ck_assert_near(out[y * S + x], in ? 1.0 : 0.0, 1e-9);
        }
    ck_assert_near(p.out_cx, 14.5, 1e-9);
    ck_assert_near(p.out_cy, 14.5, 1e-9);
}
END_TEST

START_TEST(test_stroke_off_centre)
{
    /* A thin diagonal stroke in the bottom-right corner, from (20, 16)
     * to (27, 27): box 8 x 12, scale 20/12, so 14 x 20 after scaling
     * (8 * 5/3 = 13.3 -> 14 columns, the last one partly covered). The
     * ink is multiplied by the area factor s^2 (mean ink over a smaller
     * square, times its count), nothing clipped; the centre of mass ends
     * within half a pixel of (14, 14). */
    double canvas[DIGITS_PIXELS] = {0}, out[DIGITS_PIXELS];
    for (int y = 16; y <= 27; y++) {
        int x = 20 + (y - 16) * 7 / 11;
        canvas[y * S + x] = 1;
        if (x + 1 < S)
            canvas[y * S + x + 1] = 0.5;
    }
    struct digits_prep p;
    ck_assert_int_eq(digits_preprocess(canvas, out, &p), 0);
    ck_assert_int_eq(p.x0, 20);
    ck_assert_int_eq(p.x1, 27);
    ck_assert_int_eq(p.y0, 16);
    ck_assert_int_eq(p.y1, 27);
    ck_assert_near(p.scale, 20.0 / 12, 1e-12);
    ck_assert_int_eq(p.w, 14);
    ck_assert_int_eq(p.h, 20);
    ck_assert_near(sum(out), sum(canvas) * (20.0 / 12) * (20.0 / 12), 1e-9);
    double cx, cy;
    ck_assert_int_eq(digits_centre_of_mass(out, S, S, &cx, &cy), 0);
    ck_assert(fabs(cx - 14) <= 0.5);
    ck_assert(fabs(cy - 14) <= 0.5);
    ck_assert_near(cx, p.out_cx, 1e-12);
    /* The scaled box: 20 rows with ink, the longer side. */
    int rows = 0, cols = 0;
    for (int y = 0; y < S; y++) {
        int any = 0;
        for (int x = 0; x < S; x++)
            any |= out[y * S + x] > 0;
        rows += any;
    }
    for (int x = 0; x < S; x++) {
        int any = 0;
        for (int y = 0; y < S; y++)
            any |= out[y * S + x] > 0;
        cols += any;
    }
    ck_assert_int_eq(rows, 20);
    ck_assert_int_le(cols, 14);
    /* Values stay in [0, 1]. */
    for (int i = 0; i < DIGITS_PIXELS; i++)
        ck_assert(out[i] >= 0 && out[i] <= 1);
}
END_TEST

START_TEST(test_big_digit_shrinks)
{
    /* A 26-pixel-tall bar of width 2 shrinks: scale 20/26, and a column
     * of the result holds 2 * 20/26 = 1.54 pixels' worth of ink per row. */
    double canvas[DIGITS_PIXELS] = {0}, out[DIGITS_PIXELS];
    for (int y = 1; y <= 26; y++)
        canvas[y * S + 5] = canvas[y * S + 6] = 1;
    struct digits_prep p;
    ck_assert_int_eq(digits_preprocess(canvas, out, &p), 0);
    ck_assert_near(p.scale, 20.0 / 26, 1e-12);
    ck_assert_int_eq(p.h, 20);
    ck_assert_int_eq(p.w, 2); /* 2 * 0.77 = 1.54 -> 2 columns */
    ck_assert_near(sum(out), 52 * (20.0 / 26) * (20.0 / 26), 1e-9);
    ck_assert(fabs(p.out_cy - 14) <= 0.5);
    ck_assert(fabs(p.out_cx - 14) <= 0.5);
}
END_TEST

START_TEST(test_empty_and_bytes)
{
    double canvas[DIGITS_PIXELS] = {0}, out[DIGITS_PIXELS];
    out[3] = 7;
    ck_assert_int_eq(digits_preprocess(canvas, out, NULL), DIGITS_EMPTY);
    ck_assert_near(sum(out), 0, 0);
    double img[DIGITS_PIXELS] = {0};
    img[0] = 1;
    img[1] = 0.5;
    img[2] = 2;   /* clamped */
    img[3] = -1;  /* clamped */
    img[4] = NAN; /* no ink */
    unsigned char b[DIGITS_PIXELS];
    digits_to_bytes(img, b);
    ck_assert_int_eq(b[0], 255);
    ck_assert_int_eq(b[1], 128); /* 127.5 rounds up */
    ck_assert_int_eq(b[2], 255);
    ck_assert_int_eq(b[3], 0);
    ck_assert_int_eq(b[4], 0);
}
END_TEST

START_TEST(test_confusion_by_hand)
{
    /* truth:  0 1 1 2 2 2 3 9
     * guess:  0 1 2 2 2 1 3 4
     * right: 0, 1, 2, 2, 3 (5 of 8); wrong: 1->2, 2->1, 9->4. */
    const unsigned char t[] = {0, 1, 1, 2, 2, 2, 3, 9};
    const unsigned char p[] = {0, 1, 2, 2, 2, 1, 3, 4};
    size_t c[10][10];
    digits_confusion(c, t, p, 8);
    size_t total = 0, diag = 0;
    for (int i = 0; i < 10; i++)
        for (int j = 0; j < 10; j++) {
            total += c[i][j];
            diag += i == j ? c[i][j] : 0;
        }
    ck_assert_uint_eq(total, 8);
    ck_assert_uint_eq(diag, 5);
    ck_assert_uint_eq(c[2][2], 2);
    ck_assert_uint_eq(c[1][2], 1);
    ck_assert_uint_eq(c[2][1], 1);
    ck_assert_uint_eq(c[9][4], 1);
    ck_assert_uint_eq(c[4][9], 0);
}
END_TEST

/*
 * A 784-10-10 network with hand-set weights: hidden unit j is the ink of
 * pixel j (identity activation), output k = 10 x hidden k. An image with
 * one lit pixel j < 10 is read as j with probability e^10 / (e^10 + 9).
 */
static void lookup_net(struct nn_mlp *m)
{
    struct nn_layer_spec spec[2] = {
        {10, nn_act_make(NN_ACT_IDENTITY), 1},
        {10, nn_act_make(NN_ACT_SOFTMAX), 1},
    };
    ck_assert_int_eq(nn_mlp_init(m, NN_F64, 784, 2, spec), 0);
    nn_mat_fill(&m->params, 0);
    for (size_t j = 0; j < 10; j++)
        nn_mat_set(&m->params, 0, j * 10 + j, 1); /* W1[j, j] */
    size_t w2 = 784 * 10 + 10;
    for (size_t k = 0; k < 10; k++)
        nn_mat_set(&m->params, 0, w2 + k * 10 + k, 10); /* W2[k, k] */
}

START_TEST(test_eval_known_network)
{
    struct nn_mlp m;
    lookup_net(&m);
    /* Six images: pixel 3, 3, 7, 0, 5, 5 lit; labels 3, 4, 7, 0, 5, 2. */
    enum { N = 6 };
    static unsigned char px[N * 784];
    memset(px, 0, sizeof px);
    const int lit[N] = {3, 3, 7, 0, 5, 5};
    unsigned char lab[N] = {3, 4, 7, 0, 5, 2};
    for (int i = 0; i < N; i++)
        px[i * 784 + lit[i]] = 255;
    struct idx_images img = {N, 28, 28, px};
    struct idx_labels labels = {N, lab};
    struct digits_eval e;
    ck_assert_int_eq(digits_eval_run(&e, &m, &img, &labels, 0), 0);
    ck_assert_uint_eq(e.n, N);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(e.pred[i], lit[i]);
    ck_assert_uint_eq(e.n_wrong, 2);
    ck_assert_uint_eq(e.wrong[0], 1);
    ck_assert_uint_eq(e.wrong[1], 5);
    ck_assert_uint_eq(e.confusion[4][3], 1);
    ck_assert_uint_eq(e.confusion[2][5], 1);
    ck_assert_uint_eq(e.confusion[3][3], 1);
    double top = exp(10) / (exp(10) + 9);
    ck_assert_near(e.probs[0 * 10 + 3], top, 1e-6);
    ck_assert_near(e.probs[2 * 10 + 1], 1 / (exp(10) + 9), 1e-9);
    digits_eval_fini(&e);

    /* n beyond the set is cut to it. */
    ck_assert_int_eq(digits_eval_run(&e, &m, &img, &labels, 4), 0);
    ck_assert_uint_eq(e.n, 4);
    ck_assert_uint_eq(e.n_wrong, 1);
    digits_eval_fini(&e);

    /* Reading a drawn digit goes through the same network: a single dot
     * is scaled to a 20 x 20 square centred at (14, 14), which lights no
     * pixel 0..9, so every logit is 0 and every class gets 0.1. */
    double canvas[DIGITS_PIXELS] = {0}, probs[10];
    canvas[5 * 28 + 5] = 1;
    struct nn_mat x;
    ck_assert_int_eq(nn_mat_init(&x, NN_F64, 1, 784), 0);
    int digit = -1;
    ck_assert_int_eq(digits_read(&m, &x, canvas, &digit, probs, NULL, NULL), 0);
    ck_assert_int_eq(digit, 0);
    for (int k = 0; k < 10; k++)
        ck_assert_near(probs[k], 0.1, 1e-12);
    memset(canvas, 0, sizeof canvas);
    ck_assert_int_eq(digits_read(&m, &x, canvas, &digit, probs, NULL, NULL),
                     DIGITS_EMPTY);
    nn_mat_fini(&x);
    nn_mlp_fini(&m);
}
END_TEST

/* 2500 images read in steps of 1000: 1000, 2000, then 2500 and done.
 * Image i lights pixel i % 10, which the lookup network reads as i % 10;
 * every 7th label is one more than that, so the mistakes are i = 0, 7,
 * 14, ..., 2499: floor(2499 / 7) + 1 = 358 of them, in order. */
START_TEST(test_eval_steps)
{
    struct nn_mlp m;
    lookup_net(&m);
    enum { N = 2500 };
    static unsigned char px[N * 784], lab[N];
    memset(px, 0, sizeof px);
    for (int i = 0; i < N; i++) {
        px[i * 784 + i % 10] = 255;
        lab[i] = (unsigned char)(i % 7 == 0 ? (i + 1) % 10 : i % 10);
    }
    struct idx_images img = {N, 28, 28, px};
    struct idx_labels labels = {N, lab};
    struct digits_eval e;
    ck_assert_int_eq(digits_eval_begin(&e, &m, &img, &labels, 0), 0);
    ck_assert_uint_eq(e.done, 0);
    ck_assert_int_eq(digits_eval_step(&e, &m, &img, &labels), 1);
    ck_assert_uint_eq(e.done, 1000);
    ck_assert_int_eq(digits_eval_step(&e, &m, &img, &labels), 1);
    ck_assert_uint_eq(e.done, 2000);
    ck_assert_int_eq(digits_eval_step(&e, &m, &img, &labels), 0);
    ck_assert_uint_eq(e.done, N);
    ck_assert_uint_eq(e.n_wrong, 358);
    for (size_t k = 0; k < e.n_wrong; k++)
        ck_assert_uint_eq(e.wrong[k], 7 * k);
    size_t total = 0;
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++)
            total += e.confusion[t][p];
    ck_assert_uint_eq(total, N);
    /* Image 7 lights pixel 7 but is labelled 8. */
    ck_assert_int_eq(e.pred[7], 7);
    ck_assert_uint_ge(e.confusion[8][7], 1);
    digits_eval_fini(&e);
    /* All at once: the same answers. */
    ck_assert_int_eq(digits_eval_run(&e, &m, &img, &labels, 0), 0);
    ck_assert_uint_eq(e.done, N);
    ck_assert_uint_eq(e.n_wrong, 358);
    ck_assert_uint_eq(e.wrong[357], 2499);
    digits_eval_fini(&e);
    nn_mlp_fini(&m);
}
END_TEST

START_TEST(test_weight_map)
{
    /* 784-3-10: W1[i, j] = i - 100 j. Unit 2's map is i - 200 for pixel
     * i, largest |.| at i = 783: 583. */
    struct nn_layer_spec spec[2] = {
        {3, nn_act_make(NN_ACT_SIGMOID), 1},
        {10, nn_act_make(NN_ACT_SOFTMAX), 1},
    };
    struct nn_mlp m;
    ck_assert_int_eq(nn_mlp_init(&m, NN_F64, 784, 2, spec), 0);
    for (size_t i = 0; i < 784; i++)
        for (size_t j = 0; j < 3; j++)
            nn_mat_set(&m.params, 0, i * 3 + j, (double)i - 100.0 * j);
    double map[784], big;
    ck_assert_int_eq(digits_weight_map(&m, 2, map, &big), 0);
    for (size_t i = 0; i < 784; i++)
        ck_assert_near(map[i], (double)i - 200, 0);
    ck_assert_near(big, 583, 0);
    ck_assert_int_eq(digits_weight_map(&m, 3, map, &big), NN_EINVAL);
    nn_mlp_fini(&m);

    /* Shading: left half -1, right half +1, a middle column of 0, drawn
     * over [-1, 1] in ASCII: ' ' (darkest), '@' (brightest) and 0 on the
     * middle of the 10-level ramp, level floor(0.5 * 10) = 5: '+'. */
    for (int y = 0; y < 28; y++)
        for (int x = 0; x < 28; x++)
            map[y * 28 + x] = x < 14 ? -1 : x == 14 ? 0 : 1;
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 30, 15), 0);
    digits_draw_weights(&g, 1, 0, map, 1, rglyphs_get(RGLYPH_ASCII));
    for (int r = 0; r < 14; r++) {
        ck_assert_uint_eq(rgrid_at(&g, 1 + 3, r)->ch, ' ');
        ck_assert_uint_eq(rgrid_at(&g, 1 + 14, r)->ch, '+');
        ck_assert_uint_eq(rgrid_at(&g, 1 + 20, r)->ch, '@');
    }
    ck_assert_uint_eq(rgrid_at(&g, 1, 14)->ch, ' '); /* 14 rows only */
    /* Unicode, half blocks: -1 is ink 0 in both pixels (blank), 0 is ink
     * 1/2 (the medium shade U+2592), +1 ink 1 (the full block U+2588). */
    rgrid_clear(&g);
    digits_draw_weights(&g, 0, 0, map, 1, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 3, 5)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 14, 5)->ch, 0x2592);
    ck_assert_uint_eq(rgrid_at(&g, 20, 5)->ch, 0x2588);
    /* Narrow set, braille: -1 no dots, +1 all four dots of both pixels. */
    rgrid_clear(&g);
    digits_draw_weights(&g, 0, 0, map, 1, rglyphs_get(RGLYPH_NARROW));
    ck_assert_uint_eq(rgrid_at(&g, 3, 5)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 20, 5)->ch, 0x2800 + 0x1B + 0xE4);
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_draw_image_halfblocks)
{
    /* Rows 0 and 3 inked: cell row 0 has its upper half, cell row 1 its
     * lower half. */
    double img[DIGITS_PIXELS] = {0};
    for (int x = 0; x < 28; x++)
        img[0 * 28 + x] = img[3 * 28 + x] = 1;
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 28, 14), 0);
    digits_draw_image(&g, 0, 0, img, rglyphs_get(RGLYPH_UNICODE));
    ck_assert_uint_eq(rgrid_at(&g, 5, 0)->ch, 0x2580);
    ck_assert_uint_eq(rgrid_at(&g, 5, 1)->ch, 0x2584);
    ck_assert_uint_eq(rgrid_at(&g, 5, 2)->ch, ' ');
    rgrid_fini(&g);
}
END_TEST

START_TEST(test_draw_small)
{
    /* Shrunk 2:1: a small pixel is twice the mean of its 2 x 2 block, at
     * most 1; a cell is two small pixels (rows 0-3 of the image).
     * Cell 0 (columns 0-1): rows 0-1 full -> 1, rows 2-3 empty -> 0:
     *   (1, 0), the upper half block U+2580.
     * Cell 1 (columns 2-3): one pixel of each block -> 2 * 1/4 = 1/2:
     *   (1/2, 1/2), the medium shade U+2592.
     * Cell 2 (columns 4-5): a stroke one pixel wide down column 4 ->
     *   2 * 1/2 = 1 in both: the full block U+2588.
     * Cell 3 (columns 6-7): one pixel in the bottom block: (0, 1/2),
     *   nearest the light shade U+2591 (0.125 against 0.25 for blank and
     *   lower half). */
    double img[DIGITS_PIXELS] = {0};
    img[0] = img[1] = img[28] = img[29] = 1;
    img[2] = img[2 * 28 + 3] = 1;
    for (int r = 0; r < 4; r++)
        img[r * 28 + 4] = 1;
    img[3 * 28 + 6] = 1;
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 16, 8), 0);
    digits_draw_small(&g, 1, 0, img, rglyphs_get(RGLYPH_UNICODE), RS_BAD);
    ck_assert_uint_eq(rgrid_at(&g, 1, 0)->ch, 0x2580);
    ck_assert_uint_eq(rgrid_at(&g, 2, 0)->ch, 0x2592);
    ck_assert_uint_eq(rgrid_at(&g, 3, 0)->ch, 0x2588);
    ck_assert_uint_eq(rgrid_at(&g, 4, 0)->ch, 0x2591);
    ck_assert_uint_eq(rgrid_at(&g, 5, 0)->ch, ' ');
    ck_assert_uint_eq(rgrid_at(&g, 1, 1)->ch, ' ');
    /* 14 x 7 cells, all in the style asked for, nothing beyond. */
    ck_assert_int_eq(rgrid_at(&g, 1, 0)->style, RS_BAD);
    ck_assert_int_eq(rgrid_at(&g, 14, 6)->style, RS_BAD);
    ck_assert_int_eq(rgrid_at(&g, 15, 6)->style, RS_NORMAL);
    ck_assert_int_eq(rgrid_at(&g, 14, 7)->style, RS_NORMAL);
    /* ASCII: the mean of the two small pixels on " .:-=+*#%@": cell 0
     * 1/2 -> level 5 '+', cell 2 1 -> '@'. */
    rgrid_clear(&g);
    digits_draw_small(&g, 0, 0, img, rglyphs_get(RGLYPH_ASCII), RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, '+');
    ck_assert_uint_eq(rgrid_at(&g, 2, 0)->ch, '@');
    /* Narrow set: braille at full resolution, 2 x 4 pixels a cell; cell 0
     * has rows 0-1 of both columns: dots 1, 2, 4, 5 = U+281B. */
    digits_draw_small(&g, 0, 0, img, rglyphs_get(RGLYPH_NARROW), RS_NORMAL);
    ck_assert_uint_eq(rgrid_at(&g, 0, 0)->ch, 0x281B);
    rgrid_fini(&g);
}
END_TEST

static Suite *digits_suite(void)
{
    Suite *s = suite_create("digits");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_rectangle_scaled_and_centred);
    tcase_add_test(tc, test_stroke_off_centre);
    tcase_add_test(tc, test_big_digit_shrinks);
    tcase_add_test(tc, test_empty_and_bytes);
    tcase_add_test(tc, test_confusion_by_hand);
    tcase_add_test(tc, test_eval_known_network);
    tcase_add_test(tc, test_eval_steps);
    tcase_add_test(tc, test_weight_map);
    tcase_add_test(tc, test_draw_image_halfblocks);
    tcase_add_test(tc, test_draw_small);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(digits_suite)
