/*
 * nnlab-bench: speed of the matrix product at the shapes MNIST training
 * uses, in GFLOP/s (2·M·N·K floating-point operations per product), for
 * f32 and f64, on one thread and on two. When the build found OpenBLAS,
 * its sgemm/dgemm runs the same products alongside for comparison.
 *
 * Each figure is the median of several runs of about 20 ms (with --best,
 * the fastest of runs of 2 ms: a better guess at the machine's own speed
 * while other programs share it); a run repeats the product until its
 * time has passed, so short products are timed over many calls. On x86-64 with
 * AVX-512 it first prints the core's peak rate of vector multiply-adds, the
 * ceiling for every figure below. Usage: nnlab-bench [--runs N] [--threads N]
 * [--best], or nnlab-bench --peak to print only that rate (bench-train uses
 * it for the time the matrix products of an epoch take at the ceiling).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/error.h"
#include "core/gemm_impl.h"
#include "core/gemm_pool.h"
#include "core/mat.h"

#ifdef NN_BENCH_OPENBLAS
#include <cblas.h>
#endif
#ifdef NN_BENCH_PEAK
#include "bench_peak.h"
#endif

/* One product: op(A) is m x k, op(B) is k x n. */
struct shape {
    const char *what;
    size_t m, k, n;
    int ta, tb;
};

static const struct shape shapes[] = {
    {"x·W1      100x784·784x50", 100, 784, 50, 0, 0},
    {"h·W2      100x50·50x10", 100, 50, 10, 0, 0},
    {"xᵀ·dy     784x100·100x50", 784, 100, 50, 1, 0},
    {"dy·W2ᵀ    100x10·10x50", 100, 10, 50, 0, 1},
    {"dy·W1ᵀ    100x50·50x784", 100, 50, 784, 0, 1},
    {"x·W1      128x784·784x512", 128, 784, 512, 0, 0},
    {"xᵀ·dy     784x128·128x512", 784, 128, 512, 1, 0},
    {"dy·W1ᵀ    128x512·512x784", 128, 512, 784, 0, 1},
};

#define MAX_RUNS 201
/* Length of one run: 20 ms for the median; 2 ms with --best, where short
 * runs are the likeliest to find the cores free of other programs. */
#define RUN_SECONDS 0.02
#define RUN_SECONDS_BEST 0.002

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Operands of one shape in one dtype, filled with values in [-1, 1). */
struct operands {
    struct nn_mat a, b, c;
    const struct shape *s;
};

static int operands_init(struct operands *o, const struct shape *s,
                         enum nn_dtype dt)
{
    memset(o, 0, sizeof *o);
    o->s = s;
    int err = nn_mat_init(&o->a, dt, s->ta ? s->k : s->m, s->ta ? s->m : s->k);
    if (!err)
        err = nn_mat_init(&o->b, dt, s->tb ? s->n : s->k, s->tb ? s->k : s->n);
    if (!err)
        err = nn_mat_init(&o->c, dt, s->m, s->n);
    if (err)
        return err;
    unsigned long x = 12345;
    struct nn_mat *ms[2] = {&o->a, &o->b};
    for (int q = 0; q < 2; q++)
        for (size_t r = 0; r < ms[q]->rows; r++)
            for (size_t col = 0; col < ms[q]->cols; col++) {
                x = x * 6364136223846793005UL + 1442695040888963407UL;
                nn_mat_set(ms[q], r, col, (double)(x >> 40) / (1 << 23) - 1);
            }
    return NN_OK;
}

static void operands_fini(struct operands *o)
{
    nn_mat_fini(&o->a);
    nn_mat_fini(&o->b);
    nn_mat_fini(&o->c);
}

/* What is being timed: ours with a pool, or OpenBLAS with n threads. */
struct contender {
    struct nn_pool *pool; /* ours when openblas == 0 */
    int openblas;
    int threads;
};

static void product(const struct contender *who, struct operands *o)
{
#ifdef NN_BENCH_OPENBLAS
    if (who->openblas) {
        const struct shape *s = o->s;
        enum CBLAS_TRANSPOSE ta = s->ta ? CblasTrans : CblasNoTrans;
        enum CBLAS_TRANSPOSE tb = s->tb ? CblasTrans : CblasNoTrans;
        int m = (int)s->m, n = (int)s->n, k = (int)s->k;
        int lda = (int)o->a.cols, ldb = (int)o->b.cols;
        if (o->c.dtype == NN_F32)
            cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, o->a.data, lda,
                        o->b.data, ldb, 0.0f, o->c.data, n);
        else
            cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, o->a.data, lda,
                        o->b.data, ldb, 0.0, o->c.data, n);
        return;
    }
#endif
    nn_mat_gemm_pool(who->pool, &o->c, &o->a, o->s->ta, &o->b, o->s->tb, 1.0,
                     0.0);
}

static void use_threads(const struct contender *who)
{
#ifdef NN_BENCH_OPENBLAS
    if (who->openblas)
        openblas_set_num_threads(who->threads);
#else
    (void)who;
#endif
}

/* How many calls make one run of about `seconds`. */
static long calibrate(const struct contender *who, struct operands *o,
                      double seconds)
{
    use_threads(who);
    long reps = 1;
    for (;;) {
        double t0 = now();
        for (long r = 0; r < reps; r++)
            product(who, o);
        double dt = now() - t0;
        if (dt >= seconds / 4 || reps > (1L << 26)) {
            reps = (long)((double)reps * seconds / (dt > 0 ? dt : 1e-9));
            return reps < 1 ? 1 : reps;
        }
        reps *= 4;
    }
}

/* GFLOP/s of one run of reps calls. */
static double one_run(const struct contender *who, struct operands *o,
                      long reps)
{
    const struct shape *s = o->s;
    double flop = 2.0 * (double)s->m * (double)s->n * (double)s->k;
    use_threads(who);
    double t0 = now();
    for (long r = 0; r < reps; r++)
        product(who, o);
    return flop * (double)reps / (now() - t0) / 1e9;
}

/*
 * Median (or with best, highest) GFLOP/s of each contender over `runs`
 * runs. The contenders take turns run by run, so that whatever else the
 * machine is doing meanwhile weighs on all of them alike.
 */
static void measure(const struct contender *who, int count, struct operands *o,
                    int runs, int best, double *result)
{
    long reps[4];
    double rate[4][MAX_RUNS];
    for (int w = 0; w < count; w++)
        reps[w] = calibrate(&who[w], o, best ? RUN_SECONDS_BEST : RUN_SECONDS);
    for (int i = 0; i < runs; i++)
        for (int w = 0; w < count; w++)
            rate[w][i] = one_run(&who[w], o, reps[w]);
    for (int w = 0; w < count; w++) {
        qsort(rate[w], (size_t)runs, sizeof rate[w][0], cmp_double);
        result[w] = rate[w][best ? runs - 1 : runs / 2];
    }
}

/* Characters in a UTF-8 string: bytes that do not continue a sequence. */
static size_t utf8_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static int usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s [--runs N (1..%d)] [--threads N (2..%d)] [--best] | "
            "--peak\n",
            prog, MAX_RUNS, NN_POOL_MAX_THREADS);
    return 2;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* nnlab-bench --peak: the f32 GFLOP/s of one core, alone on its line. */
static int print_peak(const char *prog)
{
#ifdef NN_BENCH_PEAK
    if (__builtin_cpu_supports("avx512f")) {
        printf("%.1f\n", bench_peak());
        return 0;
    }
#endif
    fprintf(stderr, "%s: --peak: measured only on x86-64 with AVX-512\n", prog);
    return 1;
}

int main(int argc, char **argv)
{
    int runs = 9, threads = 2, best = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            if (parse_int(argv[++i], 1, MAX_RUNS, &runs) != 0) {
                fprintf(stderr, "%s: bad --runs value '%s'\n", argv[0],
                        argv[i]);
                return usage(argv[0]);
            }
        } else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
            if (parse_int(argv[++i], 2, NN_POOL_MAX_THREADS, &threads) != 0) {
                fprintf(stderr, "%s: bad --threads value '%s'\n", argv[0],
                        argv[i]);
                return usage(argv[0]);
            }
        } else if (strcmp(argv[i], "--best") == 0) {
            best = 1;
        } else if (strcmp(argv[i], "--peak") == 0) {
            if (argc == 2)
                return print_peak(argv[0]);
            fprintf(stderr, "%s: --peak goes alone\n", argv[0]);
            return usage(argv[0]);
        } else {
            fprintf(stderr, "%s: unknown argument '%s'\n", argv[0], argv[i]);
            return usage(argv[0]);
        }
    }
    struct nn_pool *pool;
    int err = nn_pool_create(&pool, threads);
    if (err) {
        fprintf(stderr, "%s: cannot start %d threads: %s\n", argv[0], threads,
                nn_strerror(err));
        return 1;
    }
    const struct gemm_kernel *kern[2];
    gemm_kernels(NN_F32, &kern[0], 1);
    gemm_kernels(NN_F64, &kern[1], 1);
    printf("matrix product, GFLOP/s, %s of %d runs; kernel: %s\n",
           best ? "best" : "median", runs, kern[0]->name);
#ifdef NN_BENCH_PEAK
    if (__builtin_cpu_supports("avx512f")) {
        double peak = bench_peak();
        printf("ceiling: one core's peak multiply-add rate, %.1f f32, "
               "%.1f f64\n",
               peak, peak / 2);
    }
#endif
    /* columns: ours on 1 and N threads, then OpenBLAS and the ratios */
    char nthr[16], blasn[16], ratio[16];
    snprintf(nthr, sizeof nthr, "%d thr", threads);
    snprintf(blasn, sizeof blasn, "blas %d", threads);
    snprintf(ratio, sizeof ratio, "%d/blas", threads);
#ifdef NN_BENCH_OPENBLAS
    printf("%-27s %-5s %8s %8s %8s %8s %6s %6s\n", "product", "dtype", "1 thr",
           nthr, "blas 1", blasn, "1/blas", ratio);
#else
    (void)blasn;
    (void)ratio;
    printf("%-27s %-5s %8s %8s   (OpenBLAS not found at build time)\n",
           "product", "dtype", "1 thr", nthr);
#endif
    for (size_t si = 0; si < sizeof shapes / sizeof shapes[0]; si++) {
        for (int d = 0; d < 2; d++) {
            enum nn_dtype dt = d ? NN_F64 : NN_F32;
            struct operands o;
            if (operands_init(&o, &shapes[si], dt) != NN_OK) {
                fprintf(stderr, "%s: out of memory\n", argv[0]);
                operands_fini(&o);
                nn_pool_free(pool);
                return 1;
            }
            /* ours on 1 and N threads, then OpenBLAS likewise */
            struct contender who[4] = {
                {NULL, 0, 1},
                {pool, 0, threads},
                {NULL, 1, 1},
                {NULL, 1, threads},
            };
            double g[4];
#ifdef NN_BENCH_OPENBLAS
            measure(who, 4, &o, runs, best, g);
#else
            measure(who, 2, &o, runs, best, g);
#endif
            /* the name column holds UTF-8 (·, ᵀ): pad by characters */
            printf("%s", shapes[si].what);
            for (size_t w = utf8_width(shapes[si].what); w < 27; w++)
                putchar(' ');
            printf(" %-5s %8.1f %8.1f", nn_dtype_name(dt), g[0], g[1]);
#ifdef NN_BENCH_OPENBLAS
            printf(" %8.1f %8.1f %5.0f%% %5.0f%%", g[2], g[3],
                   100 * g[0] / g[2], 100 * g[1] / g[3]);
#endif
            putchar('\n');
            fflush(stdout);
            operands_fini(&o);
        }
    }
    nn_pool_free(pool);
    return 0;
}
