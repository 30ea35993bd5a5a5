/* Loss functions: shape checks and dtype dispatch of loss_kernels.inc. */
#include "core/loss.h"

#include <math.h>

#include "core/error.h"

#define T float
#define SFX f32
#define LOG logf
#include "core/loss_kernels.inc"
#undef T
#undef SFX
#undef LOG
#define T double
#define SFX f64
#define LOG log
#include "core/loss_kernels.inc"
#undef T
#undef SFX
#undef LOG

static int check(const struct nn_mat *a, const struct nn_mat *b)
{
    if (!b)
        return NN_OK;
    if (a->dtype != b->dtype)
        return NN_EDTYPE;
    if (a->rows != b->rows || a->cols != b->cols)
        return NN_ESHAPE;
    return NN_OK;
}

static int check3(const struct nn_mat *y, const struct nn_mat *t,
                  const struct nn_mat *g)
{
    int err = check(y, t);
    return err ? err : check(y, g);
}

static int check_labels(const struct nn_mat *y, const size_t *labels)
{
    for (size_t i = 0; i < y->rows; i++)
        if (labels[i] >= y->cols)
            return NN_EINVAL;
    return NN_OK;
}

/* The data pointer of an optional gradient. */
static void *gdata(struct nn_mat *g)
{
    return g ? g->data : NULL;
}

int nn_loss_half_sse(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                     const struct nn_mat *t)
{
    int err = check3(y, t, grad);
    if (err)
        return err;
    size_t n = nn_mat_size(y);
    *loss = y->dtype == NN_F32 ? half_sse_f32(gdata(grad), y->data, t->data, n)
                               : half_sse_f64(gdata(grad), y->data, t->data, n);
    return NN_OK;
}

int nn_loss_mse(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                const struct nn_mat *t)
{
    int err = check3(y, t, grad);
    if (err)
        return err;
    size_t n = nn_mat_size(y);
    if (n == 0)
        return NN_ESHAPE;
    *loss = y->dtype == NN_F32 ? mse_f32(gdata(grad), y->data, t->data, n)
                               : mse_f64(gdata(grad), y->data, t->data, n);
    return NN_OK;
}

int nn_loss_ce(double *loss, struct nn_mat *grad, const struct nn_mat *y,
               const struct nn_mat *t)
{
    int err = check3(y, t, grad);
    if (err)
        return err;
    if (y->rows == 0)
        return NN_ESHAPE;
    *loss = y->dtype == NN_F32
                ? ce_f32(gdata(grad), y->data, t->data, y->rows, y->cols)
                : ce_f64(gdata(grad), y->data, t->data, y->rows, y->cols);
    return NN_OK;
}

int nn_loss_ce_labels(double *loss, struct nn_mat *grad, const struct nn_mat *y,
                      const size_t *labels)
{
    int err = check(y, grad);
    if (!err)
        err = check_labels(y, labels);
    if (err)
        return err;
    if (y->rows == 0)
        return NN_ESHAPE;
    *loss = y->dtype == NN_F32
                ? ce_labels_f32(gdata(grad), y->data, labels, y->rows, y->cols)
                : ce_labels_f64(gdata(grad), y->data, labels, y->rows, y->cols);
    return NN_OK;
}

int nn_loss_softmax_ce_grad(struct nn_mat *dz, const struct nn_mat *y,
                            const struct nn_mat *t)
{
    int err = check3(y, t, dz);
    if (err)
        return err;
    if (y->rows == 0)
        return NN_ESHAPE;
    if (y->dtype == NN_F32)
        softmax_ce_f32(dz->data, y->data, t->data, y->rows, y->cols);
    else
        softmax_ce_f64(dz->data, y->data, t->data, y->rows, y->cols);
    return NN_OK;
}

int nn_loss_softmax_ce_grad_labels(struct nn_mat *dz, const struct nn_mat *y,
                                   const size_t *labels)
{
    int err = check(y, dz);
    if (!err)
        err = check_labels(y, labels);
    if (err)
        return err;
    if (y->rows == 0)
        return NN_ESHAPE;
    if (y->dtype == NN_F32)
        softmax_ce_labels_f32(dz->data, y->data, labels, y->rows, y->cols);
    else
        softmax_ce_labels_f64(dz->data, y->data, labels, y->rows, y->cols);
    return NN_OK;
}
