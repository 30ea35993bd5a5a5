/*
 * The blocked matrix product for x86-64 CPUs with AVX2 and FMA (built with
 * -mavx2 -mfma; gemm.c calls it only when the CPU has both). 16 ymm
 * registers: a 6 x 2-vector tile takes 12 of them, leaving room for the
 * two vectors of B and one broadcast of A.
 */
#include "core/gemm_impl.h"

#define T float
#define SFX f32_avx2
#define NAME "avx2"
#define VB 32
#define MR 6
#define NVMAX 2
#define KC 256
#define MC 120
#define NC 512
#include "core/gemm_kernel.inc"

#define T double
#define SFX f64_avx2
#define NAME "avx2"
#define VB 32
#define MR 6
#define NVMAX 2
#define KC 256
#define MC 60
#define NC 512
#include "core/gemm_kernel.inc"
