/* xoshiro256** seeded by splitmix64, and the draws built on it (rng.h). */
#include "core/rng.h"

#include <math.h>

/* splitmix64: a 64-bit counter passed through a bijective mixer. Used only
 * to expand the seed into the generator's four state words. */
static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void nn_rng_seed(struct nn_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    r->spare = 0;
    r->has_spare = 0;
}

uint64_t nn_rng_next(struct nn_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double nn_rng_uniform(struct nn_rng *r)
{
    return (double)(nn_rng_next(r) >> 11) * 0x1.0p-53;
}

uint64_t nn_rng_below(struct nn_rng *r, uint64_t n)
{
    /* Accept only draws below the largest multiple of n that fits in 2^64,
     * so every residue is equally likely. At most half the draws are
     * rejected, for n just above 2^63; for small n almost none. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = nn_rng_next(r);
    while (x >= limit);
    return x % n;
}

double nn_rng_normal(struct nn_rng *r)
{
    if (r->has_spare) {
        r->has_spare = 0;
        return r->spare;
    }
    double u, v, s;
    do {
        u = 2.0 * nn_rng_uniform(r) - 1.0;
        v = 2.0 * nn_rng_uniform(r) - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double m = sqrt(-2.0 * log(s) / s);
    r->spare = v * m;
    r->has_spare = 1;
    return u * m;
}

void nn_rng_shuffle(struct nn_rng *r, size_t *idx, size_t n)
{
    /* Walk down from the end, swapping each slot with a random one at or
     * before it. */
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)nn_rng_below(r, i);
        size_t t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}
