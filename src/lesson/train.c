/* The MNIST training session: presets, checks, and the stepped loop (see
 * train.h). */
#include "lesson/train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/loss.h"
#include "data/model.h"

#define N_IN (DATASET_SIDE * DATASET_SIDE)
#define N_OUT DATASET_CLASSES

/* A configuration with one hidden layer. */
#define ONE_HIDDEN(units, act_kind, opt_kind, rate, init_kind, std, bs, ep)    \
    {                                                                          \
        .n_hidden = 1, .hidden = {units}, .act = {act_kind, NN_LEAKY_SLOPE},   \
        .opt = {opt_kind, rate, 0.9, (opt_kind) == NN_OPT_ADAM ? 0.999 : 0.9,  \
                1e-7},                                                         \
        .init = init_kind, .init_std = std, .batch_size = bs, .epochs = ep,    \
        .train_size = 0, .dtype = NN_F32, .seed = 1, .threads = 1,             \
    }

/*
 * The study notes' networks. Keras initialises with Glorot's uniform
 * distribution; Xavier's normal one has the same variance. The third is
 * the from-scratch network of the numerical-gradient notes, whose
 * weights start as 0.01 · N(0, 1).
 */
static const struct train_preset presets[] = {
    {"sigmoid-adam",
     "784-50-10 sigmoid, Adam lr 0.001, batch 32, 10 epochs (Keras notes)",
     ONE_HIDDEN(50, NN_ACT_SIGMOID, NN_OPT_ADAM, 0.001, NN_INIT_XAVIER, 0.01,
                32, 10)},
    {"relu-rmsprop",
     "784-512-10 ReLU, RMSprop lr 0.001, batch 128, 5 epochs (Keras notes)",
     ONE_HIDDEN(512, NN_ACT_RELU, NN_OPT_RMSPROP, 0.001, NN_INIT_XAVIER, 0.01,
                128, 5)},
    {"sigmoid-sgd",
     "784-50-10 sigmoid, SGD lr 0.1, batch 100, 10 epochs, weights "
     "0.01·N(0,1) (from-scratch notes)",
     ONE_HIDDEN(50, NN_ACT_SIGMOID, NN_OPT_SGD, 0.1, NN_INIT_NORMAL, 0.01, 100,
                10)},
};

const struct train_preset *train_presets(size_t *n)
{
    *n = sizeof presets / sizeof presets[0];
    return presets;
}

const struct train_preset *train_preset_find(const char *name)
{
    size_t n;
    const struct train_preset *p = train_presets(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(p[i].name, name) == 0)
            return &p[i];
    return NULL;
}

void train_config_default(struct train_config *c)
{
    *c = presets[0].cfg;
}

void train_config_shape(const struct train_config *c, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "%d", N_IN);
    for (size_t i = 0; i < c->n_hidden && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "-%zu", c->hidden[i]);
    if (used < size)
        snprintf(buf + used, size - used, "-%d", N_OUT);
}

void train_config_hidden_text(const struct train_config *c, char *buf,
                              size_t size)
{
    size_t used = 0;
    if (size)
        buf[0] = '\0';
    for (size_t i = 0; i < c->n_hidden && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%zu", i ? "," : "",
                                 c->hidden[i]);
}

int train_config_parse_hidden(struct train_config *c, const char *text,
                              char *msg, size_t size)
{
    size_t hidden[TRAIN_MAX_HIDDEN], n = 0;
    const char *p = text;
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p < '0' || *p > '9') {
            snprintf(msg, size,
                     "hidden sizes '%s': write the units of each hidden "
                     "layer, separated by commas (50, or 128,64)",
                     text);
            return NN_EINVAL;
        }
        /* Digits by hand: strtoul would take a sign and wrap around. */
        size_t v = 0;
        while (*p >= '0' && *p <= '9' && v <= TRAIN_MAX_WIDTH)
            v = 10 * v + (size_t)(*p++ - '0');
        if (v < 1 || v > TRAIN_MAX_WIDTH) {
            snprintf(msg, size, "hidden sizes '%s': a layer has 1 to %d units",
                     text, TRAIN_MAX_WIDTH);
            return v ? NN_ETOOBIG : NN_EINVAL;
        }
        if (n == TRAIN_MAX_HIDDEN) {
            snprintf(msg, size, "hidden sizes '%s': at most %d hidden layers",
                     text, TRAIN_MAX_HIDDEN);
            return NN_ETOOBIG;
        }
        hidden[n++] = v;
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        if (*p++ != ',') {
            snprintf(msg, size,
                     "hidden sizes '%s': write the units of each hidden "
                     "layer, separated by commas (50, or 128,64)",
                     text);
            return NN_EINVAL;
        }
    }
    c->n_hidden = n;
    memcpy(c->hidden, hidden, n * sizeof *hidden);
    return NN_OK;
}

/* Same network and the same way of learning it. */
static int same_training(const struct train_config *a,
                         const struct train_config *b)
{
    if (a->n_hidden != b->n_hidden ||
        memcmp(a->hidden, b->hidden, a->n_hidden * sizeof *a->hidden) != 0)
        return 0;
    /* The slope matters to leaky ReLU alone. */
    return a->act.kind == b->act.kind &&
           (a->act.kind != NN_ACT_LEAKY_RELU || a->act.slope == b->act.slope) &&
           a->opt.kind == b->opt.kind && a->opt.lr == b->opt.lr &&
           a->opt.beta1 == b->opt.beta1 && a->opt.beta2 == b->opt.beta2 &&
           a->opt.eps == b->opt.eps && a->init == b->init &&
           (a->init != NN_INIT_NORMAL || a->init_std == b->init_std) &&
           a->batch_size == b->batch_size && a->epochs == b->epochs;
}

const struct train_preset *train_preset_of(const struct train_config *c)
{
    size_t n;
    const struct train_preset *p = train_presets(&n);
    for (size_t i = 0; i < n; i++)
        if (same_training(&p[i].cfg, c))
            return &p[i];
    return NULL;
}

int train_config_check_at(const struct train_config *c, enum train_setting *at,
                          char *msg, size_t size)
{
    enum train_setting dummy;
    if (!at)
        at = &dummy;
    if (c->n_hidden < 1 || c->n_hidden > TRAIN_MAX_HIDDEN) {
        *at = TRAIN_SET_HIDDEN;
        snprintf(msg, size, "%zu hidden layers: use 1 to %d", c->n_hidden,
                 TRAIN_MAX_HIDDEN);
        return c->n_hidden ? NN_ETOOBIG : NN_EINVAL;
    }
    for (size_t i = 0; i < c->n_hidden; i++) {
        if (c->hidden[i] < 1 || c->hidden[i] > TRAIN_MAX_WIDTH) {
            *at = TRAIN_SET_HIDDEN;
            snprintf(msg, size, "hidden layer %zu has %zu units: use 1 to %d",
                     i + 1, c->hidden[i], TRAIN_MAX_WIDTH);
            return c->hidden[i] ? NN_ETOOBIG : NN_EINVAL;
        }
    }
    enum nn_act_kind k = c->act.kind;
    if ((unsigned)k >= NN_ACT_COUNT || k == NN_ACT_SOFTMAX ||
        k == NN_ACT_STEP) {
        *at = TRAIN_SET_ACT;
        snprintf(msg, size,
                 "activation %s cannot be trained in hidden layers: use "
                 "sigmoid, tanh, relu, leaky_relu or identity",
                 nn_act_name(k));
        return NN_EINVAL;
    }
    double lr = c->opt.lr;
    if (!isfinite(lr) || lr <= 0 || lr > TRAIN_MAX_LR) {
        *at = TRAIN_SET_LR;
        snprintf(msg, size,
                 "learning rate %g: it must be a number greater than 0 and "
                 "at most %g",
                 lr, TRAIN_MAX_LR);
        return NN_EINVAL;
    }
    if ((unsigned)c->opt.kind >= NN_OPT_COUNT) {
        *at = TRAIN_SET_OPT;
        snprintf(msg, size, "unknown optimizer");
        return NN_EINVAL;
    }
    if (c->batch_size < 1 || c->batch_size > TRAIN_MAX_BATCH) {
        *at = TRAIN_SET_BATCH;
        snprintf(msg, size, "batch size %zu: use 1 to %d", c->batch_size,
                 TRAIN_MAX_BATCH);
        return c->batch_size ? NN_ETOOBIG : NN_EINVAL;
    }
    if (c->epochs < 1 || c->epochs > TRAIN_MAX_EPOCHS) {
        *at = TRAIN_SET_EPOCHS;
        snprintf(msg, size, "%ld epochs: use 1 to %d", c->epochs,
                 TRAIN_MAX_EPOCHS);
        return NN_EINVAL;
    }
    if (!isfinite(c->init_std) || c->init_std < 0) {
        *at = TRAIN_SET_INIT_STD;
        snprintf(msg, size, "init std %g: it must be a finite number >= 0",
                 c->init_std);
        return NN_EINVAL;
    }
    if (c->threads < 1 || c->threads > NN_POOL_MAX_THREADS) {
        *at = TRAIN_SET_THREADS;
        snprintf(msg, size, "%d threads: use 1 to %d", c->threads,
                 NN_POOL_MAX_THREADS);
        return NN_EINVAL;
    }
    /* Parameters and caches of the network, counted without overflow:
     * every width is at most 2^16, so each product fits easily. */
    size_t params = 0, in = N_IN, width = N_OUT;
    for (size_t i = 0; i <= c->n_hidden; i++) {
        size_t out = i < c->n_hidden ? c->hidden[i] : N_OUT;
        params += in * out + out;
        width += i < c->n_hidden ? out : 0;
        in = out;
    }
    if (params > NN_MLP_MAX_PARAMS) {
        *at = TRAIN_SET_HIDDEN;
        snprintf(msg, size,
                 "the network would have %zu parameters, more than the "
                 "%zu allowed: use fewer or smaller hidden layers",
                 params, (size_t)NN_MLP_MAX_PARAMS);
        return NN_ETOOBIG;
    }
    size_t rows =
        c->batch_size > TRAIN_EVAL_CHUNK ? c->batch_size : TRAIN_EVAL_CHUNK;
    if (rows > NN_MLP_MAX_CACHE / (4 * width)) {
        *at = TRAIN_SET_BATCH;
        snprintf(msg, size,
                 "batch size %zu with layers this wide needs more memory "
                 "for activations than allowed: use a smaller batch",
                 c->batch_size);
        return NN_ETOOBIG;
    }
    return NN_OK;
}

int train_config_check(const struct train_config *c, char *msg, size_t size)
{
    return train_config_check_at(c, NULL, msg, size);
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Rows per piece for `passes` products per layer (1 to evaluate, 3 to
 * train: forward, the weights' gradient, the gradient passed down), each
 * 2 · in · out operations a row: TRAIN_PIECE_FLOPS' worth, but at least
 * TRAIN_PIECE_MIN_ROWS unless those exceed TRAIN_PIECE_MAX_FLOPS; at
 * least 1, at most max. */
static size_t rows_per_piece(const struct nn_mlp *m, double passes, size_t max)
{
    double per_row = 0;
    for (size_t l = 0; l < m->n_layers; l++)
        per_row += 2 * passes * (double)nn_mat_size(&m->layers[l].W);
    double rows = floor(TRAIN_PIECE_FLOPS / per_row);
    double least =
        fmin(TRAIN_PIECE_MIN_ROWS, floor(TRAIN_PIECE_MAX_FLOPS / per_row));
    if (rows < least)
        rows = least;
    if (rows < 1)
        rows = 1;
    return rows >= (double)max ? max : (size_t)rows;
}

static void start_epoch(struct train_session *s)
{
    for (size_t i = 0; i < s->n_train; i++)
        s->order[i] = i;
    nn_rng_shuffle(&s->rng, s->order, s->n_train);
    s->phase = TRAIN_TRAINING;
    s->pos = 0;
    s->loss_sum = 0;
    s->epoch_seconds = 0;
}

int train_session_init(struct train_session *s, const struct train_config *c,
                       const struct dataset *ds, char *msg, size_t size)
{
    memset(s, 0, sizeof *s);
    int err = train_config_check(c, msg, size);
    if (err)
        return err;
    s->cfg = *c;
    s->ds = ds;
    size_t avail = ds->train_images.count;
    s->n_train = c->train_size && c->train_size < avail ? c->train_size : avail;
    if (s->n_train == 0 || ds->test_images.count == 0 ||
        idx_images_pixels(&ds->train_images) != N_IN ||
        idx_images_pixels(&ds->test_images) != N_IN) {
        snprintf(msg, size, "the dataset has no 28 x 28 images to train on");
        return NN_EINVAL;
    }
    s->iters_per_epoch = (s->n_train + c->batch_size - 1) / c->batch_size;

    struct nn_layer_spec spec[TRAIN_MAX_HIDDEN + 1];
    for (size_t i = 0; i < c->n_hidden; i++)
        spec[i] = (struct nn_layer_spec){c->hidden[i], c->act, 1};
    spec[c->n_hidden] =
        (struct nn_layer_spec){N_OUT, nn_act_make(NN_ACT_SOFTMAX), 1};
    size_t rows =
        c->batch_size > TRAIN_EVAL_CHUNK ? c->batch_size : TRAIN_EVAL_CHUNK;
    nn_rng_seed(&s->rng, c->seed);
    err = nn_mlp_init(&s->mlp, c->dtype, N_IN, c->n_hidden + 1, spec);
    if (!err)
        err = nn_mlp_init_params(&s->mlp, c->init, c->init_std, &s->rng);
    if (!err)
        err = nn_optim_init(&s->opt, &c->opt, c->dtype, s->mlp.n_params);
    if (!err)
        err = nn_mat_init(&s->x, c->dtype, rows, N_IN);
    if (!err && c->threads > 1)
        err = nn_pool_create(&s->pool, c->threads);
    if (!err) {
        nn_mlp_set_pool(&s->mlp, s->pool);
        s->part_rows = rows_per_piece(&s->mlp, 3, c->batch_size);
        s->eval_chunk_rows = rows_per_piece(&s->mlp, 1, TRAIN_EVAL_CHUNK);
        s->order = malloc(s->n_train * sizeof *s->order);
        s->labels = malloc(rows * sizeof *s->labels);
        s->history = calloc((size_t)c->epochs, sizeof *s->history);
        if (!s->order || !s->labels || !s->history)
            err = NN_ENOMEM;
    }
    if (err) {
        snprintf(msg, size, "cannot set up the network: %s", nn_strerror(err));
        train_session_fini(s);
        return err;
    }
    start_epoch(s);
    return NN_OK;
}

void train_session_fini(struct train_session *s)
{
    nn_pool_free(s->pool);
    nn_mlp_fini(&s->mlp);
    nn_optim_fini(&s->opt);
    nn_mat_fini(&s->x);
    free(s->order);
    free(s->labels);
    free(s->iter_loss);
    free(s->iter_avg);
    free(s->history);
    memset(s, 0, sizeof *s);
}

long train_session_total_iters(const struct train_session *s)
{
    return s->cfg.epochs * (long)s->iters_per_epoch;
}

double train_session_rate(const struct train_session *s)
{
    if (s->seconds <= 0)
        return 0;
    size_t done = (size_t)s->epoch * s->n_train;
    if (s->phase == TRAIN_TRAINING)
        done += s->pos;
    return (double)done / s->seconds;
}

int train_session_set_lr(struct train_session *s, double lr)
{
    if (!isfinite(lr) || lr <= 0 || lr > TRAIN_MAX_LR)
        return NN_EINVAL;
    s->opt.cfg.lr = lr;
    return NN_OK;
}

/* Keep the loss of iteration s->iter (already counted) for the curves. */
static int record_loss(struct train_session *s)
{
    size_t i = (size_t)s->iter - 1;
    if (i >= s->n_iter_cap) {
        size_t cap = s->n_iter_cap ? 2 * s->n_iter_cap : 1024;
        double *a = realloc(s->iter_loss, cap * sizeof *a);
        if (!a)
            return NN_ENOMEM;
        s->iter_loss = a;
        double *b = realloc(s->iter_avg, cap * sizeof *b);
        if (!b)
            return NN_ENOMEM;
        s->iter_avg = b;
        s->n_iter_cap = cap;
    }
    s->iter_loss[i] = s->loss;
    s->iter_avg[i] = s->loss_avg;
    return NN_OK;
}

static void diverged(struct train_session *s, const char *what)
{
    const struct nn_optim_config *o = &s->opt.cfg;
    struct nn_optim_config def = nn_optim_defaults(o->kind);
    s->phase = TRAIN_DIVERGED;
    snprintf(s->why, sizeof s->why,
             "Training diverged at epoch %ld, iteration %ld: %s. The "
             "learning rate %g is too large for %s: each update overshoots "
             "the minimum, so the weights grow instead of settling, and the "
             "outputs saturate or overflow. Try a learning rate 10 to 100 "
             "times smaller (%g is usual for %s).",
             s->epoch + 1, s->iter, what, o->lr, nn_optim_name(o->kind), def.lr,
             nn_optim_name(o->kind));
}

static int update_part(struct train_session *s, enum train_event *ev);
static int end_batch(struct train_session *s, enum train_event *ev);

/* Training time: only the pieces of mini-batches count. */
static void add_time(struct train_session *s, double dt)
{
    s->seconds += dt;
    s->epoch_seconds += dt;
}

/* One piece of a mini-batch: rows order[pos + batch_done ..] of the
 * training set, or, once they are all done, part of the update. */
static int train_part(struct train_session *s, enum train_event *ev)
{
    if (s->batch_rows > 0 && s->batch_done == s->batch_rows)
        return update_part(s, ev);
    double t0 = now_seconds();
    const struct dataset *ds = s->ds;
    if (s->batch_done == 0) {
        s->batch_rows = s->n_train - s->pos;
        if (s->batch_rows > s->cfg.batch_size)
            s->batch_rows = s->cfg.batch_size;
        s->batch_loss = 0;
        nn_mlp_zero_grad(&s->mlp);
    }
    size_t n = s->batch_rows - s->batch_done;
    if (n > s->part_rows)
        n = s->part_rows;
    /* the part's share of the mini-batch: 1 exactly for a whole batch */
    double share = (double)n / (double)s->batch_rows;
    const size_t *idx = s->order + s->pos + s->batch_done;
    struct nn_mat x = nn_mat_rows_view(&s->x, 0, n);
    int err = idx_images_gather(&x, &ds->train_images, idx);
    for (size_t k = 0; k < n; k++)
        s->labels[k] = ds->train_labels.labels[idx[k]];
    /* Forward, the loss L = -1/n Σ ln ŷ[label], and the backward pass from
     * ∂L/∂z = (ŷ - t) / n at the logits, scaled by the share; the
     * gradients add up over the parts. */
    if (!err)
        err = nn_mlp_forward(&s->mlp, &x);
    double loss = 0;
    if (!err)
        err = nn_loss_ce_labels(&loss, NULL, nn_mlp_output(&s->mlp), s->labels);
    if (!err)
        err = nn_loss_softmax_ce_grad_labels(nn_mlp_dz(&s->mlp),
                                             nn_mlp_output(&s->mlp), s->labels);
    if (!err && n < s->batch_rows)
        nn_mat_scale(nn_mlp_dz(&s->mlp), share);
    if (!err)
        err = nn_mlp_backward(&s->mlp, 1);
    s->batch_loss += loss * share;
    s->batch_done += n;
    int last = s->batch_done == s->batch_rows;
    if (!err && last) {
        /* the update follows, in this piece when it is small */
        err = nn_optim_begin(&s->opt, &s->mlp.params, &s->mlp.grads);
        s->update_pos = 0;
    }
    if (err)
        return err;
    add_time(s, now_seconds() - t0);
    if (!last) {
        *ev = TRAIN_EV_PART;
        return NN_OK;
    }
    return update_part(s, ev);
}

/* The next TRAIN_UPDATE_CHUNK parameters of the mini-batch's update (all
 * of them for a network of the notes' size); after the last, the
 * mini-batch is done. */
static int update_part(struct train_session *s, enum train_event *ev)
{
    double t0 = now_seconds();
    size_t n = s->mlp.n_params - s->update_pos;
    if (n > TRAIN_UPDATE_CHUNK)
        n = TRAIN_UPDATE_CHUNK;
    int err = nn_optim_update(s->pool, &s->opt, &s->mlp.params, &s->mlp.grads,
                              s->update_pos, n);
    if (err)
        return err;
    s->update_pos += n;
    add_time(s, now_seconds() - t0);
    if (s->update_pos < s->mlp.n_params) {
        *ev = TRAIN_EV_PART;
        return NN_OK;
    }
    return end_batch(s, ev);
}

/* A mini-batch trained and its update made: count it, keep its loss, and
 * look for divergence and the end of the epoch. */
static int end_batch(struct train_session *s, enum train_event *ev)
{
    size_t n = s->batch_rows;
    double loss = s->batch_loss;
    int err;
    s->batch_done = 0;

    s->iter++;
    s->pos += n;
    s->loss = loss;
    s->loss_avg = s->iter == 1 ? loss
                               : (1 - TRAIN_AVG_WEIGHT) * s->loss_avg +
                                     TRAIN_AVG_WEIGHT * loss;
    s->loss_sum += loss;
    if ((err = record_loss(s)) != 0)
        return err;

    *ev = TRAIN_EV_BATCH;
    char what[160];
    if (!isfinite(loss)) {
        snprintf(what, sizeof what, "the loss became %s",
                 isnan(loss) ? "NaN (not a number)" : "infinite");
        diverged(s, what);
        *ev = TRAIN_EV_DIVERGED;
    } else if (s->iter > TRAIN_WARMUP &&
               s->loss_avg > TRAIN_DIVERGED_RATIO * log((double)N_OUT)) {
        snprintf(what, sizeof what,
                 "the average loss rose to %.3g, far worse than guessing "
                 "every class equally likely (ln 10 = 2.303)",
                 s->loss_avg);
        diverged(s, what);
        *ev = TRAIN_EV_DIVERGED;
    } else if (s->pos == s->n_train) {
        /* Parameters can overflow while the loss stays finite (a
         * saturated sigmoid hides an infinite weight): check once an
         * epoch, where it costs nothing next to the epoch. */
        if (!nn_mat_all_finite(&s->mlp.params)) {
            diverged(s, "a weight became infinite or NaN");
            *ev = TRAIN_EV_DIVERGED;
        } else {
            s->phase = TRAIN_EVAL;
            s->pos = 0;
            s->correct[0] = s->correct[1] = 0;
            s->eval_loss = 0;
            memset(s->confusion, 0, sizeof s->confusion);
        }
    }
    return NN_OK;
}

/* Close the epoch: its history entry, then the next epoch or the end. */
static void close_epoch(struct train_session *s)
{
    struct train_epoch *e = &s->history[s->epoch];
    size_t n_test = s->ds->test_images.count;
    e->epoch = s->epoch + 1;
    e->iterations = s->iter;
    e->loss = s->loss_sum / (double)s->iters_per_epoch;
    e->train_acc = (double)s->correct[0] / (double)s->n_train;
    e->test_acc = (double)s->correct[1] / (double)n_test;
    e->test_loss = s->eval_loss / (double)n_test;
    e->seconds = s->epoch_seconds;
    e->samples_per_s =
        s->epoch_seconds > 0 ? (double)s->n_train / s->epoch_seconds : 0;
    s->epoch++;
    if (s->epoch == s->cfg.epochs)
        s->phase = TRAIN_DONE;
    else
        start_epoch(s);
}

/* Push rows [first, first + n) of the training (test == 0) or test set
 * through the network and count the right answers in correct[test]; on
 * the test set also the confusion matrix and the summed cross-entropy. */
static int eval_rows(struct train_session *s, int test, size_t first, size_t n)
{
    const struct dataset *ds = s->ds;
    const struct idx_images *img = test ? &ds->test_images : &ds->train_images;
    const struct idx_labels *lab = test ? &ds->test_labels : &ds->train_labels;
    struct nn_mat x = nn_mat_rows_view(&s->x, 0, n);
    int err = idx_images_rows(&x, img, first);
    if (!err)
        err = nn_mlp_forward(&s->mlp, &x);
    if (err)
        return err;
    const struct nn_mat *y = nn_mlp_output(&s->mlp);
    nn_mat_argmax_rows(s->labels, y);
    for (size_t k = 0; k < n; k++) {
        unsigned truth = lab->labels[first + k];
        size_t pred = s->labels[k];
        s->correct[test] += pred == truth;
        if (test)
            s->confusion[truth][pred]++;
    }
    if (test) {
        for (size_t k = 0; k < n; k++)
            s->labels[k] = lab->labels[first + k];
        double l;
        err = nn_loss_ce_labels(&l, NULL, y, s->labels);
        if (err)
            return err;
        s->eval_loss += l * (double)n; /* the loss is a mean over n */
    }
    return NN_OK;
}

/* One chunk of the evaluation: the first n_train training images in
 * order, then every test image. */
static int eval_chunk(struct train_session *s, enum train_event *ev)
{
    int test = s->pos >= s->n_train;
    size_t first = test ? s->pos - s->n_train : s->pos;
    size_t end = test ? s->ds->test_images.count : s->n_train;
    size_t n = end - first;
    if (n > s->eval_chunk_rows)
        n = s->eval_chunk_rows;
    int err = eval_rows(s, test, first, n);
    if (err)
        return err;
    s->pos += n;
    *ev = TRAIN_EV_EVAL;
    if (s->pos == s->n_train + s->ds->test_images.count) {
        close_epoch(s);
        *ev = TRAIN_EV_EPOCH;
    }
    return NN_OK;
}

int train_session_step(struct train_session *s, enum train_event *ev)
{
    switch (s->phase) {
    case TRAIN_TRAINING:
        return train_part(s, ev);
    case TRAIN_EVAL:
        return eval_chunk(s, ev);
    case TRAIN_DONE:
    case TRAIN_DIVERGED:
        break;
    }
    *ev = TRAIN_EV_DONE;
    return NN_OK;
}

int train_mlp_predict(struct nn_mlp *m, struct nn_mat *x,
                      const unsigned char *pixels, double *probs)
{
    if (m->n_in != N_IN || nn_mlp_n_out(m) != N_OUT || x->rows != 1)
        return NN_ESHAPE;
    /* One image as a one-image set, scaled like the training data. */
    struct idx_images one = {1, DATASET_SIDE, DATASET_SIDE,
                             (unsigned char *)pixels};
    int err = idx_images_rows(x, &one, 0);
    if (!err)
        err = nn_mlp_forward(m, x);
    if (err)
        return err;
    const struct nn_mat *y = nn_mlp_output(m);
    int best = 0;
    for (int k = 0; k < N_OUT; k++) {
        probs[k] = nn_mat_get(y, 0, (size_t)k);
        if (probs[k] > probs[best])
            best = k;
    }
    return best;
}

int train_session_predict(struct train_session *s, const unsigned char *pixels,
                          double *probs)
{
    struct nn_mat x = nn_mat_rows_view(&s->x, 0, 1);
    return train_mlp_predict(&s->mlp, &x, pixels, probs);
}

int train_config_from_mlp(struct train_config *c,
                          const struct train_config *base,
                          const struct nn_mlp *m, char *msg, size_t size)
{
    size_t L = m->n_layers;
    const struct nn_dense *last = &m->layers[L - 1];
    if (m->n_in != N_IN || last->out != N_OUT ||
        last->act.kind != NN_ACT_SOFTMAX) {
        snprintf(msg, size,
                 "the network has %zu inputs and %zu %s outputs; a digit "
                 "classifier has %d inputs (28 x 28 pixels) and %d softmax "
                 "outputs",
                 m->n_in, last->out, nn_act_name(last->act.kind), N_IN, N_OUT);
        return NN_ESHAPE;
    }
    if (L < 2 || L - 1 > TRAIN_MAX_HIDDEN) {
        snprintf(msg, size,
                 "the network has %zu hidden layers; training here needs 1 "
                 "to %d",
                 L - 1, TRAIN_MAX_HIDDEN);
        return NN_ESHAPE;
    }
    *c = *base;
    c->n_hidden = L - 1;
    c->act = m->layers[0].act;
    c->dtype = m->dtype;
    for (size_t i = 0; i < L; i++) {
        const struct nn_dense *d = &m->layers[i];
        if (!d->has_bias) {
            snprintf(msg, size,
                     "layer %zu of the network has no bias; training here "
                     "gives every layer one",
                     i + 1);
            return NN_ESHAPE;
        }
        if (i + 1 < L &&
            (d->act.kind != c->act.kind || d->act.slope != c->act.slope)) {
            snprintf(msg, size,
                     "the hidden layers use different activations (%s and "
                     "%s); training here gives them one",
                     nn_act_name(c->act.kind), nn_act_name(d->act.kind));
            return NN_EINVAL;
        }
        if (i + 1 < L)
            c->hidden[i] = d->out;
    }
    return train_config_check(c, msg, size);
}

/* Measure the network on the whole test set as it is now. */
static int evaluate_test(struct train_session *s)
{
    size_t n_test = s->ds->test_images.count;
    s->correct[1] = 0;
    s->eval_loss = 0;
    memset(s->confusion, 0, sizeof s->confusion);
    for (size_t first = 0; first < n_test; first += TRAIN_EVAL_CHUNK) {
        size_t n = n_test - first;
        int err =
            eval_rows(s, 1, first, n < TRAIN_EVAL_CHUNK ? n : TRAIN_EVAL_CHUNK);
        if (err)
            return err;
    }
    s->model_test_acc = (double)s->correct[1] / (double)n_test;
    s->model_test_loss = s->eval_loss / (double)n_test;
    s->correct[1] = 0;
    s->eval_loss = 0;
    return NN_OK;
}

int train_session_init_from_mlp(struct train_session *s,
                                const struct train_config *base,
                                const struct nn_mlp *m,
                                const struct dataset *ds, char *msg,
                                size_t size)
{
    struct train_config c;
    memset(s, 0, sizeof *s);
    int err = train_config_from_mlp(&c, base, m, msg, size);
    if (!err)
        err = train_session_init(s, &c, ds, msg, size);
    if (err)
        return err;
    /* Same shapes, same layout: the parameters are one flat copy. */
    err = nn_mat_copy(&s->mlp.params, &m->params);
    if (!err)
        err = evaluate_test(s);
    if (err) {
        snprintf(msg, size, "cannot use the network: %s", nn_strerror(err));
        train_session_fini(s);
        return err;
    }
    s->from_model = 1;
    return NN_OK;
}

int train_session_load(struct train_session *s, const struct train_config *base,
                       const char *path, const struct dataset *ds, char *msg,
                       size_t size)
{
    struct nn_mlp m;
    enum dataset_kind kind;
    memset(s, 0, sizeof *s);
    int err = model_load(path, &m, &kind, msg, size);
    if (err)
        return err;
    if (kind != ds->kind) {
        snprintf(msg, size,
                 "%s: the network was trained on %s, and this session "
                 "trains on %s: choose the dataset %s first",
                 path, dataset_kind_title(kind), dataset_kind_title(ds->kind),
                 dataset_kind_name(kind));
        nn_mlp_fini(&m);
        return NN_EINVAL;
    }
    char why[512];
    err = train_session_init_from_mlp(s, base, &m, ds, why, sizeof why);
    nn_mlp_fini(&m);
    if (err)
        snprintf(msg, size, "%s: %s", path, why);
    return err;
}

int train_session_save(const struct train_session *s, const char *path,
                       char *msg, size_t size)
{
    return model_save(path, &s->mlp, s->ds->kind, msg, size);
}

int train_session_trained(const struct train_session *s)
{
    return s->epoch >= 1 || s->from_model;
}

double train_session_test_acc(const struct train_session *s)
{
    if (s->epoch >= 1)
        return s->history[s->epoch - 1].test_acc;
    return s->from_model ? s->model_test_acc : 0;
}
