/*
 * Matrices of the numeric core.
 *
 * A matrix is a dense, row-major block of rows x cols numbers of one dtype:
 * float (NN_F32) or double (NN_F64). Element (r, c) lives at
 * data[r * cols + c]. Every kernel is written once (mat_kernels.inc) and
 * instantiated for both dtypes; the functions here check shapes and dtypes
 * and dispatch.
 *
 * Ownership: nn_mat_init() allocates and the matrix owns its data until
 * nn_mat_fini(). nn_mat_wrap() and nn_mat_rows_view() make views of memory
 * owned by someone else; nn_mat_fini() on a view only forgets it.
 *
 * Unless stated otherwise, kernels return 0 or a negative enum nn_err
 * (NN_ESHAPE, NN_EDTYPE) and leave outputs untouched on error. Outputs may
 * alias inputs for element-wise kernels, never for nn_mat_gemm().
 */
#ifndef NN_MAT_H
#define NN_MAT_H

#include <stddef.h>

enum nn_dtype {
    NN_F32,
    NN_F64,
};

struct nn_mat {
    enum nn_dtype dtype;
    size_t rows;
    size_t cols;
    void *data; /* rows * cols elements of the dtype */
    int owner;  /* 1 when nn_mat_fini() must free data */
};

/* Size in bytes of one element; "f32" / "f64"; parse a name (-1 if none). */
size_t nn_dtype_size(enum nn_dtype dt);
const char *nn_dtype_name(enum nn_dtype dt);
int nn_dtype_parse(const char *name);

/* Allocate a zero-filled rows x cols matrix. NN_ETOOBIG if the byte size
 * overflows, NN_ENOMEM if allocation fails. 0 x n matrices are allowed. */
int nn_mat_init(struct nn_mat *m, enum nn_dtype dt, size_t rows, size_t cols);
/* Free an owned matrix (no-op for views) and reset it to empty. */
void nn_mat_fini(struct nn_mat *m);
/* A view of caller memory; the caller keeps ownership. */
struct nn_mat nn_mat_wrap(enum nn_dtype dt, size_t rows, size_t cols,
                          void *data);
/* A view of rows [first, first + count) of m. */
struct nn_mat nn_mat_rows_view(const struct nn_mat *m, size_t first,
                               size_t count);

static inline size_t nn_mat_size(const struct nn_mat *m)
{
    return m->rows * m->cols;
}

/* Element access as double, for tests, lessons and printing (not kernels). */
double nn_mat_get(const struct nn_mat *m, size_t r, size_t c);
void nn_mat_set(struct nn_mat *m, size_t r, size_t c, double v);

/* Set every element to v. */
void nn_mat_fill(struct nn_mat *m, double v);
/* dst = src (same shape and dtype). */
int nn_mat_copy(struct nn_mat *dst, const struct nn_mat *src);
/* dst = src converted to dst's dtype (same shape). */
int nn_mat_convert(struct nn_mat *dst, const struct nn_mat *src);

/*
 * General matrix product: c = alpha * op(a) * op(b) + beta * c, where op(x)
 * is x or its transpose xᵀ when the matching flag is non-zero.
 *   op(a) is (M, K), op(b) is (K, N), c is (M, N).
 * Backprop uses the transposed forms: dW = xᵀ·dy, dx = dy·Wᵀ.
 * With beta == 0, c's old contents are ignored (NaNs in c do not leak).
 */
int nn_mat_gemm(struct nn_mat *c, const struct nn_mat *a, int trans_a,
                const struct nn_mat *b, int trans_b, double alpha,
                double beta);

/* Element-wise, all operands the same shape: y = a + b, a - b, a ⊙ b. */
int nn_mat_add(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b);
int nn_mat_sub(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b);
int nn_mat_mul(struct nn_mat *y, const struct nn_mat *a,
               const struct nn_mat *b);
/* m *= s */
void nn_mat_scale(struct nn_mat *m, double s);
/* y += alpha * x */
int nn_mat_axpy(struct nn_mat *y, double alpha, const struct nn_mat *x);

/* Row-wise broadcast of a bias: y (M, N) += b (1, N) on every row. */
int nn_mat_add_rowvec(struct nn_mat *y, const struct nn_mat *b);
/* Sum down the rows (axis 0): out (1, N) = Σ_i x[i, :]; with accumulate
 * non-zero, out += instead of out =. */
int nn_mat_sum_rows(struct nn_mat *out, const struct nn_mat *x,
                    int accumulate);
/* Sum along each row (axis 1): out (M, 1) = Σ_j x[:, j]. */
int nn_mat_sum_cols(struct nn_mat *out, const struct nn_mat *x);
/* idx[i] = column of the largest element of row i (first one on ties). */
void nn_mat_argmax_rows(size_t *idx, const struct nn_mat *x);
/* Largest |x| over all elements; 0 for an empty matrix. */
double nn_mat_max_abs(const struct nn_mat *x);
/* 1 if every element is finite, else 0. */
int nn_mat_all_finite(const struct nn_mat *x);

#endif
