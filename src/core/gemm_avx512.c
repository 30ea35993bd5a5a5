/*
 * The blocked matrix product for x86-64 CPUs with AVX-512F (built with
 * -mavx512f -mfma; gemm.c calls it only when the CPU has it). 32 zmm
 * registers: a 10 x 2-vector tile takes 20 of them. Ten rows divide the
 * sizes MNIST training meets (50, 100, 784) with little or no padding.
 */
#include "core/gemm_impl.h"

#define T float
#define SFX f32_avx512
#define NAME "avx512"
#define VB 64
#define MR 10
#define NVMAX 2
#define KC 384
#define MC 120
#define NC 512
#include "core/gemm_kernel.inc"

#define T double
#define SFX f64_avx512
#define NAME "avx512"
#define VB 64
#define MR 10
#define NVMAX 2
#define KC 256
#define MC 120
#define NC 512
#include "core/gemm_kernel.inc"
