/*
 * Worker threads for the matrix product.
 *
 * The number of threads is an explicit object rather than a process-wide
 * setting because the core keeps no mutable global state: whoever wants
 * parallel products (the training loop, the benchmark) creates a pool
 * once, passes it to nn_mat_gemm_pool(), and frees it at the end.
 * nn_mat_gemm() never uses threads. The workers stay alive between calls
 * and wait for work by spinning briefly, then sleeping, so handing them a
 * product costs well under a microsecond while they are warm and nothing
 * while the program is idle.
 *
 * A pool runs one product at a time: two threads must not use the same
 * pool at once.
 */
#ifndef NN_GEMM_POOL_H
#define NN_GEMM_POOL_H

#include "core/mat.h"

#define NN_POOL_MAX_THREADS 64

struct nn_pool;

/*
 * Create a pool of nthreads threads in all, the caller's own included
 * (nthreads - 1 workers are started; 1 starts none). NN_EINVAL unless
 * 1 <= nthreads <= NN_POOL_MAX_THREADS; NN_ENOMEM if threads or memory
 * cannot be had. On success *pool is owned by the caller.
 */
int nn_pool_create(struct nn_pool **pool, int nthreads);
/* Stop the workers and free the pool; NULL is allowed. */
void nn_pool_free(struct nn_pool *pool);
/* Threads in the pool, the caller's included (1 for a NULL pool). */
int nn_pool_threads(const struct nn_pool *pool);

/*
 * nn_mat_gemm() (see mat.h) spread over the pool's threads; pool may be
 * NULL for one thread. Small products run on the calling thread alone,
 * where waking the others would cost more than it saves. The result does
 * not depend on the number of threads: each element of C is computed by
 * one thread in the same order.
 */
int nn_mat_gemm_pool(struct nn_pool *pool, struct nn_mat *c,
                     const struct nn_mat *a, int trans_a,
                     const struct nn_mat *b, int trans_b, double alpha,
                     double beta);

#endif
