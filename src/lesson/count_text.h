/*
 * Counts written for people: digits grouped in threes with commas, as the
 * lessons print dataset sizes, parameter counts and evaluation costs.
 */
#ifndef LESSON_COUNT_TEXT_H
#define LESSON_COUNT_TEXT_H

#include <stddef.h>

/* v into buf (n bytes, always terminated): 60000 -> "60,000". A buffer too
 * small for all the digits keeps the leading ones that fit. */
void count_text_format(char *buf, size_t n, size_t v);

#endif
