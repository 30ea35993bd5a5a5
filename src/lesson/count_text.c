/* Counts with thousands separators (see count_text.h). */
#include "lesson/count_text.h"

#include <stdio.h>

void count_text_format(char *buf, size_t n, size_t v)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", v);
    size_t k = 0;
    /* A comma before each digit that starts a group of three from the
     * right; k + 2 < n leaves room for a comma, the digit and the NUL. */
    for (int i = 0; i < len && k + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}
