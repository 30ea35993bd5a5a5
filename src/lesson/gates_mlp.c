/*
 * XOR by a 2-2-1 sigmoid network trained through the core (see
 * gates_mlp.h). This file only wires the pieces together: the forward
 * pass, the loss gradient, backpropagation and the update are all the
 * core's.
 */
#include "lesson/gates_mlp.h"

#include <stddef.h>

#include "core/activation.h"
#include "core/error.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/rng.h"
#include "lesson/gates.h"

int gates_mlp_init(struct gates_mlp *m, uint64_t seed, double lr)
{
    const struct nn_layer_spec spec[2] = {
        {2, nn_act_make(NN_ACT_SIGMOID), 1}, /* hidden: 2 units */
        {1, nn_act_make(NN_ACT_SIGMOID), 1}, /* output: 1 unit */
    };
    *m = (struct gates_mlp){0};
    for (int r = 0; r < 4; r++) {
        m->x_data[2 * r] = gates_x1(r);
        m->x_data[2 * r + 1] = gates_x2(r);
        m->t_data[r] = (gates_gate_pattern(GATES_XOR) >> r) & 1;
    }
    m->x = nn_mat_wrap(NN_F64, 4, 2, m->x_data);
    m->t = nn_mat_wrap(NN_F64, 4, 1, m->t_data);

    int rc = nn_mlp_init(&m->net, NN_F64, 2, 2, spec);
    if (rc != 0)
        return rc;
    struct nn_rng rng;
    nn_rng_seed(&rng, seed);
    rc = nn_mlp_init_params(&m->net, NN_INIT_XAVIER, 0, &rng);
    if (rc != 0)
        return rc;
    struct nn_optim_config cfg = nn_optim_defaults(NN_OPT_SGD);
    cfg.lr = lr;
    return nn_optim_init(&m->opt, &cfg, NN_F64, m->net.n_params);
}

void gates_mlp_fini(struct gates_mlp *m)
{
    nn_optim_fini(&m->opt);
    nn_mlp_fini(&m->net);
}

int gates_mlp_train(struct gates_mlp *m, long n)
{
    for (long i = 0; i < n; i++) {
        double loss;
        nn_mlp_zero_grad(&m->net);
        /* x (4, 2) -> hidden (4, 2) -> y (4, 1) */
        int rc = nn_mlp_forward(&m->net, &m->x);
        /* dE/dy = y - t, written into the output layer's dy */
        if (rc == 0)
            rc = nn_loss_half_sse(&loss, nn_mlp_dy(&m->net),
                                  nn_mlp_output(&m->net), &m->t);
        if (rc == 0)
            rc = nn_mlp_backward(&m->net, 0);
        if (rc == 0)
            rc = nn_optim_step(&m->opt, &m->net.params, &m->net.grads);
        if (rc != 0)
            return rc;
        m->steps++;
    }
    return 0;
}

int gates_mlp_eval(struct gates_mlp *m, double *loss, double y[4])
{
    int rc = nn_mlp_forward(&m->net, &m->x);
    if (rc == 0)
        rc = nn_loss_half_sse(loss, NULL, nn_mlp_output(&m->net), &m->t);
    if (rc != 0)
        return rc;
    for (int r = 0; r < 4; r++)
        y[r] = nn_mat_get(nn_mlp_output(&m->net), r, 0);
    return 0;
}

int gates_mlp_output(struct gates_mlp *m, double x1, double x2, double *y)
{
    double in[2] = {x1, x2};
    struct nn_mat x = nn_mat_wrap(NN_F64, 1, 2, in);
    int rc = nn_mlp_forward(&m->net, &x);
    if (rc != 0)
        return rc;
    *y = nn_mat_get(nn_mlp_output(&m->net), 0, 0);
    return 0;
}

long gates_mlp_next_checkpoint(long k)
{
    /* p is the power of ten at or below k; then 2p, 5p, 10p. */
    long p = 1;
    while (p * 10 <= k)
        p *= 10;
    if (k < p)
        return p;
    return k < 2 * p ? 2 * p : k < 5 * p ? 5 * p : 10 * p;
}
