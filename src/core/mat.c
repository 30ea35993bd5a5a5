/*
 * Matrix storage, shape checks and dtype dispatch. The arithmetic itself is
 * in mat_kernels.inc (element-wise, reductions) and gemm.c (products).
 */
#include "core/mat.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"

#define T float
#define SFX f32
#include "core/mat_kernels.inc"
#undef T
#undef SFX
#define T double
#define SFX f64
#include "core/mat_kernels.inc"
#undef T
#undef SFX

size_t nn_dtype_size(enum nn_dtype dt)
{
    return dt == NN_F32 ? sizeof(float) : sizeof(double);
}

const char *nn_dtype_name(enum nn_dtype dt)
{
    return dt == NN_F32 ? "f32" : "f64";
}

int nn_dtype_parse(const char *name)
{
    if (strcmp(name, "f32") == 0)
        return NN_F32;
    if (strcmp(name, "f64") == 0)
        return NN_F64;
    return -1;
}

int nn_mat_init(struct nn_mat *m, enum nn_dtype dt, size_t rows, size_t cols)
{
    size_t esz = nn_dtype_size(dt);
    m->dtype = dt;
    m->rows = 0;
    m->cols = 0;
    m->data = NULL;
    m->owner = 0;
    if (cols != 0 && rows > SIZE_MAX / cols)
        return NN_ETOOBIG;
    size_t n = rows * cols;
    if (n > SIZE_MAX / esz)
        return NN_ETOOBIG;
    /* calloc(0) may return NULL; keep one element so data is never NULL. */
    void *p = calloc(n ? n : 1, esz);
    if (!p)
        return NN_ENOMEM;
    m->rows = rows;
    m->cols = cols;
    m->data = p;
    m->owner = 1;
    return NN_OK;
}

void nn_mat_fini(struct nn_mat *m)
{
    if (m->owner)
        free(m->data);
    m->data = NULL;
    m->rows = m->cols = 0;
    m->owner = 0;
}

struct nn_mat nn_mat_wrap(enum nn_dtype dt, size_t rows, size_t cols,
                          void *data)
{
    struct nn_mat m = {dt, rows, cols, data, 0};
    return m;
}

struct nn_mat nn_mat_rows_view(const struct nn_mat *m, size_t first,
                               size_t count)
{
    char *base = (char *)m->data + first * m->cols * nn_dtype_size(m->dtype);
    return nn_mat_wrap(m->dtype, count, m->cols, base);
}

double nn_mat_get(const struct nn_mat *m, size_t r, size_t c)
{
    size_t i = r * m->cols + c;
    return m->dtype == NN_F32 ? (double)((const float *)m->data)[i]
                              : ((const double *)m->data)[i];
}

void nn_mat_set(struct nn_mat *m, size_t r, size_t c, double v)
{
    size_t i = r * m->cols + c;
    if (m->dtype == NN_F32)
        ((float *)m->data)[i] = (float)v;
    else
        ((double *)m->data)[i] = v;
}

static int same_shape(const struct nn_mat *a, const struct nn_mat *b)
{
    if (a->dtype != b->dtype)
        return NN_EDTYPE;
    if (a->rows != b->rows || a->cols != b->cols)
        return NN_ESHAPE;
    return NN_OK;
}

void nn_mat_fill(struct nn_mat *m, double v)
{
    if (m->dtype == NN_F32)
        fill_f32(m->data, nn_mat_size(m), (float)v);
    else
        fill_f64(m->data, nn_mat_size(m), v);
}

int nn_mat_copy(struct nn_mat *dst, const struct nn_mat *src)
{
    int err = same_shape(dst, src);
    if (err)
        return err;
    if (dst->data != src->data)
        memmove(dst->data, src->data,
                nn_mat_size(src) * nn_dtype_size(src->dtype));
    return NN_OK;
}

int nn_mat_convert(struct nn_mat *dst, const struct nn_mat *src)
{
    if (dst->rows != src->rows || dst->cols != src->cols)
        return NN_ESHAPE;
    if (dst->dtype == src->dtype)
        return nn_mat_copy(dst, src);
    size_t n = nn_mat_size(src);
    if (dst->dtype == NN_F32) {
        const double *s = src->data;
        float *d = dst->data;
        for (size_t i = 0; i < n; i++)
            d[i] = (float)s[i];
    } else {
        const float *s = src->data;
        double *d = dst->data;
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    }
    return NN_OK;
}

/* Dispatch a three-operand element-wise kernel after checking shapes. */
#define ELEMENTWISE3(kernel, y, a, b)                                          \
    do {                                                                       \
        int err_ = same_shape(y, a);                                           \
        if (!err_)                                                             \
            err_ = same_shape(a, b);                                           \
        if (err_)                                                              \
            return err_;                                                       \
        if ((y)->dtype == NN_F32)                                              \
            kernel##_f32((y)->data, (a)->data, (b)->data, nn_mat_size(y));     \
        else                                                                   \
            kernel##_f64((y)->data, (a)->data, (b)->data, nn_mat_size(y));     \
        return NN_OK;                                                          \
    } while (0)

int nn_mat_add(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b)
{
    ELEMENTWISE3(add, y, a, b);
}

int nn_mat_sub(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b)
{
    ELEMENTWISE3(sub, y, a, b);
}

int nn_mat_mul(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b)
{
    ELEMENTWISE3(mul, y, a, b);
}

void nn_mat_scale(struct nn_mat *m, double s)
{
    if (m->dtype == NN_F32)
        scale_f32(m->data, nn_mat_size(m), (float)s);
    else
        scale_f64(m->data, nn_mat_size(m), s);
}

int nn_mat_axpy(struct nn_mat *y, double alpha, const struct nn_mat *x)
{
    int err = same_shape(y, x);
    if (err)
        return err;
    if (y->dtype == NN_F32)
        axpy_f32(y->data, (float)alpha, x->data, nn_mat_size(y));
    else
        axpy_f64(y->data, alpha, x->data, nn_mat_size(y));
    return NN_OK;
}

int nn_mat_add_rowvec(struct nn_mat *y, const struct nn_mat *b)
{
    if (y->dtype != b->dtype)
        return NN_EDTYPE;
    if (b->rows != 1 || b->cols != y->cols)
        return NN_ESHAPE;
    if (y->dtype == NN_F32)
        add_rowvec_f32(y->data, b->data, y->rows, y->cols);
    else
        add_rowvec_f64(y->data, b->data, y->rows, y->cols);
    return NN_OK;
}

int nn_mat_sum_rows(struct nn_mat *out, const struct nn_mat *x,
                    int accumulate)
{
    if (out->dtype != x->dtype)
        return NN_EDTYPE;
    if (out->rows != 1 || out->cols != x->cols)
        return NN_ESHAPE;
    if (x->dtype == NN_F32)
        sum_rows_f32(out->data, x->data, x->rows, x->cols, accumulate);
    else
        sum_rows_f64(out->data, x->data, x->rows, x->cols, accumulate);
    return NN_OK;
}

int nn_mat_sum_cols(struct nn_mat *out, const struct nn_mat *x)
{
    if (out->dtype != x->dtype)
        return NN_EDTYPE;
    if (out->cols != 1 || out->rows != x->rows)
        return NN_ESHAPE;
    if (x->dtype == NN_F32)
        sum_cols_f32(out->data, x->data, x->rows, x->cols);
    else
        sum_cols_f64(out->data, x->data, x->rows, x->cols);
    return NN_OK;
}

void nn_mat_argmax_rows(size_t *idx, const struct nn_mat *x)
{
    if (x->cols == 0)
        return;
    if (x->dtype == NN_F32)
        argmax_rows_f32(idx, x->data, x->rows, x->cols);
    else
        argmax_rows_f64(idx, x->data, x->rows, x->cols);
}

double nn_mat_max_abs(const struct nn_mat *x)
{
    return x->dtype == NN_F32 ? max_abs_f32(x->data, nn_mat_size(x))
                              : max_abs_f64(x->data, nn_mat_size(x));
}

int nn_mat_all_finite(const struct nn_mat *x)
{
    return x->dtype == NN_F32 ? all_finite_f32(x->data, nn_mat_size(x))
                              : all_finite_f64(x->data, nn_mat_size(x));
}
