/* Multi-layer perceptron: buffers, views, and the passes through every
 * layer (see mlp.h for the layout). */
#include "core/mlp.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

/* A view of n elements at element offset off of buffer base. */
static struct nn_mat view(enum nn_dtype dt, void *base, size_t off, size_t rows,
                          size_t cols)
{
    char *p = (char *)base + off * nn_dtype_size(dt);
    return nn_mat_wrap(dt, rows, cols, p);
}

static void clear(struct nn_mlp *m)
{
    memset(m, 0, sizeof *m);
}

int nn_mlp_init(struct nn_mlp *m, enum nn_dtype dt, size_t n_in,
                size_t n_layers, const struct nn_layer_spec *spec)
{
    clear(m);
    m->dtype = dt;
    if (n_layers == 0 || n_in == 0)
        return NN_EINVAL;
    if (n_layers > NN_MLP_MAX_LAYERS || n_in > NN_MLP_MAX_WIDTH)
        return NN_ETOOBIG;
    /* Count first, allocate after: absurd sizes never reach malloc. Every
     * term is below 2^20 · 2^20 + 2^20, and the running total is checked
     * against 2^28 each layer, so nothing overflows. */
    size_t total = 0, in = n_in;
    for (size_t l = 0; l < n_layers; l++) {
        size_t out = spec[l].out;
        if (out == 0)
            return NN_EINVAL;
        if (out > NN_MLP_MAX_WIDTH)
            return NN_ETOOBIG;
        if ((unsigned)spec[l].act.kind >= NN_ACT_COUNT)
            return NN_EINVAL;
        total += in * out + (spec[l].bias ? out : 0);
        if (total > NN_MLP_MAX_PARAMS)
            return NN_ETOOBIG;
        in = out;
    }
    int err = NN_ENOMEM;
    m->layers = calloc(n_layers, sizeof *m->layers);
    if (!m->layers)
        goto fail;
    err = nn_mat_init(&m->params, dt, 1, total);
    if (!err)
        err = nn_mat_init(&m->grads, dt, 1, total);
    if (err)
        goto fail;
    m->n_in = n_in;
    m->n_layers = n_layers;
    m->n_params = total;
    size_t off = 0;
    in = n_in;
    for (size_t l = 0; l < n_layers; l++) {
        struct nn_dense *L = &m->layers[l];
        size_t out = spec[l].out;
        L->in = in;
        L->out = out;
        L->act = spec[l].act;
        L->has_bias = spec[l].bias != 0;
        L->W = view(dt, m->params.data, off, in, out);
        L->dW = view(dt, m->grads.data, off, in, out);
        off += in * out;
        if (L->has_bias) {
            L->b = view(dt, m->params.data, off, 1, out);
            L->db = view(dt, m->grads.data, off, 1, out);
            off += out;
        } else {
            L->b = view(dt, m->params.data, off, 0, 0);
            L->db = view(dt, m->grads.data, off, 0, 0);
        }
        in = out;
    }
    return NN_OK;
fail:
    nn_mlp_fini(m);
    m->dtype = dt;
    return err;
}

void nn_mlp_fini(struct nn_mlp *m)
{
    free(m->layers);
    nn_mat_fini(&m->params);
    nn_mat_fini(&m->grads);
    free(m->acts);
    clear(m);
}

size_t nn_mlp_n_out(const struct nn_mlp *m)
{
    return m->layers[m->n_layers - 1].out;
}

/* Make room for `batch` rows of cache and point every layer's z, y, dy, dz
 * at the first `batch` rows of its slots. */
static int set_batch(struct nn_mlp *m, size_t batch)
{
    size_t width = 0;
    for (size_t l = 0; l < m->n_layers; l++)
        width += m->layers[l].out; /* <= 64 · 2^20: no overflow */
    if (batch > NN_MLP_MAX_CACHE / (4 * width))
        return NN_ETOOBIG;
    if (batch > m->capacity) {
        void *p = calloc(4 * width * batch, nn_dtype_size(m->dtype));
        if (!p)
            return NN_ENOMEM;
        free(m->acts);
        m->acts = p;
        m->capacity = batch;
    }
    enum nn_dtype dt = m->dtype;
    size_t off = 0, cap = m->capacity;
    for (size_t l = 0; l < m->n_layers; l++) {
        struct nn_dense *L = &m->layers[l];
        size_t n = L->out;
        L->z = view(dt, m->acts, off, batch, n);
        L->y = view(dt, m->acts, off + cap * n, batch, n);
        L->dy = view(dt, m->acts, off + 2 * cap * n, batch, n);
        L->dz = view(dt, m->acts, off + 3 * cap * n, batch, n);
        off += 4 * cap * n;
    }
    m->batch = batch;
    return NN_OK;
}

int nn_mlp_forward(struct nn_mlp *m, const struct nn_mat *x)
{
    if (x->dtype != m->dtype)
        return NN_EDTYPE;
    if (x->cols != m->n_in || x->rows == 0)
        return NN_ESHAPE;
    int err = NN_OK;
    if (x->rows != m->batch)
        err = set_batch(m, x->rows);
    /* Each layer's input is the previous layer's output. */
    const struct nn_mat *in = x;
    for (size_t l = 0; !err && l < m->n_layers; l++) {
        err = nn_dense_forward(&m->layers[l], in);
        in = &m->layers[l].y;
    }
    return err;
}

const struct nn_mat *nn_mlp_output(const struct nn_mlp *m)
{
    return &m->layers[m->n_layers - 1].y;
}

struct nn_mat *nn_mlp_dy(struct nn_mlp *m)
{
    return &m->layers[m->n_layers - 1].dy;
}

struct nn_mat *nn_mlp_dz(struct nn_mlp *m)
{
    return &m->layers[m->n_layers - 1].dz;
}

int nn_mlp_backward(struct nn_mlp *m, int from_z)
{
    if (m->batch == 0)
        return NN_EINVAL;
    /* From the output back to the input: layer l's dx is layer l-1's dy.
     * The first layer's dx (the gradient w.r.t. the data) is not needed. */
    for (size_t l = m->n_layers; l-- > 0;) {
        struct nn_mat *dx = l > 0 ? &m->layers[l - 1].dy : NULL;
        int from = l == m->n_layers - 1 ? from_z : 0;
        int err = nn_dense_backward(&m->layers[l], dx, from);
        if (err)
            return err;
    }
    return NN_OK;
}

void nn_mlp_zero_grad(struct nn_mlp *m)
{
    nn_mat_fill(&m->grads, 0.0);
}

void nn_mlp_set_pool(struct nn_mlp *m, struct nn_pool *pool)
{
    for (size_t l = 0; l < m->n_layers; l++)
        m->layers[l].pool = pool;
}
