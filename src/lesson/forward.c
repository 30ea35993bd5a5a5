/*
 * The forward-pass topic model (see forward.h): a core MLP run on a seeded
 * mini-batch, with the shapes and values read back out of it.
 */
#include "lesson/forward.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/rng.h"

void forward_config_default(struct forward_config *c)
{
    *c = (struct forward_config){
        .sizes = {4, 8, 8, 3},
        .n_layers = 3,
        .batch = 4,
        .act = nn_act_make(NN_ACT_RELU),
        .seed = 1,
    };
}

int forward_config_set_layers(struct forward_config *c, const char *list,
                              const char **why)
{
    size_t sizes[FORWARD_MAX_LAYERS + 1];
    int n = 0;
    const char *p = list;
    for (;;) {
        char *end;
        errno = 0;
        if (*p < '0' || *p > '9') {
            *why = "must be whole numbers separated by commas, e.g. 4,8,8,3";
            return -1;
        }
        unsigned long v = strtoul(p, &end, 10);
        if (end == p || (*end != ',' && *end != '\0')) {
            *why = "must be whole numbers separated by commas, e.g. 4,8,8,3";
            return -1;
        }
        if (errno == ERANGE || v < 1 || v > FORWARD_MAX_WIDTH) {
            *why = "has a size outside 1..4096";
            return -1;
        }
        if (n == FORWARD_MAX_LAYERS + 1) {
            *why = "has more than 9 sizes (at most 8 layers)";
            return -1;
        }
        sizes[n++] = v;
        if (*end == '\0')
            break;
        p = end + 1;
    }
    if (n < 2) {
        *why = "needs the inputs and at least one layer, e.g. 4,3";
        return -1;
    }
    if (sizes[n - 1] < 2) {
        *why = "ends in 1 unit: the softmax output needs at least 2";
        return -1;
    }
    memcpy(c->sizes, sizes, (size_t)n * sizeof sizes[0]);
    c->n_layers = n - 1;
    return 0;
}

/* The layer specs of the lesson's network: hidden layers with act, the
 * last one softmax, every layer with a bias per unit. */
static void make_spec(struct nn_layer_spec *spec, const size_t *sizes,
                      int n_layers, struct nn_act act)
{
    for (int i = 0; i < n_layers; i++)
        spec[i] = (struct nn_layer_spec){
            .out = sizes[i + 1],
            .act = i + 1 < n_layers ? act : nn_act_make(NN_ACT_SOFTMAX),
            .bias = 1,
        };
}

static int config_valid(const struct forward_config *c)
{
    if (c->n_layers < 1 || c->n_layers > FORWARD_MAX_LAYERS)
        return 0;
    for (int i = 0; i <= c->n_layers; i++)
        if (c->sizes[i] < 1 || c->sizes[i] > FORWARD_MAX_WIDTH)
            return 0;
    return c->sizes[c->n_layers] >= 2 && c->batch >= 1 &&
           c->batch <= FORWARD_MAX_BATCH && nn_act_is_elementwise(c->act.kind);
}

int forward_count_params(const size_t *sizes, int n_layers, size_t *weights,
                         size_t *biases, size_t *total)
{
    if (n_layers < 1 || n_layers > FORWARD_MAX_LAYERS)
        return NN_EINVAL;
    struct nn_layer_spec spec[FORWARD_MAX_LAYERS];
    make_spec(spec, sizes, n_layers, nn_act_make(NN_ACT_SIGMOID));
    struct nn_mlp m;
    int err = nn_mlp_init(&m, NN_F64, sizes[0], (size_t)n_layers, spec);
    if (err)
        return err;
    /* The sizes of the views the core made into its parameter buffer. */
    for (int i = 0; i < n_layers; i++) {
        weights[i] = nn_mat_size(&m.layers[i].W);
        biases[i] = nn_mat_size(&m.layers[i].b);
    }
    *total = m.n_params;
    nn_mlp_fini(&m);
    return NN_OK;
}

static struct forward_shape shape_of(const struct nn_mat *m)
{
    return (struct forward_shape){m->rows, m->cols};
}

/* Record the shapes of pass k (0: one sample, 1: the mini-batch). */
static void read_shapes(struct forward_run *r, int k)
{
    for (int i = 0; i < r->cfg.n_layers; i++) {
        const struct nn_dense *d = &r->mlp.layers[i];
        struct forward_layer *l = &r->layers[i];
        l->in = d->in;
        l->out = d->out;
        l->act = d->act;
        l->x[k] = shape_of(&d->x);
        l->y[k] = shape_of(&d->y);
        l->w = shape_of(&d->W);
        l->b = shape_of(&d->b);
        l->n_weights = nn_mat_size(&d->W);
        l->n_biases = nn_mat_size(&d->b);
    }
}

/* Draw the inputs and the labels, and make the one-hot targets. */
static void draw_data(struct forward_run *r, struct nn_rng *rng)
{
    size_t n_in = r->cfg.sizes[0], n_out = nn_mlp_n_out(&r->mlp);
    for (size_t i = 0; i < r->cfg.batch; i++)
        for (size_t j = 0; j < n_in; j++)
            nn_mat_set(&r->x, i, j, nn_rng_uniform(rng));
    for (size_t i = 0; i < r->cfg.batch; i++) {
        r->label[i] = (size_t)nn_rng_below(rng, n_out);
        nn_mat_set(&r->t, i, r->label[i], 1.0);
    }
}

/* The pass with the first sample alone; keep every layer's output. */
static int run_one(struct forward_run *r)
{
    struct nn_mat x1 = nn_mat_rows_view(&r->x, 0, 1);
    int err = nn_mlp_forward(&r->mlp, &x1);
    if (err)
        return err;
    read_shapes(r, 0);
    for (int i = 0; i < r->cfg.n_layers; i++) {
        const struct nn_mat *y = &r->mlp.layers[i].y;
        if ((err = nn_mat_init(&r->y1[i], NN_F64, y->rows, y->cols)) ||
            (err = nn_mat_copy(&r->y1[i], y)))
            return err;
    }
    return NN_OK;
}

/* The pass with the mini-batch, its row sums and its losses. */
static int run_batch(struct forward_run *r)
{
    size_t m = r->cfg.batch;
    int err = nn_mlp_forward(&r->mlp, &r->x);
    if (err)
        return err;
    read_shapes(r, 1);
    const struct nn_mat *y = nn_mlp_output(&r->mlp);
    if ((err = nn_mat_init(&r->out, NN_F64, y->rows, y->cols)) ||
        (err = nn_mat_copy(&r->out, y)) ||
        (err = nn_mat_init(&r->row_sum, NN_F64, m, 1)) ||
        (err = nn_mat_sum_cols(&r->row_sum, &r->out)))
        return err;
    nn_mat_argmax_rows(r->predicted, &r->out);
    for (size_t i = 0; i < m; i++) {
        struct nn_mat yi = nn_mat_rows_view(&r->out, i, 1);
        struct nn_mat ti = nn_mat_rows_view(&r->t, i, 1);
        if ((err = nn_loss_mse(&r->mse_row[i], NULL, &yi, &ti)) ||
            (err = nn_loss_ce(&r->ce_row[i], NULL, &yi, &ti)))
            return err;
    }
    if ((err = nn_loss_mse(&r->mse, NULL, &r->out, &r->t)) ||
        (err = nn_loss_ce(&r->ce, NULL, &r->out, &r->t)))
        return err;
    return NN_OK;
}

int forward_run_init(struct forward_run *r, const struct forward_config *c)
{
    memset(r, 0, sizeof *r);
    if (!config_valid(c))
        return NN_EINVAL;
    r->cfg = *c;
    struct nn_layer_spec spec[FORWARD_MAX_LAYERS];
    make_spec(spec, c->sizes, c->n_layers, c->act);
    size_t m = c->batch;
    int err =
        nn_mlp_init(&r->mlp, NN_F64, c->sizes[0], (size_t)c->n_layers, spec);
    if (err)
        goto fail;
    /* He's scale keeps ReLU activations from shrinking layer by layer;
     * Xavier's suits the S-shaped functions. */
    enum nn_init_kind kind =
        c->act.kind == NN_ACT_RELU || c->act.kind == NN_ACT_LEAKY_RELU
            ? NN_INIT_HE
            : NN_INIT_XAVIER;
    struct nn_rng rng;
    nn_rng_seed(&rng, c->seed);
    size_t n_out = c->sizes[c->n_layers];
    if ((err = nn_mlp_init_params(&r->mlp, kind, 0, &rng)) ||
        (err = nn_mat_init(&r->x, NN_F64, m, c->sizes[0])) ||
        (err = nn_mat_init(&r->t, NN_F64, m, n_out)))
        goto fail;
    r->label = calloc(m, sizeof *r->label);
    r->predicted = calloc(m, sizeof *r->predicted);
    r->mse_row = calloc(m, sizeof *r->mse_row);
    r->ce_row = calloc(m, sizeof *r->ce_row);
    if (!r->label || !r->predicted || !r->mse_row || !r->ce_row) {
        err = NN_ENOMEM;
        goto fail;
    }
    draw_data(r, &rng);
    if ((err = run_one(r)) || (err = run_batch(r)))
        goto fail;
    return NN_OK;
fail:
    forward_run_fini(r);
    return err;
}

void forward_run_fini(struct forward_run *r)
{
    nn_mlp_fini(&r->mlp);
    nn_mat_fini(&r->x);
    nn_mat_fini(&r->t);
    for (int i = 0; i < FORWARD_MAX_LAYERS; i++)
        nn_mat_fini(&r->y1[i]);
    nn_mat_fini(&r->out);
    nn_mat_fini(&r->row_sum);
    free(r->label);
    free(r->predicted);
    free(r->mse_row);
    free(r->ce_row);
    memset(r, 0, sizeof *r);
}
