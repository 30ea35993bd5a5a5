/*
 * Headless tests of the gradient descent screen: opened with w from a
 * lesson step with a descent widget, stepped one step at a time, the
 * learning rate chosen from the presets and typed, stepped back, run to
 * the end; then the optimizer race. Points are read off the screen and
 * checked against closed forms and against the five update rules written
 * out here with the exact gradient: plain descent on x0^2 + x1^2 gives
 * x_k = (1 - 2*lr)^k * x_0.
 */
#include "check_helpers.h"
#include "screen_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lesson/lesson.h"
#include "render/grid.h"
#include "tui/app.h"
#include "tui/keys.h"
#include "tui/text.h"

static const char lesson_text[] = "# Descent\n"
                                  "\n"
                                  "## Plain\n"
                                  "No widget here.\n"
                                  "\n"
                                  "## Rates\n"
                                  "Three rates.\n"
                                  "\n"
                                  "@descent f=bowl start=-3,4 steps=100\n"
                                  "\n"
                                  "## Race\n"
                                  "Five optimizers.\n"
                                  "\n"
                                  "@descent opt=all\n";

static struct rgrid grid;

static void setup_ascii(struct app *a, enum tui_lang lang, int step, int ascii)
{
    struct options o = {.ascii = ascii};
    screen_app_open(a, &o, lang, "descent", lesson_text);
    for (int i = 0; i < step; i++)
        app_action(a, ACT_NEXT, 0);
    app_action(a, ACT_WALK, 0);
    ck_assert_ptr_eq(a->view, &descent_view);
}

static void setup(struct app *a, enum tui_lang lang, int step)
{
    setup_ascii(a, lang, step, 0);
}

static char *screen(struct app *a)
{
    return screen_draw_into(a, &grid);
}

#define ck_shows(a, needle) ck_drawn_shows(screen(a), needle)

/* The point and f of the summary row that starts with label. */
static void point_of(struct app *a, const char *label, double p[2], double *f)
{
    char *s = screen(a);
    /* The summary row: the label, spaces, then the table's bar (the
     * legend of the map names the runs too). */
    const char *at = s, *row = NULL;
    while (!row && (at = strstr(at, label)) != NULL) {
        at += strlen(label);
        const char *c = at;
        while (*c == ' ')
            c++;
        if (*c == '|')
            row = c;
    }
    ck_assert_msg(row != NULL, "no row \"%s\":\n%s", label, s);
    at = strchr(row, '(');
    ck_assert_ptr_nonnull(at);
    ck_assert_int_eq(sscanf(at, "(%lf, %lf) | %lf", &p[0], &p[1], f), 3);
    free(s);
}

static void steps(struct app *a, int k)
{
    for (int i = 0; i < k; i++)
        app_action(a, ACT_NEXT, 0);
}

/* Plain descent on the bowl after k steps from (-3, 4), by the closed
 * form, against the screen (6 significant digits shown). */
static void check_bowl(struct app *a, const char *label, double lr, int k)
{
    double p[2], f, q = pow(1 - 2 * lr, k);
    point_of(a, label, p, &f);
    ck_assert_rel(p[0], -3 * q, 1e-5);
    ck_assert_rel(p[1], 4 * q, 1e-5);
    ck_assert_rel(f, 25 * q * q, 1e-3);
    char st[32];
    snprintf(st, sizeof st, "Step %d/100", k);
    ck_shows(a, st);
}

START_TEST(test_step_by_step)
{
    struct app a;
    setup(&a, TUI_EN, 1);
    ck_shows(&a, "f(x0, x1) = x0^2 + x1^2  |  sgd, lr = 0.1 (good)");
    ck_shows(&a, "Step 0/100");
    ck_shows(&a, "start (-3, 4)");
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 0);
    for (int k = 1; k <= 5; k++) {
        steps(&a, 1);
        check_bowl(&a, "sgd, lr = 0.1", 0.1, k);
    }
    app_action(&a, ACT_PREV, 0);
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 4);
    app_action(&a, ACT_FIRST, 0);
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 0);
    screen_key(&a, 'r');
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 100);
    steps(&a, 1);
    ck_shows(&a, "All 100 steps taken");
    app_action(&a, ACT_BACK, 0);
    ck_assert_ptr_eq(a.view, &lesson_view);
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_presets)
{
    struct app a;
    setup(&a, TUI_EN, 1);
    steps(&a, 7);
    /* A new rate keeps the number of steps taken. */
    app_action(&a, ACT_DEC, 0);
    ck_shows(&a, "lr = 0.001 (too small)");
    check_bowl(&a, "sgd, lr = 0.001", 0.001, 7);
    app_action(&a, ACT_DEC, 0); /* stays the smallest */
    check_bowl(&a, "sgd, lr = 0.001", 0.001, 7);
    app_action(&a, ACT_INC, 0);
    app_action(&a, ACT_INC, 0);
    ck_shows(&a, "lr = 10 (too large)");
    app_action(&a, ACT_FIRST, 0);
    steps(&a, 3);
    check_bowl(&a, "sgd, lr = 10", 10, 3); /* (-19)^3 * (-3, 4) */
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_typed_rate)
{
    struct app a;
    setup(&a, TUI_EN, 1);
    screen_type(&a, "0.255");
    screen_key(&a, KEY_BACKSPACE);
    ck_shows(&a, "learning rate = 0.25_");
    screen_key(&a, '\n');
    ck_shows(&a, "lr = 0.25 (typed)");
    steps(&a, 6);
    check_bowl(&a, "sgd, lr = 0.25", 0.25, 6); /* halves each step */
    /* lr = 1 bounces between (-3, 4) and (3, -4). */
    screen_type(&a, "1\n");
    check_bowl(&a, "sgd, lr = 1", 1, 6);
    steps(&a, 1);
    check_bowl(&a, "sgd, lr = 1", 1, 7);
    /* Refused: zero, too large, not a number. */
    const char *bad[] = {"0", "5000", "."};
    for (int i = 0; i < 3; i++) {
        screen_type(&a, bad[i]);
        screen_key(&a, '\n');
        char msg[64];
        snprintf(msg, sizeof msg, "'%s' is not a learning rate", bad[i]);
        ck_shows(&a, msg);
        ck_shows(&a, "lr = 1 (typed)");
    }
    screen_teardown(&a, &grid);
}
END_TEST

/* The five rules of the core's optimizers (src/core/optim.h), with the
 * exact gradient of x^2/20 + y^2 and the race's rates. */
static void race_ref(int kind, int k, double p[2])
{
    static const double lr[] = {0.95, 0.1, 1.5, 0.3, 0.3};
    double v[2] = {0, 0}, h[2] = {0, 0}, m[2] = {0, 0}, eps = 1e-7;
    p[0] = -7;
    p[1] = 2;
    for (int t = 1; t <= k; t++) {
        double g[2] = {p[0] / 10, 2 * p[1]};
        for (int i = 0; i < 2; i++) {
            switch (kind) {
            case 0:
                p[i] -= lr[0] * g[i];
                break;
            case 1:
                v[i] = 0.9 * v[i] - lr[1] * g[i];
                p[i] += v[i];
                break;
            case 2:
                h[i] += g[i] * g[i];
                p[i] -= lr[2] * g[i] / (sqrt(h[i]) + eps);
                break;
            case 3:
                h[i] = 0.9 * h[i] + 0.1 * g[i] * g[i];
                p[i] -= lr[3] * g[i] / (sqrt(h[i]) + eps);
                break;
            default:
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                h[i] = 0.999 * h[i] + 0.001 * g[i] * g[i];
                p[i] -= lr[4] * (m[i] / (1 - pow(0.9, t))) /
                        (sqrt(h[i] / (1 - pow(0.999, t))) + eps);
                break;
            }
        }
    }
}

static void check_race(struct app *a, int k)
{
    static const char *const label[] = {"sgd, lr = 0.95", "momentum, lr = 0.1",
                                        "adagrad, lr = 1.5",
                                        "rmsprop, lr = 0.3", "adam, lr = 0.3"};
    for (int i = 0; i < 5; i++) {
        double p[2], want[2], f;
        race_ref(i, k, want);
        point_of(a, label[i], p, &f);
        for (int c = 0; c < 2; c++)
            ck_assert_msg(fabs(p[c] - want[c]) <= 1e-5 * fabs(want[c]) + 1e-9,
                          "%s after %d steps: %g, want %g", label[i], k, p[c],
                          want[c]);
        /* f is shown to 4 significant digits. */
        ck_assert_rel(f, want[0] * want[0] / 20 + want[1] * want[1], 1e-3);
    }
    char st[32];
    snprintf(st, sizeof st, "Step %d/30", k);
    ck_shows(a, st);
}

START_TEST(test_race)
{
    struct app a;
    setup(&a, TUI_EN, 2);
    ck_shows(&a, "f(x, y) = x^2/20 + y^2  |  five optimizers");
    check_race(&a, 0);
    for (int k = 1; k <= 4; k++) {
        steps(&a, 1);
        check_race(&a, k);
    }
    screen_key(&a, 'r');
    check_race(&a, 30);
    /* Tab: the rates view, from its start again, and back. */
    app_action(&a, ACT_PANEL, 0);
    ck_shows(&a, "sgd, lr = 0.1 (good)");
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 0);
    app_action(&a, ACT_PANEL, 0);
    check_race(&a, 0);
    screen_teardown(&a, &grid);
}
END_TEST

START_TEST(test_korean_and_keys)
{
    struct app a;
    setup(&a, TUI_KO, 1);
    ck_shows(&a, "학습률 = 0.1 (알맞음)");
    ck_shows(&a, "0/100 걸음");
    app_action(&a, ACT_HELP, 0);
    ck_shows(&a, "학습률: 너무 작음, 알맞음, 너무 큼");
    ck_shows(&a, "끝까지 모두 걷기");
    app_action(&a, ACT_HELP, 0);
    /* The keys of the screen: Space steps, r runs, Right a larger rate. */
    screen_key(&a, ' ');
    screen_key(&a, ' ');
    ck_shows(&a, "2/100 걸음");
    screen_key(&a, KEY_RIGHT);
    ck_shows(&a, "학습률 = 10 (너무 큼)");
    ck_shows(&a, "2/100 걸음");
    screen_key(&a, 'r');
    ck_shows(&a, "100/100 걸음");
    screen_key(&a, '\t');
    ck_shows(&a, "0/30 걸음");
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    screen_teardown(&a, &grid);
}
END_TEST

/* --ascii: the map, the summary and the key names all in ASCII, in
 * both views. */
START_TEST(test_ascii)
{
    struct app a;
    setup_ascii(&a, TUI_EN, 1, 1);
    for (int view = 0; view < 2; view++) {
        steps(&a, 3);
        char *s = screen(&a);
        for (const char *p = s; *p; p++)
            ck_assert_msg((unsigned char)*p < 128, "not ASCII:\n%s", s);
        free(s);
        ck_shows(&a, "Left/Right rate");
        screen_key(&a, '\t');
    }
    check_bowl(&a, "sgd, lr = 0.1", 0.1, 0);
    screen_teardown(&a, &grid);
}
END_TEST

static Suite *screen_descent_suite(void)
{
    Suite *s = suite_create("tui-screen-descent");
    TCase *tc = tcase_create("descent");
    tcase_add_test(tc, test_step_by_step);
    tcase_add_test(tc, test_presets);
    tcase_add_test(tc, test_typed_rate);
    tcase_add_test(tc, test_race);
    tcase_add_test(tc, test_korean_and_keys);
    tcase_add_test(tc, test_ascii);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(screen_descent_suite)
