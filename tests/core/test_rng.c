/*
 * The seeded RNG: reference outputs of splitmix64 and xoshiro256**
 * (computed with an independent implementation of the published
 * algorithms), statistics of the uniform and normal draws, shuffles.
 */
#include "check_helpers.h"
#include "core/rng.h"

#include <string.h>

START_TEST(test_reference_stream)
{
    struct nn_rng r;
    nn_rng_seed(&r, 0);
    /* splitmix64 from 0: its published first output is 0xe220a8397b1dcdaf */
    ck_assert(r.s[0] == 0xe220a8397b1dcdafu);
    ck_assert(r.s[1] == 0x6e789e6aa1b965f4u);
    ck_assert(nn_rng_next(&r) == 0x99ec5f36cb75f2b4u);
    ck_assert(nn_rng_next(&r) == 0xbf6e1f784956452au);
    ck_assert(nn_rng_next(&r) == 0x1a5f849d4933e6e0u);
    ck_assert(nn_rng_next(&r) == 0x6aa594f1262d2d2cu);
    nn_rng_seed(&r, 42);
    ck_assert(nn_rng_next(&r) == 0x15780b2e0c2ec716u);
    ck_assert(nn_rng_next(&r) == 0x6104d9866d113a7eu);
    /* uniform = top 53 bits / 2^53 */
    ck_assert(nn_rng_uniform(&r) == 0.6800434110281394);
}
END_TEST

START_TEST(test_uniform_and_below)
{
    struct nn_rng r;
    nn_rng_seed(&r, 1);
    enum { N = 200000 };
    double sum = 0;
    size_t counts[7] = {0};
    for (int i = 0; i < N; i++) {
        double u = nn_rng_uniform(&r);
        ck_assert(u >= 0.0 && u < 1.0);
        sum += u;
        uint64_t k = nn_rng_below(&r, 7);
        ck_assert(k < 7);
        counts[k]++;
    }
    /* mean 1/2, standard error sqrt(1/12 / N) ≈ 0.00065 */
    ck_assert_near(sum / N, 0.5, 0.004);
    for (int k = 0; k < 7; k++) /* N/7 ≈ 28571, sd ≈ 156 */
        ck_assert_near((double)counts[k], N / 7.0, 1000);
    ck_assert(nn_rng_below(&r, 1) == 0);
}
END_TEST

START_TEST(test_normal_moments)
{
    struct nn_rng r;
    nn_rng_seed(&r, 2);
    enum { N = 200000 };
    double s1 = 0, s2 = 0, s4 = 0;
    int beyond2 = 0;
    for (int i = 0; i < N; i++) {
        double z = nn_rng_normal(&r);
        ck_assert(isfinite(z));
        s1 += z;
        s2 += z * z;
        s4 += z * z * z * z;
        beyond2 += fabs(z) > 2;
    }
    ck_assert_near(s1 / N, 0.0, 0.01);  /* se 0.0022 */
    ck_assert_near(s2 / N, 1.0, 0.015); /* se 0.0032 */
    ck_assert_near(s4 / N, 3.0, 0.1);   /* kurtosis of a normal */
    /* P(|z| > 2) = 0.0455 for a standard normal */
    ck_assert_near((double)beyond2 / N, 0.0455, 0.003);
}
END_TEST

START_TEST(test_same_seed_same_stream)
{
    struct nn_rng a, b, c;
    nn_rng_seed(&a, 12345);
    nn_rng_seed(&b, 12345);
    nn_rng_seed(&c, 12346);
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
        double x = nn_rng_normal(&a), y = nn_rng_normal(&b);
        ck_assert(memcmp(&x, &y, sizeof x) == 0);
        differ += nn_rng_normal(&c) != x;
    }
    ck_assert_int_gt(differ, 990);
}
END_TEST

START_TEST(test_shuffle)
{
    struct nn_rng r;
    nn_rng_seed(&r, 3);
    enum { N = 100 };
    size_t idx[N];
    int moved = 0;
    for (size_t i = 0; i < N; i++)
        idx[i] = i;
    nn_rng_shuffle(&r, idx, N);
    int seen[N] = {0};
    for (size_t i = 0; i < N; i++) {
        ck_assert_uint_lt(idx[i], N);
        seen[idx[i]]++;
        moved += idx[i] != i;
    }
    for (size_t i = 0; i < N; i++)
        ck_assert_int_eq(seen[i], 1); /* a permutation */
    ck_assert_int_gt(moved, 80);      /* about 99 expected */
    /* Every order of 3 items about equally often (6 orders). */
    int count[3][3] = {{0}};
    for (int t = 0; t < 60000; t++) {
        size_t v[3] = {0, 1, 2};
        nn_rng_shuffle(&r, v, 3);
        count[0][v[0]]++;
        count[1][v[1]]++;
        count[2][v[2]]++;
    }
    for (int p = 0; p < 3; p++)
        for (int k = 0; k < 3; k++)
            ck_assert_near((double)count[p][k], 20000, 600);
    nn_rng_shuffle(&r, idx, 0); /* empty and single are fine */
    nn_rng_shuffle(&r, idx, 1);
}
END_TEST

static Suite *rng_suite(void)
{
    Suite *s = suite_create("rng");
    TCase *tc = tcase_create("rng");
    tcase_add_test(tc, test_reference_stream);
    tcase_add_test(tc, test_uniform_and_below);
    tcase_add_test(tc, test_normal_moments);
    tcase_add_test(tc, test_same_seed_same_stream);
    tcase_add_test(tc, test_shuffle);
    suite_add_tcase(s, tc);
    return s;
}

CHECK_MAIN(rng_suite)
