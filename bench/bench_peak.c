/*
 * The ceiling for nnlab-bench's figures: how many GFLOP/s one core of
 * this machine does when it does nothing but f32 vector multiply-adds,
 * with operands in registers (f64 is half of it: the same instructions on
 * half as many lanes). Built with -mavx512f -mfma (bench/meson.build);
 * call it only when the CPU has AVX-512F.
 */
#include "bench_peak.h"

#include <time.h>

/* Independent sums, enough to cover the multiply-add latency on every
 * current core (latency 4 x 2 units = 8 in flight) with room to spare. */
#define PEAK_ACC 24
#define PEAK_ITERS 200000L

typedef float peak_vec __attribute__((vector_size(64)));

static double peak_once(void)
{
    peak_vec acc[PEAK_ACC], x = {0}, y = {0};
    for (int i = 0; i < PEAK_ACC; i++)
        acc[i] = x;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long it = 0; it < PEAK_ITERS; it++) {
#pragma GCC unroll 24
        for (int i = 0; i < PEAK_ACC; i++)
            acc[i] = acc[i] * x + y;
        /* x and y may have changed: keep the work in the loop */
        __asm__ volatile("" : "+v"(x), "+v"(y));
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    for (int i = 1; i < PEAK_ACC; i++)
        acc[0] += acc[i];
    __asm__ volatile("" : : "v"(acc[0]));
    double s = (double)(t1.tv_sec - t0.tv_sec) +
               1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
    return 2.0 * PEAK_ACC * 16 * (double)PEAK_ITERS / s / 1e9;
}

double bench_peak(void)
{
    double best = 0;
    for (int r = 0; r < 50; r++) {
        double g = peak_once();
        if (g > best)
            best = g;
    }
    return best;
}
