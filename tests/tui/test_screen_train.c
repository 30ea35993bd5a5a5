/*
 * Headless tests of the training screen's settings panel and of saving
 * and loading its network, on a small made-up dataset written here as
 * IDX files (no download needed): MNIST-like 28 x 28 images where even
 * classes are a horizontal bar and odd classes an upright one, and the
 * same files again as "Fashion-MNIST" for the dataset choice.
 *
 * Checked: typed hidden sizes train a network of exactly those shapes
 * (parameter count worked out by hand); a bad learning rate is shown
 * next to its row and nothing starts, the running session is kept; a
 * preset fills every row; a saved network loads back with bit-identical
 * answers, a network for the other dataset is refused; --load and --save
 * in the interactive mode; the panel in Korean and at 80 x 24.
 */
#include "check_helpers.h"
#include "lesson/digits_fixture.h"
#include "screen_helpers.h"

#include <curses.h> /* key codes only: no screen is started */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson/train.h"
#include "tui/app.h"

#define N_TRAIN 300
#define N_TEST 100
#define ESC 27

static struct digits_fixture data;

/* NNLAB_DATA=root holding root/mnist and root/fashion-mnist. */
static void data_setup(void)
{
    digits_fixture_setup(&data, N_TRAIN, N_TEST);
    digits_fixture_add_fashion(&data, N_TRAIN, N_TEST);
}

static void data_teardown(void)
{
    digits_fixture_teardown(&data);
}

static void app_setup(struct app *a, enum tui_lang lang)
{
    struct options o;
    memset(&o, 0, sizeof o);
    ck_assert_int_eq(app_init(a, &o, lang, 1), 0);
}

/* Tick until training is over (bounded). */
static void run_to_end(struct app *a)
{
    for (int i = 0; i < 20000 && app_timeout(a) == 0; i++)
        app_tick(a, (double)i);
    ck_assert(app_timeout(a) != 0);
}

static void keys(struct app *a, int ch, int times)
{
    for (int i = 0; i < times; i++)
        screen_key(a, ch);
}

/* The settings panel, on row `down` rows below the preset. */
static void panel_row(struct app *a, int down)
{
    screen_key(a, 'c');
    ck_assert_ptr_eq(a->view, &train_panel_view);
    screen_key(a, KEY_HOME);
    keys(a, KEY_DOWN, down);
}

enum { ROW_PRESET, ROW_DATASET, ROW_HIDDEN, ROW_ACT, ROW_OPT, ROW_LR };

START_TEST(typed_hidden_sizes_train_that_network)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_EN);
    screen_key(&a, 'M');
    panel_row(&a, ROW_HIDDEN);
    screen_type(&a, "32,16");
    screen_key(&a, '\n');
    /* 784·32 + 32 + 32·16 + 16 + 16·10 + 10 parameters. */
    ck_drawn_shows(screen_draw(&a, 100, 30), "784-32-16-10, 25818 parameters");
    screen_key(&a, 'r');
    ck_assert_ptr_eq(a.view, &train_view);
    const struct train_session *s = train_view_session(&a);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->cfg.n_hidden, 2);
    ck_assert_uint_eq(s->cfg.hidden[0], 32);
    ck_assert_uint_eq(s->cfg.hidden[1], 16);
    ck_assert_uint_eq(s->mlp.n_layers, 3);
    ck_assert_uint_eq(s->mlp.n_params, 25818);
    ck_assert_uint_eq(s->iter, 0);
    ck_assert(app_timeout(&a) == 0); /* training runs */
    app_tick(&a, 0);
    ck_assert_int_gt(s->iter, 0);
    ck_drawn_shows(screen_draw(&a, 100, 30), "MNIST 784-32-16-10 custom");
    app_fini(&a);
    data_teardown();
}
END_TEST

START_TEST(bad_learning_rate_starts_nothing)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_EN);
    screen_key(&a, 'M');
    const struct train_session *s = train_view_session(&a);
    panel_row(&a, ROW_LR);
    screen_type(&a, "0\n");
    char *t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "learning rate 0: it must be a number greater than 0");
    free(t);
    /* Not a number at all. */
    screen_type(&a, "1e\n");
    ck_drawn_shows(screen_draw(&a, 100, 30), "'1e' is not a number");
    screen_type(&a, "-3\n");
    screen_key(&a, 'r');
    ck_assert_ptr_eq(a.view, &train_panel_view);
    ck_drawn_shows(screen_draw(&a, 100, 30), "learning rate -3:");
    /* Esc: the session that ran goes on, untouched and paused no more. */
    screen_key(&a, ESC);
    ck_assert_ptr_eq(a.view, &train_view);
    ck_assert_ptr_eq(train_view_session(&a), s);
    ck_assert_int_eq(s->iter, 0);
    ck_assert_near(s->opt.cfg.lr, 0.001, 0);
    ck_assert_uint_eq(s->cfg.hidden[0], 50);
    ck_assert(app_timeout(&a) == 0);
    app_tick(&a, 0);
    ck_assert_int_gt(s->iter, 0);
    app_fini(&a);
    data_teardown();
}
END_TEST

START_TEST(presets_and_choices_fill_the_rows)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_EN);
    screen_key(&a, 'M');
    panel_row(&a, ROW_PRESET);
    screen_key(&a, KEY_RIGHT);
    char *t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "relu-rmsprop");
    ck_assert_shows(t, "784-512-10, 407050 parameters"); /* 784·512+512+5130 */
    ck_assert_shows(t, "batch size       128");
    ck_assert_shows(t, "epochs           5");
    free(t);
    /* Another optimizer brings its usual rate: SGD's is 0.01. */
    keys(&a, KEY_DOWN, ROW_OPT);
    keys(&a, KEY_RIGHT, 2); /* rmsprop -> adam -> sgd */
    t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "optimizer        sgd");
    ck_assert_shows(t, "learning rate    0.01");
    ck_assert_shows(t, "preset           custom");
    free(t);
    /* A value being typed is set by the next key that moves on. */
    keys(&a, KEY_UP, ROW_OPT - ROW_HIDDEN);
    screen_type(&a, "64");
    screen_key(&a, KEY_DOWN);
    t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "hidden layers    64");
    ck_assert_shows(t, "784-64-10, 50890 parameters"); /* 784·64+64+650 */
    free(t);
    keys(&a, KEY_DOWN, ROW_OPT - ROW_ACT);
    /* The rate along 1, 2, 5: 0.01 -> 0.02 -> 0.05 -> 0.1, and back. */
    screen_key(&a, KEY_DOWN);
    keys(&a, KEY_RIGHT, 3);
    ck_drawn_shows(screen_draw(&a, 100, 30), "learning rate    0.1");
    keys(&a, KEY_LEFT, 4);
    ck_drawn_shows(screen_draw(&a, 100, 30), "learning rate    0.005");
    /* Dataset: both are here; starting on Fashion-MNIST loads it. */
    screen_key(&a, KEY_HOME);
    keys(&a, KEY_RIGHT, 3); /* custom -> the presets in turn */
    screen_key(&a, KEY_DOWN);
    screen_key(&a, KEY_RIGHT);
    ck_drawn_shows(screen_draw(&a, 100, 30), "Fashion-MNIST");
    screen_key(&a, 'r');
    ck_assert_ptr_eq(a.view, &train_view);
    const struct train_session *s = train_view_session(&a);
    ck_assert_int_eq(s->ds->kind, DATASET_FASHION);
    ck_assert_int_eq(s->cfg.opt.kind, NN_OPT_SGD);
    ck_assert_near(s->cfg.opt.lr, 0.1, 1e-15);
    ck_drawn_shows(screen_draw(&a, 100, 30),
                   "Fashion-MNIST 784-50-10 sigmoid-sgd");
    app_fini(&a);
    data_teardown();
}
END_TEST

/* Every test image's probabilities under the screen's network. */
static void answers(struct app *a, double *out)
{
    struct train_session *s = train_view_session(a);
    for (size_t i = 0; i < N_TEST; i++)
        ck_assert_int_ge(
            train_session_predict(s, s->ds->test_images.pixels + i * 784,
                                  out + i * DATASET_CLASSES),
            0);
}

/* Replace the prompt's text by s and press Enter. */
static void answer_prompt(struct app *a, const char *s)
{
    keys(a, KEY_BACKSPACE, 200);
    screen_type(a, s);
    screen_key(a, '\n');
}

START_TEST(save_then_load_gives_the_same_answers)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_EN);
    screen_key(&a, 'M');
    run_to_end(&a);
    double *before = malloc(2 * N_TEST * DATASET_CLASSES * sizeof *before);
    double *after = before + N_TEST * DATASET_CLASSES;
    answers(&a, before);
    double acc = train_session_test_acc(train_view_session(&a));

    /* s offers a name made of the dataset and the shapes. */
    screen_key(&a, 's');
    ck_drawn_shows(screen_draw(&a, 100, 30),
                   "Save the network to: mnist-784-50-10.nnm_");
    char path[128], line[200];
    snprintf(path, sizeof path, "%s/net.nnm", data.root);
    answer_prompt(&a, path);
    snprintf(line, sizeof line, "Saved the network to %s", path);
    ck_drawn_shows(screen_draw(&a, 100, 30), line);
    ck_assert_int_eq(access(path, R_OK), 0);

    /* Another network (the next preset), then the saved one back. */
    screen_key(&a, KEY_LEFT);
    ck_assert_uint_eq(train_view_session(&a)->cfg.hidden[0], 512);
    screen_key(&a, 'o');
    ck_drawn_shows(screen_draw(&a, 100, 30), path); /* offered again */
    screen_key(&a, '\n');
    const struct train_session *s = train_view_session(&a);
    ck_assert(s->from_model);
    ck_assert_uint_eq(s->cfg.hidden[0], 50);
    ck_assert_near(s->model_test_acc, acc, 1e-15);
    ck_assert(app_timeout(&a) != 0); /* paused until End */
    char acc_text[32];
    snprintf(acc_text, sizeof acc_text, "test accuracy %.4f", acc);
    ck_drawn_shows(screen_draw(&a, 100, 30), acc_text);
    answers(&a, after);
    for (size_t i = 0; i < N_TEST * DATASET_CLASSES; i++)
        ck_assert_msg(before[i] == after[i], "answer %zu: %.9g != %.9g", i,
                      before[i], after[i]);
    /* The look inside borrows it as it is: nothing to train first. */
    screen_key(&a, 'i');
    ck_assert_ptr_eq(a.view, &inside_view);
    ck_assert(app_timeout(&a) != 0);
    ck_drawn_shows(screen_draw(&a, 100, 30),
                   "784-50-10 sigmoid, loaded network: test accuracy");
    screen_key(&a, 'q');
    ck_assert_ptr_eq(a.view, &train_view);
    /* End trains on from the loaded weights. */
    screen_key(&a, KEY_END);
    ck_assert(app_timeout(&a) == 0);

    /* A missing file: said, and the network is kept. */
    screen_key(&a, 'o');
    answer_prompt(&a, "no-such.nnm");
    char *t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "Not loaded, the network is kept: no-such.nnm");
    free(t);
    ck_assert_ptr_eq(train_view_session(&a), s);

    /* A network for MNIST, offered to a Fashion-MNIST session. */
    panel_row(&a, ROW_DATASET);
    screen_key(&a, KEY_RIGHT);
    screen_key(&a, 'r');
    ck_assert_int_eq(train_view_session(&a)->ds->kind, DATASET_FASHION);
    screen_key(&a, 'o');
    answer_prompt(&a, path);
    t = screen_draw(&a, 100, 30);
    ck_assert_shows(t, "the network was trained");
    ck_assert_shows(t, "choose the dataset mnist first");
    free(t);
    ck_assert(!train_view_session(&a)->from_model);
    free(before);
    app_fini(&a);
    data_teardown();
}
END_TEST

START_TEST(load_and_save_options)
{
    data_setup();
    struct app a;
    char path[128], bad[128], msg[1024];
    snprintf(path, sizeof path, "%s/end.nnm", data.root);
    /* --save FILE: the run's end is saved there. */
    struct options o;
    memset(&o, 0, sizeof o);
    o.save_file = path;
    ck_assert_int_eq(app_init(&a, &o, TUI_EN, 1), 0);
    ck_assert_int_eq(
        train_view_start_options(&a, NULL, path, 1, msg, sizeof msg), 0);
    ck_assert_ptr_eq(a.view, &train_view);
    run_to_end(&a);
    ck_assert_int_eq(access(path, R_OK), 0);
    ck_drawn_shows(screen_draw(&a, 100, 30), "Saved the network to");
    app_fini(&a);

    /* --load FILE: the training screen with that network. */
    app_setup(&a, TUI_EN);
    ck_assert_int_eq(
        train_view_start_options(&a, path, NULL, 0, msg, sizeof msg), 0);
    ck_assert_ptr_eq(a.view, &train_view);
    ck_assert(train_view_session(&a)->from_model);
    ck_drawn_shows(screen_draw(&a, 100, 30), "MNIST 784-50-10 loaded");
    app_fini(&a);

    /* Not a model; a directory that is not there. */
    snprintf(bad, sizeof bad, "%s/bad.nnm", data.root);
    FILE *f = fopen(bad, "w");
    ck_assert_ptr_nonnull(f);
    fputs("not a network\n", f);
    fclose(f);
    app_setup(&a, TUI_EN);
    ck_assert_int_ne(
        train_view_start_options(&a, bad, NULL, 0, msg, sizeof msg), 0);
    ck_assert_msg(strstr(msg, "--load: ") && strstr(msg, bad), "%s", msg);
    ck_assert_ptr_ne(a.view, &train_view);
    snprintf(bad, sizeof bad, "%s/none/x.nnm", data.root);
    ck_assert_int_ne(
        train_view_start_options(&a, NULL, bad, 1, msg, sizeof msg), 0);
    ck_assert_msg(strstr(msg, "--save: ") && strstr(msg, bad), "%s", msg);
    app_fini(&a);
    data_teardown();
}
END_TEST

/* The screen row showing text, or -1. */
static int row_of(const char *screen, const char *text)
{
    const char *p = strstr(screen, text);
    if (!p)
        return -1;
    int row = 0;
    for (const char *q = screen; q < p; q++)
        row += *q == '\n';
    return row;
}

START_TEST(clicks_choose_and_start)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_EN);
    screen_key(&a, 'M');
    screen_key(&a, 'c');
    char *t = screen_draw(&a, 100, 30);
    int epochs = row_of(t, "epochs  "), start = row_of(t, "Start training");
    free(t);
    ck_assert_int_gt(epochs, 0);
    ck_assert_int_gt(start, epochs);
    /* First click chooses the row, the second types into it. */
    app_click(&a, 10, epochs);
    app_click(&a, 10, epochs);
    keys(&a, KEY_BACKSPACE, 3);
    screen_type(&a, "2");
    app_click(&a, 10, start); /* sets the typed value, chooses the row */
    ck_assert_ptr_eq(a.view, &train_panel_view);
    app_click(&a, 10, start);
    ck_assert_ptr_eq(a.view, &train_view);
    ck_assert_int_eq(train_view_session(&a)->cfg.epochs, 2);
    app_fini(&a);
    data_teardown();
}
END_TEST

START_TEST(panel_in_korean_at_80x24)
{
    data_setup();
    struct app a;
    app_setup(&a, TUI_KO);
    screen_key(&a, 'M');
    panel_row(&a, ROW_LR);
    screen_type(&a, "0\n");
    char *t = screen_draw(&a, 80, 24);
    ck_assert_shows(t, "다음 학습 설정: 784-50-10");
    ck_assert_shows(t, "학습률");
    ck_assert_shows(t, "learning rate 0:"); /* the message, under its row */
    ck_assert_shows(t, "학습 시작");        /* the last row still shows */
    free(t);
    /* the training screen itself, paused at once: its words in Korean */
    screen_key(&a, 27);
    screen_key(&a, ' ');
    t = screen_draw(&a, 80, 24);
    ck_assert_shows(t, "배치 32, 에포크 10");
    ck_assert_shows(t, "일시 정지: 반복 ");
    ck_assert_shows(t, "학습률 0.001");
    ck_assert_shows(t, "남은 시간");
    free(t);
    app_fini(&a);
    data_teardown();
}
END_TEST

static Suite *train_screen_suite(void)
{
    Suite *s = suite_create("training screen");
    TCase *tc = tcase_create("settings and models");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, typed_hidden_sizes_train_that_network);
    tcase_add_test(tc, bad_learning_rate_starts_nothing);
    tcase_add_test(tc, presets_and_choices_fill_the_rows);
    tcase_add_test(tc, save_then_load_gives_the_same_answers);
    tcase_add_test(tc, load_and_save_options);
    tcase_add_test(tc, clicks_choose_and_start);
    tcase_add_test(tc, panel_in_korean_at_80x24);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(train_screen_suite)
