/*
 * The worker pool behind nn_mat_gemm_pool(): a fixed set of pthreads that
 * run the parts of a job whenever the caller starts a round.
 *
 * A round: the caller stores the job, marks every part unclaimed and bumps
 * `round` under the lock (so a worker about to sleep cannot miss it).
 * Then every thread, the caller included, claims parts with a
 * compare-and-swap, its own part first, and runs what it claimed; the
 * caller returns once `done` counts every part. A worker that the system
 * has not scheduled yet (the other core is busy with another program)
 * therefore never holds the caller up: the caller takes its part over.
 * A worker polls `round` for a while (products come in quick succession
 * while training), then sleeps on the condition variable.
 */
#include "core/gemm_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "core/error.h"
#include "core/gemm_impl.h"

/* Polls before a worker goes to sleep: with a pause of tens of cycles
 * each, a fraction of a millisecond. */
#define POOL_SPINS 20000

struct pool_worker {
    struct nn_pool *pool;
    int part;
    pthread_t thread;
};

struct nn_pool {
    int nthreads;
    struct pool_worker *workers; /* nthreads - 1 of them */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    /* bumped once per job */
    atomic_uint round;
    /* claimed[i] is 1 once a thread has taken part i of this round */
    atomic_int claimed[NN_POOL_MAX_THREADS];
    /* parts finished in this round */
    atomic_int done;
    /* set before a round to end the workers */
    atomic_int quit;
    void (*fn)(void *arg, int part);
    void *arg;
};

static void pool_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/*
 * Claim and run every part still free, starting at `first`. A worker late
 * by a whole round may claim a part of the next one: fn and arg are read
 * after the claim, so it then runs that part correctly.
 */
static void pool_take_parts(struct nn_pool *pool, int first)
{
    for (int q = 0; q < pool->nthreads; q++) {
        int part = (first + q) % pool->nthreads, free_mark = 0;
        if (atomic_compare_exchange_strong(&pool->claimed[part], &free_mark,
                                           1)) {
            pool->fn(pool->arg, part);
            atomic_fetch_add_explicit(&pool->done, 1, memory_order_release);
        }
    }
}

static void *pool_worker_main(void *arg)
{
    struct pool_worker *w = arg;
    struct nn_pool *pool = w->pool;
    unsigned seen = 0;
    for (;;) {
        unsigned r;
        int spins = 0;
        while ((r = atomic_load_explicit(&pool->round, memory_order_acquire)) ==
               seen) {
            if (++spins < POOL_SPINS) {
                pool_relax();
                continue;
            }
            pthread_mutex_lock(&pool->lock);
            while (atomic_load(&pool->round) == seen)
                pthread_cond_wait(&pool->wake, &pool->lock);
            pthread_mutex_unlock(&pool->lock);
        }
        seen = r;
        if (atomic_load_explicit(&pool->quit, memory_order_relaxed))
            return NULL;
        pool_take_parts(pool, w->part);
    }
}

/* Start a round: wake the workers (all parts must be set up before). */
static void pool_start(struct nn_pool *pool)
{
    pthread_mutex_lock(&pool->lock);
    atomic_fetch_add_explicit(&pool->round, 1, memory_order_release);
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->lock);
}

void gemm_pool_run(struct nn_pool *pool, void (*fn)(void *arg, int part),
                   void *arg)
{
    pool->fn = fn;
    pool->arg = arg;
    atomic_store_explicit(&pool->done, 0, memory_order_relaxed);
    for (int i = 0; i < pool->nthreads; i++)
        atomic_store_explicit(&pool->claimed[i], 0, memory_order_release);
    pool_start(pool);
    pool_take_parts(pool, 0);
    while (atomic_load_explicit(&pool->done, memory_order_acquire) !=
           pool->nthreads)
        pool_relax();
}

int nn_pool_create(struct nn_pool **out, int nthreads)
{
    *out = NULL;
    if (nthreads < 1 || nthreads > NN_POOL_MAX_THREADS)
        return NN_EINVAL;
    struct nn_pool *pool = calloc(1, sizeof *pool);
    if (!pool)
        return NN_ENOMEM;
    pool->workers = calloc((size_t)nthreads, sizeof *pool->workers);
    if (!pool->workers) {
        free(pool);
        return NN_ENOMEM;
    }
    pthread_mutex_init(&pool->lock, NULL);
    pthread_cond_init(&pool->wake, NULL);
    atomic_init(&pool->round, 0);
    atomic_init(&pool->done, 0);
    atomic_init(&pool->quit, 0);
    for (int i = 0; i < NN_POOL_MAX_THREADS; i++)
        atomic_init(&pool->claimed[i], 1);
    pool->nthreads = 1;
    for (int i = 1; i < nthreads; i++) {
        struct pool_worker *w = &pool->workers[i - 1];
        w->pool = pool;
        w->part = i;
        if (pthread_create(&w->thread, NULL, pool_worker_main, w) != 0) {
            nn_pool_free(pool);
            return NN_ENOMEM;
        }
        pool->nthreads++;
    }
    *out = pool;
    return NN_OK;
}

void nn_pool_free(struct nn_pool *pool)
{
    if (!pool)
        return;
    if (pool->nthreads > 1) {
        atomic_store_explicit(&pool->quit, 1, memory_order_relaxed);
        pool_start(pool);
        for (int i = 1; i < pool->nthreads; i++)
            pthread_join(pool->workers[i - 1].thread, NULL);
    }
    pthread_cond_destroy(&pool->wake);
    pthread_mutex_destroy(&pool->lock);
    free(pool->workers);
    free(pool);
}

int nn_pool_threads(const struct nn_pool *pool)
{
    return pool ? pool->nthreads : 1;
}
