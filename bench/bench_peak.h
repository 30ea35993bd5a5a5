/* Peak vector multiply-add rate of one core (bench_peak.c). */
#ifndef NN_BENCH_PEAK_H
#define NN_BENCH_PEAK_H

/* Best of many short runs (the likeliest to have had the core to
 * itself), in f32 GFLOP/s. */
double bench_peak(void);

#endif
