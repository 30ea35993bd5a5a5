/*
 * Internals of the matrix product, shared by gemm.c (checks, dispatch,
 * threads) and the blocked kernels compiled once per instruction set
 * (gemm_generic.c, gemm_avx2.c, gemm_avx512.c, all from gemm_kernel.inc).
 *
 * A product is described with strides, so that transposes are only a
 * matter of swapping them:
 *   op(A)[i, p] = a[i * rs_a + p * cs_a]   (M, K)
 *   op(B)[p, j] = b[p * rs_b + j * cs_b]   (K, N)
 *   C[i, j]     = c[i * rs_c + j * cs_c]   (M, N)
 * A row-major x has (rs, cs) = (cols, 1); its transpose has (1, cols).
 * The same description also states Cᵀ = op(B)ᵀ·op(A)ᵀ: swap a with b, m
 * with n and every (rs, cs) pair. gemm.c uses this to choose which side of
 * C the vector registers run along.
 */
#ifndef NN_GEMM_IMPL_H
#define NN_GEMM_IMPL_H

#include <stddef.h>

struct gemm_job {
    size_t m, n, k;
    const void *a;
    ptrdiff_t rs_a, cs_a;
    const void *b;
    ptrdiff_t rs_b, cs_b;
    void *c;
    ptrdiff_t rs_c, cs_c;
    double alpha, beta;
};

/*
 * Shape of the register tile of one blocked kernel: it computes mr rows by
 * nr columns of C at a time, nr being a whole number of vectors of vl
 * elements (the last columns may use a narrower panel, edge). gemm.c needs
 * these to pick an orientation and to cut C into pieces for threads along
 * tile boundaries.
 */
struct gemm_tile {
    size_t mr, nr, vl;
    size_t edge; /* narrowest panel: vl, or vl / 2 with half vectors */
};

/*
 * One blocked kernel for one dtype and one instruction set: computes the
 * job on the calling thread. Returns 0, or -1 when its packing buffers
 * cannot be allocated (then C is untouched and the caller falls back to
 * the reference loop).
 */
struct gemm_kernel {
    int (*run)(const struct gemm_job *job);
    struct gemm_tile tile;
    const char *name; /* the instruction set: "generic", "avx2", ... */
};

/* The kernels each file provides; gemm.c picks one at run time. */
#define GEMM_DECLARE(isa)                                                      \
    extern const struct gemm_kernel gemm_f32_##isa;                            \
    extern const struct gemm_kernel gemm_f64_##isa;
GEMM_DECLARE(generic)
#ifdef NN_GEMM_AVX2
GEMM_DECLARE(avx2)
#endif
#ifdef NN_GEMM_AVX512
GEMM_DECLARE(avx512)
#endif
#undef GEMM_DECLARE

/*
 * GEMM_OPAQUE(x): leaves the number or vector x as it is, but hides from
 * the compiler how it was computed (an empty asm statement that claims to
 * change x in place). A product passed through it is rounded on its own
 * and cannot be fused with a later sum into one multiply-add, whatever
 * -ffp-contract says and at every optimization level. Kept in a register
 * where the constraint for one is known, else in memory.
 */
#if defined(__x86_64__)
#define GEMM_OPAQUE(x) __asm__("" : "+v"(x))
#elif defined(__aarch64__)
#define GEMM_OPAQUE(x) __asm__("" : "+w"(x))
#else
#define GEMM_OPAQUE(x) __asm__("" : "+m"(x))
#endif

struct nn_pool;
struct nn_mat;

/* Run fn(arg, part) for part = 0 .. threads - 1, part 0 on the calling
 * thread, and return when all are done (gemm_pool.c). */
void gemm_pool_run(struct nn_pool *pool, void (*fn)(void *arg, int part),
                   void *arg);

/*
 * For tests and the benchmark: the kernels this CPU can run for a dtype
 * (0 = f32, 1 = f64 as in enum nn_dtype), best first; returns how many
 * (at most max) were stored in list. gemm_with() is nn_mat_gemm_pool()
 * with the kernel chosen by the caller.
 */
size_t gemm_kernels(int dtype, const struct gemm_kernel **list, size_t max);
int gemm_with(const struct gemm_kernel *kern, struct nn_pool *pool,
              struct nn_mat *c, const struct nn_mat *a, int trans_a,
              const struct nn_mat *b, int trans_b, double alpha, double beta);

#endif
