/*
 * The matrix product against a naive triple loop in double precision
 * written here, for every kernel this CPU can run, both dtypes, all four
 * transpose combinations, odd sizes around the register tiles and cache
 * blocks, several alpha/beta, and with worker threads.
 */
#include "check_helpers.h"
#include "core/error.h"
#include "core/gemm_impl.h"
#include "core/gemm_pool.h"
#include "core/mat.h"

#include <stdint.h>
#include <string.h>

/* A small linear congruential generator: values in [-1, 1). */
static double next_uniform(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) / 4503599627370496.0 - 1.0;
}

static void fill_random(struct nn_mat *m, uint64_t *state)
{
    for (size_t r = 0; r < m->rows; r++)
        for (size_t c = 0; c < m->cols; c++)
            nn_mat_set(m, r, c, next_uniform(state));
}

/* op(x) copied out as a row-major rows x cols array of doubles. */
static double *op_copy(const struct nn_mat *x, int trans)
{
    size_t rows = trans ? x->cols : x->rows, cols = trans ? x->rows : x->cols;
    double *d = malloc((rows * cols + 1) * sizeof *d);
    ck_assert_ptr_nonnull(d);
    for (size_t i = 0; i < rows; i++)
        for (size_t p = 0; p < cols; p++)
            d[i * cols + p] = trans ? nn_mat_get(x, p, i) : nn_mat_get(x, i, p);
    return d;
}

/*
 * Check c (after the product) against alpha * op(a)·op(b) + beta * c0,
 * summed in double. The tolerance scales with the sum of |terms|, which
 * bounds the rounding error of any summation order: k units of the
 * dtype's epsilon of it, with some margin.
 */
static void check_product(const struct nn_mat *c, const struct nn_mat *c0,
                          const struct nn_mat *a, int ta,
                          const struct nn_mat *b, int tb, double alpha,
                          double beta, size_t k)
{
    double eps = c->dtype == NN_F32 ? 1.2e-7 : 2.3e-16;
    double *oa = op_copy(a, ta), *ob = op_copy(b, tb);
    size_t n = c->cols;
    for (size_t i = 0; i < c->rows; i++) {
        for (size_t j = 0; j < n; j++) {
            double s = 0, mag = 0;
            for (size_t p = 0; p < k; p++) {
                double t = oa[i * k + p] * ob[p * n + j];
                s += t;
                mag += fabs(t);
            }
            double want = alpha * s, old = 0;
            mag = fabs(alpha) * mag;
            if (beta != 0) {
                old = nn_mat_get(c0, i, j);
                want += beta * old;
                mag += fabs(beta * old);
            }
            double got = nn_mat_get(c, i, j);
            double tol = 2.0 * (double)(k + 2) * eps * mag + 1e-300;
            /* ck_abort_msg only on a mismatch: a passing ck_assert on
             * every element would log each one (thousands per product) */
            if (!(fabs(got - want) <= tol))
                ck_abort_msg("C[%zu,%zu] = %.17g, expected %.17g (tol %g)", i,
                             j, got, want, tol);
        }
    }
    free(oa);
    free(ob);
}

/* One product with fresh random operands; c starts random, or all NaN
 * when beta is 0 (which must then be ignored). */
static void run_case(const struct gemm_kernel *kern, struct nn_pool *pool,
                     enum nn_dtype dt, size_t m, size_t n, size_t k, int ta,
                     int tb, double alpha, double beta, uint64_t *state)
{
    struct nn_mat a, b, c, c0;
    ck_assert_int_eq(nn_mat_init(&a, dt, ta ? k : m, ta ? m : k), NN_OK);
    ck_assert_int_eq(nn_mat_init(&b, dt, tb ? n : k, tb ? k : n), NN_OK);
    ck_assert_int_eq(nn_mat_init(&c, dt, m, n), NN_OK);
    ck_assert_int_eq(nn_mat_init(&c0, dt, m, n), NN_OK);
    fill_random(&a, state);
    fill_random(&b, state);
    if (beta == 0)
        nn_mat_fill(&c, NAN);
    else
        fill_random(&c, state);
    nn_mat_copy(&c0, &c);
    int err = kern ? gemm_with(kern, pool, &c, &a, ta, &b, tb, alpha, beta)
                   : nn_mat_gemm_pool(pool, &c, &a, ta, &b, tb, alpha, beta);
    ck_assert_int_eq(err, NN_OK);
    check_product(&c, &c0, &a, ta, &b, tb, alpha, beta, k);
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&c);
    nn_mat_fini(&c0);
}

static const size_t odd_sizes[] = {1, 3, 17, 63, 65, 129};
#define N_ODD (sizeof odd_sizes / sizeof odd_sizes[0])

/* Loop index _i: dtype (bit 0) and transposes (bits 1, 2). Every kernel
 * the CPU can run, on sizes mixing the odd ones. */
START_TEST(test_random_shapes)
{
    enum nn_dtype dt = (_i & 1) ? NN_F64 : NN_F32;
    int ta = (_i >> 1) & 1, tb = (_i >> 2) & 1;
    uint64_t state = 42 + (uint64_t)_i;
    const struct gemm_kernel *kerns[4];
    size_t nk = gemm_kernels(dt, kerns, 4);
    ck_assert_uint_ge(nk, 1);
    for (size_t q = 0; q < nk; q++) {
        for (size_t x = 0; x < N_ODD; x++) {
            /* m, n, k cycle through the odd sizes out of step */
            size_t m = odd_sizes[x];
            size_t n = odd_sizes[(x + 2) % N_ODD];
            size_t k = odd_sizes[(x + 4) % N_ODD];
            run_case(kerns[q], NULL, dt, m, n, k, ta, tb, 1.0, 0.0, &state);
            run_case(kerns[q], NULL, dt, n, k, m, ta, tb, 1.0, 0.0, &state);
            run_case(kerns[q], NULL, dt, k, m, n, ta, tb, 1.0, 0.0, &state);
        }
    }
}
END_TEST

/* Sizes that cross the cache blocks of every kernel (M > 120, K > 384,
 * and both sides of C > 512 whichever way C is computed), with alpha and
 * beta variants. */
START_TEST(test_alpha_beta_and_blocks)
{
    enum nn_dtype dt = (_i & 1) ? NN_F64 : NN_F32;
    int ta = (_i >> 1) & 1, tb = (_i >> 2) & 1;
    uint64_t state = 7 + (uint64_t)_i;
    const struct gemm_kernel *kerns[4];
    size_t nk = gemm_kernels(dt, kerns, 4);
    static const double ab[][2] = {{1, 0}, {1, 1}, {0.5, 0.5}, {-2, 0}};
    for (size_t q = 0; q < nk; q++) {
        for (size_t v = 0; v < 4; v++) {
            run_case(kerns[q], NULL, dt, 257, 45, 531, ta, tb, ab[v][0],
                     ab[v][1], &state);
            run_case(kerns[q], NULL, dt, 530, 529, 5, ta, tb, ab[v][0],
                     ab[v][1], &state);
        }
    }
}
END_TEST

/* The public entry points, on one thread and on a pool of two and three,
 * at the MNIST shapes (where the threads actually split the work). */
START_TEST(test_threads_mnist_shapes)
{
    enum nn_dtype dt = (_i & 1) ? NN_F64 : NN_F32;
    uint64_t state = 99 + (uint64_t)_i;
    for (int threads = 1; threads <= 3; threads++) {
        struct nn_pool *pool = NULL;
        ck_assert_int_eq(nn_pool_create(&pool, threads), NN_OK);
        ck_assert_int_eq(nn_pool_threads(pool), threads);
        run_case(NULL, pool, dt, 100, 50, 784, 0, 0, 1, 0, &state);
        run_case(NULL, pool, dt, 784, 50, 100, 1, 0, 1, 1, &state);
        run_case(NULL, pool, dt, 100, 784, 50, 0, 1, 0.5, 0.5, &state);
        run_case(NULL, pool, dt, 128, 512, 200, 0, 0, 1, 0, &state);
        nn_pool_free(pool);
    }
}
END_TEST

#define N_POOLS 3 /* pools of 2, 3 and 4 threads */

/* c = alpha * op(a)·op(b) + beta * c with kern on one thread, and from
 * the same starting c on each pool: the same bits every time. */
static void same_bits_case(const struct gemm_kernel *kern,
                           struct nn_pool *const *pools, enum nn_dtype dt,
                           const size_t *shape, int ta, int tb, double alpha,
                           double beta, uint64_t *state)
{
    size_t m = shape[0], n = shape[1], k = shape[2];
    struct nn_mat a, b, c0, c1, c2;
    ck_assert_int_eq(nn_mat_init(&a, dt, ta ? k : m, ta ? m : k), NN_OK);
    ck_assert_int_eq(nn_mat_init(&b, dt, tb ? n : k, tb ? k : n), NN_OK);
    ck_assert_int_eq(nn_mat_init(&c0, dt, m, n), NN_OK);
    ck_assert_int_eq(nn_mat_init(&c1, dt, m, n), NN_OK);
    ck_assert_int_eq(nn_mat_init(&c2, dt, m, n), NN_OK);
    fill_random(&a, state);
    fill_random(&b, state);
    fill_random(&c0, state);
    nn_mat_copy(&c1, &c0);
    ck_assert_int_eq(gemm_with(kern, NULL, &c1, &a, ta, &b, tb, alpha, beta),
                     NN_OK);
    size_t esz = nn_dtype_size(dt);
    for (int q = 0; q < N_POOLS; q++) {
        nn_mat_copy(&c2, &c0);
        ck_assert_int_eq(
            gemm_with(kern, pools[q], &c2, &a, ta, &b, tb, alpha, beta), NN_OK);
        /* ck_abort_msg only on a mismatch, naming the case */
        for (size_t i = 0; i < m; i++)
            for (size_t j = 0; j < n; j++)
                if (memcmp((char *)c1.data + (i * n + j) * esz,
                           (char *)c2.data + (i * n + j) * esz, esz) != 0)
                    ck_abort_msg("%s, %d threads, %zux%zu·%zux%zu, alpha %g, "
                                 "beta %g: C[%zu,%zu] = %.17g alone, %.17g",
                                 kern->name, nn_pool_threads(pools[q]), m, k, k,
                                 n, alpha, beta, i, j, nn_mat_get(&c1, i, j),
                                 nn_mat_get(&c2, i, j));
    }
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&c0);
    nn_mat_fini(&c1);
    nn_mat_fini(&c2);
}

/*
 * The documented promise of gemm_pool.h: the same bits on any number of
 * threads, since every element is summed by one thread in one order.
 * Loop index _i: dtype (bit 0) and transposes (bits 1, 2). Every kernel,
 * two to four threads, shapes whose cuts for threads move columns and
 * rows between whole register tiles, narrower panels and edge tiles (the
 * MNIST x·W1 and dy·W1ᵀ, and odd sizes on both sides), K over more than
 * one cache block (later blocks add to C with beta 1), and alpha other
 * than 1, where the end of a tile rounds alpha * sum and beta * old C.
 */
START_TEST(test_threads_same_bits)
{
    enum nn_dtype dt = (_i & 1) ? NN_F64 : NN_F32;
    int ta = (_i >> 1) & 1, tb = (_i >> 2) & 1;
    uint64_t state = 5 + (uint64_t)_i;
    static const size_t shapes[][3] = {
        {100, 50, 784}, {100, 784, 50}, {61, 83, 400}, {203, 29, 130}};
    static const double ab[][2] = {{0.75, 0}, {0.75, -0.5}};
    struct nn_pool *pools[N_POOLS];
    for (int q = 0; q < N_POOLS; q++)
        ck_assert_int_eq(nn_pool_create(&pools[q], q + 2), NN_OK);
    const struct gemm_kernel *kerns[4];
    size_t nk = gemm_kernels(dt, kerns, 4);
    for (size_t q = 0; q < nk; q++)
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
            for (size_t v = 0; v < sizeof ab / sizeof ab[0]; v++)
                same_bits_case(kerns[q], pools, dt, shapes[s], ta, tb, ab[v][0],
                               ab[v][1], &state);
    for (int q = 0; q < N_POOLS; q++)
        nn_pool_free(pools[q]);
}
END_TEST

/* The 2x2 product of the walkthrough, exactly: every product and sum of
 * these values is exact in binary floating point except the last
 * rounding, which the textbook loop does the same way. */
START_TEST(test_tiny_exact)
{
    enum nn_dtype dt = _i ? NN_F64 : NN_F32;
    struct nn_mat x, w, y;
    nn_mat_init(&x, dt, 1, 2);
    nn_mat_init(&w, dt, 2, 2);
    nn_mat_init(&y, dt, 1, 2);
    nn_mat_set(&x, 0, 0, 0.5);
    nn_mat_set(&x, 0, 1, 0.25);
    nn_mat_set(&w, 0, 0, 3);
    nn_mat_set(&w, 0, 1, -1);
    nn_mat_set(&w, 1, 0, 0.75);
    nn_mat_set(&w, 1, 1, 8);
    nn_mat_fill(&y, NAN);
    ck_assert_int_eq(nn_mat_gemm(&y, &x, 0, &w, 0, 1, 0), NN_OK);
    ck_assert_near(nn_mat_get(&y, 0, 0), 1.6875, 0); /* 0.5·3 + 0.25·0.75 */
    ck_assert_near(nn_mat_get(&y, 0, 1), 1.5, 0);    /* 0.5·-1 + 0.25·8 */
    /* y = 2 * x·wᵀ + 0.5 * y */
    ck_assert_int_eq(nn_mat_gemm(&y, &x, 0, &w, 1, 2, 0.5), NN_OK);
    /* 2·(0.5·3 + 0.25·-1) + 0.5·1.6875 and 2·(0.5·0.75 + 0.25·8) + 0.5·1.5 */
    ck_assert_near(nn_mat_get(&y, 0, 0), 3.34375, 0);
    ck_assert_near(nn_mat_get(&y, 0, 1), 5.5, 0);
    nn_mat_fini(&x);
    nn_mat_fini(&w);
    nn_mat_fini(&y);
}
END_TEST

/* K = 0: the sum is empty, so c = beta * c (and 0 for beta 0). */
START_TEST(test_empty_sum)
{
    struct nn_mat a, b, c;
    nn_mat_init(&a, NN_F64, 3, 0);
    nn_mat_init(&b, NN_F64, 0, 2);
    nn_mat_init(&c, NN_F64, 3, 2);
    nn_mat_fill(&c, 4);
    ck_assert_int_eq(nn_mat_gemm(&c, &a, 0, &b, 0, 1, 0.5), NN_OK);
    ck_assert_near(nn_mat_get(&c, 2, 1), 2, 0);
    nn_mat_fill(&c, NAN);
    ck_assert_int_eq(nn_mat_gemm(&c, &a, 0, &b, 0, 1, 0), NN_OK);
    ck_assert_near(nn_mat_get(&c, 0, 0), 0, 0);
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&c);
}
END_TEST

START_TEST(test_shape_and_dtype_errors)
{
    struct nn_mat a, b, c, cf;
    nn_mat_init(&a, NN_F64, 2, 3);
    nn_mat_init(&b, NN_F64, 3, 4);
    nn_mat_init(&c, NN_F64, 2, 4);
    nn_mat_init(&cf, NN_F32, 2, 4);
    /* inner sizes differ: (3x2)·(3x4) */
    ck_assert_int_eq(nn_mat_gemm(&c, &a, 1, &b, 0, 1, 0), NN_ESHAPE);
    /* (2x3)·(3x4)ᵀ: inner sizes 3 and 4 */
    ck_assert_int_eq(nn_mat_gemm(&c, &a, 0, &b, 1, 1, 0), NN_ESHAPE);
    /* c must be 2x4, a one-row view is not */
    struct nn_mat c_wrong = nn_mat_rows_view(&c, 0, 1);
    ck_assert_int_eq(nn_mat_gemm(&c_wrong, &a, 0, &b, 0, 1, 0), NN_ESHAPE);
    ck_assert_int_eq(nn_mat_gemm(&cf, &a, 0, &b, 0, 1, 0), NN_EDTYPE);
    /* errors leave c untouched */
    nn_mat_fill(&c, 7);
    ck_assert_int_eq(nn_mat_gemm(&c, &a, 1, &b, 0, 1, 0), NN_ESHAPE);
    ck_assert_near(nn_mat_get(&c, 1, 3), 7, 0);
    ck_assert_int_eq(nn_pool_create(&(struct nn_pool *){NULL}, 0), NN_EINVAL);
    nn_mat_fini(&a);
    nn_mat_fini(&b);
    nn_mat_fini(&c);
    nn_mat_fini(&cf);
}
END_TEST

static Suite *gemm_suite(void)
{
    Suite *s = suite_create("gemm");
    TCase *tc = tcase_create("values");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_random_shapes, 0, 8);
    tcase_add_loop_test(tc, test_alpha_beta_and_blocks, 0, 8);
    tcase_add_loop_test(tc, test_threads_mnist_shapes, 0, 2);
    tcase_add_loop_test(tc, test_threads_same_bits, 0, 8);
    tcase_add_loop_test(tc, test_tiny_exact, 0, 2);
    tcase_add_test(tc, test_empty_sum);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_shape_and_dtype_errors);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(gemm_suite)
