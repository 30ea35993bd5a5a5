/* Peak vector multiply-add rate of one core (bench_peak.c). */
#ifndef NN_BENCH_PEAK_H
#define NN_BENCH_PEAK_H

/* Best of a few runs, in GFLOP/s, for f32 (f64 == 0) or f64. */
double bench_peak(int f64);

#endif
