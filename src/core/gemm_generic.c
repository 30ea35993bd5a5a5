/*
 * The blocked matrix product for any CPU: 16-byte vectors, which every
 * target GCC knows lowers to its own vector unit (SSE2 on x86-64, NEON on
 * arm64) or to plain scalar code. This is the portable path, always built.
 */
#include "core/gemm_impl.h"

#define T float
#define SFX f32_generic
#define NAME "generic"
#define VB 16
#define MR 6
#define NVMAX 2
#define KC 256
#define MC 120
#define NC 512
#include "core/gemm_kernel.inc"

#define T double
#define SFX f64_generic
#define NAME "generic"
#define VB 16
#define MR 6
#define NVMAX 2
#define KC 256
#define MC 60
#define NC 512
#include "core/gemm_kernel.inc"
