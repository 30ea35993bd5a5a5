/* Dense layer forward and backward passes (see dense.h for the maths). */
#include "core/dense.h"

#include "core/error.h"

int nn_dense_forward(struct nn_dense *l, const struct nn_mat *x)
{
    if (x->dtype != l->W.dtype)
        return NN_EDTYPE;
    if (x->cols != l->in || x->rows != l->z.rows)
        return NN_ESHAPE;
    l->x = nn_mat_wrap(x->dtype, x->rows, x->cols, x->data);
    /* z (N, out) = x (N, in) · W (in, out) */
    int err =
        nn_mat_gemm_pool(l->pool, &l->z, &l->x, 0, &l->W, 0, 1.0, 0.0);
    if (!err && l->has_bias)
        err = nn_mat_add_rowvec(&l->z, &l->b);
    if (!err)
        err = nn_act_forward(&l->act, &l->y, &l->z);
    return err;
}

int nn_dense_backward(struct nn_dense *l, struct nn_mat *dx, int from_z)
{
    int err = NN_OK;
    /* dz = f'(z) ⊙ dy, through the activation's own backward */
    if (!from_z)
        err = nn_act_backward(&l->act, &l->dz, &l->z, &l->y, &l->dy);
    /* dW (in, out) += xᵀ (in, N) · dz (N, out): each weight's gradient is
     * its input times the gradient at its unit, summed over the batch. */
    if (!err)
        err = nn_mat_gemm_pool(l->pool, &l->dW, &l->x, 1, &l->dz, 0, 1.0,
                               1.0);
    /* db (1, out) += Σ over the batch of dz: a bias is a weight whose input
     * is always 1. */
    if (!err && l->has_bias)
        err = nn_mat_sum_rows(&l->db, &l->dz, 1);
    /* dx (N, in) = dz (N, out) · Wᵀ (out, in): each input collects the
     * gradients of every unit it feeds, weighted by the connecting weight. */
    if (!err && dx)
        err = nn_mat_gemm_pool(l->pool, dx, &l->dz, 0, &l->W, 1, 1.0, 0.0);
    return err;
}
