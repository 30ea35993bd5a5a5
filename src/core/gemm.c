/*
 * Matrix product c = alpha * op(a) * op(b) + beta * c for both dtypes:
 * shape checks, the choice of kernel, and the split over threads.
 *
 * Three ways to compute it, by size:
 *   - tiny products (the 2x2 walkthrough) use the textbook loop below,
 *     one dot product per element with no fused multiply-add, so their
 *     digits are those of a hand computation;
 *   - everything else goes to a blocked kernel (gemm_kernel.inc), built
 *     once per instruction set. The best one this CPU has is picked at run
 *     time with __builtin_cpu_supports: AVX-512, else AVX2 + FMA, else the
 *     portable one, which is correct on any CPU. A default build therefore
 *     runs fast on the machine it lands on, with no -march=native needed;
 *   - with a pool (gemm_pool.h), C is cut into one block per thread.
 *
 * The kernels run their vector registers along the rows of C and copy
 * (pack) op(B) into vector-ready panels. Computing Cᵀ = op(B)ᵀ·op(A)ᵀ
 * instead is only a swap of strides (gemm_impl.h), and it is sometimes
 * cheaper: when the columns of C divide into vectors better than its
 * rows, or when op(A) is the smaller operand to transpose while packing
 * (dy·Wᵀ). A small cost model below decides, and also how to cut C for
 * the threads. Neither choice changes a single bit of the result: every
 * element is the same sum, in the same order, with the same roundings.
 */
#include "core/mat.h"

#include "core/error.h"
#include "core/gemm_impl.h"
#include "core/gemm_pool.h"

/* Up to this many multiply-adds, the textbook loop: as quick as the
 * blocked kernel at that size, and the very arithmetic of a hand
 * computation. */
#define GEMM_SMALL 2048

/* The textbook loop on a strided job, also the fallback if a kernel
 * cannot get memory for its packing buffers. Every product is rounded
 * before it is added (GEMM_OPAQUE, gemm_impl.h): compilers that contract
 * a * b + c on their own (clang, or any with -ffp-contract=fast) would
 * otherwise fuse them where the CPU has FMA. */
#define DEFINE_GEMM_REF(T, SFX)                                                \
    static void gemm_ref_##SFX(const struct gemm_job *j)                       \
    {                                                                          \
        const T *a = j->a, *b = j->b;                                          \
        T *c = j->c, alpha = (T)j->alpha, beta = (T)j->beta;                   \
        for (size_t i = 0; i < j->m; i++) {                                    \
            for (size_t q = 0; q < j->n; q++) {                                \
                T s = 0;                                                       \
                for (size_t p = 0; p < j->k; p++) {                            \
                    T t = a[(ptrdiff_t)i * j->rs_a + (ptrdiff_t)p * j->cs_a] * \
                          b[(ptrdiff_t)p * j->rs_b + (ptrdiff_t)q * j->cs_b];  \
                    GEMM_OPAQUE(t);                                            \
                    s += t;                                                    \
                }                                                              \
                T *cij = &c[(ptrdiff_t)i * j->rs_c + (ptrdiff_t)q * j->cs_c];  \
                T r = alpha * s;                                               \
                if (beta != 0) {                                               \
                    T old = beta * *cij;                                       \
                    GEMM_OPAQUE(r);                                            \
                    GEMM_OPAQUE(old);                                          \
                    r += old;                                                  \
                }                                                              \
                *cij = r;                                                      \
            }                                                                  \
        }                                                                      \
    }

DEFINE_GEMM_REF(float, f32)
DEFINE_GEMM_REF(double, f64)

static void gemm_ref(int f64, const struct gemm_job *j)
{
    if (f64)
        gemm_ref_f64(j);
    else
        gemm_ref_f32(j);
}

size_t gemm_kernels(int dtype, const struct gemm_kernel **list, size_t max)
{
    size_t n = 0;
    int f64 = dtype == NN_F64;
#ifdef NN_GEMM_AVX512
    if (n < max && __builtin_cpu_supports("avx512f"))
        list[n++] = f64 ? &gemm_f64_avx512 : &gemm_f32_avx512;
#endif
#ifdef NN_GEMM_AVX2
    if (n < max && __builtin_cpu_supports("avx2") &&
        __builtin_cpu_supports("fma"))
        list[n++] = f64 ? &gemm_f64_avx2 : &gemm_f32_avx2;
#endif
    if (n < max)
        list[n++] = f64 ? &gemm_f64_generic : &gemm_f32_generic;
    return n;
}

/* Cᵀ = op(B)ᵀ·op(A)ᵀ as a job of its own. */
static struct gemm_job gemm_job_transpose(const struct gemm_job *j)
{
    struct gemm_job t = *j;
    t.m = j->n;
    t.n = j->m;
    t.a = j->b;
    t.rs_a = j->cs_b;
    t.cs_a = j->rs_b;
    t.b = j->a;
    t.rs_b = j->cs_a;
    t.cs_b = j->rs_a;
    t.rs_c = j->cs_c;
    t.cs_c = j->rs_c;
    return t;
}

static size_t round_up(size_t x, size_t to)
{
    return (x + to - 1) / to * to;
}

/*
 * Rough time of the job restricted to m x n of C, in cycles of a core
 * doing two vector multiply-adds per cycle: the padded register tiles;
 * packing op(B), a vector copy when its rows are contiguous (cs_b == 1)
 * and about a cycle per number when it has to be transposed; and, when C
 * is written across its rows (cs_c != 1), a cycle per element of C.
 */
static double gemm_cost(const struct gemm_tile *t, const struct gemm_job *j,
                        size_t m, size_t n)
{
    size_t rem = n % t->vl;
    size_t pn = n - rem + (rem == 0 ? 0 : rem <= t->edge ? t->edge : t->vl);
    double tiles = (double)round_up(m, t->mr) * (double)pn;
    double fma = tiles * (double)j->k / (double)t->vl / 2;
    double pack = (double)n * (double)j->k * (j->cs_b == 1 ? 0.125 : 1.0);
    double scatter = j->cs_c == 1 ? 0 : (double)m * (double)n;
    return fma + pack + scatter;
}

/* Cycles to hand a part to another thread and wait for it, as measured
 * in training rather than in a benchmark's tight loop: between two
 * products the other thread has gone cold (or, in a virtual machine, its
 * core has been lent out). At 3000, 784-50-10 with batch 32 trained 30 %
 * slower on two threads than on one; at 30000 the products of that size
 * stay on one thread and the large ones still split. */
#define GEMM_THREAD_COST 30000.0

/* How to run one orientation: parts along m (split_m) or n, its cost. */
struct gemm_plan {
    struct gemm_job job;
    int parts;
    int split_m;
    double cost;
};

/* Units of work part p of `parts` gets, out of `units`. */
static size_t part_begin(size_t units, int parts, int p)
{
    return units * (size_t)p / (size_t)parts;
}

static double split_cost(const struct gemm_tile *t, const struct gemm_job *j,
                         int parts, int split_m)
{
    size_t unit = split_m ? t->mr : t->vl;
    size_t len = split_m ? j->m : j->n;
    size_t units = (len + unit - 1) / unit;
    double worst = 0;
    for (int p = 0; p < parts; p++) {
        size_t b = part_begin(units, parts, p) * unit;
        size_t e = part_begin(units, parts, p + 1) * unit;
        if (e > len)
            e = len;
        if (e <= b)
            continue;
        size_t pm = split_m ? e - b : j->m, pn = split_m ? j->n : e - b;
        double cost = gemm_cost(t, j, pm, pn);
        if (cost > worst)
            worst = cost;
    }
    return worst + (parts > 1 ? GEMM_THREAD_COST : 0);
}

static struct gemm_plan gemm_plan_make(const struct gemm_tile *t,
                                       const struct gemm_job *j, int threads)
{
    struct gemm_plan best = {.job = *j, .parts = 1, .split_m = 1};
    best.cost = split_cost(t, j, 1, 1);
    for (int parts = 2; parts <= threads; parts++) {
        for (int split_m = 0; split_m <= 1; split_m++) {
            double cost = split_cost(t, j, parts, split_m);
            if (cost < best.cost) {
                best.cost = cost;
                best.parts = parts;
                best.split_m = split_m;
            }
        }
    }
    return best;
}

/* What the threads share: the kernel and the plan. */
struct gemm_work {
    const struct gemm_kernel *kern;
    struct gemm_plan plan;
    int f64;
};

/* Part p of the plan: a block of rows (or columns) of C. */
static void gemm_part(void *arg, int p)
{
    const struct gemm_work *w = arg;
    const struct gemm_plan *pl = &w->plan;
    if (p >= pl->parts)
        return;
    struct gemm_job j = pl->job;
    const struct gemm_tile *t = &w->kern->tile;
    size_t esz = w->f64 ? sizeof(double) : sizeof(float);
    size_t unit = pl->split_m ? t->mr : t->vl;
    size_t len = pl->split_m ? j.m : j.n;
    size_t units = (len + unit - 1) / unit;
    size_t b = part_begin(units, pl->parts, p) * unit;
    size_t e = part_begin(units, pl->parts, p + 1) * unit;
    if (e > len)
        e = len;
    if (e <= b)
        return;
    if (pl->split_m) {
        j.m = e - b;
        j.a = (const char *)j.a + (ptrdiff_t)b * j.rs_a * (ptrdiff_t)esz;
        j.c = (char *)j.c + (ptrdiff_t)b * j.rs_c * (ptrdiff_t)esz;
    } else {
        j.n = e - b;
        j.b = (const char *)j.b + (ptrdiff_t)b * j.cs_b * (ptrdiff_t)esz;
        j.c = (char *)j.c + (ptrdiff_t)b * j.cs_c * (ptrdiff_t)esz;
    }
    if (w->kern->run(&j) != 0)
        gemm_ref(w->f64, &j);
}

/* c = beta * c, for an empty sum (K = 0). */
static void gemm_scale_only(struct nn_mat *c, double beta)
{
    if (beta == 0)
        nn_mat_fill(c, 0);
    else
        nn_mat_scale(c, beta);
}

int gemm_with(const struct gemm_kernel *kern, struct nn_pool *pool,
              struct nn_mat *c, const struct nn_mat *a, int trans_a,
              const struct nn_mat *b, int trans_b, double alpha, double beta)
{
    if (a->dtype != c->dtype || b->dtype != c->dtype)
        return NN_EDTYPE;
    size_t m = trans_a ? a->cols : a->rows;
    size_t k = trans_a ? a->rows : a->cols;
    size_t kb = trans_b ? b->cols : b->rows;
    size_t n = trans_b ? b->rows : b->cols;
    if (k != kb || c->rows != m || c->cols != n)
        return NN_ESHAPE;
    if (m == 0 || n == 0)
        return NN_OK;
    if (k == 0) {
        gemm_scale_only(c, beta);
        return NN_OK;
    }
    /* row-major storage as strides: x[r, q] = x[r * cols + q] */
    struct gemm_job job = {
        .m = m,
        .n = n,
        .k = k,
        .a = a->data,
        .rs_a = trans_a ? 1 : (ptrdiff_t)a->cols,
        .cs_a = trans_a ? (ptrdiff_t)a->cols : 1,
        .b = b->data,
        .rs_b = trans_b ? 1 : (ptrdiff_t)b->cols,
        .cs_b = trans_b ? (ptrdiff_t)b->cols : 1,
        .c = c->data,
        .rs_c = (ptrdiff_t)n,
        .cs_c = 1,
        .alpha = alpha,
        .beta = beta,
    };
    int f64 = c->dtype == NN_F64;
    if ((double)m * (double)n * (double)k <= GEMM_SMALL) {
        gemm_ref(f64, &job);
        return NN_OK;
    }
    struct gemm_job tjob = gemm_job_transpose(&job);
    int threads = nn_pool_threads(pool);
    struct gemm_work w = {.kern = kern, .f64 = f64};
    /* the orientation is chosen as for one thread, so that the result
     * is the same whatever the number of threads */
    int transpose = split_cost(&kern->tile, &tjob, 1, 1) <
                    split_cost(&kern->tile, &job, 1, 1);
    w.plan = gemm_plan_make(&kern->tile, transpose ? &tjob : &job, threads);
    if (w.plan.parts > 1)
        gemm_pool_run(pool, gemm_part, &w);
    else
        gemm_part(&w, 0);
    return NN_OK;
}

int nn_mat_gemm_pool(struct nn_pool *pool, struct nn_mat *c,
                     const struct nn_mat *a, int trans_a,
                     const struct nn_mat *b, int trans_b, double alpha,
                     double beta)
{
    const struct gemm_kernel *kern;
    gemm_kernels(c->dtype, &kern, 1);
    return gemm_with(kern, pool, c, a, trans_a, b, trans_b, alpha, beta);
}

int nn_mat_gemm(struct nn_mat *c, const struct nn_mat *a, int trans_a,
                const struct nn_mat *b, int trans_b, double alpha, double beta)
{
    return nn_mat_gemm_pool(NULL, c, a, trans_a, b, trans_b, alpha, beta);
}
