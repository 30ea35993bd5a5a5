/*
 * The seeded random number generator of the numeric core.
 *
 * Generator: xoshiro256** (Blackman and Vigna, 2018), 256 bits of state,
 * period 2^256 - 1. The seed goes through splitmix64 to fill the four state
 * words, so nearby seeds (1, 2, 3 ...) give unrelated streams and no seed
 * gives the all-zero state. Everything below is integer arithmetic except
 * the normal draw, which uses libm's log and sqrt (see nn_rng_normal), so
 * the same seed gives bit-identical numbers on every run.
 *
 * There is no global generator: the state lives in caller storage and is
 * passed by pointer to everything that draws numbers (weight init, shuffles,
 * dropout ...). A copy of a struct nn_rng continues the same stream.
 */
#ifndef NN_RNG_H
#define NN_RNG_H

#include <stddef.h>
#include <stdint.h>

struct nn_rng {
    uint64_t s[4]; /* xoshiro256** state */
    double spare;  /* second normal of the last polar-method pair */
    int has_spare; /* 1 when spare holds an unused normal */
};

/* Start the stream for `seed` (any value, 0 included). */
void nn_rng_seed(struct nn_rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t nn_rng_next(struct nn_rng *r);
/* Uniform in [0, 1): the top 53 bits of one draw, times 2^-53. */
double nn_rng_uniform(struct nn_rng *r);
/* Uniform integer in [0, n) without modulo bias (rejection); n > 0. */
uint64_t nn_rng_below(struct nn_rng *r, uint64_t n);
/*
 * Standard normal (mean 0, standard deviation 1) by Marsaglia's polar
 * method: draw (u, v) uniform in the square [-1, 1)² until s = u² + v² is in
 * (0, 1), then u·m and v·m with m = sqrt(-2 ln s / s) are two independent
 * normals. The second is kept in the state for the next call.
 */
double nn_rng_normal(struct nn_rng *r);
/* Fisher–Yates shuffle of idx[0..n): every order equally likely. */
void nn_rng_shuffle(struct nn_rng *r, size_t *idx, size_t n);

#endif
