/*
 * Headless tests of the forward-pass screen: opened with w from a lesson
 * step with a shapes widget, layer sizes and the batch size changed with
 * + and -, typed, layers added and removed, bad values refused, q back to
 * the lesson. Every shape and count is checked against the rules worked
 * out here: X (m x n) · W (n x j) + B (1 x j) = Y (m x j), and n·j + j
 * parameters per layer.
 */
#include "check_helpers.h"
#include "screen_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "render/grid.h"
#include "tui/app.h"
#include "tui/keys.h"
#include "tui/text.h"

static const char lesson_text[] = "# Shapes\n"
                                  "\n"
                                  "## Plain\n"
                                  "No widget here.\n"
                                  "\n"
                                  "## Layers\n"
                                  "Every layer is one product.\n"
                                  "\n"
                                  "@shapes layers=4,8,8,3 batch=4\n";

static struct rgrid grid;

static void setup(struct app *a, enum tui_lang lang)
{
    screen_app_open(a, NULL, lang, "shapes", lesson_text);
}

static char *screen(struct app *a)
{
    return screen_draw_into(a, &grid);
}

#define ck_shows(a, needle) ck_drawn_shows(screen(a), needle)

/* Type a number into the field under the cursor, then Enter. */
static void enter(struct app *a, const char *value)
{
    screen_type(a, value);
    screen_key(a, '\n');
}

/* The layer lines the screen must show for sizes and batch m, by the
 * shape rules, and the total of n*j + j over the layers. */
static long check_shapes(struct app *a, const long *sizes, int n_layers, long m)
{
    long total = 0;
    for (int l = 1; l <= n_layers; l++) {
        long n = sizes[l - 1], j = sizes[l];
        char w[64], y[64], x[64];
        if (l == 1)
            snprintf(x, sizeof x, "X(%ldx%ld) * W1(%ldx%ld)", m, n, n, j);
        else
            snprintf(x, sizeof x, "Y%d(%ldx%ld) * W%d(%ldx%ld)", l - 1, m, n, l,
                     n, j);
        snprintf(w, sizeof w, "B%d(1x%ld)", l, j);
        snprintf(y, sizeof y, "Y%d(%ldx%ld)", l, m, j);
        ck_shows(a, x);
        ck_shows(a, w);
        ck_shows(a, y);
        total += n * j + j;
    }
    char t[64];
    snprintf(t, sizeof t, "parameters: %ld", total);
    ck_shows(a, t);
    return total;
}

START_TEST(test_open_and_back)
{
    struct app a;
    setup(&a, TUI_EN);
    app_action(&a, ACT_WALK, 0); /* step 1 has no shapes widget */
    ck_assert_ptr_eq(a.view, &lesson_view);
    app_action(&a, ACT_NEXT, 0);
    ck_shows(&a, "w: try it");
    app_action(&a, ACT_WALK, 0);
    ck_assert_ptr_eq(a.view, &forward_view);
    ck_shows(&a, "Network 4-8-8-3, a mini-batch of m = 4:");
    long sizes[] = {4, 8, 8, 3};
    ck_assert_int_eq(check_shapes(&a, sizes, 3, 4), 139);
    ck_shows(&a, "softmax");
    app_action(&a, ACT_BACK, 0);
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.step, 1);
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_change_sizes)
{
    struct app a;
    setup(&a, TUI_EN);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    /* The cursor starts on layer 1. */
    app_action(&a, ACT_INC, 0);
    app_action(&a, ACT_INC, 0);
    long s1[] = {4, 10, 8, 3};
    ck_assert_int_eq(check_shapes(&a, s1, 3, 4),
                     4 * 10 + 10 + 10 * 8 + 8 + 8 * 3 + 3);
    ck_shows(&a, "layer 1 is now 10");
    app_action(&a, ACT_DEC, 0);
    long s2[] = {4, 9, 8, 3};
    check_shapes(&a, s2, 3, 4);
    /* Down to the batch: the fields are inputs, 3 layers, batch m. */
    app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_DOWN, 0);
    enter(&a, "100");
    check_shapes(&a, s2, 3, 100);
    app_action(&a, ACT_DEC, 0);
    check_shapes(&a, s2, 3, 99);
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_layers_added_and_removed)
{
    struct app a;
    setup(&a, TUI_EN);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_ADD, 0); /* a copy of layer 1's width after it */
    long s1[] = {4, 8, 8, 8, 3};
    check_shapes(&a, s1, 4, 4);
    enter(&a, "5"); /* the cursor is on the new layer 2 */
    long s2[] = {4, 8, 5, 8, 3};
    check_shapes(&a, s2, 4, 4);
    screen_key(&a, 'X'); /* X, like Del, removes the layer under the cursor */
    long s3[] = {4, 8, 8, 3};
    ck_assert_int_eq(check_shapes(&a, s3, 3, 4), 139);
    /* Inputs and the output are not hidden layers. */
    app_action(&a, ACT_UP, 0);
    app_action(&a, ACT_UP, 0); /* from layer 2 to the inputs */
    app_action(&a, ACT_REMOVE, 0);
    ck_shows(&a, "Put the cursor on a hidden layer");
    check_shapes(&a, s3, 3, 4);
    screen_teardown(&a, &grid);
}
END_TEST

/* The seed's MNIST network: 784*50 + 50 = 39,250 and 50*10 + 10 = 510. */
START_TEST(test_mnist_counts)
{
    struct app a;
    setup(&a, TUI_EN);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_REMOVE, 0); /* 4-8-3 */
    app_action(&a, ACT_UP, 0);
    enter(&a, "784");
    app_action(&a, ACT_DOWN, 0);
    enter(&a, "50");
    app_action(&a, ACT_DOWN, 0);
    enter(&a, "10");
    app_action(&a, ACT_DOWN, 0);
    enter(&a, "1");
    long s[] = {784, 50, 10};
    ck_assert_int_eq(check_shapes(&a, s, 2, 1), 39760);
    ck_shows(&a, "784*50 = 39,200");
    ck_shows(&a, "39,250");
    ck_shows(&a, "510");
    ck_shows(&a, "39,760");
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_bad_values)
{
    struct app a;
    setup(&a, TUI_EN);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_DOWN, 0); /* the output layer: softmax needs 2 */
    enter(&a, "1");
    ck_shows(&a, "'1' is not a whole number from 2 to 1024");
    enter(&a, "5000");
    ck_shows(&a, "'5000' is not a whole number from 2 to 1024");
    app_action(&a, ACT_DEC, 0); /* 3 -> 2 is fine */
    app_action(&a, ACT_DEC, 0); /* 2 -> 1 is not taken */
    long s[] = {4, 8, 8, 2};
    check_shapes(&a, s, 3, 4);
    /* Backspace erases a typed digit; Esc drops what was typed. */
    screen_type(&a, "79");
    ck_shows(&a, "[79_]");
    screen_key(&a, KEY_BACKSPACE);
    ck_shows(&a, "[7_]");
    screen_key(&a, 27);
    ck_shows(&a, "[2]");
    check_shapes(&a, s, 3, 4);
    /* Left and Right are the keys for one smaller and one larger. */
    screen_key(&a, KEY_RIGHT);
    long s2[] = {4, 8, 8, 3};
    check_shapes(&a, s2, 3, 4);
    screen_key(&a, 'a'); /* on the output: a hidden layer before it */
    long s3[] = {4, 8, 8, 3, 3};
    check_shapes(&a, s3, 4, 4);
    screen_key(&a, KEY_DC);
    check_shapes(&a, s2, 3, 4);
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_korean_and_help)
{
    struct app a;
    setup(&a, TUI_KO);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    ck_shows(&a, "신경망 4-8-8-3, 미니배치 m = 4:");
    ck_shows(&a, "파라미터: 139개");
    app_action(&a, ACT_HELP, 0);
    ck_shows(&a, "커서 뒤에 은닉층 추가");
    ck_shows(&a, "단원의 그 단계로 돌아가기");
    screen_teardown(&a, &grid);
}
END_TEST

static Suite *screen_forward_suite(void)
{
    Suite *s = suite_create("tui-screen-forward");
    TCase *tc = tcase_create("forward");
    tcase_add_test(tc, test_open_and_back);
    tcase_add_test(tc, test_change_sizes);
    tcase_add_test(tc, test_layers_added_and_removed);
    tcase_add_test(tc, test_mnist_counts);
    tcase_add_test(tc, test_bad_values);
    tcase_add_test(tc, test_korean_and_help);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(screen_forward_suite)
