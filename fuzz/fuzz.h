/*
 * The entry point every fuzz target defines: one input, parsed and thrown
 * away. libFuzzer calls it millions of times; replay.c calls it once per
 * corpus file in an ordinary build, so every input that ever crashed stays
 * a regression test.
 *
 * A target must not keep state between calls, must free all it allocates
 * (leaks are reported as crashes) and returns 0.
 */
#ifndef FUZZ_FUZZ_H
#define FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
