/* Random weight initialisation (see init.h). */
#include "core/init.h"

#include <math.h>
#include <string.h>

#include "core/error.h"

static const char *const names[] = {
    [NN_INIT_NORMAL] = "normal",
    [NN_INIT_XAVIER] = "xavier",
    [NN_INIT_HE] = "he",
};

const char *nn_init_name(enum nn_init_kind kind)
{
    if ((unsigned)kind >= sizeof names / sizeof names[0])
        return "?";
    return names[kind];
}

int nn_init_parse(const char *name)
{
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(name, names[k]) == 0)
            return (int)k;
    return -1;
}

double nn_init_std(enum nn_init_kind kind, double std, size_t in, size_t out)
{
    switch (kind) {
    case NN_INIT_NORMAL:
        return std;
    case NN_INIT_XAVIER:
        return sqrt(2.0 / (double)(in + out));
    case NN_INIT_HE:
        return sqrt(2.0 / (double)in);
    }
    return NAN;
}

int nn_init_weights(struct nn_mat *W, enum nn_init_kind kind, double std,
                    struct nn_rng *rng)
{
    double s = nn_init_std(kind, std, W->rows, W->cols);
    if (!isfinite(s) || s < 0)
        return NN_EINVAL;
    size_t n = nn_mat_size(W);
    /* Draw in double in both dtypes, so an f32 model holds the rounded
     * weights of the f64 model with the same seed. */
    if (W->dtype == NN_F32) {
        float *w = W->data;
        for (size_t i = 0; i < n; i++)
            w[i] = (float)(s * nn_rng_normal(rng));
    } else {
        double *w = W->data;
        for (size_t i = 0; i < n; i++)
            w[i] = s * nn_rng_normal(rng);
    }
    return NN_OK;
}

int nn_mlp_init_params(struct nn_mlp *m, enum nn_init_kind kind, double std,
                       struct nn_rng *rng)
{
    for (size_t l = 0; l < m->n_layers; l++) {
        struct nn_dense *L = &m->layers[l];
        int err = nn_init_weights(&L->W, kind, std, rng);
        if (err)
            return err;
        nn_mat_fill(&L->b, 0.0);
    }
    return NN_OK;
}
