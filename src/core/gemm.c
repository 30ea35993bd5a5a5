/*
 * Matrix product c = alpha * op(a) * op(b) + beta * c for both dtypes.
 *
 * This is the straightforward reference form (i-k-j loop order, so the
 * innermost loop runs along contiguous rows of b and c).
 */
#include "core/mat.h"

#include "core/error.h"

#define DEFINE_GEMM(T, SFX)                                                    \
    static void gemm_##SFX(T *restrict c, const T *restrict a, int ta,         \
                           const T *restrict b, int tb, size_t m, size_t n,    \
                           size_t k, T alpha, T beta)                          \
    {                                                                          \
        size_t lda = ta ? m : k, ldb = tb ? k : n;                             \
        for (size_t i = 0; i < m; i++) {                                       \
            T *ci = c + i * n;                                                 \
            for (size_t j = 0; j < n; j++)                                     \
                ci[j] = beta == 0 ? 0 : beta * ci[j];                          \
            for (size_t p = 0; p < k; p++) {                                   \
                T aip = alpha * (ta ? a[p * lda + i] : a[i * lda + p]);        \
                if (tb)                                                        \
                    for (size_t j = 0; j < n; j++)                             \
                        ci[j] += aip * b[j * ldb + p];                         \
                else                                                           \
                    for (size_t j = 0; j < n; j++)                             \
                        ci[j] += aip * b[p * ldb + j];                         \
            }                                                                  \
        }                                                                      \
    }

DEFINE_GEMM(float, f32)
DEFINE_GEMM(double, f64)

int nn_mat_gemm(struct nn_mat *c, const struct nn_mat *a, int trans_a,
                const struct nn_mat *b, int trans_b, double alpha,
                double beta)
{
    if (a->dtype != c->dtype || b->dtype != c->dtype)
        return NN_EDTYPE;
    size_t m = trans_a ? a->cols : a->rows;
    size_t k = trans_a ? a->rows : a->cols;
    size_t kb = trans_b ? b->cols : b->rows;
    size_t n = trans_b ? b->rows : b->cols;
    if (k != kb || c->rows != m || c->cols != n)
        return NN_ESHAPE;
    if (c->dtype == NN_F32)
        gemm_f32(c->data, a->data, trans_a, b->data, trans_b, m, n, k,
                 (float)alpha, (float)beta);
    else
        gemm_f64(c->data, a->data, trans_a, b->data, trans_b, m, n, k, alpha,
                 beta);
    return NN_OK;
}
