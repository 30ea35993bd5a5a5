/*
 * The activation explorer, headless: opened with w from a lesson step
 * whose figure is a @plot (set up like it) or a @softmax, driven by keys
 * through the key table, drawn into a cell grid and read back as text.
 * Readouts are checked against libm.
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

static const char fixture[] = "# Explorer fixture\n"
                              "\n"
                              "## Prose only\n"
                              "No figure here.\n"
                              "\n"
                              "## Leaky\n"
                              "A plot.\n"
                              "\n"
                              "@plot fn=leaky_relu slope=0.1 from=-5 to=5 "
                              "cursor=-3 deriv=yes\n"
                              "\n"
                              "## Scores\n"
                              "Bars.\n"
                              "\n"
                              "@softmax logits=2.0,1.0,0.1\n";

static void setup(struct app *a, int ascii)
{
    struct options o = {.ascii = ascii, .demo_seconds = 5};
    screen_app_open(a, &o, TUI_EN, "fixture", fixture);
}

START_TEST(test_open_only_from_a_figure)
{
    struct app a;
    setup(&a, 0);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "w: try it");
    free(s);
    screen_key(&a, 'w'); /* no figure on this step: nothing happens */
    ck_assert_ptr_eq(a.view, &lesson_view);
    screen_key(&a, KEY_RIGHT);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "w: try it");
    free(s);
    screen_key(&a, 'w');
    ck_assert_ptr_eq(a.view, &activations_view);
    s = screen_draw(&a, 80, 24);
    /* Set up like the @plot: leaky ReLU, a = 0.1, cursor at -3. */
    ck_assert_shows(s, "[leaky_relu]");
    ck_assert_shows(s, "x = -3   f(x) = -0.3   f'(x) = 0.1");
    ck_assert_shows(s, "slope a = 0.10");
    ck_assert_shows(s, "leaky_relu' (a = 0.1)"); /* derivative shown */
    free(s);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.step, 1); /* back on the same step */
    app_fini(&a);
}
END_TEST

START_TEST(test_cursor_function_slope_derivative)
{
    struct app a;
    setup(&a, 0);
    screen_key(&a, KEY_RIGHT);
    screen_key(&a, 'w');
    for (int i = 0; i < 5; i++)
        screen_key(&a, KEY_RIGHT); /* -3 + 5 * 0.1 = -2.5 */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "x = -2.5   f(x) = -0.25   f'(x) = 0.1");
    free(s);
    screen_key(&a, ']');
    screen_key(&a, ']');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "slope a = 0.12");
    ck_assert_shows(s, "f(x) = -0.3   f'(x) = 0.12");
    free(s);
    screen_key(&a, 'd');
    s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "leaky_relu'");
    free(s);
    screen_key(&a, KEY_UP); /* relu, relu ... tanh */
    screen_key(&a, KEY_UP);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[tanh]");
    char want[96];
    snprintf(want, sizeof want, "x = -2.5   f(x) = %.6g   f'(x) = %.6g",
             tanh(-2.5), 1 - tanh(-2.5) * tanh(-2.5));
    ck_assert_shows(s, want);
    ck_assert_hides(s, "slope a");
    free(s);
    screen_key(&a, KEY_END);
    s = screen_draw(&a, 80, 24);
    snprintf(want, sizeof want, "x = 5   f(x) = %.6g", tanh(5.0));
    ck_assert_shows(s, want);
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_softmax_logits)
{
    struct app a;
    setup(&a, 1);
    screen_key(&a, KEY_END);
    screen_key(&a, 'w');
    ck_assert_ptr_eq(a.view, &activations_view);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[softmax]");
    ck_assert_shows(s, "0.659");
    free(s);
    screen_key(&a, KEY_DOWN); /* the second logit */
    for (int i = 0; i < 10; i++)
        screen_key(&a, KEY_RIGHT); /* 1.0 -> 2.0 */
    s = screen_draw(&a, 80, 24);
    double p = exp(2.0) / (2 * exp(2.0) + exp(0.1));
    char want[64];
    snprintf(want, sizeof want, "z2 = 2.00   p2 = %.6g", p);
    ck_assert_shows(s, want);
    snprintf(want, sizeof want, "%.3f", p);
    ck_assert_shows(s, want);
    ck_assert_shows(s, "sum of the probabilities = 1.000");
    ck_assert_hides(s, "\xe2"); /* --ascii: no UTF-8 lead bytes */
    free(s);
    screen_key(&a, ' '); /* Space leaves softmax: identity comes next */
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[identity]");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_help_and_korean)
{
    struct app a;
    setup(&a, 0);
    screen_key(&a, KEY_RIGHT);
    screen_key(&a, 'w');
    screen_key(&a, '?');
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "show or hide the derivative");
    ck_assert_shows(s, "leaky ReLU: slope a up by 0.01");
    free(s);
    screen_key(&a, 27);
    screen_key(&a, 'L');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "식:");
    ck_assert_shows(s, "기울기 a = 0.10");
    free(s);
    app_fini(&a);
}
END_TEST

static Suite *explorer_suite(void)
{
    Suite *s = suite_create("screen-activations");
    TCase *tc = tcase_create("explorer");
    tcase_add_test(tc, test_open_only_from_a_figure);
    tcase_add_test(tc, test_cursor_function_slope_derivative);
    tcase_add_test(tc, test_softmax_logits);
    tcase_add_test(tc, test_help_and_korean);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(explorer_suite)
