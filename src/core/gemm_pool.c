/*
 * The worker pool behind nn_mat_gemm_pool(): a fixed set of pthreads that
 * run "part i of the current job" whenever the caller starts a round.
 *
 * Hand-off: the caller stores the job, sets `busy` to the number of
 * workers and bumps `round` under the lock (so a worker about to sleep
 * cannot miss it), then does part 0 itself and spins until `busy` is 0.
 * A worker spins on `round` for a while (products come in quick
 * succession while training), then sleeps on the condition variable.
 */
#include "core/gemm_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "core/error.h"
#include "core/gemm_impl.h"

/* About a millisecond of polling before a worker goes to sleep. */
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
    atomic_uint round; /* bumped once per job */
    atomic_int busy;   /* workers still inside the current job */
    int quit;          /* set (before a round) to end the workers */
    void (*fn)(void *arg, int part);
    void *arg;
};

static void pool_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

static void *pool_worker_main(void *arg)
{
    struct pool_worker *w = arg;
    struct nn_pool *pool = w->pool;
    unsigned seen = 0;
    for (;;) {
        unsigned r;
        int spins = 0;
        while ((r = atomic_load_explicit(&pool->round,
                                         memory_order_acquire)) == seen) {
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
        if (pool->quit)
            return NULL;
        pool->fn(pool->arg, w->part);
        atomic_fetch_sub_explicit(&pool->busy, 1, memory_order_release);
    }
}

/* Start a round: workers are told to run fn(arg, part) for parts 1.. */
static void pool_start(struct nn_pool *pool)
{
    atomic_store_explicit(&pool->busy, pool->nthreads - 1,
                          memory_order_relaxed);
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
    pool_start(pool);
    fn(arg, 0);
    while (atomic_load_explicit(&pool->busy, memory_order_acquire) != 0)
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
    atomic_init(&pool->busy, 0);
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
        pool->quit = 1;
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
