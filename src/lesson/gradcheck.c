/* Numerical gradient against backprop on lesson 3's network (see
 * gradcheck.h). */
#include "lesson/gradcheck.h"

#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "core/loss.h"
#include "core/numgrad.h"

/* The loss the numerical gradient nudges: a forward pass of the whole
 * mini-batch and its MSE, counted. */
struct loss_ctx {
    struct forward_run *run;
    long passes;
};

static int mse_loss(void *ctx, double *value)
{
    struct loss_ctx *c = ctx;
    struct nn_mlp *m = &c->run->mlp;
    int err = nn_mlp_forward(m, &c->run->x);
    c->passes++;
    if (err)
        return err;
    return nn_loss_mse(value, NULL, nn_mlp_output(m), &c->run->t);
}

int gradcheck_run(struct gradcheck *g, const struct forward_config *c)
{
    memset(g, 0, sizeof *g);
    size_t w[FORWARD_MAX_LAYERS], b[FORWARD_MAX_LAYERS], total;
    int err = forward_count_params(c->sizes, c->n_layers, w, b, &total);
    if (err)
        return err;
    if (total > GRADCHECK_MAX_PARAMS)
        return NN_ETOOBIG;
    if ((err = forward_run_init(&g->run, c)))
        goto fail;
    struct nn_mlp *m = &g->run.mlp;
    if ((err = nn_mat_init(&g->backprop, NN_F64, 1, m->n_params)) ||
        (err = nn_mat_init(&g->numeric, NN_F64, 1, m->n_params)))
        goto fail;
    /* Backprop: one forward pass, dL/dy from the loss, one backward pass
     * (through the softmax's Jacobian: the loss is MSE, not the fused
     * cross-entropy path). */
    nn_mlp_zero_grad(m);
    if ((err = nn_mlp_forward(m, &g->run.x)) ||
        (err = nn_loss_mse(&g->loss, nn_mlp_dy(m), nn_mlp_output(m),
                           &g->run.t)) ||
        (err = nn_mlp_backward(m, 0)) ||
        (err = nn_mat_copy(&g->backprop, &m->grads)))
        goto fail;
    struct loss_ctx ctx = {&g->run, 0};
    if ((err = nn_numgrad(&g->numeric, &m->params, mse_loss, &ctx,
                          NN_NUMGRAD_STEP)) ||
        (err = nn_gradcheck(&g->max_rel, &g->worst, &g->backprop, &g->numeric)))
        goto fail;
    g->passes = ctx.passes;
    return NN_OK;
fail:
    gradcheck_fini(g);
    return err;
}

void gradcheck_fini(struct gradcheck *g)
{
    forward_run_fini(&g->run);
    nn_mat_fini(&g->backprop);
    nn_mat_fini(&g->numeric);
    memset(g, 0, sizeof *g);
}

void gradcheck_param_name(const struct gradcheck *g, size_t i, char *buf,
                          size_t n)
{
    /* The buffer holds W_0 (in x out, row-major), b_0, W_1, b_1, ... */
    const struct nn_mlp *m = &g->run.mlp;
    for (size_t l = 0; l < m->n_layers; l++) {
        const struct nn_dense *d = &m->layers[l];
        size_t nw = d->in * d->out, nb = d->has_bias ? d->out : 0;
        if (i < nw) {
            snprintf(buf, n, "W%zu[%zu,%zu]", l + 1, i / d->out + 1,
                     i % d->out + 1);
            return;
        }
        i -= nw;
        if (i < nb) {
            snprintf(buf, n, "b%zu[%zu]", l + 1, i + 1);
            return;
        }
        i -= nb;
    }
    snprintf(buf, n, "?");
}
