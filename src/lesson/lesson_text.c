/* Text helpers of the lesson parser (see lesson_text.h). */
#include "lesson/lesson_text.h"

#include <stdlib.h>
#include <string.h>

int ltext_buf_add(struct ltext_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->s, cap);
        if (!q)
            return -1;
        b->s = q;
        b->cap = cap;
    }
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

char *ltext_buf_take(struct ltext_buf *b)
{
    char *s = b->s ? b->s : ltext_strndup("", 0);
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void ltext_buf_fini(struct ltext_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

char *ltext_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    if (n)
        memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void ltext_trim(const char **s, const char **end)
{
    while (*s < *end && (**s == ' ' || **s == '\t'))
        (*s)++;
    while (*end > *s && ((*end)[-1] == ' ' || (*end)[-1] == '\t'))
        (*end)--;
}

int ltext_is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

size_t ltext_token_len(const char *s, const char *end)
{
    size_t n = 0;
    while (s + n < end && s[n] != ' ' && s[n] != '\t' && n < 40)
        n++;
    return n;
}

/*
 * UTF-8 (RFC 3629): a lead byte gives the length, 1 to 4; continuation
 * bytes are 10xxxxxx. Refused: overlong forms (a shorter encoding
 * exists), UTF-16 surrogates U+D800..U+DFFF, and anything past U+10FFFF.
 */
enum ltext_status ltext_validate(const char *s, size_t n, size_t *off,
                                 unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        unsigned long v;
        size_t k;
        unsigned long min;
        *off = i;
        if (c < 0x80) {
            v = c;
            k = 1;
            min = 0;
        } else if ((c & 0xE0) == 0xC0) {
            v = c & 0x1F;
            k = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            v = c & 0x0F;
            k = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            v = c & 0x07;
            k = 4;
            min = 0x10000;
        } else {
            return LTEXT_BAD_UTF8;
        }
        if (k > n - i)
            return LTEXT_BAD_UTF8;
        for (size_t j = 1; j < k; j++) {
            if ((u[i + j] & 0xC0) != 0x80)
                return LTEXT_BAD_UTF8;
            v = (v << 6) | (u[i + j] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return LTEXT_BAD_UTF8;
        *cp = v;
        if (v == 0)
            return LTEXT_NUL;
        if ((v < 0x20 && v != '\t') || (v >= 0x7F && v <= 0x9F))
            return LTEXT_CONTROL;
        i += k;
    }
    return LTEXT_OK;
}
