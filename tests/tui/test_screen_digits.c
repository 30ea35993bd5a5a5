/*
 * Headless tests of the drawing screen and the look inside, on the small
 * made-up dataset of tests/lesson/digits_fixture.h (so no download is
 * needed). The screens train their own network on it (a few hundred
 * images), then: keys paint the canvas and the network's answer follows,
 * c clears it, q goes back; the look inside shows the test digits (full
 * size when there is room), the mistakes, a confusion matrix whose rows
 * add up to the test set's class counts, and weight maps, and on the
 * training screen's session it lets the training run on. Without any
 * dataset the screens say which command fetches MNIST and the canvas
 * still draws.
 */
#include "check_helpers.h"
#include "lesson/digits_fixture.h"
#include "screen_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson/lesson.h"
#include "lesson/train.h"
#include "tui/app.h"
#include "tui/keys.h"

#define N_TRAIN 300
#define N_TEST 100

static struct digits_fixture fx;

static void app_setup(struct app *a)
{
    struct options o;
    memset(&o, 0, sizeof o);
    ck_assert_int_eq(app_init(a, &o, TUI_EN, 1), 0);
}

/* Tick until the screen's network is trained (bounded). */
static void wait_ready(struct app *a)
{
    for (int i = 0; i < 2000 && app_timeout(a) == 0; i++)
        app_tick(a, (double)i);
    ck_assert(app_timeout(a) != 0);
}

/* The digit after "The network reads: ". */
static int read_digit(const char *s)
{
    const char *p = strstr(s, "The network reads: ");
    ck_assert_msg(p != NULL, "no answer on the screen:\n%s", s);
    return p[19] - '0';
}

/* Ink cells inside the canvas frame (rows 5..18, columns 3..30). */
static int canvas_ink(const struct app *a)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 24), 0);
    app_draw((struct app *)a, &g);
    int n = 0;
    for (int y = 5; y < 5 + 14; y++)
        for (int x = 3; x < 3 + 28; x++)
            n += rgrid_at(&g, x, y)->ch != ' ';
    rgrid_fini(&g);
    return n;
}

START_TEST(test_draw_with_keys)
{
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    struct app a;
    app_setup(&a);
    screen_key(&a, 'd');
    ck_assert_ptr_eq(a.view, &draw_view);
    wait_ready(&a);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "784-50-10 sigmoid, adam, 2 epochs");
    ck_assert_shows(s, "Draw a digit.");
    ck_assert_int_eq(canvas_ink(&a), 0);
    free(s);
    /* Pen down, a stroke of 10 pixels to the right: a horizontal bar. */
    screen_key(&a, ' ');
    for (int i = 0; i < 10; i++)
        screen_key(&a, KEY_RIGHT);
    screen_key(&a, ' ');
    ck_assert_int_gt(canvas_ink(&a), 5);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "The network reads: ");
    ck_assert_shows(s, "pen up");
    /* A horizontal bar: an even digit, whatever row it was drawn on. */
    ck_assert_int_eq(read_digit(s) % 2, 0);
    free(s);
    /* Moving with the pen up paints nothing. */
    int ink = canvas_ink(&a);
    screen_key(&a, KEY_DOWN);
    screen_key(&a, KEY_DOWN);
    ck_assert_int_eq(canvas_ink(&a), ink);
    /* The eraser over the bar's start removes ink. */
    screen_key(&a, KEY_UP);
    screen_key(&a, KEY_UP);
    screen_key(&a, 'x');
    for (int i = 0; i < 10; i++)
        screen_key(&a, KEY_LEFT);
    ck_assert_int_lt(canvas_ink(&a), ink);
    screen_key(&a, 'x');
    /* An upright bar: an odd digit. */
    screen_key(&a, 'c');
    screen_key(&a, ' ');
    for (int i = 0; i < 10; i++)
        screen_key(&a, KEY_DOWN);
    s = screen_draw(&a, 80, 24);
    ck_assert_int_eq(read_digit(s) % 2, 1);
    free(s);
    /* c clears: no ink, no answer. */
    screen_key(&a, 'c');
    ck_assert_int_eq(canvas_ink(&a), 0);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "Draw a digit.");
    free(s);
    /* A click paints under the mouse, and a drag paints along its way:
     * cell (x, y) is pixel (x - 3, 2 (y - 5)), the brush 2 x 2. */
    app_click(&a, 3 + 14, 5 + 7);
    ck_assert_int_eq(canvas_ink(&a), 2);
    for (int x = 15; x <= 20; x++)
        app_drag(&a, 3 + x, 5 + 7);
    ck_assert_int_eq(canvas_ink(&a), 8); /* columns 14..21 of one row */
    app_drag(&a, 3 + 40, 5 + 7);         /* off the canvas: nothing */
    ck_assert_int_eq(canvas_ink(&a), 8);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &menu_view);
    ck_assert_ptr_null(a.screen);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

/* Runs of 20 lower half blocks with 20 full blocks under them, on the
 * screen drawn at w x h. */
static int big_bars(struct app *a, int w, int h)
{
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, w, h), 0);
    app_draw(a, &g);
    int found = 0;
    for (int y = 0; y + 1 < h; y++)
        for (int x = 0; x + 20 <= w; x++) {
            int run = 0;
            while (run < 20 && rgrid_at(&g, x + run, y)->ch == 0x2584 &&
                   rgrid_at(&g, x + run, y + 1)->ch == 0x2588)
                run++;
            if (run == 20 && (x == 0 || rgrid_at(&g, x - 1, y)->ch != 0x2584)) {
                found++;
                x += 19;
            }
        }
    rgrid_fini(&g);
    return found;
}

START_TEST(test_inside_pages)
{
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    struct app a;
    app_setup(&a);
    screen_key(&a, 'i');
    ck_assert_ptr_eq(a.view, &inside_view);
    wait_ready(&a);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "answers");
    ck_assert_shows(s, "1-8 of 100");
    free(s);
    screen_key(&a, KEY_DOWN);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "9-16 of 100");
    free(s);
    /* Room for two rows of four full-size tiles: 8 a page, each image 28
     * x 14 cells. A horizontal bar's rows 13-15 are then the lower half
     * of cell row 6 (pixel rows 12, 13) and all of cell row 7 (14, 15),
     * over its 20 columns: a run of 20 lower half blocks above 20 full
     * blocks. Shrunk 2:1, the same bar is a single row of 10 full
     * blocks. */
    screen_key(&a, KEY_HOME);
    s = screen_draw(&a, 130, 40);
    ck_assert_shows(s, "1-8 of 100");
    free(s);
    ck_assert_int_eq(big_bars(&a, 130, 40), 4); /* digits 0, 2, 4, 6 */
    ck_assert_int_eq(big_bars(&a, 80, 24), 0);
    screen_key(&a, '\t');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "mistakes");
    free(s);
    screen_key(&a, '\t');
    /* The confusion matrix: every row sums to its class's 10 images. */
    struct rgrid g;
    ck_assert_int_eq(rgrid_init(&g, 80, 24), 0);
    app_draw(&a, &g);
    int row0 = -1;
    for (int y = 0; y < 24 && row0 < 0; y++)
        if (rgrid_at(&g, 2, y)->ch == 'r' && rgrid_at(&g, 3, y)->ch == 'o')
            row0 = y + 2;
    ck_assert_int_ge(row0, 0);
    long diag = 0;
    for (int t = 0; t < 10; t++) {
        char line[96];
        int n = 0;
        for (int x = 2; x < 80 && n < 95; x++)
            line[n++] = (char)rgrid_at(&g, x, row0 + t)->ch;
        line[n] = '\0';
        long v[11], sum = 0;
        ck_assert_int_eq(sscanf(line,
                                "%ld %ld %ld %ld %ld %ld %ld %ld %ld "
                                "%ld %ld",
                                &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
                                &v[7], &v[8], &v[9], &v[10]),
                         11);
        ck_assert_int_eq(v[0], t);
        for (int p = 1; p <= 10; p++)
            sum += v[p];
        ck_assert_int_eq(sum, N_TEST / 10);
        diag += v[t + 1];
    }
    rgrid_fini(&g);
    s = screen_draw(&a, 80, 24);
    char want[64];
    snprintf(want, sizeof want, "right: %ld of 100", diag);
    ck_assert_shows(s, want);
    free(s);
    screen_key(&a, '\t');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "hidden unit 1/50");
    ck_assert_shows(s, "hidden unit 2/50");
    free(s);
    screen_key(&a, KEY_RIGHT);
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "hidden unit 3/50");
    free(s);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &menu_view);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

START_TEST(test_without_data)
{
    digits_fixture_setup(&fx, 0, 0);
    struct app a;
    app_setup(&a);
    screen_key(&a, 'd');
    ck_assert_ptr_eq(a.view, &draw_view);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "MNIST is not installed");
    ck_assert_shows(s, "fetch-mnist");
    free(s);
    screen_key(&a, ' ');
    screen_key(&a, KEY_RIGHT);
    ck_assert_int_gt(canvas_ink(&a), 0);
    screen_key(&a, 'q');
    screen_key(&a, 'i');
    s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "fetch-mnist");
    free(s);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &menu_view);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

/* The training screen's network, once it has finished an epoch, is the
 * one the look inside shows; q goes back to the training screen. */
START_TEST(test_inside_borrows_training)
{
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    struct app a;
    app_setup(&a);
    screen_key(&a, 'M');
    ck_assert_ptr_eq(a.view, &train_view);
    for (int i = 0; i < 5000 && app_timeout(&a) == 0; i++)
        app_tick(&a, (double)i);
    ck_assert(app_timeout(&a) != 0); /* all 10 epochs done */
    screen_key(&a, 'i');
    ck_assert_ptr_eq(a.view, &inside_view);
    ck_assert(app_timeout(&a) != 0); /* nothing to train first */
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "784-50-10 sigmoid, adam, 10 epochs");
    free(s);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &train_view);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

/* Tab on the training screen opens the look inside on that very session,
 * even before its first epoch ends, and Tab goes back. Paused and stepped
 * to the end of the first epoch, i shows answers that agree with the
 * session's own test accuracy; Esc goes back. Running, the training goes
 * on under the look inside: ticks advance the session and the test set is
 * read again, a chunk a tick, when an epoch ends. */
START_TEST(test_inside_live_training)
{
    digits_fixture_setup(&fx, N_TRAIN, N_TEST);
    struct app a;
    app_setup(&a);
    screen_key(&a, 'M');
    ck_assert_ptr_eq(a.view, &train_view);
    struct train_session *ts = train_view_session(&a);
    ck_assert_ptr_nonnull(ts);
    ck_assert_int_eq(ts->epoch, 0);
    screen_key(&a, '\t');
    ck_assert_ptr_eq(a.view, &inside_view);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "784-50-10 sigmoid, adam: learning its first epoch");
    ck_assert_shows(s, "at iteration 0");
    free(s);
    ck_assert(app_timeout(&a) == 0); /* the training runs on */
    screen_key(&a, '\t');
    ck_assert_ptr_eq(a.view, &train_view);
    ck_assert_ptr_null(a.screen);

    /* Pause, then step one mini-batch at a time to the first epoch's end
     * (the evaluation runs through with the step after the last batch). */
    screen_key(&a, ' ');
    for (int i = 0; i < 100 && ts->epoch == 0; i++) {
        screen_key(&a, ' ');
        /* the step runs in the ticks' slices until its batch ends */
        for (int k = 0; k < 1000 && app_timeout(&a) == 0; k++)
            app_tick(&a, 0);
    }
    ck_assert_int_eq(ts->epoch, 1);
    screen_key(&a, 'i');
    ck_assert_ptr_eq(a.view, &inside_view);
    s = screen_draw(&a, 80, 24);
    char want[64];
    snprintf(want, sizeof want, "%.0f/100 at iteration %ld",
             ts->history[0].test_acc * N_TEST, ts->iter);
    ck_assert_shows(s, want);
    ck_assert_shows(s, "784-50-10 sigmoid, adam, 1 epoch: test accuracy");
    free(s);
    ck_assert(app_timeout(&a) != 0); /* paused: nothing to do */
    screen_key(&a, 27);              /* Esc */
    ck_assert_ptr_eq(a.view, &train_view);

    /* Running: the look inside reads the test set again in the tick that
     * closes the next epoch. */
    screen_key(&a, KEY_END);
    screen_key(&a, '\t');
    for (int i = 0; i < 5000 && ts->epoch < 2; i++)
        app_tick(&a, (double)i);
    ck_assert_int_ge(ts->epoch, 2);
    /* Two more ticks: the first starts reading, the second reads the 100
     * test images (one chunk); the training waits meanwhile. */
    long iter = ts->iter;
    app_tick(&a, 5000);
    ck_assert(app_timeout(&a) == 0);
    app_tick(&a, 5001);
    ck_assert_int_eq(ts->iter, iter);
    s = screen_draw(&a, 80, 24);
    snprintf(want, sizeof want, "adam, %ld epochs: test accuracy", ts->epoch);
    ck_assert_shows(s, want);
    if (ts->phase != TRAIN_DONE) {
        snprintf(want, sizeof want, "at iteration %ld", ts->iter);
        ck_assert_shows(s, want);
    }
    free(s);
    screen_key(&a, '\t');
    ck_assert_ptr_eq(a.view, &train_view);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

/* w on a lesson step with @mnist-draw opens the canvas; q comes back to
 * the step. */
START_TEST(test_open_from_lesson)
{
    digits_fixture_setup(&fx, 0, 0);
    struct app a;
    app_setup(&a);
    static const char text[] = "# L\n\n## Draw\nDraw one.\n\n@mnist-draw\n";
    struct lesson_error err;
    a.lessons[0].id = "l";
    a.lessons[0].lesson = lesson_parse(text, strlen(text), "l", &err);
    ck_assert_ptr_nonnull(a.lessons[0].lesson);
    a.n_lessons = 1;
    app_open_lesson(&a, 0);
    char *s = screen_draw(&a, 80, 24);
    ck_assert_shows(s, "made like MNIST");
    free(s);
    screen_key(&a, 'w');
    ck_assert_ptr_eq(a.view, &draw_view);
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &lesson_view);
    ck_assert_ptr_null(a.screen);
    app_fini(&a);
    digits_fixture_teardown(&fx);
}
END_TEST

static Suite *digits_screens_suite(void)
{
    Suite *s = suite_create("digit screens");
    TCase *tc = tcase_create("screens");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_draw_with_keys);
    tcase_add_test(tc, test_inside_pages);
    tcase_add_test(tc, test_without_data);
    tcase_add_test(tc, test_inside_borrows_training);
    tcase_add_test(tc, test_inside_live_training);
    tcase_add_test(tc, test_open_from_lesson);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(digits_screens_suite)
