/*
 * The gates screen, headless: the app draws into a cell grid and the
 * tests read it as text. The lesson is parsed from memory, so the shipped
 * lessons can change without touching these tests. Expected values are
 * worked out by hand from s = w1*x1 + w2*x2 + b and the step rule.
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

static const char fixture[] = "# Gates fixture\n"
                              "\n"
                              "## Prose only\n"
                              "No figure here.\n"
                              "\n"
                              "## AND\n"
                              "The seed weights.\n"
                              "\n"
                              "@gate gate=and show=table\n"
                              "\n"
                              "## Learning\n"
                              "From zero.\n"
                              "\n"
                              "@perceptron-learn gate=and steps=4\n"
                              "\n"
                              "## MLP\n"
                              "XOR by backprop.\n"
                              "\n"
                              "@xor-mlp\n"
                              "\n"
                              "## Square\n"
                              "A long step.\n"
                              "\n"
                              "@gate gate=or\n";

static void setup(struct app *a)
{
    screen_app_open(a, NULL, TUI_EN, "fixture", fixture);
}

/* Keys as the terminal would press them: through the key table only. */
static void press_str(struct app *a, const char *keys)
{
    for (; *keys; keys++)
        screen_key_table(a, (unsigned char)*keys);
}

/* The gates step of the fixture, opened as the screen with w. */
static void open_gates(struct app *a, int step)
{
    a->step = step;
    screen_key_table(a, 'w');
    ck_assert_ptr_eq(a->view, &gates_view);
}

/* The line of text s that contains needle (a static copy), or "". */
static const char *line_with(const char *s, const char *needle)
{
    static char line[512];
    const char *hit = strstr(s, needle);
    if (!hit)
        return "";
    const char *b = hit, *e = hit;
    while (b > s && b[-1] != '\n')
        b--;
    while (*e && *e != '\n')
        e++;
    snprintf(line, sizeof line, "%.*s", (int)(e - b), b);
    return line;
}

START_TEST(test_keys_on_screens)
{
    int arg;
    ck_assert_int_eq(keys_lookup('w', KM_NORMAL, &arg), ACT_WALK);
    ck_assert_int_eq(keys_lookup('t', KM_NORMAL, &arg), ACT_NONE);
    ck_assert_int_eq(keys_lookup(KEY_RIGHT, KM_SCREEN, &arg), ACT_INC);
    ck_assert_int_eq(keys_lookup('h', KM_SCREEN, &arg), ACT_DEC);
    ck_assert_int_eq(keys_lookup(KEY_UP, KM_SCREEN, &arg), ACT_UP);
    /* Digits type instead of jumping to a lesson. */
    ck_assert_int_eq(keys_lookup('1', KM_SCREEN, &arg), ACT_TYPE);
    ck_assert_int_eq(arg, '1');
    ck_assert_int_eq(keys_lookup('-', KM_SCREEN, &arg), ACT_TYPE);
    ck_assert_int_eq(arg, '-');
    ck_assert_int_eq(keys_lookup(' ', KM_SCREEN, &arg), ACT_NEXT);
    ck_assert_int_eq(keys_lookup('q', KM_SCREEN, &arg), ACT_BACK);
    ck_assert_int_eq(keys_lookup('D', KM_SCREEN, &arg), ACT_NONE);
    ck_assert_int_eq(keys_lookup('w', KM_SCREEN, &arg), ACT_NONE);
    /* The walkthrough's r is the gates screen's rule switch there. */
    ck_assert_int_eq(keys_lookup('r', KM_SCREEN, &arg), ACT_RULE);
    /* The help names only the keys that reach an action in the mode. */
    char names[96];
    keys_names(ACT_NEXT, KM_SCREEN, 1, names, sizeof names);
    ck_assert_str_eq(names, "Space, Enter");
    keys_names(ACT_JUMP, KM_SCREEN, 1, names, sizeof names);
    ck_assert_str_eq(names, "");
    keys_names(ACT_INC, KM_SCREEN, 1, names, sizeof names);
    ck_assert_str_eq(names, "Right, l");
}
END_TEST

/* w opens the screen only on a step with a gates figure, the status line
 * says so, and q comes back to the same step. */
START_TEST(test_open_and_back)
{
    struct app a;
    setup(&a);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "w: try it");
    free(s);
    screen_key_table(&a, 'w');
    ck_assert_ptr_eq(a.view, &lesson_view);
    screen_key_table(&a, ' ');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "w: try it");
    free(s);
    screen_key_table(&a, 'w');
    ck_assert_ptr_eq(a.view, &gates_view);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "nnlab : Gates fixture");
    /* The seed weights of AND, w1 selected, the rule and the target. */
    ck_assert_shows(s, "[w1 = 0.5]");
    ck_assert_shows(s, "w2 = 0.5");
    ck_assert_shows(s, "b = -0.7");
    ck_assert_shows(s, "y = 1 if s > 0");
    ck_assert_shows(s, "target AND");
    ck_assert_shows(s, "this is AND");
    ck_assert_shows(s, "AND: all 4 rows right");
    ck_assert_shows(s, "t target");
    free(s);
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_int_eq(a.step, 1);
    ck_assert_ptr_null(a.screen);
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &menu_view);
    app_fini(&a);
}
END_TEST

/* Each nudge moves the weight by exactly 0.1 and the table, the verdict
 * and the line follow: s = w1*x1 + w2*x2 + b worked out by hand. */
START_TEST(test_nudge_updates_table)
{
    struct app a;
    setup(&a);
    open_gates(&a, 1);
    char *before = screen_draw(&a, 80, 24);
    screen_key_table(&a, KEY_RIGHT); /* w1: 0.5 -> 0.6 */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w1 = 0.6]");
    /* Row (1,0): 0.6 - 0.7 = -0.1; row (1,1): 0.6 + 0.5 - 0.7 = 0.4. */
    ck_assert_shows(s, "1  0 | -0.1 | 0");
    ck_assert_shows(s, "1  1 |  0.4 | 1");
    ck_assert_shows(s, "this is AND");
    /* The decision line moved: the square is drawn differently. */
    ck_assert_str_ne(s, before);
    free(s);
    free(before);
    /* b: -0.7 -> -0.4 in three steps. Sums -0.4, 0.1, 0.2, 0.7: OR. */
    screen_key_table(&a, KEY_DOWN);
    screen_key_table(&a, 'j');
    for (int i = 0; i < 3; i++)
        screen_key_table(&a, 'l');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[b = -0.4]");
    ck_assert_shows(s, "0  0 | -0.4 | 0");
    ck_assert_shows(s, "0  1 |  0.1 | 1");
    ck_assert_shows(s, "1  0 |  0.2 | 1");
    ck_assert_shows(s, "1  1 |  0.7 | 1");
    ck_assert_shows(s, "this is OR");
    ck_assert_shows(s, "AND: 2 of 4 rows right,");
    ck_assert_shows(s, "wrong at (0,1) (1,0)");
    free(s);
    /* Down from 0.6 by 0.1 six times lands on exactly 0, printed 0.0. */
    screen_key_table(&a, KEY_UP);
    screen_key_table(&a, 'k');
    for (int i = 0; i < 6; i++)
        screen_key_table(&a, KEY_LEFT);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w1 = 0.0]");
    /* w = (0, 0.5, -0.4): only x2 counts. */
    ck_assert_shows(s, "1  0 | -0.4 | 0");
    ck_assert_shows(s, "matches no gate");
    ck_assert_shows(s, "is x2");
    free(s);
    /* Home: back to the figure's weights. */
    screen_key_table(&a, KEY_HOME);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "b = -0.7");
    ck_assert_shows(s, "this is AND");
    free(s);
    app_fini(&a);
}
END_TEST

/* Typed values: set on Enter, refused with a message, cancelled by Esc. */
START_TEST(test_typing)
{
    struct app a;
    setup(&a);
    open_gates(&a, 1);
    screen_key_table(&a, KEY_DOWN);
    press_str(&a, "-0.25");
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w2 = -0.25_]");
    ck_assert_shows(s, "Enter sets, Esc cancels");
    free(s);
    screen_key_table(&a, '\n');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w2 = -0.25]");
    /* Sums -0.70, -0.95, -0.20, -0.45: nothing fires. */
    ck_assert_shows(s, "0  1 | -0.95 | 0");
    ck_assert_shows(s, "1  1 | -0.45 | 0");
    ck_assert_shows(s, "is always 0");
    free(s);
    /* A second '.' or a '-' inside is not taken; a lone '-' is refused. */
    press_str(&a, "1.2.3");
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w2 = 1.23_]");
    free(s);
    screen_key_table(&a, KEY_BACKSPACE);
    screen_key_table(&a, KEY_BACKSPACE);
    screen_key_table(&a, KEY_BACKSPACE);
    screen_key_table(&a, KEY_BACKSPACE);
    press_str(&a, "-\n");
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "'-' is not a number from -100 to 100");
    ck_assert_shows(s, "[w2 = -0.25]");
    free(s);
    press_str(&a, "150\n");
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "'150' is not a number from -100 to");
    free(s);
    press_str(&a, "3");
    screen_key_table(&a, 27); /* Esc */
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w2 = -0.25]");
    ck_assert_hides(s, "Enter sets");
    free(s);
    app_fini(&a);
}
END_TEST

/* The learning rule one update at a time from the screen's weights, each
 * written out: w <- w + eta*(t - y)*x with eta = 0.1. */
START_TEST(test_learning_steps)
{
    struct app a;
    setup(&a);
    open_gates(&a, 2); /* @perceptron-learn gate=and: from 0, 0, 0 */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w1 = 0.0]");
    ck_assert_shows(s, "target AND");
    free(s);
    screen_key_table(&a, ' ');
    s = screen_draw(&a, 80, 24);
    /* (0,0): s = 0, not > 0, so y = 0 = t. */
    ck_assert_shows(s, "epoch 1, input (0,0): s = 0.0");
    ck_assert_shows(s, "y = 0, t = 0, so t - y = 0");
    ck_assert_shows(s, "right: the weights stay");
    free(s);
    screen_key_table(&a, ' ');
    screen_key_table(&a, ' ');
    screen_key_table(&a, ' ');
    s = screen_draw(&a, 80, 24);
    /* (1,1): s = 0, y = 0, but AND wants 1: every weight moves by
     * 0.1 * 1 * its input. */
    ck_assert_shows(s, "epoch 1, input (1,1): s = 0.0");
    ck_assert_shows(s, "y = 0, t = 1, so t - y = 1");
    ck_assert_shows(s, "w1 <- 0.0 + 0.1*(1)*1 = 0.1");
    ck_assert_shows(s, "w2 <- 0.0 + 0.1*(1)*1 = 0.1");
    ck_assert_shows(s, "b  <- 0.0 + 0.1*(1)   = 0.1");
    ck_assert_shows(s, "1 updates so far");
    ck_assert_shows(s, "[w1 = 0.1]");
    ck_assert_shows(s, "b = 0.1");
    free(s);
    screen_key_table(&a, ' ');
    s = screen_draw(&a, 80, 24);
    /* (0,0) with b = 0.1: s = 0.1 > 0, y = 1, t = 0: only b moves. */
    ck_assert_shows(s, "epoch 2, input (0,0): s = 0.1");
    ck_assert_shows(s, "w1 <- 0.1 + 0.1*(-1)*0 = 0.1");
    ck_assert_shows(s, "b  <- 0.1 + 0.1*(-1)   = 0.0");
    free(s);
    /* End: to convergence; the weights on screen then compute AND. */
    screen_key_table(&a, KEY_END);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "converged: epoch");
    ck_assert_shows(s, "this is AND");
    ck_assert_shows(s, "AND: all 4 rows right");
    free(s);
    app_fini(&a);
}
END_TEST

/* On XOR the rule goes round: found cycling, and said why. */
START_TEST(test_learning_cycles_on_xor)
{
    struct app a;
    setup(&a);
    open_gates(&a, 2);
    press_str(&a, "ttt"); /* AND -> NAND -> OR -> XOR */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "target XOR");
    ck_assert_shows(s, "No line gets all four XOR rows right");
    free(s);
    screen_key_table(&a, 'G');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "cycling: epoch");
    ck_assert_shows(s, "for ever: no line fits the target");
    ck_assert_hides(s, "XOR: all 4 rows right");
    free(s);
    /* Another target after t: XOR -> none; learning then needs one. */
    screen_key_table(&a, 't');
    screen_key_table(&a, ' ');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "target none");
    ck_assert_shows(s, "Choose a target first (t).");
    free(s);
    app_fini(&a);
}
END_TEST

/* x tries to place a line: found for AND, none for XOR, with the why. */
START_TEST(test_try_a_line)
{
    struct app a;
    setup(&a);
    open_gates(&a, 2); /* 0, 0, 0: always 0 */
    screen_key_table(&a, 'x');
    char *s = screen_draw(&a, 80, 24);
    /* 21 values of each weight: 21^3 = 9261 sets. */
    ck_assert_shows(s, "9261 weight sets tried");
    ck_assert_shows(s, "compute AND; the first is placed");
    ck_assert_shows(s, "AND: all 4 rows right");
    free(s);
    press_str(&a, "ttt");
    screen_key_table(&a, 'x');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "9261 weight sets tried");
    ck_assert_shows(s, "none computes XOR.");
    /* A line can get three of the four corners (OR does), never four. */
    ck_assert_shows(s, "The best get 3 of 4 rows right.");
    ck_assert_shows(s, "why no weights compute XOR:");
    ck_assert_shows(s, "(0,0) -> 0 needs            b <= 0");
    ck_assert_shows(s, "diagonals of the square");
    free(s);
    /* q leaves the explanation, then the screen. */
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &gates_view);
    s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "why no weights");
    ck_assert_shows(s, "target XOR");
    free(s);
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    app_fini(&a);
}
END_TEST

/* The >= rule changes the gate of w = (1, 1, -1): AND under s > 0, OR
 * under s >= 0, since (0,1) and (1,0) have s = 0 exactly. */
START_TEST(test_rule_toggle)
{
    struct app a;
    setup(&a);
    open_gates(&a, 1);
    press_str(&a, "1\n");
    screen_key_table(&a, KEY_DOWN);
    press_str(&a, "1\n");
    screen_key_table(&a, KEY_DOWN);
    press_str(&a, "-1\n");
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "0  1 |  0.0 | 0");
    ck_assert_shows(s, "this is AND");
    free(s);
    screen_key_table(&a, 'r');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "y = 1 if s >= 0");
    ck_assert_shows(s, "0  1 |  0.0 | 1");
    ck_assert_shows(s, "this is OR");
    ck_assert_shows(s, "AND: 2 of 4 rows right,");
    free(s);
    app_fini(&a);
}
END_TEST

/* Loss values in the MLP's list (lines "   step   loss" on the left). */
static int read_losses(const char *s, double *loss, int max)
{
    int n = 0;
    for (const char *p = s; *p && n < max;) {
        long step;
        double e;
        char sp, rest;
        /* A whole step, a space, the loss: not the outputs' 0.0247. */
        if (sscanf(p, " %ld%c %lf%c", &step, &sp, &e, &rest) == 4 &&
            sp == ' ' && rest == ' ' && e > 0 && e < 1)
            loss[n++] = e;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    return n;
}

/* m trains the 2-2-1 MLP mark by mark: the loss goes down and the
 * outputs end up reading 0 1 1 0. */
START_TEST(test_mlp)
{
    struct app a;
    setup(&a);
    open_gates(&a, 3); /* @xor-mlp: opens on the network */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "2-2-1 sigmoid MLP on XOR, lr = 1");
    ck_assert_shows(s, "      0    0.");
    free(s);
    /* Marks 1, 2, 5, ..., 5000: twelve presses. */
    for (int i = 0; i < 12; i++)
        screen_key_table(&a, 'm');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "   5000    0.");
    ck_assert_shows(s, "as classes 0 1 1 0: XOR");
    double loss[32];
    int n = read_losses(s, loss, 32);
    ck_assert_int_ge(n, 8);
    ck_assert(loss[n - 1] < 0.01);
    for (int i = 1; i < n; i++)
        ck_assert_msg(loss[i] < loss[i - 1], "loss went up at mark %d:\n%s", i,
                      s);
    free(s);
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &gates_view);
    s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "sigmoid MLP");
    free(s);
    /* m shows it again where it was, without training further. */
    screen_key_table(&a, 'm');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "   5000    0.");
    ck_assert_hides(s, "  10000    0.");
    free(s);
    screen_key_table(&a, 'q');
    screen_key_table(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    app_fini(&a);
}
END_TEST

/* Space on the MLP lets it run by itself: a mark per tick of the app's
 * clock, the loss falling, until it stops at 100000 steps; Space again
 * pauses. */
START_TEST(test_mlp_runs)
{
    struct app a;
    setup(&a);
    open_gates(&a, 3);
    ck_assert(app_timeout(&a) < 0); /* nothing to animate yet */
    app_tick(&a, 10.0);
    screen_key_table(&a, ' ');
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "training");
    free(s);
    /* Due at once, then every quarter second. */
    ck_assert(app_timeout(&a) >= 0 && app_timeout(&a) < 0.01);
    ck_assert_int_eq(app_tick(&a, 10.0), 1); /* step 1 */
    ck_assert_int_eq(app_tick(&a, 10.1), 0);
    ck_assert(app_timeout(&a) > 0.1 && app_timeout(&a) < 0.2);
    ck_assert_int_eq(app_tick(&a, 10.25), 1); /* step 2 */
    /* Paused: time passes, nothing moves. */
    screen_key_table(&a, ' ');
    ck_assert(app_timeout(&a) < 0);
    ck_assert_int_eq(app_tick(&a, 20.0), 0);
    s = screen_draw(&a, 80, 24);
    ck_assert_hides(s, "training");
    ck_assert_shows(s, "      2    0.");
    ck_assert_hides(s, "      5    0.");
    free(s);
    /* Running again to the end: 5, 10, 20, 50, ..., 50000, 100000 are 14
     * more marks. */
    screen_key_table(&a, ' ');
    double t = 30.0;
    int marks = 0;
    while (app_timeout(&a) >= 0 && marks < 100) {
        t += 0.25;
        marks += app_tick(&a, t);
    }
    ck_assert_int_eq(marks, 14);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, " 100000    0.");
    ck_assert_shows(s, "as classes 0 1 1 0: XOR");
    ck_assert_hides(s, "training");
    double loss[32];
    int n = read_losses(s, loss, 32);
    ck_assert_int_ge(n, 8);
    for (int i = 1; i < n; i++)
        ck_assert(loss[i] < loss[i - 1]);
    free(s);
    /* At the end Space does not start again. */
    screen_key_table(&a, ' ');
    ck_assert(app_timeout(&a) < 0);
    app_fini(&a);
}
END_TEST

/* The help lists the screen's keys with what they do there, and fits an
 * 80 x 24 terminal. */
START_TEST(test_help_on_screen)
{
    struct app a;
    setup(&a);
    open_gates(&a, 1);
    screen_key_table(&a, '?');
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "raise the selected weight by 0.1");
    ck_assert_shows(s, "one learning update (MLP: run or pause)");
    ck_assert_shows(s, "try to place a line for the target");
    ck_assert_shows(s, "back to the lesson");
    ck_assert_shows(s, "Esc, q or ? closes this help");
    ck_assert_hides(s, "jump to lesson");
    ck_assert_hides(s, "next step (in the menu");
    free(s);
    screen_key_table(&a, 27);
    ck_assert_int_eq(a.help, 0);
    ck_assert_ptr_eq(a.view, &gates_view);
    app_fini(&a);
}
END_TEST

/* The demo timer does not move the lesson under an open screen. */
START_TEST(test_demo_waits)
{
    struct app a;
    setup(&a);
    a.demo = 1;
    a.demo_seconds = 5;
    open_gates(&a, 1);
    ck_assert_int_eq(app_tick(&a, 100.0), 0);
    ck_assert_int_eq(app_tick(&a, 1000.0), 0);
    ck_assert(app_timeout(&a) < 0);
    ck_assert_ptr_eq(a.view, &gates_view);
    ck_assert_int_eq(a.step, 1);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "[w1 = 0.5]");
    free(s);
    app_fini(&a);
}
END_TEST

/* With --ascii every cell of every page of the screen, and of its help,
 * is ASCII. */
START_TEST(test_ascii)
{
    struct options o = {.ascii = 1};
    struct app a;
    screen_app_open(&a, &o, TUI_EN, "fixture", fixture);
    open_gates(&a, 1);
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 24), 0);
    const char *keys[] = {"", " ", "tttx", "m", "?"};
    for (int k = 0; k < 5; k++) {
        press_str(&a, keys[k]);
        app_draw(&a, &g);
        for (int i = 0; i < g.w * g.h; i++)
            ck_assert_msg(g.cells[i].ch < 0x80, "keys '%s': U+%04X at %d,%d",
                          keys[k], (unsigned)g.cells[i].ch, i % g.w, i / g.w);
    }
    rgrid_fini(&g);
    app_fini(&a);
}
END_TEST

/* The Korean status line of a long gates step fits 80 columns: the key
 * hints, the help key, the step, the screen's key and "more below". */
START_TEST(test_korean_status_fits)
{
    struct app a;
    setup(&a);
    a.lang = TUI_KO;
    a.step = 4;
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "? 도움말");
    ck_assert_shows(s, "w: 실습");
    ck_assert_shows(s, "(아래에 더 있음)");
    free(s);
    app_fini(&a);
}
END_TEST

START_TEST(test_korean)
{
    struct app a;
    setup(&a);
    a.lang = TUI_KO;
    open_gates(&a, 1);
    screen_key_table(&a, KEY_RIGHT);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "s > 0 이면 y = 1");
    ck_assert_shows(s, "목표 AND");
    ck_assert_shows(s, "AND 게이트입니다");
    ck_assert_shows(line_with(s, "목표"), "[w1 = 0.6]");
    free(s);
    app_fini(&a);
}
END_TEST

static Suite *gates_screen_suite(void)
{
    Suite *s = suite_create("tui-gates");
    TCase *tc = tcase_create("screen");
    tcase_add_test(tc, test_keys_on_screens);
    tcase_add_test(tc, test_open_and_back);
    tcase_add_test(tc, test_nudge_updates_table);
    tcase_add_test(tc, test_typing);
    tcase_add_test(tc, test_learning_steps);
    tcase_add_test(tc, test_learning_cycles_on_xor);
    tcase_add_test(tc, test_try_a_line);
    tcase_add_test(tc, test_rule_toggle);
    tcase_add_test(tc, test_mlp);
    tcase_add_test(tc, test_mlp_runs);
    tcase_add_test(tc, test_help_on_screen);
    tcase_add_test(tc, test_demo_waits);
    tcase_add_test(tc, test_ascii);
    tcase_add_test(tc, test_korean);
    tcase_add_test(tc, test_korean_status_fits);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gates_screen_suite)
