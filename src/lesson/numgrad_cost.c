/* Numerical gradient against backprop on the MNIST-sized network, timed
 * (see numgrad_cost.h). */
#include "lesson/numgrad_cost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/numgrad.h"
#include "core/rng.h"

#define N_IN (DATASET_SIDE * DATASET_SIDE)
#define N_OUT DATASET_CLASSES
/* Backprop is timed over repeated runs until this much time has passed
 * (and at least 3 runs), so one run's few hundred microseconds are
 * measured, not the clock's resolution. */
#define TIME_BUDGET 0.02

void numgrad_cost_config_default(struct numgrad_cost_config *c)
{
    *c = (struct numgrad_cost_config){
        .hidden = 50, .batch = 100, .n_weights = 6, .seed = 1};
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The loss the numerical gradient nudges: a forward pass of the whole
 * mini-batch and its cross-entropy, counted. */
struct loss_ctx {
    struct numgrad_cost *c;
    long passes;
};

static int ce_loss(void *ctx, double *value)
{
    struct loss_ctx *l = ctx;
    int err = nn_mlp_forward(&l->c->mlp, &l->c->x);
    l->passes++;
    if (err)
        return err;
    return nn_loss_ce_labels(value, NULL, nn_mlp_output(&l->c->mlp),
                             l->c->labels);
}

/* One backprop pass: forward, loss, (ŷ - t) / N at the logits, backward. */
static int backprop(struct numgrad_cost *c)
{
    struct nn_mlp *m = &c->mlp;
    nn_mlp_zero_grad(m);
    int err = nn_mlp_forward(m, &c->x);
    if (!err)
        err = nn_loss_ce_labels(&c->loss, NULL, nn_mlp_output(m), c->labels);
    if (!err)
        err = nn_loss_softmax_ce_grad_labels(nn_mlp_dz(m), nn_mlp_output(m),
                                             c->labels);
    if (!err)
        err = nn_mlp_backward(m, 1);
    return err;
}

/* The weights to compare, spread over the four blocks of the buffer
 * [W1 | b1 | W2 | b2] in turn. W1's come from pixels on the image's
 * diagonal through the middle, where digits have ink (a pixel that is
 * blank in every image has a zero gradient). */
static void choose(struct numgrad_cost *c)
{
    size_t H = c->cfg.hidden;
    size_t w1 = N_IN * H, b1 = w1 + H, w2 = b1 + H * N_OUT;
    for (size_t k = 0; k < c->cfg.n_weights; k++) {
        size_t j = k / 4; /* the j-th weight of its block */
        switch (k % 4) {
        case 0: {
            size_t row = 12 + (3 * j) % 8, col = 11 + (5 * j) % 8;
            c->index[k] = (row * DATASET_SIDE + col) * H + (7 * j) % H;
            break;
        }
        case 1:
            c->index[k] = w1 + (3 + 11 * j) % H;
            break;
        case 2:
            c->index[k] = b1 + ((5 * j) % H) * N_OUT + (2 + 3 * j) % N_OUT;
            break;
        default:
            c->index[k] = w2 + (7 + 3 * j) % N_OUT;
            break;
        }
    }
}

/* The batch: MNIST's first images, or pixels uniform in [0, 1) and
 * labels uniform in 0..9 from the seeded generator. */
static int fill_batch(struct numgrad_cost *c, const struct dataset *ds,
                      struct nn_rng *rng)
{
    size_t n = c->cfg.batch;
    if (ds && ds->train_images.count >= n &&
        idx_images_pixels(&ds->train_images) == N_IN) {
        c->real_data = 1;
        for (size_t k = 0; k < n; k++)
            c->labels[k] = ds->train_labels.labels[k];
        return idx_images_rows(&c->x, &ds->train_images, 0);
    }
    for (size_t r = 0; r < n; r++) {
        for (size_t i = 0; i < N_IN; i++)
            nn_mat_set(&c->x, r, i, nn_rng_uniform(rng));
        c->labels[r] = (size_t)nn_rng_below(rng, N_OUT);
    }
    return NN_OK;
}

int numgrad_cost_run(struct numgrad_cost *c,
                     const struct numgrad_cost_config *cfg,
                     const struct dataset *ds)
{
    memset(c, 0, sizeof *c);
    if (cfg->hidden < 1 || cfg->hidden > NUMGRAD_COST_MAX_HIDDEN ||
        cfg->batch < 1 || cfg->batch > NUMGRAD_COST_MAX_BATCH ||
        cfg->n_weights < 1 || cfg->n_weights > NUMGRAD_COST_MAX_WEIGHTS)
        return NN_EINVAL;
    c->cfg = *cfg;
    struct nn_layer_spec spec[2] = {
        {cfg->hidden, nn_act_make(NN_ACT_SIGMOID), 1},
        {N_OUT, nn_act_make(NN_ACT_SOFTMAX), 1},
    };
    struct nn_rng rng;
    nn_rng_seed(&rng, cfg->seed);
    int err = nn_mlp_init(&c->mlp, NN_F64, N_IN, 2, spec);
    if (!err)
        err = nn_mlp_init_params(&c->mlp, NN_INIT_NORMAL, 0.01, &rng);
    if (!err)
        err = nn_mat_init(&c->x, NN_F64, cfg->batch, N_IN);
    if (!err && !(c->labels = malloc(cfg->batch * sizeof *c->labels)))
        err = NN_ENOMEM;
    if (!err)
        err = fill_batch(c, ds, &rng);
    if (err)
        goto fail;
    choose(c);

    /* Backprop, timed: the mean of repeated identical runs. */
    double t0 = now_seconds(), t;
    do {
        if ((err = backprop(c)))
            goto fail;
        c->backprop_runs++;
        t = now_seconds() - t0;
    } while (c->backprop_runs < 3 || t < TIME_BUDGET);
    c->t_backprop = t / c->backprop_runs;
    for (size_t k = 0; k < cfg->n_weights; k++)
        c->backprop[k] = nn_mat_get(&c->mlp.grads, 0, c->index[k]);

    /* Numerical: the core's central difference on a one-element view of
     * each chosen weight, nudged in place inside the parameter buffer. */
    struct loss_ctx ctx = {c, 0};
    double *p = c->mlp.params.data;
    t0 = now_seconds();
    for (size_t k = 0; k < cfg->n_weights; k++) {
        struct nn_mat one = nn_mat_wrap(NN_F64, 1, 1, p + c->index[k]);
        struct nn_mat out = nn_mat_wrap(NN_F64, 1, 1, &c->numeric[k]);
        if ((err = nn_numgrad(&out, &one, ce_loss, &ctx, NN_NUMGRAD_STEP)))
            goto fail;
    }
    c->t_numeric = now_seconds() - t0;
    c->passes = ctx.passes;
    c->t_numeric_all =
        c->t_numeric / (double)cfg->n_weights * (double)c->mlp.n_params;
    struct nn_mat a = nn_mat_wrap(NN_F64, 1, cfg->n_weights, c->backprop);
    struct nn_mat b = nn_mat_wrap(NN_F64, 1, cfg->n_weights, c->numeric);
    if ((err = nn_gradcheck(&c->max_rel, NULL, &a, &b)))
        goto fail;
    return NN_OK;
fail:
    numgrad_cost_fini(c);
    return err;
}

void numgrad_cost_fini(struct numgrad_cost *c)
{
    nn_mlp_fini(&c->mlp);
    nn_mat_fini(&c->x);
    free(c->labels);
    memset(c, 0, sizeof *c);
}

void numgrad_cost_name(const struct numgrad_cost *c, size_t k, char *buf,
                       size_t n)
{
    size_t H = c->cfg.hidden, i = c->index[k];
    size_t w1 = N_IN * H, b1 = w1 + H, w2 = b1 + H * N_OUT;
    if (i < w1)
        snprintf(buf, n, "W1[%zu,%zu]", i / H + 1, i % H + 1);
    else if (i < b1)
        snprintf(buf, n, "b1[%zu]", i - w1 + 1);
    else if (i < w2)
        snprintf(buf, n, "W2[%zu,%zu]", (i - b1) / N_OUT + 1,
                 (i - b1) % N_OUT + 1);
    else
        snprintf(buf, n, "b2[%zu]", i - w2 + 1);
}
