/*
 * Tests of the training session (lesson/train.h) on small synthetic
 * datasets made here, so they always run: configuration checks, the
 * first steps worked out by hand, learning a separable problem,
 * divergence, determinism across thread counts, hidden sizes as text,
 * and sessions started from a trained network or a model file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_helpers.h"
#include "core/error.h"
#include "core/loss.h"
#include "data/model.h"
#include "lesson/train.h"

#define PX (DATASET_SIDE * DATASET_SIDE)

/*
 * A dataset where class c lights the c-th band of 2 rows plus noise: easy
 * to separate, but only by looking at the right pixels. Image i has class
 * i % 10.
 */
static void fill_split(struct idx_images *img, struct idx_labels *lab, size_t n,
                       unsigned seed)
{
    img->count = lab->count = n;
    img->rows = img->cols = DATASET_SIDE;
    img->pixels = calloc(n * PX, 1);
    lab->labels = calloc(n, 1);
    ck_assert(img->pixels && lab->labels);
    struct nn_rng r;
    nn_rng_seed(&r, seed);
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned)(i % 10);
        unsigned char *p = img->pixels + i * PX;
        lab->labels[i] = (unsigned char)c;
        for (size_t j = 0; j < PX; j++)
            p[j] = (unsigned char)nn_rng_below(&r, 60);
        for (size_t row = 2 * c + 4; row < 2 * c + 6; row++)
            for (size_t col = 4; col < 24; col++)
                p[row * DATASET_SIDE + col] = 255;
    }
}

static void make_dataset(struct dataset *ds, size_t n_train, size_t n_test)
{
    memset(ds, 0, sizeof *ds);
    ds->kind = DATASET_MNIST;
    fill_split(&ds->train_images, &ds->train_labels, n_train, 1);
    fill_split(&ds->test_images, &ds->test_labels, n_test, 2);
}

static void small_config(struct train_config *c)
{
    train_config_default(c);
    c->hidden[0] = 16;
    c->epochs = 4;
    c->batch_size = 20;
    c->opt.lr = 0.01;
}

/* Run to the end; return the final phase. */
static enum train_phase run(struct train_session *s)
{
    enum train_event ev;
    do
        ck_assert_int_eq(train_session_step(s, &ev), 0);
    while (ev != TRAIN_EV_DONE && ev != TRAIN_EV_DIVERGED);
    return s->phase;
}

START_TEST(presets_match_the_notes)
{
    size_t n;
    const struct train_preset *p = train_presets(&n);
    ck_assert_uint_eq(n, 3);
    /* Seed 000: 784-50-10 sigmoid, Adam (Keras: lr 0.001), batch 32
     * (Keras's default), 10 epochs. */
    const struct train_preset *a = train_preset_find("sigmoid-adam");
    ck_assert_ptr_eq(a, &p[0]);
    ck_assert_uint_eq(a->cfg.hidden[0], 50);
    ck_assert_int_eq(a->cfg.act.kind, NN_ACT_SIGMOID);
    ck_assert_int_eq(a->cfg.opt.kind, NN_OPT_ADAM);
    ck_assert_near(a->cfg.opt.lr, 0.001, 0);
    ck_assert_uint_eq(a->cfg.batch_size, 32);
    ck_assert_int_eq(a->cfg.epochs, 10);
    /* Seed 001: 784-512-10 ReLU, RMSprop, batch 128, 5 epochs. */
    const struct train_preset *b = train_preset_find("relu-rmsprop");
    ck_assert_uint_eq(b->cfg.hidden[0], 512);
    ck_assert_int_eq(b->cfg.act.kind, NN_ACT_RELU);
    ck_assert_int_eq(b->cfg.opt.kind, NN_OPT_RMSPROP);
    ck_assert_uint_eq(b->cfg.batch_size, 128);
    ck_assert_int_eq(b->cfg.epochs, 5);
    /* Seed 004: SGD lr 0.1, batch 100, weights 0.01·N(0, 1). */
    const struct train_preset *c = train_preset_find("sigmoid-sgd");
    ck_assert_int_eq(c->cfg.opt.kind, NN_OPT_SGD);
    ck_assert_near(c->cfg.opt.lr, 0.1, 0);
    ck_assert_uint_eq(c->cfg.batch_size, 100);
    ck_assert_int_eq(c->cfg.init, NN_INIT_NORMAL);
    ck_assert_near(c->cfg.init_std, 0.01, 0);
    ck_assert_ptr_null(train_preset_find("sigmoid"));
    char shape[64];
    train_config_shape(&b->cfg, shape, sizeof shape);
    ck_assert_str_eq(shape, "784-512-10");
}
END_TEST

START_TEST(bad_configs_are_refused)
{
    struct train_config c;
    char msg[256];
    train_config_default(&c);
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), 0);

    c.hidden[0] = 1000000000; /* 10^9 units: refused, nothing allocated */
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_ETOOBIG);
    ck_assert_ptr_nonnull(strstr(msg, "1000000000"));
    /* Within the width limit but too many parameters in all. */
    c.n_hidden = 3;
    c.hidden[0] = c.hidden[1] = c.hidden[2] = 65536;
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_ETOOBIG);
    ck_assert_ptr_nonnull(strstr(msg, "parameters"));

    const double bad_lr[] = {NAN, -0.1, 0, INFINITY, 1e7};
    for (size_t i = 0; i < sizeof bad_lr / sizeof bad_lr[0]; i++) {
        train_config_default(&c);
        c.opt.lr = bad_lr[i];
        ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_EINVAL);
        ck_assert_ptr_nonnull(strstr(msg, "learning rate"));
    }
    train_config_default(&c);
    c.act = nn_act_make(NN_ACT_SOFTMAX);
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_EINVAL);
    train_config_default(&c);
    c.batch_size = 0;
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_EINVAL);
    train_config_default(&c);
    c.n_hidden = 0;
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_EINVAL);
    train_config_default(&c);
    c.init_std = NAN;
    ck_assert_int_eq(train_config_check(&c, msg, sizeof msg), NN_EINVAL);

    /* The setting at fault, for a form to point at. */
    enum train_setting at = TRAIN_SET_THREADS;
    train_config_default(&c);
    c.opt.lr = 0;
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_LR);
    train_config_default(&c);
    c.batch_size = 0;
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_BATCH);
    train_config_default(&c);
    c.epochs = 0;
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_EPOCHS);
    train_config_default(&c);
    c.act = nn_act_make(NN_ACT_STEP);
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_ACT);
    train_config_default(&c);
    c.init_std = -1;
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_INIT_STD);
    train_config_default(&c);
    c.n_hidden = 3;
    c.hidden[0] = c.hidden[1] = c.hidden[2] = 65536;
    ck_assert_int_ne(train_config_check_at(&c, &at, msg, sizeof msg), 0);
    ck_assert_int_eq(at, TRAIN_SET_HIDDEN);
}
END_TEST

/*
 * With every weight 0 (normal init, std 0) and one hidden unit, the
 * first step can be done by hand. h = σ(0) = ½ for the hidden unit, the
 * logits are 0, softmax gives 0.1 to every class, so the loss is
 * -ln(0.1 + δ). At the logits ∂L/∂z = ŷ - t = 0.1 - t_j. SGD with rate η
 * then moves b2_j by -η(0.1 - t_j) and W2_j by -η·½·(0.1 - t_j), while
 * W1 and b1 stay 0: their gradient passes through W2, which was 0.
 */
START_TEST(first_steps_by_hand)
{
    struct dataset ds;
    make_dataset(&ds, 1, 1);
    const unsigned label = ds.train_labels.labels[0]; /* class 0 */
    struct train_config c;
    train_config_default(&c);
    c.hidden[0] = 1;
    c.init = NN_INIT_NORMAL;
    c.init_std = 0;
    c.opt = nn_optim_defaults(NN_OPT_SGD);
    c.opt.lr = 0.5;
    c.batch_size = 1;
    c.epochs = 2;
    c.dtype = NN_F64;
    struct train_session s;
    char msg[256];
    ck_assert_int_eq(train_session_init(&s, &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s.iters_per_epoch, 1);
    ck_assert_int_eq(train_session_total_iters(&s), 2);

    enum train_event ev;
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_BATCH);
    ck_assert_near(s.loss, -log(0.1 + NN_CE_DELTA), 1e-12);
    const double eta = 0.5;
    const struct nn_dense *out = &s.mlp.layers[1];
    for (unsigned j = 0; j < 10; j++) {
        double t = j == label ? 1 : 0;
        ck_assert_near(nn_mat_get(&out->b, 0, j), -eta * (0.1 - t), 1e-12);
        ck_assert_near(nn_mat_get(&out->W, 0, j), -eta * 0.5 * (0.1 - t),
                       1e-12);
    }
    ck_assert_near(nn_mat_max_abs(&s.mlp.layers[0].W), 0, 0);

    /* The evaluation: the train image, then the test image, both of
     * class 0, which the network now predicts. */
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_EVAL);
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_EPOCH);
    ck_assert_near(s.history[0].train_acc, 1, 0);
    ck_assert_near(s.history[0].test_acc, 1, 0);
    ck_assert_uint_eq(s.confusion[0][0], 1);

    /* Second step: h is still σ(0) = ½, so the logits are z_j = ½·W2_j +
     * b2_j = -1.25·η·(0.1 - t_j): 0.5625 for the label, -0.0625 for the
     * nine others. */
    double zl = 1.25 * eta * 0.9, zo = -1.25 * eta * 0.1;
    double p = exp(zl) / (exp(zl) + 9 * exp(zo));
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_BATCH);
    ck_assert_near(s.loss, -log(p + NN_CE_DELTA), 1e-12);
    /* Moving average: the first loss, then one step towards the second. */
    double l1 = -log(0.1 + NN_CE_DELTA), l2 = -log(p + NN_CE_DELTA);
    ck_assert_near(s.loss_avg,
                   (1 - TRAIN_AVG_WEIGHT) * l1 + TRAIN_AVG_WEIGHT * l2, 1e-12);
    ck_assert_near(s.iter_loss[0], l1, 1e-12);
    ck_assert_int_eq(run(&s), TRAIN_DONE);
    ck_assert_int_eq(s.epoch, 2);
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_DONE);
    train_session_fini(&s);
    dataset_fini(&ds);
}
END_TEST

START_TEST(learns_a_separable_problem)
{
    struct dataset ds;
    make_dataset(&ds, 500, 200);
    struct train_config c;
    small_config(&c);
    struct train_session s;
    char msg[256];
    ck_assert_int_eq(train_session_init(&s, &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s.iters_per_epoch, 25);
    ck_assert_int_eq(run(&s), TRAIN_DONE);
    /* The loss starts near ln 10 (a uniform guess) and falls. */
    ck_assert_near(s.iter_loss[0], log(10.0), 0.3);
    ck_assert_double_lt(s.history[3].loss, 0.5 * s.history[0].loss);
    ck_assert_double_ge(s.history[3].test_acc, 0.95);
    ck_assert_double_ge(s.history[3].train_acc, 0.95);
    /* Confusion matrix: 200 test images, 20 of each class, the diagonal
     * is the accuracy. */
    size_t total = 0, diag = 0;
    for (int t = 0; t < 10; t++)
        for (int p = 0; p < 10; p++) {
            total += s.confusion[t][p];
            diag += t == p ? s.confusion[t][p] : 0;
        }
    ck_assert_uint_eq(total, 200);
    ck_assert_near((double)diag / 200, s.history[3].test_acc, 1e-12);
    ck_assert_double_gt(s.seconds, 0);
    ck_assert_double_gt(s.history[0].samples_per_s, 0);

    /* A prediction: probabilities sum to 1 and pick the band's class. */
    double probs[10], sum = 0;
    int best = train_session_predict(&s, ds.test_images.pixels + 3 * PX, probs);
    for (int k = 0; k < 10; k++)
        sum += probs[k];
    ck_assert_near(sum, 1, 1e-5);
    ck_assert_int_eq(best, 3);
    train_session_fini(&s);
    dataset_fini(&ds);
}
END_TEST

START_TEST(train_size_takes_the_first_images)
{
    struct dataset ds;
    make_dataset(&ds, 500, 50);
    struct train_config c;
    small_config(&c);
    c.train_size = 45;
    c.epochs = 1;
    struct train_session s;
    char msg[256];
    ck_assert_int_eq(train_session_init(&s, &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s.n_train, 45);
    ck_assert_uint_eq(s.iters_per_epoch, 3); /* 20 + 20 + 5 */
    ck_assert_int_eq(run(&s), TRAIN_DONE);
    ck_assert_int_eq(s.iter, 3);
    train_session_fini(&s);
    dataset_fini(&ds);
}
END_TEST

START_TEST(same_numbers_on_any_thread_count)
{
    struct dataset ds;
    make_dataset(&ds, 300, 100);
    struct train_config c;
    small_config(&c);
    c.hidden[0] = 64;
    c.epochs = 2;
    double loss[2];
    for (int k = 0; k < 2; k++) {
        c.threads = k + 1;
        struct train_session s;
        char msg[256];
        ck_assert_int_eq(train_session_init(&s, &c, &ds, msg, sizeof msg), 0);
        ck_assert_int_eq(run(&s), TRAIN_DONE);
        loss[k] = s.history[1].loss;
        train_session_fini(&s);
    }
    ck_assert_msg(loss[0] == loss[1], "%.17g != %.17g", loss[0], loss[1]);
    dataset_fini(&ds);
}
END_TEST

/*
 * A mini-batch too large for one piece is trained in parts: 784-512-10
 * takes 2·3·(784·512 + 512·10) operations a row in training, so a piece
 * of TRAIN_PIECE_FLOPS holds 409 rows and a batch of 1000 is three parts
 * (409, 409, 182). The parts' gradients add up to the whole batch's: one
 * update from them must move the weights as one update from the whole
 * batch does (the same session with part_rows set to the batch).
 */
START_TEST(large_batches_train_in_parts)
{
    struct dataset ds;
    make_dataset(&ds, 1000, 10);
    struct train_config c;
    small_config(&c);
    c.hidden[0] = 512;
    c.batch_size = 1000;
    c.dtype = NN_F64;
    /* plain SGD: its step is the gradient itself (Adam's first step would
     * hide a gradient of the wrong size) */
    c.opt = nn_optim_defaults(NN_OPT_SGD);
    c.opt.lr = 0.1;
    double per_row = 6.0 * (784 * 512 + 512 * 10);
    size_t want = (size_t)floor(TRAIN_PIECE_FLOPS / per_row);
    ck_assert_uint_eq(want, 409);
    struct train_session s[2];
    char msg[256];
    for (int k = 0; k < 2; k++)
        ck_assert_int_eq(train_session_init(&s[k], &c, &ds, msg, sizeof msg),
                         0);
    ck_assert_uint_eq(s[0].part_rows, want);
    /* evaluation: 2·406,528 a row fits 1,229 rows, capped at the chunk */
    ck_assert_uint_eq(s[0].eval_chunk_rows, TRAIN_EVAL_CHUNK);
    s[1].part_rows = c.batch_size;
    size_t np = s[0].mlp.n_params;
    double *start = malloc(np * sizeof *start);
    ck_assert_ptr_nonnull(start);
    memcpy(start, s[0].mlp.params.data, np * sizeof *start);
    enum train_event ev;
    int parts = 0;
    do {
        ck_assert_int_eq(train_session_step(&s[0], &ev), 0);
        parts++;
    } while (ev == TRAIN_EV_PART);
    ck_assert_int_eq(ev, TRAIN_EV_BATCH);
    ck_assert_int_eq(parts, 3);
    ck_assert_int_eq(train_session_step(&s[1], &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_BATCH);
    ck_assert_rel(s[0].loss, s[1].loss, 1e-13);
    const double *p0 = s[0].mlp.params.data, *p1 = s[1].mlp.params.data;
    double worst = 0, moved = 0;
    for (size_t i = 0; i < np; i++) {
        worst = fmax(worst, fabs(p0[i] - p1[i]));
        moved = fmax(moved, fabs(p1[i] - start[i]));
    }
    ck_assert(moved > 0);
    ck_assert_msg(worst <= 1e-12 * moved, "parts differ by %g of a step %g",
                  worst, moved);
    free(start);
    for (int k = 0; k < 2; k++)
        train_session_fini(&s[k]);
    /* 784-2048-2048-10 would fit 28 rows in a piece: it keeps 32, and a
     * batch smaller than that stays whole */
    c.n_hidden = 2;
    c.hidden[0] = c.hidden[1] = 2048;
    c.dtype = NN_F32;
    ck_assert_uint_eq(
        (size_t)floor(TRAIN_PIECE_FLOPS /
                      (6.0 * (784 * 2048 + 2048 * 2048 + 2048 * 10))),
        28);
    ck_assert_int_eq(train_session_init(&s[0], &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s[0].part_rows, TRAIN_PIECE_MIN_ROWS);
    train_session_fini(&s[0]);
    /* 784-3000-3000-10: 68,292,000 operations a row, so 32 rows would be
     * past TRAIN_PIECE_MAX_FLOPS: it takes the 29 rows that fit */
    c.hidden[0] = c.hidden[1] = 3000;
    ck_assert_uint_eq((size_t)floor(TRAIN_PIECE_MAX_FLOPS /
                                    (6.0 * (784 * 3000 + 3000 * 3000 +
                                            3000 * 10))),
                      29);
    ck_assert_int_eq(train_session_init(&s[0], &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s[0].part_rows, 29);
    train_session_fini(&s[0]);
    c.hidden[0] = c.hidden[1] = 2048;
    c.batch_size = 20;
    ck_assert_int_eq(train_session_init(&s[0], &c, &ds, msg, sizeof msg), 0);
    ck_assert_uint_eq(s[0].part_rows, 20);
    train_session_fini(&s[0]);
    dataset_fini(&ds);
}
END_TEST

START_TEST(diverging_training_stops_with_a_reason)
{
    struct dataset ds;
    make_dataset(&ds, 500, 50);
    struct train_config c;
    small_config(&c);
    c.act = nn_act_make(NN_ACT_RELU);
    c.opt = nn_optim_defaults(NN_OPT_SGD);
    c.opt.lr = 100;
    c.epochs = 20;
    struct train_session s;
    char msg[256];
    ck_assert_int_eq(train_session_init(&s, &c, &ds, msg, sizeof msg), 0);
    ck_assert_int_eq(run(&s), TRAIN_DIVERGED);
    ck_assert_int_lt(s.epoch, 20);
    ck_assert_ptr_nonnull(strstr(s.why, "diverged"));
    ck_assert_ptr_nonnull(strstr(s.why, "learning rate 100"));
    /* Stopped for good; the learning rate can be lowered but a diverged
     * session does not resume. */
    enum train_event ev;
    ck_assert_int_eq(train_session_step(&s, &ev), 0);
    ck_assert_int_eq(ev, TRAIN_EV_DONE);
    ck_assert_int_eq(train_session_set_lr(&s, NAN), NN_EINVAL);
    ck_assert_int_eq(train_session_set_lr(&s, -1), NN_EINVAL);
    ck_assert_int_eq(train_session_set_lr(&s, 0.01), 0);
    ck_assert_near(s.opt.cfg.lr, 0.01, 0);
    train_session_fini(&s);
    dataset_fini(&ds);
}
END_TEST

START_TEST(hidden_sizes_as_text)
{
    struct train_config c;
    char msg[256], text[64];
    train_config_default(&c);
    ck_assert_int_eq(train_config_parse_hidden(&c, "128,64", msg, sizeof msg),
                     0);
    ck_assert_uint_eq(c.n_hidden, 2);
    ck_assert_uint_eq(c.hidden[0], 128);
    ck_assert_uint_eq(c.hidden[1], 64);
    train_config_hidden_text(&c, text, sizeof text);
    ck_assert_str_eq(text, "128,64");
    ck_assert_int_eq(
        train_config_parse_hidden(&c, " 32 , 16 ", msg, sizeof msg), 0);
    ck_assert_uint_eq(c.n_hidden, 2);
    ck_assert_uint_eq(c.hidden[0], 32);
    ck_assert_uint_eq(c.hidden[1], 16);
    ck_assert_int_eq(train_config_parse_hidden(&c, "50", msg, sizeof msg), 0);
    ck_assert_uint_eq(c.n_hidden, 1);
    ck_assert_uint_eq(c.hidden[0], 50);
    /* Refused, quoting the text, and c stays as it was. */
    static const char *const bad[] = {"",
                                      "abc",
                                      "50,",
                                      ",50",
                                      "0",
                                      "65537",
                                      "99999999999999999999",
                                      "-5",
                                      "5x",
                                      "5 5",
                                      "1.5",
                                      "1,2,3,4,5,6,7,8,9"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        msg[0] = '\0';
        ck_assert_int_ne(train_config_parse_hidden(&c, bad[i], msg, sizeof msg),
                         0);
        ck_assert_msg(strstr(msg, bad[i]) != NULL, "'%s': %s", bad[i], msg);
        ck_assert_uint_eq(c.n_hidden, 1);
        ck_assert_uint_eq(c.hidden[0], 50);
    }
    ck_assert_int_eq(train_config_parse_hidden(&c, "65536", msg, sizeof msg),
                     0);
}
END_TEST

START_TEST(configs_are_matched_to_presets)
{
    size_t n;
    const struct train_preset *p = train_presets(&n);
    for (size_t i = 0; i < n; i++)
        ck_assert_ptr_eq(train_preset_of(&p[i].cfg), &p[i]);
    struct train_config c = p[1].cfg;
    /* The seed, the data and the dtype change the run, not the recipe. */
    c.seed = 7;
    c.train_size = 1000;
    c.dtype = NN_F64;
    ck_assert_ptr_eq(train_preset_of(&c), &p[1]);
    /* A slope only leaky ReLU uses (a saved model keeps it in f32). */
    c.act.slope = (float)c.act.slope;
    ck_assert_ptr_eq(train_preset_of(&c), &p[1]);
    c.opt.lr = 0.002;
    ck_assert_ptr_null(train_preset_of(&c));
    c = p[0].cfg;
    c.hidden[0] = 51;
    ck_assert_ptr_null(train_preset_of(&c));
    c = p[0].cfg;
    c.epochs = 11;
    ck_assert_ptr_null(train_preset_of(&c));
}
END_TEST

/* Trained for two epochs on the synthetic set (f64: sums in the same
 * order give the same bits). */
static void trained_session(struct train_session *s, const struct dataset *ds)
{
    struct train_config c;
    small_config(&c);
    c.n_hidden = 2;
    c.hidden[0] = 12;
    c.hidden[1] = 8;
    c.act = nn_act_make(NN_ACT_TANH);
    c.dtype = NN_F64;
    c.epochs = 2;
    char msg[256];
    ck_assert_int_eq(train_session_init(s, &c, ds, msg, sizeof msg), 0);
    ck_assert_int_eq(run(s), TRAIN_DONE);
}

/* Right answers of m on ds's test set, counted image by image through
 * train_mlp_predict (not the session's batched evaluation). */
static size_t count_right(struct nn_mlp *m, const struct dataset *ds)
{
    struct nn_mat x;
    ck_assert_int_eq(nn_mat_init(&x, m->dtype, 1, PX), 0);
    size_t right = 0;
    double probs[DATASET_CLASSES];
    for (size_t i = 0; i < ds->test_images.count; i++) {
        int pred =
            train_mlp_predict(m, &x, ds->test_images.pixels + i * PX, probs);
        ck_assert_int_ge(pred, 0);
        right += (unsigned)pred == ds->test_labels.labels[i];
    }
    nn_mat_fini(&x);
    return right;
}

/* Both networks give every test image the same probabilities, bit for
 * bit. */
static void same_answers(struct train_session *a, struct train_session *b)
{
    double pa[DATASET_CLASSES], pb[DATASET_CLASSES];
    const struct dataset *ds = a->ds;
    for (size_t i = 0; i < ds->test_images.count; i++) {
        const unsigned char *img = ds->test_images.pixels + i * PX;
        int ca = train_session_predict(a, img, pa);
        int cb = train_session_predict(b, img, pb);
        ck_assert_int_eq(ca, cb);
        for (int k = 0; k < DATASET_CLASSES; k++)
            ck_assert_msg(pa[k] == pb[k], "image %zu class %d: %.17g != %.17g",
                          i, k, pa[k], pb[k]);
    }
}

START_TEST(session_from_a_trained_network)
{
    struct dataset ds;
    make_dataset(&ds, 400, 70);
    struct train_session t, s;
    trained_session(&t, &ds);
    struct train_config base;
    train_config_default(&base); /* Adam, batch 32, 10 epochs, f32 */
    base.opt = nn_optim_defaults(NN_OPT_MOMENTUM);
    base.epochs = 1;
    char msg[256];
    ck_assert_int_eq(
        train_session_init_from_mlp(&s, &base, &t.mlp, &ds, msg, sizeof msg),
        0);
    /* The network's shapes, activation and dtype; the rest from base. */
    char shape[64];
    train_config_shape(&s.cfg, shape, sizeof shape);
    ck_assert_str_eq(shape, "784-12-8-10");
    ck_assert_int_eq(s.cfg.act.kind, NN_ACT_TANH);
    ck_assert_int_eq(s.cfg.dtype, NN_F64);
    ck_assert_int_eq(s.cfg.opt.kind, NN_OPT_MOMENTUM);
    ck_assert_uint_eq(s.cfg.batch_size, base.batch_size);
    ck_assert_int_eq(s.cfg.epochs, 1);
    same_answers(&t, &s);
    /* Measured at once: the accuracy counted one image at a time. */
    ck_assert(train_session_trained(&s));
    ck_assert_int_eq(s.epoch, 0);
    size_t right = count_right(&t.mlp, &ds);
    ck_assert_near(s.model_test_acc, (double)right / 70.0, 1e-15);
    ck_assert_near(train_session_test_acc(&s), s.model_test_acc, 0);
    size_t total = 0, diag = 0;
    for (int i = 0; i < DATASET_CLASSES; i++)
        for (int j = 0; j < DATASET_CLASSES; j++) {
            total += s.confusion[i][j];
            diag += i == j ? s.confusion[i][j] : 0;
        }
    ck_assert_uint_eq(total, 70);
    ck_assert_uint_eq(diag, right);
    ck_assert(isfinite(s.model_test_loss) && s.model_test_loss > 0);
    /* Training goes on from the loaded weights. */
    ck_assert_int_eq(run(&s), TRAIN_DONE);
    ck_assert_int_eq(s.epoch, 1);
    ck_assert_near(train_session_test_acc(&s), s.history[0].test_acc, 0);
    train_session_fini(&s);
    train_session_fini(&t);
    dataset_fini(&ds);
}
END_TEST

START_TEST(networks_that_do_not_fit_are_refused)
{
    struct dataset ds;
    make_dataset(&ds, 50, 20);
    struct train_config base, c;
    train_config_default(&base);
    char msg[256];
    struct nn_mlp m;
    /* 784 -> 10 softmax: no hidden layer. */
    struct nn_layer_spec one[] = {{10, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, PX, 1, one), 0);
    ck_assert_int_eq(train_config_from_mlp(&c, &base, &m, msg, sizeof msg),
                     NN_ESHAPE);
    ck_assert_ptr_nonnull(strstr(msg, "0 hidden layers"));
    nn_mlp_fini(&m);
    /* Three outputs. */
    struct nn_layer_spec three[] = {{5, nn_act_make(NN_ACT_RELU), 1},
                                    {3, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, PX, 2, three), 0);
    ck_assert_int_eq(train_config_from_mlp(&c, &base, &m, msg, sizeof msg),
                     NN_ESHAPE);
    ck_assert_ptr_nonnull(strstr(msg, "3 softmax outputs"));
    nn_mlp_fini(&m);
    /* 4 inputs. */
    struct nn_layer_spec small[] = {{5, nn_act_make(NN_ACT_RELU), 1},
                                    {10, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, 4, 2, small), 0);
    ck_assert_int_eq(train_config_from_mlp(&c, &base, &m, msg, sizeof msg),
                     NN_ESHAPE);
    ck_assert_ptr_nonnull(strstr(msg, "4 inputs"));
    nn_mlp_fini(&m);
    /* Two hidden activations. */
    struct nn_layer_spec mixed[] = {{5, nn_act_make(NN_ACT_RELU), 1},
                                    {5, nn_act_make(NN_ACT_TANH), 1},
                                    {10, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, PX, 3, mixed), 0);
    ck_assert_int_eq(train_config_from_mlp(&c, &base, &m, msg, sizeof msg),
                     NN_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, "relu and tanh"));
    nn_mlp_fini(&m);
    /* No bias. */
    struct nn_layer_spec nobias[] = {{5, nn_act_make(NN_ACT_RELU), 0},
                                     {10, nn_act_make(NN_ACT_SOFTMAX), 1}};
    ck_assert_int_eq(nn_mlp_init(&m, NN_F32, PX, 2, nobias), 0);
    ck_assert_int_eq(train_config_from_mlp(&c, &base, &m, msg, sizeof msg),
                     NN_ESHAPE);
    ck_assert_ptr_nonnull(strstr(msg, "no bias"));
    /* A session refused leaves nothing to free. */
    struct train_session s;
    ck_assert_int_ne(
        train_session_init_from_mlp(&s, &base, &m, &ds, msg, sizeof msg), 0);
    ck_assert_ptr_null(s.order);
    nn_mlp_fini(&m);
    dataset_fini(&ds);
}
END_TEST

START_TEST(save_then_load_gives_the_same_answers)
{
    struct dataset ds;
    make_dataset(&ds, 400, 60);
    struct train_session t, s;
    trained_session(&t, &ds);
    char dir[] = "/tmp/nnlab-train-XXXXXX", path[64], msg[512];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/m.nnm", dir);
    ck_assert_int_eq(train_session_save(&t, path, msg, sizeof msg), 0);
    struct train_config base;
    train_config_default(&base);
    ck_assert_int_eq(train_session_load(&s, &base, path, &ds, msg, sizeof msg),
                     0);
    same_answers(&t, &s);
    ck_assert_near(s.model_test_acc, t.history[1].test_acc, 1e-15);
    train_session_fini(&s);

    /* Trained on MNIST, offered to a Fashion-MNIST session. */
    ds.kind = DATASET_FASHION;
    ck_assert_int_eq(train_session_load(&s, &base, path, &ds, msg, sizeof msg),
                     NN_EINVAL);
    ck_assert_ptr_nonnull(strstr(msg, path));
    ck_assert_ptr_nonnull(strstr(msg, "trained on MNIST"));
    ck_assert_ptr_null(s.order);
    ds.kind = DATASET_MNIST;
    /* A damaged file names itself. */
    FILE *f = fopen(path, "r+b");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fseek(f, 200, SEEK_SET), 0);
    ck_assert_int_ne(fputc(0x5a, f), EOF);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_ne(train_session_load(&s, &base, path, &ds, msg, sizeof msg),
                     0);
    ck_assert_ptr_nonnull(strstr(msg, path));
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_ne(train_session_load(&s, &base, path, &ds, msg, sizeof msg),
                     0);
    ck_assert_ptr_nonnull(strstr(msg, path));
    /* A directory that does not exist: the save says so and names it. */
    snprintf(path, sizeof path, "%s/none/m.nnm", dir);
    ck_assert_int_ne(train_session_save(&t, path, msg, sizeof msg), 0);
    ck_assert_ptr_nonnull(strstr(msg, path));
    ck_assert_int_eq(rmdir(dir), 0);
    train_session_fini(&t);
    dataset_fini(&ds);
}
END_TEST

static Suite *train_suite(void)
{
    Suite *s = suite_create("train");
    TCase *tc = tcase_create("session");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, presets_match_the_notes);
    tcase_add_test(tc, bad_configs_are_refused);
    tcase_add_test(tc, first_steps_by_hand);
    tcase_add_test(tc, learns_a_separable_problem);
    tcase_add_test(tc, train_size_takes_the_first_images);
    tcase_add_test(tc, same_numbers_on_any_thread_count);
    tcase_add_test(tc, large_batches_train_in_parts);
    tcase_add_test(tc, diverging_training_stops_with_a_reason);
    tcase_add_test(tc, hidden_sizes_as_text);
    tcase_add_test(tc, configs_are_matched_to_presets);
    tcase_add_test(tc, session_from_a_trained_network);
    tcase_add_test(tc, networks_that_do_not_fit_are_refused);
    tcase_add_test(tc, save_then_load_gives_the_same_answers);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(train_suite)
