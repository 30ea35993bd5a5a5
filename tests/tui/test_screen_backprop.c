/*
 * Headless tests of the interactive backprop walkthrough screen: opened
 * from a lesson step with a walkthrough widget, stepped line by line, the
 * cursor over nodes and edges, a weight edited through the input line,
 * the numerical gradient toggled, a hand calculation checked, more
 * updates run, the bias modes cycled. Values are checked against the
 * seed's figures and against a forward and backward pass written out
 * here with libm, not against the code under test.
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

static const char lesson_text[] = "# Walk\n"
                                  "\n"
                                  "## Plain\n"
                                  "No widget here.\n"
                                  "\n"
                                  "## Error\n"
                                  "How wrong are we?\n"
                                  "\n"
                                  "@walkthrough stage=error\n";

static void setup_ascii(struct app *a, int ascii)
{
    struct options o = {.ascii = ascii};
    screen_app_open(a, &o, TUI_EN, "walk", lesson_text);
}

static void setup(struct app *a)
{
    setup_ascii(a, 0);
}

static struct rgrid grid;

static char *screen(struct app *a)
{
    return screen_draw_into(a, &grid);
}

#define ck_shows(a, needle) ck_drawn_shows(screen(a), needle)
#define ck_hides(a, needle) ck_drawn_hides(screen(a), needle)

/* The style of the first cell of `needle` on the last drawn screen. */
static int style_of(const char *needle)
{
    int n = (int)strlen(needle);
    for (int y = 0; y < grid.h; y++)
        for (int x = 0; x + n <= grid.w; x++) {
            int k = 0;
            while (k < n &&
                   rgrid_at(&grid, x + k, y)->ch == (unsigned char)needle[k])
                k++;
            if (k == n)
                return rgrid_at(&grid, x, y)->style;
        }
    ck_abort_msg("\"%s\" not on screen", needle);
    return -1;
}

static void type(struct app *a, const char *s)
{
    for (; *s; s++)
        ck_assert_int_eq(app_key(a, (unsigned char)*s), 1);
}

static void clear_input(struct app *a)
{
    for (int i = 0; i < 16; i++)
        app_key(a, KEY_BACKSPACE);
}

/* The 2-2-2 network written out: forward pass, half-SSE and the
 * backward pass by the chain rule, plain gradient descent. */
struct ref {
    double x[2], w[8], t[2], lr;
};

static double sig(double z)
{
    return 1.0 / (1.0 + exp(-z));
}

static double ref_forward(const struct ref *r, double h[2], double o[2],
                          double z[4])
{
    z[0] = r->w[0] * r->x[0] + r->w[1] * r->x[1];
    z[1] = r->w[2] * r->x[0] + r->w[3] * r->x[1];
    h[0] = sig(z[0]);
    h[1] = sig(z[1]);
    z[2] = r->w[4] * h[0] + r->w[5] * h[1];
    z[3] = r->w[6] * h[0] + r->w[7] * h[1];
    o[0] = sig(z[2]);
    o[1] = sig(z[3]);
    return 0.5 * ((r->t[0] - o[0]) * (r->t[0] - o[0]) +
                  (r->t[1] - o[1]) * (r->t[1] - o[1]));
}

static void ref_update(struct ref *r)
{
    double h[2], o[2], z[4], g[8];
    ref_forward(r, h, o, z);
    double d3 = (o[0] - r->t[0]) * o[0] * (1 - o[0]);
    double d4 = (o[1] - r->t[1]) * o[1] * (1 - o[1]);
    double d1 = (d3 * r->w[4] + d4 * r->w[6]) * h[0] * (1 - h[0]);
    double d2 = (d3 * r->w[5] + d4 * r->w[7]) * h[1] * (1 - h[1]);
    g[0] = d1 * r->x[0];
    g[1] = d1 * r->x[1];
    g[2] = d2 * r->x[0];
    g[3] = d2 * r->x[1];
    g[4] = d3 * h[0];
    g[5] = d3 * h[1];
    g[6] = d4 * h[0];
    g[7] = d4 * h[1];
    for (int k = 0; k < 8; k++)
        r->w[k] -= r->lr * g[k];
}

static const struct ref seed = {
    {0.1, 0.2}, {0.3, 0.25, 0.4, 0.35, 0.45, 0.4, 0.7, 0.6}, {0.4, 0.6}, 0.5};

/* w opens it from a step with a backprop widget, with the lines the
 * lesson has shown revealed; not from a step without one; q goes back. */
START_TEST(test_open_and_back)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_WALK, 0);
    ck_assert_ptr_eq(a.view, &lesson_view); /* step 1 has no widget */
    ck_hides(&a, "try it");
    app_action(&a, ACT_NEXT, 0);
    ck_shows(&a, "w: try it");
    app_action(&a, ACT_WALK, 0);
    ck_assert_ptr_eq(a.view, &backprop_view);
    /* 8 forward lines and the 3 error lines are shown; 58 in all: 8 + 3
     * + 16 (stage 1: 4 weights x 3 lines + 2 x 2 factors) + 20 (stage 2:
     * 4 x 3 + 2 x 4) + 8 + 3 after the update. */
    ck_shows(&a, "Line 11/58");
    ck_shows(&a, "E_total = E_o1 + E_o2 = 0.02193381 + 0.00203809 = "
                 "0.02397190");
    ck_shows(&a, "[h1 0.51998934]");
    ck_shows(&a, "[o2 0.66384491]");
    ck_shows(&a, "t1 0.4");
    ck_shows(&a, "no bias");
    app_action(&a, ACT_BACK, 0);
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.step, 1);
    screen_teardown(&a, &grid);
}
END_TEST

/* Each step reveals one line; the diagram highlights what it is about. */
START_TEST(test_step_highlights)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_NEXT, 0);
    ck_shows(&a, "Line 12/58");
    ck_shows(&a, "−(0.4 − 0.60944600) = 0.20944600");
    ck_assert_int_eq(style_of("[o1 "), RS_HIGHLIGHT); /* ∂E/∂o1 */
    ck_assert_int_eq(style_of("[o2 "), RS_NORMAL);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_NEXT, 0); /* ∂E/∂W5 */
    ck_shows(&a, "0.20944600 × 0.23802157 × 0.51998934");
    ck_shows(&a, "= 0.02592286");
    ck_assert_int_eq(style_of("W5 0.45"), RS_HIGHLIGHT);
    ck_assert_int_eq(style_of("[o1 "), RS_NORMAL);
    app_action(&a, ACT_PREV, 0);
    ck_shows(&a, "Line 14/58");
    ck_assert_int_eq(style_of("W5 0.45"), RS_HIGHLIGHT); /* ∂z3/∂W5 */
    app_action(&a, ACT_LAST, 0);
    ck_shows(&a, "Line 58/58");
    /* After the update the diagram carries the new values. */
    ck_shows(&a, "[o1 0.60617688]");
    ck_shows(&a, "W5 0.437039");
    app_action(&a, ACT_FIRST, 0);
    ck_shows(&a, "Line 0/58");
    ck_shows(&a, "[h1]"); /* nothing computed yet */
    screen_teardown(&a, &grid);
}
END_TEST

/* The cursor walks x1, x2, h1, h2, o1, o2, t1, t2, W1..W8, the rate. */
START_TEST(test_cursor)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    ck_shows(&a, "x1 = 0.1  (an input; e edits it)");
    app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_DOWN, 0);
    ck_shows(&a, "h1 = sigmoid(z1) = sigmoid(0.08000000) = 0.51998934");
    ck_shows(&a, "∂E/∂h1 = ∂E_o1/∂h1 + ∂E_o2/∂h1 = 0.02243370 + "
                 "0.00997311 = 0.03240681");
    ck_assert_int_eq(style_of("[h1 "), RS_ACCENT);
    for (int i = 0; i < 10; i++)
        app_action(&a, ACT_DOWN, 0); /* W5 */
    ck_shows(&a, "W5⁺ = W5 − α×∂E/∂W5 = 0.45 − 0.5×0.02592286 = 0.43703857");
    ck_assert_int_eq(style_of("W5 0.45"), RS_ACCENT);
    for (int i = 0; i < 4; i++)
        app_action(&a, ACT_DOWN, 0);
    ck_shows(&a, "learning rate = 0.5");
    app_action(&a, ACT_DOWN, 0); /* wraps around */
    ck_shows(&a, "x1 = 0.1");
    app_action(&a, ACT_UP, 0);
    ck_shows(&a, "learning rate = 0.5");
    screen_teardown(&a, &grid);
}
END_TEST

/* A click on a node's box or an edge's label moves the cursor there. */
START_TEST(test_click)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    char *s = screen(&a);
    /* Find "W7 0.7" and "[o2 " on screen, click them. */
    int wx = -1, wy = -1, ox = -1, oy = -1;
    for (int y = 0; y < grid.h; y++)
        for (int x = 0; x + 4 < grid.w; x++) {
            if (rgrid_at(&grid, x, y)->ch == 'W' &&
                rgrid_at(&grid, x + 1, y)->ch == '7')
                wx = x, wy = y;
            if (rgrid_at(&grid, x, y)->ch == '[' &&
                rgrid_at(&grid, x + 1, y)->ch == 'o' &&
                rgrid_at(&grid, x + 2, y)->ch == '2')
                ox = x, oy = y;
        }
    free(s);
    ck_assert_int_ge(wx, 0);
    app_click(&a, wx + 3, wy);
    ck_shows(&a, "W7⁺ = W7 − α×∂E/∂W7 = 0.7 − 0.5×0.00740844 = 0.69629578");
    ck_assert_int_ge(ox, 0);
    app_click(&a, ox + 5, oy);
    ck_shows(&a, "o2 = sigmoid(z4) = sigmoid(0.68047592) = 0.66384491");
    app_click(&a, 0, 0); /* nowhere: the cursor stays */
    ck_shows(&a, "o2 = sigmoid(z4)");
    screen_teardown(&a, &grid);
}
END_TEST

/* e on W5 opens the input line; the new value is used everywhere. */
START_TEST(test_edit_weight)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    for (int i = 0; i < 12; i++)
        app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_EDIT, 0);
    ck_shows(&a, "W5 = 0.45_");
    clear_input(&a);
    type(&a, "0.5");
    ck_assert_int_eq(app_key(&a, 'x'), 1); /* taken, ignored */
    ck_shows(&a, "W5 = 0.5_");
    ck_assert_int_eq(app_key(&a, '\n'), 1);
    ck_assert_int_eq(app_key(&a, 'x'), 0); /* input closed */
    struct ref r = seed;
    r.w[4] = 0.5;
    double h[2], o[2], z[4];
    double e = ref_forward(&r, h, o, z);
    char want[64];
    snprintf(want, sizeof want, "[o1 %.8f]", o[0]);
    ck_shows(&a, want);
    snprintf(want, sizeof want, "z3 %.8f", z[2]);
    ck_shows(&a, want);
    snprintf(want, sizeof want, "= %.8f", e);
    ck_shows(&a, want); /* E_total, still the current line */
    ck_shows(&a, "W5 is now 0.5");
    /* Not a number: nothing changes. */
    app_action(&a, ACT_EDIT, 0);
    clear_input(&a);
    type(&a, "1e9");
    app_key(&a, '\r');
    ck_shows(&a, "'1e9' is not a number in range");
    ck_shows(&a, "W5 0.5");
    /* Esc leaves the input line without a change. */
    app_action(&a, ACT_EDIT, 0);
    type(&a, "7");
    app_key(&a, 27);
    ck_shows(&a, "W5 0.5 ");
    /* A computed value cannot be edited. */
    for (int i = 0; i < 10; i++)
        app_action(&a, ACT_UP, 0); /* h1 */
    app_action(&a, ACT_EDIT, 0);
    ck_shows(&a, "h1 is computed");
    screen_teardown(&a, &grid);
}
END_TEST

/* n: the numerical gradient beside backprop's for every weight. */
START_TEST(test_numeric_toggle)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_NUMERIC, 0);
    ck_shows(&a, "Numerical gradient (central difference, h = 1e-4)");
    static const char *const rows[8] = {
        "∂E/∂W1   0.00080888  (backprop 0.00080888, difference",
        "∂E/∂W2   0.00161775  (backprop 0.00161775, difference",
        "∂E/∂W3   0.00071009  (backprop 0.00071009, difference",
        "∂E/∂W4   0.00142017  (backprop 0.00142017, difference",
        "∂E/∂W5   0.02592286  (backprop 0.02592286, difference",
        "∂E/∂W6   0.02629590  (backprop 0.02629590, difference",
        "∂E/∂W7   0.00740844  (backprop 0.00740844, difference",
        "∂E/∂W8   0.00751506  (backprop 0.00751506, difference",
    };
    for (int i = 0; i < 8; i++)
        ck_shows(&a, rows[i]);
    ck_shows(&a, "Line 11/66"); /* eight numeric lines more */
    app_action(&a, ACT_NUMERIC, 0);
    ck_hides(&a, "Numerical gradient");
    ck_shows(&a, "[h1 0.51998934]");
    ck_shows(&a, "Line 11/58");
    screen_teardown(&a, &grid);
}
END_TEST

/* c: type the next line's value before it is shown. */
START_TEST(test_check_calculation)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    for (int i = 0; i < 3; i++)
        app_action(&a, ACT_NEXT, 0); /* next: ∂E/∂W5 */
    ck_hides(&a, "0.02592286");
    app_action(&a, ACT_CHECK, 0);
    ck_shows(&a, "Your value for ∂E/∂W5: _");
    /* h2 = 0.52747230 in place of h1: 0.20944600 × 0.23802157 × h2. */
    type(&a, "0.02629590");
    app_key(&a, '\n');
    ck_shows(&a, "0.02629590 is not ∂E/∂W5.");
    /* Wrapped over two rows at 80 columns. */
    ck_shows(&a, "Check ∂z3/∂W5: it is 0.51998934, you seem to have");
    ck_shows(&a, "\n  used h2.\n");
    ck_shows(&a, "Line 14/58"); /* not revealed */
    app_action(&a, ACT_CHECK, 0);
    type(&a, "0.03");
    app_key(&a, '\n');
    ck_shows(&a, "type at least 4 decimals");
    app_action(&a, ACT_CHECK, 0);
    type(&a, "0.0259");
    app_key(&a, '\n');
    ck_shows(&a, "Right: 0.02592286 matches");
    ck_shows(&a, "Line 15/58"); /* revealed */
    screen_teardown(&a, &grid);
}
END_TEST

/* r: ten more updates at a time; E after them equals plain gradient
 * descent written out above. */
START_TEST(test_run_more)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_RUN, 0);
    struct ref r = seed;
    double h[2], o[2], z[4];
    char e0[32], want[128];
    snprintf(e0, sizeof e0, "%.8f", ref_forward(&r, h, o, z));
    for (int k = 0; k < 11; k++)
        ref_update(&r);
    snprintf(want, sizeof want, "E_total: %s before, %.8f after 11 updates", e0,
             ref_forward(&r, h, o, z));
    ck_shows(&a, want);
    ck_shows(&a, "updates 11");
    app_action(&a, ACT_PANEL, 0); /* network, curve, gradients */
    ck_shows(&a, "n: compute the numerical gradient too.");
    app_action(&a, ACT_PANEL, 0);
    ck_shows(&a, "[h1 0.51998934]");
    screen_teardown(&a, &grid);
}
END_TEST

/* B: none, shared (updated, fixed), per unit (updated, fixed), none; the
 * text says which, and the lines follow. */
START_TEST(test_bias_modes)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_BIAS, 0);
    ck_shows(&a, "bias: one per layer, shared by its units, updated");
    ck_shows(&a, "Line 11/62"); /* ∂E/∂b and b⁺ for b1 and b2 */
    app_action(&a, ACT_BIAS, 0);
    ck_shows(&a, "bias: one per layer, shared by its units, held fixed");
    app_action(&a, ACT_BIAS, 0);
    ck_shows(&a, "bias: one per unit, updated");
    ck_shows(&a, "Line 11/66");
    app_action(&a, ACT_FIRST, 0);
    ck_shows(&a, "b4 0");
    app_action(&a, ACT_BIAS, 0);
    ck_shows(&a, "bias: one per unit, held fixed");
    app_action(&a, ACT_BIAS, 0);
    ck_shows(&a, "no bias");
    ck_shows(&a, "Line 0/58");
    screen_teardown(&a, &grid);
}
END_TEST

/* The help on this screen lists its own keys, within 80 x 24. */
START_TEST(test_help)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    app_action(&a, ACT_HELP, 0);
    ck_shows(&a, "edit the value under the cursor");
    ck_shows(&a, "check my hand calculation of the next line");
    ck_shows(&a, "numerical gradient beside backprop's, on/off");
    ck_shows(&a, "Tab");
    ck_shows(&a, "Esc, q or ? closes this help");
    app_action(&a, ACT_HELP, 0);
    ck_hides(&a, "edit the value under the cursor");
    screen_teardown(&a, &grid);
}
END_TEST

/* In classroom demo mode the timer reveals one line at a time, and after
 * the last one goes back to the lesson. */
START_TEST(test_demo_timer)
{
    struct app a;
    setup(&a);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    ck_shows(&a, "nnlab : Walk"); /* the lesson's title in the header */
    a.demo = 1;
    a.demo_seconds = 5;
    app_tick(&a, 100.0); /* starts the countdown */
    ck_assert_int_eq(app_tick(&a, 104.0), 0);
    ck_assert_int_eq(app_tick(&a, 105.0), 1);
    ck_shows(&a, "Line 12/58");
    double t = 105.0;
    for (int i = 12; i < 58; i++)
        app_tick(&a, t += 5);
    ck_shows(&a, "Line 58/58");
    ck_assert_ptr_eq(a.view, &backprop_view);
    app_tick(&a, t += 5);
    ck_assert_ptr_eq(a.view, &lesson_view);
    screen_teardown(&a, &grid);
}
END_TEST

/* With --ascii every panel, formula and prompt is plain ASCII. */
START_TEST(test_ascii)
{
    struct app a;
    setup_ascii(&a, 1);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_WALK, 0);
    for (int i = 0; i < 12; i++)
        app_action(&a, ACT_DOWN, 0);
    app_action(&a, ACT_NEXT, 0);
    app_action(&a, ACT_BIAS, 0);
    for (int panel = 0; panel < 3; panel++) {
        char *s = screen(&a);
        for (const char *p = s; *p; p++)
            ck_assert_msg((unsigned char)*p < 128, "not ASCII:\n%s", s);
        free(s);
        app_action(&a, panel == 0 ? ACT_RUN : ACT_NUMERIC, 0);
    }
    ck_shows(&a, "dE/dW5 = dE/do1 * do1/dz3 * dz3/dW5");
    app_action(&a, ACT_CHECK, 0);
    ck_shows(&a, "Your value for do1/dz3: _");
    screen_teardown(&a, &grid);
}
END_TEST

static Suite *screen_backprop_suite(void)
{
    Suite *s = suite_create("tui-screen-backprop");
    TCase *tc = tcase_create("walkthrough");
    tcase_add_test(tc, test_open_and_back);
    tcase_add_test(tc, test_step_highlights);
    tcase_add_test(tc, test_cursor);
    tcase_add_test(tc, test_click);
    tcase_add_test(tc, test_edit_weight);
    tcase_add_test(tc, test_numeric_toggle);
    tcase_add_test(tc, test_check_calculation);
    tcase_add_test(tc, test_run_more);
    tcase_add_test(tc, test_bias_modes);
    tcase_add_test(tc, test_help);
    tcase_add_test(tc, test_demo_timer);
    tcase_add_test(tc, test_ascii);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(screen_backprop_suite)
