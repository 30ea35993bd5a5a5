/* Central-difference gradients and their comparison with backprop. */
#include "core/numgrad.h"

#include <math.h>

#include "core/error.h"

/* Element i of a matrix of either dtype, as a flat array. */
static double get(const struct nn_mat *m, size_t i)
{
    return m->dtype == NN_F32 ? (double)((const float *)m->data)[i]
                              : ((const double *)m->data)[i];
}

static void set(struct nn_mat *m, size_t i, double v)
{
    if (m->dtype == NN_F32)
        ((float *)m->data)[i] = (float)v;
    else
        ((double *)m->data)[i] = v;
}

int nn_numgrad(struct nn_mat *out, struct nn_mat *params, nn_loss_fn loss,
               void *ctx, double h)
{
    if (out->dtype != params->dtype)
        return NN_EDTYPE;
    if (nn_mat_size(out) != nn_mat_size(params))
        return NN_ESHAPE;
    if (!(h > 0) || !isfinite(h))
        return NN_EINVAL;
    size_t n = nn_mat_size(params);
    for (size_t i = 0; i < n; i++) {
        double old = get(params, i), up, down;
        set(params, i, old + h);
        int err = loss(ctx, &up);
        if (!err) {
            set(params, i, old - h);
            err = loss(ctx, &down);
        }
        set(params, i, old); /* exact: old came from this element */
        if (err)
            return err;
        /* In f32 the nudged value is rounded; divide by the step that was
         * really taken, not by the h that was asked for. */
        double step = h;
        if (params->dtype == NN_F32)
            step = ((double)(float)(old + h) - (double)(float)(old - h)) / 2;
        set(out, i, (up - down) / (2 * step));
    }
    return NN_OK;
}

int nn_numgrad_forward(struct nn_mat *out, struct nn_mat *params,
                       nn_loss_fn loss, void *ctx, double h)
{
    if (out->dtype != params->dtype)
        return NN_EDTYPE;
    if (nn_mat_size(out) != nn_mat_size(params))
        return NN_ESHAPE;
    if (!(h > 0) || !isfinite(h))
        return NN_EINVAL;
    double base;
    int err = loss(ctx, &base);
    if (err)
        return err;
    for (size_t i = 0; i < nn_mat_size(params); i++) {
        double old = get(params, i), up;
        set(params, i, old + h);
        err = loss(ctx, &up);
        set(params, i, old);
        if (err)
            return err;
        /* As in nn_numgrad: f64 divides by h, f32 by the rounded step. */
        double step = h;
        if (params->dtype == NN_F32)
            step = (double)(float)(old + h) - (double)(float)old;
        set(out, i, (up - base) / step);
    }
    return NN_OK;
}

int nn_gradcheck(double *max_rel, size_t *worst, const struct nn_mat *a,
                 const struct nn_mat *n)
{
    if (nn_mat_size(a) != nn_mat_size(n))
        return NN_ESHAPE;
    double best = 0;
    size_t where = 0;
    for (size_t i = 0; i < nn_mat_size(a); i++) {
        double x = get(a, i), y = get(n, i);
        double d = fmax(fmax(fabs(x), fabs(y)), NN_GRADCHECK_FLOOR);
        double rel = fabs(x - y) / d;
        if (!(rel <= best)) { /* also catches NaN */
            best = rel;
            where = i;
            if (isnan(rel))
                break;
        }
    }
    *max_rel = best;
    if (worst)
        *worst = where;
    return NN_OK;
}
